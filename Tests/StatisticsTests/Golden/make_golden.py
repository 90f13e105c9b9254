"""Writes golden.json, the reference values of the Statistics tests, with scipy and numpy.

Run once from this folder: python3 make_golden.py (made with scipy 1.17.1, numpy 2.4.6).
Inputs are integer-valued (or rounded to 2 decimals) so that the JSON stays small and exact;
ties come from drawing integers from a short range.
"""
import json
import math

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20240505)


def number(v):
    v = float(v)
    return None if math.isnan(v) else v


def compact(values):
    """Integral values as JSON integers, to keep the file small."""
    return [int(v) if float(v).is_integer() else float(v) for v in values]


def paired(n, kind, strength):
    """Correlated pairs; 'noties' = distinct integers, 'ties' = few distinct values."""
    if kind == "noties":
        x = rng.permutation(n).astype(float)
        y = np.argsort(np.argsort(strength * x / max(n, 1) + rng.normal(size=n))).astype(float)
    else:
        x = rng.integers(0, 5, size=n).astype(float)
        y = np.round(strength * x + rng.normal(size=n) * 2)
    return x, y


def kendall_case(x, y, label):
    results = {alt: stats.kendalltau(x, y, alternative=alt) for alt in ("two-sided", "less", "greater")}
    return {
        "label": label, "x": compact(x), "y": compact(y),
        "tau": number(results["two-sided"].statistic),
        "p": number(results["two-sided"].pvalue),
        "pLess": number(results["less"].pvalue),
        "pGreater": number(results["greater"].pvalue),
    }


def correlation_case(x, y, label):
    pr = stats.pearsonr(x, y) if not (np.all(x == x[0]) or np.all(y == y[0])) else None
    sr = stats.spearmanr(x, y)
    return {
        "label": label, "x": compact(x), "y": compact(y),
        "pearson": number(pr.statistic) if pr else None, "pearsonP": number(pr.pvalue) if pr else None,
        "spearman": number(sr.statistic), "spearmanP": number(sr.pvalue),
    }


kendall = []
for n in range(2, 61):
    for kind in ("noties", "ties"):
        strength = [0.0, 1.0, 3.0][n % 3]
        x, y = paired(n, kind, strength)
        if (n % 7 == 0):
            y = -y  # negative association: the one-sided p-values swap roles
        kendall.append(kendall_case(x, y, f"{kind} n={n}"))
for kind in ("noties", "ties"):
    for strength in (0.3, 1.0, 3.0):  # with ties, 1.0 puts p near 1e-300
        x, y = paired(5000, kind, strength)
        kendall.append(kendall_case(x, y, f"{kind} n=5000 strength={strength}"))
# Exact paths beyond n = 33: at most one discordant (or concordant) pair.
x = np.arange(40.0)
kendall.append(kendall_case(x, x.copy(), "perfect n=40"))
y = x.copy(); y[[3, 4]] = y[[4, 3]]
kendall.append(kendall_case(x, y, "one swap n=40"))
kendall.append(kendall_case(x, -y, "one concordant n=40"))
x = np.arange(200.0); y = x.copy(); y[[10, 11]] = y[[11, 10]]
kendall.append(kendall_case(x, y, "one swap n=200"))
# Far tail of the asymptotic p-value.
x = np.arange(400.0) % 50; y = x + rng.integers(0, 3, size=400)
kendall.append(kendall_case(x, y, "far tail n=400"))
x = np.arange(3000.0); y = np.argsort(np.argsort(x / 3000 + rng.normal(size=3000) * 0.36)).astype(float)
kendall.append(kendall_case(x, y, "far tail n=3000"))
# Degenerate: constant input.
kendall.append(kendall_case(np.ones(10), np.arange(10.0), "constant x"))

correlations = []
for n in list(range(3, 61, 3)) + [5000]:
    for kind in ("noties", "ties"):
        for strength in (0.5, 4.0):
            x, y = paired(n, kind, strength)
            correlations.append(correlation_case(x, y, f"{kind} n={n} strength={strength}"))
x = rng.normal(size=5000).round(2)
for slope in (0.3, 0.57, 1.0):  # r ≈ 0.29, 0.5, 0.71 at n = 5000: p ≈ 1e-90, 1e-300, underflow
    y = (slope * x + rng.normal(size=5000)).round(2)
    correlations.append(correlation_case(x, y, f"normal n=5000 slope={slope}"))
correlations.append(correlation_case(np.array([1.0, 2.0]), np.array([3.0, 1.0]), "n=2"))
correlations.append(correlation_case(np.arange(10.0), np.arange(10.0) ** 3, "monotone n=10"))

descriptive = []
for label, values in [
    ("normal 101", rng.normal(size=101).round(3)),
    ("exponential 500", rng.exponential(size=500).round(3)),
    ("left-skewed 64", (100 - rng.gamma(2.0, 3.0, size=64)).round(2)),
    ("integers 10", rng.integers(0, 4, size=10).astype(float)),
    ("single", np.array([42.0])),
]:
    qs = [0.0, 0.1, 0.25, 0.5, 0.9, 0.95, 1.0]
    descriptive.append({
        "label": label, "values": compact(values),
        "mean": float(np.mean(values)), "median": float(np.median(values)),
        "skewness": number(stats.skew(values)),
        "levels": qs, "quantiles": [float(np.quantile(values, q)) for q in qs],
    })


def holm(p):
    """statsmodels.stats.multitest.multipletests(p, method='holm')[1], NaN left out."""
    p = np.asarray(p, dtype=float)
    out = p.copy()
    valid = np.flatnonzero(~np.isnan(p))
    order = valid[np.argsort(p[valid], kind="mergesort")]
    m = len(order)
    adjusted = np.maximum.accumulate(p[order] * np.arange(m, 0, -1))
    out[order] = np.minimum(adjusted, 1)
    return out


holm_cases = []
for p in [
    [0.01, 0.04, 0.03, 0.005],
    [0.5, 0.001, float("nan"), 0.02, 0.02, 0.9],
    rng.uniform(size=12).round(4).tolist(),
    [1e-300, 0.2, 0.049],
]:
    holm_cases.append({"p": [number(v) for v in p], "adjusted": [number(v) for v in holm(p)]})

from scipy import special

zs = [-37.5, -36.0, -12.0, -1.5, -0.3, 0.0, 0.7, 1.0, 5.0, 37.0]
normal = {"z": zs, "cdf": [float(special.ndtr(z)) for z in zs]}
beta_args = [(0.5, 0.5, 0.3), (2.0, 3.0, 0.999), (30.0, 0.5, 0.01), (2499.0, 2499.0, 0.45),
             (0.5, 2499.0, 0.002), (7.5, 12.25, 0.6), (100.0, 100.0, 0.5)]
incomplete_beta = [{"a": a, "b": b, "x": x, "value": float(special.betainc(a, b, x))} for a, b, x in beta_args]

golden = {
    "generator": f"make_golden.py with scipy {scipy.__version__}, numpy {np.__version__}",
    "kendall": kendall, "correlations": correlations, "descriptive": descriptive, "holm": holm_cases,
    "normal": normal, "incompleteBeta": incomplete_beta,
}
with open("golden.json", "w") as f:
    json.dump(golden, f, separators=(",", ":"))
