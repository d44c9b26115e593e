package dev.nebula.text;

import dev.nebula.decoder.model.FuncType;

import java.util.ArrayList;
import java.util.List;

/**
 * The module's function types: the explicit {@code (type ...)} definitions in order, then the
 * types that type uses without a {@code (type x)} add implicitly, in the order they occur
 * (spec 6.6.3: a type use's signature becomes the first matching type, else a new one at the end).
 */
final class TypeTable {

    private final List<FuncType> types = new ArrayList<>();

    int add(FuncType type) {
        types.add(type);
        return types.size() - 1;
    }

    int size() {
        return types.size();
    }

    FuncType get(int index) {
        return index >= 0 && index < types.size() ? types.get(index) : null;
    }

    /** The first type equal to {@code type}, or a new one appended. */
    int indexOf(FuncType type) {
        int i = types.indexOf(type);
        return i >= 0 ? i : add(type);
    }

    List<FuncType> all() {
        return types;
    }
}
