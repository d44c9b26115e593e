package dev.nebula.conformance.wasi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Tiny WASI modules for the runner's own tests, as bytes. Their sources are the .wat files in
 * cli/src/test/resources/dev/nebula/cli/wasitestsuite/ in the cli module (the CLI's tests use the same modules);
 * these are {@code wat2wasm FILE.wat} of those, in hex.
 */
final class SuiteModules {

    /** Prints "hello\n" on stdout; exit 0. */
    static final byte[] HELLO = hex("0061736d01000000010c0260047f7f7f7f017f60000002230116776173695f736e617073686f745f70726576696577310866645f77726974650000030201010503010001071302066d656d6f72790200065f737461727400010a1d011b004100411036020041044106360200410141004101410810001a0b0b0c010041100b0668656c6c6f0a");

    /** Prints "panicked: oops\n" on stderr, then traps (unreachable). */
    static final byte[] TRAP = hex("0061736d01000000010c0260047f7f7f7f017f60000002230116776173695f736e617073686f745f70726576696577310866645f77726974650000030201010503010001071302066d656d6f72790200065f737461727400010a1e011c00410041103602004104410f360200410241004101410810001a000b0b15010041100b0f70616e69636b65643a206f6f70730a");

    /** Creates "new.txt" in the preopen fd 3; exits with path_open's errno (0 on success). */
    static final byte[] CREATE = hex("0061736d0100000001150360097f7f7f7f7f7e7e7f7f017f60017f0060000002470216776173695f736e617073686f745f707265766965773109706174685f6f70656e000016776173695f736e617073686f745f70726576696577310970726f635f657869740001030201020503010001071302066d656d6f72790200065f737461727400020a1b0119004103410041104107410142c200420041004120100010010b0b0d010041100b076e65772e747874");

    /** Exits with 10 * argc + the number of environment variables. */
    static final byte[] ARGS = hex("0061736d01000000010e0360027f7f017f60017f0060000002770316776173695f736e617073686f745f70726576696577310e617267735f73697a65735f676574000016776173695f736e617073686f745f707265766965773111656e7669726f6e5f73697a65735f676574000016776173695f736e617073686f745f70726576696577310970726f635f657869740001030201020503010001071302066d656d6f72790200065f737461727400030a220120004100410410001a4108410c10011a4100280200410a6c41082802006a10020b");

    /** Sleeps 10 s in poll_oneoff. */
    static final byte[] SLEEP = hex("0061736d01000000010c0260047f7f7f7f017f60000002260116776173695f736e617073686f745f70726576696577310b706f6c6c5f6f6e656f66660000030201010503010001071302066d656d6f72790200065f737461727400010a2a012800410841003a00004110410136020041184280c8afa025370300410041c000410141800110001a0b");

    private SuiteModules() {
    }

    /** Writes {@code module} as {@code folder/name.wasm}, with {@code json} (unless null) as {@code folder/name.json}. */
    static Path write(Path folder, String name, byte[] module, String json) {
        try {
            Files.createDirectories(folder);
            Path wasm = Files.write(folder.resolve(name + ".wasm"), module);
            if (json != null) Files.writeString(folder.resolve(name + ".json"), json);
            return wasm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits);
    }
}
