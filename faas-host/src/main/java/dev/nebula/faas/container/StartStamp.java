package dev.nebula.faas.container;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The thesis's start stamp. A function asked for it ({@value #VARIABLE}{@code =1} in its
 * environment) ends its answer line with {@code |T}, where T is the realtime clock in
 * microseconds since the epoch when its {@code main} began. The host subtracts the time it
 * received the request to get the start-up time, and gives the client the answer without the
 * stamp. The same format serves Wasm and container functions: both read the host kernel's clock.
 */
public final class StartStamp {

    /** The environment variable that asks a function for its stamp. */
    public static final String VARIABLE = "NEBULA_STAMP";

    /** Stamps longer than this are not epoch microseconds (19 digits reach year 2286). */
    private static final int MAX_DIGITS = 19;

    private StartStamp() {
    }

    /**
     * An answer with its stamp taken off.
     *
     * @param answer the output without the stamp (the final newline kept when there was one)
     * @param mainStartMicros when the function's {@code main} began, epoch microseconds
     */
    public record Stamped(byte[] answer, long mainStartMicros) {
    }

    /**
     * Takes the stamp off the end of {@code output}: the last line must be {@code ...|DIGITS}
     * followed by an optional newline. Anything else is no stamp (empty), and the output stays
     * as it is.
     */
    public static Optional<Stamped> strip(byte[] output) {
        int end = output.length;
        boolean newline = end > 0 && output[end - 1] == '\n';
        if (newline) end--;
        int digitsStart = end;
        while (digitsStart > 0 && output[digitsStart - 1] >= '0' && output[digitsStart - 1] <= '9') digitsStart--;
        int digits = end - digitsStart;
        if (digits == 0 || digits > MAX_DIGITS || digitsStart == 0 || output[digitsStart - 1] != '|') return Optional.empty();
        long micros;
        try {
            micros = Long.parseLong(new String(output, digitsStart, digits, StandardCharsets.US_ASCII));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        int bar = digitsStart - 1;
        byte[] answer = Arrays.copyOf(output, bar + (newline ? 1 : 0));
        if (newline) answer[bar] = '\n';
        return Optional.of(new Stamped(answer, micros));
    }
}
