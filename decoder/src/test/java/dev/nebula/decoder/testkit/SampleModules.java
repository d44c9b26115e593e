package dev.nebula.decoder.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.bytesWithLength;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.name;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.Encode.vecOfBytes;
import static dev.nebula.decoder.testkit.ModuleBuilder.CODE;
import static dev.nebula.decoder.testkit.ModuleBuilder.DATA;
import static dev.nebula.decoder.testkit.ModuleBuilder.DATA_COUNT;
import static dev.nebula.decoder.testkit.ModuleBuilder.ELEMENT;
import static dev.nebula.decoder.testkit.ModuleBuilder.EXPORT;
import static dev.nebula.decoder.testkit.ModuleBuilder.FUNCTION;
import static dev.nebula.decoder.testkit.ModuleBuilder.GLOBAL;
import static dev.nebula.decoder.testkit.ModuleBuilder.IMPORT;
import static dev.nebula.decoder.testkit.ModuleBuilder.MEMORY;
import static dev.nebula.decoder.testkit.ModuleBuilder.START;
import static dev.nebula.decoder.testkit.ModuleBuilder.TABLE;
import static dev.nebula.decoder.testkit.ModuleBuilder.TYPE;
import static dev.nebula.decoder.testkit.ModuleBuilder.body;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;

/**
 * Small valid modules (checked with wabt's wasm-validate when written, and by the validator's
 * tests) that seed the mutation properties: between them they use every section, all eight
 * element and three data encodings, and the 0xFC and 0xFD prefixes, so mutations reach every
 * corner of the decoder.
 */
public final class SampleModules {

    private SampleModules() {
    }

    /** The samples by name, smallest first. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> samples = new LinkedHashMap<>();
        samples.put("empty", module().build());
        samples.put("one-function", ModuleBuilder.oneFunction(0x01).build());
        samples.put("every-section", everySection());
        return samples;
    }

    /**
     * Imports a function, a global and a table; defines an adder with control flow, a function of
     * bulk memory and table effects (the start function), and a SIMD function; has every
     * element and data encoding, a data count section and a name section.
     */
    public static byte[] everySection() {
        return module()
                .section(TYPE, vec(hex("60 00 00"), hex("60 02 7f 7f 01 7f"), hex("60 00 01 7b")))
                .section(IMPORT, vec(
                        concat(name("env"), name("f"), hex("00 00")),
                        concat(name("env"), name("g"), hex("03 7f 00")),
                        concat(name("env"), name("t"), hex("01 70 00 01"))))
                .section(FUNCTION, vecOfBytes(1, 0, 2))
                .section(TABLE, vec(hex("70 01 02 0a")))
                .section(MEMORY, vec(hex("01 01 02")))
                .section(GLOBAL, vec(hex("7e 01 42 05 0b"), hex("7f 00 23 00 0b")))
                .section(EXPORT, vec(
                        concat(name("add"), hex("00 01")),
                        concat(name("mem"), hex("02 00")),
                        concat(name("tab"), hex("01 01")),
                        concat(name("g"), hex("03 01"))))
                .section(START, u32(2))
                .section(ELEMENT, vec(
                        hex("00 41 00 0b 01 01"),
                        hex("01 00 01 02"),
                        hex("02 01 23 00 0b 00 02 01 02"),
                        hex("03 00 01 03"),
                        hex("04 41 01 0b 02 d2 01 0b d0 70 0b"),
                        hex("05 70 01 d2 02 0b"),
                        hex("06 01 41 00 0b 70 01 d0 70 0b"),
                        hex("07 70 01 d2 03 0b")))
                .section(DATA_COUNT, u32(3))
                .section(CODE, vec(adder(), effects(), simd()))
                .section(DATA, vec(
                        concat(hex("00 41 00 0b"), bytesWithLength(bytes('h', 'i'))),
                        concat(hex("01"), bytesWithLength(bytes('a', 'b', 'c'))),
                        concat(hex("02 00 41 08 0b"), bytesWithLength(bytes('x', 'y', 'z')))))
                .custom("name",
                        concat(bytes(0), bytesWithLength(name("sample"))),
                        concat(bytes(1), bytesWithLength(vec(
                                concat(u32(1), name("add")),
                                concat(u32(2), name("effects")),
                                concat(u32(3), name("simd"))))),
                        concat(bytes(2), bytesWithLength(vec(concat(u32(1), vec(
                                concat(u32(0), name("a")),
                                concat(u32(1), name("b")),
                                concat(u32(2), name("sum"))))))))
                .build();
    }

    /** [i32 i32] -> [i32] with one i32 local: block, br_table, if/else and loop. */
    private static byte[] adder() {
        return body(hex("01 01 7f"), hex(
                "20 00 20 01 6a 22 02"          // local.get 0, local.get 1, i32.add, local.tee 2
                        + "02 7f 20 02 20 00 0e 01 00 00 0b" // block (result i32) ... br_table 0 0 end
                        + "6c"                           // i32.mul
                        + "04 7f 41 01 05 03 7f 41 02 0b 0b" // if (result i32) 1 else loop 2 end end
                        + "0b"));
    }

    /** [] -> []: bulk memory and table instructions, calls, globals, loads and conversions. */
    private static byte[] effects() {
        return body(u32(0), hex(
                "41 00 41 00 41 03 fc 08 01 00"            // memory.init 1
                        + "fc 09 01"                           // data.drop 1
                        + "41 00 41 00 41 01 fc 0c 01 01"      // table.init 1 1
                        + "fc 0d 01"                           // elem.drop 1
                        + "41 00 41 00 41 00 fc 0b 00"         // memory.fill
                        + "41 00 41 00 41 00 fc 0a 00 00"      // memory.copy
                        + "10 00"                              // call 0
                        + "41 02 41 03 41 00 11 01 01 1a"      // call_indirect (type 1) table 1, drop
                        + "d2 01 1a"                           // ref.func 1, drop
                        + "42 7f 24 01"                        // global.set 1 (i64.const -1)
                        + "41 00 29 03 08 1a"                  // i64.load align=8 offset=8, drop
                        + "3f 00 1a 41 01 40 00 1a"            // memory.size, memory.grow
                        + "fc 10 01 1a d0 70 41 01 fc 0f 01 1a" // table.size 1, table.grow 1
                        + "41 01 41 02 41 00 1b 1a"            // select
                        + "43 00 00 80 3f fc 00 1a"            // i32.trunc_sat_f32_s 1.0
                        + "44 00 00 00 00 00 00 f0 3f 1a"      // f64.const 1.0, drop
                        + "0b"));
    }

    /** [] -> [v128]: constants, shuffle, lanes, a vector load and a typed select. */
    private static byte[] simd() {
        String zeros = " 00".repeat(16);
        return body(u32(0), hex(
                "fd 0c 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f"
                        + "fd 0c" + zeros
                        + "fd 0d 00 01 02 03 04 05 06 07 10 11 12 13 14 15 16 17" // i8x16.shuffle
                        + "fd 1b 03 fd 11"                        // i32x4.extract_lane 3, i32x4.splat
                        + "41 00 fd 00 04 00 fd 6e"                // v128.load, i8x16.add
                        + "fd ff 01"                               // f64x2.convert_low_i32x4_u
                        + "fd 0c" + zeros + "41 01 1c 01 7b"       // select (result v128)
                        + "0b"));
    }
}
