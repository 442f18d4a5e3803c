"""Cell-multinomial bootstrap of group fairness rates in numpy (fairness.md section 1.6).

One counting pass over the rows gives the group x y x y_hat cell counts; each of the B replicates draws the cells
from Multinomial(N, counts / N), the exact distribution of the cells of N rows resampled with replacement, and the
rates are recomputed from them. Usage: multinomial_bootstrap.py ROWS_FILE ROWS GROUPS(comma-separated) B SEED REPEAT
Prints one JSON object: load time, the time of each repetition (count pass, bootstrap), cells, estimates, intervals.
"""
import json
import sys
import time

import numpy as np

import fairness_rates


def main():
    path, rows, groups, replicates, seed, repeat = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(","), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    started = time.perf_counter()
    group, y, y_hat = fairness_rates.load_rows(path, rows)
    load_ms = (time.perf_counter() - started) * 1e3
    k = len(groups) * 4
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        cells = np.bincount((group.astype(np.uint8) << 2) | (y.astype(np.uint8) << 1) | y_hat.astype(np.uint8), minlength=k)
        counted = time.perf_counter()
        rng = np.random.default_rng(seed)
        draws = rng.multinomial(rows, cells / rows, size=replicates)
        samples = fairness_rates.rates_from_cells(draws, len(groups))
        bounds = fairness_rates.intervals(samples)
        estimates = fairness_rates.rates_from_cells(cells, len(groups))
        finished = time.perf_counter()
        runs.append({"count_ms": (counted - started) * 1e3, "bootstrap_ms": (finished - counted) * 1e3})
    names = fairness_rates.names(groups)
    print(json.dumps({
        "numpy": np.__version__,
        "load_ms": load_ms,
        "runs": runs,
        "cells": [int(c) for c in cells],
        "estimates": dict(zip(names, map(float, estimates))),
        "intervals": {n: [float(bounds[0, i]), float(bounds[1, i])] for i, n in enumerate(names)},
    }))


if __name__ == "__main__":
    main()
