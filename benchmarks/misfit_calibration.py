"""Is P(wrong) calibrated when the model, not the claim, is wrong? A simulation.

A toy deployment: 10,000 soldiers in theatre; dated counts of the killed by months
1 to 10, each from its own lineage, said "about" (the hedge's spread on the log
scale). The model has **one monthly hazard** (lognormal prior, 0.3 % to 4 %). Two
truths generate the counts:

* ``constant``: the model's own form (well specified);
* ``rising``: the hazard triples after month 5 (misspecified: one hazard cannot
  follow it).

In either, each claim is wrong with probability ``wrong_share`` (off by a factor of
3 to 10, either way). The posterior is the robust calibration's (importance-weighted
prior draws, robust likelihoods); each claim gets P(wrong), its posterior predictive
checks and a judgement (:func:`troopledger.calibration.judge_claims`). Reported: how
often claims that are right and claims that are wrong are flagged, by P(wrong) >= 0.5
alone and by the judgement "likely wrong" (which holds back where the model cannot
follow independent claims), and mean P(wrong) against the share actually wrong.

    .venv/bin/python benchmarks/misfit_calibration.py
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

import numpy as np

from troopledger.calibration import (
    HEDGE_WIDTH,
    WRONG_AT,
    ErrorModel,
    Observation,
    Observations,
    RobustObservations,
    check_claims,
    importance_weights,
    judge_claims,
    structural_misfits,
)
from troopledger.claims import Claim
from troopledger.evidence import Z90

TROOPS = 10_000.0
MONTHS = np.arange(1, 11, dtype=np.float64)  # each claim: killed by the end of this month
DRAWS = 20_000


@dataclass(frozen=True)
class Rates:
    """Flag rates and P(wrong) summaries over every simulated claim of one setting."""

    truth: str
    right_flagged: float  # share of right claims with P(wrong) >= 0.5
    wrong_flagged: float  # share of wrong claims with P(wrong) >= 0.5
    right_judged: float  # share of right claims judged "likely wrong"
    wrong_judged: float  # share of wrong claims judged "likely wrong"
    mean_p_wrong: float  # mean P(wrong) over all claims
    mean_p_judged: float  # mean P(wrong) over all claims, a structural misfit allowed where one is reported
    share_wrong: float  # share of claims actually wrong
    misfit_reported: float  # share of replications reporting a structural misfit


def _claim(i: int, value: float) -> Claim:
    return Claim(
        id=f"k{i}",
        quantity="casualties_killed",
        value=value,
        speaker=f"source {i}",
        speaker_kind="intelligence",
        hedge="about",
        status="accepted",
        lineage=f"lineage-{i}",
    )


def _observations(said: list[float], spread: float) -> Observations:
    items = []
    for i, v in enumerate(said):
        err = ErrorModel("log1p", "two", math.log1p(v), spread)  # an "about" count, as the calibration reads one
        items.append(Observation(_claim(i, v), lambda o, p: o["x"], err, "killed", "persons"))
    return Observations(items)


def simulate(truth: str, reps: int = 200, wrong_share: float = 0.1, seed: int = 1) -> Rates:
    """Flag rates of P(wrong) and of the judgement over ``reps`` simulated records under ``truth``."""
    rng = np.random.default_rng(seed)
    mu, sd = math.log(0.011), (math.log(0.04) - math.log(0.003)) / (2 * Z90)
    hazard = np.exp(mu + sd * rng.standard_normal(DRAWS))  # prior draws of the model's one hazard
    values = TROOPS * hazard[:, None] * MONTHS[None, :]  # (draws, claims): killed by each month
    spread = math.log1p(HEDGE_WIDTH["about"]) / Z90
    right_flag, wrong_flag, right_judge, wrong_judge, p_all, is_wrong, misfit = [], [], [], [], [], [], []
    p_judged: list[float] = []
    for _ in range(reps):
        h = float(np.exp(mu + sd * rng.standard_normal()))
        path = np.full(MONTHS.size, h)
        if truth == "rising":
            path[5:] *= 3.0
        true_counts = TROOPS * np.cumsum(path)
        wrong = rng.random(MONTHS.size) < wrong_share
        g = np.log1p(true_counts) + spread * rng.standard_normal(MONTHS.size)
        g += wrong * rng.choice([-1.0, 1.0], MONTHS.size) * np.log(rng.uniform(3.0, 10.0, MONTHS.size))
        obs = _observations([float(x) for x in np.expm1(g)], spread)
        robust = RobustObservations.build(obs)
        ll, log_wrong = robust.both(values)
        w = importance_weights(ll.sum(axis=1)).weights
        p_wrong = (w[:, None] * np.exp(log_wrong)).sum(axis=0) / w.sum()
        checks = check_claims(robust, values, w, range(MONTHS.size))
        misfits = structural_misfits(robust, checks, values, w, range(MONTHS.size))
        judged = judge_claims(checks, misfits, dict(zip(obs.ids, p_wrong.tolist(), strict=True)))
        misfit.append(bool(misfits))
        for j, cid in enumerate(obs.ids):
            flagged, called = p_wrong[j] >= WRONG_AT, judged[cid].startswith("likely wrong")
            (wrong_flag if wrong[j] else right_flag).append(flagged)
            (wrong_judge if wrong[j] else right_judge).append(called)
            p_all.append(p_wrong[j])
            p_judged.append(min((m.wrong_given[cid] for m in misfits if cid in m.wrong_given), default=p_wrong[j]))
            is_wrong.append(wrong[j])
    return Rates(
        truth,
        float(np.mean(right_flag)),
        float(np.mean(wrong_flag)),
        float(np.mean(right_judge)),
        float(np.mean(wrong_judge)),
        float(np.mean(p_all)),
        float(np.mean(p_judged)),
        float(np.mean(is_wrong)),
        float(np.mean(misfit)),
    )


def main(argv: list[str]) -> None:
    """Print the table of docs/calibration.md ("Misfit is not wrongness")."""
    reps = int(argv[0]) if argv else 200
    print(
        "| truth | right claims flagged (P>=0.5) | wrong claims flagged | right judged wrong | wrong judged wrong"
        " | mean P(wrong) | mean P(wrong), misfit allowed | share wrong | runs reporting a structural misfit |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for truth in ("constant", "rising"):
        r = simulate(truth, reps)
        print(
            f"| {truth} | {r.right_flagged:.1%} | {r.wrong_flagged:.1%} | {r.right_judged:.1%} | {r.wrong_judged:.1%}"
            f" | {r.mean_p_wrong:.3f} | {r.mean_p_judged:.3f} | {r.share_wrong:.3f} | {r.misfit_reported:.0%} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
