"""Weighted quantiles of single-precision rows by selection: sort only the draws near each quantile.

A weighted quantile needs the draws in order only around the point where their
cumulative weight crosses the quantile. Each value's order-preserving integer key
(sign and exponent, then the mantissa: nearly the value's logarithm) is cut, from the
row's smallest key, into at most 2^13 buckets of equal key width (a power of two, so
the cut is a shift and keeps the order). One weighted count per bucket
locates the bucket each quantile falls in; only the draws of that bucket and its
neighbours are sorted (by value, then row: the full sort's own order), and the
weight of every draw before them is added up by bucket. The quantile then comes out
of the same interpolation as a full sort, from the same draws in the same order;
only the sum of the weights before the sorted ones is added in another order, so a
figure may differ from the full sort's in its last bits. A row where the checks fail
(too few draws around a quantile) is left to the full sort.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["SELECT_FROM", "order_keys", "select_quantiles"]

Array = NDArray[np.float64]

#: Rows of fewer draws than this are sorted whole.
SELECT_FROM = 16_384
_BUCKET_BITS = 13


def order_keys(x: NDArray[np.floating[Any]]) -> NDArray[np.unsignedinteger[Any]]:
    """Order-preserving unsigned keys of 32- or 64-bit floats (no NaNs; -0.0 as 0.0)."""
    kind = np.uint32 if x.dtype == np.float32 else np.uint64
    bits: NDArray[Any] = np.asarray((x + x.dtype.type(0.0)).view(kind))
    top = kind(8 * x.dtype.itemsize - 1)
    return np.asarray(bits ^ np.where(bits >> top == 1, kind(np.iinfo(kind).max), kind(1) << top))


def select_quantiles(
    keys: NDArray[np.unsignedinteger[Any]],
    x: NDArray[np.floating[Any]],
    w: Array,
    total: float,
    q: tuple[float, ...],
) -> Array | None:
    """Weighted quantiles ``q`` of one row (``keys`` from :func:`order_keys`), or None to sort it whole.

    Same arithmetic as ``np.interp(q, (cumsum(ws) - ws / 2) / total, xs)`` over the
    row sorted by key, ties in row order.
    """
    low = keys.min()
    span = int(keys.max() - low)
    shift = max(0, span.bit_length() - _BUCKET_BITS)
    bucket = ((keys - low) >> keys.dtype.type(shift)).astype(np.intp)
    mass = np.bincount(bucket, weights=w, minlength=(span >> shift) + 1)
    cum = np.cumsum(mass)  # weight of every bucket up to each
    out = np.empty(len(q))
    for i, qq in enumerate(q):
        c = int(np.searchsorted(cum, qq * total, side="right"))  # the bucket where the cumulative weight passes qq
        lo, hi = max(c - 1, 0), min(c + 1, mass.size - 1)
        rows = np.flatnonzero((bucket >= lo) & (bucket <= hi))
        if rows.size < 2:
            return None
        if keys.dtype == np.uint32:  # key and row in one 64-bit integer: a plain sort
            key = (keys[rows].astype(np.uint64) << np.uint64(32)) | rows.astype(np.uint64)
            key.sort()
            order = (key & np.uint64(0xFFFFFFFF)).astype(np.intp)
        else:
            order = rows[np.argsort(keys[rows], kind="stable")]
        ws = w[order]
        cw = (cum[lo] - mass[lo] + np.cumsum(ws) - 0.5 * ws) / total
        if not (cw[0] <= qq < cw[-1]):
            return None  # the crossing is not inside the sorted draws: sort the row whole
        xs = x[order].astype(np.float64)
        j = int(np.count_nonzero(cw <= qq)) - 1
        out[i] = (xs[j + 1] - xs[j]) / (cw[j + 1] - cw[j]) * (qq - cw[j]) + xs[j]
    return out
