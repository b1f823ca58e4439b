#!/usr/bin/env python3
"""Which measure reads the synthetic defocus? (experiment; the winner became `edge_width`)

Decodes every sixth frame of each shot of a synthetic manifest as luma (the ffmpeg command line)
and writes, per shot, the mean over those frames of several sharpness measures, as a CSV that
summary_ceiling.py reads through OBJECTS_TRAIN / OBJECTS_TEST (a measure left empty where no frame
had enough strong edges; summary_ceiling.py fills it with the training median). Measures: Crete-Roffet's re-blur value b (along rows) at full and half size; the edge width (the range over the steepest Sobel gradient in the same neighbourhood, median
over the pixels whose range exceeds a threshold) at full size (7x7; range > 30, > 60), half size
(5x5; > 25, > 40, > 60; and the 25th percentile at > 40) and quarter size (5x5; > 40). Needs numpy, scipy and ffmpeg.

usage: defocus_measures.py MANIFEST OUT_CSV [WIDTH HEIGHT]   (default 320 180, synth's size)
"""
import csv
import os
import subprocess
import sys
import warnings

import numpy as np
from scipy import ndimage

EVERY = 6
NAMES = ['reblur', 'reblur_half', 'width30', 'width60', 'width_half25', 'width_half40', 'width_half60',
         'width_half40_p25', 'width_quarter40']


def frames(path, width, height):
    raw = subprocess.run(['ffmpeg', '-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
                         capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(-1, height, width).astype(np.float32)[::EVERY]


def reblur(f):
    """Crete-Roffet's blur value b along rows: near 1 when re-blurring changes little (already soft)."""
    blurred = ndimage.uniform_filter1d(f, 9, axis=1)
    d_f = np.abs(np.diff(f, axis=1))
    d_b = np.abs(np.diff(blurred, axis=1))
    total = d_f.sum()
    return 0 if total == 0 else (total - (d_f - d_b).clip(0).sum()) / total


def widths(f, size, threshold, minimum):
    gradient = np.hypot(ndimage.sobel(f, 1), ndimage.sobel(f, 0)) / 8
    spread = ndimage.maximum_filter(f, size) - ndimage.minimum_filter(f, size)
    steepest = ndimage.maximum_filter(gradient, size)
    edges = spread > threshold
    return spread[edges] / np.maximum(steepest[edges], 1e-3) if edges.sum() > minimum else None


def halve(f):
    h, w = f.shape
    return f[:h // 2 * 2, :w // 2 * 2].reshape(h // 2, 2, w // 2, 2).mean((1, 3))


def measures(f):
    half = halve(f)
    out = [reblur(f), reblur(half)]
    for threshold in (30, 60):
        w = widths(f, 7, threshold, 50)
        out.append(np.nan if w is None else np.median(w))
    for threshold in (25, 40, 60):
        w = widths(half, 5, threshold, 30)
        out.append(np.nan if w is None else np.median(w))
    w = widths(half, 5, 40, 30)
    out.append(np.nan if w is None else np.percentile(w, 25))
    w = widths(halve(half), 5, 40, 20)
    out.append(np.nan if w is None else np.median(w))
    return out


def main(manifest, out, width='320', height='180'):
    warnings.simplefilter('ignore')  # a shot whose frames all lack strong edges averages to NaN
    base = os.path.dirname(manifest)
    with open(out, 'w') as o:
        o.write('name,' + ','.join(NAMES) + '\n')
        for i, row in enumerate(csv.DictReader(open(manifest))):
            values = np.nanmean([measures(f) for f in frames(os.path.join(base, row['path']), int(width), int(height))], 0)
            o.write(os.path.basename(row['path']) + ',' + ','.join('' if np.isnan(v) else f'{v:.5f}' for v in values) + '\n')
            if i % 200 == 0:
                print(f'{i} shots', flush=True)


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
