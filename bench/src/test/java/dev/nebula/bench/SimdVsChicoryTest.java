package dev.nebula.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What SimdKernelVsChicoryBenchmark and SimdVsChicoryBenchmark run, at small sizes: both builds
 * of the SIMD kernel give the native answer on Nebula, the scalar one on Chicory too; and
 * Chicory 1.7.5 refuses SIMD code at the first v128 instruction it meets. That last test is the
 * fact bench/RESULTS.md reports: if a Chicory upgrade runs SIMD, it fails and the comparison
 * gains its missing rows.
 */
class SimdVsChicoryTest {

    @Test
    void nebulaGivesTheNativeAnswerOnBothBuildsOfTheKernel() {
        for (String build : new String[] {"dot_simd", "dot_scalar"}) {
            Workload kernel = Workload.of(build, "small");
            WorkloadRunner runner = WorkloadRunner.create(WorkloadRunner.NEBULA, kernel);
            assertEquals(kernel.expected(), kernel.resultOf(runner.call()), build);
            assertEquals(kernel.expected(), kernel.resultOf(runner.call()), build + ", a second call");
        }
    }

    @Test
    void bothBuildsOfTheKernelHaveTheSameAnswer() {
        assertEquals(Workload.of("dot_scalar", "interp").expected(), Workload.of("dot_simd", "interp").expected());
    }

    @Test
    void chicoryGivesTheNativeAnswerOnTheScalarBuild() {
        Workload kernel = Workload.of("dot_scalar", "small");
        assertEquals(kernel.expected(), kernel.resultOf(WorkloadRunner.create(WorkloadRunner.CHICORY, kernel).call()));
    }

    @Test
    void chicoryRefusesTheSimdBuild() {
        Workload kernel = Workload.of("dot_simd", "small");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> WorkloadRunner.create(WorkloadRunner.CHICORY, kernel).call());
        assertTrue(e.getMessage().startsWith("Machine doesn't recognize Instruction"), e.getMessage());
    }

    @Test
    void chicoryRefusesTheSimdBuildOfBlake3() {
        SightglassRunner runner = SightglassRunner.create(WorkloadRunner.CHICORY, "blake3-simd");
        RuntimeException e = assertThrows(RuntimeException.class, runner::run);
        assertTrue(e.getMessage().contains("Machine doesn't recognize Instruction") && e.getMessage().contains("V128_"),
                e.getMessage());
    }
}
