package dev.nebula.decoder.model;

import java.util.List;

/** A function type {@code [params] -> [results]} (spec 2.3.5, binary 5.3.5). */
public record FuncType(List<ValType> params, List<ValType> results) {

    public static final FuncType EMPTY = new FuncType(List.of(), List.of());

    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
