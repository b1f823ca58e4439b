#!/usr/bin/env python3
"""Would averaging several trained networks rate better? (experiment, not shipped)

Reads the predictions.csv that `shotscope evaluate` writes for each of several models on the same
test manifest, and prints each model's macro-F1 and ECE, then those of every combination of two or
more of them: the members' log-probabilities averaged (for networks with a linear head that is
averaging their logits) and renormalised. Needs numpy and scikit-learn.

usage: ensemble_predictions.py PREDICTIONS_CSV PREDICTIONS_CSV [...]
"""
import csv
import itertools
import sys

import numpy as np
from sklearn.metrics import f1_score

CLASSES = ['Easy', 'Medium', 'Hard']
BINS = 10


def load(path):
    rows = list(csv.DictReader(open(path)))
    paths = [r['path'] for r in rows]
    truth = np.array([CLASSES.index(r['label']) for r in rows])
    return paths, truth, np.array([[float(r[c]) for c in CLASSES] for r in rows])


def calibration_error(truth, p):
    """Expected calibration error over ten equal confidence bins, as `evaluate` computes it."""
    confidence, predicted = p.max(1), p.argmax(1)
    bins = np.minimum(BINS - 1, (confidence * BINS).astype(int))
    error = 0.0
    for b in range(BINS):
        inside = bins == b
        if inside.any():
            error += inside.mean() * abs((predicted[inside] == truth[inside]).mean() - confidence[inside].mean())
    return error


def main(files):
    models = [load(f) for f in files]
    paths, truth, _ = models[0]
    for f, (p, t, _) in zip(files, models):
        if p != paths or not (t == truth).all():
            sys.exit(f'{f}: not the same shots in the same order as {files[0]}')
    for f, (_, _, p) in zip(files, models):
        print(f'{f}: macro-F1 {f1_score(truth, p.argmax(1), average="macro"):.3f}  ECE {calibration_error(truth, p):.3f}')
    for k in range(2, len(models) + 1):
        for members in itertools.combinations(range(len(models)), k):
            logits = np.mean([np.log(np.clip(models[i][2], 1e-9, 1)) for i in members], 0)
            p = np.exp(logits - logits.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            print(f'models {members}: macro-F1 {f1_score(truth, p.argmax(1), average="macro"):.3f}  '
                  f'ECE {calibration_error(truth, p):.3f}')


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1:])
