import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a running `nebula serve` from outside, over keep-alive HTTP/1.1 on plain sockets.
 *
 *   java bench/faas/FaasBench.java coldstart URL FUNCTION INPUT CALLS
 *       sequential calls; prints the host's own X-Startup-Micros (request received until _start)
 *       and X-Total-Micros, and the client's round trip: median, p90, p99
 *   java bench/faas/FaasBench.java load URL FUNCTION INPUT CLIENTS SECONDS
 *       CLIENTS connections calling as fast as they can for SECONDS; prints invocations per second,
 *       round-trip percentiles and the count of non-200 answers
 *
 * A single-file program (java runs it from source), so it needs nothing but a JDK.
 */
public class FaasBench {

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: FaasBench coldstart URL FUNCTION INPUT CALLS | load URL FUNCTION INPUT CLIENTS SECONDS");
            System.exit(2);
        }
        URI base = URI.create(args[1]);
        String path = "/function/" + args[2];
        byte[] input = args[3].getBytes(StandardCharsets.UTF_8);
        if (args[0].equals("coldstart")) coldStart(base, path, input, Integer.parseInt(args[4]));
        else load(base, path, input, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
    }

    static void coldStart(URI base, String path, byte[] input, int calls) throws IOException {
        long[] startup = new long[calls];
        long[] total = new long[calls];
        long[] roundTrip = new long[calls];
        try (Connection c = new Connection(base)) {
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                Response r = c.post(path, input);
                roundTrip[i] = (System.nanoTime() - t0) / 1000;
                if (r.status != 200) throw new IOException("call " + i + " answered " + r.status + ": " + new String(r.body, StandardCharsets.UTF_8));
                startup[i] = Long.parseLong(r.headers.get("x-startup-micros"));
                total[i] = Long.parseLong(r.headers.get("x-total-micros"));
            }
        }
        System.out.println("calls: " + calls + " sequential, one keep-alive connection");
        System.out.println("host start-up (request received -> _start), µs: " + summary(startup));
        System.out.println("host total (request received -> end), µs:      " + summary(total));
        System.out.println("client round trip, µs:                         " + summary(roundTrip));
        int half = calls / 2;
        System.out.println("second half only, host start-up µs:            " + summary(Arrays.copyOfRange(startup, half, calls)));
    }

    static void load(URI base, String path, byte[] input, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[2_000_000];
            perClient.add(latencies);
            int client = c;
            Thread t = new Thread(() -> {
                try (Connection conn = new Connection(base)) {
                    int n = 0;
                    while (System.nanoTime() < end && n < latencies.length) {
                        long t0 = System.nanoTime();
                        Response r = conn.post(path, input);
                        latencies[n++] = (System.nanoTime() - t0) / 1000;
                        if (r.status != 200) failures.incrementAndGet();
                    }
                    counts[client] = n;
                } catch (IOException e) {
                    failures.incrementAndGet();
                    System.err.println("client " + client + ": " + e);
                }
            });
            threads.add(t);
        }
        long start = System.nanoTime();
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        System.out.printf(Locale.ROOT, "%d clients, %.1f s: %d invocations = %.0f invocations/s; non-200: %d%n",
                clients, elapsed, total, total / elapsed, failures.get());
        System.out.println("round trip, µs: " + summary(all));
    }

    static String summary(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %d, p90 %d, p99 %d, min %d, max %d",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[0], sorted[sorted.length - 1]);
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    static final class Connection implements AutoCloseable {
        final Socket socket = new Socket();
        final OutputStream out;
        final InputStream in;
        final String host;

        Connection(URI base) throws IOException {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
            host = base.getHost();
        }

        Response post(String path, byte[] body) throws IOException {
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            int status = Integer.parseInt(line().split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String l = line(); !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
            return new Response(status, headers, in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) throw new IOException("connection closed");
                if (c != '\r') b.write(c);
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
