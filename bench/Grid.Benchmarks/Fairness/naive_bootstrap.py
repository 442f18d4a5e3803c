"""Naive row-resampling bootstrap of group fairness rates in numpy (fairness.md section 1.6, as Fairlearn resamples).

Point estimates are taken from the rows with per-group masks. Each of the B replicates draws N row indices with
replacement and recomputes every rate from the resampled rows; the rows' group x y x y_hat code is formed once
(one byte per row) so that a replicate is one index draw, one gather and one bincount: the fastest row resampling
numpy offers. Usage: naive_bootstrap.py ROWS_FILE ROWS GROUPS(comma-separated) B SEED
Prints one JSON object: load time, the total time, estimates, intervals.
"""
import json
import sys
import time

import numpy as np

import fairness_rates


def from_rows(group, y, y_hat, group_count):
    """Selection rate, TPR and FPR overall and per group from the rows, and their differences between groups."""
    def three(m):
        return [y_hat[m].mean(), y_hat[m & (y == 1)].mean(), y_hat[m & (y == 0)].mean()]
    overall = three(np.ones(group.shape, dtype=bool))
    per_group = np.array([three(group == g) for g in range(group_count)])
    return np.concatenate([overall, per_group.ravel(), per_group.max(axis=0) - per_group.min(axis=0)])


def main():
    path, rows, groups, replicates, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(","), int(sys.argv[4]), int(sys.argv[5])
    started = time.perf_counter()
    group, y, y_hat = fairness_rates.load_rows(path, rows)
    load_ms = (time.perf_counter() - started) * 1e3
    k = len(groups) * 4
    started = time.perf_counter()
    estimates = from_rows(group, y, y_hat, len(groups))
    code = (group.astype(np.uint8) << 2) | (y.astype(np.uint8) << 1) | y_hat.astype(np.uint8)
    rng = np.random.default_rng(seed)
    resampled = np.empty((replicates, k), dtype=np.int64)
    for b in range(replicates):
        resampled[b] = np.bincount(code[rng.integers(0, rows, size=rows)], minlength=k)
    bounds = fairness_rates.intervals(fairness_rates.rates_from_cells(resampled, len(groups)))
    total_ms = (time.perf_counter() - started) * 1e3
    names = fairness_rates.names(groups)
    print(json.dumps({
        "numpy": np.__version__,
        "load_ms": load_ms,
        "total_ms": total_ms,
        "replicates": replicates,
        "estimates": dict(zip(names, map(float, estimates))),
        "intervals": {n: [float(bounds[0, i]), float(bounds[1, i])] for i, n in enumerate(names)},
    }))


if __name__ == "__main__":
    main()
