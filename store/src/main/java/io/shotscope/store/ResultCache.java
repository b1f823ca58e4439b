package io.shotscope.store;

import java.util.Optional;

/**
 * Finished reports by (content hash, analyser version, model version), in front of the store.
 * Implementations never throw for an unavailable backend: a miss is answered instead, and
 * {@link #available()} says so.
 */
public interface ResultCache {

    Optional<String> get(CacheKey key);

    void put(CacheKey key, String reportJson);

    void evict(CacheKey key);

    /** False when the backend cannot be reached (the service then works without a cache). */
    boolean available();

    /** "caffeine" or "redis". */
    String kind();

    /** The cache key of one analysis result. */
    record CacheKey(String contentHash, String analyzerVersion, String modelVersion) {
        public String asString() {
            return "shotscope:result:" + contentHash + ":" + analyzerVersion + ":" + modelVersion;
        }
    }
}
