package dev.nebula.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Converts an argument to a {@link Path} directly. picocli's built-in converter calls
 * {@code Paths.get} through reflection, whose first use checks the method's annotations; this
 * one gives the same value and the same message, and keeps {@code nebula run}'s start-up free
 * of annotation parsing (RunClassLoadingTest).
 */
final class PathConverter implements ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("cannot convert '" + value + "' to " + Path.class + " (" + e + ")");
        }
    }
}
