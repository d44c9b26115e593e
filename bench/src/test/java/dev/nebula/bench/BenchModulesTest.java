package dev.nebula.bench;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.ExternKind;
import dev.nebula.validator.ModuleValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Param;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmarks' inputs are usable: every module they name loads, decodes and validates (so a
 * benchmark run cannot fail in setup), and each C workload module exports what
 * expected.properties promises.
 */
class BenchModulesTest {

    private static final List<String> WORKLOADS = List.of("fib", "sieve", "matmul", "sha256", "quicksort");

    @TestFactory
    Stream<DynamicTest> everyDecodeBenchmarkModuleDecodesAndValidates() throws NoSuchFieldException {
        String[] modules = DecodeValidateBenchmark.class.getField("module").getAnnotation(Param.class).value();
        return Arrays.stream(modules).map(module -> DynamicTest.dynamicTest(module, () -> {
            byte[] bytes = BenchModules.load(module);
            ModuleValidator.validate(ModuleDecoder.decode(bytes));
            assertTrue(ModuleStats.of(bytes).codeSectionBytes() > 0, "a code section");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyWorkloadIsAnImportFreeReactorWithItsExport() {
        return WORKLOADS.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            DecodedModule module = ModuleDecoder.decode(BenchModules.loadResource(name + ".wasm"));
            ModuleValidator.validate(module);
            assertEquals(List.of(), module.imports());
            List<String> exportedFunctions = module.exports().stream()
                    .filter(e -> e.kind() == ExternKind.FUNC).map(Export::name).sorted().toList();
            assertEquals(List.of("_initialize", name), exportedFunctions);
        }));
    }

    @Test
    void expectedAnswersCoverEveryWorkload() throws IOException {
        Properties expected = new Properties();
        try (InputStream in = BenchModules.class.getResourceAsStream("/wasm/expected.properties")) {
            expected.load(in);
        }
        for (String name : WORKLOADS) {
            assertTrue(expected.containsKey(name + ".result"), name + ".result");
            for (String kind : List.of("default", "small", InterpreterVsChicoryBenchmark.CASE)) {
                String key = name + "." + kind;
                assertTrue(expected.getProperty(key + ".args", "").matches("\\d+( \\d+)?"), key + ".args");
                assertTrue(expected.getProperty(key + ".expected", "").matches("-?\\d+"), key + ".expected");
            }
        }
    }
}
