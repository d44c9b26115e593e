package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FunctionBody;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Outliner's smaller budget for code with calls ({@link Outliner#CALL_BUDGET}, here at
 * 1,000 Wasm bytes, its default), over every function of the sightglass snapshot that it
 * concerns (between that budget and {@link Outliner#BUDGET}): only blocks with a loop that makes
 * calls become regions there, only outside every loop of the function (a region in a loop would
 * be a real call on every iteration), and only in functions that also have a loop without calls.
 */
class OutlinerTest {

    private static final int CALL_BUDGET = 1_000;

    @Test
    void midSizedFunctionsOutlineOnlyCallingLoopsOutsideLoopsAndOnlyBesideACallFreeLoop() throws IOException {
        String dir = System.getProperty("sightglass.dir");
        Path root = Path.of(dir == null ? "../../shared/sightglass" : dir);
        assertTrue(Files.isDirectory(root), "sightglass snapshot not found at " + root.toAbsolutePath() + " (set -Dsightglass.dir)");
        List<Path> modules;
        try (Stream<Path> files = Files.walk(root)) {
            modules = files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList();
        }
        int outlined = 0;
        for (Path m : modules) {
            DecodedModule module = ModuleDecoder.decode(Files.readAllBytes(m));
            for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
                FunctionBody body = module.bodies().get(f - module.importedFunctionCount());
                if (body.codeSize() <= CALL_BUDGET || body.codeSize() > Outliner.BUDGET) continue;
                Set<Integer> regions = Outliner.regions(module, f, CALL_BUDGET);
                String where = root.relativize(m) + " function " + f;
                if (!hasCallFreeLoopAndCall(module, body)) {
                    assertTrue(regions.isEmpty(), where + ": no call-free loop, yet regions " + regions);
                    continue;
                }
                for (int start : regions) {
                    assertTrue(hasCallingLoop(module, start, body.codeEnd()), where + ": the region at " + start + " has no loop that calls");
                    assertFalse(insideLoop(module, body, start), where + ": the region at " + start + " sits in a loop");
                    outlined++;
                }
            }
        }
        assertTrue(outlined > 0, "no mid-sized function of the snapshot had a block with calls outlined");
    }

    /**
     * A calling loop and a call-free loop side by side in an 1,800-byte function: the calling
     * loop becomes a region; with both inside an outer loop only that outer loop may (the inner
     * one's region would be called on every iteration of the outer loop, as in tinygo-regex's
     * regexp machine).
     */
    @Test
    void theCallBudgetOutlinesACallingLoopOnlyOutsideLoops() {
        byte[] callingLoop = concat(new byte[] {0x03, 0x40}, padding(300), new byte[] {0x10, 0x00, 0x0b}); // loop ... call 0 end
        byte[] leafLoop = concat(new byte[] {0x03, 0x40}, padding(300), new byte[] {0x0b});
        DecodedModule alone = ModuleDecoder.decode(module(concat(callingLoop, leafLoop)));
        Set<Integer> regions = Outliner.regions(alone, 1, CALL_BUDGET);
        int callingLoopAt = alone.bodies().get(1).codeStart();
        assertEquals(Set.of(callingLoopAt), regions, "the calling loop, first in the body, becomes a region");
        assertEquals(Set.of(), Outliner.regions(alone, 1, Outliner.BUDGET), "no region at the full budget");

        byte[] outer = concat(new byte[] {0x03, 0x40}, callingLoop, leafLoop, new byte[] {0x0b}); // loop (calling) (leaf) end
        DecodedModule inLoop = ModuleDecoder.decode(module(outer));
        int outerAt = inLoop.bodies().get(1).codeStart();
        assertEquals(Set.of(outerAt), Outliner.regions(inLoop, 1, CALL_BUDGET), "no region inside the outer loop");
    }

    /** {@code n} times {@code i32.const 0; drop} (3 bytes each). */
    private static byte[] padding(int n) {
        byte[] b = new byte[3 * n];
        for (int i = 0; i < n; i++) {
            b[3 * i] = 0x41;
            b[3 * i + 2] = 0x1a;
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** A module of two functions of type [] -> []: function 0 empty, function 1 {@code code} (without its end). */
    private static byte[] module(byte[] code) {
        byte[] body1 = concat(new byte[] {0x00}, code, new byte[] {0x0b}); // no locals
        byte[] bodies = concat(new byte[] {0x02, 0x02, 0x00, 0x0b}, leb(body1.length), body1);
        return concat(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00},
                new byte[] {0x01, 0x04, 0x01, 0x60, 0x00, 0x00}, // type section: [] -> []
                new byte[] {0x03, 0x03, 0x02, 0x00, 0x00}, // function section: two of type 0
                new byte[] {0x0a}, leb(bodies.length), bodies);
    }

    private static byte[] leb(int v) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        do {
            int b = v & 0x7f;
            v >>>= 7;
            out.write(v == 0 ? b : b | 0x80);
        } while (v != 0);
        return out.toByteArray();
    }

    /** Whether the block, loop or if starting at {@code start} has a call or call_indirect before its end. */
    private static boolean blockHasCall(DecodedModule module, int start, int limit) {
        CodeReader r = new CodeReader(module.bytesUnsafe(), start, limit);
        int depth = 0;
        do {
            Opcode op = r.next();
            switch (op) {
                case BLOCK, LOOP, IF -> depth++;
                case END -> depth--;
                case CALL, CALL_INDIRECT -> {
                    return true;
                }
                default -> { }
            }
        } while (depth > 0);
        return false;
    }

    /** Whether the block starting at {@code start} is or has inside a loop with a call in it. */
    private static boolean hasCallingLoop(DecodedModule module, int start, int limit) {
        CodeReader r = new CodeReader(module.bytesUnsafe(), start, limit);
        int depth = 0;
        do {
            Opcode op = r.next();
            switch (op) {
                case LOOP -> {
                    if (blockHasCall(module, r.instructionStart(), limit)) return true;
                    depth++;
                }
                case BLOCK, IF -> depth++;
                case END -> depth--;
                default -> { }
            }
        } while (depth > 0);
        return false;
    }

    /** Whether a loop of the function encloses the instruction at {@code start}. */
    private static boolean insideLoop(DecodedModule module, FunctionBody body, int start) {
        CodeReader r = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        // per open block, loop or if: whether it is a loop
        java.util.ArrayDeque<Boolean> open = new java.util.ArrayDeque<>();
        while (r.position() < body.codeEnd()) {
            Opcode op = r.next();
            if (r.instructionStart() == start) return open.contains(Boolean.TRUE);
            switch (op) {
                case BLOCK, IF -> open.push(false);
                case LOOP -> open.push(true);
                case END -> {
                    if (!open.isEmpty()) open.pop();
                }
                default -> { }
            }
        }
        throw new AssertionError("no instruction starts at " + start);
    }

    /** Whether the function has a call anywhere and a loop with no call in it. */
    private static boolean hasCallFreeLoopAndCall(DecodedModule module, FunctionBody body) {
        boolean call = false;
        boolean callFreeLoop = false;
        CodeReader r = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        while (r.position() < body.codeEnd()) {
            Opcode op = r.next();
            if (op == Opcode.CALL || op == Opcode.CALL_INDIRECT) call = true;
            if (op == Opcode.LOOP && !blockHasCall(module, r.instructionStart(), body.codeEnd())) callFreeLoop = true;
        }
        return call && callFreeLoop;
    }
}
