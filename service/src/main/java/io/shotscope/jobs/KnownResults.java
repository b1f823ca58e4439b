package io.shotscope.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shotscope.analysis.ReportJson;
import io.shotscope.store.FrameStore;
import io.shotscope.store.ResultCache;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotResult;
import io.shotscope.store.ShotStatus;
import io.shotscope.store.ShotStore;
import io.shotscope.store.StoredFrame;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Results already computed for some content by the same analyser and model versions: from the cache,
 * else from a finished shot in the store. A re-submission is answered with a copy, never recomputed.
 */
@Component
public class KnownResults {

    private static final ObjectMapper JSON = ReportJson.mapper();

    private final ShotStore store;
    private final FrameStore frames;
    private final ResultCache cache;
    private final JobMetrics metrics;

    public KnownResults(ShotStore store, FrameStore frames, ResultCache cache, JobMetrics metrics) {
        this.store = store;
        this.frames = frames;
        this.cache = cache;
        this.metrics = metrics;
    }

    /** The cache key of a shot's result. */
    public static ResultCache.CacheKey key(String contentHash, String analyzerVersion, String modelVersion) {
        return new ResultCache.CacheKey(contentHash, analyzerVersion, modelVersion);
    }

    /**
     * A finished result of this content for another shot, copied for {@code shot}: its report names the
     * shot's own input and code.
     */
    public Optional<ShotResult> find(ResultCache.CacheKey key, UUID shot, String input, String shotCode) {
        Optional<String> cached = cache.get(key).filter(KnownResults::current);
        metrics.cacheLookup(cached.isPresent());
        Optional<ShotRecord> previous = store.findByContent(key.contentHash(), key.analyzerVersion(),
                key.modelVersion()).filter(r -> !r.id().equals(shot) && r.status() == ShotStatus.DONE
                        && (r.reportJson() == null || current(r.reportJson())));
        if (cached.isPresent()) {
            byte[] thumbnail = previous.flatMap(r -> store.thumbnail(r.id())).orElse(null);
            return Optional.of(copy(cached.get(), thumbnail, input, shotCode));
        }
        if (previous.isPresent() && previous.get().reportJson() != null) {
            ShotRecord done = previous.get();
            cache.put(key, done.reportJson());
            return Optional.of(copy(done.reportJson(), store.thumbnail(done.id()).orElse(null), input, shotCode));
        }
        return Optional.empty();
    }

    /**
     * The filmstrip of another finished shot with this content, to go with a copy of its result; empty when
     * there is none. Ask before {@code shot} is stored (the newest shot of the content is the one looked at).
     */
    public List<StoredFrame> filmstrip(ResultCache.CacheKey key, UUID shot) {
        Optional<ShotRecord> previous = store.findByContent(key.contentHash(), key.analyzerVersion(),
                key.modelVersion()).filter(r -> !r.id().equals(shot) && r.status() == ShotStatus.DONE);
        if (previous.isEmpty()) {
            return List.of();
        }
        UUID source = previous.get().id();
        return frames.frameNumbers(source).stream()
                .flatMap(n -> frames.jpeg(source, n).map(jpeg -> new StoredFrame(n, jpeg)).stream())
                .toList();
    }

    /** Stores a copied filmstrip for {@code shot}; call it before the shot is marked DONE. */
    public void keepFilmstrip(UUID shot, List<StoredFrame> filmstrip) {
        if (!filmstrip.isEmpty()) {
            frames.save(shot, filmstrip);
        }
    }

    /** Keeps a new result for the next submission of the same content. */
    public void remember(ResultCache.CacheKey key, String reportJson) {
        cache.put(key, reportJson);
    }

    /**
     * Whether a stored report has everything this version writes, so a copy of it reads like a new one. A
     * rated report written before 2026-12-01 has explaining factors without a level (high or low), and one
     * from a model that estimates days written before 2026-12-02 explains the class rather than the days
     * (its factors carry no days): either is analysed again rather than copied, and the new result replaces
     * it in the cache.
     */
    static boolean current(String reportJson) {
        try {
            JsonNode report = JSON.readTree(reportJson);
            boolean estimatesDays = report.path("prediction").hasNonNull("days");
            for (JsonNode factor : report.path("explanation")) {
                if (!factor.hasNonNull("level") || estimatesDays && !factor.hasNonNull("days")) {
                    return false;
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static ShotResult copy(String reportJson, byte[] thumbnail, String input, String shotCode) {
        try {
            ObjectNode report = (ObjectNode) JSON.readTree(reportJson);
            report.put("input", input);
            report.put("stem", shotCode);
            JsonNode prediction = report.path("prediction");
            String difficulty = prediction.hasNonNull("class") ? prediction.get("class").asText() : null;
            Double confidence = prediction.hasNonNull("confidence") ? prediction.get("confidence").asDouble() : null;
            return new ShotResult(difficulty, confidence, JSON.writeValueAsString(report), thumbnail);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored report is not a JSON object: " + e.getMessage(), e);
        }
    }
}
