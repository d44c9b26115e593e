package dev.nebula.bench;

import dev.nebula.text.TextFormatException;
import dev.nebula.text.WastCommand;
import dev.nebula.text.WastReader;
import dev.nebula.text.WatParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long the text parser takes over the whole core spec suite: every top-level {@code .wast}
 * read into commands (every text module encoded to binary), and every quoted module parsed too
 * (most are malformed on purpose, so most of those end in an error). The goal is under 2 s per
 * pass on a warm JVM. Scripts are read from disk once, in setup.
 *
 * <p>Run: {@code java -Dwasm.testsuite=../shared/wasm-testsuite -jar bench/target/benchmarks.jar TextParse -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TextParseBenchmark {

    private final List<byte[]> scripts = new ArrayList<>();

    @Setup
    public void load() throws IOException {
        Path suite = Path.of(System.getProperty("wasm.testsuite", "../shared/wasm-testsuite"));
        long bytes = 0;
        try (Stream<Path> files = Files.list(suite)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".wast")).sorted().toList()) {
                byte[] b = Files.readAllBytes(p);
                scripts.add(b);
                bytes += b.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no spec suite at " + suite.toAbsolutePath() + " (set -Dwasm.testsuite=DIR)", e);
        }
        if (scripts.isEmpty()) throw new IllegalStateException("no .wast scripts in " + suite.toAbsolutePath());
        System.out.println();
        System.out.println(scripts.size() + " scripts, " + bytes / 1000 + " kB of text");
    }

    /** Returns the number of commands plus encoded bytes, so nothing is dead code. */
    @Benchmark
    public long parseWholeSuite() {
        long sink = 0;
        for (byte[] script : scripts) {
            for (WastCommand c : WastReader.read(script)) {
                sink++;
                WastCommand.Module m = c instanceof WastCommand.DefineModule d ? d.module()
                        : c instanceof WastCommand.AssertModule a ? a.module() : null;
                if (m == null) continue;
                if (m.bytes() != null) sink += m.bytes().length;
                if (m.quotedText() != null) {
                    try {
                        sink += WatParser.parseQuoted(m.quotedText(), false).length;
                    } catch (TextFormatException e) {
                        sink += e.line();
                    }
                }
            }
        }
        return sink;
    }
}
