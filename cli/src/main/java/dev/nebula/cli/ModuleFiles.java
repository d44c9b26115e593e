package dev.nebula.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads module files, turning Java's I/O exceptions into the one-line reasons the CLI prints. */
final class ModuleFiles {

    private ModuleFiles() {
    }

    /** The file's bytes; the exception's message is a complete sentence such as "cannot read x.wasm: no such file". */
    static byte[] read(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IOException("cannot read " + file + ": is a directory");
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } catch (OutOfMemoryError e) {
            throw new IOException("cannot read " + file + ": too large to load", e);
        }
    }
}
