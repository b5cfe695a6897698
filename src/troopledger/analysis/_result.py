"""One run of a case, one :class:`Result`: resolve once, draw once, calibrate once, summarise.

:func:`run` is the pipeline's single entry point: the case file is resolved into a
:class:`~troopledger.evidence.Prior` (distributions built once), its claims are
compiled into observations once, the prior is drawn and, where claims observe
derived quantities, weighted or tempered into a posterior; contradictions,
sensitivity and (on request) claim influence are computed from the same objects.
The :class:`Result`'s groups follow ArviZ's ``InferenceData``: ``prior``,
``posterior``, ``observed_data``, ``weights``, ``sample_stats``, plus
``contradictions``, ``sensitivity`` and ``influence``. Every report is built from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from troopledger._progress import Stages, quiet
from troopledger.analysis._desk import Desk, DeskTables
from troopledger.analysis._sensitivity import Sensitivity, rank_sensitivity
from troopledger.analysis._summary import Summary, interval_stats, summarize_draws
from troopledger.calibration import (
    TEMPERING_PARTICLES,
    Calibration,
    Conflict,
    Contradiction,
    ContradictionScan,
    Influence,
    Observations,
    compile_observations,
    group_conflicts,
    scan_contradictions,
)
from troopledger.calibration import calibrate as calibrate_prior
from troopledger.calibration import influence as claim_influence
from troopledger.claims import Claim
from troopledger.errors import TroopledgerError
from troopledger.evidence import Case, Prior, load_case, resolve
from troopledger.model import DEFAULT_CHUNK, HEADLINE_TOTALS, Draws, Executor, Progress, collect

if TYPE_CHECKING:
    import pandas as pd
    import xarray as xr

__all__ = ["Result", "register_result_view", "run"]

#: How a Result shows itself (``repr``, ``html``) and plots (``plot``): filled by the report
#: package when it is imported (it may read analysis; analysis never imports the report).
_VIEWS: dict[str, Callable[[Result], Any]] = {}


def register_result_view(name: str, view: Callable[[Result], Any]) -> None:
    """Let a later stage show a Result: ``repr`` (short text), ``html`` (notebook) or ``plot`` (chart accessor)."""
    if name not in ("repr", "html", "plot"):
        raise ValueError(f"unknown result view {name!r}: use repr, html or plot")
    _VIEWS[name] = view


@dataclass(frozen=True)
class Result:
    """Everything one run found, in groups named after ArviZ's ``InferenceData``.

    ``prior``/``posterior``: summaries of the prior draws and of the calibrated ones
    (``posterior`` is None when the run was not calibrated; when it is not None, the
    prior's monthly bands are left out, as no report shows them); ``observed_data``: the
    claims used as observations; ``weights``: importance weights of the posterior draws
    (None unless the posterior is importance-weighted); ``sample_stats``: the
    calibration diagnostics (method, Pareto k-hat, ESS, evidence, claims skipped);
    ``contradictions``, ``sensitivity`` and ``influence`` (None where not computed);
    ``desk``: the currency the summaries are in, totals by window and given-data
    sensitivity. ``case`` is the resolved Prior every group was computed from;
    ``prior_draws`` the per-draw values the prior summary came from, in the report's
    currency, ``posterior_draws`` the draws the ``weights`` belong to (the robust
    sampler's proposals), in the same currency.
    """

    case: Prior
    seed: int
    draws: int
    prior: Summary
    posterior: Summary | None
    observed_data: Observations | None
    weights: NDArray[Any] | None
    sample_stats: dict[str, Any] | None
    contradictions: tuple[Contradiction, ...]
    sensitivity: Sensitivity | None
    influence: tuple[Influence, ...] | None
    prior_draws: Draws
    posterior_draws: Draws | None = None
    #: the analyst's desk: currency, windows, given-data sensitivity (see :class:`Desk`)
    desk: DeskTables = field(default_factory=DeskTables)
    #: the contradiction sets grouped by suspect (every set in exactly one conflict)
    conflicts: tuple[Conflict, ...] = ()
    #: contradiction sets the scan found (more than ``contradictions`` holds when it stopped at its limit)
    contradictions_found: int = 0

    @property
    def calibrated(self) -> bool:
        """True when the run weighed its prior by claims (a posterior exists)."""
        return self.posterior is not None

    @property
    def main(self) -> Summary:
        """The summary a report leads with: the posterior where there is one, else the prior."""
        return self.posterior or self.prior

    @property
    def headline(self) -> dict[str, dict[str, float]]:
        """The headline totals (paid by Russia, kept by the state, to soldiers, to families): mean, p5, p50, p95."""
        return {k: dict(self.main.totals[k]) for k in HEADLINE_TOTALS if k in self.main.totals}

    def state_share(self) -> dict[str, float] | None:
        """The share of Russia's payments the state keeps, draw by draw, weighted like the headline: mean, p5, p50, p95.

        None when the run kept no per-draw totals of both accounts.
        """
        d = self.posterior_draws if self.posterior_draws is not None else self.prior_draws
        w = self.weights if self.posterior_draws is not None else None
        paid, kept = d.totals.get("paid_by_russia"), d.totals.get("to_state")
        if paid is None or kept is None:
            return None
        share = np.divide(kept, paid, out=np.zeros(paid.shape, dtype=float), where=paid > 0)
        return interval_stats(share, w)

    def to_xarray(self) -> xr.DataTree:
        """An ``xarray.DataTree`` of ArviZ's groups: prior, posterior (with ``weight``), observed_data, sample_stats."""
        from troopledger.analysis._result_tree import to_datatree

        return to_datatree(self)

    def to_dataframe(self) -> pd.DataFrame:
        """A tidy pandas table: p5, p50, p95 (and mean) of each account, per month and over the horizon."""
        from troopledger.analysis._result_tree import to_dataframe

        return to_dataframe(self)

    def save(self, path: str | Path) -> Path:
        """Write every group to a NetCDF-4 file (``.nc``), atomically; ``troopledger.load_result`` reads it back."""
        from troopledger.analysis._result_tree import save_result

        return save_result(self, path)

    @property
    def plot(self) -> Any:
        """The page's Plotly charts from Python: ``result.plot.fan("paid_by_russia")``, ``result.plot.sankey()``."""
        return self._view("plot")

    def _view(self, name: str) -> Any:
        view = _VIEWS.get(name)
        if view is None:
            raise TroopledgerError(f"Result.{name} needs the report package: import troopledger.report first")
        return view(self)

    def _repr_html_(self) -> str | None:
        """A compact notebook view (headline, accounts, conflicts), a few kilobytes."""
        view = _VIEWS.get("html")
        return None if view is None else str(view(self))

    def __repr__(self) -> str:
        view = _VIEWS.get("repr")
        if view is not None:
            return str(view(self))
        kind = "calibrated" if self.calibrated else "prior only"
        return f"<troopledger Result: {self.case.name}, {self.draws:,} draws, seed {self.seed}, {kind}>"


def run(
    case: Case | Prior | str | Path | None = None,
    draws: int = 100_000,
    seed: int = 0,
    *,
    claims: Sequence[Claim] = (),
    calibrate: bool | None = None,
    contradictions: bool = True,
    sensitivity: bool = True,
    influence: bool = False,
    influence_draws: int = 16_384,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
    particles: int = TEMPERING_PARTICLES,
    executor: Executor | None = None,
    desk: Desk | None = None,
    stages: Stages | None = None,
) -> Result:
    """Run a case once and return every group of its :class:`Result`: the figures ``troopledger report`` prints.

    ``case`` is a case file (resolved here, with ``claims`` merged in), an already
    resolved Prior, or a bundled case's name or a case file's path (None: the default case).
    ``calibrate`` weighs the prior by the claims about
    totals, counts and take-home pay (default: when the case has such claims); the
    contradiction scan runs with calibration. Same seed, same numbers, whatever the
    chunk size, the number of workers or the ``executor`` the chunks run on (local
    processes, a Dask cluster). ``influence`` adds the claim-influence table
    (one re-run per lineage of claims, ``influence_draws`` draws each). ``desk``
    chooses the currency, windows and given-data sensitivity of the summaries;
    calibration and contradictions always work in US dollars. ``stages`` hears each
    stage (prior draws, calibration, contradictions, sensitivity, influence) as it starts.
    """
    say = quiet(stages)
    if progress is None and stages is not None:
        progress = say.advance  # the draws of the prior count as the steps of its stage
    say.begin("resolving the case")
    if case is None or isinstance(case, str | Path):
        case = load_case(case)
    prior = case if isinstance(case, Prior) and not claims else resolve(_casefile(case), claims)
    desk = desk or Desk(given_data=sensitivity)
    conv = desk.conversion(prior)
    desk.window_list(prior)  # a bad --window fails now, before any drawing
    groups = DeskTables() if conv is None else DeskTables(currency=conv.describe())
    every = compile_observations(prior)
    evidence = every.evidence()
    if calibrate is None:
        calibrate = len(evidence) > 0
    say.begin("prior draws", draws)
    if not calibrate:
        kept = collect(prior, draws, seed, chunk_size=chunk_size, workers=workers, progress=progress, executor=executor)
        say.begin("summaries and sensitivity")
        shown = desk.view(prior, kept, conv)
        return Result(
            prior,
            seed,
            draws,
            summarize_draws(shown),
            None,
            None,
            None,
            None,
            (),
            rank_sensitivity(shown) if sensitivity else None,
            _influence(prior, every, seed, influence_draws, influence, stages=stages),
            shown,
            None,
            groups | desk.tables(prior, shown, None),
        )
    cal = calibrate_prior(
        prior,
        draws,
        seed,
        observations=every,
        chunk_size=chunk_size,
        workers=workers,
        progress=progress,
        particles=particles,
        executor=executor,
        stages=stages,
    )
    if contradictions:
        say.begin("contradictions")
    scan = (
        scan_contradictions(prior, observations=every, wrong=cal.wrong, workers=workers)
        if contradictions
        else ContradictionScan((), 0, 0)
    )
    shown = prior_shown = desk.view(prior, cal.prior_draws, conv)
    # with a posterior, reports chart its monthly bands only: the prior's are not computed
    prior_summary = summarize_draws(shown, bands=cal.posterior_draws is None)
    say.begin("summaries and sensitivity")
    posterior = None
    weights = cal.posterior_weights
    if cal.posterior_draws is not None:
        shown = desk.view(prior, cal.posterior_draws, conv)
        posterior = summarize_draws(shown, weights)
    return Result(
        prior,
        seed,
        draws,
        prior_summary,
        posterior,
        cal.observations,
        cal.posterior_weights,
        cal.diagnostics(),
        scan.contradictions,
        rank_sensitivity(shown, weights=weights) if sensitivity else None,
        _influence(prior, every, seed, influence_draws, influence, cal, stages=stages),
        prior_shown,
        None if cal.posterior_draws is None else shown,
        groups | desk.tables(prior, shown, weights),
        tuple(group_conflicts(scan.contradictions, _misfit_claims(cal))),
        scan.found,
    )


def _misfit_claims(cal: Calibration) -> dict[str, list[str]]:
    """Claim id -> the structural assumptions it is a misfit of."""
    out: dict[str, list[str]] = {}
    for m in cal.misfits:
        for c in m.claims:
            out.setdefault(c, []).append(m.assumption)
    return out


def _casefile(case: Case | Prior) -> Case:
    return case.casefile if isinstance(case, Prior) else case


def _influence(
    prior: Prior,
    every: Observations,
    seed: int,
    draws: int,
    wanted: bool,
    cal: Calibration | None = None,
    *,
    stages: Stages | None = None,
) -> tuple[Influence, ...] | None:
    if not wanted:
        return None
    return tuple(claim_influence(prior, draws=draws, seed=seed, observations=every, calibration=cal, stages=stages))
