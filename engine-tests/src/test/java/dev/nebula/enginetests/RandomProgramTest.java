package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.runtime.WasmFunction;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random straight-line and block-structured i32 programs that shuffle values between locals and
 * the operand stack (local.get/set/tee, constants, drop, select, blocks with br_if, if/else), run
 * on the interpreter and on a direct evaluation here. They exercise what the register-style
 * translation must get right: reads of locals still pending on the stack when the local is
 * overwritten, results written straight into locals, and values carried by branches.
 */
class RandomProgramTest {

    private static final int PARAMS = 3;
    private static final int LOCALS = 6;
    private static final Opcode[] BINARY = {Opcode.I32_ADD, Opcode.I32_SUB, Opcode.I32_MUL, Opcode.I32_XOR,
        Opcode.I32_LT_S, Opcode.I32_GT_U, Opcode.I32_EQ, Opcode.I32_SHL, Opcode.I32_ROTR};

    /** Emits code and evaluates it at once, against a model of the stack and locals per input. */
    private static final class Program {
        final Random random;
        final Code code = Code.of();
        final int[][] locals;
        final Deque<Integer>[] stacks;

        @SuppressWarnings("unchecked")
        Program(Random random, int[][] inputs) {
            this.random = random;
            this.locals = new int[inputs.length][LOCALS];
            this.stacks = new Deque[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                System.arraycopy(inputs[i], 0, locals[i], 0, PARAMS);
                stacks[i] = new ArrayDeque<>();
            }
        }

        int height() {
            return stacks[0].size();
        }

        void push(java.util.function.IntUnaryOperator value) {
            for (int i = 0; i < stacks.length; i++) stacks[i].push(value.applyAsInt(i));
        }

        /** A sequence of about {@code n} instructions leaving the stack {@code extra} values higher. */
        void sequence(int n, int depth) {
            int base = height();
            for (int k = 0; k < n; k++) instruction(base, depth);
            while (height() > base + 1) drop();
            if (height() == base) constant();
        }

        void instruction(int base, int depth) {
            int above = height() - base;
            int choice = random.nextInt(12);
            if (choice <= 2) {
                int l = random.nextInt(LOCALS);
                code.get(l);
                push(i -> locals[i][l]);
            } else if (choice == 3) {
                constant();
            } else if (choice == 4 && above >= 1) {
                int l = random.nextInt(LOCALS);
                code.set(l);
                for (int i = 0; i < stacks.length; i++) locals[i][l] = stacks[i].pop();
            } else if (choice == 5 && above >= 1) {
                int l = random.nextInt(LOCALS);
                code.tee(l);
                for (int i = 0; i < stacks.length; i++) locals[i][l] = stacks[i].peek();
            } else if (choice <= 7 && above >= 2) {
                Opcode op = BINARY[random.nextInt(BINARY.length)];
                code.op(op);
                for (int i = 0; i < stacks.length; i++) {
                    int b = stacks[i].pop();
                    int a = stacks[i].pop();
                    stacks[i].push(apply(op, a, b));
                }
            } else if (choice == 8 && above >= 3) {
                code.op(Opcode.SELECT);
                for (int i = 0; i < stacks.length; i++) {
                    int c = stacks[i].pop();
                    int b = stacks[i].pop();
                    int a = stacks[i].pop();
                    stacks[i].push(c != 0 ? a : b);
                }
            } else if (choice == 9 && above >= 1) {
                drop();
            } else if (choice == 10 && depth < 3) {
                block(depth);
            } else if (choice == 11 && depth < 3 && above >= 1) {
                ifElse(depth);
            } else {
                constant();
            }
        }

        void constant() {
            int c = random.nextInt(7) - 3;
            code.i32(c);
            push(i -> c);
        }

        void drop() {
            code.op(Opcode.DROP);
            for (Deque<Integer> s : stacks) s.pop();
        }

        /** (block (result i32) u.. v (br_if 0 (0 < local)) drop.. w): inputs whose condition holds leave with v. */
        void block(int depth) {
            code.block(Opcode.BLOCK, ValType.I32);
            Deque<Integer>[] outer = snapshot();
            // Values below the carried one make the branch copy it down to the label's slot.
            int below = random.nextInt(3);
            for (int k = 0; k <= below; k++) sequence(1 + random.nextInt(4), depth + 1);
            int l = random.nextInt(LOCALS);
            code.i32(0).get(l).op(Opcode.I32_LT_S).op(Opcode.BR_IF, 0);
            boolean[] left = new boolean[stacks.length];
            int[] result = new int[stacks.length];
            for (int i = 0; i < stacks.length; i++) {
                left[i] = 0 < locals[i][l];
                result[i] = stacks[i].peek();
            }
            for (int k = 0; k <= below; k++) drop();
            int[][] localsAtBranch = copyLocals();
            sequence(1 + random.nextInt(4), depth + 1);
            code.end();
            for (int i = 0; i < stacks.length; i++) {
                int fallThrough = stacks[i].pop();
                stacks[i] = outer[i];
                if (left[i]) {
                    stacks[i].push(result[i]);
                    System.arraycopy(localsAtBranch[i], 0, locals[i], 0, LOCALS);
                } else {
                    stacks[i].push(fallThrough);
                }
            }
        }

        /** (if (result i32) (then ...) (else ...)) on the top value. */
        void ifElse(int depth) {
            code.block(Opcode.IF, ValType.I32);
            boolean[] taken = new boolean[stacks.length];
            for (int i = 0; i < stacks.length; i++) taken[i] = stacks[i].pop() != 0;
            Deque<Integer>[] outer = snapshot();
            int[][] before = copyLocals();
            sequence(1 + random.nextInt(4), depth + 1);
            int[][] afterThen = copyLocals();
            int[] thenValue = new int[stacks.length];
            for (int i = 0; i < stacks.length; i++) thenValue[i] = stacks[i].pop();
            for (int i = 0; i < stacks.length; i++) System.arraycopy(before[i], 0, locals[i], 0, LOCALS);
            code.op(Opcode.ELSE);
            sequence(1 + random.nextInt(4), depth + 1);
            code.end();
            for (int i = 0; i < stacks.length; i++) {
                int elseValue = stacks[i].pop();
                stacks[i] = outer[i];
                if (taken[i]) {
                    stacks[i].push(thenValue[i]);
                    System.arraycopy(afterThen[i], 0, locals[i], 0, LOCALS);
                } else {
                    stacks[i].push(elseValue);
                }
            }
        }

        @SuppressWarnings("unchecked")
        Deque<Integer>[] snapshot() {
            Deque<Integer>[] copy = new Deque[stacks.length];
            for (int i = 0; i < stacks.length; i++) copy[i] = new ArrayDeque<>(stacks[i]);
            return copy;
        }

        int[][] copyLocals() {
            int[][] copy = new int[locals.length][];
            for (int i = 0; i < locals.length; i++) copy[i] = locals[i].clone();
            return copy;
        }
    }

    private static int apply(Opcode op, int a, int b) {
        return switch (op) {
            case I32_ADD -> a + b;
            case I32_SUB -> a - b;
            case I32_MUL -> a * b;
            case I32_XOR -> a ^ b;
            case I32_LT_S -> a < b ? 1 : 0;
            case I32_GT_U -> Integer.compareUnsigned(a, b) > 0 ? 1 : 0;
            case I32_EQ -> a == b ? 1 : 0;
            case I32_SHL -> a << b;
            case I32_ROTR -> Integer.rotateRight(a, b);
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    @Test
    void interpreterAgreesWithDirectEvaluation() {
        int[][] inputs = {{0, 0, 0}, {1, -1, 7}, {-5, 3, 100}, {Integer.MIN_VALUE, 2, -3}};
        for (int seed = 0; seed < 1000; seed++) {
            Random random = new Random(seed);
            Program program = new Program(random, inputs);
            program.sequence(5 + random.nextInt(25), 0);
            // Return the result and the locals folded together, so every local write is checked.
            Code body = program.code;
            for (int l = 0; l < LOCALS; l++) body.get(l).op(Opcode.I32_XOR).i32(31).op(Opcode.I32_ROTL);
            WasmFunction f = Run.function("iii", "i", "iii", body).function("f");
            for (int i = 0; i < inputs.length; i++) {
                int expected = program.stacks[i].peek();
                for (int l = 0; l < LOCALS; l++) expected = Integer.rotateLeft(expected ^ program.locals[i][l], 31);
                assertEquals(expected, (int) f.call(inputs[i][0], inputs[i][1], inputs[i][2])[0], "seed " + seed + " input " + i);
            }
        }
    }
}
