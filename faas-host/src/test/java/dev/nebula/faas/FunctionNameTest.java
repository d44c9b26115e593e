package dev.nebula.faas;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "fib", "fib-2", "fib_recursive", "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsNamesOfTheRule(String name) {
        assertTrue(FunctionName.isValid(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "_a", "A", "fib.wasm", "..", "a/b", "a%2fb", "a b", "é",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void refusesEverythingElse(String name) {
        assertFalse(FunctionName.isValid(name), name);
    }
}
