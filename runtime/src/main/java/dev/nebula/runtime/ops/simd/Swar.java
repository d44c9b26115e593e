package dev.nebula.runtime.ops.simd;

/**
 * Lane-parallel arithmetic inside one long ("SIMD within a register"): the masks of each lane
 * width's top bits, and carry-free add and subtract, used by the integer families.
 */
final class Swar {

    static final long H8 = 0x8080_8080_8080_8080L;
    static final long H16 = 0x8000_8000_8000_8000L;
    static final long H32 = 0x8000_0000_8000_0000L;

    private Swar() {
    }

    /** Lane-wise wrapping add, lanes marked by their top bits {@code h}: no carry crosses a lane. */
    static long add(long a, long b, long h) {
        return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
    }

    /** Lane-wise wrapping subtract: each lane's top bit set in the minuend so no borrow crosses a lane. */
    static long sub(long a, long b, long h) {
        return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
    }
}
