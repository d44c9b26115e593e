package dev.nebula.faas.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time and peak memory of one container call, from cgroups of its own, since a container run
 * with {@code --rm} leaves nothing to inspect afterwards. Each call gets two cgroups below
 * {@code nebula/}: {@code NAME}, given to the engine as {@code --cgroup-parent} (the engine puts
 * the container and its monitor, conmon, below it), and {@code NAME-cli}, which the engine's
 * command joins before it starts (CPU only: the engine's own memory is not the function's). The
 * kernel charges usage to every ancestor, and keeps the charge when a child cgroup goes, so the
 * two cgroups still hold the totals after the container has been removed.
 *
 * <p>Works with cgroup v1 (the {@code cpuacct} and {@code memory} hierarchies) and cgroup v2 (one
 * unified tree: {@code cpu.stat}, {@code memory.peak}). Anything not writable or not there leaves
 * the measures empty; the call itself never fails because of accounting.
 */
final class CgroupAccounting {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String GROUP = "nebula";

    private final Path cpuRoot;
    private final Path memoryRoot;
    private final boolean unified;

    private CgroupAccounting(Path cpuRoot, Path memoryRoot, boolean unified) {
        this.cpuRoot = cpuRoot;
        this.memoryRoot = memoryRoot;
        this.unified = unified;
    }

    /** The host's cgroup layout, when it can be written; null otherwise. */
    static CgroupAccounting detect() {
        if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
            return Files.isWritable(ROOT) ? new CgroupAccounting(ROOT, ROOT, true) : null;
        }
        Path cpu = ROOT.resolve("cpuacct");
        Path memory = ROOT.resolve("memory");
        if (Files.isWritable(cpu) && Files.isWritable(memory)) return new CgroupAccounting(cpu, memory, false);
        return null;
    }

    /** The cgroups of one call, made now; null when they cannot be made. */
    Call open(String name) {
        try {
            Path cli = Files.createDirectories(cpuRoot.resolve(GROUP).resolve(name + "-cli"));
            if (unified) enableMemoryController(cpuRoot.resolve(GROUP));
            return new Call(name, cli.resolve("cgroup.procs"));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static void enableMemoryController(Path group) {
        try {
            Files.writeString(ROOT.resolve("cgroup.subtree_control"), "+memory");
            Files.writeString(group.resolve("cgroup.subtree_control"), "+memory");
        } catch (IOException e) {
            // memory.peak stays absent: the peak is then unknown, nothing else changes
        }
    }

    /** One call's cgroups. */
    final class Call {
        private final String name;
        private final Path cliProcs;

        private Call(String name, Path cliProcs) {
            this.name = name;
            this.cliProcs = cliProcs;
        }

        /** The {@code --cgroup-parent} to give the engine. */
        String parent() {
            return "/" + GROUP + "/" + name;
        }

        /** The file the engine's command writes its PID into, to join its cgroup. */
        Path cliProcs() {
            return cliProcs;
        }

        /** CPU time of the engine's command, conmon and the container, in microseconds. */
        OptionalLong cpuMicros() {
            OptionalLong cli = cpuMicrosOf(cpuRoot.resolve(GROUP).resolve(name + "-cli"));
            OptionalLong container = cpuMicrosOf(cpuRoot.resolve(GROUP).resolve(name));
            if (cli.isEmpty() && container.isEmpty()) return OptionalLong.empty();
            return OptionalLong.of(cli.orElse(0) + container.orElse(0));
        }

        /** The highest memory use of the container and conmon together, in bytes. */
        OptionalLong peakMemoryBytes() {
            Path group = memoryRoot.resolve(GROUP).resolve(name);
            return readLong(group.resolve(unified ? "memory.peak" : "memory.max_usage_in_bytes"));
        }

        /**
         * Removes the call's cgroups, innermost first. The engine's monitor may still be leaving
         * when the command returns, so a busy cgroup is tried again for up to a second.
         */
        void close() {
            List<Path> groups = new ArrayList<>();
            for (Path controller : controllers()) {
                groups.add(controller.resolve(GROUP).resolve(name));
                groups.add(controller.resolve(GROUP).resolve(name + "-cli"));
            }
            long giveUp = System.nanoTime() + 1_000_000_000L;
            for (Path group : groups) {
                while (!removeTree(group) && System.nanoTime() < giveUp) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private List<Path> controllers() {
        if (unified) return List.of(ROOT);
        try (Stream<Path> all = Files.list(ROOT)) {
            return all.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of(cpuRoot, memoryRoot);
        }
    }

    /** Removes a cgroup and the cgroups below it; true when none is left. */
    private static boolean removeTree(Path group) {
        if (!Files.exists(group)) return true;
        try (Stream<Path> walk = Files.walk(group)) {
            // cgroup directories are removed with rmdir, their files with them
            for (Path dir : walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(dir);
            }
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private OptionalLong cpuMicrosOf(Path group) {
        if (!unified) {
            OptionalLong nanos = readLong(group.resolve("cpuacct.usage"));
            return nanos.isPresent() ? OptionalLong.of(nanos.getAsLong() / 1000) : nanos;
        }
        try {
            for (String line : Files.readAllLines(group.resolve("cpu.stat"))) {
                if (line.startsWith("usage_usec ")) return OptionalLong.of(Long.parseLong(line.substring(11).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            // unknown
        }
        return OptionalLong.empty();
    }

    private static OptionalLong readLong(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
