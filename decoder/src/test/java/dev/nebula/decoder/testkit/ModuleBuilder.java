package dev.nebula.decoder.testkit;

import java.io.ByteArrayOutputStream;

import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.name;
import static dev.nebula.decoder.testkit.Encode.u32;

/**
 * Builds module bytes section by section (spec 5.5), computing each section's LEB128 size, so a
 * test writes only the contents it is about. {@link #raw} appends bytes as they are, for framing
 * that is malformed on purpose.
 */
public final class ModuleBuilder {

    public static final int CUSTOM = 0;
    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int TABLE = 4;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int START = 8;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;

    /** "\0asm" then version 1 (spec 5.5.16). */
    public static final byte[] HEADER = bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);

    /** The {@code end} opcode that closes every expression and function body. */
    public static final int END = 0x0B;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ModuleBuilder() {
    }

    /** A module that starts with the valid header. */
    public static ModuleBuilder module() {
        ModuleBuilder builder = new ModuleBuilder();
        builder.out.writeBytes(HEADER);
        return builder;
    }

    /** A section with id {@code id} whose contents are the given parts, size computed. */
    public ModuleBuilder section(int id, byte[]... contents) {
        byte[] content = concat(contents);
        out.write(id);
        out.writeBytes(u32(content.length));
        out.writeBytes(content);
        return this;
    }

    /** A custom section (spec 5.5.3): its name, then the payload. */
    public ModuleBuilder custom(String sectionName, byte[]... payload) {
        return section(CUSTOM, name(sectionName), concat(payload));
    }

    /** Bytes appended exactly as given. */
    public ModuleBuilder raw(byte[]... parts) {
        for (byte[] part : parts) out.writeBytes(part);
        return this;
    }

    public byte[] build() {
        return out.toByteArray();
    }

    // ---- pieces that many sections share ----

    /** A function type (spec 5.3.6): 0x60, parameter types, result types, each a byte. */
    public static byte[] funcType(int[] params, int[] results) {
        return concat(bytes(0x60), Encode.vecOfBytes(params), Encode.vecOfBytes(results));
    }

    /** The type {@code [] -> []}. */
    public static byte[] voidType() {
        return funcType(new int[0], new int[0]);
    }

    /** A function body (spec 5.5.13): its size, the local declarations, then the instructions. */
    public static byte[] body(byte[] localDeclarations, byte[] instructions) {
        return Encode.bytesWithLength(concat(localDeclarations, instructions));
    }

    /** A body without locals whose instructions are {@code instructions} then {@code end}. */
    public static byte[] body(int... instructions) {
        return body(u32(0), concat(bytes(instructions), bytes(END)));
    }

    /** A constant expression {@code i32.const value end}. */
    public static byte[] i32Const(int value) {
        return concat(bytes(0x41), Encode.sleb(value), bytes(END));
    }

    /** A module with one type {@code [] -> []} and one function with the given instructions. */
    public static ModuleBuilder oneFunction(int... instructions) {
        return module()
                .section(TYPE, Encode.vec(voidType()))
                .section(FUNCTION, Encode.vecOfBytes(0))
                .section(CODE, Encode.vec(body(instructions)));
    }
}
