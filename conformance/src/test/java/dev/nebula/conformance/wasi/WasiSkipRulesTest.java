package dev.nebula.conformance.wasi;

import dev.nebula.conformance.skip.SkipList;
import dev.nebula.conformance.skip.SkipListFormatException;
import dev.nebula.conformance.skip.SkipReason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The WASI runner's selectors (test ids and globs over them) inside the common skip-list format. */
class WasiSkipRulesTest {

    private static Optional<String> key(SkipList<String> list, String engine, String id) {
        return list.reasonFor(engine, id).map(SkipReason::key);
    }

    @Test
    void theBundledListParsesAndIsEmpty() {
        assertEquals(0, WasiSkipRules.bundled().size(), "all 72 tests run; a skip needs an entry and a reason in " + WasiSkipRules.BUNDLED);
    }

    @Test
    void theMostSpecificLineWins() throws IOException {
        SkipList<String> list = WasiSkipRules.parse("skips.txt", """
                # comment
                reason slow = rust is slow
                reason order = readdir order
                reason aot = aot lacks it
                rust/*            | slow
                rust/fd_readdir   | order
                engine=aot rust/* | aot

                """);
        assertEquals(Optional.of("order"), key(list, "interp", "rust/fd_readdir"));
        assertEquals(Optional.of("order"), key(list, "aot", "rust/fd_readdir"));
        assertEquals(Optional.of("slow"), key(list, "interp", "rust/stdio"));
        assertEquals(Optional.of("aot"), key(list, "aot", "rust/stdio"));
        assertEquals(Optional.of("slow"), key(list, null, "rust/stdio"));
        assertEquals(Optional.empty(), key(list, "interp", "c/stdio"));
        assertEquals(Optional.of("c/x?"), Optional.of(WasiSkipRules.parse("s", "reason r = r\nc/x? | r").entries().get(0).selector()));
        assertEquals(3, list.size());
    }

    @Test
    void twoWordsAreNotATest() {
        assertEquals("skips.txt:2: a selector is one word, got \"c/x c/y\"",
                assertThrows(SkipListFormatException.class, () -> WasiSkipRules.parse("skips.txt", "reason r = r\nc/x c/y | r\n")).getMessage());
    }
}
