package dev.nebula.conformance.spec;

import java.util.HexFormat;

/**
 * Tiny modules written out byte by byte for the harness's fixture, so each test shows exactly
 * what it feeds the harness (the CLI's tests have the same ones for its commands).
 */
final class TestModules {

    private TestModules() {
    }

    /** The smallest module: magic and version only. */
    static final byte[] EMPTY = hex("0061736d 01000000");

    /** {@code (func (export "run") (result i32) i32.const 42)}, with "run" in the name section. */
    static final byte[] RETURNS_42 = hex(
            "0061736d 01000000"
                    + "01 05 01 60 00 01 7f"                       // type section: () -> i32
                    + "03 02 01 00"                                // function section: func 0 has type 0
                    + "07 07 01 03 72756e 00 00"                   // export "run" = func 0
                    + "0a 06 01 04 00 41 2a 0b"                    // code: no locals, i32.const 42, end
                    + "00 0d 04 6e616d65 01 06 01 00 03 72756e");  // custom "name": func 0 is "run"

    /** Decodes, but the body leaves nothing on the stack for its i32 result: "type mismatch". */
    static final byte[] INVALID_MISSING_RESULT = hex(
            "0061736d 01000000"
                    + "01 05 01 60 00 01 7f"
                    + "03 02 01 00"
                    + "0a 04 01 02 00 0b");

    /** Version 2 is not the binary format: "unknown binary version". */
    static final byte[] MALFORMED_VERSION = hex("0061736d 02000000");

    /** The header stops after three bytes: "unexpected end". */
    static final byte[] TRUNCATED = hex("006173");

    private static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }
}
