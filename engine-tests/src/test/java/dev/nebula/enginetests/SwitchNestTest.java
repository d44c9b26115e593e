package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.runtime.WasmFunction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A switch as compilers emit it (spec 2.4.8: a nest of empty blocks, a br_table in the innermost
 * one, each case after a block's end falling through into the next): large enough that the AOT
 * engine compiles it by level, its cases spread over bucket methods (aot-compiler's
 * SwitchNest). Every way of moving through the nest is checked against a model in Java: the
 * table's labels and its default, an out-of-range index, a plain branch out of the innermost
 * body, falling through from case to case, branches to lower cases near and far (same bucket or
 * another), to the outermost block, a return from inside a case with a value under the nest on
 * the operand stack, a loop inside a case, and a nested br_table.
 */
class SwitchNestTest {

    private static final int LEVELS = 300;
    /** br_table labels: more than levels, so several indexes reach the same case. */
    private static final int TABLE = LEVELS + 20;
    private static final int X = 0;
    private static final int Y = 1;
    private static final int ACC = 2;
    private static final int COUNT = 3;

    private static int tableLevel(int index) {
        return index * 37 % (LEVELS + 1);
    }

    /** f(x, y): 5 + acc after the switch, or acc + 1,000,000 when a case returns. */
    private static Code switchFunction() {
        Code c = Code.of().i32(5);
        for (int k = 0; k <= LEVELS; k++) c.block(Opcode.BLOCK);
        // innermost body (B_n at relative depth 0, B_j at LEVELS - j)
        c.get(X).i32(-7).op(Opcode.I32_EQ).op(Opcode.BR_IF, 0);
        c.get(X).i32(-8).op(Opcode.I32_EQ).block(Opcode.IF).i32(77).set(ACC).end();
        int[] labels = new int[TABLE];
        for (int i = 0; i < TABLE; i++) labels[i] = LEVELS - tableLevel(i);
        c.get(X).brTable(LEVELS, labels);
        for (int k = LEVELS; k >= 1; k--) {
            c.end(); // B_k: what follows is case k, inside B_0 .. B_k-1 (B_j at relative depth k - 1 - j)
            switch (k % 6) {
                case 0 -> c.get(ACC).i32(31).op(Opcode.I32_MUL).i32(k).op(Opcode.I32_ADD).set(ACC).op(Opcode.BR, k % 5);
                case 1 -> c.get(ACC).i32(k).op(Opcode.I32_ADD).set(ACC);
                case 2 -> c.get(ACC).i32(k).op(Opcode.I32_XOR).set(ACC).get(Y).i32(1).op(Opcode.I32_AND).op(Opcode.BR_IF, k - 1);
                case 3 -> c.get(ACC).i32(k).op(Opcode.I32_ADD).set(ACC)
                        .get(Y).i32(k).op(Opcode.I32_EQ).block(Opcode.IF).get(ACC).i32(1_000_000).op(Opcode.I32_ADD).op(Opcode.RETURN).end();
                case 4 -> c.i32(k % 7 + 1).set(COUNT)
                        .block(Opcode.LOOP).get(ACC).i32(3).op(Opcode.I32_ADD).set(ACC)
                        .get(COUNT).i32(1).op(Opcode.I32_SUB).tee(COUNT).op(Opcode.BR_IF, 0).end()
                        .op(Opcode.BR, k - 1 - k / 2);
                default -> c.block(Opcode.BLOCK).get(Y).i32(3).op(Opcode.I32_AND).brTable(k, 0, 1, 3).end()
                        .get(ACC).i32(k).op(Opcode.I32_SUB).set(ACC);
            }
        }
        return c.end().get(ACC).op(Opcode.I32_ADD);
    }

    /** What {@link #switchFunction} computes, level by level. */
    private static int model(int x, int y) {
        int acc = 0;
        int level;
        if (x == -7) {
            level = LEVELS;
        } else {
            if (x == -8) acc = 77;
            level = x >= 0 && x < TABLE ? tableLevel(x) : 0;
        }
        while (level > 0) {
            int k = level;
            switch (k % 6) {
                case 0 -> {
                    acc = acc * 31 + k;
                    level = k - 1 - k % 5;
                }
                case 1 -> {
                    acc += k;
                    level = k - 1;
                }
                case 2 -> {
                    acc ^= k;
                    level = (y & 1) != 0 ? 0 : k - 1;
                }
                case 3 -> {
                    acc += k;
                    if (y == k) return acc + 1_000_000;
                    level = k - 1;
                }
                case 4 -> {
                    acc += 3 * (k % 7 + 1);
                    level = k / 2;
                }
                default -> {
                    switch (y & 3) {
                        case 0 -> {
                            acc -= k;
                            level = k - 1;
                        }
                        case 1 -> level = k - 1;
                        case 2 -> level = k - 3;
                        default -> level = 0;
                    }
                }
            }
        }
        return 5 + acc;
    }

    /**
     * 16,100 nested blocks, more than one nest may have (16,001): the first 16,001 make the
     * switch, the rest start its innermost body (plain blocks there). A br_table of 15,000
     * labels reaches levels of both; every case falls through into the next.
     */
    @Test
    void aRunOfBlocksLongerThanOneSwitchMayHaveStillRunsEveryCase() {
        int blocks = 16_100;
        int labels = 15_000;
        Code c = Code.of();
        for (int k = 0; k < blocks; k++) c.block(Opcode.BLOCK);
        int[] table = new int[labels];
        for (int i = 0; i < labels; i++) table[i] = blocks - 1 - deepLevel(i, blocks);
        c.get(X).brTable(blocks - 1, table);
        for (int k = blocks - 1; k >= 1; k--) c.end().get(ACC).i32(3).op(Opcode.I32_MUL).i32(k).op(Opcode.I32_ADD).set(ACC);
        c.end().get(ACC);
        WasmFunction f = Run.function("ii", "i", "ii", c).function("f");
        int[] xs = {0, 1, 2, 1234, 2027, 7000, 14_999, 15_000, -1, 123_456};
        for (int x : xs) {
            int level = x >= 0 && x < labels ? deepLevel(x, blocks) : 0;
            int acc = 0;
            for (int k = level; k >= 1; k--) acc = acc * 3 + k;
            assertEquals(acc, (int) f.call(x, 0)[0], "f(" + x + ") from level " + level);
        }
    }

    private static int deepLevel(int index, int blocks) {
        return (int) ((long) index * 7919 % blocks);
    }

    @Test
    void everyPathThroughALargeSwitchMatchesTheModel() {
        WasmFunction f = Run.function("ii", "i", "ii", switchFunction()).function("f");
        int[] ys = {0, 1, 2, 3, 9, 45, 153, 297, 300};
        int checked = 0;
        int returned = 0;
        for (int x = -9; x < TABLE + 3; x++) {
            for (int y : ys) {
                int expected = model(x, y);
                assertEquals(expected, (int) f.call(x, y)[0], "f(" + x + ", " + y + ")");
                checked++;
                if (expected >= 1_000_000) returned++;
            }
        }
        assertEquals((TABLE + 12) * ys.length, checked);
        assertTrue(returned > 0, "no case returned: the return path went untested");
        // the same function again, now warm on the JIT's side
        for (int x = TABLE - 1; x >= 0; x -= 7) assertEquals(model(x, 2), (int) f.call(x, 2)[0], "f(" + x + ", 2) again");
    }
}
