package dev.nebula.decoder.model;

/** A global defined by the module, with its initializer (spec 2.5.6, binary 5.5.9). */
public record Global(GlobalType type, Expression init) {
}
