"""The rates both numpy bootstraps of the fairness benchmark report, from group x y x y_hat cell counts.

Cells are laid out as the grid's GroupedConfusion: group * 4 + y * 2 + y_hat (TN, FP, FN, TP per group).
Names are the grid's metric names (ModelGrid.Evaluation.Metrics.MetricNames), so the benchmark compares by name.
"""
import numpy as np

RATES = ("selection_rate", "true_positive_rate", "false_positive_rate")


def names(groups):
    """The metric names, in the column order of rates_from_cells."""
    out = [f"overall.{r}" for r in RATES]
    out += [f"group[{g}].{r}" for g in groups for r in RATES]
    out += [f"{r}.difference.between_groups" for r in RATES]
    return out


def rates_from_cells(cells, group_count):
    """Rates per row of cells (shape (..., group_count * 4)), as float64, one column per name."""
    c = np.asarray(cells, dtype=np.float64).reshape(cells.shape[:-1] + (group_count, 4))
    tn, fp, fn, tp = c[..., 0], c[..., 1], c[..., 2], c[..., 3]
    per_group = np.stack([(tp + fp) / (tn + fp + fn + tp), tp / (tp + fn), fp / (fp + tn)], axis=-1)
    t = c.sum(axis=-2)
    overall = np.stack([(t[..., 3] + t[..., 1]) / t.sum(axis=-1), t[..., 3] / (t[..., 3] + t[..., 2]),
                        t[..., 1] / (t[..., 1] + t[..., 0])], axis=-1)
    difference = per_group.max(axis=-2) - per_group.min(axis=-2)
    return np.concatenate([overall, per_group.reshape(per_group.shape[:-2] + (-1,)), difference], axis=-1)


def intervals(samples, level=0.95):
    """Percentile intervals per column, numpy's default (linear) quantiles, as the grid's."""
    tail = (1 - level) / 2
    return np.quantile(samples, [tail, 1 - tail], axis=0)


def load_rows(path, rows):
    """The benchmark's scratch file: three int8 arrays of `rows` values (group code, label, prediction)."""
    data = np.fromfile(path, dtype=np.int8)
    if data.size != 3 * rows:
        raise SystemExit(f"error: {path} holds {data.size} bytes, expected {3 * rows}")
    return data.reshape(3, rows)
