package dev.nebula.decoder.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The debug names of the {@code name} custom section (spec 7.4): module name, function names by
 * function index, and local names by function then local index. Absent names are simply missing.
 */
public record Names(String moduleName, Map<Integer, String> functionNames, Map<Integer, Map<Integer, String>> localNames) {

    public static final Names NONE = new Names(null, Map.of(), Map.of());

    public Names {
        functionNames = Map.copyOf(functionNames);
        localNames = deepCopy(localNames);
    }

    /** Map.copyOf alone would leave each function's inner map mutable through the record. */
    private static Map<Integer, Map<Integer, String>> deepCopy(Map<Integer, Map<Integer, String>> localNames) {
        Map<Integer, Map<Integer, String>> copy = new HashMap<>();
        localNames.forEach((function, locals) -> copy.put(function, Map.copyOf(locals)));
        return Map.copyOf(copy);
    }

    public String functionName(int functionIndex) {
        return functionNames.get(functionIndex);
    }

    public String localName(int functionIndex, int localIndex) {
        Map<Integer, String> locals = localNames.get(functionIndex);
        return locals == null ? null : locals.get(localIndex);
    }
}
