package dev.nebula.faas;

import java.nio.file.Path;

/**
 * What a {@link FunctionRuntime} needs to know of a function besides its artifact.
 *
 * @param name        the function's name (argv[0] of a Wasm function)
 * @param limits      what each call may use
 * @param files       whether it may reach its folder
 * @param filesFolder its folder on the host, {@code DATA/files/NAME}; exists when {@code files} grants it
 */
public record FunctionSpec(String name, FunctionLimits limits, FileGrant files, Path filesFolder) {
}
