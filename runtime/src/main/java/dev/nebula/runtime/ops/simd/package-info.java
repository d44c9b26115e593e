/**
 * The fixed-width SIMD operators of Wasm 2.0 (spec 4.3.2-4.3.4 lifted to lanes, 4.4.3 vector
 * instructions), shared by every execution engine: each rule lives once.
 *
 * <h2>Calling convention: a v128 is two longs, and most operators work on one half</h2>
 * A v128 is a pair {@code (lo, hi)} of longs with little-endian lanes: lane 0 is in the lowest
 * bits of {@code lo}, and lane {@code n/2} starts at bit 0 of {@code hi}. Every operator here is a
 * static method on primitives that returns a primitive, so an engine calls it with values it
 * already holds (interpreter slots, JVM locals of compiled code) and nothing is allocated:
 * <ul>
 * <li><b>Lane-wise operators</b> (add, compare, min, shifts, float arithmetic, the pairwise
 *     {@code dot} and {@code extadd_pairwise}, whose lanes never cross a 64-bit boundary) take
 *     and return <em>one half</em>: {@code lo' = op(aLo, bLo)}, {@code hi' = op(aHi, bHi)}.</li>
 * <li><b>Widening operators</b> ({@code extend}, {@code extmul}, {@code convert_low},
 *     {@code promote_low}, the widening loads) take the 32 source bits of one result half as an
 *     {@code int}: {@code extend_low} gives {@code lo' = f((int) aLo)}, {@code hi' = f((int) (aLo >>> 32))}.</li>
 * <li><b>Narrowing operators</b> ({@code narrow}, {@code demote_zero}, {@code trunc_sat_zero}) take
 *     a whole v128 and return one half: {@code narrow}'s {@code lo' = f(aLo, aHi)}, {@code hi' = f(bLo, bHi)}.</li>
 * <li><b>Operators that see the whole vector</b> ({@code shuffle}, {@code swizzle}, lane access,
 *     {@code bitmask}, {@code all_true}, {@code any_true}) take both halves and return a half
 *     (named {@code ...Lo}/{@code ...Hi} where the two differ) or a scalar.</li>
 * </ul>
 * Scalar lane values follow the engines' slot convention: i32/f32 as int bits, i64/f64 as long bits.
 *
 * <h2>NaNs</h2>
 * Float lanes follow the scalar operators of {@link dev.nebula.runtime.ops.Numerics}: a NaN result
 * is the canonical NaN when every NaN operand is canonical (and for invalid operations without NaN
 * operands), otherwise an arithmetic NaN, as spec 4.3.3 allows; {@code abs}, {@code neg},
 * {@code pmin}, {@code pmax} and lane moves keep bits exactly.
 */
package dev.nebula.runtime.ops.simd;
