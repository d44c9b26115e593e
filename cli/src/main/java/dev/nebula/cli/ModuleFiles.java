package dev.nebula.cli;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads module files, turning Java's I/O exceptions into the one-line reasons the CLI prints. */
final class ModuleFiles {

    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};

    private ModuleFiles() {
    }

    /**
     * A module file in the binary or the text format, as binary: a {@code .wat} file, or any file
     * but a {@code .wasm} that does not start with the binary magic {@code \0asm}, is parsed as text.
     *
     * @throws dev.nebula.text.TextFormatException when the text is not a module (with line and column)
     */
    static byte[] readModule(Path file) throws IOException {
        byte[] bytes = read(file);
        // Names kept (as wasmtime does), so that traps and `print` show the $names of the text.
        return isText(file, bytes) ? dev.nebula.text.WatParser.parse(bytes, true) : bytes;
    }

    /** Whether {@code bytes} read from {@code file} are the text format (by extension, else by content). */
    static boolean isText(Path file, byte[] bytes) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.endsWith(".wat")) return true;
        if (name.endsWith(".wasm")) return false;
        return !java.util.Arrays.equals(bytes, 0, Math.min(4, bytes.length), MAGIC, 0, Math.min(4, bytes.length)) || bytes.length < 4;
    }

    /** The file's bytes; the exception's message is a complete sentence such as "cannot read x.wasm: no such file". */
    static byte[] read(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IOException("cannot read " + file + ": is a directory");
        // Start-up: a FileInputStream, whose classes the JVM has loaded already, rather than
        // Files.readAllBytes, whose channel and direct-buffer classes (~35) nebula run needs for
        // nothing else. Files.readAllBytes is only asked when the file cannot be opened, for the
        // typed exception that names the reason.
        try (FileInputStream in = openOrNull(file)) {
            if (in != null) return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } catch (OutOfMemoryError e) {
            throw new IOException("cannot read " + file + ": too large to load", e);
        }
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

    /** The file opened for reading, or null when it cannot be (missing, not allowed, not a file of the default file system). */
    private static FileInputStream openOrNull(Path file) {
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
