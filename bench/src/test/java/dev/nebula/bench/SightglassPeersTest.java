package dev.nebula.bench;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the sightglass benchmarks run, on a small program: every runtime runs it twice with its
 * expected output (wasmtime through its file-based stdio), and a program without expected files
 * (richards) prints the same on the AOT engine as on wasmtime.
 */
class SightglassPeersTest {

    @TestFactory
    Stream<DynamicTest> everyCompilingRuntimeAndNebulasInterpreterRunAShortProgramTwice() {
        return Arrays.stream(new String[] {WorkloadRunner.NEBULA, WorkloadRunner.NEBULA_AOT, WorkloadRunner.CHICORY_COMPILER,
                WorkloadRunner.WASMTIME}).map(runtime -> DynamicTest.dynamicTest("shootout-gimli on " + runtime, () -> {
                    SightglassRunner runner = SightglassRunner.create(runtime, "shootout-gimli");
                    assertEquals(0, runner.run());
                    assertEquals(0, runner.run(), "a second run on a fresh instance");
                }));
    }

    @Test
    void aProgramWithoutExpectedFilesPrintsTheSameOnNebulaAndWasmtime() {
        SightglassRunner aot = SightglassRunner.create(WorkloadRunner.NEBULA_AOT, "richards");
        SightglassRunner wasmtime = SightglassRunner.create(WorkloadRunner.WASMTIME, "richards");
        aot.run();
        wasmtime.run();
        assertEquals(wasmtime.firstStdout(), aot.firstStdout());
    }

    @Test
    void anUnknownProgramNamesWhereItLooked() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SightglassRunner.moduleOf("no-such-program"));
        assertTrue(e.getMessage().startsWith("no sightglass program no-such-program under "), e.getMessage());
    }
}
