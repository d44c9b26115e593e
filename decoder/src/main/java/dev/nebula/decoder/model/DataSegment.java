package dev.nebula.decoder.model;

/**
 * A data segment (spec 2.5.8, binary 5.5.14): its bytes are the range
 * {@code [dataStart, dataStart + dataLength)} of the module.
 */
public record DataSegment(SegmentMode mode, int memoryIndex, Expression offset, int dataStart, int dataLength) {
}
