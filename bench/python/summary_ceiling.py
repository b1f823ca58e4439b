#!/usr/bin/env python3
"""Where macro-F1 is lost: classifiers on per-shot metric summaries, learning labels or effort.

Reads the feature cache that `shotscope train` / `evaluate` filled for two synthetic manifests
(training and test), rebuilds the rubric's points per department from the manifests' latent
factors (docs/synth.md), and prints test macro-F1 for several classifiers, plus what knowing one
department's true points would give. Not part of the product; needs numpy and scikit-learn
(Debian: apt-get install python3-sklearn).

usage: summary_ceiling.py TRAIN_MANIFEST TEST_MANIFEST CACHE_DIR [ANALYSER_VERSION] [METRICS]

With OBJECTS_TRAIN and OBJECTS_TEST set to the CSVs of `ObjectCountExperiment export` (or of
`learned_counter.py merge`), it also reports what those per-shot object measures add to the summaries. With
SERIES_TRAIN and SERIES_TEST set to the CSVs of `ObjectCountExperiment series`, what each per-frame
reading of the four-frame map adds, also as the network's head would see it (four statistics over
the 32 sampled frames, replacing `objects` or beside it). With STACKING=1, each department's error
for trees and the small network, and the small network given the trees' estimates. With DROP set to
metric indices (0-based, comma-separated), those metrics are left out, to compare a metric's worth
on one feature cache. With ENCODE=1, the ridge and the small network on the summaries encoded piecewise-linearly
(4, 8 or 16 ramps between each summary's training quantiles). With CURVE=1, a learning curve: trees per department and the small network on
the first 500, 1000, 1500 and all training shots.
"""
import csv
import hashlib
import os
import struct
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import f1_score
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.preprocessing import StandardScaler

FRAMES = 32
THUMBNAIL_BYTES = 3 * 36 * 64
CLASSES = {'Easy': 0, 'Medium': 1, 'Hard': 2}
DEPARTMENTS = ['matchmove', 'object roto', 'fine detail', 'paint', 'degrain', 'lighting', 'defocus']


def sha256(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def load(manifest, cache, version, metrics):
    base = os.path.dirname(manifest)
    shots, rows = [], []
    for row in csv.DictReader(open(manifest)):
        path = row['path'] if os.path.isabs(row['path']) else os.path.join(base, row['path'])
        file = os.path.join(cache, f'{sha256(path)}-{version}-T{FRAMES}-M{metrics}.bin')
        if not os.path.exists(file):
            continue
        data = open(file, 'rb').read()
        frames = struct.unpack('>i', data[4:8])[0]
        values, at = np.zeros((frames, metrics), np.float32), 8
        for t in range(frames):
            values[t] = struct.unpack('>' + 'f' * metrics, data[at:at + 4 * metrics])
            at += 4 * metrics + THUMBNAIL_BYTES
        shots.append(values)
        rows.append(row)
    return np.stack(shots), rows


def points(row):
    """The rubric's points per department (docs/synth.md)."""
    f = {k: float(v) for k, v in row.items() if k not in ('path', 'label', 'background', 'flicker_burst')}
    matchmove = (1 if f['pan_speed'] > 0 else 0) + (1.5 if f['zoom_rate'] != 0 else 0)
    if f['shake_amplitude'] > 0:
        matchmove += 3 * (0.4 + 0.6 * min(1, f['shake_amplitude'] / 4))
    speed = f['object_speed']
    objects = f['object_count'] * 0.5 * (1 + speed / 5) * (1 + 0.5 * min(1, speed * f['shutter'] / 4))
    detail = 2 * f['fine_detail']
    paint = 1.5 + 1.5 * f['fine_detail'] if f['occluder_frames'] > 0 else 0
    degrain = 0.5 + f['grain_sigma'] / 8 if f['grain_sigma'] >= 1 else 0
    lighting = 1 + 5 * f['flicker_amplitude'] if f['flicker_amplitude'] > 0 else 0
    defocus = 0.5 + f['defocus_sigma'] / 4 if f['defocus_sigma'] > 0 else 0
    return np.array([matchmove, objects, detail, paint, degrain, lighting, defocus])


def objects(path, rows):
    """The experiment's per-shot object measures, in the order of the manifest rows."""
    table = {}
    with open(path) as f:
        reader = csv.reader(f)
        header = next(reader)[1:]
        for line in reader:
            table[line[0]] = [float(v) if v else np.nan for v in line[1:]]
    return np.array([table[os.path.basename(r['path'])] for r in rows]), header


def small_network(seed):
    """The one-hidden-layer network's settings, for MLPClassifier and MLPRegressor alike."""
    return dict(hidden_layer_sizes=(64,), alpha=1e-2, max_iter=3000, early_stopping=True, random_state=seed)


def summaries(x):
    s = np.sort(x, 1)
    n = x.shape[1]
    return np.concatenate([x.mean(1), x.std(1), s[:, -1], s[:, int(0.95 * (n - 1))], s[:, 0], s[:, n // 2]], 1)


def department_trees(xtr, ptr, xte, trees):
    """One gradient-boosted tree model per department's points, fitted on xtr; their estimates on xte."""
    return np.column_stack([HistGradientBoostingRegressor(**trees).fit(xtr, ptr[:, d]).predict(xte)
                            for d in range(len(DEPARTMENTS))])


def classes(total):
    return np.where(total < 4.5, 0, np.where(total < 7, 1, 2))


def series(path, rows):
    """Per shot, the 32 frames the network samples of each series of `ObjectCountExperiment series`."""
    table = {}
    with open(path) as f:
        for line in csv.reader(f):
            values = np.array([float(v) for v in line[2:]])
            index = np.round(np.linspace(0, len(values) - 1, FRAMES)).astype(int)
            table.setdefault(line[0], {})[line[1]] = values[index]
    return [table[os.path.basename(r['path'])] for r in rows]


def series_variants(xtr, xte, ztr, zte, ptr, rtr, rte, report, trees):
    """What each reading of the four-frame object map adds: mean, std, max and p95 over the 32 frames."""
    str_, ste = series(os.environ['SERIES_TRAIN'], rtr), series(os.environ['SERIES_TEST'], rte)

    def stats(shots, names):
        x = np.array([[s[n] for n in names] for s in shots])
        srt = np.sort(x, 2)
        return np.concatenate([x.mean(2), x.std(2), srt[:, :, -1], srt[:, :, int(0.95 * (FRAMES - 1))]], 1)

    for names in (['score'], ['count'], ['roto'], ['count', 'roto']):
        a, b = stats(str_, names), stats(ste, names)
        sc = StandardScaler().fit(a)
        atr, ate = np.hstack([ztr, sc.transform(a)]), np.hstack([zte, sc.transform(b)])
        what = ' and '.join(names)
        report(f'+ four-frame {what}: ridge, points', classes(Ridge(1.0).fit(atr, ptr.sum(1)).predict(ate)))
        est = department_trees(atr, ptr, ate, trees)
        report(f'+ four-frame {what}: trees per department', classes(est.sum(1)))
        for seed in range(3):
            report(f'+ four-frame {what}: network (64), points, seed {seed}',
                   classes(MLPRegressor(**small_network(seed)).fit(atr, ptr.sum(1)).predict(ate)))
    network_view(xtr, xte, str_, ste, ptr, report, trees)


def network_view(xtr, xte, str_, ste, ptr, report, trees):
    """The four-frame count as a metric the network would see: replacing `objects` or beside it, four statistics."""

    def four(x):
        s = np.sort(x, 1)
        return np.concatenate([x.mean(1), x.std(1), s[:, -1], s[:, int(0.95 * (FRAMES - 1))]], 1)

    def with_count(x, shots, transform, replace):
        count = np.array([transform(s['count']) for s in shots])
        if replace:
            x = x.copy()
            x[:, :, OBJECTS] = count
            return x
        return np.concatenate([x, count[:, :, None]], 2)

    variants = [('none', None, False)]
    for name, transform in (('count', lambda c: c), ('1 - exp(-count / 3)', lambda c: 1 - np.exp(-c / 3)),
                            ('min(1, count / 8)', lambda c: np.minimum(1, c / 8))):
        variants += [(f'{name}, replacing objects', transform, True), (f'{name}, beside objects', transform, False)]
    for what, transform, replace in variants:
        a = four(xtr if transform is None else with_count(xtr, str_, transform, replace))
        b = four(xte if transform is None else with_count(xte, ste, transform, replace))
        sc = StandardScaler().fit(a)
        a, b = sc.transform(a), sc.transform(b)
        est = department_trees(a, ptr, b, trees)
        report(f'four statistics, {what}: trees per department', classes(est.sum(1)))
        for seed in range(3):
            report(f'four statistics, {what}: network (64), seed {seed}',
                   classes(MLPRegressor(**small_network(seed)).fit(a, ptr.sum(1)).predict(b)))


OBJECTS = 9  # the index of `objects` among the eleven metrics of analyser 0.2.0


def stacking(ztr, ptr, zte, pte, report, trees):
    """Per department, trees against the small network; then the network given the trees' estimates."""
    folds = 5
    fold = np.arange(len(ztr)) % folds
    oof = np.zeros_like(ptr)
    for k in range(folds):
        oof[fold == k] = department_trees(ztr[fold != k], ptr[fold != k], ztr[fold == k], trees)
    est = department_trees(ztr, ptr, zte, trees)
    net = MLPRegressor(**small_network(0)).fit(ztr, ptr).predict(zte)
    print('  per department, test squared error: trees / network (64)')
    for d, name in enumerate(DEPARTMENTS):
        print(f'    {name:12s} {np.mean((est[:, d] - pte[:, d]) ** 2):.3f} / {np.mean((net[:, d] - pte[:, d]) ** 2):.3f}'
              f'  (variance {np.var(pte[:, d]):.3f})')
    sc = StandardScaler().fit(oof)
    atr, ate = np.hstack([ztr, sc.transform(oof)]), np.hstack([zte, sc.transform(est)])
    report('trees per department, summed (stacking reference)', classes(est.sum(1)))
    report('ridge on summaries + out-of-fold department trees', classes(Ridge(1.0).fit(atr, ptr.sum(1)).predict(ate)))
    for seed in range(3):
        report(f'network (64) on summaries + department trees, seed {seed}',
               classes(MLPRegressor(**small_network(seed)).fit(atr, ptr.sum(1)).predict(ate)))


def piecewise_linear(ztr, zte, bins):
    """Each summary as `bins` ramps between its training quantiles: a step is one ramp's weight, not a smooth fit."""
    edges = [np.unique(np.quantile(ztr[:, j], np.linspace(0, 1, bins + 1))) for j in range(ztr.shape[1])]

    def encode(z):
        parts = []
        for j, e in enumerate(edges):
            if len(e) < 2:
                continue
            lo, width = e[:-1], np.maximum(e[1:] - e[:-1], 1e-9)
            parts.append(np.clip((z[:, j:j + 1] - lo) / width, 0, 1))
        return np.hstack(parts)

    return encode(ztr), encode(zte)


def encoded(ztr, ptr, zte, report):
    """Learners on the summaries encoded piecewise-linearly, against the plain ones above."""
    for bins in (4, 8, 16):
        atr, ate = piecewise_linear(ztr, zte, bins)
        report(f'{bins} ramps a summary: ridge, points', classes(Ridge(1.0).fit(atr, ptr.sum(1)).predict(ate)))
        for seed in range(3):
            report(f'{bins} ramps a summary: network (64), points, seed {seed}',
                   classes(MLPRegressor(**small_network(seed)).fit(atr, ptr.sum(1)).predict(ate)))
            report(f'{bins} ramps a summary: network (64), departments summed, seed {seed}',
                   classes(MLPRegressor(**small_network(seed)).fit(atr, ptr).predict(ate).sum(1)))


def learning_curve(xtr, ptr, xte, report, trees):
    """How much more training shots would give: the same learners on the first n shots."""
    for n in (500, 1000, 1500, len(xtr)):
        scaler = StandardScaler().fit(summaries(xtr[:n]))
        a, b = scaler.transform(summaries(xtr[:n])), scaler.transform(summaries(xte))
        report(f'{n} training shots: trees per department', classes(department_trees(a, ptr[:n], b, trees).sum(1)))
        for seed in range(3):
            report(f'{n} training shots: network (64), points, seed {seed}',
                   classes(MLPRegressor(**small_network(seed)).fit(a, ptr[:n].sum(1)).predict(b)))


def main(train_manifest, test_manifest, cache, version='0.2.0', metrics='11'):
    xtr, rtr = load(train_manifest, cache, version, int(metrics))
    xte, rte = load(test_manifest, cache, version, int(metrics))
    if os.environ.get('DROP'):
        keep = [m for m in range(int(metrics)) if m not in {int(i) for i in os.environ['DROP'].split(',')}]
        xtr, xte = xtr[:, :, keep], xte[:, :, keep]
        print(f'metrics used: {keep}')
    ytr = np.array([CLASSES[r['label']] for r in rtr])
    yte = np.array([CLASSES[r['label']] for r in rte])
    ptr = np.array([points(r) for r in rtr])
    pte = np.array([points(r) for r in rte])
    assert (classes(ptr.sum(1)) == ytr).all(), 'the points do not reproduce the labels'
    scaler = StandardScaler().fit(summaries(xtr))
    ztr, zte = scaler.transform(summaries(xtr)), scaler.transform(summaries(xte))
    print(f'{len(rtr)} training shots, {len(rte)} test shots; test macro-F1:')

    def report(name, predicted):
        print(f'  {name:58s} {f1_score(yte, predicted, average="macro"):.3f}', flush=True)

    report('logistic regression, labels', LogisticRegression(max_iter=5000).fit(ztr, ytr).predict(zte))
    report('ridge regression, points', classes(Ridge(1.0).fit(ztr, ptr.sum(1)).predict(zte)))
    for seed in range(3):
        net = small_network(seed)
        report(f'network (64), labels, seed {seed}', MLPClassifier(**net).fit(ztr, ytr).predict(zte))
        report(f'network (64), points, seed {seed}', classes(MLPRegressor(**net).fit(ztr, ptr.sum(1)).predict(zte)))
        report(f'network (64), points per department summed, seed {seed}',
               classes(MLPRegressor(**net).fit(ztr, ptr).predict(zte).sum(1)))
        both = np.column_stack([ptr.sum(1), ptr])
        report(f'network (64), points and departments, points read, seed {seed}',
               classes(MLPRegressor(**net).fit(ztr, both).predict(zte)[:, 0]))
    trees = dict(max_iter=300, learning_rate=0.05, random_state=0)
    report('gradient-boosted trees, labels', HistGradientBoostingClassifier(**trees).fit(ztr, ytr).predict(zte))
    report('gradient-boosted trees, points', classes(HistGradientBoostingRegressor(**trees).fit(ztr, ptr.sum(1)).predict(zte)))
    estimates = department_trees(ztr, ptr, zte, trees)
    report('gradient-boosted trees, one per department, summed', classes(estimates.sum(1)))
    if os.environ.get('ENCODE'):
        encoded(ztr, ptr, zte, report)
    if os.environ.get('CURVE'):
        learning_curve(xtr, ptr, xte, report, trees)
    if os.environ.get('SERIES_TRAIN'):
        series_variants(xtr, xte, ztr, zte, ptr, rtr, rte, report, trees)
    if os.environ.get('STACKING'):
        stacking(ztr, ptr, zte, pte, report, trees)
    if os.environ.get('OBJECTS_TRAIN'):
        extra_tr, header = objects(os.environ['OBJECTS_TRAIN'], rtr)
        extra_te, _ = objects(os.environ['OBJECTS_TEST'], rte)
        fill = np.nanmedian(extra_tr, 0)  # a measure missing for a shot takes the training median
        extra_tr = np.where(np.isnan(extra_tr), fill, extra_tr)
        extra_te = np.where(np.isnan(extra_te), fill, extra_te)
        for prefix in ('cells_', 'cells4_', ''):
            cols = [i for i, h in enumerate(header) if h.startswith(prefix)]
            if not cols:
                continue
            sc = StandardScaler().fit(extra_tr[:, cols])
            atr = np.hstack([ztr, sc.transform(extra_tr[:, cols])])
            ate = np.hstack([zte, sc.transform(extra_te[:, cols])])
            what = prefix.rstrip('_') or 'both maps'
            est = department_trees(atr, ptr, ate, trees)
            error = np.mean((est[:, 1] - pte[:, 1]) ** 2)
            report(f'+ {what}: trees per department (object roto error {error:.3f})', classes(est.sum(1)))
            errors = np.mean((est - pte) ** 2, 0)
            print('    squared error by department: ' + ', '.join(f'{n} {e:.3f}' for n, e in zip(DEPARTMENTS, errors)))
            for seed in range(3):
                report(f'+ {what}: network (64), points, seed {seed}',
                       classes(MLPRegressor(**small_network(seed)).fit(atr, ptr.sum(1)).predict(ate)))
    for d, name in enumerate(DEPARTMENTS):
        error = np.mean((estimates[:, d] - pte[:, d]) ** 2)
        known = estimates.copy()
        known[:, d] = pte[:, d]
        report(f'  ... with the true {name} points (its squared error {error:.3f})', classes(known.sum(1)))


if __name__ == '__main__':
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
