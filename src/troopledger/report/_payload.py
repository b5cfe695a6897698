"""The report as plain data: the one object every output format renders.

Its keys follow the JSON contract of DESIGN §7: ``case``, ``seed``, ``draws``,
``months``, ``totals``, ``monthly``, ``parameters``, ``claims``,
``contradictions`` and ``conservation_max_abs_error_usd``, plus the soldier's view,
derived outputs, rewards, conventions and run metadata.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

from troopledger._version import __version__
from troopledger.analysis import RELIABILITY, History, Result

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


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def _clean(obj: Any) -> Any:
    """Replace NaN and infinities (not valid JSON) with None, recursively."""
    if isinstance(obj, float):
        return _finite(obj)
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    return obj


def _parameters(result: Result) -> dict[str, Any]:
    """Each drawn input's summary with its unit, meaning, distribution, claims and note."""
    prior, main = result.case, result.main
    code = str((result.desk.get("currency") or {}).get("currency") or "")
    params: dict[str, Any] = {}
    for name, stats in main.parameters.items():
        slot = prior.slots.get(name)
        unit, meaning = prior.describe_input(name)
        entry: dict[str, Any] = dict(stats)
        entry["claims"] = list(prior.cited.get(name, ()))
        entry["unit"] = code + unit[3:] if code and unit.startswith("USD") else unit  # converted inputs
        entry["meaning"] = meaning
        entry["distribution"] = slot.distribution.describe() if slot else "derived from pay by rank"
        entry["note"] = slot.note if slot else ""
        entry["assumption"] = not entry["claims"]
        if result.posterior is not None:
            entry["prior"] = result.prior.parameters.get(name)
        params[name] = entry
    uses = prior.casefile.state_uses
    params["state_uses"] = {
        "claims": list(uses.claims),
        "distribution": prior.state_uses.describe(),
        "note": uses.note,
        "assumption": not uses.claims,
    }
    return params


def _unusable_claims(result: Result) -> list[dict[str, str]]:
    """Accepted claims the run could not use, each with why: the report warns about every one."""
    prior = result.case
    by_id = {c.id: c for c in prior.claims}
    cited = {cid for ids in prior.cited.values() for cid in ids}  # these built an input: used
    out = dict(prior.unusable)
    for s in (result.sample_stats or {}).get("skipped", []):
        claim = by_id.get(str(s.get("claim")))
        if claim is not None and claim.status in ("accepted", "edited") and claim.id not in cited:
            out.setdefault(claim.id, str(s.get("reason", "")))
    return [{"claim": cid, "quantity": by_id[cid].quantity, "reason": why} for cid, why in out.items() if cid in by_id]


def build_payload(result: Result, *, history: History | None = None) -> dict[str, Any]:
    """The report object of one run: every format renders this and nothing else.

    A run of an as-of view of a case carries ``as_of``; ``history`` adds the case's
    estimate over as-of days and its hindcast (``payload["history"]``).
    """
    prior, main = result.case, result.main
    casefile = prior.casefile
    claims = {c.id: c.model_dump(mode="json") for c in prior.claims}
    run_hash = hashlib.sha256(
        json.dumps({"case": casefile.digest, "claims": claims}, sort_keys=True).encode()
    ).hexdigest()
    stats = result.sample_stats or {}
    for cid, p_wrong in (stats.get("claims_wrong_posterior") or {}).items():
        if cid in claims:  # the posterior's judgement of each claim, beside the claim
            claims[cid]["wrong_probability"] = p_wrong
            claims[cid]["right_prior"] = (stats.get("claims_right_prior") or {}).get(cid)
    payload: dict[str, Any] = {
        "case": prior.name,
        "title": casefile.case.title,
        "description": casefile.case.description.strip(),
        "seed": main.seed,
        "draws": main.draws,
        "months": main.months,
        "totals": main.totals,
        "monthly": main.monthly,
        "derived": main.derived,
        "parameters": _parameters(result),
        "claims": claims,
        "contradictions": [c.as_dict() for c in result.contradictions],
        "contradictions_found": result.contradictions_found,
        "conflicts": [c.as_dict() for c in result.conflicts],
        "unusable_claims": _unusable_claims(result),
        "rewards": [r.model_dump() for r in casefile.rewards],
        "conservation_max_abs_error_usd": main.conservation_max_abs_error_usd,
        "monthly_bands_from_draws": main.monthly_from_draws,
        "conventions": CONVENTIONS,
        "calibrated": result.calibrated,
        "state_share": result.state_share(),
        "effective_draws": main.effective_draws,
        "metadata": {
            "troopledger_version": __version__,
            "case_sha256": casefile.digest,
            "case_and_claims_sha256": run_hash,
            "case_source": casefile.path,
        },
    }
    if result.posterior is not None:
        payload["prior"] = {"totals": result.prior.totals, "derived": result.prior.derived}
    if result.sample_stats is not None:
        payload["calibration"] = result.sample_stats
        payload["readings"] = result.sample_stats.get("readings", [])
        payload["mc_error"] = result.sample_stats.get("mc_error", {})
    if result.sensitivity is not None:
        payload["sensitivity"] = result.sensitivity
    if result.influence is not None:
        payload["influence"] = [r.as_dict() for r in result.influence]
    payload.update(result.desk)  # currency, windows, given-data sensitivity
    if casefile.scenario.get("name") or casefile.scenario.get("set"):
        payload["scenario"] = casefile.scenario
    if casefile.as_of:
        payload["as_of"] = casefile.as_of
    if casefile.forecast_from is not None:  # months past the case's own: a status-quo forecast
        payload["forecast_months"] = main.months[casefile.forecast_from :]
    if history is not None:
        payload["history"] = {k: v for k, v in history.as_dict().items() if k != "claims"}  # claims: in the report
    return _clean(payload)  # type: ignore[no-any-return]
