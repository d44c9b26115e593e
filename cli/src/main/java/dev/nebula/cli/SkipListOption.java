package dev.nebula.cli;

import dev.nebula.conformance.skip.SelectorSyntax;
import dev.nebula.conformance.skip.SkipList;
import dev.nebula.conformance.skip.SkipListFormatException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The {@code --skip-list FILE} option of {@code nebula spec} and {@code nebula wasi-testsuite}:
 * the bundled list without it, else the file's, in the conformance skip-list format. A file that
 * cannot be read is exit code 3; one that is malformed is a usage error (2), its message naming
 * the file and the line.
 */
final class SkipListOption {

    /** The list, or the exit code after the reason was printed. */
    record Loaded<S>(SkipList<S> list, int exitCode) {
    }

    private SkipListOption() {
    }

    static <S> Loaded<S> load(String command, Path file, Supplier<SkipList<S>> bundled, SelectorSyntax<S> syntax, PrintWriter err) {
        if (file == null) return new Loaded<>(bundled.get(), ExitCodes.OK);
        try {
            return new Loaded<>(SkipList.read(file, syntax), ExitCodes.OK);
        } catch (SkipListFormatException e) {
            err.println("nebula " + command + ": " + e.getMessage());
            return new Loaded<>(null, ExitCodes.USAGE);
        } catch (NoSuchFileException e) {
            err.println("nebula " + command + ": cannot read the skip list " + file + ": no such file");
            return new Loaded<>(null, ExitCodes.IO);
        } catch (IOException e) {
            err.println("nebula " + command + ": cannot read the skip list " + file + ": " + e.getMessage());
            return new Loaded<>(null, ExitCodes.IO);
        }
    }
}
