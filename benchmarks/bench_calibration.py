"""Benchmark calibration: where the CPU time of one calibrated run goes, step by step.

For each bundled case it runs ``troopledger.run`` once (as ``troopledger report``
does) and prints the CPU seconds of each step: the prior run (``collect``), the
dependency graph, the tempering pilot and proposal fit, the posterior draws
(``collect_chunks``), the importance weights (PSIS), the readings, the contradiction
scan, the two summaries, the posterior sensitivity and the RBD-FAST indices. CPU seconds, not wall time:
the development machine is shared, and CPU time is what a quiet machine would take
on one core.

With ``--ess`` it measures the sampler instead (docs/calibration.md, "Why the record
case keeps about 1 % effective draws"): the effective draws, Pareto k, the draws that
carry all but 1e-6 of the weight (what the summaries must sort) and the headline
medians and bands, for the pilot's proposal, for the proposal calibrate uses (after its
two adaptive steps, calibration/_adaptive.py) and after one and two steps of the first
measured adaptive importance sampling (each proposal component refitted to 16,384
weighted draws of the last, widened 1.2 times, with 10 % defensive draws, no shrinkage),
and the effective draws left when each claim is dropped.

Run:  .venv/bin/python benchmarks/bench_calibration.py [--draws 100000] [--seed 0] [--ess]
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

import troopledger.analysis._desk as desk_module
import troopledger.analysis._result as result_module
import troopledger.calibration._tempering as tempering_module
import troopledger.calibration._workflow as workflow_module
import troopledger.model._simulate as simulate_module
from troopledger.analysis import run
from troopledger.calibration import weighted_quantiles
from troopledger.calibration._adaptive import ADAPT_DRAWS, adapt
from troopledger.calibration._graph import dependency_graph
from troopledger.calibration._importance import importance_weights
from troopledger.calibration._observations import compile_observations
from troopledger.calibration._proposal import Proposal, fit_proposal
from troopledger.calibration._robust import RobustObservations, with_doubt
from troopledger.evidence import load_case, resolve
from troopledger.model import collect_chunks

STEPS = (
    (workflow_module, "collect", "prior run"),
    (workflow_module, "dependency_graph", "dependency graph"),
    (workflow_module, "fit_proposal", "tempering pilot and proposal"),
    (workflow_module, "collect_chunks", "posterior draws"),
    (workflow_module, "importance_weights", "importance weights (PSIS)"),
    (workflow_module, "readings", "readings"),
    (result_module, "scan_contradictions", "contradiction sets"),
    (result_module, "find_contradictions", "contradiction sets"),  # its name before issue 18
    (result_module, "summarize_draws", "summaries (prior, posterior)"),
    (result_module, "rank_sensitivity", "posterior sensitivity"),
    (desk_module, "given_data_sensitivity", "RBD-FAST on the posterior"),
    (desk_module, "sensitivity_over_time", "RBD-FAST month by month"),
)


def _timed(spent: dict[str, float], label: str, f: Callable[..., Any]) -> Callable[..., Any]:
    def g(*a: Any, **k: Any) -> Any:
        t = time.process_time()
        out = f(*a, **k)
        spent[label] = spent.get(label, 0.0) + time.process_time() - t
        return out

    return g


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cases", nargs="+", default=["nk-russia-record", "nk-russia-2024"])
    parser.add_argument("--ess", action="store_true", help="measure the sampler's effective draws instead")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if args.ess:
        for case in args.cases:
            _ess(case, args.draws, args.seed)
        return
    spent: dict[str, float] = {}
    for module, name, label in STEPS:
        if hasattr(module, name):  # a tree from before a rename (bench another tree with PYTHONPATH)
            setattr(module, name, _timed(spent, label, getattr(module, name)))
    model: dict[str, float] = {}
    for module in (simulate_module, workflow_module, tempering_module):  # every caller of the model
        module.run_draws = _timed(model, "model", module.run_draws)  # type: ignore[attr-defined]
    for case in args.cases:
        spent.clear()
        model.clear()
        casefile = load_case(case)
        t0 = time.process_time()
        run(casefile, args.draws, args.seed)
        total = time.process_time() - t0
        print(f"\n{case}: {args.draws:,} draws, {total:.2f} s CPU in all")
        for label in dict.fromkeys(label for _, _, label in STEPS):
            print(f"  {label:32s} {spent.get(label, 0.0):6.2f} s")
        print(f"  {'everything else':32s} {total - sum(spent.values()):6.2f} s")
        print(f"  {'of all these, model runs':32s} {model.get('model', 0.0):6.2f} s")


def _ess(case: str, draws: int, seed: int) -> None:
    """Print the sampler's efficiency for the fitted proposal and after adaptive refits."""
    prior = resolve(load_case(case))
    every = compile_observations(prior)
    obs = every.evidence()
    doubted = with_doubt(prior)
    claims = compile_observations(doubted, claims=[o.claim for o in every.items])
    robust = RobustObservations.build(claims)
    cols = [claims.ids.index(i) for i in obs.ids]
    evidence = RobustObservations(claims.subset(obs.ids), tuple(robust.p_right[j] for j in cols))
    observed = sorted(set().union(*dependency_graph(doubted, evidence, seed).values()))
    fitted = fit_proposal(doubted, evidence, observed, seed)

    def weigh(q: Proposal, n: int, s: int) -> tuple[Any, Any, Any, Any, Any]:
        params, log_ratio = q.draw(doubted, n, s)
        chunks = workflow_module.particle_chunks(doubted, params)
        d = collect_chunks(doubted, chunks, n, s, observations=claims, monthly_cap=1)
        ll, _ = robust.both(np.asarray(d.observed, dtype=np.float64))
        z, _, _ = q.latent(doubted, n, s)
        raw = ll[:, cols].sum(axis=1) + log_ratio
        return importance_weights(raw), np.stack([z[k] for k in q.names], 1), d, ll, raw

    def show(label: str, q: Proposal) -> tuple[Any, Any]:
        w, _, d, ll, raw = weigh(q, draws, seed)
        o = np.sort(w.weights)
        carry = int((np.cumsum(o) > 1e-6 * o.sum()).sum())
        bands = "  ".join(
            f"{t} {' / '.join(f'{v / 1e6:.1f}' for v in weighted_quantiles(d.totals[t], (0.05, 0.5, 0.95), w.weights))}"
            for t in ("paid_by_russia", "to_state")
        )
        print(f"  {label:34s} ESS {w.ess:7,.0f}  k {w.khat:.2f}  draws carrying weight {carry:7,}  {bands} ($M)")
        return ll, raw

    print(f"\n{case}: {draws:,} draws, seed {seed}, {len(fitted.names)} weighted inputs, {len(fitted.mix)} components")
    ll, raw = show("fitted by the pilot alone", fitted)
    adapted, _ = adapt(fitted, doubted, evidence, seed, draws=min(ADAPT_DRAWS, max(draws // 4, 512)))
    show("as calibrate (two adaptive steps)", adapted)
    q = fitted
    for step in (1, 2):
        ws, x, _, _, _ = weigh(q, 16_384, seed + 1000 * step)
        q = _refit(q, ws.weights, x)
        show(f"after {step} adaptive step{'s' if step > 1 else ''}", q)
    print("  effective draws (unsmoothed) when one claim is left out:")
    base = _plain_ess(raw)
    for j, c in zip(obs.ids, cols, strict=True):
        print(f"    {j:8s} {_plain_ess(raw - ll[:, c]):9,.0f}  (all claims: {base:,.0f})")


def _plain_ess(log_w: Any) -> float:
    w = np.exp(log_w - np.max(log_w))
    return float(w.sum() ** 2 / np.square(w).sum())


def _refit(q: Proposal, w: Any, x: Any, widen: float = 1.2, defensive: float = 0.1) -> Proposal:
    """Each Gaussian component refitted to the weighted draws it is responsible for (one step of PMC)."""
    parts = []
    for m, c, p in zip(q.means, q.chols, q.mix, strict=True):
        y = np.linalg.solve(c, (x - m).T).T
        parts.append(np.log(p) - 0.5 * np.sum(y * y, axis=1) - np.sum(np.log(np.diag(c))))
    lp = np.stack(parts, axis=1)
    r = np.exp(lp - lp.max(axis=1, keepdims=True))
    r /= r.sum(axis=1, keepdims=True)
    means, chols, mix = [], [], []
    for k in range(r.shape[1]):
        wk = w * r[:, k]
        if wk.sum() <= 0:
            continue
        mu = (wk / wk.sum()) @ x
        xc = x - mu
        cov = (xc * (wk / wk.sum())[:, None]).T @ xc * widen**2 + np.eye(x.shape[1]) * 1e-6
        means.append(mu)
        chols.append(np.linalg.cholesky(cov))
        mix.append(wk.sum())
    share = np.asarray(mix) / np.sum(mix)
    return Proposal(q.names, np.stack(means), np.stack(chols), share, defensive, q.pilot)


if __name__ == "__main__":
    main()
