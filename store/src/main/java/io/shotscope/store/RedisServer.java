package io.shotscope.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Which Redis the result cache talks to, from a URL {@code redis://[[user]:password@]host[:port][/database]}.
 * The password never appears in {@link #toString()} or in an error message.
 *
 * @param host     Redis host
 * @param port     Redis port
 * @param database the database number ({@code SELECT}); 0 unless the URL's path names another
 * @param username the ACL user, or null for the default user
 * @param password the password ({@code AUTH}), or null when Redis needs none
 */
public record RedisServer(String host, int port, int database, String username, String password) {

    public static final int DEFAULT_PORT = 6379;

    /** The form a URL must have, for error messages. */
    static final String FORM = "redis://[[user]:password@]host[:port][/database]";

    public RedisServer {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("redis port must be between 1 and 65535, got " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("redis database must not be negative, got " + database);
        }
    }

    /** A server needing no password, database 0. */
    public static RedisServer of(String host, int port) {
        return new RedisServer(host, port, 0, null, null);
    }

    /**
     * Reads a Redis URL. A user part without a colon is the password alone, as redis-cli reads it.
     *
     * @throws IllegalArgumentException naming the expected form and the URL with any password hidden
     */
    public static RedisServer parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw bad(url, "not a URL");
        }
        if ("rediss".equals(uri.getScheme())) {
            throw bad(url, "TLS (rediss://) is not supported yet");
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw bad(url, null);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(url, "query parameters are not read");
        }
        int database = 0;
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw bad(url, "the path must be a database number");
            }
            if (database < 0) {
                throw bad(url, "the database number must not be negative");
            }
        }
        String username = null;
        String password = null;
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                password = userInfo;
            } else {
                username = colon == 0 ? null : userInfo.substring(0, colon);
                password = userInfo.substring(colon + 1);
            }
        }
        return new RedisServer(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT, database, username,
                password == null || password.isEmpty() ? null : password);
    }

    /** This server with another password (null: none), e.g. one given apart from the URL. */
    public RedisServer withPassword(String newPassword) {
        return new RedisServer(host, port, database, username, newPassword);
    }

    /** {@code host:port}, then {@code /database} when not 0 and {@code as user} for an ACL user; no password. */
    @Override
    public String toString() {
        return host + ":" + port + (database == 0 ? "" : "/" + database) + (username == null ? "" : " as " + username)
                + (password == null ? "" : " (with a password)");
    }

    private static IllegalArgumentException bad(String url, String reason) {
        String hidden = url.trim().replaceFirst("//[^/@]*@", "//***@");
        return new IllegalArgumentException("the Redis URL must look like " + FORM + ", got '" + hidden + "'"
                + (reason == null ? "" : ": " + reason));
    }
}
