"""The memory a ledger run will need, estimated before it starts, and the check against the budget.

A ledger run keeps, for every draw, each stream output's window total, each input drawn
and each check's reading (:class:`~troopledger.model.streams.LedgerDraws`); summaries
(weights, 90 % bands, shares) copy these a few times. One block of draws is computed at a
time, so the months and the streams' monthly arrays add only to the fixed part. The
constants are fitted to peaks measured on ``nk-russia-ledger`` (docs/ledger.md).
"""

from __future__ import annotations

from troopledger.analysis._ledger_case import LedgerCase
from troopledger.claims import TOTAL_SCOPES
from troopledger.errors import InputError
from troopledger.model import MEMORY_ENV, memory_budget

__all__ = ["LEDGER_BASE_BYTES", "LEDGER_CALIBRATION_BYTES", "LEDGER_COPIES", "check_ledger_memory", "ledger_bytes"]

#: The fixed part of a ledger run: the numerical stack, the soldier case's prior, one block of draws in flight
#: (measured peaks without a calibrated stream: 535 MB at 16,384 draws, 1.12 GB at 65,536, 1.50 GB at 131,072,
#: 2.57 GB at 262,144).
LEDGER_BASE_BYTES = 600_000_000
#: What the soldier stream's calibration (100,000 to 131,072 draws, on two threads) adds to the peak: its
#: posterior's inputs, kept for resampling, and memory the allocator holds after it (measured peaks with it:
#: 909 MB at 16,384 draws, 1.48 GB at 65,536, 1.99 GB at 131,072, 3.06 GB at 262,144).
LEDGER_CALIBRATION_BYTES = 450_000_000
#: Copies of each per-draw array a run holds at its peak (the blocks' lists, their concatenation, the summaries).
LEDGER_COPIES = 6


def ledger_bytes(case: LedgerCase, draws: int) -> int:
    """Peak bytes a run of ``case`` with ``draws`` draws needs (above the measured peaks by 15 to 35 %)."""
    outputs = sum(len(s.outputs) for s in case.streams)
    inputs = sum(len(s.params) for s in case.streams)
    if case.soldier_prior is not None:  # the soldier case's own inputs, drawn by its sampler, are kept as well
        inputs += len(case.soldier_prior.slots)
    probes = len(case.checks) + sum(1 for c in case.claims.values() if c.quantity in TOTAL_SCOPES)
    calibration = LEDGER_CALIBRATION_BYTES if case.soldier_prior is not None else 0
    return LEDGER_BASE_BYTES + calibration + 8 * LEDGER_COPIES * (outputs + inputs + probes) * draws


def check_ledger_memory(case: LedgerCase, draws: int) -> None:
    """Refuse, in one line before anything runs, a ledger run that would not fit the memory budget."""
    budget = memory_budget()
    need = ledger_bytes(case, draws)
    if need <= budget:
        return
    lo, hi = 0, draws
    while lo < hi:  # the most draws within the budget
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if ledger_bytes(case, mid) <= budget else (lo, mid - 1)
    raise InputError(
        None,
        "--draws",
        f"{draws:,} draws of the ledger {case.name} would need about {need / 1e9:.1f} GB, "
        f"over the memory budget of {budget / 1e9:g} GB",
        f"give --draws {lo:,} or fewer, or raise the budget with {MEMORY_ENV}=GB",
    )
