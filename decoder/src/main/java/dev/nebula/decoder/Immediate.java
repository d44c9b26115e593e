package dev.nebula.decoder;

/**
 * The shape of the immediates that follow an opcode (spec 5.4). {@link CodeReader} reads each
 * shape; later stages switch on it instead of on hundreds of opcodes.
 */
public enum Immediate {
    /** Nothing follows. */
    NONE,
    /** A block type: 0x40, a value type, or an s33 type index (spec 5.4.1). */
    BLOCK_TYPE,
    /** A label index. */
    LABEL,
    /** A vector of label indices, then the default label (br_table). */
    LABEL_TABLE,
    /** A function index. */
    FUNCTION,
    /** A type index, then a table index (call_indirect). */
    CALL_INDIRECT,
    /** A local index. */
    LOCAL,
    /** A global index. */
    GLOBAL,
    /** A table index. */
    TABLE,
    /** A memory argument: alignment exponent and offset (spec 5.4.6). */
    MEMARG,
    /** A memory argument, then a lane index byte. */
    MEMARG_LANE,
    /** The reserved memory index byte 0x00 (memory.size, memory.grow, memory.fill). */
    MEMORY,
    /** A data index, then the reserved memory byte 0x00. */
    MEMORY_INIT,
    /** Two reserved memory bytes 0x00 0x00. */
    MEMORY_COPY,
    /** A data index. */
    DATA,
    /** An element segment index. */
    ELEM,
    /** An element segment index, then a table index. */
    TABLE_INIT,
    /** Destination table index, then source table index. */
    TABLE_COPY,
    /** A signed 32-bit LEB128 constant. */
    I32,
    /** A signed 64-bit LEB128 constant. */
    I64,
    /** Four little-endian bytes of an f32. */
    F32,
    /** Eight little-endian bytes of an f64. */
    F64,
    /** Sixteen bytes of a v128 constant. */
    V128,
    /** A lane index byte. */
    LANE,
    /** Sixteen lane index bytes (i8x16.shuffle). */
    SHUFFLE,
    /** A reference type byte (ref.null). */
    REF_TYPE,
    /** A vector of value types (typed select). */
    SELECT_TYPES
}
