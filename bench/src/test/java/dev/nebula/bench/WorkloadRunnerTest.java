package dev.nebula.bench;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Param;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What InterpreterVsChicoryBenchmark runs, at the small sizes: every runtime (wasmtime included) instantiates every
 * workload and gives the native answer, twice in a row on one instance (the benchmark calls the
 * same instance again and again), and a wrong answer is refused.
 */
class WorkloadRunnerTest {

    @TestFactory
    Stream<DynamicTest> everyRuntimeGivesTheNativeAnswerOnEveryWorkload() {
        return Arrays.stream(Workload.NAMES).flatMap(name -> Stream.of(WorkloadRunner.ALL)
                .map(runtime -> DynamicTest.dynamicTest(name + " on " + runtime, () -> {
                    Workload workload = Workload.of(name, "small");
                    WorkloadRunner runner = WorkloadRunner.create(runtime, workload);
                    assertEquals(workload.expected(), workload.resultOf(runner.call()));
                    assertEquals(workload.expected(), workload.resultOf(runner.call()), "a second call");
                })));
    }

    @Test
    void theBenchmarkParametersAreTheWorkloadsAndEveryRuntime() throws NoSuchFieldException {
        Class<InterpreterVsChicoryBenchmark> benchmark = InterpreterVsChicoryBenchmark.class;
        assertEquals(List.of(Workload.NAMES), List.of(benchmark.getField("workload").getAnnotation(Param.class).value()));
        assertEquals(List.of(WorkloadRunner.NEBULA, WorkloadRunner.NEBULA_AOT, WorkloadRunner.CHICORY, WorkloadRunner.CHICORY_COMPILER,
                        WorkloadRunner.WASMTIME),
                List.of(benchmark.getField("runtime").getAnnotation(Param.class).value()));
    }

    @Test
    void aWrongAnswerFailsNamingTheRuntimeAndTheCall() {
        Workload fib = Workload.of("fib", "small");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fib.check("chicory", 54));
        assertEquals("chicory computed fib(10) = 54, but the native answer is 55", e.getMessage());
    }

    @Test
    void anI32ResultIsReadFromTheLow32BitsOnly() {
        Workload fib = Workload.of("fib", "small");
        fib.check("nebula", 0xFFFF_FFFF_0000_0037L);
        assertTrue(Workload.of("sha256", "small").i64Result());
    }
}
