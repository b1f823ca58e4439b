package io.shotscope.bench;

import io.shotscope.bench.ObjectCountExperiment.ObjectParams;
import io.shotscope.bench.ObjectCountExperiment.Region;
import io.shotscope.bench.ObjectCountExperiment.Shot;
import java.util.ArrayList;
import java.util.List;

/**
 * Experiment (2026-11-30), not a product metric: follows the moving regions of a shot's cell map
 * from frame to frame, so that an object is counted once for the shot rather than once per frame
 * in which it happens to stand apart. Two objects that touch make one region; their tracks both
 * coast through it on their own velocities. A fast object shows twice in the four-frame map (where
 * it is and where it was {@link ObjectCountExperiment#SPAN} frames before); the two tracks then
 * move together, one span's travel apart, and count once. {@code -Dtracks.debug=true} prints each
 * shot's confirmed tracks.
 */
final class ObjectTracks {

    /**
     * @param margin    cells by which a region's bounds are widened when testing whether a track's
     *                  predicted centre falls in it
     * @param confirm   frames with a region before a track counts
     * @param maxMisses frames a track may coast without a region before it ends
     * @param alpha     weight of the newest displacement in the track's velocity
     * @param minFrames frames from a track's first region to its last for it to count for the shot
     */
    record Params(double margin, int confirm, int maxMisses, double alpha, int minFrames) {
    }

    static final Params DEFAULT = new Params(1, 4, 6, 0.5, 0);

    /** A followed region: position and velocity in cells per frame. */
    static final class Track {
        double x;
        double y;
        double vx;
        double vy;
        int hits;
        int misses;
        final int born;
        int last;

        Track(double x, double y, int born) {
            this.x = x;
            this.y = y;
            this.born = born;
            this.last = born;
        }

        boolean confirmed(Params p) {
            return hits >= p.confirm();
        }

        double speed() {
            return Math.hypot(vx, vy);
        }
    }

    /**
     * Per-shot measures: [0] confirmed tracks, [1] mean and [2] max over frames of the confirmed
     * tracks alive at once (ghost pairs counted once), [3] roto estimate: the sum over confirmed
     * tracks of 0.5 * (1 + speed / 5), speed in synthetic pixels per frame, ghosts dropped.
     */
    static double[] measure(Shot shot, ObjectParams map, Params p) {
        int[] size = ObjectCountExperiment.mapSize(shot, map);
        int w = size[0];
        int h = size[1];
        double pxPerCell = 320.0 / w; // the synthetic shots are 320 px wide: speeds in the rubric's pixels
        List<Track> live = new ArrayList<>();
        List<Track> done = new ArrayList<>();
        int frames = shot.probe().size();
        double concurrentSum = 0;
        double concurrentMax = 0;
        for (int t = 0; t < frames; t++) {
            List<Region> regions = ObjectCountExperiment.regions(shot, map, t);
            int[] claimed = new int[regions.size()];
            int[] match = new int[live.size()];
            for (int k = 0; k < live.size(); k++) {
                Track tr = live.get(k);
                double px = tr.x + tr.vx;
                double py = tr.y + tr.vy;
                match[k] = -1;
                double best = Double.MAX_VALUE;
                for (int r = 0; r < regions.size(); r++) {
                    Region g = regions.get(r);
                    if (px >= g.left() - p.margin() && px <= g.right() + p.margin() && py >= g.top() - p.margin()
                            && py <= g.bottom() + p.margin()) {
                        double d = Math.hypot(px - g.x(), py - g.y());
                        if (d < best) {
                            best = d;
                            match[k] = r;
                        }
                    }
                }
                if (match[k] >= 0) {
                    claimed[match[k]]++;
                }
            }
            List<Track> next = new ArrayList<>();
            for (int k = 0; k < live.size(); k++) {
                Track tr = live.get(k);
                double px = tr.x + tr.vx;
                double py = tr.y + tr.vy;
                if (match[k] >= 0) {
                    Region g = regions.get(match[k]);
                    tr.hits++;
                    tr.misses = 0;
                    tr.last = t;
                    if (claimed[match[k]] == 1) {
                        tr.vx = (1 - p.alpha()) * tr.vx + p.alpha() * (g.x() - tr.x);
                        tr.vy = (1 - p.alpha()) * tr.vy + p.alpha() * (g.y() - tr.y);
                        tr.x = g.x();
                        tr.y = g.y();
                    } else {
                        tr.x = px;
                        tr.y = py;
                    }
                } else {
                    tr.misses++;
                    tr.x = px;
                    tr.y = py;
                }
                boolean inside = tr.x >= -1 && tr.y >= -1 && tr.x <= w && tr.y <= h;
                if (tr.misses <= p.maxMisses() && inside) {
                    next.add(tr);
                } else {
                    done.add(tr);
                }
            }
            for (int r = 0; r < regions.size(); r++) {
                if (claimed[r] == 0) {
                    next.add(new Track(regions.get(r).x(), regions.get(r).y(), t));
                }
            }
            live = next;
            List<Track> alive = new ArrayList<>();
            for (Track tr : live) {
                if (tr.confirmed(p) && tr.misses == 0) {
                    alive.add(tr);
                }
            }
            double n = alive.size() - ghosts(alive);
            concurrentSum += n;
            concurrentMax = Math.max(concurrentMax, n);
        }
        done.addAll(live);
        if (Boolean.getBoolean("tracks.debug")) {
            System.out.printf("%s objects=%s speed=%s size=%s:%n", shot.name(), shot.factors().get("object_count"),
                    shot.factors().get("object_speed"), shot.factors().get("object_size"));
            for (Track tr : done) {
                if (tr.confirmed(p)) {
                    System.out.printf(java.util.Locale.ROOT, "  %d-%d hits %d at %.1f,%.1f v %.2f,%.2f%n", tr.born, tr.last,
                            tr.hits, tr.x, tr.y, tr.vx, tr.vy);
                }
            }
        }
        List<Track> confirmed = done.stream()
                .filter(tr -> tr.confirmed(p) && tr.last - tr.born >= p.minFrames()).toList();
        double roto = 0;
        int ghostCount = ghosts(confirmed);
        for (Track tr : confirmed) {
            roto += 0.5 * (1 + tr.speed() * pxPerCell / 5);
        }
        if (!confirmed.isEmpty()) {
            roto *= (confirmed.size() - ghostCount) / (double) confirmed.size();
        }
        return new double[] {confirmed.size() - ghostCount, concurrentSum / Math.max(1, frames), concurrentMax, roto};
    }

    /**
     * Tracks that trail another one by one span's travel with the same velocity: the place a fast
     * object left, seen in the four-frame map. Counted among tracks that overlap in time.
     */
    static int ghosts(List<Track> tracks) {
        int n = 0;
        boolean[] ghost = new boolean[tracks.size()];
        for (int i = 0; i < tracks.size(); i++) {
            for (int j = 0; j < tracks.size(); j++) {
                if (i == j || ghost[j] || ghost[i]) {
                    continue;
                }
                Track a = tracks.get(i);
                Track b = tracks.get(j);
                if (a.born > b.last || b.born > a.last) {
                    continue;
                }
                double s = a.speed();
                if (s < 0.25 || Math.hypot(a.vx - b.vx, a.vy - b.vy) > 0.35 * s) {
                    continue;
                }
                // b trails a: b + SPAN * v ~ a
                double ex = b.x + ObjectCountExperiment.SPAN * a.vx - a.x;
                double ey = b.y + ObjectCountExperiment.SPAN * a.vy - a.y;
                if (Math.hypot(ex, ey) < Math.max(1.5, 0.5 * ObjectCountExperiment.SPAN * s)) {
                    ghost[j] = true;
                    n++;
                }
            }
        }
        return n;
    }

    private ObjectTracks() {
    }
}
