package io.shotscope.analysis;

import io.shotscope.metrics.AnalysisFrame;
import io.shotscope.video.PlateException;
import io.shotscope.video.PlateSource;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The decoding side of an analysis: one thread decodes frames into pooled {@link AnalysisFrame}s
 * and hands them over through a bounded queue, so memory stays flat whatever the plate's length.
 * Frames passed over by the stride are decoded without conversion.
 */
final class FramePipeline implements AutoCloseable {

    /** Decoded frames waiting for a worker; enough to ride over a slow frame. */
    static final int QUEUE_CAPACITY = 4;

    record Decoded(AnalysisFrame frame, int number) {
    }

    private static final Decoded END = new Decoded(null, 0);

    private final PlateSource source;
    private final AnalysisOptions options;
    private final BlockingQueue<AnalysisFrame> free;
    private final BlockingQueue<Decoded> decoded = new ArrayBlockingQueue<>(QUEUE_CAPACITY + 1);
    private final Thread thread;
    private volatile PlateException failure;
    private volatile RuntimeException bug;
    private volatile int framesRead;
    private volatile int lastNumber;
    private volatile long decodeNanos;
    private final long startNanos = System.nanoTime();
    /** How long the analysis may take, in nanoseconds; Long.MAX_VALUE without a time limit. */
    private final long limitNanos;

    FramePipeline(PlateSource source, AnalysisSize size, AnalysisOptions options, int maxInFlight) {
        this.source = source;
        this.options = options;
        this.limitNanos = options.timeLimit() == null ? Long.MAX_VALUE : options.timeLimit().toNanos();
        int poolSize = QUEUE_CAPACITY + maxInFlight + 3;
        this.free = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            free.add(new AnalysisFrame(size.width(), size.height()));
        }
        this.thread = new Thread(this::decodeAll, "shotscope-decoder");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The next decoded frame in order, or null at the end (or after a decoding failure). */
    Decoded take() {
        try {
            Decoded d = decoded.take();
            return d == END ? null : d;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for frames", e);
        }
    }

    /** Gives a frame buffer back to the pool once no measurement needs it any more. */
    void release(AnalysisFrame frame) {
        free.add(frame);
    }

    void rethrowDecodeFailure() throws PlateException {
        if (failure != null) {
            throw failure;
        }
        if (bug != null) {
            throw bug;
        }
    }

    int framesRead() {
        return framesRead;
    }

    int lastNumber() {
        return lastNumber;
    }

    long decodeNanos() {
        return decodeNanos;
    }

    private void decodeAll() {
        int analysed = 0;
        try {
            while (options.maxFrames() == 0 || analysed < options.maxFrames()) {
                if (analysed > 0 && !skip(options.stride() - 1)) {
                    break;
                }
                AnalysisFrame frame = free.take();
                checkTimeLimit();
                long t = System.nanoTime();
                int number = source.next(frame.picture);
                decodeNanos += System.nanoTime() - t;
                if (number == PlateSource.END) {
                    free.add(frame);
                    break;
                }
                framesRead++;
                lastNumber = number;
                analysed++;
                decoded.put(new Decoded(frame, number));
            }
        } catch (PlateException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            bug = e;
        }
        try {
            decoded.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkTimeLimit() throws PlateException {
        if (System.nanoTime() - startNanos > limitNanos) {
            throw new PlateException("analysis exceeded the time limit of " + describe(options.timeLimit())
                    + " after " + framesRead + " frames");
        }
    }

    private static String describe(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** Decodes up to {@code count} frames without converting them; false when the plate ended. */
    private boolean skip(int count) throws PlateException {
        for (int i = 0; i < count; i++) {
            checkTimeLimit();
            long t = System.nanoTime();
            int number = source.next(null);
            decodeNanos += System.nanoTime() - t;
            if (number == PlateSource.END) {
                return false;
            }
            framesRead++;
            lastNumber = number;
        }
        return true;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
