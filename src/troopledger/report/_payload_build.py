"""Building the report object of one run: :func:`build_payload` turns a Result into a :class:`ReportPayload`."""

from __future__ import annotations

import hashlib
import json

from troopledger._version import __version__
from troopledger.analysis import RELIABILITY, Band, History, Result, SampleStats
from troopledger.report._payload import (
    AppliedScenario,
    ClaimEntry,
    InputEntry,
    PriorTotals,
    ReportPayload,
    Reward,
    RunMetadata,
    Unusable,
)
from troopledger.report._payload_desk import GivenData, GivenDataOverTime, WindowTotals

__all__ = ["CONVENTIONS", "build_payload"]

CONVENTIONS = {
    "interval": "Every interval is a 90 % interval (5th to 95th percentile). A range 'a to b' in a source or case "
    "file is read as a 90 % interval: lognormal for positive amounts, beta for shares.",
    "point": "A point value 'about x' becomes a lognormal (beta for shares) whose 90 % interval is x/(1+s) to "
    "x*(1+s) for a spread s set per parameter.",
    "disagreement": "Where sources disagree, their readings are kept side by side as a weighted mixture, with "
    "weights from the kind of source ("
    + ", ".join(f"{kind.replace('_', ' ')} {w:.1f}" for kind, w in RELIABILITY.items())
    + ").",
    "accounts": "Every dollar Russia pays lands in exactly one of to_state, to_soldiers and to_families; the "
    "state's take is split into four uses by Dirichlet shares.",
    "dead_soldiers_pay": "The expected share of pay owed to soldiers who will be killed before their tour ends "
    "cannot reach them; part of it may reach their families, the rest stays with the state.",
}


def _bands(rows: dict[str, dict[str, float]]) -> dict[str, Band]:
    return {k: Band.from_stats(s) for k, s in rows.items()}


def _parameters(result: Result) -> dict[str, InputEntry]:
    """Each drawn input's summary with its unit, meaning, distribution, claims and note."""
    prior, main = result.case, result.main
    code = str((result.desk.get("currency") or {}).get("currency") or "")
    params: dict[str, InputEntry] = {}
    for name, stats in main.parameters.items():
        slot = prior.slots.get(name)
        unit, meaning = prior.describe_input(name)
        claims = tuple(prior.cited.get(name, ()))
        before = result.prior.parameters.get(name) if result.posterior is not None else None
        params[name] = InputEntry(
            band=Band.from_stats(stats),
            claims=claims,
            distribution=slot.distribution.describe() if slot else "derived from pay by rank",
            note=slot.note if slot else "",
            assumption=not claims,
            unit=code + unit[3:] if code and unit.startswith("USD") else unit,  # converted inputs
            meaning=meaning,
            prior=None if before is None else Band.from_stats(before),
            with_prior=result.posterior is not None,
        )
    uses = prior.casefile.state_uses
    params["state_uses"] = InputEntry(
        band=None,
        claims=tuple(uses.claims),
        distribution=prior.state_uses.describe(),
        note=uses.note,
        assumption=not uses.claims,
    )
    return params


def _unusable_claims(result: Result, stats: SampleStats | None) -> tuple[Unusable, ...]:
    """Accepted claims the run could not use, each with why: the report warns about every one."""
    prior = result.case
    by_id = {c.id: c for c in prior.claims}
    cited = {cid for ids in prior.cited.values() for cid in ids}  # these built an input: used
    out = dict(prior.unusable)
    skipped = () if stats is None else stats.skipped
    for s in skipped:
        claim = by_id.get(s.claim)
        if claim is not None and claim.status in ("accepted", "edited") and claim.id not in cited:
            out.setdefault(claim.id, s.reason)
    return tuple(Unusable(cid, by_id[cid].quantity, why) for cid, why in out.items() if cid in by_id)


def build_payload(result: Result, *, history: History | None = None) -> ReportPayload:
    """The report object of one run: every format renders this and nothing else.

    A run of an as-of view of a case carries ``as_of``; ``history`` adds the case's
    estimate over as-of days and its hindcast (``payload.history``).
    """
    prior, main = result.case, result.main
    casefile = prior.casefile
    dumped = {c.id: c.model_dump(mode="json") for c in prior.claims}
    run_hash = hashlib.sha256(
        json.dumps({"case": casefile.digest, "claims": dumped}, sort_keys=True).encode()
    ).hexdigest()
    sample = None if result.sample_stats is None else SampleStats.from_json(result.sample_stats)
    wrong = {} if sample is None else sample.claims_wrong_posterior
    right = {} if sample is None else sample.claims_right_prior
    claims = {  # the posterior's judgement of each claim, beside the claim
        c.id: ClaimEntry(c, wrong[c.id], right.get(c.id)) if c.id in wrong else ClaimEntry(c) for c in prior.claims
    }
    desk = result.desk
    return ReportPayload(
        case=prior.name,
        title=casefile.case.title,
        description=casefile.case.description.strip(),
        seed=main.seed,
        draws=main.draws,
        months=main.months,
        totals=_bands(main.totals),
        monthly=main.monthly,
        derived=_bands(main.derived),
        parameters=_parameters(result),
        claims=claims,
        contradictions=tuple(result.contradictions),
        contradictions_found=result.contradictions_found,
        conflicts=tuple(result.conflicts),
        unusable_claims=_unusable_claims(result, sample),
        rewards=tuple(Reward(r.text, tuple(r.claims)) for r in casefile.rewards),
        conservation_max_abs_error_usd=main.conservation_max_abs_error_usd,
        monthly_bands_from_draws=main.monthly_from_draws,
        conventions=CONVENTIONS,
        calibrated=result.calibrated,
        state_share=None if (share := result.state_share()) is None else Band.from_stats(share),
        effective_draws=main.effective_draws,
        metadata=RunMetadata(__version__, casefile.digest, run_hash, casefile.path),
        prior=None
        if result.posterior is None
        else PriorTotals(_bands(result.prior.totals), _bands(result.prior.derived)),
        calibration=sample,
        readings=() if sample is None else sample.readings,
        mc_error={} if sample is None else sample.mc_error,
        sensitivity=result.sensitivity,
        influence=None if result.influence is None else tuple(result.influence),
        currency=desk.get("currency"),
        windows=None if "windows" not in desk else tuple(WindowTotals.from_json(w) for w in desk["windows"]),
        given_data_sensitivity=None if (g := desk.get("given_data_sensitivity")) is None else GivenData.from_json(g),
        sensitivity_over_time=None
        if (t := desk.get("sensitivity_over_time")) is None
        else GivenDataOverTime.from_json(t),
        scenario=AppliedScenario.from_case(casefile.scenario),
        as_of=casefile.as_of or None,
        # months past the case's own: a status-quo forecast
        forecast_months=None if casefile.forecast_from is None else main.months[casefile.forecast_from :],
        history=history,
    )
