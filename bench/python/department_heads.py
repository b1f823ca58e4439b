#!/usr/bin/env python3
"""Does a network learn the rubric's steps with one gated head per department?

The per-department trees of summary_ceiling.py beat every small network on every department, most
on those the rubric charges as a fixed setup cost once a thing is there (grain, flicker, an
occluder, a camera move). This trains small networks on the same per-shot summaries (PyTorch on
the CPU) with three heads: the total points; the seven departments' points, summed; and per
department a presence probability times a positive amount, the presence also learned as its own
target (does the department charge anything at all?). Prints test macro-F1 for three seeds each.
Not part of the product; needs numpy, scikit-learn and PyTorch (Debian: python3-sklearn,
python3-torch).

usage: department_heads.py TRAIN_MANIFEST TEST_MANIFEST CACHE_DIR [ANALYSER_VERSION] [METRICS]
"""
import sys

import numpy as np
import torch
from sklearn.metrics import f1_score
from sklearn.preprocessing import QuantileTransformer, StandardScaler
import os

from summary_ceiling import CLASSES, DEPARTMENTS, classes, load, points, summaries

HIDDEN = 64
EPOCHS = 400
PATIENCE = 30
BATCH = 64


class Net(torch.nn.Module):
    def __init__(self, inputs, head):
        super().__init__()
        self.head = head
        self.trunk = torch.nn.Sequential(torch.nn.Linear(inputs, HIDDEN), torch.nn.ReLU(), torch.nn.Dropout(0.2))
        outputs = {'total': 1, 'departments': len(DEPARTMENTS), 'gated': 2 * len(DEPARTMENTS)}[head]
        self.out = torch.nn.Linear(HIDDEN, outputs)

    def forward(self, x):
        y = self.out(self.trunk(x))
        if self.head != 'gated':
            return y, None
        presence, amount = y[:, :len(DEPARTMENTS)], y[:, len(DEPARTMENTS):]
        return torch.sigmoid(presence) * torch.nn.functional.softplus(amount), presence


def loss(net, x, p):
    y, presence = net(x)
    if net.head == 'total':
        return torch.mean((y[:, 0] - p.sum(1)) ** 2)
    error = torch.mean((y - p) ** 2) * len(DEPARTMENTS)
    if presence is None:
        return error
    return error + torch.nn.functional.binary_cross_entropy_with_logits(presence, (p > 0).float())


def total(net, x):
    net.eval()
    with torch.no_grad():
        y, _ = net(x)
    net.train()
    return y.sum(1).numpy()


def fit(head, seed, xtr, ptr):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(xtr))
    val, train = order[: len(xtr) // 5], order[len(xtr) // 5:]
    x, p = torch.tensor(xtr, dtype=torch.float32), torch.tensor(ptr, dtype=torch.float32)
    net = Net(xtr.shape[1], head)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-4)
    best, best_state, waited = float('inf'), None, 0
    for _ in range(EPOCHS):
        rng.shuffle(train)
        for i in range(0, len(train), BATCH):
            batch = train[i:i + BATCH]
            opt.zero_grad()
            loss(net, x[batch], p[batch]).backward()
            opt.step()
        v = float(np.mean((total(net, x[val]) - ptr[val].sum(1)) ** 2))
        if v < best:
            best, best_state, waited = v, {k: t.clone() for k, t in net.state_dict().items()}, 0
        else:
            waited += 1
            if waited > PATIENCE:
                break
    net.load_state_dict(best_state)
    return net


def main(train_manifest, test_manifest, cache, version='0.2.0', metrics='11'):
    torch.set_num_threads(2)
    xtr, rtr = load(train_manifest, cache, version, int(metrics))
    xte, rte = load(test_manifest, cache, version, int(metrics))
    yte = np.array([CLASSES[r['label']] for r in rte])
    ptr = np.array([points(r) for r in rtr])
    pte = np.array([points(r) for r in rte])
    scaler = (QuantileTransformer(output_distribution='normal', n_quantiles=200, random_state=0)
              if os.environ.get('QUANTILE') else StandardScaler()).fit(summaries(xtr))
    ztr, zte = scaler.transform(summaries(xtr)), scaler.transform(summaries(xte))
    print(f'{len(rtr)} training shots, {len(rte)} test shots; test macro-F1 by seed, then per-department squared error')
    for head in ('total', 'departments', 'gated'):
        scores = []
        for seed in range(3):
            net = fit(head, seed, ztr, ptr)
            scores.append(f1_score(yte, classes(total(net, torch.tensor(zte, dtype=torch.float32))), average='macro'))
            if head != 'total' and seed == 0:
                net.eval()
                with torch.no_grad():
                    y, _ = net(torch.tensor(zte, dtype=torch.float32))
                errors = ((y.numpy() - pte) ** 2).mean(0)
                print('   ', head, ' '.join(f'{n} {e:.3f}' for n, e in zip(DEPARTMENTS, errors)))
        print(f'  {head:12s} ' + ' '.join(f'{s:.3f}' for s in scores) + f'  mean {np.mean(scores):.3f}', flush=True)


if __name__ == '__main__':
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
