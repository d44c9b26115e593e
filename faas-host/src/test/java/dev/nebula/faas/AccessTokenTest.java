package dev.nebula.faas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokenTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesAnOwnerOnlyTokenAndLaterStartsReadIt() throws IOException {
        Path file = data.resolve("token");
        AccessToken first = AccessToken.loadOrCreate(file);
        assertTrue(first.created());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(43, first.value().length(), "32 random bytes in unpadded base64url");
        AccessToken again = AccessToken.loadOrCreate(file);
        assertFalse(again.created());
        assertEquals(first.value(), again.value());
        assertNotEquals(first.value(), AccessToken.loadOrCreate(data.resolve("other")).value(), "each host makes its own");
    }

    @Test
    void onlyTheExactBearerTokenIsAdmitted() throws IOException {
        AccessToken token = AccessToken.loadOrCreate(data.resolve("token"));
        assertTrue(token.admits("Bearer " + token.value()));
        assertFalse(token.admits(null));
        assertFalse(token.admits(token.value()));
        assertFalse(token.admits("Basic " + token.value()));
        assertFalse(token.admits("Bearer " + token.value() + "x"));
        assertFalse(token.admits("Bearer " + token.value().substring(1)));
        assertFalse(token.admits("Bearer "));
    }

    @Test
    void aTokenFileOthersCanReadIsRefused() throws IOException {
        Path file = data.resolve("token");
        AccessToken.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> AccessToken.loadOrCreate(file));
        assertTrue(e.getMessage().contains("may be read by others"), e.getMessage());
    }
}
