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
from troopledger.analysis import Summary
from troopledger.evidence import PARAMETERS, RELIABILITY, Case

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


def _unit(name: str) -> str:
    """Unit of a drawn parameter: a model input's own, or that of a wave's or rank's entry."""
    if name in PARAMETERS:
        return PARAMETERS[name].unit
    if name.endswith("_tour_months"):
        return "months"
    if name.startswith("wave_"):
        return "persons"
    return "USD/month"  # pay_rank_<rank>


def build_payload(
    case: Case,
    summary: Summary,
    *,
    contradictions: list[dict[str, Any]] | None = None,
    posterior: Summary | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Assemble the report object for ``case`` from its (prior) summary."""
    main = posterior or summary
    cited = case.cited_claims()
    dists = case.distributions()
    params: dict[str, Any] = {}
    for name, stats in main.parameters.items():
        info = PARAMETERS.get(name)
        spec = case.parameters.get(name)
        entry: dict[str, Any] = dict(stats)
        entry["claims"] = cited.get(name, [])
        entry["unit"] = _unit(name)
        entry["meaning"] = info.meaning if info else name.replace("_", " ")
        entry["distribution"] = dists[name].describe() if name in dists else "derived from pay by rank"
        entry["note"] = spec.note if spec else ""
        entry["assumption"] = not entry["claims"]
        if posterior is not None:
            entry["prior"] = summary.parameters.get(name)
        params[name] = entry
    params["state_uses"] = {
        "claims": list(case.state_uses.claims),
        "distribution": case.state_uses.distribution().describe(),
        "note": case.state_uses.note,
        "assumption": not case.state_uses.claims,
    }
    claims = {c.id: c.model_dump(mode="json") for c in case.resolved_claims()}
    run_hash = hashlib.sha256(json.dumps({"case": case.digest, "claims": claims}, sort_keys=True).encode()).hexdigest()
    payload: dict[str, Any] = {
        "case": case.name,
        "title": case.case.title,
        "description": case.case.description.strip(),
        "seed": main.seed,
        "draws": main.draws,
        "months": main.months,
        "totals": main.totals,
        "monthly": main.monthly,
        "derived": main.derived,
        "parameters": params,
        "claims": claims,
        "contradictions": contradictions or [],
        "rewards": [r.model_dump() for r in case.rewards],
        "conservation_max_abs_error_usd": main.conservation_max_abs_error_usd,
        "monthly_bands_from_draws": main.monthly_from_draws,
        "conventions": CONVENTIONS,
        "calibrated": posterior is not None,
        "effective_draws": main.effective_draws,
        "metadata": {
            "troopledger_version": __version__,
            "case_sha256": case.digest,
            "case_and_claims_sha256": run_hash,
            "case_source": case.path,
        },
    }
    if posterior is not None:
        payload["prior"] = {"totals": summary.totals, "derived": summary.derived}
    if extra:
        payload.update(extra)
    return _clean(payload)  # type: ignore[no-any-return]
