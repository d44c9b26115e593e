package dev.nebula.decoder.testkit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.name;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.Encode.vecOfBytes;
import static dev.nebula.decoder.testkit.ModuleBuilder.CODE;
import static dev.nebula.decoder.testkit.ModuleBuilder.CUSTOM;
import static dev.nebula.decoder.testkit.ModuleBuilder.DATA;
import static dev.nebula.decoder.testkit.ModuleBuilder.ELEMENT;
import static dev.nebula.decoder.testkit.ModuleBuilder.END;
import static dev.nebula.decoder.testkit.ModuleBuilder.EXPORT;
import static dev.nebula.decoder.testkit.ModuleBuilder.FUNCTION;
import static dev.nebula.decoder.testkit.ModuleBuilder.GLOBAL;
import static dev.nebula.decoder.testkit.ModuleBuilder.HEADER;
import static dev.nebula.decoder.testkit.ModuleBuilder.IMPORT;
import static dev.nebula.decoder.testkit.ModuleBuilder.MEMORY;
import static dev.nebula.decoder.testkit.ModuleBuilder.TABLE;
import static dev.nebula.decoder.testkit.ModuleBuilder.TYPE;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static dev.nebula.decoder.testkit.ModuleBuilder.voidType;

/**
 * Inputs built to exhaust a careless decoder or validator: an empty file, tiny files that claim
 * a billion items, 16 MiB files, and a million nested blocks. Each says what decoding alone must
 * give, so the decoder's tests can check that and the validator's tests can run the same inputs
 * through validation. Big inputs are made on demand, one at a time.
 */
public final class HostileModules {

    /** Claimed by the "huge count" inputs: 2^30 items, a gibibyte if each took a byte. */
    public static final long GIBI = 1L << 30;
    public static final int SIXTEEN_MIB = 16 << 20;
    public static final int NESTING = 1_000_000;

    private HostileModules() {
    }

    public enum Decoding { MODULE, MALFORMED }

    public record HostileInput(String name, Supplier<byte[]> bytes, Decoding decoding) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<HostileInput> all() {
        List<HostileInput> inputs = new ArrayList<>();
        inputs.add(malformed("empty file", () -> new byte[0]));
        inputs.addAll(hugeCounts());
        inputs.addAll(sixteenMebibytes());
        inputs.addAll(deepNesting());
        return inputs;
    }

    /** Tiny files whose counts or sizes claim 2^30 items or bytes. */
    public static List<HostileInput> hugeCounts() {
        byte[] g = u32(GIBI);
        return List.of(
                malformed("section size of 1 GiB", () -> module().raw(bytes(TYPE), g, hex("01 60 00 00")).build()),
                malformed("1 Gi types", () -> module().section(TYPE, g, hex("60 00 00")).build()),
                malformed("1 Gi parameters", () -> module().section(TYPE, vec(concat(bytes(0x60), g, hex("7f 7f")))).build()),
                malformed("1 Gi imports", () -> module().section(IMPORT, g, name("m"), name("f"), hex("00 00")).build()),
                malformed("import name of 1 GiB", () -> module().section(IMPORT, u32(1), g, hex("61 62 63")).build()),
                malformed("1 Gi functions", () -> module().section(FUNCTION, g, hex("00 00")).build()),
                malformed("1 Gi tables", () -> module().section(TABLE, g, hex("70 00 00")).build()),
                malformed("1 Gi memories", () -> module().section(MEMORY, g, hex("00 00")).build()),
                malformed("1 Gi globals", () -> module().section(GLOBAL, g, hex("7f 00 41 00 0b")).build()),
                malformed("1 Gi exports", () -> module().section(EXPORT, g, name("e"), hex("00 00")).build()),
                malformed("1 Gi element segments", () -> module().section(ELEMENT, g, hex("01 00 00")).build()),
                malformed("1 Gi element items", () -> module().section(ELEMENT, u32(1), hex("01 00"), g, hex("00")).build()),
                malformed("1 Gi expression items", () -> module().section(ELEMENT, u32(1), hex("05 70"), g, hex("d0 70 0b")).build()),
                malformed("1 Gi function bodies", () -> oneFunctionPrefix().section(CODE, g, hex("02 00 0b")).build()),
                malformed("function body of 1 GiB", () -> oneFunctionPrefix().section(CODE, u32(1), g, hex("00 0b")).build()),
                malformed("1 Gi local runs", () -> withCode(concat(g, hex("01 7f 0b")))),
                malformed("1 Gi br_table labels", () -> withCode(concat(hex("00 02 40 41 00 0e"), g, hex("00 00 0b 0b")))),
                malformed("1 Gi select types", () -> withCode(concat(hex("00 1c"), g, hex("7f 0b")))),
                malformed("1 Gi data segments", () -> module().section(DATA, g, hex("01 00")).build()),
                malformed("data segment of 1 GiB", () -> module().section(DATA, u32(1), hex("01"), g, hex("2a")).build()),
                malformed("custom section name of 1 GiB", () -> module().section(CUSTOM, g, hex("61")).build()),
                // Legal claims that must cost nothing: a run of 2^32-1 locals, and a broken name section.
                decodes("2^32-1 locals in one run", () -> withCode(concat(u32(1), u32(0xFFFF_FFFFL), hex("7f 0b")))),
                decodes("name section claiming 1 Gi function names", () -> module()
                        .custom("name", bytes(1), u32(g.length + 2), g, hex("00 00")).build()));
    }

    /** Files of 16 MiB: junk, and big but well-formed sections and bodies; and a file of many sections. */
    public static List<HostileInput> sixteenMebibytes() {
        return List.of(
                malformed("16 MiB of random bytes", () -> randomBytes(SIXTEEN_MIB, 1)),
                malformed("a header and 16 MiB of random bytes", () -> concat(HEADER, randomBytes(SIXTEEN_MIB, 2))),
                decodes("a custom section of 16 MiB of random bytes", () -> module().custom("junk", randomBytes(SIXTEEN_MIB, 3)).build()),
                decodes("a name section of 16 MiB of random bytes", () -> module().custom("name", randomBytes(SIXTEEN_MIB, 4)).build()),
                // Each empty section would cost the heap ~100 bytes for its 3 bytes of input, so the
                // decoder caps custom sections (an implementation limit) instead of inflating.
                malformed("5.6 million empty custom sections", () -> repeated(HEADER, hex("00 01 00"), SIXTEEN_MIB / 3)),
                decodes("a function of 16 Mi nops", () -> withCode(concat(u32(0), filled(SIXTEEN_MIB, 0x01), bytes(END)))),
                decodes("a br_table of 16 Mi labels", () -> withCode(concat(hex("00 02 40 41 00 0e"), u32(SIXTEEN_MIB),
                        filled(SIXTEEN_MIB + 1, 0x00), hex("0b 0b")))),
                decodes("a data segment of 16 MiB", () -> module().section(DATA, u32(1), hex("01"), u32(SIXTEEN_MIB),
                        randomBytes(SIXTEEN_MIB, 5)).build()));
    }

    /** A million nested blocks, loops and ifs, closed properly or not. */
    public static List<HostileInput> deepNesting() {
        return List.of(
                decodes("1,000,000 nested blocks", () -> withCode(concat(u32(0), nested(hex("02 40"), hex("0b")), bytes(END)))),
                decodes("1,000,000 nested loops", () -> withCode(concat(u32(0), nested(hex("03 40"), hex("0b")), bytes(END)))),
                decodes("1,000,000 nested ifs with else", () -> withCode(concat(u32(0),
                        nested(hex("41 00 04 40"), hex("05 0b")), bytes(END)))),
                decodes("1,000,000 nested blocks in a global initializer", () -> module().section(GLOBAL, u32(1), hex("7f 00"),
                        nested(hex("02 40"), hex("0b")), hex("41 00 0b")).build()),
                malformed("1,000,000 nested blocks never closed", () -> withCode(concat(u32(0), filled(NESTING, 0x02, 0x40), bytes(END)))),
                malformed("1,000,000 nested blocks with an else inside the innermost", () -> withCode(concat(u32(0),
                        filled(NESTING, 0x02, 0x40), bytes(0x05), filled(NESTING, END), bytes(END)))));
    }

    private static HostileInput malformed(String name, Supplier<byte[]> bytes) {
        return new HostileInput(name, bytes, Decoding.MALFORMED);
    }

    private static HostileInput decodes(String name, Supplier<byte[]> bytes) {
        return new HostileInput(name, bytes, Decoding.MODULE);
    }

    private static ModuleBuilder oneFunctionPrefix() {
        return module().section(TYPE, vec(voidType())).section(FUNCTION, vecOfBytes(0));
    }

    /** One function of type [] -> [] whose body (local declarations, then code) is {@code content}. */
    private static byte[] withCode(byte[] content) {
        return oneFunctionPrefix().section(CODE, vec(Encode.bytesWithLength(content))).build();
    }

    /** {@link #NESTING} openers, then as many closers. */
    private static byte[] nested(byte[] opener, byte[] closer) {
        return concat(repeated(new byte[0], opener, NESTING), repeated(new byte[0], closer, NESTING));
    }

    private static byte[] repeated(byte[] prefix, byte[] unit, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + unit.length * times);
        out.writeBytes(prefix);
        for (int i = 0; i < times; i++) out.writeBytes(unit);
        return out.toByteArray();
    }

    /** {@code times} copies of the given bytes. */
    private static byte[] filled(int times, int... unit) {
        if (unit.length == 1) {
            byte[] out = new byte[times];
            Arrays.fill(out, (byte) unit[0]);
            return out;
        }
        return repeated(new byte[0], bytes(unit), times);
    }

    /** Reproducible junk: the same seed gives the same bytes on every run. */
    private static byte[] randomBytes(int n, long seed) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }
}
