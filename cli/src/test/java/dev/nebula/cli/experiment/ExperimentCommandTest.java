package dev.nebula.cli.experiment;

import dev.nebula.cli.Nebula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nebula experiment} end to end: a small sweep, its files, and its errors. */
class ExperimentCommandTest {

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Nebula.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("experiment"));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static List<String[]> rows(Path dir) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("invocations.csv"));
        assertEquals("function,input,runtime,startup_us,run_us,total_us,cpu_us,peak_memory_bytes,exit_code,energy_joules", lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) rows.add(line.split(",", -1));
        return rows;
    }

    @Test
    void aSmallSweepOnTheInterpreterWritesItsFiles(@TempDir Path dir) throws Exception {
        Outcome o = run("--runtimes", "interp", "--functions", "fibonacci_recursive,factorial", "--range", "fibonacci_recursive=5..15/5",
                "--range", "factorial=20..21", "--reps", "2", "--pause", "0ms", "--warmup", "1", "--out", dir.toString());
        assertEquals(0, o.exit(), o.err());
        List<String[]> rows = rows(dir);
        assertEquals((3 + 2) * 2, rows.size(), "inputs x repetitions x runtimes");
        for (String[] r : rows) {
            assertEquals(10, r.length);
            assertEquals("interp", r[2]);
            long startup = Long.parseLong(r[3]);
            long run = Long.parseLong(r[4]);
            long total = Long.parseLong(r[5]);
            assertTrue(startup > 0 && startup < total, "startup " + startup + " within total " + total);
            assertEquals(total, startup + run);
            assertTrue(Long.parseLong(r[6]) > 0, "CPU time");
            assertTrue(Long.parseLong(r[7]) >= 65536, "at least one page of memory");
            assertEquals("0", r[8]);
            assertTrue(Double.parseDouble(r[9]) > 0, "energy");
        }
        assertEquals("fibonacci_recursive", rows.get(0)[0]);
        assertEquals("5", rows.get(0)[1]);
        assertTrue(o.out().contains("| fibonacci_recursive | interp | 6 |"), o.out());
        assertTrue(o.out().contains("| all | interp | 10 |"), o.out());
        assertTrue(o.err().contains("10/10 100%"), "the progress bar reaches the end: " + o.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("uPlot"), "uPlot is inlined");
        assertTrue(html.contains("\"fibonacci_recursive\":{\"x\":[5,10,15]"), "run time against input");
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("Energy: CPU-time model") || !new File("/sys/class/powercap").exists());
    }

    @Test
    void usageErrors(@TempDir Path dir) {
        assertEquals(2, run("--functions", "fibonacci", "--out", dir.toString()).exit());
        assertTrue(run("--functions", "nope", "--out", dir.toString()).err().contains("unknown function 'nope'"));
        assertEquals(2, run("--range", "factorial=5", "--out", dir.toString()).exit());
        assertEquals(2, run("--runtimes", "wasmtime", "--out", dir.toString()).exit());
        assertEquals(2, run("--pause", "soon", "--out", dir.toString()).exit());
        assertEquals(2, run("--reps", "0", "--out", dir.toString()).exit());
    }

    @Test
    void anUnavailableContainerEngineStopsBeforeTheSweep(@TempDir Path dir) {
        Outcome o = run("--runtimes", "interp,container", "--engine", "/nonexistent/podman", "--functions", "factorial",
                "--range", "factorial=1..2", "--out", dir.toString());
        assertEquals(3, o.exit(), o.err());
        assertTrue(o.err().contains("'/nonexistent/podman' is not installed"), o.err());
        assertTrue(o.err().contains("scripts/containers-setup.sh"), o.err());
    }

    @Test
    void aMissingExampleIsNamed(@TempDir Path dir) {
        Outcome o = run("--runtimes", "interp", "--examples", dir.toString(), "--out", dir.resolve("out").toString());
        assertEquals(3, o.exit(), o.err());
        assertTrue(o.err().contains("fibonacci_recursive.wasm does not exist"), o.err());
    }

    /** Wasm beside the real container engine, as the thesis compared them; needs podman and the example images. */
    @Test
    void wasmAndContainerInterleaved(@TempDir Path dir) throws Exception {
        boolean podman = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "podman")));
        if (!podman) System.out.println("SKIPPED ExperimentCommandTest.wasmAndContainerInterleaved: podman is not installed");
        org.junit.jupiter.api.Assumptions.assumeTrue(podman, "podman is not installed; run scripts/containers-setup.sh");
        Outcome o = run("--runtimes", "interp,container", "--functions", "fibonacci_recursive", "--range", "fibonacci_recursive=10..11",
                "--reps", "1", "--warmup", "1", "--engine", "podman", "--out", dir.toString());
        assertEquals(0, o.exit(), o.err());
        List<String[]> rows = rows(dir);
        assertEquals(List.of("interp", "container", "interp", "container"), rows.stream().map(r -> r[2]).toList(), "interleaved");
        for (String[] r : rows) {
            assertTrue(Long.parseLong(r[3]) > 0, "startup known on " + r[2]);
            assertTrue(Long.parseLong(r[6]) > 0, "CPU known on " + r[2]);
        }
        assertTrue(o.out().contains("Startup, container median / Wasm median: fibonacci_recursive (interp) "), o.out());
    }
}
