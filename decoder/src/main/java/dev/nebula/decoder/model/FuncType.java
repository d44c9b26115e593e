package dev.nebula.decoder.model;

import java.util.List;

/** A function type {@code [params] -> [results]} (spec 2.3.5, binary 5.3.5). */
public record FuncType(List<ValType> params, List<ValType> results) {

    public static final FuncType EMPTY = new FuncType(List.of(), List.of());

    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    // equals and hashCode are written out because a record's generated ones are bootstrapped
    // through method handles on first use, which costs a 'nebula run' several milliseconds:
    // linking compares every imported function's type.

    @Override
    public boolean equals(Object other) {
        return other instanceof FuncType type && params.equals(type.params) && results.equals(type.results);
    }

    @Override
    public int hashCode() {
        return 31 * params.hashCode() + results.hashCode();
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
