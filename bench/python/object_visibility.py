#!/usr/bin/env python3
"""How many of a synthetic shot's objects are on screen, frame by frame (simulation, not shipped).

The renderer places each object inside the central 70 % of the frame at mid-shot and moves it in a
random direction at the shot's object speed (times 0.8-1.2) for the whole shot (docs/synth.md); the
rubric charges every object in full. This draws the same placement for each row of a synthetic
manifest (the camera's own travel left out, the positions drawn anew rather than the rendered
ones) and prints how much of the object count a per-frame mean could see at best: the share of
objects whose centre is in the frame, by object speed and by count, and Pearson r of the per-shot
mean of visible objects with the object count. Needs numpy.

usage: object_visibility.py MANIFEST [FRAMES] [WIDTH] [HEIGHT]
"""
import csv
import sys

import numpy as np


def visible(count, speed, frames, width, height, rng):
    """Objects whose centre is inside the frame, per frame, for one shot's placement draw."""
    t = np.arange(frames) - (frames - 1) / 2
    on_screen = np.zeros(frames)
    for _ in range(count):
        x0, y0 = rng.uniform(0.15, 0.85) * width, rng.uniform(0.15, 0.85) * height
        direction, v = rng.uniform(0, 2 * np.pi), speed * rng.uniform(0.8, 1.2)
        x, y = x0 + v * np.cos(direction) * t, y0 + v * np.sin(direction) * t
        on_screen += (x >= 0) & (x < width) & (y >= 0) & (y < height)
    return on_screen


def main(manifest, frames='48', width='320', height='180'):
    rng = np.random.default_rng(0)
    counts, speeds, seen = [], [], []
    for row in csv.DictReader(open(manifest)):
        count = int(row['object_count'])
        if count == 0:
            continue
        speed = float(row['object_speed'])
        counts.append(count)
        speeds.append(speed)
        seen.append(visible(count, speed, int(frames), int(width), int(height), rng).mean())
    counts, speeds, seen = map(np.array, (counts, speeds, seen))
    print(f'{len(counts)} shots with objects; Pearson r of the mean visible objects with the count: '
          f'{np.corrcoef(counts, seen)[0, 1]:.3f}')
    print('share of the objects on screen, by object speed (px per frame at 320 px wide):')
    for low, high in ((0, 1), (1, 2), (2, 4), (4, 7), (7, 11)):
        chosen = (speeds >= low) & (speeds < high)
        print(f'  [{low}, {high}): {np.mean(seen[chosen] / counts[chosen]):.2f}')
    print('by object count: ' + ', '.join(f'{c}: {np.mean(seen[counts == c] / c):.2f}' for c in range(1, 5)))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(*sys.argv[1:])
