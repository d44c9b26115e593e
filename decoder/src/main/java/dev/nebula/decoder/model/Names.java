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
        // A loop rather than forEach with a lambda: this runs at every decode, and each lambda's
        // first use links a call site through method handles (nebula run's start-up).
        for (Map.Entry<Integer, Map<Integer, String>> entry : localNames.entrySet()) {
            copy.put(entry.getKey(), Map.copyOf(entry.getValue()));
        }
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
