package dev.nebula.decoder;

import dev.nebula.decoder.model.ValType;

/**
 * Every instruction of WebAssembly 2.0, SIMD included: its encoding (spec 5.4), its immediates and,
 * for the instructions whose operand types are fixed, its stack signature (spec 3.3). This is the
 * one table that the decoder, the validator and both engines share.
 *
 * <p>The signature is written {@code pops:pushes} with one letter a value: {@code i} i32,
 * {@code l} i64, {@code f} f32, {@code d} f64, {@code v} v128. It is null for the instructions whose
 * typing depends on context (control, variables, references, tables, parametric and calls); the
 * validator types those one by one.
 */
public enum Opcode {
    UNREACHABLE(0, 0x00, "unreachable", Immediate.NONE, null),
    NOP(0, 0x01, "nop", Immediate.NONE, ":"),
    BLOCK(0, 0x02, "block", Immediate.BLOCK_TYPE, null),
    LOOP(0, 0x03, "loop", Immediate.BLOCK_TYPE, null),
    IF(0, 0x04, "if", Immediate.BLOCK_TYPE, null),
    ELSE(0, 0x05, "else", Immediate.NONE, null),
    END(0, 0x0B, "end", Immediate.NONE, null),
    BR(0, 0x0C, "br", Immediate.LABEL, null),
    BR_IF(0, 0x0D, "br_if", Immediate.LABEL, null),
    BR_TABLE(0, 0x0E, "br_table", Immediate.LABEL_TABLE, null),
    RETURN(0, 0x0F, "return", Immediate.NONE, null),
    CALL(0, 0x10, "call", Immediate.FUNCTION, null),
    CALL_INDIRECT(0, 0x11, "call_indirect", Immediate.CALL_INDIRECT, null),
    DROP(0, 0x1A, "drop", Immediate.NONE, null),
    SELECT(0, 0x1B, "select", Immediate.NONE, null),
    SELECT_T(0, 0x1C, "select", Immediate.SELECT_TYPES, null),
    LOCAL_GET(0, 0x20, "local.get", Immediate.LOCAL, null),
    LOCAL_SET(0, 0x21, "local.set", Immediate.LOCAL, null),
    LOCAL_TEE(0, 0x22, "local.tee", Immediate.LOCAL, null),
    GLOBAL_GET(0, 0x23, "global.get", Immediate.GLOBAL, null),
    GLOBAL_SET(0, 0x24, "global.set", Immediate.GLOBAL, null),
    TABLE_GET(0, 0x25, "table.get", Immediate.TABLE, null),
    TABLE_SET(0, 0x26, "table.set", Immediate.TABLE, null),
    I32_LOAD(0, 0x28, "i32.load", Immediate.MEMARG, "i:i"),
    I64_LOAD(0, 0x29, "i64.load", Immediate.MEMARG, "i:l"),
    F32_LOAD(0, 0x2A, "f32.load", Immediate.MEMARG, "i:f"),
    F64_LOAD(0, 0x2B, "f64.load", Immediate.MEMARG, "i:d"),
    I32_LOAD8_S(0, 0x2C, "i32.load8_s", Immediate.MEMARG, "i:i"),
    I32_LOAD8_U(0, 0x2D, "i32.load8_u", Immediate.MEMARG, "i:i"),
    I32_LOAD16_S(0, 0x2E, "i32.load16_s", Immediate.MEMARG, "i:i"),
    I32_LOAD16_U(0, 0x2F, "i32.load16_u", Immediate.MEMARG, "i:i"),
    I64_LOAD8_S(0, 0x30, "i64.load8_s", Immediate.MEMARG, "i:l"),
    I64_LOAD8_U(0, 0x31, "i64.load8_u", Immediate.MEMARG, "i:l"),
    I64_LOAD16_S(0, 0x32, "i64.load16_s", Immediate.MEMARG, "i:l"),
    I64_LOAD16_U(0, 0x33, "i64.load16_u", Immediate.MEMARG, "i:l"),
    I64_LOAD32_S(0, 0x34, "i64.load32_s", Immediate.MEMARG, "i:l"),
    I64_LOAD32_U(0, 0x35, "i64.load32_u", Immediate.MEMARG, "i:l"),
    I32_STORE(0, 0x36, "i32.store", Immediate.MEMARG, "ii:"),
    I64_STORE(0, 0x37, "i64.store", Immediate.MEMARG, "il:"),
    F32_STORE(0, 0x38, "f32.store", Immediate.MEMARG, "if:"),
    F64_STORE(0, 0x39, "f64.store", Immediate.MEMARG, "id:"),
    I32_STORE8(0, 0x3A, "i32.store8", Immediate.MEMARG, "ii:"),
    I32_STORE16(0, 0x3B, "i32.store16", Immediate.MEMARG, "ii:"),
    I64_STORE8(0, 0x3C, "i64.store8", Immediate.MEMARG, "il:"),
    I64_STORE16(0, 0x3D, "i64.store16", Immediate.MEMARG, "il:"),
    I64_STORE32(0, 0x3E, "i64.store32", Immediate.MEMARG, "il:"),
    MEMORY_SIZE(0, 0x3F, "memory.size", Immediate.MEMORY, ":i"),
    MEMORY_GROW(0, 0x40, "memory.grow", Immediate.MEMORY, "i:i"),
    I32_CONST(0, 0x41, "i32.const", Immediate.I32, ":i"),
    I64_CONST(0, 0x42, "i64.const", Immediate.I64, ":l"),
    F32_CONST(0, 0x43, "f32.const", Immediate.F32, ":f"),
    F64_CONST(0, 0x44, "f64.const", Immediate.F64, ":d"),
    I32_EQZ(0, 0x45, "i32.eqz", Immediate.NONE, "i:i"),
    I32_EQ(0, 0x46, "i32.eq", Immediate.NONE, "ii:i"),
    I32_NE(0, 0x47, "i32.ne", Immediate.NONE, "ii:i"),
    I32_LT_S(0, 0x48, "i32.lt_s", Immediate.NONE, "ii:i"),
    I32_LT_U(0, 0x49, "i32.lt_u", Immediate.NONE, "ii:i"),
    I32_GT_S(0, 0x4A, "i32.gt_s", Immediate.NONE, "ii:i"),
    I32_GT_U(0, 0x4B, "i32.gt_u", Immediate.NONE, "ii:i"),
    I32_LE_S(0, 0x4C, "i32.le_s", Immediate.NONE, "ii:i"),
    I32_LE_U(0, 0x4D, "i32.le_u", Immediate.NONE, "ii:i"),
    I32_GE_S(0, 0x4E, "i32.ge_s", Immediate.NONE, "ii:i"),
    I32_GE_U(0, 0x4F, "i32.ge_u", Immediate.NONE, "ii:i"),
    I64_EQZ(0, 0x50, "i64.eqz", Immediate.NONE, "l:i"),
    I64_EQ(0, 0x51, "i64.eq", Immediate.NONE, "ll:i"),
    I64_NE(0, 0x52, "i64.ne", Immediate.NONE, "ll:i"),
    I64_LT_S(0, 0x53, "i64.lt_s", Immediate.NONE, "ll:i"),
    I64_LT_U(0, 0x54, "i64.lt_u", Immediate.NONE, "ll:i"),
    I64_GT_S(0, 0x55, "i64.gt_s", Immediate.NONE, "ll:i"),
    I64_GT_U(0, 0x56, "i64.gt_u", Immediate.NONE, "ll:i"),
    I64_LE_S(0, 0x57, "i64.le_s", Immediate.NONE, "ll:i"),
    I64_LE_U(0, 0x58, "i64.le_u", Immediate.NONE, "ll:i"),
    I64_GE_S(0, 0x59, "i64.ge_s", Immediate.NONE, "ll:i"),
    I64_GE_U(0, 0x5A, "i64.ge_u", Immediate.NONE, "ll:i"),
    F32_EQ(0, 0x5B, "f32.eq", Immediate.NONE, "ff:i"),
    F32_NE(0, 0x5C, "f32.ne", Immediate.NONE, "ff:i"),
    F32_LT(0, 0x5D, "f32.lt", Immediate.NONE, "ff:i"),
    F32_GT(0, 0x5E, "f32.gt", Immediate.NONE, "ff:i"),
    F32_LE(0, 0x5F, "f32.le", Immediate.NONE, "ff:i"),
    F32_GE(0, 0x60, "f32.ge", Immediate.NONE, "ff:i"),
    F64_EQ(0, 0x61, "f64.eq", Immediate.NONE, "dd:i"),
    F64_NE(0, 0x62, "f64.ne", Immediate.NONE, "dd:i"),
    F64_LT(0, 0x63, "f64.lt", Immediate.NONE, "dd:i"),
    F64_GT(0, 0x64, "f64.gt", Immediate.NONE, "dd:i"),
    F64_LE(0, 0x65, "f64.le", Immediate.NONE, "dd:i"),
    F64_GE(0, 0x66, "f64.ge", Immediate.NONE, "dd:i"),
    I32_CLZ(0, 0x67, "i32.clz", Immediate.NONE, "i:i"),
    I32_CTZ(0, 0x68, "i32.ctz", Immediate.NONE, "i:i"),
    I32_POPCNT(0, 0x69, "i32.popcnt", Immediate.NONE, "i:i"),
    I32_ADD(0, 0x6A, "i32.add", Immediate.NONE, "ii:i"),
    I32_SUB(0, 0x6B, "i32.sub", Immediate.NONE, "ii:i"),
    I32_MUL(0, 0x6C, "i32.mul", Immediate.NONE, "ii:i"),
    I32_DIV_S(0, 0x6D, "i32.div_s", Immediate.NONE, "ii:i"),
    I32_DIV_U(0, 0x6E, "i32.div_u", Immediate.NONE, "ii:i"),
    I32_REM_S(0, 0x6F, "i32.rem_s", Immediate.NONE, "ii:i"),
    I32_REM_U(0, 0x70, "i32.rem_u", Immediate.NONE, "ii:i"),
    I32_AND(0, 0x71, "i32.and", Immediate.NONE, "ii:i"),
    I32_OR(0, 0x72, "i32.or", Immediate.NONE, "ii:i"),
    I32_XOR(0, 0x73, "i32.xor", Immediate.NONE, "ii:i"),
    I32_SHL(0, 0x74, "i32.shl", Immediate.NONE, "ii:i"),
    I32_SHR_S(0, 0x75, "i32.shr_s", Immediate.NONE, "ii:i"),
    I32_SHR_U(0, 0x76, "i32.shr_u", Immediate.NONE, "ii:i"),
    I32_ROTL(0, 0x77, "i32.rotl", Immediate.NONE, "ii:i"),
    I32_ROTR(0, 0x78, "i32.rotr", Immediate.NONE, "ii:i"),
    I64_CLZ(0, 0x79, "i64.clz", Immediate.NONE, "l:l"),
    I64_CTZ(0, 0x7A, "i64.ctz", Immediate.NONE, "l:l"),
    I64_POPCNT(0, 0x7B, "i64.popcnt", Immediate.NONE, "l:l"),
    I64_ADD(0, 0x7C, "i64.add", Immediate.NONE, "ll:l"),
    I64_SUB(0, 0x7D, "i64.sub", Immediate.NONE, "ll:l"),
    I64_MUL(0, 0x7E, "i64.mul", Immediate.NONE, "ll:l"),
    I64_DIV_S(0, 0x7F, "i64.div_s", Immediate.NONE, "ll:l"),
    I64_DIV_U(0, 0x80, "i64.div_u", Immediate.NONE, "ll:l"),
    I64_REM_S(0, 0x81, "i64.rem_s", Immediate.NONE, "ll:l"),
    I64_REM_U(0, 0x82, "i64.rem_u", Immediate.NONE, "ll:l"),
    I64_AND(0, 0x83, "i64.and", Immediate.NONE, "ll:l"),
    I64_OR(0, 0x84, "i64.or", Immediate.NONE, "ll:l"),
    I64_XOR(0, 0x85, "i64.xor", Immediate.NONE, "ll:l"),
    I64_SHL(0, 0x86, "i64.shl", Immediate.NONE, "ll:l"),
    I64_SHR_S(0, 0x87, "i64.shr_s", Immediate.NONE, "ll:l"),
    I64_SHR_U(0, 0x88, "i64.shr_u", Immediate.NONE, "ll:l"),
    I64_ROTL(0, 0x89, "i64.rotl", Immediate.NONE, "ll:l"),
    I64_ROTR(0, 0x8A, "i64.rotr", Immediate.NONE, "ll:l"),
    F32_ABS(0, 0x8B, "f32.abs", Immediate.NONE, "f:f"),
    F32_NEG(0, 0x8C, "f32.neg", Immediate.NONE, "f:f"),
    F32_CEIL(0, 0x8D, "f32.ceil", Immediate.NONE, "f:f"),
    F32_FLOOR(0, 0x8E, "f32.floor", Immediate.NONE, "f:f"),
    F32_TRUNC(0, 0x8F, "f32.trunc", Immediate.NONE, "f:f"),
    F32_NEAREST(0, 0x90, "f32.nearest", Immediate.NONE, "f:f"),
    F32_SQRT(0, 0x91, "f32.sqrt", Immediate.NONE, "f:f"),
    F32_ADD(0, 0x92, "f32.add", Immediate.NONE, "ff:f"),
    F32_SUB(0, 0x93, "f32.sub", Immediate.NONE, "ff:f"),
    F32_MUL(0, 0x94, "f32.mul", Immediate.NONE, "ff:f"),
    F32_DIV(0, 0x95, "f32.div", Immediate.NONE, "ff:f"),
    F32_MIN(0, 0x96, "f32.min", Immediate.NONE, "ff:f"),
    F32_MAX(0, 0x97, "f32.max", Immediate.NONE, "ff:f"),
    F32_COPYSIGN(0, 0x98, "f32.copysign", Immediate.NONE, "ff:f"),
    F64_ABS(0, 0x99, "f64.abs", Immediate.NONE, "d:d"),
    F64_NEG(0, 0x9A, "f64.neg", Immediate.NONE, "d:d"),
    F64_CEIL(0, 0x9B, "f64.ceil", Immediate.NONE, "d:d"),
    F64_FLOOR(0, 0x9C, "f64.floor", Immediate.NONE, "d:d"),
    F64_TRUNC(0, 0x9D, "f64.trunc", Immediate.NONE, "d:d"),
    F64_NEAREST(0, 0x9E, "f64.nearest", Immediate.NONE, "d:d"),
    F64_SQRT(0, 0x9F, "f64.sqrt", Immediate.NONE, "d:d"),
    F64_ADD(0, 0xA0, "f64.add", Immediate.NONE, "dd:d"),
    F64_SUB(0, 0xA1, "f64.sub", Immediate.NONE, "dd:d"),
    F64_MUL(0, 0xA2, "f64.mul", Immediate.NONE, "dd:d"),
    F64_DIV(0, 0xA3, "f64.div", Immediate.NONE, "dd:d"),
    F64_MIN(0, 0xA4, "f64.min", Immediate.NONE, "dd:d"),
    F64_MAX(0, 0xA5, "f64.max", Immediate.NONE, "dd:d"),
    F64_COPYSIGN(0, 0xA6, "f64.copysign", Immediate.NONE, "dd:d"),
    I32_WRAP_I64(0, 0xA7, "i32.wrap_i64", Immediate.NONE, "l:i"),
    I32_TRUNC_F32_S(0, 0xA8, "i32.trunc_f32_s", Immediate.NONE, "f:i"),
    I32_TRUNC_F32_U(0, 0xA9, "i32.trunc_f32_u", Immediate.NONE, "f:i"),
    I32_TRUNC_F64_S(0, 0xAA, "i32.trunc_f64_s", Immediate.NONE, "d:i"),
    I32_TRUNC_F64_U(0, 0xAB, "i32.trunc_f64_u", Immediate.NONE, "d:i"),
    I64_EXTEND_I32_S(0, 0xAC, "i64.extend_i32_s", Immediate.NONE, "i:l"),
    I64_EXTEND_I32_U(0, 0xAD, "i64.extend_i32_u", Immediate.NONE, "i:l"),
    I64_TRUNC_F32_S(0, 0xAE, "i64.trunc_f32_s", Immediate.NONE, "f:l"),
    I64_TRUNC_F32_U(0, 0xAF, "i64.trunc_f32_u", Immediate.NONE, "f:l"),
    I64_TRUNC_F64_S(0, 0xB0, "i64.trunc_f64_s", Immediate.NONE, "d:l"),
    I64_TRUNC_F64_U(0, 0xB1, "i64.trunc_f64_u", Immediate.NONE, "d:l"),
    F32_CONVERT_I32_S(0, 0xB2, "f32.convert_i32_s", Immediate.NONE, "i:f"),
    F32_CONVERT_I32_U(0, 0xB3, "f32.convert_i32_u", Immediate.NONE, "i:f"),
    F32_CONVERT_I64_S(0, 0xB4, "f32.convert_i64_s", Immediate.NONE, "l:f"),
    F32_CONVERT_I64_U(0, 0xB5, "f32.convert_i64_u", Immediate.NONE, "l:f"),
    F32_DEMOTE_F64(0, 0xB6, "f32.demote_f64", Immediate.NONE, "d:f"),
    F64_CONVERT_I32_S(0, 0xB7, "f64.convert_i32_s", Immediate.NONE, "i:d"),
    F64_CONVERT_I32_U(0, 0xB8, "f64.convert_i32_u", Immediate.NONE, "i:d"),
    F64_CONVERT_I64_S(0, 0xB9, "f64.convert_i64_s", Immediate.NONE, "l:d"),
    F64_CONVERT_I64_U(0, 0xBA, "f64.convert_i64_u", Immediate.NONE, "l:d"),
    F64_PROMOTE_F32(0, 0xBB, "f64.promote_f32", Immediate.NONE, "f:d"),
    I32_REINTERPRET_F32(0, 0xBC, "i32.reinterpret_f32", Immediate.NONE, "f:i"),
    I64_REINTERPRET_F64(0, 0xBD, "i64.reinterpret_f64", Immediate.NONE, "d:l"),
    F32_REINTERPRET_I32(0, 0xBE, "f32.reinterpret_i32", Immediate.NONE, "i:f"),
    F64_REINTERPRET_I64(0, 0xBF, "f64.reinterpret_i64", Immediate.NONE, "l:d"),
    I32_EXTEND8_S(0, 0xC0, "i32.extend8_s", Immediate.NONE, "i:i"),
    I32_EXTEND16_S(0, 0xC1, "i32.extend16_s", Immediate.NONE, "i:i"),
    I64_EXTEND8_S(0, 0xC2, "i64.extend8_s", Immediate.NONE, "l:l"),
    I64_EXTEND16_S(0, 0xC3, "i64.extend16_s", Immediate.NONE, "l:l"),
    I64_EXTEND32_S(0, 0xC4, "i64.extend32_s", Immediate.NONE, "l:l"),
    REF_NULL(0, 0xD0, "ref.null", Immediate.REF_TYPE, null),
    REF_IS_NULL(0, 0xD1, "ref.is_null", Immediate.NONE, null),
    REF_FUNC(0, 0xD2, "ref.func", Immediate.FUNCTION, null),
    I32_TRUNC_SAT_F32_S(0xFC, 0, "i32.trunc_sat_f32_s", Immediate.NONE, "f:i"),
    I32_TRUNC_SAT_F32_U(0xFC, 1, "i32.trunc_sat_f32_u", Immediate.NONE, "f:i"),
    I32_TRUNC_SAT_F64_S(0xFC, 2, "i32.trunc_sat_f64_s", Immediate.NONE, "d:i"),
    I32_TRUNC_SAT_F64_U(0xFC, 3, "i32.trunc_sat_f64_u", Immediate.NONE, "d:i"),
    I64_TRUNC_SAT_F32_S(0xFC, 4, "i64.trunc_sat_f32_s", Immediate.NONE, "f:l"),
    I64_TRUNC_SAT_F32_U(0xFC, 5, "i64.trunc_sat_f32_u", Immediate.NONE, "f:l"),
    I64_TRUNC_SAT_F64_S(0xFC, 6, "i64.trunc_sat_f64_s", Immediate.NONE, "d:l"),
    I64_TRUNC_SAT_F64_U(0xFC, 7, "i64.trunc_sat_f64_u", Immediate.NONE, "d:l"),
    MEMORY_INIT(0xFC, 8, "memory.init", Immediate.MEMORY_INIT, "iii:"),
    DATA_DROP(0xFC, 9, "data.drop", Immediate.DATA, ":"),
    MEMORY_COPY(0xFC, 10, "memory.copy", Immediate.MEMORY_COPY, "iii:"),
    MEMORY_FILL(0xFC, 11, "memory.fill", Immediate.MEMORY, "iii:"),
    TABLE_INIT(0xFC, 12, "table.init", Immediate.TABLE_INIT, "iii:"),
    ELEM_DROP(0xFC, 13, "elem.drop", Immediate.ELEM, ":"),
    TABLE_COPY(0xFC, 14, "table.copy", Immediate.TABLE_COPY, "iii:"),
    TABLE_GROW(0xFC, 15, "table.grow", Immediate.TABLE, null),
    TABLE_SIZE(0xFC, 16, "table.size", Immediate.TABLE, ":i"),
    TABLE_FILL(0xFC, 17, "table.fill", Immediate.TABLE, null),
    V128_LOAD(0xFD, 0, "v128.load", Immediate.MEMARG, "i:v"),
    V128_LOAD8X8_S(0xFD, 1, "v128.load8x8_s", Immediate.MEMARG, "i:v"),
    V128_LOAD8X8_U(0xFD, 2, "v128.load8x8_u", Immediate.MEMARG, "i:v"),
    V128_LOAD16X4_S(0xFD, 3, "v128.load16x4_s", Immediate.MEMARG, "i:v"),
    V128_LOAD16X4_U(0xFD, 4, "v128.load16x4_u", Immediate.MEMARG, "i:v"),
    V128_LOAD32X2_S(0xFD, 5, "v128.load32x2_s", Immediate.MEMARG, "i:v"),
    V128_LOAD32X2_U(0xFD, 6, "v128.load32x2_u", Immediate.MEMARG, "i:v"),
    V128_LOAD8_SPLAT(0xFD, 7, "v128.load8_splat", Immediate.MEMARG, "i:v"),
    V128_LOAD16_SPLAT(0xFD, 8, "v128.load16_splat", Immediate.MEMARG, "i:v"),
    V128_LOAD32_SPLAT(0xFD, 9, "v128.load32_splat", Immediate.MEMARG, "i:v"),
    V128_LOAD64_SPLAT(0xFD, 10, "v128.load64_splat", Immediate.MEMARG, "i:v"),
    V128_STORE(0xFD, 11, "v128.store", Immediate.MEMARG, "iv:"),
    V128_CONST(0xFD, 12, "v128.const", Immediate.V128, ":v"),
    I8X16_SHUFFLE(0xFD, 13, "i8x16.shuffle", Immediate.SHUFFLE, "vv:v"),
    I8X16_SWIZZLE(0xFD, 14, "i8x16.swizzle", Immediate.NONE, "vv:v"),
    I8X16_SPLAT(0xFD, 15, "i8x16.splat", Immediate.NONE, "i:v"),
    I16X8_SPLAT(0xFD, 16, "i16x8.splat", Immediate.NONE, "i:v"),
    I32X4_SPLAT(0xFD, 17, "i32x4.splat", Immediate.NONE, "i:v"),
    I64X2_SPLAT(0xFD, 18, "i64x2.splat", Immediate.NONE, "l:v"),
    F32X4_SPLAT(0xFD, 19, "f32x4.splat", Immediate.NONE, "f:v"),
    F64X2_SPLAT(0xFD, 20, "f64x2.splat", Immediate.NONE, "d:v"),
    I8X16_EXTRACT_LANE_S(0xFD, 21, "i8x16.extract_lane_s", Immediate.LANE, "v:i"),
    I8X16_EXTRACT_LANE_U(0xFD, 22, "i8x16.extract_lane_u", Immediate.LANE, "v:i"),
    I8X16_REPLACE_LANE(0xFD, 23, "i8x16.replace_lane", Immediate.LANE, "vi:v"),
    I16X8_EXTRACT_LANE_S(0xFD, 24, "i16x8.extract_lane_s", Immediate.LANE, "v:i"),
    I16X8_EXTRACT_LANE_U(0xFD, 25, "i16x8.extract_lane_u", Immediate.LANE, "v:i"),
    I16X8_REPLACE_LANE(0xFD, 26, "i16x8.replace_lane", Immediate.LANE, "vi:v"),
    I32X4_EXTRACT_LANE(0xFD, 27, "i32x4.extract_lane", Immediate.LANE, "v:i"),
    I32X4_REPLACE_LANE(0xFD, 28, "i32x4.replace_lane", Immediate.LANE, "vi:v"),
    I64X2_EXTRACT_LANE(0xFD, 29, "i64x2.extract_lane", Immediate.LANE, "v:l"),
    I64X2_REPLACE_LANE(0xFD, 30, "i64x2.replace_lane", Immediate.LANE, "vl:v"),
    F32X4_EXTRACT_LANE(0xFD, 31, "f32x4.extract_lane", Immediate.LANE, "v:f"),
    F32X4_REPLACE_LANE(0xFD, 32, "f32x4.replace_lane", Immediate.LANE, "vf:v"),
    F64X2_EXTRACT_LANE(0xFD, 33, "f64x2.extract_lane", Immediate.LANE, "v:d"),
    F64X2_REPLACE_LANE(0xFD, 34, "f64x2.replace_lane", Immediate.LANE, "vd:v"),
    I8X16_EQ(0xFD, 35, "i8x16.eq", Immediate.NONE, "vv:v"),
    I8X16_NE(0xFD, 36, "i8x16.ne", Immediate.NONE, "vv:v"),
    I8X16_LT_S(0xFD, 37, "i8x16.lt_s", Immediate.NONE, "vv:v"),
    I8X16_LT_U(0xFD, 38, "i8x16.lt_u", Immediate.NONE, "vv:v"),
    I8X16_GT_S(0xFD, 39, "i8x16.gt_s", Immediate.NONE, "vv:v"),
    I8X16_GT_U(0xFD, 40, "i8x16.gt_u", Immediate.NONE, "vv:v"),
    I8X16_LE_S(0xFD, 41, "i8x16.le_s", Immediate.NONE, "vv:v"),
    I8X16_LE_U(0xFD, 42, "i8x16.le_u", Immediate.NONE, "vv:v"),
    I8X16_GE_S(0xFD, 43, "i8x16.ge_s", Immediate.NONE, "vv:v"),
    I8X16_GE_U(0xFD, 44, "i8x16.ge_u", Immediate.NONE, "vv:v"),
    I16X8_EQ(0xFD, 45, "i16x8.eq", Immediate.NONE, "vv:v"),
    I16X8_NE(0xFD, 46, "i16x8.ne", Immediate.NONE, "vv:v"),
    I16X8_LT_S(0xFD, 47, "i16x8.lt_s", Immediate.NONE, "vv:v"),
    I16X8_LT_U(0xFD, 48, "i16x8.lt_u", Immediate.NONE, "vv:v"),
    I16X8_GT_S(0xFD, 49, "i16x8.gt_s", Immediate.NONE, "vv:v"),
    I16X8_GT_U(0xFD, 50, "i16x8.gt_u", Immediate.NONE, "vv:v"),
    I16X8_LE_S(0xFD, 51, "i16x8.le_s", Immediate.NONE, "vv:v"),
    I16X8_LE_U(0xFD, 52, "i16x8.le_u", Immediate.NONE, "vv:v"),
    I16X8_GE_S(0xFD, 53, "i16x8.ge_s", Immediate.NONE, "vv:v"),
    I16X8_GE_U(0xFD, 54, "i16x8.ge_u", Immediate.NONE, "vv:v"),
    I32X4_EQ(0xFD, 55, "i32x4.eq", Immediate.NONE, "vv:v"),
    I32X4_NE(0xFD, 56, "i32x4.ne", Immediate.NONE, "vv:v"),
    I32X4_LT_S(0xFD, 57, "i32x4.lt_s", Immediate.NONE, "vv:v"),
    I32X4_LT_U(0xFD, 58, "i32x4.lt_u", Immediate.NONE, "vv:v"),
    I32X4_GT_S(0xFD, 59, "i32x4.gt_s", Immediate.NONE, "vv:v"),
    I32X4_GT_U(0xFD, 60, "i32x4.gt_u", Immediate.NONE, "vv:v"),
    I32X4_LE_S(0xFD, 61, "i32x4.le_s", Immediate.NONE, "vv:v"),
    I32X4_LE_U(0xFD, 62, "i32x4.le_u", Immediate.NONE, "vv:v"),
    I32X4_GE_S(0xFD, 63, "i32x4.ge_s", Immediate.NONE, "vv:v"),
    I32X4_GE_U(0xFD, 64, "i32x4.ge_u", Immediate.NONE, "vv:v"),
    F32X4_EQ(0xFD, 65, "f32x4.eq", Immediate.NONE, "vv:v"),
    F32X4_NE(0xFD, 66, "f32x4.ne", Immediate.NONE, "vv:v"),
    F32X4_LT(0xFD, 67, "f32x4.lt", Immediate.NONE, "vv:v"),
    F32X4_GT(0xFD, 68, "f32x4.gt", Immediate.NONE, "vv:v"),
    F32X4_LE(0xFD, 69, "f32x4.le", Immediate.NONE, "vv:v"),
    F32X4_GE(0xFD, 70, "f32x4.ge", Immediate.NONE, "vv:v"),
    F64X2_EQ(0xFD, 71, "f64x2.eq", Immediate.NONE, "vv:v"),
    F64X2_NE(0xFD, 72, "f64x2.ne", Immediate.NONE, "vv:v"),
    F64X2_LT(0xFD, 73, "f64x2.lt", Immediate.NONE, "vv:v"),
    F64X2_GT(0xFD, 74, "f64x2.gt", Immediate.NONE, "vv:v"),
    F64X2_LE(0xFD, 75, "f64x2.le", Immediate.NONE, "vv:v"),
    F64X2_GE(0xFD, 76, "f64x2.ge", Immediate.NONE, "vv:v"),
    V128_NOT(0xFD, 77, "v128.not", Immediate.NONE, "v:v"),
    V128_AND(0xFD, 78, "v128.and", Immediate.NONE, "vv:v"),
    V128_ANDNOT(0xFD, 79, "v128.andnot", Immediate.NONE, "vv:v"),
    V128_OR(0xFD, 80, "v128.or", Immediate.NONE, "vv:v"),
    V128_XOR(0xFD, 81, "v128.xor", Immediate.NONE, "vv:v"),
    V128_BITSELECT(0xFD, 82, "v128.bitselect", Immediate.NONE, "vvv:v"),
    V128_ANY_TRUE(0xFD, 83, "v128.any_true", Immediate.NONE, "v:i"),
    V128_LOAD8_LANE(0xFD, 84, "v128.load8_lane", Immediate.MEMARG_LANE, "iv:v"),
    V128_LOAD16_LANE(0xFD, 85, "v128.load16_lane", Immediate.MEMARG_LANE, "iv:v"),
    V128_LOAD32_LANE(0xFD, 86, "v128.load32_lane", Immediate.MEMARG_LANE, "iv:v"),
    V128_LOAD64_LANE(0xFD, 87, "v128.load64_lane", Immediate.MEMARG_LANE, "iv:v"),
    V128_STORE8_LANE(0xFD, 88, "v128.store8_lane", Immediate.MEMARG_LANE, "iv:"),
    V128_STORE16_LANE(0xFD, 89, "v128.store16_lane", Immediate.MEMARG_LANE, "iv:"),
    V128_STORE32_LANE(0xFD, 90, "v128.store32_lane", Immediate.MEMARG_LANE, "iv:"),
    V128_STORE64_LANE(0xFD, 91, "v128.store64_lane", Immediate.MEMARG_LANE, "iv:"),
    V128_LOAD32_ZERO(0xFD, 92, "v128.load32_zero", Immediate.MEMARG, "i:v"),
    V128_LOAD64_ZERO(0xFD, 93, "v128.load64_zero", Immediate.MEMARG, "i:v"),
    F32X4_DEMOTE_F64X2_ZERO(0xFD, 94, "f32x4.demote_f64x2_zero", Immediate.NONE, "v:v"),
    F64X2_PROMOTE_LOW_F32X4(0xFD, 95, "f64x2.promote_low_f32x4", Immediate.NONE, "v:v"),
    I8X16_ABS(0xFD, 96, "i8x16.abs", Immediate.NONE, "v:v"),
    I8X16_NEG(0xFD, 97, "i8x16.neg", Immediate.NONE, "v:v"),
    I8X16_POPCNT(0xFD, 98, "i8x16.popcnt", Immediate.NONE, "v:v"),
    I8X16_ALL_TRUE(0xFD, 99, "i8x16.all_true", Immediate.NONE, "v:i"),
    I8X16_BITMASK(0xFD, 100, "i8x16.bitmask", Immediate.NONE, "v:i"),
    I8X16_NARROW_I16X8_S(0xFD, 101, "i8x16.narrow_i16x8_s", Immediate.NONE, "vv:v"),
    I8X16_NARROW_I16X8_U(0xFD, 102, "i8x16.narrow_i16x8_u", Immediate.NONE, "vv:v"),
    F32X4_CEIL(0xFD, 103, "f32x4.ceil", Immediate.NONE, "v:v"),
    F32X4_FLOOR(0xFD, 104, "f32x4.floor", Immediate.NONE, "v:v"),
    F32X4_TRUNC(0xFD, 105, "f32x4.trunc", Immediate.NONE, "v:v"),
    F32X4_NEAREST(0xFD, 106, "f32x4.nearest", Immediate.NONE, "v:v"),
    I8X16_SHL(0xFD, 107, "i8x16.shl", Immediate.NONE, "vi:v"),
    I8X16_SHR_S(0xFD, 108, "i8x16.shr_s", Immediate.NONE, "vi:v"),
    I8X16_SHR_U(0xFD, 109, "i8x16.shr_u", Immediate.NONE, "vi:v"),
    I8X16_ADD(0xFD, 110, "i8x16.add", Immediate.NONE, "vv:v"),
    I8X16_ADD_SAT_S(0xFD, 111, "i8x16.add_sat_s", Immediate.NONE, "vv:v"),
    I8X16_ADD_SAT_U(0xFD, 112, "i8x16.add_sat_u", Immediate.NONE, "vv:v"),
    I8X16_SUB(0xFD, 113, "i8x16.sub", Immediate.NONE, "vv:v"),
    I8X16_SUB_SAT_S(0xFD, 114, "i8x16.sub_sat_s", Immediate.NONE, "vv:v"),
    I8X16_SUB_SAT_U(0xFD, 115, "i8x16.sub_sat_u", Immediate.NONE, "vv:v"),
    F64X2_CEIL(0xFD, 116, "f64x2.ceil", Immediate.NONE, "v:v"),
    F64X2_FLOOR(0xFD, 117, "f64x2.floor", Immediate.NONE, "v:v"),
    I8X16_MIN_S(0xFD, 118, "i8x16.min_s", Immediate.NONE, "vv:v"),
    I8X16_MIN_U(0xFD, 119, "i8x16.min_u", Immediate.NONE, "vv:v"),
    I8X16_MAX_S(0xFD, 120, "i8x16.max_s", Immediate.NONE, "vv:v"),
    I8X16_MAX_U(0xFD, 121, "i8x16.max_u", Immediate.NONE, "vv:v"),
    F64X2_TRUNC(0xFD, 122, "f64x2.trunc", Immediate.NONE, "v:v"),
    I8X16_AVGR_U(0xFD, 123, "i8x16.avgr_u", Immediate.NONE, "vv:v"),
    I16X8_EXTADD_PAIRWISE_I8X16_S(0xFD, 124, "i16x8.extadd_pairwise_i8x16_s", Immediate.NONE, "v:v"),
    I16X8_EXTADD_PAIRWISE_I8X16_U(0xFD, 125, "i16x8.extadd_pairwise_i8x16_u", Immediate.NONE, "v:v"),
    I32X4_EXTADD_PAIRWISE_I16X8_S(0xFD, 126, "i32x4.extadd_pairwise_i16x8_s", Immediate.NONE, "v:v"),
    I32X4_EXTADD_PAIRWISE_I16X8_U(0xFD, 127, "i32x4.extadd_pairwise_i16x8_u", Immediate.NONE, "v:v"),
    I16X8_ABS(0xFD, 128, "i16x8.abs", Immediate.NONE, "v:v"),
    I16X8_NEG(0xFD, 129, "i16x8.neg", Immediate.NONE, "v:v"),
    I16X8_Q15MULR_SAT_S(0xFD, 130, "i16x8.q15mulr_sat_s", Immediate.NONE, "vv:v"),
    I16X8_ALL_TRUE(0xFD, 131, "i16x8.all_true", Immediate.NONE, "v:i"),
    I16X8_BITMASK(0xFD, 132, "i16x8.bitmask", Immediate.NONE, "v:i"),
    I16X8_NARROW_I32X4_S(0xFD, 133, "i16x8.narrow_i32x4_s", Immediate.NONE, "vv:v"),
    I16X8_NARROW_I32X4_U(0xFD, 134, "i16x8.narrow_i32x4_u", Immediate.NONE, "vv:v"),
    I16X8_EXTEND_LOW_I8X16_S(0xFD, 135, "i16x8.extend_low_i8x16_s", Immediate.NONE, "v:v"),
    I16X8_EXTEND_HIGH_I8X16_S(0xFD, 136, "i16x8.extend_high_i8x16_s", Immediate.NONE, "v:v"),
    I16X8_EXTEND_LOW_I8X16_U(0xFD, 137, "i16x8.extend_low_i8x16_u", Immediate.NONE, "v:v"),
    I16X8_EXTEND_HIGH_I8X16_U(0xFD, 138, "i16x8.extend_high_i8x16_u", Immediate.NONE, "v:v"),
    I16X8_SHL(0xFD, 139, "i16x8.shl", Immediate.NONE, "vi:v"),
    I16X8_SHR_S(0xFD, 140, "i16x8.shr_s", Immediate.NONE, "vi:v"),
    I16X8_SHR_U(0xFD, 141, "i16x8.shr_u", Immediate.NONE, "vi:v"),
    I16X8_ADD(0xFD, 142, "i16x8.add", Immediate.NONE, "vv:v"),
    I16X8_ADD_SAT_S(0xFD, 143, "i16x8.add_sat_s", Immediate.NONE, "vv:v"),
    I16X8_ADD_SAT_U(0xFD, 144, "i16x8.add_sat_u", Immediate.NONE, "vv:v"),
    I16X8_SUB(0xFD, 145, "i16x8.sub", Immediate.NONE, "vv:v"),
    I16X8_SUB_SAT_S(0xFD, 146, "i16x8.sub_sat_s", Immediate.NONE, "vv:v"),
    I16X8_SUB_SAT_U(0xFD, 147, "i16x8.sub_sat_u", Immediate.NONE, "vv:v"),
    F64X2_NEAREST(0xFD, 148, "f64x2.nearest", Immediate.NONE, "v:v"),
    I16X8_MUL(0xFD, 149, "i16x8.mul", Immediate.NONE, "vv:v"),
    I16X8_MIN_S(0xFD, 150, "i16x8.min_s", Immediate.NONE, "vv:v"),
    I16X8_MIN_U(0xFD, 151, "i16x8.min_u", Immediate.NONE, "vv:v"),
    I16X8_MAX_S(0xFD, 152, "i16x8.max_s", Immediate.NONE, "vv:v"),
    I16X8_MAX_U(0xFD, 153, "i16x8.max_u", Immediate.NONE, "vv:v"),
    I16X8_AVGR_U(0xFD, 155, "i16x8.avgr_u", Immediate.NONE, "vv:v"),
    I16X8_EXTMUL_LOW_I8X16_S(0xFD, 156, "i16x8.extmul_low_i8x16_s", Immediate.NONE, "vv:v"),
    I16X8_EXTMUL_HIGH_I8X16_S(0xFD, 157, "i16x8.extmul_high_i8x16_s", Immediate.NONE, "vv:v"),
    I16X8_EXTMUL_LOW_I8X16_U(0xFD, 158, "i16x8.extmul_low_i8x16_u", Immediate.NONE, "vv:v"),
    I16X8_EXTMUL_HIGH_I8X16_U(0xFD, 159, "i16x8.extmul_high_i8x16_u", Immediate.NONE, "vv:v"),
    I32X4_ABS(0xFD, 160, "i32x4.abs", Immediate.NONE, "v:v"),
    I32X4_NEG(0xFD, 161, "i32x4.neg", Immediate.NONE, "v:v"),
    I32X4_ALL_TRUE(0xFD, 163, "i32x4.all_true", Immediate.NONE, "v:i"),
    I32X4_BITMASK(0xFD, 164, "i32x4.bitmask", Immediate.NONE, "v:i"),
    I32X4_EXTEND_LOW_I16X8_S(0xFD, 167, "i32x4.extend_low_i16x8_s", Immediate.NONE, "v:v"),
    I32X4_EXTEND_HIGH_I16X8_S(0xFD, 168, "i32x4.extend_high_i16x8_s", Immediate.NONE, "v:v"),
    I32X4_EXTEND_LOW_I16X8_U(0xFD, 169, "i32x4.extend_low_i16x8_u", Immediate.NONE, "v:v"),
    I32X4_EXTEND_HIGH_I16X8_U(0xFD, 170, "i32x4.extend_high_i16x8_u", Immediate.NONE, "v:v"),
    I32X4_SHL(0xFD, 171, "i32x4.shl", Immediate.NONE, "vi:v"),
    I32X4_SHR_S(0xFD, 172, "i32x4.shr_s", Immediate.NONE, "vi:v"),
    I32X4_SHR_U(0xFD, 173, "i32x4.shr_u", Immediate.NONE, "vi:v"),
    I32X4_ADD(0xFD, 174, "i32x4.add", Immediate.NONE, "vv:v"),
    I32X4_SUB(0xFD, 177, "i32x4.sub", Immediate.NONE, "vv:v"),
    I32X4_MUL(0xFD, 181, "i32x4.mul", Immediate.NONE, "vv:v"),
    I32X4_MIN_S(0xFD, 182, "i32x4.min_s", Immediate.NONE, "vv:v"),
    I32X4_MIN_U(0xFD, 183, "i32x4.min_u", Immediate.NONE, "vv:v"),
    I32X4_MAX_S(0xFD, 184, "i32x4.max_s", Immediate.NONE, "vv:v"),
    I32X4_MAX_U(0xFD, 185, "i32x4.max_u", Immediate.NONE, "vv:v"),
    I32X4_DOT_I16X8_S(0xFD, 186, "i32x4.dot_i16x8_s", Immediate.NONE, "vv:v"),
    I32X4_EXTMUL_LOW_I16X8_S(0xFD, 188, "i32x4.extmul_low_i16x8_s", Immediate.NONE, "vv:v"),
    I32X4_EXTMUL_HIGH_I16X8_S(0xFD, 189, "i32x4.extmul_high_i16x8_s", Immediate.NONE, "vv:v"),
    I32X4_EXTMUL_LOW_I16X8_U(0xFD, 190, "i32x4.extmul_low_i16x8_u", Immediate.NONE, "vv:v"),
    I32X4_EXTMUL_HIGH_I16X8_U(0xFD, 191, "i32x4.extmul_high_i16x8_u", Immediate.NONE, "vv:v"),
    I64X2_ABS(0xFD, 192, "i64x2.abs", Immediate.NONE, "v:v"),
    I64X2_NEG(0xFD, 193, "i64x2.neg", Immediate.NONE, "v:v"),
    I64X2_ALL_TRUE(0xFD, 195, "i64x2.all_true", Immediate.NONE, "v:i"),
    I64X2_BITMASK(0xFD, 196, "i64x2.bitmask", Immediate.NONE, "v:i"),
    I64X2_EXTEND_LOW_I32X4_S(0xFD, 199, "i64x2.extend_low_i32x4_s", Immediate.NONE, "v:v"),
    I64X2_EXTEND_HIGH_I32X4_S(0xFD, 200, "i64x2.extend_high_i32x4_s", Immediate.NONE, "v:v"),
    I64X2_EXTEND_LOW_I32X4_U(0xFD, 201, "i64x2.extend_low_i32x4_u", Immediate.NONE, "v:v"),
    I64X2_EXTEND_HIGH_I32X4_U(0xFD, 202, "i64x2.extend_high_i32x4_u", Immediate.NONE, "v:v"),
    I64X2_SHL(0xFD, 203, "i64x2.shl", Immediate.NONE, "vi:v"),
    I64X2_SHR_S(0xFD, 204, "i64x2.shr_s", Immediate.NONE, "vi:v"),
    I64X2_SHR_U(0xFD, 205, "i64x2.shr_u", Immediate.NONE, "vi:v"),
    I64X2_ADD(0xFD, 206, "i64x2.add", Immediate.NONE, "vv:v"),
    I64X2_SUB(0xFD, 209, "i64x2.sub", Immediate.NONE, "vv:v"),
    I64X2_MUL(0xFD, 213, "i64x2.mul", Immediate.NONE, "vv:v"),
    I64X2_EQ(0xFD, 214, "i64x2.eq", Immediate.NONE, "vv:v"),
    I64X2_NE(0xFD, 215, "i64x2.ne", Immediate.NONE, "vv:v"),
    I64X2_LT_S(0xFD, 216, "i64x2.lt_s", Immediate.NONE, "vv:v"),
    I64X2_GT_S(0xFD, 217, "i64x2.gt_s", Immediate.NONE, "vv:v"),
    I64X2_LE_S(0xFD, 218, "i64x2.le_s", Immediate.NONE, "vv:v"),
    I64X2_GE_S(0xFD, 219, "i64x2.ge_s", Immediate.NONE, "vv:v"),
    I64X2_EXTMUL_LOW_I32X4_S(0xFD, 220, "i64x2.extmul_low_i32x4_s", Immediate.NONE, "vv:v"),
    I64X2_EXTMUL_HIGH_I32X4_S(0xFD, 221, "i64x2.extmul_high_i32x4_s", Immediate.NONE, "vv:v"),
    I64X2_EXTMUL_LOW_I32X4_U(0xFD, 222, "i64x2.extmul_low_i32x4_u", Immediate.NONE, "vv:v"),
    I64X2_EXTMUL_HIGH_I32X4_U(0xFD, 223, "i64x2.extmul_high_i32x4_u", Immediate.NONE, "vv:v"),
    F32X4_ABS(0xFD, 224, "f32x4.abs", Immediate.NONE, "v:v"),
    F32X4_NEG(0xFD, 225, "f32x4.neg", Immediate.NONE, "v:v"),
    F32X4_SQRT(0xFD, 227, "f32x4.sqrt", Immediate.NONE, "v:v"),
    F32X4_ADD(0xFD, 228, "f32x4.add", Immediate.NONE, "vv:v"),
    F32X4_SUB(0xFD, 229, "f32x4.sub", Immediate.NONE, "vv:v"),
    F32X4_MUL(0xFD, 230, "f32x4.mul", Immediate.NONE, "vv:v"),
    F32X4_DIV(0xFD, 231, "f32x4.div", Immediate.NONE, "vv:v"),
    F32X4_MIN(0xFD, 232, "f32x4.min", Immediate.NONE, "vv:v"),
    F32X4_MAX(0xFD, 233, "f32x4.max", Immediate.NONE, "vv:v"),
    F32X4_PMIN(0xFD, 234, "f32x4.pmin", Immediate.NONE, "vv:v"),
    F32X4_PMAX(0xFD, 235, "f32x4.pmax", Immediate.NONE, "vv:v"),
    F64X2_ABS(0xFD, 236, "f64x2.abs", Immediate.NONE, "v:v"),
    F64X2_NEG(0xFD, 237, "f64x2.neg", Immediate.NONE, "v:v"),
    F64X2_SQRT(0xFD, 239, "f64x2.sqrt", Immediate.NONE, "v:v"),
    F64X2_ADD(0xFD, 240, "f64x2.add", Immediate.NONE, "vv:v"),
    F64X2_SUB(0xFD, 241, "f64x2.sub", Immediate.NONE, "vv:v"),
    F64X2_MUL(0xFD, 242, "f64x2.mul", Immediate.NONE, "vv:v"),
    F64X2_DIV(0xFD, 243, "f64x2.div", Immediate.NONE, "vv:v"),
    F64X2_MIN(0xFD, 244, "f64x2.min", Immediate.NONE, "vv:v"),
    F64X2_MAX(0xFD, 245, "f64x2.max", Immediate.NONE, "vv:v"),
    F64X2_PMIN(0xFD, 246, "f64x2.pmin", Immediate.NONE, "vv:v"),
    F64X2_PMAX(0xFD, 247, "f64x2.pmax", Immediate.NONE, "vv:v"),
    I32X4_TRUNC_SAT_F32X4_S(0xFD, 248, "i32x4.trunc_sat_f32x4_s", Immediate.NONE, "v:v"),
    I32X4_TRUNC_SAT_F32X4_U(0xFD, 249, "i32x4.trunc_sat_f32x4_u", Immediate.NONE, "v:v"),
    F32X4_CONVERT_I32X4_S(0xFD, 250, "f32x4.convert_i32x4_s", Immediate.NONE, "v:v"),
    F32X4_CONVERT_I32X4_U(0xFD, 251, "f32x4.convert_i32x4_u", Immediate.NONE, "v:v"),
    I32X4_TRUNC_SAT_F64X2_S_ZERO(0xFD, 252, "i32x4.trunc_sat_f64x2_s_zero", Immediate.NONE, "v:v"),
    I32X4_TRUNC_SAT_F64X2_U_ZERO(0xFD, 253, "i32x4.trunc_sat_f64x2_u_zero", Immediate.NONE, "v:v"),
    F64X2_CONVERT_LOW_I32X4_S(0xFD, 254, "f64x2.convert_low_i32x4_s", Immediate.NONE, "v:v"),
    F64X2_CONVERT_LOW_I32X4_U(0xFD, 255, "f64x2.convert_low_i32x4_u", Immediate.NONE, "v:v");

    /** Prefix byte of the miscellaneous instructions (saturating truncation, bulk memory, tables). */
    public static final int PREFIX_FC = 0xFC;
    /** Prefix byte of the vector (SIMD) instructions. */
    public static final int PREFIX_FD = 0xFD;

    private static final Opcode[] SINGLE = new Opcode[256];
    private static final Opcode[] FC = new Opcode[32];
    private static final Opcode[] FD = new Opcode[256];

    static {
        // No per-opcode tables of MemoryWidths here: filling them ran two switches for each of
        // the ~500 opcodes in the bytecode interpreter at every start (~1 ms of `nebula run`),
        // and a switch per call costs validation no more than a table look-up once compiled.
        for (Opcode op : values()) {
            switch (op.prefix) {
                case 0 -> SINGLE[op.code] = op;
                case PREFIX_FC -> FC[op.code] = op;
                default -> FD[op.code] = op;
            }
        }
    }

    private final int prefix;
    private final int code;
    private final String mnemonic;
    private final Immediate immediate;
    private final ValType[] pops;
    private final ValType[] pushes;

    Opcode(int prefix, int code, String mnemonic, Immediate immediate, String signature) {
        this.prefix = prefix;
        this.code = code;
        this.mnemonic = mnemonic;
        this.immediate = immediate;
        if (signature == null) {
            this.pops = null;
            this.pushes = null;
        } else {
            int colon = signature.indexOf(':');
            this.pops = types(signature.substring(0, colon));
            this.pushes = types(signature.substring(colon + 1));
        }
    }

    private static ValType[] types(String letters) {
        ValType[] types = new ValType[letters.length()];
        for (int i = 0; i < types.length; i++) {
            types[i] = switch (letters.charAt(i)) {
                case 'i' -> ValType.I32;
                case 'l' -> ValType.I64;
                case 'f' -> ValType.F32;
                case 'd' -> ValType.F64;
                case 'v' -> ValType.V128;
                default -> throw new IllegalArgumentException("bad signature letter in " + letters);
            };
        }
        return types;
    }

    /** The instruction encoded by the single byte {@code b}, or null if none is. */
    public static Opcode single(int b) {
        return SINGLE[b & 0xFF];
    }

    /** The instruction {@code prefix code}, with prefix 0xFC or 0xFD, or null if none is. */
    public static Opcode prefixed(int prefix, long code) {
        Opcode[] table = prefix == PREFIX_FC ? FC : FD;
        return code >= 0 && code < table.length ? table[(int) code] : null;
    }

    /** 0 for single-byte instructions, else 0xFC or 0xFD. */
    public int prefix() {
        return prefix;
    }

    /** The opcode byte, or for prefixed instructions the u32 that follows the prefix. */
    public int code() {
        return code;
    }

    /** The text-format name, e.g. {@code i32.add}. */
    public String mnemonic() {
        return mnemonic;
    }

    public Immediate immediate() {
        return immediate;
    }

    /** True when {@link #pops()} and {@link #pushes()} give the whole typing rule. */
    public boolean hasFixedSignature() {
        return pops != null;
    }

    /** Operand types popped, bottom first; null when the typing depends on context. */
    public ValType[] pops() {
        return pops == null ? null : pops.clone();
    }

    /** Result types pushed; null when the typing depends on context. */
    public ValType[] pushes() {
        return pushes == null ? null : pushes.clone();
    }

    /** Number of operands popped by a fixed-signature instruction. */
    public int popCount() {
        return pops.length;
    }

    /** The i-th operand type (bottom first) of a fixed-signature instruction. */
    public ValType pop(int i) {
        return pops[i];
    }

    /** Number of results of a fixed-signature instruction. */
    public int pushCount() {
        return pushes.length;
    }

    /** The i-th result type of a fixed-signature instruction. */
    public ValType push(int i) {
        return pushes[i];
    }

    /** For memory instructions, log2 of the natural alignment (spec 3.3.7); -1 for others. */
    public int naturalAlignment() {
        return MemoryWidths.naturalAlignment(this);
    }

    /** For lane instructions, the number of lanes a lane index may address; -1 for others. */
    public int laneCount() {
        return MemoryWidths.laneCount(this);
    }

    @Override
    public String toString() {
        return mnemonic;
    }
}
