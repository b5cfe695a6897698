"""Streams calibrated on their own evidence: the soldier stream on its soldier case's claims, as a cut.

Weighing the whole ledger by the soldier case's calibration would multiply that
posterior's importance weights into every stream's draws and leave the ledger a few
dozen effective draws. So the calibration is modular (a "cut", Plummer 2015): the
soldier case is calibrated exactly as ``troopledger report <soldier case>`` calibrates
it (the same claims, the same robust importance sampling, the same seed, and that report's
default draws, :data:`CALIBRATION_DRAWS`, or the ledger's if more, up to one batch of
:data:`~troopledger.analysis.BATCH_DRAWS`), and the ledger's soldier stream resamples its
inputs from that weighted posterior. The other streams keep their own
inputs, and the inputs streams share (the state's cut of overseas earnings, exchange
rates) are still drawn once for all of them. The soldier posterior hears nothing from
the ledger's other claims: a weighed check that reads only a calibrated stream is shown
against it but does not weigh the draws (:func:`~troopledger.analysis.weighing_checks`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from troopledger.analysis._chunks import BATCH_DRAWS
from troopledger.analysis._ledger_case import LedgerCase
from troopledger.calibration import posterior
from troopledger.model.streams import soldier_stream

__all__ = ["CALIBRATION_DRAWS", "MIN_CALIBRATION_DRAWS", "StreamCalibration", "calibrate_streams"]

#: Draws the soldier stream is calibrated on unless the ledger runs more: the soldier report's default,
#: so the ledger's soldier stream is that report's posterior (same seed), resampled.
CALIBRATION_DRAWS = 100_000
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
    case: LedgerCase, draws: int, seed: int, *, workers: int = 2, at_least: int = CALIBRATION_DRAWS
) -> tuple[LedgerCase, tuple[StreamCalibration, ...]]:
    """``case`` with its soldier stream drawn from the soldier case's calibrated posterior, and how it was calibrated.

    The soldier case is calibrated with ``seed`` on ``draws`` draws or ``at_least`` if more (at least
    :data:`MIN_CALIBRATION_DRAWS`, at most one batch), on ``workers`` threads (the same numbers on any
    number). A case with no soldier stream, or whose soldier case has no claims to weigh by, comes back
    as it was.
    """
    prior = case.soldier_prior
    if prior is None or "soldiers" in case.calibrated:
        return case, ()
    n = min(max(draws, at_least, MIN_CALIBRATION_DRAWS), BATCH_DRAWS)
    post = posterior(prior, n, seed, workers=workers)  # calibrate's posterior step, without its prior run
    if post is None:
        return case, ()
    done = StreamCalibration(
        stream="soldiers",
        case=prior.name,
        method="robust importance",
        claims=tuple(post.observations.ids),
        skipped=len(post.skipped),
        draws=n,
        effective_draws=float(post.weights.ess),
        pareto_khat=float(post.weights.khat),
        degenerate=post.weights.degenerate,
    )
    note = (
        f"Calibrated on {len(done.claims)} claims of {prior.name} ({done.method} sampling, "
        f"{done.effective_draws:,.0f} effective draws of {n:,}); the ledger resamples its draws."
    )
    stream = soldier_stream(
        prior, shared_state_cut=case.shared_state_cut, posterior=(post.params, post.weights.weights), notes=note
    )
    streams = tuple(stream if s.name == "soldiers" else s for s in case.streams)
    return replace(case, streams=streams, calibrated=(*case.calibrated, "soldiers")), (done,)
