package dev.nebula.aot.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

import static dev.nebula.aot.internal.ModuleBytes.leb;
import static dev.nebula.aot.internal.ModuleBytes.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which functions get their loads and stores in line ({@link MemoryEmitter#inLine}), on the
 * figures measured for it (bench/RESULTS.md, "In-line memory accesses by C2's inlining budget"), and that the generated
 * method then really holds the in-line form. The in-line form's semantics (exact traps, both
 * forms, every width) are tested on both engines by engine-tests' {@code MemoryTest}.
 */
class MemoryEmitterTest {

    @Test
    void functionsWhoseHelpersC2WouldStopInliningGetThemInLine() {
        // CoreMark's list function: 1,639 Wasm bytes, 102 accesses; C2 left its last 44 helpers as calls
        assertTrue(MemoryEmitter.inLine(102, 1_639, false));
        // tinygo-regex's hot f244: 1,279 bytes, 81 accesses, of which C2 inlines the 34 it reaches, none cut
        assertFalse(MemoryEmitter.inLine(81, 1_279, false));
        // a small function keeps the helpers (it must stay small enough for its callers to inline it)
        assertFalse(MemoryEmitter.inLine(20, 300, false));
    }

    @Test
    void manyAccessesStillGoInLineButNeverPastTheSizeBoundOrInRegions() {
        assertTrue(MemoryEmitter.inLine(150, 1_000, false));
        // 100 accesses in 600 bytes: an estimate of 10,960 bytes C2 would inline, under the bar
        assertFalse(MemoryEmitter.inLine(100, 600, false));
        assertTrue(MemoryEmitter.inLine(111, 667, false));
        // tinygo-regex's f97 (1,890 bytes, 118 accesses) could pass 7,000 bytes of bytecode in line
        assertFalse(MemoryEmitter.inLine(118, 1_890, false));
        assertFalse(MemoryEmitter.inLine(400, 1_000, true), "region methods keep the helpers");
        // a split function: by its accesses alone
        assertFalse(MemoryEmitter.inLine(149, Outliner.BUDGET + 1, false));
        assertTrue(MemoryEmitter.inLine(150, Outliner.BUDGET + 1, false));
    }

    @Test
    void theGeneratedMethodHoldsTheFormDecided() {
        // 111 accesses in ~670 bytes: 1.6 * 670 + 100 * 111 passes 12,000
        Map<String, Integer> inLine = calls(110);
        assertEquals(0, inLine.getOrDefault("dev/nebula/aot/internal/Rt.i32Load8U", 0), inLine.toString());
        assertEquals(111, inLine.getOrDefault("java/util/Objects.checkIndex", 0), inLine.toString());
        // 61 accesses: helpers
        Map<String, Integer> helpers = calls(60);
        assertEquals(60, helpers.getOrDefault("dev/nebula/aot/internal/Rt.i32Load8U", 0), helpers.toString());
        assertEquals(1, helpers.getOrDefault("dev/nebula/aot/internal/Rt.i32Load", 0), helpers.toString());
        assertEquals(0, helpers.getOrDefault("java/util/Objects.checkIndex", 0), helpers.toString());
    }

    /** The static calls in function 0's method, by owner and name, of a module whose one function makes {@code padding} byte loads, then an i32 load at offset 8. */
    private static Map<String, Integer> calls(int padding) {
        Map<String, Integer> calls = new TreeMap<>();
        for (String call : ModuleBytes.staticCallsOfFunction0(module(padding))) calls.merge(call, 1, Integer::sum);
        return calls;
    }

    /** (module (memory 1) (func (param i32) (result i32) padding x (drop (i32.load8_u (i32.const 0))) (i32.load offset=8 (local.get 0)))) */
    private static byte[] module(int padding) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0); // no locals
        for (int n = 0; n < padding; n++) {
            body.writeBytes(new byte[] {0x41, 0x00, 0x2D, 0x00, 0x00, 0x1A});
        }
        body.writeBytes(new byte[] {0x20, 0x00, 0x28, 0x02, 0x08, 0x0B});
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        section(m, 1, new byte[] {0x01, 0x60, 0x01, 0x7F, 0x01, 0x7F});
        section(m, 3, new byte[] {0x01, 0x00});
        section(m, 5, new byte[] {0x01, 0x00, 0x01});
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(1);
        leb(code, body.size());
        code.writeBytes(body.toByteArray());
        section(m, 10, code.toByteArray());
        return m.toByteArray();
    }
}
