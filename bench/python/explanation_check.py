#!/usr/bin/env python3
"""Do the factors a report names match what the effort rubric charged a synthetic shot for?
(a check of the explanation; not part of the product)

Every synthetic shot's manifest row holds the latent ingredients it was rendered with, and the rubric
(docs/synth.md) charges each of them points. Each ingredient is read by some metrics (READ_BY); a
report's explanation names up to three metrics. For each directory of reports (one `analyze --out`
run over the manifest's shots, e.g. by two versions of shotscope), this prints:

    costliest first   shots whose first named factor reads their costliest ingredient
    costliest named   shots where some named factor reads it
    named present     named factors (high ones only, and all) that read an ingredient the shot has

over the shots with at least one ingredient (a clean shot costs 0 points and has nothing to name),
and what three of the thirteen metrics drawn at random would score (exactly, not drawn); then, by
costliest ingredient, in how many shots it is named (first).
Needs only the standard library.

usage: explanation_check.py MANIFEST REPORTS_DIR...
"""
import csv
import json
import os
import sys
from math import comb

METRICS = 13
NAMED = 3
READ_BY = {
    'pan': {'camera_motion'},
    'zoom': {'zoom'},
    'shake': {'shake', 'camera_motion'},
    'objects': {'objects', 'object_count', 'motion'},
    'fine detail': {'edges', 'texture'},
    'occluder': {'occlusion'},
    'grain': {'noise'},
    'flicker': {'lighting'},
    'defocus': {'blur', 'edge_width'},
}


def ingredients(row):
    """The rubric's points for each ingredient the shot has (docs/synth.md, 'The effort rubric')."""
    v = {k: float(x) for k, x in row.items() if k not in ('path', 'label', 'background', 'flicker_burst')}
    speed = v['object_speed']
    charged = {
        'pan': 1.0 if v['pan_speed'] > 0 else 0,
        'zoom': 1.5 if v['zoom_rate'] != 0 else 0,
        'shake': 3 * (0.4 + 0.6 * min(1, v['shake_amplitude'] / 4)) if v['shake_amplitude'] > 0 else 0,
        'objects': v['object_count'] * 0.5 * (1 + speed / 5) * (1 + 0.5 * min(1, speed * v['shutter'] / 4)),
        'fine detail': 2 * v['fine_detail'],
        'occluder': 1.5 + 1.5 * v['fine_detail'] if v['occluder_frames'] > 0 else 0,
        'grain': 0.5 + v['grain_sigma'] / 8 if v['grain_sigma'] >= 1 else 0,
        'flicker': 1 + 5 * v['flicker_amplitude'] if v['flicker_amplitude'] > 0 else 0,
        'defocus': 0.5 + v['defocus_sigma'] / 4 if v['defocus_sigma'] > 0 else 0,
    }
    return {k: p for k, p in charged.items() if p > 0}


def check(rows, reports):
    """The three scores' counts over the shots, and per costliest ingredient [shots, named, first]."""
    by_ingredient = {}
    shots = first = named = 0
    high_present = high_total = present = total = 0
    for row in rows:
        charged = ingredients(row)
        stem = os.path.splitext(os.path.basename(row['path']))[0]
        path = os.path.join(reports, stem + '.json')
        if not charged or not os.path.exists(path):
            continue
        factors = json.load(open(path)).get('explanation', [])
        metrics = [f['metric'] for f in factors]
        top = max(charged, key=charged.get)
        costliest = READ_BY[top]
        hit_first = bool(metrics) and metrics[0] in costliest
        hit = any(m in costliest for m in metrics)
        shots, first, named = shots + 1, first + hit_first, named + hit
        counts = by_ingredient.setdefault(top, [0, 0, 0])
        counts[0], counts[1], counts[2] = counts[0] + 1, counts[1] + hit, counts[2] + hit_first
        there = set().union(*(READ_BY[k] for k in charged))
        for f in factors:
            hit = f['metric'] in there
            present, total = present + hit, total + 1
            if f.get('level') == 'high':
                high_present, high_total = high_present + hit, high_total + 1
    return (shots, first, named, high_present, high_total, present, total), by_ingredient


def at_random(rows):
    """The three scores' expectations for NAMED of the METRICS metrics drawn at random, per shot."""
    shots = first = named = present = 0
    for row in rows:
        charged = ingredients(row)
        if not charged:
            continue
        k = len(READ_BY[max(charged, key=charged.get)])
        there = len(set().union(*(READ_BY[c] for c in charged)))
        shots += 1
        first += k / METRICS
        named += 1 - comb(METRICS - k, NAMED) / comb(METRICS, NAMED)
        present += there / METRICS
    return shots, first / shots, named / shots, present / shots


def main(manifest, dirs):
    rows = list(csv.DictReader(open(manifest)))
    print('| reports | shots | costliest first | costliest named | named present: high factors | all factors |')
    print('| --- | --- | --- | --- | --- | --- |')
    shots, first, named, present = at_random(rows)
    print(f'| three metrics at random | {shots} | {first:.3f} | {named:.3f} | | {present:.3f} |')
    tables = {}
    for d in dirs:
        (shots, first, named, hp, ht, p, t), tables[d] = check(rows, d)
        print(f'| {d} | {shots} | {first / shots:.3f} | {named / shots:.3f} | {hp / max(ht, 1):.3f} of {ht} '
              f'| {p / max(t, 1):.3f} of {t} |')
    print()
    order = sorted(READ_BY, key=lambda k: -max(tables[d].get(k, [0])[0] for d in dirs))
    print('| costliest ingredient | shots | ' + ' | '.join(f'named (first): {d}' for d in dirs) + ' |')
    print('| --- | --- |' + ' --- |' * len(dirs))
    for k in order:
        counts = [tables[d].get(k, [0, 0, 0]) for d in dirs]
        print(f'| {k} | {counts[0][0]} | ' + ' | '.join(f'{c[1]} ({c[2]})' for c in counts) + ' |')


if __name__ == '__main__':
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2:])
