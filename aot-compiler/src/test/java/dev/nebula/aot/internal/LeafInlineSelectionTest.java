package dev.nebula.aot.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static dev.nebula.aot.internal.ModuleBytes.leb;
import static dev.nebula.aot.internal.ModuleBytes.section;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which direct calls are compiled in line ({@link FunctionCompiler#inlineCall}): a call in an
 * innermost loop to a small function that calls nothing; not one outside a loop or in a loop
 * around another, nor one to a function that calls, that has more than one loop, or that C2 would
 * inline itself. What such a call must keep (traps and their stacks, depth, deadlines, results, grown
 * memory) is tested on both engines by engine-tests' {@code LeafInlineTest}.
 */
class LeafInlineSelectionTest {

    // function 1: (local.get 0) then 145 times (i32.add (i32.const 1)): a leaf of 438 bytes
    private static final byte[] LEAF = leaf(145);
    // the same of 19 bytes, small enough for C2 to inline
    private static final byte[] SMALL_LEAF = leaf(5);
    // the leaf with (loop) (loop) after it, or one (loop)
    private static final byte[] TWO_LOOP_LEAF = withLoops(2);
    private static final byte[] LOOPING_LEAF = withLoops(1);
    // function 1 calling function 2 (the leaf), so not a leaf itself
    private static final byte[] CALLING = {0x20, 0x00, 0x10, 0x02, 0x0B};
    // (block (loop (local.set 0 (call 1 (local.get 0))) (br_if 0 (local.get 0)))) (local.get 0)
    private static final byte[] LOOP_CALLER = {0x02, 0x40, 0x03, 0x40, 0x20, 0x00, 0x10, 0x01, 0x21, 0x00,
            0x20, 0x00, 0x0D, 0x00, 0x0B, 0x0B, 0x20, 0x00, 0x0B};
    // the same with an inner loop first, (loop (br_if 0 (i32.const 0))): the call's loop is not innermost
    private static final byte[] OUTER_LOOP_CALLER = {0x02, 0x40, 0x03, 0x40, 0x03, 0x40, 0x41, 0x00, 0x0D, 0x00, 0x0B,
            0x20, 0x00, 0x10, 0x01, 0x21, 0x00, 0x20, 0x00, 0x0D, 0x00, 0x0B, 0x0B, 0x20, 0x00, 0x0B};
    // (call 1 (local.get 0)): no loop
    private static final byte[] STRAIGHT_CALLER = {0x20, 0x00, 0x10, 0x01, 0x0B};

    @Test
    void aLeafCalledInALoopIsCompiledInLine() {
        assertFalse(calls(LOOP_CALLER, LEAF).contains(ModuleLayout.methodName(1)), "the loop's call is in line");
        assertTrue(calls(STRAIGHT_CALLER, LEAF).contains(ModuleLayout.methodName(1)), "a call outside a loop stays a call");
        assertTrue(calls(OUTER_LOOP_CALLER, LEAF).contains(ModuleLayout.methodName(1)), "a call in a loop around another loop stays a call");
        List<String> nested = calls(LOOP_CALLER, CALLING, LEAF);
        assertTrue(nested.contains(ModuleLayout.methodName(1)), "a callee that calls stays a call: " + nested);
        assertTrue(calls(LOOP_CALLER, SMALL_LEAF).contains(ModuleLayout.methodName(1)), "a callee C2 inlines itself stays a call");
        assertFalse(calls(LOOP_CALLER, LOOPING_LEAF).contains(ModuleLayout.methodName(1)), "a callee with one loop goes in line");
        assertTrue(calls(LOOP_CALLER, TWO_LOOP_LEAF).contains(ModuleLayout.methodName(1)), "a callee with two loops stays a call");
    }

    private static byte[] withLoops(int loops) {
        byte[] leaf = leaf(145);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(leaf, 0, leaf.length - 1);
        for (int i = 0; i < loops; i++) body.writeBytes(new byte[] {0x03, 0x40, 0x0B});
        body.write(0x0B);
        return body.toByteArray();
    }

    private static byte[] leaf(int adds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x20, 0x00});
        for (int i = 0; i < adds; i++) body.writeBytes(new byte[] {0x41, 0x01, 0x6A});
        body.write(0x0B);
        return body.toByteArray();
    }

    @Test
    void theCalleeMustBeSmall() {
        assertTrue(FunctionCompiler.INLINE_MAX_CALLEE_BYTES >= 480, "CoreMark's core_state_transition (480 bytes) qualifies");
        assertTrue(FunctionCompiler.INLINE_MAX_CALLEE_BYTES <= Outliner.BUDGET, "a callee is never split");
        assertTrue(FunctionCompiler.INLINE_MIN_CALLEE_BYTES > 19 && FunctionCompiler.INLINE_MIN_CALLEE_BYTES <= 438);
    }

    /** The static calls (method names) in function 0's method, of a module of functions of type (i32) -> i32 with these bodies. */
    private static List<String> calls(byte[]... bodies) {
        List<String> calls = new ArrayList<>();
        for (String call : ModuleBytes.staticCallsOfFunction0(module(bodies))) calls.add(call.substring(call.lastIndexOf('.') + 1));
        assertFalse(calls.isEmpty(), "function 0's method was found");
        return calls;
    }

    private static byte[] module(byte[]... bodies) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        section(m, 1, new byte[] {0x01, 0x60, 0x01, 0x7F, 0x01, 0x7F});
        ByteArrayOutputStream funcs = new ByteArrayOutputStream();
        funcs.write(bodies.length);
        for (int i = 0; i < bodies.length; i++) funcs.write(0);
        section(m, 3, funcs.toByteArray());
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(bodies.length);
        for (byte[] body : bodies) {
            leb(code, body.length + 1);
            code.write(0); // no locals
            code.writeBytes(body);
        }
        section(m, 10, code.toByteArray());
        return m.toByteArray();
    }
}
