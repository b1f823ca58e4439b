package io.shotscope.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSecretTest {

    @TempDir
    Path data;

    @Test
    void aGeneratedSecretIsKeptOwnerOnlyAndReusedAfterARestart() throws Exception {
        byte[] first = TokenSecret.load("", data);
        byte[] again = TokenSecret.load(null, data);

        assertArrayEquals(first, again, "the same secret after a restart: tokens stay valid");
        assertTrue(first.length >= 64, "at least 512 bits");
        Path file = data.resolve(TokenSecret.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void deletingTheFileRotatesTheSecret() throws Exception {
        byte[] first = TokenSecret.load("", data);
        Files.delete(data.resolve(TokenSecret.FILE_NAME));
        assertTrue(!java.util.Arrays.equals(first, TokenSecret.load("", data)));
    }

    @Test
    void aConfiguredSecretWinsAndMustBeLongEnough() {
        String configured = "c".repeat(TokenSecret.MIN_LENGTH);
        assertArrayEquals(configured.getBytes(StandardCharsets.UTF_8), TokenSecret.load(configured, data));
        assertTrue(Files.notExists(data.resolve(TokenSecret.FILE_NAME)), "no file made when a secret is configured");
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> TokenSecret.load("short", data));
        assertTrue(tooShort.getMessage().contains("shotscope.security.token.secret"), tooShort.getMessage());
    }
}
