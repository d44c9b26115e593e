package dev.nebula.decoder.testkit;

import java.util.Arrays;

/**
 * One edit of a module's bytes. Positions are taken modulo the module's length (plus one, so the
 * end itself can be hit), which lets one generated mutation apply to a seed of any size.
 */
public record Mutation(Kind kind, int position, byte[] payload) {

    public enum Kind {
        /** XOR one byte with a non-zero mask. */
        FLIP,
        /** Overwrite bytes with the payload. */
        OVERWRITE,
        /** Insert the payload. */
        INSERT,
        /** Delete as many bytes as the payload is long. */
        DELETE,
        /** Cut the module off. */
        TRUNCATE
    }

    public byte[] applyTo(byte[] module) {
        int at = Math.floorMod(position, module.length + 1);
        return switch (kind) {
            case FLIP -> {
                if (at == module.length) yield module;
                byte[] out = module.clone();
                out[at] ^= payload[0] == 0 ? (byte) 0x01 : payload[0];
                yield out;
            }
            case OVERWRITE -> {
                byte[] out = module.clone();
                System.arraycopy(payload, 0, out, at, Math.min(payload.length, out.length - at));
                yield out;
            }
            case INSERT -> {
                byte[] out = new byte[module.length + payload.length];
                System.arraycopy(module, 0, out, 0, at);
                System.arraycopy(payload, 0, out, at, payload.length);
                System.arraycopy(module, at, out, at + payload.length, module.length - at);
                yield out;
            }
            case DELETE -> {
                int n = Math.min(payload.length, module.length - at);
                byte[] out = new byte[module.length - n];
                System.arraycopy(module, 0, out, 0, at);
                System.arraycopy(module, at + n, out, at, module.length - at - n);
                yield out;
            }
            case TRUNCATE -> Arrays.copyOf(module, at);
        };
    }

    @Override
    public String toString() {
        return kind + "@" + position + (kind == Kind.TRUNCATE ? "" : "[" + Hex.of(payload, 0, payload.length) + "]");
    }
}
