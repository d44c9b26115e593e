package dev.nebula.faas;

/**
 * One call of a function: its input and when the request for it arrived, so that the invoker can
 * report start-up time from the client's point of view.
 *
 * @param stdin         the request body, the function's standard input
 * @param receivedNanos {@link System#nanoTime()} when the host began handling the request
 * @param cancel        lets the host stop the call from another thread
 */
public record Invocation(byte[] stdin, long receivedNanos, CancelSignal cancel) {
}
