#!/usr/bin/env python3
"""How far off the estimated artist-days are, by the number of objects in the shot, for the shot
network and for learners on the per-shot summaries.

Reads the `predictions.csv` that `shotscope evaluate` writes (its `days` and `estimated_days`
columns), the synthetic test manifest (latent factors), and the feature cache filled for the
training and test manifests. Prints the network's error (root mean square, bias) by object count,
how much of it each department's true points explain (a linear fit: a negative slope is a
department the estimate shrinks towards the mean), and the same errors for gradient-boosted trees
(on the total, and one per department) and for one- and two-hidden-layer networks on the
summaries. Not part of the product; needs numpy and scikit-learn.

usage: days_error.py PREDICTIONS_CSV TRAIN_MANIFEST TEST_MANIFEST CACHE_DIR [ANALYSER_VERSION] [METRICS]
"""
import csv
import os
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import f1_score
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import StandardScaler

from summary_ceiling import CLASSES, DEPARTMENTS, classes, department_trees, load, points, summaries

TREES = dict(max_iter=300, learning_rate=0.05, random_state=0)


def errors_by_objects(name, estimate, truth, objects, labels):
    error = estimate - truth
    print(f'{name}: macro-F1 {f1_score(labels, classes(estimate), average="macro"):.3f}, '
          f'days off {np.sqrt(np.mean(error ** 2)):.2f} (root mean square), bias {error.mean():+.2f}')
    for k in sorted(set(objects)):
        m = objects == k
        print(f'    {k} objects ({m.sum()} shots): {np.sqrt(np.mean(error[m] ** 2)):.2f}, bias {error[m].mean():+.2f}')


def main(predictions, train_manifest, test_manifest, cache, version='0.4.0', metrics='13'):
    manifest = {os.path.basename(r['path']): r for r in csv.DictReader(open(test_manifest))}
    rows = list(csv.DictReader(open(predictions)))
    shots = [manifest[os.path.basename(r['path'])] for r in rows]
    departments = np.array([points(s) for s in shots])
    truth = np.array([float(r['days']) for r in rows])
    assert np.allclose(departments.sum(1), truth, atol=1e-3), 'the manifest does not give the days'
    objects = np.array([int(float(s['object_count'])) for s in shots])
    labels = np.array([CLASSES[s['label']] for s in shots])
    network = np.array([float(r['estimated_days']) for r in rows])
    errors_by_objects('shot network (predictions.csv)', network, truth, objects, labels)
    fit = np.column_stack([departments, np.ones(len(rows))])
    slopes, *_ = np.linalg.lstsq(fit, network - truth, rcond=None)
    print('    error against each department\'s true points: ' + ', '.join(
        f'{n} {s:+.2f} per point (sd {sd:.2f})' for n, s, sd in zip(DEPARTMENTS, slopes, departments.std(0))))

    xtr, rtr = load(train_manifest, cache, version, int(metrics))
    xte, rte = load(test_manifest, cache, version, int(metrics))
    order = {os.path.basename(r['path']): i for i, r in enumerate(rte)}
    pick = np.array([order[os.path.basename(r['path'])] for r in rows])
    ptr = np.array([points(r) for r in rtr])
    scaler = StandardScaler().fit(summaries(xtr))
    ztr, zte = scaler.transform(summaries(xtr)), scaler.transform(summaries(xte))[pick]
    errors_by_objects('trees on the total', HistGradientBoostingRegressor(**TREES).fit(ztr, ptr.sum(1)).predict(zte),
                      truth, objects, labels)
    errors_by_objects('trees per department, summed', department_trees(ztr, ptr, zte, TREES).sum(1),
                      truth, objects, labels)
    for hidden in ((64,), (256, 256)):
        estimate = np.mean([MLPRegressor(hidden_layer_sizes=hidden, alpha=1e-2, max_iter=3000, early_stopping=True,
                                         random_state=seed).fit(ztr, ptr.sum(1)).predict(zte) for seed in range(2)], 0)
        errors_by_objects(f'network {hidden} on the total, two seeds averaged', estimate, truth, objects, labels)


if __name__ == '__main__':
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
