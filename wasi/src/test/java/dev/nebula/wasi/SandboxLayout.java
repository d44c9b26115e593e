package dev.nebula.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders every escape test starts from: a sandbox to preopen, a sibling {@code outside}
 * holding a secret the guest must never reach, and a folder to preopen read-only. The sandbox
 * holds one of each kind of link an escape might use: relative and absolute links out, a link
 * out through a subfolder, dangling links (inside and pointing out), a self loop, a two-link
 * loop, and a harmless link inside.
 */
record SandboxLayout(Path sandbox, Path outside, Path readOnly) {

    /** Contents of {@code sandbox/sub/file}. */
    static final String INSIDE_TEXT = "inside";
    /** Contents of {@code readOnly/data}. */
    static final String READ_ONLY_TEXT = "ro data";

    static SandboxLayout create(Path tmp) throws IOException {
        Path sandbox = Files.createDirectory(tmp.resolve("sandbox"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.writeString(readOnly.resolve("data"), READ_ONLY_TEXT);
        Files.createDirectories(sandbox.resolve("sub/inner"));
        Files.writeString(sandbox.resolve("sub/file"), INSIDE_TEXT);
        Files.writeString(sandbox.resolve("file"), "file");
        Files.createSymbolicLink(sandbox.resolve("escape"), Path.of("../outside/secret"));
        Files.createSymbolicLink(sandbox.resolve("deep-escape"), Path.of("sub/../../outside"));
        Files.createSymbolicLink(sandbox.resolve("abs"), outside.resolve("secret"));
        Files.createSymbolicLink(sandbox.resolve("dangling"), Path.of("missing"));
        Files.createSymbolicLink(sandbox.resolve("dangling-out"), Path.of("../outside/new"));
        Files.createSymbolicLink(sandbox.resolve("loop"), Path.of("loop"));
        Files.createSymbolicLink(sandbox.resolve("ping"), Path.of("pong"));
        Files.createSymbolicLink(sandbox.resolve("pong"), Path.of("ping"));
        Files.createSymbolicLink(sandbox.resolve("to-sub"), Path.of("sub"));
        return new SandboxLayout(sandbox, outside, readOnly);
    }
}
