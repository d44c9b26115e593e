package dev.nebula.faas;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limits one function runs under, set at deploy time (query parameters of the deploy
 * request; each one left out takes its default).
 *
 * @param timeoutMs       wall-clock time one invocation may take, instantiation included
 * @param maxMemoryPages  64 KiB pages each memory of an instance may grow to
 * @param maxOutputBytes  bytes the function may write to stdout, and separately to stderr
 * @param maxBodyBytes    bytes of request body (the function's stdin) accepted; more gets 413
 * @param maxConcurrency  invocations of this function running at once; more get 429
 */
public record FunctionLimits(long timeoutMs, int maxMemoryPages, long maxOutputBytes, long maxBodyBytes, int maxConcurrency) {

    public static final FunctionLimits DEFAULTS = new FunctionLimits(5_000, 256, 1 << 20, 1 << 20, 16);

    /** The largest value each parameter accepts: far above any sane use, low enough to be safe. */
    public static final long MAX_TIMEOUT_MS = 600_000;
    public static final int MAX_MEMORY_PAGES = 32_767;
    public static final long MAX_OUTPUT_BYTES = 64L << 20;
    public static final long MAX_BODY_BYTES = 64L << 20;
    public static final int MAX_CONCURRENCY = 1_024;

    public FunctionLimits {
        checkRange("timeout_ms", timeoutMs, 1, MAX_TIMEOUT_MS);
        checkRange("max_memory_pages", maxMemoryPages, 0, MAX_MEMORY_PAGES);
        checkRange("max_output_bytes", maxOutputBytes, 0, MAX_OUTPUT_BYTES);
        checkRange("max_body_bytes", maxBodyBytes, 0, MAX_BODY_BYTES);
        checkRange("max_concurrency", maxConcurrency, 1, MAX_CONCURRENCY);
    }

    /**
     * The limits that {@code parameters} (query parameter name to value) give over
     * {@code defaults}. Unknown parameters are refused so that a typo does not silently deploy
     * a function with a default it was meant to override.
     *
     * @throws IllegalArgumentException naming the parameter, for a non-number, out-of-range value or unknown name
     */
    public static FunctionLimits fromParameters(Map<String, String> parameters, FunctionLimits defaults) {
        long timeout = defaults.timeoutMs;
        long pages = defaults.maxMemoryPages;
        long output = defaults.maxOutputBytes;
        long body = defaults.maxBodyBytes;
        long concurrency = defaults.maxConcurrency;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            long value = parse(p.getKey(), p.getValue());
            switch (p.getKey()) {
                case "timeout_ms" -> timeout = value;
                case "max_memory_pages" -> pages = value;
                case "max_output_bytes" -> output = value;
                case "max_body_bytes" -> body = value;
                case "max_concurrency" -> concurrency = value;
                default -> throw new IllegalArgumentException("unknown parameter \"" + p.getKey()
                        + "\" (known: timeout_ms, max_memory_pages, max_output_bytes, max_body_bytes, max_concurrency, files)");
            }
        }
        checkRange("max_memory_pages", pages, 0, MAX_MEMORY_PAGES);
        checkRange("max_concurrency", concurrency, 1, MAX_CONCURRENCY);
        return new FunctionLimits(timeout, (int) pages, output, body, (int) concurrency);
    }

    /** The limits as the API shows them, snake_case names in a fixed order. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timeout_ms", timeoutMs);
        json.put("max_memory_pages", maxMemoryPages);
        json.put("max_output_bytes", maxOutputBytes);
        json.put("max_body_bytes", maxBodyBytes);
        json.put("max_concurrency", maxConcurrency);
        return json;
    }

    /** Reads limits back from {@link #toJson()}'s shape; missing entries take {@code defaults}. */
    public static FunctionLimits fromJson(Map<String, ?> json, FunctionLimits defaults) {
        Map<String, String> asText = new LinkedHashMap<>();
        json.forEach((k, v) -> asText.put(k, String.valueOf(v)));
        return fromParameters(asText, defaults);
    }

    private static long parse(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got \"" + text + "\"");
        }
    }

    private static void checkRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", got " + value);
        }
    }
}
