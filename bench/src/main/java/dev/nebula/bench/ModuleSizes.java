package dev.nebula.bench;

import org.openjdk.jmh.annotations.Param;

/**
 * Prints the sizes of the decode benchmark's modules, to turn its ops/s into MB/s by hand:
 * {@code java -cp bench/target/benchmarks.jar dev.nebula.bench.ModuleSizes}.
 */
public final class ModuleSizes {

    private ModuleSizes() {
    }

    public static void main(String[] args) throws NoSuchFieldException {
        // The benchmark's own @Param list, so that the two never drift apart.
        String[] modules = args.length > 0 ? args
                : DecodeValidateBenchmark.class.getField("module").getAnnotation(Param.class).value();
        for (String module : modules) System.out.println(ModuleStats.of(BenchModules.load(module)).describe(module));
    }
}
