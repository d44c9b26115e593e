package dev.nebula.text;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.wasm.WasmException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Print then parse is the identity: for every module the core suite defines and every sightglass
 * program, binary B0 is printed to text T1 and parsed back to B1, which must be the same module
 * as B0 (types, imports, functions and their code, tables, memories, globals, exports, start,
 * segments; valid when B0 is), and a second round from B1 must give B1's bytes exactly.
 */
class RoundTripTest {

    @TestFactory
    List<DynamicTest> specSuiteModules() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path script : Suites.specScripts()) {
            List<byte[]> modules = new ArrayList<>();
            for (WastCommand c : Suites.read(script)) {
                if (c instanceof WastCommand.DefineModule d && d.module().bytes() != null) modules.add(d.module().bytes());
            }
            tests.add(DynamicTest.dynamicTest(script.getFileName() + " (" + modules.size() + " modules)", () -> {
                for (byte[] m : modules) roundTrip(m);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> sightglassPrograms() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path wasm : Suites.sightglassModules()) {
            tests.add(DynamicTest.dynamicTest(wasm.getParent().getFileName() + "/" + wasm.getFileName(),
                    () -> roundTrip(Files.readAllBytes(wasm))));
        }
        assertTrue(tests.size() >= 20, "sightglass programs found: " + tests.size());
        return tests;
    }

    static void roundTrip(byte[] b0) {
        DecodedModule m0;
        try {
            m0 = ModuleDecoder.decode(b0);
        } catch (WasmException e) {
            return; // a module command whose binary is malformed on purpose: nothing to print
        }
        String t1 = WatPrinter.print(b0);
        byte[] b1 = parse(t1);
        DecodedModule m1 = ModuleDecoder.decode(b1);
        assertSameModule(m0, b0, m1, b1, t1);
        if (valid(m0)) ModuleValidator.validate(m1);
        String t2 = WatPrinter.print(b1);
        byte[] b2 = parse(t2);
        assertArrayEquals(b1, b2, "second round differs:\n" + t2);
    }

    private static byte[] parse(String text) {
        try {
            return WatParser.parse(text.getBytes(StandardCharsets.UTF_8), true);
        } catch (TextFormatException e) {
            throw new AssertionError("printed text does not parse: " + e.getMessage() + "\n" + excerpt(text, e.line()), e);
        }
    }

    private static boolean valid(DecodedModule m) {
        try {
            ModuleValidator.validate(m);
            return true;
        } catch (WasmException e) {
            return false;
        }
    }

    /** Same module: every field but custom sections, with each function's code compared as decoded instructions. */
    static void assertSameModule(DecodedModule a, byte[] ab, DecodedModule b, byte[] bb, String text) {
        assertEquals(a.types(), b.types(), "types");
        assertEquals(a.imports(), b.imports(), "imports");
        assertArrayEquals(a.definedFunctionTypeIndices(), b.definedFunctionTypeIndices(), "function types");
        assertEquals(a.tables(), b.tables(), "tables");
        assertEquals(a.memories(), b.memories(), "memories");
        assertEquals(a.exports(), b.exports(), "exports");
        assertEquals(a.startFunction(), b.startFunction(), "start");
        assertEquals(a.globals().size(), b.globals().size(), "globals");
        for (int i = 0; i < a.globals().size(); i++) {
            assertEquals(a.globals().get(i).type(), b.globals().get(i).type(), "global " + i);
            assertEquals(Instructions.of(ab, a.globals().get(i).init()), Instructions.of(bb, b.globals().get(i).init()), "global " + i);
        }
        assertEquals(a.elements().size(), b.elements().size(), "element segments");
        for (int i = 0; i < a.elements().size(); i++) {
            var x = a.elements().get(i);
            var y = b.elements().get(i);
            assertEquals(x.mode(), y.mode(), "elem " + i);
            assertEquals(x.type(), y.type(), "elem " + i);
            assertEquals(x.tableIndex(), y.tableIndex(), "elem " + i);
            assertEquals(Instructions.items(ab, x), Instructions.items(bb, y), "elem " + i);
            if (x.offset() != null) assertEquals(Instructions.of(ab, x.offset()), Instructions.of(bb, y.offset()), "elem " + i);
        }
        assertEquals(a.data().size(), b.data().size(), "data segments");
        for (int i = 0; i < a.data().size(); i++) {
            var x = a.data().get(i);
            var y = b.data().get(i);
            assertEquals(x.mode(), y.mode(), "data " + i);
            assertEquals(x.memoryIndex(), y.memoryIndex(), "data " + i);
            assertArrayEquals(Arrays.copyOfRange(ab, x.dataStart(), x.dataStart() + x.dataLength()), Arrays.copyOfRange(bb, y.dataStart(), y.dataStart() + y.dataLength()), "data " + i);
            if (x.offset() != null) assertEquals(Instructions.of(ab, x.offset()), Instructions.of(bb, y.offset()), "data " + i);
        }
        assertEquals(a.bodies().size(), b.bodies().size(), "function bodies");
        for (int i = 0; i < a.bodies().size(); i++) {
            var x = a.bodies().get(i);
            var y = b.bodies().get(i);
            assertEquals(x.localCount(), y.localCount(), "locals of body " + i);
            for (long l = 0; l < Math.min(x.localCount(), 1000); l++) assertEquals(x.localType(l), y.localType(l), "local " + l + " of body " + i);
            assertEquals(Instructions.of(ab, x.codeStart(), x.codeEnd()), Instructions.of(bb, y.codeStart(), y.codeEnd()), "code of body " + i);
        }
    }

    private static String excerpt(String text, int line) {
        String[] lines = text.split("\n", -1);
        int from = Math.max(0, line - 3);
        int to = Math.min(lines.length, line + 2);
        return String.join("\n", Arrays.copyOfRange(lines, from, to));
    }
}
