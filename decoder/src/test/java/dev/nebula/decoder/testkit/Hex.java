package dev.nebula.decoder.testkit;

/** Hex dumps for failure messages, so that a failing input can be reproduced from the report. */
public final class Hex {

    /** Longer inputs show their start and end only; a report of megabytes helps nobody. */
    private static final int SHOWN = 256;

    private Hex() {
    }

    public static String of(byte[] bytes, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) s.append(' ');
            s.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return s.toString();
    }

    /** All bytes when short; else the first and last {@value #SHOWN}/2 and the length. */
    public static String abbreviated(byte[] bytes) {
        if (bytes.length <= SHOWN) return of(bytes, 0, bytes.length);
        int half = SHOWN / 2;
        return of(bytes, 0, half) + " ... (" + bytes.length + " bytes) ... " + of(bytes, bytes.length - half, bytes.length);
    }
}
