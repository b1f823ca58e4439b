#!/usr/bin/env python3
"""What if the rubric charged each object for the frames it is on screen? (experiment, not shipped)

The rubric charges every object's roto in full, however briefly it is seen (docs/synth.md). A bid
charges a roto shape per frame it is drawn in. This rebuilds each shot's object roto points as
the rubric's points per object times the share of the shot the object spends on screen (the
renderer's own geometry, from `io.shotscope.synth.OnScreenObjects`), cuts the totals into classes
at the training shots' terciles, and prints test macro-F1 of the learners of summary_ceiling.py
on the same metric summaries, for the rubric as it is and as it would be. The labels of the
product are not changed. First it prints how much of each shot's object count is on screen at all,
averaged over the frames: the best a per-frame count could read. Needs numpy and scikit-learn.

usage: onscreen_rubric.py TRAIN_MANIFEST TEST_MANIFEST CACHE_DIR ONSCREEN_TRAIN ONSCREEN_TEST [VERSION] [METRICS]
"""
import csv
import os
import sys

import numpy as np
from sklearn.linear_model import Ridge
from sklearn.metrics import f1_score
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import StandardScaler

from summary_ceiling import department_trees, load, points, small_network, summaries

ROTO = 1  # the object roto department among summary_ceiling.DEPARTMENTS


def on_screen(path, rows):
    """Per manifest row, the summed on-screen share of its objects."""
    table = {line['name']: float(line['on_screen_sum']) for line in csv.DictReader(open(path))}
    return np.array([table[os.path.basename(r['path'])] for r in rows])


def visibility(rows, shares):
    """How much of the object count a per-frame mean could see at best, by object speed and by count."""
    count = np.array([int(r['object_count']) for r in rows])
    speed = np.array([float(r['object_speed']) for r in rows])
    has = count > 0
    count, speed, share = count[has], speed[has], shares[has] / count[has]
    print(f'{has.sum()} shots with objects; Pearson r of the objects on screen (mean over the frames) with '
          f'the count: {np.corrcoef(count, shares[has])[0, 1]:.3f}')
    print('  share on screen by object speed (px per frame): ' + ', '.join(
        f'[{low}, {high}) {np.mean(share[(speed >= low) & (speed < high)]):.2f}'
        for low, high in ((0, 1), (1, 2), (2, 4), (4, 7), (7, 11))))
    print('  share on screen by object count: ' + ', '.join(f'{c}: {np.mean(share[count == c]):.2f}' for c in range(1, 5)))


def per_object(row):
    """The rubric's roto points of one object of the shot (docs/synth.md)."""
    speed, shutter = float(row['object_speed']), float(row['shutter'])
    return 0.5 * (1 + speed / 5) * (1 + 0.5 * min(1, speed * shutter / 4))


def main(train_manifest, test_manifest, cache, onscreen_train, onscreen_test, version='0.3.0', metrics='12'):
    xtr, rtr = load(train_manifest, cache, version, int(metrics))
    xte, rte = load(test_manifest, cache, version, int(metrics))
    print('first 1000 training shots (as ObjectCountExperiment reads them):')
    visibility(rtr[:1000], on_screen(onscreen_train, rtr[:1000]))
    scaler = StandardScaler().fit(summaries(xtr))
    ztr, zte = scaler.transform(summaries(xtr)), scaler.transform(summaries(xte))
    trees = dict(max_iter=300, learning_rate=0.05, random_state=0)
    for rubric in ('as it is', 'objects charged for their frames on screen'):
        ptr = np.array([points(r) for r in rtr])
        pte = np.array([points(r) for r in rte])
        if rubric != 'as it is':
            ptr[:, ROTO] = [per_object(r) for r in rtr] * on_screen(onscreen_train, rtr)
            pte[:, ROTO] = [per_object(r) for r in rte] * on_screen(onscreen_test, rte)
        cuts = np.quantile(ptr.sum(1), [1 / 3, 2 / 3]) if rubric != 'as it is' else np.array([4.5, 7.0])

        def classes(total):
            return np.where(total < cuts[0], 0, np.where(total < cuts[1], 1, 2))

        yte = classes(pte.sum(1))
        print(f'rubric {rubric}: class cuts {cuts[0]:.2f}, {cuts[1]:.2f} points; '
              f'test classes {np.bincount(yte, minlength=3).tolist()}; test macro-F1:')

        def report(name, predicted):
            print(f'  {name:58s} {f1_score(yte, predicted, average="macro"):.3f}', flush=True)

        report('ridge regression, points', classes(Ridge(1.0).fit(ztr, ptr.sum(1)).predict(zte)))
        for seed in range(3):
            report(f'network (64), points, seed {seed}',
                   classes(MLPRegressor(**small_network(seed)).fit(ztr, ptr.sum(1)).predict(zte)))
        estimates = department_trees(ztr, ptr, zte, trees)
        report('gradient-boosted trees, one per department, summed', classes(estimates.sum(1)))
        error = np.mean((estimates[:, ROTO] - pte[:, ROTO]) ** 2)
        known = estimates.copy()
        known[:, ROTO] = pte[:, ROTO]
        report(f'  ... with the true object roto points (its squared error {error:.3f}, '
               f'variance {np.var(pte[:, ROTO]):.3f})', classes(known.sum(1)))


if __name__ == '__main__':
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
