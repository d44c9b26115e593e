package dev.nebula.interpreter.testkit;

import java.io.ByteArrayOutputStream;

/** LEB128 encoding (spec 5.2.2) for the test module builder. */
final class Leb {

    private Leb() {
    }

    static void u32(ByteArrayOutputStream out, long value) {
        long v = value & 0xFFFF_FFFFL;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    static void s64(ByteArrayOutputStream out, long value) {
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) return;
        }
    }
}
