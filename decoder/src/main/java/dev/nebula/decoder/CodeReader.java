package dev.nebula.decoder;

import dev.nebula.decoder.model.ValType;
import dev.nebula.wasm.MalformedModuleException;

import java.util.Arrays;

/**
 * Reads an instruction sequence (spec 5.4) one instruction at a time, without allocating per
 * instruction: {@link #next()} decodes the opcode and its immediates into this cursor's fields.
 * The decoder, the validator and the engines all walk code through this one reader.
 */
public final class CodeReader extends ByteReader {

    /** Block type of a block with no parameters and no results (encoded 0x40). */
    public static final int BLOCK_EMPTY = -1;
    /** Block type marker: the block returns one value of {@link #blockValueType()}. */
    public static final int BLOCK_VALUE = -2;

    private int firstDataInstruction = -1;
    private int instructionStart;
    private Opcode opcode;
    private int index;
    private int secondIndex;
    private long value;
    private long value2;
    private int alignment;
    private int lane;
    private int blockType;
    private ValType blockValueType;
    private ValType referenceType;
    private int[] labels = new int[8];
    private int labelCount;
    private final byte[] lanes = new byte[16];
    private ValType[] selectTypes = new ValType[0];

    public CodeReader(byte[] bytes, int start, int limit) {
        super(bytes, start, limit);
        endMessage(UNEXPECTED_END_OF_SECTION);
    }

    /** Decodes the next instruction; its fields are valid until the following call. */
    public Opcode next() {
        instructionStart = pos;
        int b = u8();
        Opcode op;
        if (b == Opcode.PREFIX_FC || b == Opcode.PREFIX_FD) {
            long sub = u32();
            op = Opcode.prefixed(b, sub);
        } else {
            op = Opcode.single(b);
        }
        if (op == null) throw new MalformedModuleException("illegal opcode", instructionStart);
        opcode = op;
        readImmediates(op);
        return op;
    }

    private void readImmediates(Opcode op) {
        Immediate shape = op.immediate();
        if (shape == Immediate.NONE) return; // most instructions: skip the switch
        switch (shape) {
            case NONE -> { }
            case BLOCK_TYPE -> readBlockType();
            case LABEL, FUNCTION, LOCAL, GLOBAL, TABLE, ELEM -> index = u32AsInt();
            case DATA -> {
                checkDataCount();
                index = u32AsInt();
            }
            case LABEL_TABLE -> readLabelTable();
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> {
                index = u32AsInt();
                secondIndex = u32AsInt();
            }
            case MEMARG -> readMemarg();
            case MEMARG_LANE -> {
                readMemarg();
                lane = u8();
            }
            case MEMORY -> index = zeroByte();
            case MEMORY_INIT -> {
                checkDataCount();
                index = u32AsInt();
                secondIndex = zeroByte();
            }
            case MEMORY_COPY -> {
                index = zeroByte();
                secondIndex = zeroByte();
            }
            case I32 -> value = s32();
            case I64 -> value = s64();
            case F32 -> value = fixed32() & 0xFFFFFFFFL;
            case F64 -> value = fixed64();
            case V128 -> {
                value = fixed64();
                value2 = fixed64();
            }
            case LANE -> lane = u8();
            case SHUFFLE -> {
                for (int i = 0; i < 16; i++) lanes[i] = (byte) u8();
            }
            case REF_TYPE -> referenceType = referenceType();
            case SELECT_TYPES -> readSelectTypes();
        }
    }

    /** Remembers the first memory.init or data.drop: spec 5.5.13 ties them to the data count section. */
    private void checkDataCount() {
        if (firstDataInstruction < 0) firstDataInstruction = instructionStart;
    }

    /** Offset of the first memory.init or data.drop read so far, or -1. */
    public int firstDataInstruction() {
        return firstDataInstruction;
    }

    /** The reserved memory index of 2.0, a single byte that must be zero (spec 5.4.6). */
    private int zeroByte() {
        int at = pos;
        if (u8() != 0) throw new MalformedModuleException("zero byte expected", at);
        return 0;
    }

    private void readBlockType() {
        int at = pos;
        int b = u8();
        if (b == 0x40) {
            blockType = BLOCK_EMPTY;
            return;
        }
        ValType t = ValType.fromCode(b);
        if (t != null) {
            blockType = BLOCK_VALUE;
            blockValueType = t;
            return;
        }
        pos = at;
        long typeIndex = s33();
        if (typeIndex < 0) throw new MalformedModuleException("malformed block type", at);
        blockType = typeIndex > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) typeIndex;
    }

    private void readLabelTable() {
        int n = length();
        if (labels.length < n + 1) labels = new int[Math.max(n + 1, labels.length * 2)];
        for (int i = 0; i <= n; i++) labels[i] = u32AsInt();
        labelCount = n;
    }

    private void readMemarg() {
        long align = u32();
        alignment = align > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) align;
        value = u32();
    }

    private void readSelectTypes() {
        int n = length();
        if (selectTypes.length != n) selectTypes = new ValType[n];
        for (int i = 0; i < n; i++) selectTypes[i] = valueType();
    }

    /** A value type byte (spec 5.3.1-5.3.3). */
    public ValType valueType() {
        int at = pos;
        ValType t = ValType.fromCode(u8());
        if (t == null) throw new MalformedModuleException("malformed value type", at);
        return t;
    }

    /** A reference type byte (spec 5.3.3). */
    public ValType referenceType() {
        int at = pos;
        ValType t = ValType.fromCode(u8());
        if (t == null || !t.isReference()) throw new MalformedModuleException("malformed reference type", at);
        return t;
    }

    /** Byte offset where the current instruction starts. */
    public int instructionStart() {
        return instructionStart;
    }

    public Opcode opcode() {
        return opcode;
    }

    /**
     * The first index immediate: label, function, local, global, table, type (call_indirect),
     * data or element segment; for memory instructions, the memory index.
     */
    public int index() {
        return index;
    }

    /** The second index: call_indirect's table, table.init's table, table.copy's source, memory.init's memory. */
    public int secondIndex() {
        return secondIndex;
    }

    /** Constant of i32.const / i64.const (sign-extended), raw bits of f32/f64.const, or a memarg's offset. */
    public long value() {
        return value;
    }

    /** Low 64 bits of a v128.const (little-endian lanes). */
    public long v128Low() {
        return value;
    }

    /** High 64 bits of a v128.const. */
    public long v128High() {
        return value2;
    }

    /** A memarg's alignment exponent, as encoded. */
    public int alignment() {
        return alignment;
    }

    /** A memarg's offset, an unsigned 32-bit value. */
    public long offset() {
        return value;
    }

    public int lane() {
        return lane;
    }

    /** The 16 lane indices of i8x16.shuffle (shared buffer; copy to keep). */
    public byte[] shuffleLanes() {
        return lanes;
    }

    /** {@link #BLOCK_EMPTY}, {@link #BLOCK_VALUE}, or a non-negative type index. */
    public int blockType() {
        return blockType;
    }

    public ValType blockValueType() {
        return blockValueType;
    }

    public ValType referenceTypeImmediate() {
        return referenceType;
    }

    /** Number of br_table labels, not counting the default. */
    public int labelCount() {
        return labelCount;
    }

    /** The i-th br_table label; {@code i == labelCount()} is the default label. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of the br_table labels, the default last. */
    public int[] labelsCopy() {
        return Arrays.copyOf(labels, labelCount + 1);
    }

    public int selectTypeCount() {
        return selectTypes.length;
    }

    public ValType selectType(int i) {
        return selectTypes[i];
    }
}
