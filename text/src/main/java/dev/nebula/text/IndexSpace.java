package dev.nebula.text;

import java.util.HashMap;
import java.util.Map;

/**
 * One index space of a module (functions, tables, memories, globals, types, element or data
 * segments; spec 6.6.1) as the text format names it: symbolic {@code $id}s bound to indices in
 * the order the definitions appear. Binding an id twice is malformed ("duplicate func", ...).
 */
final class IndexSpace {

    private final String kind;
    private final Map<String, Integer> ids = new HashMap<>();
    private int count;

    /** {@code kind} as the spec's messages name it: "func", "table", "memory", "global", "type", "elem", "data". */
    IndexSpace(String kind) {
        this.kind = kind;
    }

    String kind() {
        return kind;
    }

    /** Adds the next index, bound to {@code id} when not null; returns the index. */
    int add(String id, Token at) {
        if (id != null && ids.putIfAbsent(id, count) != null) {
            throw new TextFormatException("duplicate " + kind, "$" + id, at.line(), at.column());
        }
        return count++;
    }

    int count() {
        return count;
    }

    /** The index of {@code id}, or -1. */
    int lookup(String id) {
        Integer i = ids.get(id);
        return i == null ? -1 : i;
    }

    Map<String, Integer> ids() {
        return ids;
    }
}
