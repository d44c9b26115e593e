package dev.nebula.conformance.wasi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteFilesTest {

    @TempDir
    Path root;

    /** A suite laid out as prod/testsuite-base is, plus a wasip3 folder that must be left out. */
    private void layOut() throws IOException {
        Path c = root.resolve("tests/c/testsuite/wasm32-wasip1");
        SuiteModules.write(c, "b", SuiteModules.HELLO, "{\"root\": \"fs-tests.dir\"}");
        SuiteModules.write(c, "a", SuiteModules.HELLO, null);
        Files.createDirectories(c.resolve("fs-tests.dir"));
        Files.write(c.resolve("fs-tests.dir/inner.wasm"), new byte[0]);
        Files.writeString(c.resolve("manifest.json"), "{\"name\": \"C\"}");
        SuiteModules.write(root.resolve("tests/rust/testsuite/wasm32-wasip1"), "x", SuiteModules.HELLO, null);
        SuiteModules.write(root.resolve("tests/rust/testsuite/wasm32-wasip3"), "component", SuiteModules.HELLO, null);
    }

    private static List<String> ids(List<SuiteCase> cases) {
        return cases.stream().map(SuiteCase::id).toList();
    }

    @Test
    void theRootTheTestsFolderAndALanguageFolderAllWork() throws IOException {
        layOut();
        List<String> all = List.of("c/a", "c/b", "rust/x");
        assertEquals(all, ids(SuiteFiles.find(root)));
        assertEquals(all, ids(SuiteFiles.find(root.resolve("tests"))));
        assertEquals(List.of("rust/x"), ids(SuiteFiles.find(root.resolve("tests/rust"))));
        assertEquals(List.of("c/a", "c/b"), ids(SuiteFiles.find(root.resolve("tests/c/testsuite/wasm32-wasip1"))));
        assertEquals(List.of("c/b"), ids(SuiteFiles.find(root.resolve("tests/c/testsuite/wasm32-wasip1/b.wasm"))));
    }

    @Test
    void aModuleOutsideTheLayoutBelongsToItsFoldersSuite() throws IOException {
        Path wasm = SuiteModules.write(root.resolve("mine"), "hello", SuiteModules.HELLO, null);
        assertEquals(List.of("mine/hello"), ids(SuiteFiles.find(wasm)));
        assertEquals("c", SuiteCase.suiteOf(Path.of("tests/c/testsuite/x.wasm")));
    }

    @Test
    void theJsonGivesArgsEnvFixturesAndExpectations() throws IOException {
        Path wasm = SuiteModules.write(root, "t", SuiteModules.HELLO, """
                {"args": ["first", "the \\"second\\" arg"], "env": {"b": "c", "a": "new\\nline"},
                 "root": "fs.dir", "dirs": ["d1"], "exit_code": 33, "stdout": "hello", "stderr": ""}""");
        SuiteCase c = SuiteCase.read("s", wasm);
        assertEquals(List.of("first", "the \"second\" arg"), c.args());
        assertEquals(Map.of("b", "c", "a", "new\nline"), c.env());
        assertEquals(List.of("b", "a"), List.copyOf(c.env().keySet()), "in the JSON's order");
        assertEquals("fs.dir", c.root());
        assertEquals(List.of("d1"), c.dirs());
        assertEquals(33, c.exitCode());
        assertEquals("hello", c.stdout());
        assertEquals("", c.stderr());
        SuiteCase none = SuiteCase.read("s", SuiteModules.write(root, "u", SuiteModules.HELLO, "{}"));
        assertEquals(0, none.exitCode());
        assertNull(none.stdout());
        assertNull(none.root());
    }

    @Test
    void problemsAreIOExceptionsNamingTheFile() throws IOException {
        assertThrows(NoSuchFileException.class, () -> SuiteFiles.find(root.resolve("gone")));
        Path text = Files.writeString(root.resolve("notes.txt"), "x");
        assertTrue(assertThrows(IOException.class, () -> SuiteFiles.find(text)).getMessage().endsWith("not a .wasm module"));
        Path bad = SuiteModules.write(root.resolve("bad"), "t", SuiteModules.HELLO, "[1]");
        assertTrue(assertThrows(IOException.class, () -> SuiteFiles.find(bad)).getMessage().endsWith("t.json: not a JSON object"));
        SuiteModules.write(root.resolve("bad2"), "t", SuiteModules.HELLO, "{oops");
        assertTrue(assertThrows(IOException.class, () -> SuiteFiles.find(root.resolve("bad2"))).getMessage().startsWith("cannot read "));
        assertEquals(List.of(), SuiteFiles.find(Files.createDirectories(root.resolve("empty"))));
    }
}
