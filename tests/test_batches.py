"""Runs of more draws than one batch: bounded memory, the same numbers whatever the workers, pooled right."""

from __future__ import annotations

import numpy as np
import pytest

from troopledger.analysis import run
from troopledger.analysis._chunks import BATCH_DRAWS, Sketches, batch_grid, batch_seed
from troopledger.calibration import weighted_quantiles
from troopledger.model import Draws

CASE = "nk-russia-2024"


def test_the_batch_grid_and_seeds_depend_on_the_index_only() -> None:
    full = 10_000_000 // BATCH_DRAWS
    assert batch_grid(10_000_000) == [(i, BATCH_DRAWS) for i in range(full)] + [(full, 10_000_000 - full * BATCH_DRAWS)]
    assert batch_grid(5, 10) == [(0, 5)]
    seeds = [batch_seed(7, i) for i in range(50)]
    assert len(set(seeds)) == 50
    assert all(0 <= s < 2**63 for s in seeds)
    assert seeds == [batch_seed(7, i) for i in range(50)]
    assert batch_seed(8, 0) != seeds[0]
    # the i-th child of the run's seed, as SeedSequence.spawn gives it
    child = np.random.SeedSequence(7).spawn(3)[2]
    state = child.generate_state(2, np.uint32)
    assert batch_seed(7, 2) == (int(state[0]) << 31) | (int(state[1]) >> 1)


def _draws(x: np.ndarray) -> Draws:
    return Draws(["2025-01"], {"paid_by_russia": x}, {}, {}, {}, 0.0, 0, x.size)


@pytest.mark.parametrize("weighted", [False, True])
def test_pooled_quantiles_match_the_quantiles_of_all_draws(weighted: bool) -> None:
    rng = np.random.default_rng(3)
    sizes = [40_000, 40_000, 40_000, 15_000]
    parts = [rng.lognormal(19.5, 0.4, n) for n in sizes]
    weights = [rng.gamma(2.0, size=n) if weighted else None for n in sizes]
    pooled = Sketches()
    total = sum(sizes)
    for x, w in zip(parts, weights, strict=True):
        pooled.add(_draws(x), None if w is None else w / w.sum(), x.size / total)
    got = pooled.totals["paid_by_russia"].stats()
    scaled = [w / w.sum() * n / total for w, n in zip(weights, sizes, strict=True) if w is not None]
    allw = np.concatenate(scaled) if weighted else None
    x = np.concatenate(parts)
    want = weighted_quantiles(x, (0.05, 0.5, 0.95), allw)
    for stat, value in zip(("p5", "p50", "p95"), want, strict=True):
        assert got[stat] == pytest.approx(value, rel=2e-4)
    assert got["mean"] == pytest.approx(float(np.average(x, weights=allw)), rel=1e-12)
    errors = pooled.mc_error()["paid_by_russia"]
    assert all(0 < e < 0.05 * got["p50"] for e in errors.values())


def test_a_batched_run_gives_the_same_numbers_on_any_workers_and_pools_every_draw() -> None:
    one = run(CASE, 40_000, 5, batch=16_384, workers=1, sensitivity=False, contradictions=False)
    two = run(CASE, 40_000, 5, batch=16_384, workers=2, sensitivity=False, contradictions=False)
    assert one.main == two.main
    assert one.sample_stats == two.sample_stats
    assert one.draws == 40_000
    assert one.seed == 5
    assert one.main.draws == 40_000
    stats = one.sample_stats
    assert stats is not None
    assert stats["batches"]["count"] == 3
    assert stats["batches"]["draws_each"] == 16_384
    assert stats["mc_error"]["paid_by_russia"]["p50"] > 0
    w = np.asarray(one.weights)
    assert one.main.effective_draws > 2 * w.sum() ** 2 / (w * w).sum()  # every batch's, not batch 0's alone
    assert one.main.seed == 5
    assert one.prior.seed == 5
    # the same run in one go is another estimate of the same figures, within a few Monte Carlo errors
    whole = run(CASE, 40_000, 5, sensitivity=False, contradictions=False)
    assert whole.sample_stats is not None
    p50, err = whole.main.totals["paid_by_russia"]["p50"], stats["mc_error"]["paid_by_russia"]["p50"]
    assert abs(one.main.totals["paid_by_russia"]["p50"] - p50) < 6 * max(
        err, whole.sample_stats["mc_error"]["paid_by_russia"]["p50"]
    )


def test_runs_within_one_batch_are_unchanged_and_prior_only_runs_batch_too() -> None:
    a = run(CASE, 3_000, 2, sensitivity=False, contradictions=False)
    b = run(CASE, 3_000, 2, batch=3_000, sensitivity=False, contradictions=False)
    assert a.main == b.main
    prior = run(CASE, 20_000, 2, batch=8_192, calibrate=False, sensitivity=False)
    assert prior.posterior is None
    assert prior.draws == 20_000
    assert prior.prior.draws == 20_000
    assert prior.prior_draws.draws == 8_192  # the declared subsample: batch 0
