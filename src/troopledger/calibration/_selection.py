"""Weighted quantiles of single-precision rows by selection: sort only the draws near each quantile.

A weighted quantile needs the draws in order only around the point where their
cumulative weight crosses the quantile. Each value's order-preserving 32-bit key
(sign and exponent, then the mantissa) is cut to its top :data:`_BUCKET_BITS` bits:
a bucket of values within about 1/16 of each other. One weighted count per bucket
locates the bucket each quantile falls in; only the draws of that bucket and its
neighbours are sorted (by value, then row: the full sort's own order), and the
weight of every draw before them is added up by bucket. The quantile then comes out
of the same interpolation as a full sort, from the same draws in the same order;
only the sum of the weights before the sorted ones is added in another order, so a
figure may differ from the full sort's in its last bits. A row where the checks fail
(too few draws around a quantile) is left to the full sort.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["SELECT_FROM", "order_keys", "select_quantiles"]

Array = NDArray[np.float64]

#: Rows of fewer draws than this are sorted whole.
SELECT_FROM = 16_384
_BUCKET_BITS = 13


def order_keys(x: NDArray[np.float32]) -> NDArray[np.uint32]:
    """Order-preserving 32-bit keys of single-precision values (no NaNs; -0.0 as 0.0)."""
    bits = (x + np.float32(0.0)).view(np.uint32)
    return np.asarray(bits ^ np.where(bits >> 31 == 1, np.uint32(0xFFFFFFFF), np.uint32(0x80000000)))


def select_quantiles(
    keys: NDArray[np.uint32], x: NDArray[np.float32], w: Array, total: float, q: tuple[float, ...]
) -> Array | None:
    """Weighted quantiles ``q`` of one row (``keys`` from :func:`order_keys`), or None to sort it whole.

    Same arithmetic as ``np.interp(q, (cumsum(ws) - ws / 2) / total, xs)`` over the
    row sorted by key then position.
    """
    bucket = (keys >> np.uint32(32 - _BUCKET_BITS)).astype(np.intp)
    mass = np.bincount(bucket, weights=w, minlength=1 << _BUCKET_BITS)
    cum = np.cumsum(mass)  # weight of every bucket up to each
    out = np.empty(len(q))
    for i, qq in enumerate(q):
        c = int(np.searchsorted(cum, qq * total, side="right"))  # the bucket where the cumulative weight passes qq
        lo, hi = max(c - 1, 0), min(c + 1, mass.size - 1)
        rows = np.flatnonzero((bucket >= lo) & (bucket <= hi))
        if rows.size < 2:
            return None
        key = (keys[rows].astype(np.uint64) << np.uint64(32)) | rows.astype(np.uint64)
        key.sort()
        order = (key & np.uint64(0xFFFFFFFF)).astype(np.intp)
        ws = w[order]
        cw = (cum[lo] - mass[lo] + np.cumsum(ws) - 0.5 * ws) / total
        if not (cw[0] <= qq < cw[-1]):
            return None  # the crossing is not inside the sorted draws: sort the row whole
        xs = x[order].astype(np.float64)
        j = int(np.count_nonzero(cw <= qq)) - 1
        out[i] = (xs[j + 1] - xs[j]) / (cw[j + 1] - cw[j]) * (qq - cw[j]) + xs[j]
    return out
