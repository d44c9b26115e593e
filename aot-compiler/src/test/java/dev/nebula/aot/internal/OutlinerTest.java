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

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Outliner's smaller budget for code with calls ({@link Outliner#CALL_BUDGET}, off by default,
 * here at 1,000 Wasm bytes), over every function of the sightglass snapshot that it concerns
 * (between that budget and {@link Outliner#BUDGET}): only blocks with a loop that makes calls
 * become regions there, and only in functions that also have a loop without calls.
 */
class OutlinerTest {

    private static final int CALL_BUDGET = 1_000;

    @Test
    void midSizedFunctionsOutlineOnlyCallingLoopsAndOnlyBesideACallFreeLoop() throws IOException {
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
                    outlined++;
                }
            }
        }
        assertTrue(outlined > 0, "no mid-sized function of the snapshot had a block with calls outlined");
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
