"""Streams calibrated on their own evidence: the soldier stream on its soldier case's claims, as a cut.

Weighing the whole ledger by the soldier case's calibration would multiply that
posterior's importance weights into every stream's draws and leave the ledger a few
dozen effective draws. So the calibration is modular (a "cut", Plummer 2015): the
soldier case is calibrated exactly as ``troopledger report <soldier case>`` calibrates
it (the same claims, the same robust importance sampling, the same draws and seed, up to
one batch of :data:`~troopledger.analysis.BATCH_DRAWS`), and the ledger's soldier stream
resamples its inputs from that weighted posterior. The other streams keep their own
inputs, and the inputs streams share (the state's cut of overseas earnings, exchange
rates) are still drawn once for all of them. The soldier posterior hears nothing from
the ledger's other claims: a weighed check that reads only a calibrated stream is shown
against it but does not weigh the draws (:func:`~troopledger.analysis.weighing_checks`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from troopledger.analysis._chunks import BATCH_DRAWS
from troopledger.analysis._ledger_case import LedgerCase
from troopledger.calibration import calibrate
from troopledger.model.streams import soldier_stream

__all__ = ["MIN_CALIBRATION_DRAWS", "StreamCalibration", "calibrate_streams"]

#: Fewest draws a stream is calibrated on (a calibrated soldier run needs at least 100).
MIN_CALIBRATION_DRAWS = 100


@dataclass(frozen=True)
class StreamCalibration:
    """How one stream was calibrated: on which case's claims, by what method, on how many draws, how well."""

    stream: str
    case: str
    method: str
    claims: tuple[str, ...]
    skipped: int
    draws: int
    effective_draws: float
    pareto_khat: float
    #: the weights fail the calibration's own test (Pareto k above 0.7 or too few effective draws): more draws needed
    degenerate: bool = False


def calibrate_streams(
    case: LedgerCase, draws: int, seed: int, *, workers: int = 2
) -> tuple[LedgerCase, tuple[StreamCalibration, ...]]:
    """``case`` with its soldier stream drawn from the soldier case's calibrated posterior, and how it was calibrated.

    The soldier case is calibrated on ``draws`` draws (at least :data:`MIN_CALIBRATION_DRAWS`, at most
    one batch) with ``seed``, on ``workers`` threads (the same numbers on any number). A case with no
    soldier stream, or whose soldier case has no claims to weigh by, comes back as it was.
    """
    prior = case.soldier_prior
    if prior is None or "soldiers" in case.calibrated:
        return case, ()
    n = min(max(draws, MIN_CALIBRATION_DRAWS), BATCH_DRAWS)
    cal = calibrate(prior, n, seed, workers=workers)
    if cal.weights is None or cal.proposal is None or cal.doubted is None:
        return case, ()
    inputs, _ = cal.proposal.draw(cal.doubted, n, seed)  # the posterior draws' inputs, as calibrate drew them
    done = StreamCalibration(
        stream="soldiers",
        case=prior.name,
        method=cal.method,
        claims=tuple(cal.observations.ids),
        skipped=len(cal.skipped),
        draws=n,
        effective_draws=float(cal.weights.ess),
        pareto_khat=float(cal.weights.khat),
        degenerate=cal.weights.degenerate,
    )
    note = (
        f"Calibrated on {len(done.claims)} claims of {prior.name} ({done.method} sampling, "
        f"{done.effective_draws:,.0f} effective draws of {n:,}); the ledger resamples its draws."
    )
    stream = soldier_stream(
        prior, shared_state_cut=case.shared_state_cut, posterior=(inputs, cal.weights.weights), notes=note
    )
    streams = tuple(stream if s.name == "soldiers" else s for s in case.streams)
    return replace(case, streams=streams, calibrated=(*case.calibrated, "soldiers")), (done,)
