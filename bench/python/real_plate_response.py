#!/usr/bin/env python3
"""Does a model's estimate of the artist-days move on real plates as the rubric says it should?
(a check of what carries over from the synthetic shots; not part of the product)

For every clip given, two seconds from the middle of the clip (FRAMES frames at the clip's own
rate) are cut to a fixed 448 x 252 crop (the plate as it is) and to variants that add one
ingredient the renderer draws, with the points the effort rubric charges for it (docs/synth.md):

    pan      3 px a frame to the right (2.14 reference px: of a 320-wide frame)        +1
    shake    3 reference px at 6 Hz, the renderer's two sinusoids per axis             +2.55
    grain    Gaussian, sigma 8 levels, per pixel and channel, every frame              +1.5
    flicker  a steady 10 % gain sinusoid at 4 Hz                                       +1.5
    zoom     0.25 a second, the crop shrinking about its centre (the plate as it is
             is then the same crop resampled at a fixed scale)                          +1.5

Pan and shake move the crop by whole pixels and grain and flicker change pixel values, so apart
from the ingredient the variants hold the plate's own pixels. The pan is compared with the mean of
three still crops along its path (at its start, the plate, at its end), since it shows what they
show; every other variant with the plate. Every variant is written as a
lossless FFV1 movie, all are read by one `shotscope analyze --json` run with the given model, and
the change of each variant's estimated days (`prediction.days`) from its plate's is printed
against the rubric's points, with the classes. Then, for each ingredient, how many variants name
the metric that reads it (NAMED_BY) among the report's explanation factors, and how many first.
Needs numpy and opencv (Debian: apt-get install python3-opencv).

With --shift PX every source frame first loses its PX leftmost columns, so each crop sits PX
pixels further right: how much a rating moves when nothing a bid charges for changes.

usage: real_plate_response.py [--shift PX] WORK_DIR MODEL_DIR CLIP...      (run from the project root)
"""
import json
import math
import os
import subprocess
import sys

import cv2
import numpy as np

FRAMES = 48
OUT = (448, 252)
REFERENCE_WIDTH = 320
PX = OUT[0] / REFERENCE_WIDTH          # output pixels per reference pixel
PAN_SPEED = 3 / PX                     # reference px a frame (2.14): 3 whole output px, so no jitter
SHAKE_AMPLITUDE, SHAKE_HZ = 3.0, 6.0
GRAIN_SIGMA = 8.0
FLICKER_AMPLITUDE, FLICKER_HZ = 0.10, 4.0
ZOOM_RATE = 0.25                       # scale change a second
ZOOM_BASE = 0.8                        # the plate as it is, in the zoom pair: the crop at this scale

POINTS = {                             # what the rubric charges for each ingredient (docs/synth.md)
    'pan': 1.0,
    'shake': 3 * (0.4 + 0.6 * min(1.0, SHAKE_AMPLITUDE / 4)),
    'grain': 0.5 + GRAIN_SIGMA / 8,
    'flicker': 1 + 5 * FLICKER_AMPLITUDE,
    'zoom': 1.5,
}

NAMED_BY = {                           # the metric a producer would expect an ingredient to be named by
    'pan': 'camera_motion',
    'shake': 'shake',
    'grain': 'noise',
    'flicker': 'lighting',
    'zoom': 'zoom',
}


def middle_frames(path):
    capture = cv2.VideoCapture(path)
    fps = capture.get(cv2.CAP_PROP_FPS) or 24.0
    frames = []
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        frames.append(frame)
    if len(frames) < FRAMES:
        raise SystemExit(f'{path}: {len(frames)} frames, fewer than {FRAMES}')
    start = (len(frames) - FRAMES) // 2
    return frames[start:start + FRAMES], fps


def crop(frame, x, y):
    return frame[y:y + OUT[1], x:x + OUT[0]]


def shake_offset(t, fps):
    hz = 2 * math.pi * SHAKE_HZ / fps
    a = SHAKE_AMPLITUDE * PX
    return (a * (0.65 * math.sin(hz * t) + 0.35 * math.sin(1.93 * hz * t + 1.0)),
            0.8 * a * (0.65 * math.sin(1.13 * hz * t + 2.0) + 0.35 * math.sin(2.17 * hz * t + 3.0)))


def variants(frames, fps):
    """name -> list of frames; 'plate', 'pan-start', 'pan-end' and 'zoom-plate' are the references."""
    h, w = frames[0].shape[:2]
    travel = PAN_SPEED * PX * (FRAMES - 1)
    if w < OUT[0] + travel + 2 * SHAKE_AMPLITUDE * PX or h < OUT[1] + 2 * SHAKE_AMPLITUDE * PX:
        raise SystemExit(f'a {w}x{h} plate is too small for the crop and its moves')
    x0, y0 = int((w - OUT[0] - travel) / 2), (h - OUT[1]) // 2
    centre_x = x0 + int(travel / 2)
    rng = np.random.default_rng(1)
    out = {'plate': [], 'pan': [], 'shake': [], 'grain': [], 'flicker': [], 'zoom-plate': [], 'zoom': [],
           'pan-start': [], 'pan-end': []}
    for t, f in enumerate(frames):
        plate = crop(f, centre_x, y0)
        out['plate'].append(plate)
        out['pan'].append(crop(f, x0 + round(PAN_SPEED * PX * t), y0))
        out['pan-start'].append(crop(f, x0, y0))
        out['pan-end'].append(crop(f, x0 + round(PAN_SPEED * PX * (FRAMES - 1)), y0))
        dx, dy = shake_offset(t, fps)
        out['shake'].append(crop(f, centre_x + round(dx), y0 + round(dy)))
        noise = rng.normal(0, GRAIN_SIGMA, plate.shape)
        out['grain'].append(np.clip(plate + noise, 0, 255).astype(np.uint8))
        gain = 1 + FLICKER_AMPLITUDE * math.sin(2 * math.pi * FLICKER_HZ * t / fps)
        out['flicker'].append(np.clip(plate * gain, 0, 255).astype(np.uint8))
        for name, scale in (('zoom-plate', ZOOM_BASE), ('zoom', ZOOM_BASE * math.exp(-ZOOM_RATE * (t - FRAMES / 2) / fps))):
            cw, ch = OUT[0] * scale, OUT[1] * scale
            cx, cy = centre_x + OUT[0] / 2, y0 + OUT[1] / 2
            window = f[int(cy - ch / 2):int(cy + ch / 2), int(cx - cw / 2):int(cx + cw / 2)]
            out[name].append(cv2.resize(window, OUT, interpolation=cv2.INTER_LINEAR))
    return out


def write(path, frames, fps):
    writer = cv2.VideoWriter(path, cv2.VideoWriter_fourcc(*'FFV1'), fps, OUT)
    for f in frames:
        writer.write(f)
    writer.release()


def main(work, model, clips, shift=0):
    os.makedirs(work, exist_ok=True)
    movies = []
    for clip in clips:
        frames, fps = middle_frames(clip)
        frames = [f[:, shift:] for f in frames]
        name = os.path.splitext(os.path.basename(clip))[0]
        for variant, vframes in variants(frames, fps).items():
            movies.append(os.path.join(work, f'{name}--{variant}.mkv'))
            write(movies[-1], vframes, fps)
    reports = os.path.join(work, 'reports')
    subprocess.run(['./shotscope', 'analyze', '--no-progress', '--model', model, '--out', reports] + movies,
                   check=True, stdout=subprocess.DEVNULL)
    rated = {}
    for movie in movies:
        stem = os.path.splitext(os.path.basename(movie))[0]
        report = json.load(open(os.path.join(reports, stem + '.json')))
        prediction = report['prediction']
        clip, variant = stem.split('--')
        rated[clip, variant] = (prediction['days'], prediction['class'],
                                [f['metric'] for f in report.get('explanation', [])])
    names = list(POINTS)
    print('| clip | plate | ' + ' | '.join(f'{n} (+{POINTS[n]:.2f})' for n in names) + ' |')
    print('| --- ' * (len(names) + 2) + '|')
    changes = {n: [] for n in names}
    for clip in dict.fromkeys(c for c, _ in rated):
        cells = []
        for n in names:
            base = rated[clip, 'zoom-plate' if n == 'zoom' else 'plate']
            if n == 'pan':    # the fixed crops at its start, middle and end: the same content, still
                base = (np.mean([rated[clip, r][0] for r in ('pan-start', 'plate', 'pan-end')]), base[1])
            days, label, _ = rated[clip, n]
            changes[n].append(days - base[0])
            cells.append(f'{days - base[0]:+.1f}' + ('' if label == base[1] else f' ({label})'))
        plate_days, plate_class, _ = rated[clip, 'plate']
        print(f'| {clip} | {plate_days:.1f} {plate_class} | ' + ' | '.join(cells) + ' |')
    print('| mean change | | ' + ' | '.join(f'{np.mean(changes[n]):+.2f}' for n in names) + ' |')
    print('| share of the rubric\'s points | | '
          + ' | '.join(f'{np.mean(changes[n]) / POINTS[n]:.2f}' for n in names) + ' |')
    print()
    print('| ingredient | named by | named (first) | explanations |')
    print('| --- | --- | --- | --- |')
    named = first = 0
    for n in names:
        factors = [rated[clip, n][2] for clip in dict.fromkeys(c for c, _ in rated)]
        hits = sum(NAMED_BY[n] in f for f in factors)
        tops = sum(f[:1] == [NAMED_BY[n]] for f in factors)
        named, first = named + hits, first + tops
        print(f'| {n} | {NAMED_BY[n]} | {hits} of {len(factors)} ({tops}) | '
              + '; '.join(', '.join(f) for f in factors) + ' |')
    print(f'| all | | {named} of {len(names) * len(factors)} ({first}) | |')


if __name__ == '__main__':
    args = sys.argv[1:]
    shift = 0
    if args[:1] == ['--shift'] and len(args) > 1:
        shift, args = int(args[1]), args[2:]
    if len(args) < 3:
        print(__doc__)
        sys.exit(2)
    main(args[0], args[1], args[2:], shift)
