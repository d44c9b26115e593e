package dev.nebula.wasi;

import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programs in {@code examples/} (built by examples/build.sh), run as {@code nebula run}
 * would run them: input on stdin, result on stdout, each checked against the known answer.
 */
class ExamplesTest {

    private static final Engine ENGINE = Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER));

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Path examples() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("pom.xml"))) return p.resolve("examples");
        }
        throw new IllegalStateException("examples/ not found above " + System.getProperty("user.dir"));
    }

    private static Result run(String example, String stdin, WasiConfig.Builder config) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] module = Files.readAllBytes(examples().resolve(example + ".wasm"));
        int exit = Wasi.run(ENGINE, module, config.args(example)
                .stdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .stdout(out).stderr(err).build());
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String answer(String example, String stdin) throws IOException {
        Result r = run(example, stdin, WasiConfig.builder());
        assertEquals(0, r.exit, example + " " + stdin + ": " + r.stderr);
        return r.stdout;
    }

    @Test
    void hello() throws IOException {
        assertEquals("Hello, world!\n", answer("hello", ""));
    }

    @Test
    void fibonacciBothWays() throws IOException {
        assertEquals("55\n", answer("fibonacci", "10"));
        assertEquals("2880067194370816120\n", answer("fibonacci", "90"));
        assertEquals("6765\n", answer("fibonacci_recursive", "20\n"));
    }

    @Test
    void factorial() throws IOException {
        assertEquals("1\n", answer("factorial", "0"));
        assertEquals("2432902008176640000\n", answer("factorial", "20"));
    }

    /** The thesis swept factorial to 130: the example keeps every digit, as BigInteger does. */
    @Test
    void factorialIsExactPastSixtyFourBits() throws IOException {
        for (int n : new int[] {21, 25, 130, 1000}) {
            BigInteger expected = BigInteger.ONE;
            for (int k = 2; k <= n; k++) expected = expected.multiply(BigInteger.valueOf(k));
            assertEquals(expected + "\n", answer("factorial", Integer.toString(n)), "factorial " + n);
        }
        assertEquals(2, run("factorial", "1001", WasiConfig.builder()).exit);
    }

    /** NEBULA_STAMP=1 turns the answer into "answer|main start in epoch microseconds". */
    @Test
    void stampedAnswersCarryWhenMainBegan() throws IOException {
        Pattern stamped = Pattern.compile("(.+)\\|(\\d+)\n");
        String[][] calls = {
            {"fibonacci", "30"}, {"fibonacci_recursive", "15"}, {"factorial", "25"},
            {"exponential", "2"}, {"prime", "100"},
        };
        for (String[] call : calls) {
            long before = micros(Instant.now());
            Result r = run(call[0], call[1], WasiConfig.builder().env("NEBULA_STAMP", "1"));
            long after = micros(Instant.now());
            assertEquals(0, r.exit, call[0] + ": " + r.stderr);
            Matcher m = stamped.matcher(r.stdout);
            assertTrue(m.matches(), call[0] + " printed " + r.stdout);
            assertEquals(answer(call[0], call[1]), m.group(1) + "\n", call[0] + ": the stamp changes only the line's end");
            long mainStart = Long.parseLong(m.group(2));
            assertTrue(before <= mainStart && mainStart <= after,
                    call[0] + ": main began at " + mainStart + ", outside the call [" + before + ", " + after + "]");
        }
    }

    @Test
    void stampOnlyWhenAskedForWithOne() throws IOException {
        Result r = run("fibonacci", "10", WasiConfig.builder().env("NEBULA_STAMP", "0"));
        assertEquals("55\n", r.stdout);
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    @Test
    void exponential() throws IOException {
        assertEquals("2.71828182845905\n", answer("exponential", "1"));
        double e10 = Double.parseDouble(answer("exponential", "10").strip());
        assertEquals(Math.exp(10), e10, 1e-9 * Math.exp(10));
        assertEquals("1\n", answer("exponential", "0"));
        double e708 = Double.parseDouble(answer("exponential", "708").strip());
        assertEquals(Math.exp(708), e708, 1e-12 * Math.exp(708), "the top of the thesis's sweep");
        assertEquals(2, run("exponential", "inf", WasiConfig.builder()).exit, "a non-finite input is refused");
    }

    @Test
    void nthPrime() throws IOException {
        assertEquals("2\n", answer("prime", "1"));
        assertEquals("541\n", answer("prime", "100"));
        assertEquals("7919\n", answer("prime", "1000"));
    }

    @Test
    void badInputIsExitCodeTwoWithAMessage() throws IOException {
        Result r = run("factorial", "twenty", WasiConfig.builder());
        assertEquals(2, r.exit);
        assertTrue(r.stderr.startsWith("factorial: expected a whole number"), r.stderr);
    }

    @Test
    void saveStdinWritesIntoThePreopen(@TempDir Path dir) throws IOException {
        Result r = run("save_stdin", "line one\nline two\n", WasiConfig.builder().preopen(dir, "/data"));
        assertEquals(0, r.exit, r.stderr);
        assertEquals("wrote 18 bytes to /data/stdin.txt\n", r.stdout);
        assertEquals("line one\nline two\n", Files.readString(dir.resolve("stdin.txt")));
    }

    @Test
    void saveStdinWithoutTheDirectoryFails() throws IOException {
        Result r = run("save_stdin", "x", WasiConfig.builder());
        assertEquals(1, r.exit);
        assertTrue(r.stderr.startsWith("save_stdin: cannot open /data/stdin.txt"), r.stderr);
    }
}
