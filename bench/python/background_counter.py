#!/usr/bin/env python3
"""Does a stabilised background model count the objects better? (experiment, not shipped)

Every earlier counter read a few frames at a time. This one reads the whole shot: it registers
every frame to the frame at mid-shot (translation and uniform scale from corners tracked by
Lucas-Kanade, RANSAC; chained from frame to frame, each step refined against mid-shot), equalises
each frame's gain to the plate (flicker), takes the per-pixel median of the registered frames as
the clean plate, and marks as foreground the pixels where a frame differs from it, relative to
their brightness, by more than K robust standard deviations of that difference (after a box blur
against grain). The foreground's connected regions in the frames around mid-shot (where the
renderer places every object inside the frame) are the objects; a frame holding a region as tall
as the frame or larger than any object holds the occluder, and is skipped. The regions' centres
are matched from frame to frame in plate coordinates for a speed.
Needs numpy and opencv (Debian: apt-get install python3-opencv).

usage: background_counter.py read MANIFEST OUT.csv [FIRST_N] [WORKERS]
       background_counter.py score OUT.csv MANIFEST [CACHE]
The first writes per shot name, bg_count_median, bg_count_p75, bg_count_max, bg_area, bg_speed,
bg_roto (the rubric's object roto formula on the count and speed, shutter left out), for
summary_ceiling.py's OBJECTS_TRAIN / OBJECTS_TEST; the second prints Pearson r with the true
object count (and the true object roto points), overall and by camera move and speed; given the
feature cache of `train` on MANIFEST (analyser 0.4.0), beside `object_count`'s reading of the same
shots and a least-squares line through both.
"""
import csv
import os
import sys
from multiprocessing import Pool

import cv2
import numpy as np

from midshot_counter import decoded

BLUR = 5                 # box blur of the difference, against grain
K = 4.0                  # robust standard deviations above which a pixel is foreground
FLOOR = 10.0             # smallest foreground difference, grey levels
MIN_AREA = 60            # smallest object region, pixels of the 320 x 180 frame
WINDOW = 6               # frames either side of mid-shot that are counted
TALL = 0.8               # a region at least this fraction of the frame high is the occluder
LARGE = 0.12             # ... and so is one covering this fraction of the frame (objects cover at most 0.07)
DARK = 40.0              # grey level added to the brightness a difference is relative to
OBJECT_COUNT = 11        # `object_count`'s index among analyser 0.4.0's thirteen metrics


def frames_of(path):
    return [frame.astype(np.float32) for frame in decoded(path)]


def grey(frame):
    return cv2.GaussianBlur(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), (0, 0), 1.5).astype(np.uint8)


def camera_step(points, reference, moving, guess):
    """Translation and uniform scale taking reference coordinates to moving ones (3x3), from
    corners tracked by pyramidal Lucas-Kanade from the guess, RANSAC against the moving objects."""
    if points is None or len(points) < 8:
        return guess
    predicted = cv2.perspectiveTransform(points, guess).astype(np.float32)
    found, status, _ = cv2.calcOpticalFlowPyrLK(reference, moving, points, predicted.copy(),
                                                flags=cv2.OPTFLOW_USE_INITIAL_FLOW, winSize=(21, 21), maxLevel=3)
    good = status.ravel() == 1
    if good.sum() < 8:
        return guess
    m, _ = cv2.estimateAffinePartial2D(points[good], found[good], method=cv2.RANSAC, ransacReprojThreshold=1.0)
    if m is None:
        return guess
    scale = float(np.hypot(m[0, 0], m[1, 0]))  # the camera does not roll: keep the scale, drop the angle
    return np.array([[scale, 0, m[0, 2]], [0, scale, m[1, 2]], [0, 0, 1]], np.float64)


def registered(frames):
    """Each frame warped into the mid-shot frame's coordinates, with its valid mask."""
    n, mid = len(frames), len(frames) // 2
    greys = [grey(f) for f in frames]
    to_frame = [None] * n          # mid coordinates -> frame t coordinates
    to_frame[mid] = np.eye(3)
    corners = cv2.goodFeaturesToTrack(greys[mid], 400, 0.01, 6)
    for direction in (1, -1):
        previous = mid
        for t in range(mid + direction, n if direction > 0 else -1, direction):
            pts = cv2.goodFeaturesToTrack(greys[previous], 300, 0.01, 6)
            step = camera_step(pts, greys[previous], greys[t], np.eye(3))
            guess = step @ to_frame[previous]
            to_frame[t] = camera_step(corners, greys[mid], greys[t], guess)   # refined against mid-shot
            previous = t
    h, w = frames[0].shape[:2]
    ones = np.ones((h, w), np.float32)
    warped, valid = [], []
    for t in range(n):
        m = to_frame[t][:2].astype(np.float32)
        flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
        warped.append(cv2.warpAffine(frames[t], m, (w, h), flags=flags, borderMode=cv2.BORDER_CONSTANT))
        valid.append(cv2.warpAffine(ones, m, (w, h), flags=cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP) > 0.99)
    return np.stack(warped), np.stack(valid)


def plate(warped, valid):
    stack = np.where(valid[..., None], warped, np.nan)
    return np.nanmedian(stack, axis=0)


def read_shot(path):
    frames = frames_of(path)
    warped, valid = registered(frames)
    background = plate(warped, valid)
    # flicker: one gain per frame against the plate, then the plate again
    for t in range(len(warped)):
        ok = valid[t] & ~np.isnan(background[..., 0])
        if ok.sum() > 100:
            gain = np.median(background[ok]) / max(1.0, np.median(warped[t][ok]))
            warped[t] *= gain
    background = plate(warped, valid)
    h, w = background.shape[:2]
    mid = len(frames) // 2
    counts, areas, centres = [], [], {}
    for t in range(max(0, mid - WINDOW), min(len(frames), mid + WINDOW + 1)):
        ok = valid[t] & ~np.isnan(background[..., 0])
        plate_here = np.nan_to_num(background)
        # relative to the brightness, so that a flicker's residual gain does not read as objects
        difference = (np.abs(warped[t] - plate_here) / (0.5 * (warped[t] + plate_here) + DARK) * DARK).max(axis=2)
        difference = cv2.blur(difference, (BLUR, BLUR))
        difference[~ok] = 0
        values = difference[ok]
        sigma = 1.4826 * np.median(np.abs(values - np.median(values))) if values.size else 1.0
        mask = (difference > max(FLOOR, np.median(values) + K * sigma)).astype(np.uint8)
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
        n, _, stats, cents = cv2.connectedComponentsWithStats(mask)
        regions = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= MIN_AREA]
        if any(stats[i, cv2.CC_STAT_HEIGHT] >= TALL * h or stats[i, cv2.CC_STAT_AREA] >= LARGE * h * w
               for i in regions):
            continue  # the occluder is in this frame
        counts.append(len(regions))
        areas.append(sum(stats[i, cv2.CC_STAT_AREA] for i in regions) / float(h * w))
        centres[t] = [cents[i] for i in regions]
    speed = speed_of(centres)
    if not counts:
        return dict(bg_count_median=np.nan, bg_count_p75=np.nan, bg_count_max=np.nan, bg_area=np.nan,
                    bg_speed=speed, bg_roto=np.nan)
    count = float(np.median(counts))
    return dict(bg_count_median=count, bg_count_p75=float(np.percentile(counts, 75)),
                bg_count_max=float(max(counts)), bg_area=float(np.mean(areas)), bg_speed=speed,
                bg_roto=count * 0.5 * (1 + speed / 5.0))


def speed_of(centres):
    """Median distance, per frame, from each region's centre to the nearest centre a frame later."""
    steps = []
    for t, here in centres.items():
        there = centres.get(t + 1)
        if not here or not there:
            continue
        for c in here:
            steps.append(min(np.hypot(*(np.array(c) - np.array(d))) for d in there))
    return float(np.median(steps)) if steps else 0.0


def read_row(args):
    base, row = args
    try:
        return row['path'], read_shot(os.path.join(base, row['path']))
    except Exception as e:  # an experiment: report and carry on
        print(row['path'], e, file=sys.stderr)
        return row['path'], None


def read(manifest, out, first=None, workers=2):
    rows = list(csv.DictReader(open(manifest)))[: int(first) if first else None]
    base = os.path.dirname(manifest)
    keys = ['bg_count_median', 'bg_count_p75', 'bg_count_max', 'bg_area', 'bg_speed', 'bg_roto']
    with Pool(int(workers)) as pool, open(out, 'w', newline='') as f:
        writer = csv.writer(f)
        writer.writerow(['name'] + keys)
        for i, (path, r) in enumerate(pool.imap(read_row, [(base, row) for row in rows], chunksize=4)):
            writer.writerow([os.path.basename(path)] + [('%.4f' % r[k]) if r else '' for k in keys])
            if (i + 1) % 50 == 0:
                print('%d/%d' % (i + 1, len(rows)), file=sys.stderr, flush=True)


def true_roto(row):
    n, s, sh = float(row['object_count']), float(row['object_speed']), float(row['shutter'])
    return n * 0.5 * (1 + s / 5.0) * (1 + 0.5 * min(1.0, s * sh / 4.0))


def score(out, manifest, cache=None):
    truth = {os.path.basename(r['path']): r for r in csv.DictReader(open(manifest))}
    rows = [r for r in csv.DictReader(open(out)) if r['bg_count_median'] not in ('', 'nan')]
    t = [truth[r['name']] for r in rows]
    count = np.array([float(x['object_count']) for x in t])
    speed = np.array([float(x['object_speed']) for x in t])
    roto = np.array([true_roto(x) for x in t])
    camera = np.array([camera_of(x) for x in t])
    readings = {key: np.array([float(r[key]) for r in rows])
                for key in ('bg_count_median', 'bg_count_p75', 'bg_count_max', 'bg_area', 'bg_roto')}
    if cache:
        readings['object_count'] = product_count(manifest, cache, [r['name'] for r in rows])
        both = np.c_[readings['object_count'], readings['bg_count_median'], np.ones(len(rows))]
        readings['both (least squares)'] = both @ np.linalg.lstsq(both, count, rcond=None)[0]
    print('%d shots read; Pearson r with the object count (and with the object roto points)' % len(rows))
    for key, v in readings.items():
        line = '%-21s %.3f (%.3f)' % (key, np.corrcoef(v, count)[0, 1], np.corrcoef(v, roto)[0, 1])
        for cam in sorted(set(camera)):
            sel = camera == cam
            line += '  %s (%d) %.3f' % (cam, sel.sum(), np.corrcoef(v[sel], count[sel])[0, 1])
        print(line)
    v = readings['bg_count_median']
    has = count > 0
    for lo, hi in ((0, 1.5), (1.5, 4), (4, 10.1)):
        sel = has & (speed >= lo) & (speed < hi)
        print('speed %.1f-%.1f: %d shots, mean count read / true %.2f / %.2f, exact %.2f'
              % (lo, hi, sel.sum(), v[sel].mean(), count[sel].mean(), (np.round(v[sel]) == count[sel]).mean()))
    print('no objects: %d shots, mean count read %.2f' % ((~has).sum(), v[~has].mean()))
    s = np.array([float(r['bg_speed']) for r in rows])
    print('r(speed read, speed) on shots with objects %.3f' % np.corrcoef(s[has], speed[has])[0, 1])


def product_count(manifest, cache, names):
    """`object_count`'s reading per shot (analyser 0.4.0's cache): its score turned back into regions, averaged."""
    from summary_ceiling import load
    x, rows = load(manifest, cache, '0.4.0', 13)
    at = {os.path.basename(r['path']): i for i, r in enumerate(rows)}
    score = np.clip(x[[at[n] for n in names], :, OBJECT_COUNT], 0, 0.999)
    return (-3 * np.log(1 - score)).mean(axis=1)


def camera_of(row):
    if float(row['zoom_rate']) != 0:
        return 'zoom'
    if float(row['shake_amplitude']) > 0:
        return 'shake'
    if float(row['pan_speed']) > 0:
        return 'pan'
    return 'locked'


if __name__ == '__main__':
    if sys.argv[1] == 'read':
        read(*sys.argv[2:])
    elif sys.argv[1] == 'score':
        score(*sys.argv[2:])
    else:
        sys.exit(__doc__)
