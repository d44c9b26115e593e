package dev.nebula.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CoreMarkPeers without CoreMark (its sources are not in the repo): a missing module fails with
 * the fetch instructions, a run's printed rate is read only when the CRCs are CoreMark's, and the
 * table relates each runtime to wasmtime and native.
 */
class CoreMarkPeersTest {

    private static final String GOOD_RUN = """
            2K performance run parameters for coremark.
            CoreMark Size    : 666
            Total ticks      : 3000000
            Total time (secs): 3.000000
            Iterations/Sec   : 12345.678900
            ERROR! Must execute for at least 10 secs for a valid result!
            Iterations       : 37037
            seedcrc          : 0xe9f5
            [0]crclist       : 0xe714
            [0]crcmatrix     : 0x1fd7
            [0]crcstate      : 0x8e3a
            [0]crcfinal      : 0x1234
            Errors detected
            """;

    @Test
    void theRateIsReadFromACorrectRun() {
        assertEquals(12345.6789, CoreMarkPeers.rateOf(GOOD_RUN), 1e-9);
    }

    @Test
    void aWrongCrcFailsTheRun() {
        String wrong = GOOD_RUN.replace("0x1fd7", "0x1fd8");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CoreMarkPeers.rateOf(wrong));
        assertTrue(e.getMessage().contains("[0]crcmatrix     : 0x1fd7"), e.getMessage());
    }

    @Test
    void aMissingModuleFailsWithTheFetchInstructions() {
        String previous = System.getProperty(CoreMarkPeers.WASM_PROPERTY);
        System.setProperty(CoreMarkPeers.WASM_PROPERTY, "/nonexistent/coremark.wasm");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, CoreMarkPeers::moduleFile);
            assertTrue(e.getMessage().contains("git clone https://github.com/eembc/coremark"), e.getMessage());
            assertTrue(e.getMessage().contains("COREMARK_SRC=/tmp/coremark bash bench/coremark/build.sh"), e.getMessage());
        } finally {
            if (previous == null) System.clearProperty(CoreMarkPeers.WASM_PROPERTY);
            else System.setProperty(CoreMarkPeers.WASM_PROPERTY, previous);
        }
    }

    @Test
    void theTableRelatesEachRuntimeToWasmtimeAndNative() {
        String table = CoreMarkPeers.table(List.of(new CoreMarkPeers.Result("native", 100000, List.of(30000.0)),
                new CoreMarkPeers.Result("wasmtime", 60000, List.of(20000.0, 21000.0, 19000.0)),
                new CoreMarkPeers.Result("nebula-aot", 30000, List.of(10000.0))));
        assertTrue(table.contains("| wasmtime | 60000 | 20000 | [20000, 21000, 19000] | 1.00 | 0.67 |"), table);
        assertTrue(table.contains("| nebula-aot | 30000 | 10000 | [10000] | 0.50 | 0.33 |"), table);
    }

    @Test
    void aMissingNativeBuildIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CoreMarkPeers.runner(CoreMarkPeers.NATIVE, Path.of("/nonexistent/coremark.wasm")));
        assertTrue(e.getMessage().startsWith("no native build at /nonexistent/coremark-native"), e.getMessage());
    }
}
