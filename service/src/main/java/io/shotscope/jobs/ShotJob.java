package io.shotscope.jobs;

import io.shotscope.service.ShotscopeProperties;
import io.shotscope.store.FrameStore;
import io.shotscope.store.ResultCache;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotResult;
import io.shotscope.store.ShotStore;
import io.shotscope.video.PlateException;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.context.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The JobRunr job of one shot: analyse, rate, store. Bad input (PlateException) fails the shot for good
 * with its one-line reason; anything else is rethrown so JobRunr retries it with backoff, and the shot
 * fails with the reason when the last retry fails. Safe to run twice (a worker killed mid-job): the
 * result is stored once per shot.
 */
@Component
public class ShotJob {

    /** MDC keys every log line of a job carries. */
    public static final String SHOT_ID = "shot_id";
    public static final String JOB_ID = "job_id";
    private static final Logger LOG = LoggerFactory.getLogger(ShotJob.class);

    private final ShotStore store;
    private final FrameStore frames;
    private final KnownResults known;
    private final ShotAnalysis analysis;
    private final int retries;

    public ShotJob(ShotStore store, FrameStore frames, KnownResults known, ShotAnalysis analysis,
            ShotscopeProperties properties) {
        this.store = store;
        this.frames = frames;
        this.known = known;
        this.analysis = analysis;
        this.retries = properties.jobs().retries();
    }

    @Job(name = "Analyse shot %0")
    public void run(UUID shotId, JobContext context) {
        MDC.put(SHOT_ID, shotId.toString());
        MDC.put(JOB_ID, String.valueOf(context.getJobId()));
        try {
            work(shotId, context);
        } finally {
            MDC.remove(SHOT_ID);
            MDC.remove(JOB_ID);
        }
    }

    private void work(UUID shotId, JobContext context) {
        Optional<ShotRecord> found = store.find(shotId);
        if (found.isEmpty() || found.get().status().terminal() || !store.markRunning(shotId)) {
            LOG.info("shot {} is gone or finished: nothing to do", shotId);
            return;
        }
        ShotRecord shot = found.get();
        ResultCache.CacheKey key = KnownResults.key(shot.contentHash(), shot.analyzerVersion(), shot.modelVersion());
        Optional<ShotResult> copy = known.find(key, shotId, shot.input(), shot.shotCode());
        if (copy.isPresent()) {
            store.markDone(shotId, copy.get());
            LOG.info("shot {} answered with the result of identical content", shot.shotCode());
            return;
        }
        LOG.info("shot {} analysing {} (attempt {})", shot.shotCode(), shot.input(), shot.attempts() + 1);
        try {
            ShotAnalysis.Analysed analysed = analysis.analyse(shot.input());
            ShotResult result = analysed.result();
            // the filmstrip first, so a DONE shot has its frames
            frames.save(shotId, analysed.filmstrip());
            store.markDone(shotId, result);
            known.remember(key, result.reportJson());
            LOG.info("shot {} analysed: {}", shot.shotCode(),
                    result.difficulty() == null ? "not rated" : result.difficulty());
        } catch (PlateException e) {
            store.markFailed(shotId, escapeControlCharacters(e.getMessage()));
            LOG.warn("shot {} cannot be analysed: {}", shot.shotCode(), e.getMessage());
        } catch (RuntimeException e) {
            if (context.amountOfFailures() >= retries) {
                store.markFailed(shotId, "failed after " + (retries + 1) + " attempts: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            throw e;
        }
    }

    /** A reason may name a frame file; control characters in its name must not break the one line. */
    static String escapeControlCharacters(String reason) {
        StringBuilder out = new StringBuilder(reason.length());
        reason.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
