package dev.nebula.decoder.model;

import java.util.List;

/**
 * An element segment (spec 2.5.7, binary 5.5.12). All eight binary encodings decode to this one
 * form: the items are either plain function indices ({@link #functionIndices()} non-null, from
 * encodings 0-3) or constant expressions ({@link #expressions()} non-null, from encodings 4-7).
 * For active segments {@code tableIndex} and {@code offset} say where the items go.
 */
public final class ElementSegment {

    private final SegmentMode mode;
    private final ValType type;
    private final int tableIndex;
    private final Expression offset;
    private final int[] functionIndices;
    private final List<Expression> expressions;
    private final int encoding;

    public ElementSegment(int encoding, SegmentMode mode, ValType type, int tableIndex, Expression offset,
                          int[] functionIndices, List<Expression> expressions) {
        this.encoding = encoding;
        this.mode = mode;
        this.type = type;
        this.tableIndex = tableIndex;
        this.offset = offset;
        this.functionIndices = functionIndices == null ? null : functionIndices.clone();
        this.expressions = expressions == null ? null : List.copyOf(expressions);
    }

    /** The flags value 0-7 the segment was encoded with. */
    public int encoding() {
        return encoding;
    }

    public SegmentMode mode() {
        return mode;
    }

    /** funcref or externref. */
    public ValType type() {
        return type;
    }

    public int tableIndex() {
        return tableIndex;
    }

    /** The offset expression of an active segment; null otherwise. */
    public Expression offset() {
        return offset;
    }

    public int size() {
        return functionIndices != null ? functionIndices.length : expressions.size();
    }

    /** Function indices of encodings 0-3, else null. */
    public int[] functionIndices() {
        return functionIndices == null ? null : functionIndices.clone();
    }

    /** The i-th function index of encodings 0-3. */
    public int functionIndex(int i) {
        return functionIndices[i];
    }

    public boolean hasFunctionIndices() {
        return functionIndices != null;
    }

    /** Item expressions of encodings 4-7, else null. */
    public List<Expression> expressions() {
        return expressions;
    }
}
