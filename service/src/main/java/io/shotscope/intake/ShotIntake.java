package io.shotscope.intake;

import io.shotscope.analysis.ContentHash;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.jobs.KnownResults;
import io.shotscope.jobs.ShotJob;
import io.shotscope.jobs.ShotJobs;
import io.shotscope.jobs.ShotModel;
import io.shotscope.service.ShotscopeProperties;
import io.shotscope.store.NewShot;
import io.shotscope.store.ResultCache;
import io.shotscope.store.ShotQuery;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotResult;
import io.shotscope.store.ShotStore;
import io.shotscope.store.StoredFrame;
import io.shotscope.video.DecodeOptions;
import io.shotscope.video.PlateException;
import io.shotscope.video.PlateInfo;
import io.shotscope.video.PlateSource;
import io.shotscope.video.PlateSources;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where every shot enters, whether uploaded, named by path or dropped in the watch folder: the content
 * is hashed; identical content already analysed by the same analyser and model versions is answered at
 * once (a new shot, DONE, with a copy of the report, nothing recomputed); anything else is stored QUEUED
 * and its job enqueued.
 */
@Service
public class ShotIntake {

    public static final String SOURCE_UPLOAD = "upload";
    public static final String SOURCE_PATH = "path";
    public static final String SOURCE_WATCH = "watch";
    private static final Logger LOG = LoggerFactory.getLogger(ShotIntake.class);

    private final ShotStore store;
    private final KnownResults known;
    private final ShotJobs jobs;
    private final ShotModel model;
    private final UploadStorage uploads;
    private final AllowedRoots roots;
    private final DecodeOptions decodeOptions;

    public ShotIntake(ShotStore store, KnownResults known, ShotJobs jobs, ShotModel model, UploadStorage uploads,
                      AllowedRoots roots, ShotscopeProperties properties) {
        this.decodeOptions = properties.analysis().decodeOptions();
        this.store = store;
        this.known = known;
        this.jobs = jobs;
        this.model = model;
        this.uploads = uploads;
        this.roots = roots;
    }

    /** An uploaded plate; UnanalysableInputException (and nothing kept) when it is not a plate. */
    public Submission submitUpload(MultipartFile file) {
        UUID id = UUID.randomUUID();
        Path stored = uploads.store(id, file);
        try {
            Plate plate = probe(stored.toString(), file.getOriginalFilename());
            return submit(id, stored.toString(), SOURCE_UPLOAD, plate);
        } catch (RuntimeException e) {
            uploads.delete(id);
            throw e;
        }
    }

    /** A plate on shared storage, inside the allowed roots (else PathNotAllowedException). */
    public Submission submitPath(String input) {
        String path = roots.check(input);
        return submit(UUID.randomUUID(), path, SOURCE_PATH, probe(path, input));
    }

    /**
     * A plate the drop folder found complete. A plate submitted before from the same place with the same
     * content (in any status) is not submitted again, so restarts, which see every file again, do not
     * duplicate shots; the same content dropped under another name becomes its own shot, answered at once.
     *
     * @param files the files whose bytes are the content, in frame order
     * @param stem  the shot code (file name without extension, or the sequence name)
     */
    public Optional<Submission> submitDropped(String input, List<Path> files, String stem) {
        String hash = hash(input, files);
        Optional<ShotRecord> before = submittedBefore(input, hash);
        if (before.isPresent()) {
            LOG.info("drop folder: {} was submitted before as shot {} ({}): not again", input, before.get().id(),
                    before.get().status());
            return Optional.empty();
        }
        return Optional.of(submit(UUID.randomUUID(), input, SOURCE_WATCH, new Plate(stem, hash)));
    }

    private Optional<ShotRecord> submittedBefore(String input, String contentHash) {
        ShotQuery query = new ShotQuery(null, null, input, 0, ShotQuery.MAX_SIZE, ShotQuery.Sort.CREATED_AT, false);
        return store.search(query).items().stream()
                .filter(s -> s.input().equals(input) && s.contentHash().equals(contentHash))
                .findFirst();
    }

    /** Deletes a shot, its result and its uploaded file; false when there was no such shot. */
    public boolean delete(UUID id) {
        boolean deleted = store.delete(id);
        uploads.delete(id);
        return deleted;
    }

    private Submission submit(UUID id, String input, String source, Plate plate) {
        NewShot shot = new NewShot(id, plate.stem(), input, source, plate.contentHash(), ShotAnalyzer.VERSION,
                model.version());
        ResultCache.CacheKey key = KnownResults.key(shot.contentHash(), shot.analyzerVersion(), shot.modelVersion());
        Optional<ShotResult> copy = known.find(key, id, input, plate.stem());
        List<StoredFrame> filmstrip = copy.isPresent() ? known.filmstrip(key, id) : List.of();
        MDC.put(ShotJob.SHOT_ID, id.toString());
        try {
            ShotRecord created = store.create(shot);
            if (copy.isPresent()) {
                known.keepFilmstrip(id, filmstrip);
                store.markDone(id, copy.get());
                LOG.info("shot {} ({}) answered from the result of identical content", plate.stem(), source);
                return new Submission(store.find(id).orElse(created), true);
            }
            UUID job = jobs.enqueue(id);
            LOG.info("shot {} ({}) queued as job {}", plate.stem(), source, job);
            return new Submission(created, false);
        } finally {
            MDC.remove(ShotJob.SHOT_ID);
        }
    }

    /** Opens the plate to learn its files and name; bad input becomes a one-line 422 reason. */
    private Plate probe(String input, String shownAs) {
        try (PlateSource source = PlateSources.open(input, decodeOptions)) {
            PlateInfo info = source.info();
            return new Plate(info.stem(), hash(shownAs, info.files()));
        } catch (PlateException e) {
            throw new UnanalysableInputException(displayName(shownAs) + ": " + e.getMessage());
        }
    }

    private static String hash(String input, List<Path> files) {
        try {
            return ContentHash.sha256(files);
        } catch (UncheckedIOException e) {
            throw new UnanalysableInputException(displayName(input) + ": cannot read " + e.getMessage());
        }
    }

    private static String displayName(String input) {
        if (input == null || input.isBlank()) {
            return "upload";
        }
        String name = input.substring(Math.max(input.lastIndexOf('/'), input.lastIndexOf('\\')) + 1);
        return name.isEmpty() ? input : name;
    }

    private record Plate(String stem, String contentHash) {
    }
}
