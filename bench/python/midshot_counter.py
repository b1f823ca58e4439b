#!/usr/bin/env python3
"""Can a CNN count the objects from the pixels around mid-shot? (experiment, not shipped)

The renderer places every object inside the frame at mid-shot (docs/synth.md), so the middle
frames hold all of them. For each shot this keeps the frame at mid-shot and the frames 4 before
and 4 after, at half size (160 x 90 grey, area-resampled), aligns the outer two to the middle one
by phase correlation (the camera's translation; zoom is left in), and stacks three channels: the
middle frame and the two absolute differences (x3). A small CNN (a stride-2 3x3 convolution, three
3x3 convolution blocks with batch normalisation and two 2x2 max-pools, mean and max pooled, a
hidden layer of 64) regresses the object count (squared error, Adam with a one-cycle schedule,
random horizontal and vertical flips), and prints Pearson r with the true count on the test shots
every fourth epoch.
Needs numpy, opencv and torch (Debian: apt-get install python3-opencv python3-torch).

usage: midshot_counter.py stack MANIFEST OUT.npz           (about 2.5 minutes per 1000 shots)
       midshot_counter.py train TRAIN.npz[,MORE.npz] TEST.npz [EPOCHS]   (default 12; 21 s an epoch on 4000)
       midshot_counter.py folds TRAIN_MANIFEST TRAIN.npz EXTRA.npz[,MORE.npz] TEST_MANIFEST TEST.npz EPOCHS OUT_PREFIX
The last writes OUT_PREFIX-train.csv (each training shot read by a counter that did not train on
it: two folds, each trained on the other half and the extra shots) and OUT_PREFIX-test.csv (the
two folds' readings averaged), columns name, midshot_count, for summary_ceiling.py's
OBJECTS_TRAIN and OBJECTS_TEST.
"""
import csv
import os
import sys
import time

import cv2
import numpy as np

SPAN = 4
SIZE = (160, 90)
DIFFERENCE_GAIN = 3


def decoded(path):
    """A shot's frames, BGR, as OpenCV decodes them."""
    capture, frames = cv2.VideoCapture(path), []
    while True:
        ok, frame = capture.read()
        if not ok:
            return frames
        frames.append(frame)


def grey_frames(path):
    return [cv2.resize(cv2.cvtColor(f, cv2.COLOR_BGR2GRAY), SIZE, interpolation=cv2.INTER_AREA) for f in decoded(path)]


def aligned(source, reference):
    (dx, dy), _ = cv2.phaseCorrelate(reference.astype(np.float32), source.astype(np.float32))
    shift = np.float32([[1, 0, -dx], [0, 1, -dy]])
    return cv2.warpAffine(source, shift, SIZE, borderMode=cv2.BORDER_REPLICATE)


def stack(manifest, out):
    rows = list(csv.DictReader(open(manifest)))
    base = os.path.dirname(manifest)
    x = np.zeros((len(rows), 3, SIZE[1], SIZE[0]), np.uint8)
    for i, row in enumerate(rows):
        frames = grey_frames(os.path.join(base, row['path']))
        mid = len(frames) // 2
        middle = frames[mid].astype(int)
        x[i, 0] = frames[mid]
        for channel, offset in ((1, -SPAN), (2, SPAN)):
            difference = np.abs(aligned(frames[mid + offset], frames[mid]).astype(int) - middle)
            x[i, channel] = np.clip(difference * DIFFERENCE_GAIN, 0, 255)
    np.savez(out, X=x, count=np.array([float(r['object_count']) for r in rows], np.float32))


def fit(xtr, ytr, epochs, xte=None, yte=None):
    """Trains the counter on xtr; prints its progress (and r on xte every fourth epoch); returns a reader."""
    import torch
    import torch.nn as nn
    torch.manual_seed(0)
    np.random.seed(0)

    def block(i, o):
        return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU())

    class Counter(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(3, 32, 3, stride=2, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
                                          block(32, 48), nn.MaxPool2d(2), block(48, 64), nn.MaxPool2d(2), block(64, 128))
            self.head = nn.Sequential(nn.Linear(256, 64), nn.ReLU(), nn.Linear(64, 1))

        def forward(self, x):
            z = self.features(x)
            return self.head(torch.cat([z.mean((2, 3)), z.amax((2, 3))], 1)).squeeze(1)

    def batch(x, flip):
        t = torch.from_numpy(x.astype(np.float32) / 255.0)
        t = t.flip(3) if flip & 1 else t
        return t.flip(2) if flip & 2 else t

    net = Counter()

    def read(x):
        net.eval()
        with torch.no_grad():
            return torch.cat([net(batch(x[i:i + 64], 0)) for i in range(0, len(x), 64)]).numpy()

    optimiser = torch.optim.Adam(net.parameters(), 1e-3)
    steps = epochs * ((len(xtr) + 31) // 32)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, 2e-3, total_steps=steps)
    for epoch in range(epochs):
        net.train()
        started, order, total = time.time(), np.random.permutation(len(xtr)), 0.0
        for i in range(0, len(order), 32):
            idx = np.sort(order[i:i + 32])
            loss = ((net(batch(xtr[idx], np.random.randint(4))) - torch.from_numpy(ytr[idx])) ** 2).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(idx)
        line = f'epoch {epoch + 1}: training loss {total / len(order):.3f} ({time.time() - started:.0f} s)'
        if xte is not None and (epoch % 4 == 3 or epoch == epochs - 1):
            line += f'; test r {np.corrcoef(read(xte), yte)[0, 1]:.3f}'
        print(line, flush=True)
    return read


def load(files):
    parts = [np.load(p) for p in files.split(',')]
    return np.concatenate([p['X'] for p in parts]), np.concatenate([p['count'] for p in parts])


def train(train_files, test_file, epochs):
    xtr, ytr = load(train_files)
    xte, yte = load(test_file)
    fit(xtr, ytr, epochs, xte, yte)


def folds(train_manifest, train_file, extra_files, test_manifest, test_file, epochs, out_prefix):
    """Out-of-fold counts for the training shots (two folds, each trained with the extra shots), and
    the two folds' mean for the test shots, as CSVs for summary_ceiling.py's OBJECTS_TRAIN / OBJECTS_TEST."""
    x, y = load(train_file)
    xextra, yextra = load(extra_files)
    xte, yte = load(test_file)
    fold = np.arange(len(x)) % 2
    counts, test_counts = np.zeros(len(x)), np.zeros(len(xte))
    for k in (0, 1):
        keep = fold != k
        read = fit(np.concatenate([x[keep], xextra]), np.concatenate([y[keep], yextra]), epochs, xte, yte)
        counts[~keep] = read(x[~keep])
        test_counts += read(xte) / 2
    print(f'out of fold r {np.corrcoef(counts, y)[0, 1]:.3f}, test r (two folds averaged) '
          f'{np.corrcoef(test_counts, yte)[0, 1]:.3f}')
    for manifest, values, name in ((train_manifest, counts, 'train'), (test_manifest, test_counts, 'test')):
        rows = list(csv.DictReader(open(manifest)))
        with open(f'{out_prefix}-{name}.csv', 'w', newline='') as f:
            out = csv.writer(f)
            out.writerow(['name', 'midshot_count'])
            for row, value in zip(rows, values):
                out.writerow([os.path.basename(row['path']), f'{value:.4f}'])


if __name__ == '__main__':
    if len(sys.argv) >= 4 and sys.argv[1] == 'stack':
        stack(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'train':
        train(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 12)
    elif len(sys.argv) >= 9 and sys.argv[1] == 'folds':
        folds(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], int(sys.argv[7]), sys.argv[8])
    else:
        sys.exit(__doc__)
