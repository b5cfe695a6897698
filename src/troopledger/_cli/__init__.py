"""The command line: a thin Typer app that turns troopledger errors into one-line messages.

A run parallelises explicitly (``--workers`` threads over chunks of draws), so the
BLAS library under NumPy is kept to one thread unless the user's environment says
otherwise: its calls here are small (dot products of one column of draws, matrices
of a few dozen claims), and its spinning helper threads took two to three seconds of
CPU from a ten-second report on a busy two-core machine (docs/performance.md). The
variables must be set before NumPy loads, which is why they are set here.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from troopledger._cli._app import app, main  # noqa: E402  (after the thread settings, on purpose)

__all__ = ["app", "main"]
