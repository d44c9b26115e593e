package dev.nebula.text;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Code as a list of decoded instructions with their immediates, so that two encodings of the same
 * code compare equal (LEB128 widths and block-type encodings may differ between encoders).
 */
final class Instructions {

    private Instructions() {
    }

    static List<String> of(byte[] bytes, Expression e) {
        return of(bytes, e.start(), e.end());
    }

    static List<String> of(byte[] bytes, int start, int end) {
        List<String> out = new ArrayList<>();
        CodeReader r = new CodeReader(bytes, start, end);
        while (r.position() < end) {
            Opcode op = r.next();
            StringBuilder s = new StringBuilder(op.name());
            switch (op.immediate()) {
                case NONE, MEMORY, MEMORY_COPY -> { }
                case BLOCK_TYPE -> s.append(' ').append(r.blockType() == CodeReader.BLOCK_VALUE ? r.blockValueType().toString() : Integer.toString(r.blockType()));
                case LABEL_TABLE -> {
                    for (int i = 0; i <= r.labelCount(); i++) s.append(' ').append(r.label(i));
                }
                case LABEL, FUNCTION, LOCAL, GLOBAL, TABLE, ELEM, DATA -> s.append(' ').append(r.index());
                case CALL_INDIRECT, TABLE_INIT, TABLE_COPY, MEMORY_INIT -> s.append(' ').append(r.index()).append(' ').append(r.secondIndex());
                case MEMARG -> s.append(' ').append(r.alignment()).append(' ').append(r.offset());
                case MEMARG_LANE -> s.append(' ').append(r.alignment()).append(' ').append(r.offset()).append(' ').append(r.lane());
                case I32, I64, F32, F64 -> s.append(' ').append(r.value());
                case V128 -> s.append(' ').append(r.v128Low()).append(' ').append(r.v128High());
                case LANE -> s.append(' ').append(r.lane());
                case SHUFFLE -> s.append(' ').append(java.util.Arrays.toString(r.shuffleLanes()));
                case REF_TYPE -> s.append(' ').append(r.referenceTypeImmediate());
                case SELECT_TYPES -> {
                    for (int i = 0; i < r.selectTypeCount(); i++) s.append(' ').append(r.selectType(i));
                }
            }
            out.add(s.toString());
        }
        return out;
    }

    /** A segment's items, whether written as function indices or as ref.func expressions. */
    static List<String> items(byte[] bytes, ElementSegment e) {
        List<String> out = new ArrayList<>();
        if (e.hasFunctionIndices()) {
            for (int f : e.functionIndices()) out.add("[REF_FUNC " + f + ", END]");
        } else {
            for (Expression x : e.expressions()) out.add(of(bytes, x).toString());
        }
        return out;
    }
}
