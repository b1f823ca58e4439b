package io.shotscope.store;

/**
 * A key just created, with its secret: the only time the secret exists outside the caller's hands.
 *
 * @param key    the stored key
 * @param secret the secret to present ({@link ApiKeyStore#SECRET_PREFIX} followed by 43 base64url characters)
 */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", secret=<hidden>]";
    }
}
