package dev.nebula.wasi;

import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real programs trying to leave the sandbox: {@code escape.c} through wasi-libc, and the
 * hand-written {@code path_open_direct.wat} through raw preview1 calls (sources and the script
 * that rebuilds them in {@code src/test/c}). Each attempt's errno is asserted, and the host is
 * checked afterwards: nothing outside the sandbox changed, the read-only preopen is untouched.
 */
class SandboxProgramsTest {

    static final int ENOENT = 44;
    static final int ELOOP = 32;
    static final int EPERM = 63;
    static final int ENOTCAPABLE = 76;

    @TempDir
    Path tmp;
    Path sandbox;
    Path outside;
    Path readOnly;

    @BeforeEach
    void layout() throws IOException {
        SandboxLayout layout = SandboxLayout.create(tmp);
        sandbox = layout.sandbox();
        outside = layout.outside();
        readOnly = layout.readOnly();
    }

    private WasiConfig.Builder config(ByteArrayOutputStream out) {
        return WasiConfig.builder().args("escape").stdout(out)
                .preopen(sandbox, "/sandbox").preopen(readOnly, "/ro", true);
    }

    private static Engine engine() {
        return Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER));
    }

    private static byte[] module(String name) throws IOException {
        try (InputStream in = SandboxProgramsTest.class.getResourceAsStream("/sandbox/" + name)) {
            if (in == null) throw new IllegalStateException(name + " missing: run src/test/c/build.sh");
            return in.readAllBytes();
        }
    }

    @Test
    void everyEscapeThroughLibcIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Wasi.run(engine(), module("escape.wasm"), config(out).build());
        assertEquals(0, exit);
        Map<String, Integer> results = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] p = line.split(" ");
            results.put(p[0], Integer.parseInt(p[1]));
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("open-dotdot", ENOTCAPABLE);
        expected.put("open-sub-dotdot", ENOTCAPABLE);
        expected.put("opendir-dotdot", ENOTCAPABLE);
        expected.put("open-absolute", ENOTCAPABLE);
        expected.put("open-symlink-out", ENOTCAPABLE);
        expected.put("open-symlink-abs", ENOTCAPABLE);
        expected.put("stat-symlink-out", ENOTCAPABLE);
        expected.put("lstat-symlink-out", 0);
        expected.put("readlink-symlink-out", 0);
        expected.put("open-dangling", ENOENT);
        expected.put("create-through-dangling-out", ENOTCAPABLE);
        expected.put("open-loop", ELOOP);
        expected.put("open-ping-pong", ELOOP);
        expected.put("open-nofollow-link", ELOOP);
        expected.put("rename-out", ENOTCAPABLE);
        expected.put("link-out", ENOTCAPABLE);
        expected.put("link-in-from-out", ENOTCAPABLE);
        expected.put("symlink-absolute", ENOTCAPABLE);
        expected.put("symlink-relative-out", 0);
        expected.put("open-planted-link", ENOTCAPABLE);
        expected.put("mkdir-out", ENOTCAPABLE);
        expected.put("ro-read", 0);
        expected.put("ro-write", EPERM);
        expected.put("ro-create", EPERM);
        expected.put("ro-truncate", EPERM);
        expected.put("ro-mkdir", EPERM);
        expected.put("ro-unlink", EPERM);
        expected.put("ro-rename-in", EPERM);
        expected.put("ro-symlink", EPERM);
        expected.put("inside-create", 0);
        expected.put("inside-rename", 0);
        expected.put("inside-dotdot", 0);
        assertEquals(expected, results);

        assertEquals(List.of("secret"), names(outside), "nothing was created outside the sandbox");
        assertEquals("secret", Files.readString(outside.resolve("secret")));
        assertEquals(List.of("data"), names(readOnly), "the read-only preopen is untouched");
        assertEquals(SandboxLayout.READ_ONLY_TEXT, Files.readString(readOnly.resolve("data")));
        assertTrue(Files.exists(sandbox.resolve("sub/renamed")));
        assertTrue(Files.exists(sandbox.resolve("file")));
        assertFalse(Files.exists(tmp.resolve("stolen")));
    }

    @Test
    void rawPathOpenCallsGetTheirErrnos() throws Exception {
        Engine engine = engine();
        try (Wasi wasi = new Wasi(config(new ByteArrayOutputStream()).build())) {
            Instance instance = wasi.define(new Linker()).instantiate(new Store(engine), engine.compile(module("path_open_direct.wasm")));
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("dotdot", ENOTCAPABLE);
            expected.put("absolute", ENOTCAPABLE);
            expected.put("symlink_out", ENOTCAPABLE);
            expected.put("symlink_nofollow", ELOOP);
            expected.put("loop", ELOOP);
            expected.put("nul", 28);
            expected.put("ilseq", 25);
            expected.put("path_out_of_bounds", 21);
            expected.put("result_out_of_bounds", 21);
            expected.put("not_a_directory", 54);
            expected.put("bad_fd", 8);
            expected.put("read_only_create", EPERM);
            expected.put("ok", 0);
            Map<String, Integer> actual = new LinkedHashMap<>();
            for (String name : expected.keySet()) actual.put(name, (int) instance.function(name).call()[0]);
            assertEquals(expected, actual);
            assertEquals(5, (int) instance.function("opened_fd").call()[0],
                    "the EFAULT call opened nothing: the first free descriptor after 0-4 is still 5");
        }
        assertFalse(Files.exists(readOnly.resolve("new")));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
