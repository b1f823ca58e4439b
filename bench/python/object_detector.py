#!/usr/bin/env python3
"""Can a detector trained on the renderer's object positions count the objects? (experiment, not shipped)

Every counter tried before regressed the count, or counted regions of a motion map (docs/model.md).
This one is supervised by where each object is: `ObjectBoxes` (bench, Java) writes every object's
centre and size on screen in every frame from the renderer's own geometry. A small fully
convolutional network reads three frames (the frame, and the frames SPAN before and after it, RGB at
half size, 160 x 96) and predicts a heat map at a quarter of that size with a Gaussian bump at each
object centre on screen (sigma a fifth of the object's smaller side, at least one cell); the loss is
the penalty-reduced focal loss of CenterNet (Zhou et al., 2019). An object is a local maximum of the
map (3 x 3) above a threshold; a shot's count is the mean over its FRAMES. The threshold is chosen on
the training shots. Prints Pearson r with the true object count (the manifest's `object_count`) on
the test shots, the share counted exactly, and writes name,detector_count CSVs for
summary_ceiling.py's OBJECTS_TRAIN and OBJECTS_TEST.
Needs numpy, opencv and torch (Debian: apt-get install python3-opencv python3-torch).

usage: object_detector.py stack MANIFEST BOXES.csv OUT.npz
       object_detector.py train TRAIN.npz TEST.npz EPOCHS OUT_PREFIX
       object_detector.py folds TRAIN.npz TEST.npz EPOCHS OUT_PREFIX
       object_detector.py plates MODEL.pt THRESHOLD PAN OUT_DIR CLIP...
       object_detector.py panned PAN CLIP OUT.mkv
The last reads real plates with a trained detector (OUT_PREFIX-model.pt of `train`): READINGS
readings spread over each clip, the outer frames SPAN / 24 s from the middle one at the clip's own
rate, the frame resized to 160 x 96 as the synthetic frames are. PAN (reference pixels per frame of a
320-wide frame; 0 for the plate as it is) slides an 80 % crop across the plate, a camera pan whose
effect on the count should be none. Prints each reading's count and writes OUT_DIR/NAME.png: the
readings' middle frames with a circle at each peak, so the counts can be checked by eye. `panned`
writes the clip with that pan (or, with PAN 0, the fixed centre crop) as a movie at 640 x 360, for
`shotscope analyze` to read the shipped metrics of the same plates.
"""
import csv
import os
import sys
import time

import cv2
import numpy as np

from midshot_counter import decoded

SPAN = 3
FRAMES = (17, 20, 23, 26, 29)     # around mid-shot (23.5 of 48), where the renderer puts every object in frame
SIZE = (160, 96)                  # network input, width x height
STRIDE = 4                        # input pixels per heat-map cell
SCREEN = (320, 180)               # the synthetic shots' frame size
MAP = (SIZE[0] // STRIDE, SIZE[1] // STRIDE)


def resized_frames(path):
    return [cv2.resize(f, SIZE, interpolation=cv2.INTER_AREA) for f in decoded(path)]


def boxes_by_shot(path):
    table = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            table.setdefault(row['name'], {}).setdefault(int(row['frame']), []).append(
                (float(row['x']), float(row['y']), float(row['width']), float(row['height'])))
    return table


def object_points(row):
    """The rubric's roto points for one object of the shot (docs/synth.md; the same for all its objects)."""
    speed, shutter = float(row['object_speed']), float(row['shutter'])
    return 0.5 * (1 + speed / 5) * (1 + 0.5 * min(1.0, speed * shutter / 4))


def heat_map(boxes):
    """Gaussian bumps at the centres on screen, in map cells; and how many centres are on screen."""
    m = np.zeros((MAP[1], MAP[0]), np.float32)
    ys, xs = np.mgrid[0:MAP[1], 0:MAP[0]]
    on = 0
    for x, y, w, h in boxes:
        if not (0 <= x < SCREEN[0] and 0 <= y < SCREEN[1]):
            continue
        on += 1
        cx, cy = x * MAP[0] / SCREEN[0], y * MAP[1] / SCREEN[1]
        sigma = max(1.0, 0.2 * min(w * MAP[0] / SCREEN[0], h * MAP[1] / SCREEN[1]))
        m = np.maximum(m, np.exp(-((xs - cx) ** 2 + (ys - cy) ** 2) / (2 * sigma ** 2)))
        m[min(MAP[1] - 1, int(cy)), min(MAP[0] - 1, int(cx))] = 1.0
    return m, on


def stack(manifest, boxes_csv, out):
    rows = list(csv.DictReader(open(manifest)))
    base = os.path.dirname(manifest)
    boxes = boxes_by_shot(boxes_csv)
    n = len(rows) * len(FRAMES)
    x = np.zeros((n, 9, SIZE[1], SIZE[0]), np.uint8)
    y = np.zeros((n, MAP[1], MAP[0]), np.float16)
    on = np.zeros(n, np.int8)
    per_object = np.array([object_points(r) for r in rows], np.float32)
    start = time.time()
    for i, row in enumerate(rows):
        name = os.path.basename(row['path'])
        frames = resized_frames(os.path.join(base, row['path']))
        for j, t in enumerate(FRAMES):
            k = i * len(FRAMES) + j
            x[k] = np.concatenate([frames[t - SPAN], frames[t], frames[t + SPAN]], 2).transpose(2, 0, 1)
            y[k], on[k] = heat_map(boxes.get(name, {}).get(t, []))
        if (i + 1) % 200 == 0:
            print(f'{i + 1}/{len(rows)} shots, {time.time() - start:.0f} s', flush=True)
    names = np.array([os.path.basename(r['path']) for r in rows])
    counts = np.array([int(r['object_count']) for r in rows])
    np.savez(out, x=x, y=y, on=on, names=names, counts=counts, per_object=per_object)


def network():
    import torch.nn as nn

    def block(cin, cout, stride=1, dilation=1):
        return [nn.Conv2d(cin, cout, 3, stride, dilation, dilation, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]
    layers = (block(9, 32, 2) + block(32, 32) + block(32, 64, 2) + block(64, 64) + block(64, 64, dilation=2)
              + block(64, 64, dilation=4) + block(64, 64, dilation=8))
    head = nn.Conv2d(64, 2, 1)       # channel 0: centre heat map (logits); 1: the object's roto points there
    head.bias.data[0] = -2.19        # CenterNet's prior: a cell is an object centre with probability 0.1
    return nn.Sequential(*layers, head)


def focal_loss(logits, target):
    import torch
    p = torch.sigmoid(logits).clamp(1e-4, 1 - 1e-4)
    pos = target.eq(1).float()
    neg = 1 - pos
    pos_loss = torch.log(p) * (1 - p) ** 2 * pos
    neg_loss = torch.log(1 - p) * p ** 2 * (1 - target) ** 4 * neg
    return -(pos_loss.sum() + neg_loss.sum()) / pos.sum().clamp(min=1)


def points_loss(predicted, target, per_object):
    """L1 on the roto points at the object centres only."""
    import torch
    centre = target.eq(1).float()
    return (torch.abs(predicted - per_object[:, None, None]) * centre).sum() / centre.sum().clamp(min=1)


def peak_mask(maps, threshold):
    import torch
    import torch.nn.functional as F
    t = torch.from_numpy(maps)[:, None]
    return (F.max_pool2d(t, 3, 1, 1).eq(t) & t.gt(threshold))[:, 0].numpy()


def peaks(maps, threshold):
    """Local maxima (3 x 3) above the threshold, per map."""
    return peak_mask(maps, threshold).reshape(len(maps), -1).sum(1)


def predict(model, x):
    import torch
    model.eval()
    out = []
    with torch.no_grad():
        for b in range(0, len(x), 128):
            xb = torch.from_numpy(x[b:b + 128].astype(np.float32) / 255.0)
            o = model(xb)
            out.append(np.stack([torch.sigmoid(o[:, 0]).numpy(), o[:, 1].numpy()], 1))
    return np.concatenate(out)


def shot_roto(outputs, threshold, shots):
    """Per shot: the roto points read at each frame's peaks, summed, averaged over its frames."""
    mask = peak_mask(outputs[:, 0].copy(), threshold)
    return (outputs[:, 1] * mask).reshape(len(outputs), -1).sum(1).reshape(shots, len(FRAMES)).mean(1)


def shot_counts(maps, threshold, shots):
    return peaks(maps, threshold).reshape(shots, len(FRAMES)).mean(1)


def fit(x, y, per_object, epochs, monitor=None):
    """A detector trained on samples x (uint8) with heat maps y and each sample's per-object points."""
    import torch
    torch.manual_seed(1)
    torch.set_num_threads(os.cpu_count())
    model = network()
    optimiser = torch.optim.Adam(model.parameters(), 2e-3)
    batches = (len(x) + 31) // 32
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, 2e-3, total_steps=epochs * batches)
    rng = np.random.default_rng(1)
    for epoch in range(epochs):
        model.train()
        start, total = time.time(), 0.0
        for b in np.array_split(rng.permutation(len(x)), batches):
            xb = torch.from_numpy(x[b].astype(np.float32) / 255.0)
            yb = torch.from_numpy(y[b].astype(np.float32))
            pb = torch.from_numpy(per_object[b])
            if rng.random() < 0.5:
                xb, yb = xb.flip(3), yb.flip(2)
            if rng.random() < 0.5:
                xb, yb = xb.flip(2), yb.flip(1)
            out = model(xb)
            loss = focal_loss(out[:, 0], yb) + points_loss(out[:, 1], yb, pb)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(b)
        line = f'epoch {epoch + 1}/{epochs} loss {total / len(x):.4f} ({time.time() - start:.0f} s)'
        if monitor is not None and ((epoch + 1) % 2 == 0 or epoch + 1 == epochs):
            counts = shot_counts(predict(model, monitor['x'])[:, 0].copy(), 0.3, len(monitor['names']))
            line += f'; test r {np.corrcoef(counts, monitor["counts"])[0, 1]:.3f} at threshold 0.3'
        print(line, flush=True)
    return model


def threshold(outputs, counts):
    """The peak threshold whose per-shot counts follow the true counts best, on shots the detector learned."""
    return max((np.corrcoef(shot_counts(outputs[:, 0].copy(), th, len(counts)), counts)[0, 1], th)
               for th in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5))[1]


def report(name, outputs, th, counts, per_object, on):
    """Prints how well the readings follow the truth; returns the per-shot count and roto readings."""
    maps = outputs[:, 0].copy()
    read_counts = shot_counts(maps, th, len(counts))
    roto = shot_roto(outputs, th, len(counts))
    true_roto = counts * per_object
    print(f'{name}: threshold {th}: r {np.corrcoef(read_counts, counts)[0, 1]:.3f} with object_count, '
          f'per frame r {np.corrcoef(peaks(maps, th), on)[0, 1]:.3f} with the centres on screen, '
          f'exact {np.mean(np.round(read_counts) == counts):.3f}; roto points r '
          f'{np.corrcoef(roto, true_roto)[0, 1]:.3f}, RMS error {np.sqrt(np.mean((roto - true_roto) ** 2)):.3f}',
          flush=True)
    return read_counts, roto


def write(path, names, counts, roto):
    with open(path, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['name', 'detector_count', 'detector_roto'])
        for n, c, r in zip(names, counts, roto):
            w.writerow([n, f'{c:.3f}', f'{r:.3f}'])


def samples(shots):
    """The sample indices of the given shots (FRAMES samples each, shot-major)."""
    return (np.asarray(shots)[:, None] * len(FRAMES) + np.arange(len(FRAMES))).ravel()


def train(train_npz, test_npz, epochs, prefix):
    tr, te = np.load(train_npz), np.load(test_npz)
    x = tr['x']
    per_object = np.repeat(tr['per_object'], len(FRAMES)).astype(np.float32)
    test = {k: te[k] for k in ('x', 'names', 'counts', 'per_object', 'on')}
    model = fit(x, tr['y'], per_object, epochs, test)
    train_out = predict(model, x)
    th = threshold(train_out, tr['counts'])
    for name, data, outputs in (('train', tr, train_out), ('test', test, predict(model, test['x']))):
        counts, roto = report(name, outputs, th, data['counts'], data['per_object'], data['on'])
        write(f'{prefix}-{name}.csv', data['names'], counts, roto)
    import torch
    torch.save(model.state_dict(), prefix + '-model.pt')


def folds(train_npz, test_npz, epochs, prefix):
    """Each half of the training shots read by a detector trained on the other half; the test shots by both."""
    tr, te = np.load(train_npz), np.load(test_npz)
    x, y = tr['x'], tr['y']
    per_object = np.repeat(tr['per_object'], len(FRAMES)).astype(np.float32)
    shots = len(tr['names'])
    counts, roto = np.zeros(shots), np.zeros(shots)
    test_counts, test_roto = 0.0, 0.0
    test = {k: te[k] for k in ('x', 'names', 'counts', 'per_object', 'on')}
    for fold in (0, 1):
        learn, held = np.arange(fold ^ 1, shots, 2), np.arange(fold, shots, 2)
        s = samples(learn)
        model = fit(x[s], y[s], per_object[s], epochs, test)
        th = threshold(predict(model, x[s]), tr['counts'][learn])
        h = samples(held)
        counts[held], roto[held] = report(f'fold {fold}, held-out training shots', predict(model, x[h]), th,
                                          tr['counts'][held], tr['per_object'][held], tr['on'][h])
        c, r = report(f'fold {fold}, test', predict(model, test['x']), th, test['counts'], test['per_object'],
                      test['on'])
        test_counts, test_roto = test_counts + c / 2, test_roto + r / 2
    true = tr['counts'] * tr['per_object']
    print(f'training shots out of fold: count r {np.corrcoef(counts, tr["counts"])[0, 1]:.3f}, '
          f'roto r {np.corrcoef(roto, true)[0, 1]:.3f}', flush=True)
    true = test['counts'] * test['per_object']
    print(f'test shots, both folds averaged: count r {np.corrcoef(test_counts, test["counts"])[0, 1]:.3f}, '
          f'roto r {np.corrcoef(test_roto, true)[0, 1]:.3f}', flush=True)
    write(f'{prefix}-train.csv', tr['names'], counts, roto)
    write(f'{prefix}-test.csv', test['names'], test_counts, test_roto)


READINGS = 8
CROP = 0.8                        # the share of the plate a panned reading keeps


def plate_frames(path, pan, size=SIZE, crop_always=False):
    """The clip's frames at the detector's size (an 80 % crop sliding PAN reference px a frame when PAN > 0); its rate."""
    capture = cv2.VideoCapture(path)
    fps = capture.get(cv2.CAP_PROP_FPS) or 24.0
    frames = decoded(path)
    if pan <= 0 and not crop_always:
        return [cv2.resize(f, size, interpolation=cv2.INTER_AREA) for f in frames], fps
    h, w = frames[0].shape[:2]
    cw, ch = int(w * CROP), int(h * CROP)
    step = pan * w / SCREEN[0]
    out = []
    for i, f in enumerate(frames):
        travel = (i * step) % (2 * (w - cw))             # back and forth across the plate
        x0 = int(travel if travel <= w - cw else 2 * (w - cw) - travel)
        y0 = (h - ch) // 2
        if pan <= 0:
            x0 = (w - cw) // 2
        out.append(cv2.resize(f[y0:y0 + ch, x0:x0 + cw], size, interpolation=cv2.INTER_AREA))
    return out, fps


def panned(pan, clip, out):
    frames, fps = plate_frames(clip, pan, (640, 360), crop_always=True)
    writer = cv2.VideoWriter(out, cv2.VideoWriter_fourcc(*'FFV1'), fps, (640, 360))
    for f in frames:
        writer.write(f)
    writer.release()


def plates(model_path, th, pan, out_dir, clips):
    import torch
    model = network()
    model.load_state_dict(torch.load(model_path))
    os.makedirs(out_dir, exist_ok=True)
    for clip in clips:
        frames, fps = plate_frames(clip, pan)
        span = max(1, round(fps * SPAN / 24))
        middles = np.linspace(span, len(frames) - 1 - span, READINGS).round().astype(int)
        x = np.stack([np.concatenate([frames[t - span], frames[t], frames[t + span]], 2).transpose(2, 0, 1)
                      for t in middles])
        outputs = predict(model, x)
        mask = peak_mask(outputs[:, 0].copy(), th)
        counts = mask.reshape(len(x), -1).sum(1)
        name = os.path.splitext(os.path.basename(clip))[0]
        print(f'{name}: {fps:.2f} fps, span {span} frames, readings at frames {list(middles)}: counts '
              f'{list(counts)}, mean {counts.mean():.2f}', flush=True)
        tiles = []
        for k, t in enumerate(middles):
            tile = cv2.resize(frames[t], (SIZE[0] * 2, SIZE[1] * 2), interpolation=cv2.INTER_LINEAR)
            for cy, cx in zip(*np.nonzero(mask[k])):
                centre = (int((cx + 0.5) * STRIDE * 2), int((cy + 0.5) * STRIDE * 2))
                cv2.circle(tile, centre, 10, (0, 0, 255), 2)
            cv2.putText(tile, f'{t}: {counts[k]}', (4, 16), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (0, 255, 255), 1)
            tiles.append(tile)
        rows = [np.concatenate(tiles[r:r + 4], 1) for r in range(0, len(tiles), 4)]
        cv2.imwrite(os.path.join(out_dir, name + '.png'), np.concatenate(rows, 0))


if __name__ == '__main__':
    if len(sys.argv) == 5 and sys.argv[1] == 'stack':
        stack(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 6 and sys.argv[1] in ('train', 'folds'):
        (train if sys.argv[1] == 'train' else folds)(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    elif len(sys.argv) >= 7 and sys.argv[1] == 'plates':
        plates(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6:])
    elif len(sys.argv) == 5 and sys.argv[1] == 'panned':
        panned(float(sys.argv[2]), sys.argv[3], sys.argv[4])
    else:
        print(__doc__)
        sys.exit(2)
