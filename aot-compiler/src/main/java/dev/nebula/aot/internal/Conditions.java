package dev.nebula.aot.internal;

/**
 * A comparison's 0/1 result (spec 4.4.1, {@code i32.eq} and the rest) when it is not fused into
 * a branch: generated code calls one of these instead of building the value with jumps. HotSpot
 * inlines them to the same compare, but a call is not a basic-block boundary for its type-flow
 * pass where jumps are: a loop whose header computes a condition this way stays one block ending
 * in the loop's exit, which C2 may clone (peel) as it does for code without the diamond
 * ({@code fib}'s clang-made loop, 2% faster). {@code z} names compare one operand with zero
 * (also an {@code lcmp}/{@code fcmp} result); the others compare two {@code int}s.
 */
public final class Conditions {

    private Conditions() {
    }

    public static int eqz(int a) {
        return a == 0 ? 1 : 0;
    }

    public static int nez(int a) {
        return a != 0 ? 1 : 0;
    }

    public static int ltz(int a) {
        return a < 0 ? 1 : 0;
    }

    public static int gez(int a) {
        return a >= 0 ? 1 : 0;
    }

    public static int gtz(int a) {
        return a > 0 ? 1 : 0;
    }

    public static int lez(int a) {
        return a <= 0 ? 1 : 0;
    }

    public static int eq(int a, int b) {
        return a == b ? 1 : 0;
    }

    public static int ne(int a, int b) {
        return a != b ? 1 : 0;
    }

    public static int lt(int a, int b) {
        return a < b ? 1 : 0;
    }

    public static int ge(int a, int b) {
        return a >= b ? 1 : 0;
    }

    public static int gt(int a, int b) {
        return a > b ? 1 : 0;
    }

    public static int le(int a, int b) {
        return a <= b ? 1 : 0;
    }
}
