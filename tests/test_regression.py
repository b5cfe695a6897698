"""Golden numbers: the seeded pipeline of both bundled cases, pinned.

As SALib's ``tests/test_regression.py`` does, this fixes the numbers a run gives at a
fixed seed and number of draws: p5/p50/p95 of the four accounts (prior and, where the
case calibrates, posterior), the calibration diagnostics and the contradiction
statistics. A refactor must leave them unchanged; a deliberate change of method
updates the pins here with a note saying why.
"""

from __future__ import annotations

from typing import Any

import pytest

from troopledger.analysis import run
from troopledger.evidence import load_case

ACCOUNTS = ("paid_by_russia", "to_state", "to_soldiers", "to_families")
DRAWS, SEED = 4_000, 7
REL = 1e-9  # the same arithmetic in the same order; only summation order may differ


def _run(name: str) -> dict[str, Any]:
    r = run(load_case(name), DRAWS, SEED, calibrate=True)
    d = r.sample_stats or {}
    return {
        "prior": {k: tuple(r.prior.totals[k][q] for q in ("p5", "p50", "p95")) for k in ACCOUNTS},
        "posterior": None
        if r.posterior is None
        else {k: tuple(r.posterior.totals[k][q] for q in ("p5", "p50", "p95")) for k in ACCOUNTS},
        "diagnostics": {k: v for k, v in d.items() if k != "skipped"},
        "skipped": sorted(s["claim"] for s in d["skipped"]),
        "contradictions": [(c.claims, c.statistic, c.standard_error, c.kind) for c in r.contradictions],
    }


GOLDEN = {
    "nk-russia-2024": {
        "prior": {
            "paid_by_russia": (177485756.54541415, 234944886.80809858, 339311497.25381285),
            "to_state": (167442579.0595204, 224734755.47883552, 326841360.63291144),
            "to_soldiers": (90690.5505137786, 5250361.099729668, 31011782.455004435),
            "to_families": (0.0, 1141.6445822915662, 217093.92986833965),
        },
        "posterior": {
            "paid_by_russia": (284450919.67687345, 350858623.61857724, 425876996.8230703),
            "to_state": (212947647.73791966, 274812821.60343313, 355087983.3264111),
            "to_soldiers": (44109374.02156244, 73592455.79512155, 107522280.39211307),
            "to_families": (0.0, 152518.12476272474, 1195737.550412228),
        },
        "diagnostics": {
            "method": "tempering",
            "observations": ["bi-nis-total", "bi-ponomarenko-100k", "bi-g20-100k", "rbc-independent-takehome"],
            "pareto_khat": 2.2322455283317826,
            "importance_ess": 8.621946767863426,
            "log_evidence": -13.0788698307137,
            "contradiction_threshold": -3.0,
            "tempering_particles": 4000,
            "tempering_stages": 6,
            "tempering_log_evidence": -11.446796538405664,
            "tempering_mean_acceptance": 0.34886666666666677,
            "tempering_distinct_share": 0.96975,
        },
        "skipped": ["bi-bennett-families", "bi-bennett-food", "bi-bennett-uses", "bi-chung-defence", "rbc-rewards"],
        "contradictions": [
            (("rbc-independent-takehome", "bi-lee-nothing"), -47.86763393089021, 0.4013203202311182, "arithmetic"),
            (("rbc-independent-takehome", "bi-bennett-little"), -7.9493608364006505, 0.09397671962307491, "arithmetic"),
            (
                ("rbc-independent-takehome", "rbc-independent-90"),
                -4.3345841700275685,
                0.07042371884639294,
                "arithmetic",
            ),
            (
                ("rbc-independent-takehome", "bi-ponomarenko-rotation"),
                -3.8525475681945593,
                0.3075579867062081,
                "arithmetic",
            ),
            (("rbc-independent-takehome", "bi-nis-pay"), -3.69499079704537, 0.29532911844269366, "arithmetic"),
            (("rbc-independent-takehome", "rbc-putin-pay"), -3.69499079704537, 0.29532911844269366, "arithmetic"),
            (("bi-g20-100k", "bi-ukraine-11000"), -3.171847741845555, 0.04546221504962503, "arithmetic"),
        ],
    },
    "nk-russia-record": {
        "prior": {
            "paid_by_russia": (326604633.12401795, 468247742.0492861, 664238915.1868763),
            "to_state": (279947693.86538196, 408122861.01199377, 592565978.7349678),
            "to_soldiers": (29847936.119035725, 54372695.26829749, 90693758.49081574),
            "to_families": (199955.67441662095, 1559811.6902336113, 9030731.258603157),
        },
        "posterior": {
            "paid_by_russia": (312081807.4404818, 384128956.76240563, 469041772.3893255),
            "to_state": (276247466.4837514, 347200674.8060086, 417419538.9582069),
            "to_soldiers": (23942703.30230624, 35347738.285832345, 63528133.88148375),
            "to_families": (372523.4216561838, 880908.9710648551, 4915116.499179703),
        },
        "diagnostics": {
            "method": "tempering",
            "observations": [
                "r01",
                "r03",
                "r08",
                "r09",
                "r10",
                "r11",
                "r12",
                "r13",
                "r15",
                "r17",
                "r18",
                "r19",
                "r20",
                "r23",
                "r25",
                "r27",
            ],
            "pareto_khat": 6.3921224483149945,
            "importance_ess": 2.216652682673393,
            "log_evidence": -122.97748296292865,
            "contradiction_threshold": -3.0,
            "tempering_particles": 4000,
            "tempering_stages": 10,
            "tempering_log_evidence": -110.79636604931153,
            "tempering_mean_acceptance": 0.251625,
            "tempering_distinct_share": 0.962,
        },
        "skipped": ["r07", "r24", "r28", "r29", "r30", "r34", "r36"],
        "contradictions": [
            (("r01", "r06"), -98.50360121960725, 0.07119913139260076, "arithmetic"),
            (("r01", "r02"), -55.53188322024175, 0.055916274879971424, "arithmetic"),
            (("r01", "r05"), -45.767615142148045, 0.05657205187930182, "arithmetic"),
            (("r21", "r22"), -19.476660548733065, 0.031585722572128876, "disagreement"),
            (("r11", "r25"), -8.116525994342513, 0.042767212434035015, "arithmetic"),
            (("r18", "r25"), -6.146050504972253, 0.030889668300892865, "arithmetic"),
            (("r01", "r20-private"), -4.754406162701386, 0.7049512347435686, "arithmetic"),
            (("r09", "r12"), -4.6596220783567865, 0.025309392086333135, "arithmetic"),
            (("r01", "r32"), -4.211055015903085, 0.601119440579956, "arithmetic"),
            (("r01", "r18"), -3.8342758853458463, 0.4966037902821523, "arithmetic"),
            (("r01", "r11"), -3.1971414300573855, 0.5274972910405022, "arithmetic"),
            (("r01", "r31"), -3.1104958307271744, 0.8278001555508443, "arithmetic"),
        ],
    },
}


def _close(got: Any, want: Any, where: str) -> None:
    if isinstance(want, dict):
        assert isinstance(got, dict), where
        assert set(got) == set(want), f"{where}: keys {sorted(got)} != {sorted(want)}"
        for k in want:
            _close(got[k], want[k], f"{where}.{k}")
    elif isinstance(want, list | tuple):
        assert len(got) == len(want), f"{where}: {got!r} != {want!r}"
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            _close(g, w, f"{where}[{i}]")
    elif isinstance(want, float):
        assert got == pytest.approx(want, rel=REL), f"{where}: {got!r} != {want!r}"
    else:
        assert got == want, f"{where}: {got!r} != {want!r}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_numbers_hold(name: str) -> None:
    _close(_run(name), GOLDEN[name], name)
