package dev.nebula.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing in the sightglass snapshot is left out of vs-peers.sh silently: every program is in the
 * short set or named, with a reason, in {@link PeerSkips}; and the names resolve to modules.
 */
class PeerSkipsTest {

    @Test
    void everySightglassProgramIsMeasuredOrSkippedWithAReason() throws IOException {
        Path root = BenchModules.sightglassDir();
        Set<String> programs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".wasm")).forEach(f -> programs.add(programOf(root, f)));
        }
        Set<String> accounted = new HashSet<>(PeerSkips.shortSet());
        accounted.addAll(PeerSkips.NOT_MEASURED.keySet());
        accounted.addAll(PeerSkips.LONG_VERSION.keySet());
        Set<String> unaccounted = new TreeSet<>(programs);
        unaccounted.removeAll(accounted);
        assertEquals(Set.of(), unaccounted, "sightglass programs neither measured nor skipped with a reason");
        Set<String> unknown = new TreeSet<>(accounted);
        unknown.removeAll(programs);
        assertEquals(Set.of(), unknown, "PeerSkips names programs the snapshot does not have");
    }

    @Test
    void theShortSetAndTheLongVersionDoNotOverlapAndResolveToModules() {
        for (String program : PeerSkips.shortSet()) {
            assertTrue(Files.isRegularFile(SightglassRunner.moduleOf(program)), program);
            assertTrue(!PeerSkips.LONG_VERSION.containsKey(program) && !PeerSkips.NOT_MEASURED.containsKey(program), program);
        }
        for (String program : PeerSkips.LONG_VERSION.keySet()) {
            assertTrue(Files.isRegularFile(SightglassRunner.moduleOf(program)), program);
        }
    }

    @Test
    void theInterpreterSubsetIsPartOfTheShortSet() throws NoSuchFieldException {
        List<String> subset = List.of(SightglassOnInterpretersBenchmark.class.getField("program").getAnnotation(Param.class).value());
        assertTrue(PeerSkips.shortSet().containsAll(subset), subset.toString());
    }

    /** A module's program name, as {@link SightglassRunner#moduleOf} resolves it (libsodium's tests count as one). */
    private static String programOf(Path root, Path wasm) {
        String folder = root.relativize(wasm).getName(0).toString();
        String stem = wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
        if (stem.equals("benchmark") || stem.equals(folder) || folder.equals("libsodium")) return folder;
        return stem;
    }
}
