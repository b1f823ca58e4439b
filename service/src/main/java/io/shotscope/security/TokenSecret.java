package io.shotscope.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The HMAC key tokens are signed with: the configured secret, or one made once at random and kept in
 * the data folder, readable and writable by its owner only, so tokens survive a restart.
 */
final class TokenSecret {

    /** File name of the generated secret in the data folder. */
    static final String FILE_NAME = "token-secret";
    /** Shortest configured secret accepted: 512 bits, enough for HS512 too. */
    static final int MIN_LENGTH = 64;
    private static final int GENERATED_BYTES = 64;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private TokenSecret() {
    }

    /** The configured secret when there is one, otherwise the one in {@code dataDir}, made when missing. */
    static byte[] load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("shotscope.security.token.secret must be at least " + MIN_LENGTH
                        + " characters (or empty: a random secret is kept in the data folder)");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (secret.length < GENERATED_BYTES) {
                throw new IllegalStateException(file + ": token secret too short; delete the file to make a new one");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read or create the token secret: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": not a token secret (base64); delete it to make a new one", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(secret);
        Path temporary = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(temporary, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
        try {
            // another process starting on the same data folder may have been first: keep its secret
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
        }
    }
}
