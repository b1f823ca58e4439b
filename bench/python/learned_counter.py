#!/usr/bin/env python3
"""Does a learned counter read the object count from the four-frame maps better? (experiment, not shipped)

Reads a probe file of `ObjectCountExperiment extract` (the four-frame cell map of every frame,
40 x 22 cells for 320 x 180 shots), puts each map in threshold units (the cell difference over
16 + 1.5 x the frame's median, as `object_count` thresholds it), and on every fourth frame compares
two counters of the shot's objects on the last fifth of the shots, after the first four fifths
trained the learned one:
- connected components, as `object_count` counts them (above 1, dilated once, 8-connected, at least
  8 cells, at most 70 % of the frame tall), averaged over the frames;
- a small CNN per frame (four 3x3 convolutions, one 2x2 max-pool, mean and max pooled), its
  per-frame readings averaged and maximised over the frames and mapped to the count (PyTorch,
  CPU; `apt-get install python3-torch`).
Prints Pearson r with the true count every five epochs. Needs numpy, scipy and torch.

usage: learned_counter.py PROBE_FILE MANIFEST [METRICS_IN_PROBE]

Per-shot estimates for the learners on the summaries (summary_ceiling.py's OBJECTS_TRAIN and
OBJECTS_TEST), out of fold for the training shots:
  learned_counter.py fold K TRAIN_PROBE TRAIN_MANIFEST TEST_PROBE OUT_PREFIX [METRICS_IN_PROBE]
trains on the training shots outside fold K of two (K = 0 or 1; run both at once, one core each)
and writes OUT_PREFIX-K-train.csv (fold K's shots) and OUT_PREFIX-K-test.csv (every test shot);
  learned_counter.py merge OUT_PREFIX
joins them into OUT_PREFIX-train.csv and OUT_PREFIX-test.csv (the test shots' two readings
averaged), columns name, learned_count, components_count.
"""
import csv
import os
import struct
import sys

import numpy as np
import torch
from scipy import ndimage
from torch import nn

HEADER, PER_BLOCK = 12, 5  # ObjectCountExperiment's per-frame probe layout
STEP = 4                   # every fourth frame
EPOCHS = 30


def four_frame_maps(path, metrics):
    """Per shot name, its four-frame maps [frames, rows, columns] (-1 where the warp left the frame)."""
    data, at, shots = open(path, 'rb').read(), 0, {}

    def integer():
        nonlocal at
        at += 4
        return struct.unpack('>i', data[at - 4:at])[0]

    for _ in range(integer()):
        length = struct.unpack('>H', data[at:at + 2])[0]
        name = data[at + 2:at + 2 + length].decode()
        at += 2 + length
        frames = integer()
        at += 4 * metrics * frames
        maps = []
        for _ in range(integer()):
            size = integer()
            f = np.frombuffer(data, '>f4', size, at)
            at += 4 * size
            if size > HEADER:
                blocks = int(f[9]) * int(f[10])
                columns, rows = int(f[11]) // 1000, int(f[11]) % 1000
                start = HEADER + PER_BLOCK * blocks + columns * rows
                maps.append(f[start:start + columns * rows].reshape(rows, columns).astype(np.float32))
        shots[name] = np.stack(maps)
    return shots


def threshold_units(maps):
    out = np.zeros_like(maps)
    for t, m in enumerate(maps):
        valid = m[m >= 0]
        median = np.median(valid) if valid.size else 0
        out[t] = np.where(m >= 0, m / (16 + 1.5 * median), 0)
    return out


def components(maps):
    """Mean over the frames of the regions object_count would count."""
    eight = np.ones((3, 3))
    counts = []
    for m in maps:
        labels, n = ndimage.label(ndimage.binary_dilation(m > 1, structure=eight), structure=eight)
        kept = 0
        for region in range(1, n + 1):
            rows = np.where(labels == region)[0]
            kept += rows.size >= 8 and rows.max() - rows.min() + 1 <= 0.7 * m.shape[0]
        counts.append(kept)
    return np.mean(counts)


class Counter(nn.Module):
    def __init__(self):
        super().__init__()
        self.frame = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 32, 3, padding=1), nn.ReLU())
        self.reading = nn.Linear(64, 1)
        self.count = nn.Linear(2, 1)

    def forward(self, x):  # [shots, frames, 1, rows, columns]
        shots, frames = x.shape[:2]
        z = self.frame(x.reshape(shots * frames, *x.shape[2:]))
        z = torch.cat([z.mean((2, 3)), z.amax((2, 3))], 1).reshape(shots, frames, 64)
        per_frame = self.reading(z).squeeze(-1)
        return self.count(torch.stack([per_frame.mean(1), per_frame.amax(1)], 1)).squeeze(-1)


def inputs(shots, names, frames=None):
    maps = [threshold_units(shots[n])[::STEP] for n in names]
    frames = frames or min(len(m) for m in maps)
    x = torch.tensor(np.stack([np.clip(m[:frames], 0, 8) for m in maps])[:, :, None])
    return x, maps, frames


def fit(x, y, rng, report=None):
    net = Counter()
    optimiser = torch.optim.Adam(net.parameters(), 1e-3)
    for epoch in range(1, EPOCHS + 1):
        net.train()
        order = rng.permutation(len(y))
        for start in range(0, len(order), 16):
            batch = order[start:start + 16]
            loss = ((net(x[batch]) - y[batch]) ** 2).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        if report and epoch % 5 == 0:
            report(net, epoch)
    return net


def read(net, x):
    net.eval()
    with torch.no_grad():
        return torch.cat([net(x[i:i + 50]) for i in range(0, len(x), 50)]).numpy()


def fold(k, train_probe, train_manifest, test_probe, out, metrics='12'):
    torch.manual_seed(int(k))
    torch.set_num_threads(1)
    rng = np.random.default_rng(int(k))
    train = four_frame_maps(train_probe, int(metrics))
    rows = {os.path.basename(r['path']): r for r in csv.DictReader(open(train_manifest))}
    names = sorted(train)
    x, maps, frames = inputs(train, names)
    inside = np.arange(len(names)) % 2 == int(k)
    y = torch.tensor(np.array([int(rows[n]['object_count']) for n in names], np.float32))
    net = fit(x[~inside], y[~inside], rng)
    held = np.where(inside)[0]
    write(f'{out}-{k}-train.csv', [names[i] for i in held], read(net, x[held]), [components(maps[i][:frames]) for i in held])
    del x, maps, train
    test = four_frame_maps(test_probe, int(metrics))
    test_names = sorted(test)
    tx, tmaps, _ = inputs(test, test_names, frames)
    write(f'{out}-{k}-test.csv', test_names, read(net, tx), [components(m[:frames]) for m in tmaps])


def write(path, names, learned, found):
    with open(path, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['name', 'learned_count', 'components_count'])
        for n, a, b in zip(names, learned, found):
            w.writerow([n, f'{a:.4f}', f'{b:.4f}'])


def merge(out):
    def table(path):
        return {r[0]: r[1:] for r in list(csv.reader(open(path)))[1:]}
    train = {**table(f'{out}-0-train.csv'), **table(f'{out}-1-train.csv')}
    a, b = table(f'{out}-0-test.csv'), table(f'{out}-1-test.csv')
    test = {n: [(float(a[n][i]) + float(b[n][i])) / 2 for i in range(2)] for n in a}
    for suffix, rows in (('train', train), ('test', test)):
        write(f'{out}-{suffix}.csv', sorted(rows), [float(rows[n][0]) for n in sorted(rows)],
              [float(rows[n][1]) for n in sorted(rows)])


def main(probe, manifest, metrics='12'):
    torch.manual_seed(0)
    torch.set_num_threads(1)  # two threads thrashed on two cores
    rng = np.random.default_rng(0)
    shots = four_frame_maps(probe, int(metrics))
    rows = {os.path.basename(r['path']): r for r in csv.DictReader(open(manifest))}
    names = sorted(shots)
    count = np.array([int(rows[n]['object_count']) for n in names], np.float32)
    x, maps, frames = inputs(shots, names)
    y = torch.tensor(count)
    train, test = np.arange(len(names) * 4 // 5), np.arange(len(names) * 4 // 5, len(names))
    found = np.array([components(maps[i][:frames]) for i in test])
    print(f'{len(train)} training, {len(test)} test shots, {frames} frames each; Pearson r with the object count')
    print(f'  connected components: {np.corrcoef(found, count[test])[0, 1]:.3f}', flush=True)

    def report(net, epoch):
        print(f'  CNN, epoch {epoch}: {np.corrcoef(read(net, x[test]), count[test])[0, 1]:.3f}', flush=True)

    fit(x[train], y[train], rng, report)


if __name__ == '__main__':
    if len(sys.argv) >= 7 and sys.argv[1] == 'fold':
        fold(*sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == 'merge':
        merge(sys.argv[2])
    elif len(sys.argv) >= 3:
        main(*sys.argv[1:])
    else:
        sys.exit(__doc__)
