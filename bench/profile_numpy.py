"""The profile computation of SPEC §9 written the straightforward numpy way,
as the baseline of bench_profile (not used by tafrun). For every head: the
row-sum check, the sink mass (K = 1), A(d) as the mean of each diagonal,
the log-binned power-law fit; then the model curve and its fit.
Prints "numpy_seconds S gamma G" (time without interpreter start-up).
Usage: python3 bench/profile_numpy.py FILE.npy
"""
import sys
import time

import numpy as np


def binned_fit(A, d1, d2):
    """Log-binned least squares: 8 bins per octave, one point per bin."""
    d = np.arange(d1, d2 + 1)
    a = A[d1:d2 + 1]
    keep = np.isfinite(a) & (a > 0)
    d, a = d[keep], a[keep]
    k = np.floor(8 * np.log2(d / d1) + 1e-9).astype(int)
    xs, ys = [], []
    for b in np.unique(k):
        sel = k == b
        xs.append(-np.log(d[sel]).mean())
        ys.append(np.log(a[sel]).mean())
    x, y = np.array(xs), np.array(ys)
    X = np.stack([np.ones_like(x), x], axis=1)
    (log_A, gamma), *_ = np.linalg.lstsq(X, y, rcond=None)
    pred = log_A + gamma * x
    ss_tot = ((y - y.mean()) ** 2).sum()
    r2 = 1 - ((y - pred) ** 2).sum() / ss_tot if ss_tot > 0 else 0.0
    return gamma, log_A, round(r2, 6)


def profile(path, K=1, tol=1e-3):
    a = np.load(path, mmap_mode="r")
    a = a.reshape(-1, a.shape[-2], a.shape[-1])
    n, T, _ = a.shape
    d1, d2 = 8, T // 2
    curves = np.zeros((n, T))
    sinks = np.zeros(n)
    for h in range(n):
        m = np.tril(a[h])
        rows = m.sum(axis=1, dtype=np.float64)
        bad = np.nonzero(np.abs(rows - 1) > tol)[0]
        if bad.size:
            raise SystemExit(f"head {h} row {bad[0]} sums to {rows[bad[0]]}")
        sinks[h] = m[:, :K].sum(axis=1, dtype=np.float64).mean()
        for d in range(1, T):
            curves[h, d] = np.diagonal(m, -d).mean(dtype=np.float64)
        binned_fit(curves[h], d1, d2)
    model = curves.mean(axis=0)
    return binned_fit(model, d1, d2), sinks.mean()


if __name__ == "__main__":
    t0 = time.perf_counter()
    (gamma, log_A, r2), sink = profile(sys.argv[1])
    print(f"numpy_seconds {time.perf_counter() - t0:.6f} gamma {gamma:.17g} R2 {r2} sink {sink:.17g}")
