package io.shotscope.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shotscope.store.ShotStatus;
import io.shotscope.store.ShotStore;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The service's own meters (Prometheus names in brackets): shots by status from the store
 * ({@code shotscope_jobs{status}}), frames analysed ({@code shotscope_frames_analysed_total}), analysis
 * time as a histogram ({@code shotscope_analysis_duration_seconds}) and result cache lookups
 * ({@code shotscope_cache_requests_total{result="hit"|"miss"}}).
 */
@Component
public class JobMetrics {

    /** Histogram range of the analysis time: a few frames of a small plate up to a long 4K plate. */
    private static final Duration SHORTEST_ANALYSIS = Duration.ofMillis(100);
    private static final Duration LONGEST_ANALYSIS = Duration.ofHours(1);

    private final Counter framesAnalysed;
    private final Timer analysisDuration;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    public JobMetrics(MeterRegistry registry, ShotStore store) {
        for (ShotStatus status : ShotStatus.values()) {
            Gauge.builder("shotscope.jobs", store, s -> s.count(status))
                    .description("Shots in this status, in the shared store")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        framesAnalysed = Counter.builder("shotscope.frames.analysed")
                .description("Frames measured by this process").register(registry);
        analysisDuration = Timer.builder("shotscope.analysis.duration")
                .description("Time to analyse and rate one shot").publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST_ANALYSIS).maximumExpectedValue(LONGEST_ANALYSIS).register(registry);
        cacheHits = cacheCounter(registry, "hit");
        cacheMisses = cacheCounter(registry, "miss");
    }

    private static Counter cacheCounter(MeterRegistry registry, String result) {
        return Counter.builder("shotscope.cache.requests")
                .description("Result cache lookups by content hash, analyser and model version")
                .tag("result", result).register(registry);
    }

    void analysed(int frames, Duration took) {
        framesAnalysed.increment(frames);
        analysisDuration.record(took);
    }

    void cacheLookup(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    /** Frames measured by this process so far. */
    public double framesAnalysed() {
        return framesAnalysed.count();
    }
}
