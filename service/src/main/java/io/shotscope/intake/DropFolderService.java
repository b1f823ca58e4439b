package io.shotscope.intake;

import io.shotscope.service.ServesApi;
import io.shotscope.service.ShotscopeProperties;
import io.shotscope.video.ImageSequence;
import io.shotscope.video.PlateException;
import io.shotscope.video.PlateKind;
import io.shotscope.watch.DropFolderWatcher;
import io.shotscope.watch.PlateCandidate;
import io.shotscope.watch.WatchOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Watches the drop folder (shotscope.watch.dir, recursively) in processes that serve the API: every
 * movie or image sequence that has stopped changing for shotscope.watch.settle goes to
 * {@link ShotIntake#submitDropped}, which skips content it already knows, so plates dropped while the
 * service was down are taken at start and nothing is analysed twice. A plate that cannot be analysed
 * becomes a FAILED shot with its reason, visible through the API.
 */
@Component
@Conditional(ServesApi.class)
public class DropFolderService implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderService.class);

    private final ShotIntake intake;
    private final ShotscopeProperties.Watch settings;
    private DropFolderWatcher watcher;

    public DropFolderService(ShotIntake intake, ShotscopeProperties properties) {
        this.intake = intake;
        this.settings = properties.watch();
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled()) {
            return;
        }
        Path dir = settings.dir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("drop folder " + dir + " cannot be created: " + e.getMessage(), e);
        }
        WatchOptions options = WatchOptions.defaults().withSettle(settings.settle())
                .withPollInterval(settings.interval());
        watcher = new DropFolderWatcher(dir, options);
        watcher.start(this::take);
        LOG.info("watching drop folder {} (settle {})", dir, settings.settle());
    }

    private void take(PlateCandidate candidate) {
        intake.submitDropped(candidate.input(), candidate.files(), stem(candidate));
    }

    /** The shot code: the sequence name without its frame pattern, or the movie's name without extension. */
    static String stem(PlateCandidate candidate) {
        if (candidate.kind() == PlateKind.SEQUENCE) {
            try {
                String stem = ImageSequence.resolve(candidate.input()).stem();
                if (!stem.isEmpty()) {
                    return stem;
                }
            } catch (PlateException e) {
                // the job reports why the sequence cannot be read; the folder names the shot meanwhile
            }
            Path folder = candidate.files().get(0).getParent();
            return folder == null || folder.getFileName() == null ? candidate.input() : folder.getFileName().toString();
        }
        String name = candidate.files().get(0).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public synchronized void stop() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return watcher != null;
    }
}
