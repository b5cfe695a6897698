"""Golden numbers: the seeded pipeline of both bundled cases, pinned.

As SALib's ``tests/test_regression.py`` does, this fixes the numbers a run gives at a
fixed seed and number of draws: p5/p50/p95 of the four accounts (prior and, where the
case calibrates, posterior), the calibration diagnostics and the contradiction
statistics. A refactor must leave them unchanged; a deliberate change of method
updates the pins here with a note saying why.

Updated deliberately (issue 10): claims may be wrong (robust likelihoods, a 5 %
chance that all claims behind a parameter are wrong), the posterior is defensive
importance sampling from a proposal fitted by a tempering pilot (scrambled Sobol
points), contradictions are minimal sets of up to four claims on one fixed-seed
background, and the record case's first and second waves arrive over two months.
The prior of nk-russia-2024 is unchanged; everything calibrated moved.

Updated deliberately (issue 18): the record case's numbers moved, nk-russia-2024's did
not (constant hazards, one role: the model gives the same arithmetic). The record case
now has roles (engineers and builders far less exposed), dated casualty phases
(training, the Kursk assaults, a regrouping lull), wounded of whom a share return to
the line, a vanguard wave read at mid-month, claims published by the 20th read at
mid-month, and r27 read against combat troops: r01 and r25 are no longer called wrong,
the dead and the wounded are followed month by month, and what Russia paid rose.

Updated deliberately (issue 18, seed stability): every calibrated number moved, the
priors did not (beyond the last digit). The proposal is now adapted before the run's
draws (two steps of population Monte Carlo on their own streams of the seed), the
tempering pilot that seeds it has 2,048 particles instead of 4,096, the inputs no claim
observes come from the same scrambled Sobol points as the weighted ones, and the
weights are post-stratified over those inputs: the effective draws of the record case
rose from about 1 % to about 15 % of the draws, and ten seeds keep every headline
median within 1 % (docs/calibration.md).

Updated deliberately (issue 18, the history's money): every input built from claims
carries the spread between independent sources of its kind of figure (evidence.fuse,
SOURCE_SPREAD: 0.46 on the log scale for money, 0.38 for counts), so both cases'
fused inputs are wider and every number moved; calibration judges a claim that built
an input by that same reading, and the whole of a statement whose parts built inputs
(r20's rank table) is no longer weighed again as an observation of average pay. The
record case's families' share before a report is now 0.1 %-20 %, not up to half.
"""

from __future__ import annotations

from typing import Any

import pytest

from troopledger.analysis import run
from troopledger.evidence import load_case

ACCOUNTS = ("paid_by_russia", "to_state", "to_soldiers", "to_families")
DRAWS, SEED = 4_000, 7
REL = 1e-9  # the same arithmetic in the same order; only summation order may differ
PINNED = (
    "method",
    "observations",
    "pareto_khat",
    "importance_ess",
    "log_evidence",
    "pilot_particles",
    "pilot_stages",
    "claims_wrong_posterior",
)


def _run(name: str) -> dict[str, Any]:
    r = run(load_case(name), DRAWS, SEED, calibrate=True)
    d = r.sample_stats or {}
    return {
        "prior": {k: tuple(r.prior.totals[k][q] for q in ("p5", "p50", "p95")) for k in ACCOUNTS},
        "posterior": None
        if r.posterior is None
        else {k: tuple(r.posterior.totals[k][q] for q in ("p5", "p50", "p95")) for k in ACCOUNTS},
        "diagnostics": {k: d[k] for k in PINNED},
        "skipped": sorted(s["claim"] for s in d["skipped"]),
        "contradictions": [(c.claims, c.statistic, c.standard_error, c.kind) for c in r.contradictions],
    }


GOLDEN = {
    "nk-russia-2024": {
        "prior": {
            "paid_by_russia": (109712965.77694792, 237550989.9001974, 512239513.3624237),
            "to_state": (103839210.10633557, 226682704.99233985, 490294061.3793603),
            "to_soldiers": (78741.7800063309, 5407981.451944934, 43345120.84682365),
            "to_families": (0.0, 1200.4060962508584, 249906.1921272181),
        },
        "posterior": {
            "paid_by_russia": (185812707.439118, 302894411.57511, 544163758.0661616),
            "to_state": (35118251.47612167, 226596082.5613976, 464440551.1951815),
            "to_soldiers": (13376344.410784476, 58093246.96263955, 217658018.17356277),
            "to_families": (0.0, 48312.50339574744, 1443832.7664464964),
        },
        "diagnostics": {
            "method": "robust importance",
            "observations": ["bi-nis-total", "bi-ponomarenko-100k", "bi-g20-100k", "rbc-independent-takehome"],
            "pareto_khat": 0.12174030720170494,
            "importance_ess": 1522.3293292413953,
            "log_evidence": -4.2276284496222996,
            "pilot_particles": 2048,
            "pilot_stages": 3,
            "claims_wrong_posterior": {
                "bi-nis-pay": 0.02982957462275072,
                "bi-nis-total": 0.03018250512754084,
                "bi-ukraine-11000": 0.41640440156751296,
                "bi-ponomarenko-15000": 0.13362173930693128,
                "bi-ponomarenko-rotation": 0.2754946357492615,
                "bi-ponomarenko-100k": 0.13385471229946647,
                "bi-g20-100k": 0.09610757436321299,
                "bi-defectors-wage": 0.20417738451147624,
                "rbc-defectors-wage": 0.20417738451147624,
                "bi-bennett-little": 0.5775663295572585,
                "bi-lee-nothing": 0.9836113020565346,
                "bi-gdp": 0.13942868559689836,
                "bi-yoon-luxury": 0.10753840452697146,
                "rbc-putin-pay": 0.08392214714453361,
                "rbc-independent-90": 0.5014563808721915,
                "rbc-independent-takehome": 0.6024816917220309,
            },
        },
        "skipped": ["bi-bennett-families", "bi-bennett-food", "bi-bennett-uses", "bi-chung-defence", "rbc-rewards"],
        "contradictions": [
            (
                ("bi-nis-total", "bi-ponomarenko-rotation", "bi-bennett-little", "rbc-independent-takehome"),
                -6.113975575307581,
                0.10652851380917078,
                "arithmetic",
            ),
            (
                ("bi-nis-pay", "bi-ponomarenko-rotation", "bi-bennett-little", "rbc-independent-takehome"),
                -6.1139755753075775,
                0.10652851380917072,
                "arithmetic",
            ),
            (
                ("bi-ponomarenko-rotation", "bi-bennett-little", "rbc-putin-pay", "rbc-independent-takehome"),
                -6.1139755753075775,
                0.10652851380917072,
                "arithmetic",
            ),
            (("bi-lee-nothing", "rbc-independent-takehome"), -3.8699081391738277, 0.6822535982061362, "arithmetic"),
            (
                ("bi-nis-total", "bi-ponomarenko-rotation", "rbc-independent-90", "rbc-independent-takehome"),
                -3.133940915118739,
                0.10281812972615355,
                "arithmetic",
            ),
            (
                ("bi-nis-pay", "bi-ponomarenko-rotation", "rbc-independent-90", "rbc-independent-takehome"),
                -3.1339409151187354,
                0.10281812972615359,
                "arithmetic",
            ),
            (
                ("bi-ponomarenko-rotation", "rbc-putin-pay", "rbc-independent-90", "rbc-independent-takehome"),
                -3.1339409151187354,
                0.10281812972615359,
                "arithmetic",
            ),
        ],
    },
    "nk-russia-record": {
        "prior": {
            "paid_by_russia": (322883080.17226183, 512237957.0713643, 816492427.2573266),
            "to_state": (277902830.5875851, 446345046.153802, 712546472.5008367),
            "to_soldiers": (26779254.371484958, 57983475.5645283, 124761949.46950756),
            "to_families": (353103.0197130088, 2130702.8361647213, 11024075.008232903),
        },
        "posterior": {
            "paid_by_russia": (340173652.9659076, 519658904.4141004, 819333006.8634096),
            "to_state": (277390145.5843247, 449631773.55453295, 698909290.511523),
            "to_soldiers": (23960108.4634631, 61993617.17183242, 148391818.87660214),
            "to_families": (470828.5436603417, 2522859.253503817, 14214228.456705766),
        },
        "diagnostics": {
            "method": "robust importance",
            "observations": [
                "r01",
                "r02",
                "r03",
                "r05",
                "r06",
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
                "r23",
                "r25",
                "r27",
            ],
            "pareto_khat": 0.056401930497202726,
            "importance_ess": 616.0390348446136,
            "log_evidence": 2.4694695692960815,
            "pilot_particles": 2048,
            "pilot_stages": 5,
            "claims_wrong_posterior": {
                "r01": 0.030940493678415587,
                "r02": 0.010887323946226619,
                "r03": 0.05263157894736824,
                "r04": 0.07927080793529988,
                "r05": 0.017217251472292715,
                "r06": 0.005370773180539145,
                "r08": 0.060132994056889995,
                "r09": 0.01442460241615317,
                "r10": 0.1509870051912795,
                "r11": 0.03281220639749013,
                "r12": 0.01414973236944789,
                "r13": 0.054879116362344126,
                "r14": 0.07275636959403009,
                "r15": 0.014781990968287225,
                "r16": 0.12413846111746772,
                "r17": 0.011913174595260347,
                "r18": 0.03697742564338269,
                "r19": 0.015018260689248596,
                "r20": 0.2866720895326738,
                "r20-commander": 0.6143146146816523,
                "r20-nco": 0.2491414341032412,
                "r20-private": 0.21610028104537168,
                "r20-technical": 0.3408939369850993,
                "r21": 0.5410164700100504,
                "r22": 0.5329715780816574,
                "r22-family": 0.11777192355104563,
                "r23": 0.0946500800114205,
                "r24-builders": 0.13923127382359593,
                "r24-sappers": 0.13970360211425384,
                "r25": 0.06194296511889994,
                "r26": 0.0634058654747259,
                "r27": 0.018017115612967715,
                "r28-size": 0.2123401901812816,
                "r28-tour": 0.2753112088435957,
                "r31": 0.08553359932851555,
                "r32": 0.24334042813825432,
                "r33": 0.11345115413479309,
                "r35": 0.11719154812633895,
            },
        },
        "skipped": ["r07", "r24", "r28", "r29", "r30", "r34", "r36"],
        "contradictions": [
            (("r21", "r22"), -19.51173185953044, 0.022128633359089045, "disagreement"),
            (
                ("r20", "r20-commander", "r20-nco", "r20-technical"),
                -3.074667360523513,
                0.5327875577088383,
                "arithmetic",
            ),
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
