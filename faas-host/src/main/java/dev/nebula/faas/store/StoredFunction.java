package dev.nebula.faas.store;

import dev.nebula.faas.FileGrant;
import dev.nebula.faas.FunctionLimits;

import java.time.Instant;

/**
 * A deployed function as the host keeps it: what the API shows, plus the artifact's bytes.
 *
 * @param name       the function's name ({@link dev.nebula.faas.FunctionName})
 * @param runtime    which {@link dev.nebula.faas.FunctionRuntime} runs it ("wasm")
 * @param sha256     lower-case hex SHA-256 of the artifact
 * @param size       the artifact's size in bytes
 * @param limits     what each call may use
 * @param files      whether it may reach its folder
 * @param deployedAt when it was deployed
 * @param artifact   the module's bytes
 */
public record StoredFunction(String name, String runtime, String sha256, long size, FunctionLimits limits,
                             FileGrant files, Instant deployedAt, byte[] artifact) {
}
