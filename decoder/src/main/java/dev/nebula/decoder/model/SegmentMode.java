package dev.nebula.decoder.model;

/** How an element or data segment is used (spec 2.5.7, 2.5.8). */
public enum SegmentMode {
    /** Copied into a table or memory at instantiation. */
    ACTIVE,
    /** Available to table.init / memory.init until dropped. */
    PASSIVE,
    /** Only declares function references for ref.func (element segments only). */
    DECLARATIVE
}
