package dev.nebula.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the start-up of {@code nebula run} (bench/RESULTS.md) by what it loads, a figure the
 * machine's load does not change, where a timed test would be flaky: one JVM runs
 * examples/hello.wasm as {@code main} does, with {@code -Xlog:class+load}, and the classes it
 * loaded are checked against what the run path must never pull in and against a budget.
 */
class RunClassLoadingTest {

    /**
     * Classes loaded by {@code nebula run examples/hello.wasm}, the JDK's included: ~1,130 on
     * JDK 17.0.15 when this was set (1,586 before the start-up work, 1,335 after its round 2). The margin absorbs small
     * changes and other JDK builds; a subcommand built eagerly again or a new library on the run
     * path goes well past it. Raise it only with a reason in bench/RESULTS.md.
     */
    static final int CLASS_BUDGET = 1_200;

    /** Packages and classes that have no business in {@code nebula run}, with why. */
    static final List<String> FORBIDDEN = List.of(
            "com.fasterxml.jackson.",        // JSON: the spec harness's, not run's
            "dev.nebula.conformance.",       // the spec harness and the WASI testsuite runner
            "dev.nebula.cli.inspect.",       // nebula inspect
            "dev.nebula.faas.",              // nebula serve's function host
            "dev.nebula.cli.experiment.",    // nebula experiment
            "io.prometheus.",                // its metrics
            "com.sun.net.httpserver.",       // its HTTP server
            "java.sql.",                     // picocli's java.sql converters (Nebula excludes them)
            "java.lang.runtime.ObjectMethods", // a record's generated equals/hashCode/toString, bootstrapped on first use
            "java.time.MonthDay",            // picocli's java.time converters
            // Annotations read at run time: the models of nebula and run are built in code, since
            // the first annotation read parses them and spins a proxy class per annotation type.
            "sun.reflect.annotation.AnnotationParser",
            "jdk.proxy",
            "com.sun.proxy.",
            // The engine is named (RunEngines): ServiceLoader would open every jar on the class path.
            "java.util.ServiceLoader");

    private static List<String> loaded;
    private static String stdout;
    private static int exitCode;

    @BeforeAll
    static void runHelloWithClassLoadLogging(@TempDir Path dir) throws IOException, InterruptedException {
        Path hello = Path.of("../examples/hello.wasm").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(hello), "missing " + hello);
        Path log = dir.resolve("class-load.log");
        Path out = dir.resolve("stdout.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xshare:auto", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), Nebula.class.getName(), "run", hello.toString())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("nebula run examples/hello.wasm did not finish within 120 s");
        }
        exitCode = process.exitValue();
        stdout = Files.readString(out, StandardCharsets.UTF_8);
        loaded = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // [0.028s][info][class,load] dev.nebula.cli.Nebula source: ...
            int tag = line.indexOf("[class,load] ");
            if (tag < 0) continue;
            String rest = line.substring(tag + "[class,load] ".length());
            int space = rest.indexOf(' ');
            loaded.add(space < 0 ? rest : rest.substring(0, space));
        }
    }

    @Test
    void helloRuns() {
        assertEquals(0, exitCode);
        assertEquals("Hello, world!\n", stdout);
    }

    @Test
    void theRunPathLoadsNothingOfOtherSubcommandsOrUnneededLibraries() {
        // Nebula.SUBCOMMANDS names each subcommand's class, which loads it (from the archive, not
        // initialised, nothing it refers to); what it would pull in is what must stay out.
        List<String> listed = Nebula.SUBCOMMANDS.stream().map(s -> s.type.getName()).toList();
        List<String> offenders = loaded.stream()
                .filter(c -> FORBIDDEN.stream().anyMatch(c::startsWith) && !listed.contains(c))
                .toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void theRunPathStaysWithinItsClassBudget() {
        assertTrue(loaded.size() > 500, "the log holds too few classes to be real: " + loaded.size());
        assertTrue(loaded.size() <= CLASS_BUDGET, "nebula run loaded " + loaded.size() + " classes, over the budget of "
                + CLASS_BUDGET + " (see bench/RESULTS.md, 'CLI start-up')");
    }
}
