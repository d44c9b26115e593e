package dev.nebula.faas;

import dev.nebula.faas.store.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The bearer token that deploy and delete require. Made on the host's first start from
 * {@link SecureRandom} (32 bytes, base64url), kept in {@code DATA/token} readable by the owner
 * only (0600), and read back on later starts.
 */
public final class AccessToken {

    private final String token;
    private final boolean created;

    private AccessToken(String token, boolean created) {
        this.token = token;
        this.created = created;
    }

    /**
     * Reads {@code file}, or creates it with a fresh token when it does not exist.
     *
     * @throws IOException if it cannot be read or written, is empty, or others may read it
     */
    public static AccessToken loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> permissions = new java.util.HashSet<>(Files.getPosixFilePermissions(file));
                permissions.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                if (!permissions.isEmpty()) {
                    throw new IOException(file + " may be read by others (" + permissions + "); chmod 600 it");
                }
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) throw new IOException(file + " is empty; delete it to make a new token");
            return new AccessToken(text, false);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        AtomicFiles.write(file, (text + "\n").getBytes(StandardCharsets.US_ASCII), true);
        return new AccessToken(text, true);
    }

    /** Whether this start made the token (then the host prints it, once). */
    public boolean created() {
        return created;
    }

    public String value() {
        return token;
    }

    /** Whether an {@code Authorization} header carries this token; compares in constant time. */
    public boolean admits(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) return false;
        byte[] given = authorizationHeader.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }
}
