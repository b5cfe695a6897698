"""Analysis: summaries, quantiles and labelled results of runs."""

from troopledger.analysis._accessor import TroopledgerAccessor
from troopledger.analysis._calibrated import (
    CONTRADICTION_DRAWS,
    TEMPERING_PARTICLES,
    Calibration,
    calibrate,
    contradiction_statistic,
    find_contradictions,
    has_observations,
)
from troopledger.analysis._hindcast import PREDICTABLE, HindcastScore, coverage, score_claim, weighted_crps
from troopledger.analysis._history import (
    HISTORY_DRAWS,
    HISTORY_HEADLINE,
    History,
    Step,
    as_of_days,
    history,
)
from troopledger.analysis._influence import HEADLINE, Influence, influence
from troopledger.analysis._sensitivity import SENSITIVITY_CAP, SENSITIVITY_TARGETS, rank_sensitivity
from troopledger.analysis._summary import (
    FLOAT64_UP_TO,
    MONTHLY_CAP,
    MONTHLY_VARIABLES,
    TOTAL_VARIABLES,
    Draws,
    Summary,
    collect,
    collect_chunks,
    from_dataset,
    summarize,
    summarize_draws,
    weighted_quantiles,
)

__all__ = [
    "CONTRADICTION_DRAWS",
    "FLOAT64_UP_TO",
    "HEADLINE",
    "HISTORY_DRAWS",
    "HISTORY_HEADLINE",
    "MONTHLY_CAP",
    "MONTHLY_VARIABLES",
    "PREDICTABLE",
    "SENSITIVITY_CAP",
    "SENSITIVITY_TARGETS",
    "TEMPERING_PARTICLES",
    "TOTAL_VARIABLES",
    "Calibration",
    "Draws",
    "HindcastScore",
    "History",
    "Influence",
    "Step",
    "Summary",
    "TroopledgerAccessor",
    "as_of_days",
    "calibrate",
    "collect",
    "collect_chunks",
    "contradiction_statistic",
    "coverage",
    "find_contradictions",
    "from_dataset",
    "has_observations",
    "history",
    "influence",
    "rank_sensitivity",
    "score_claim",
    "summarize",
    "summarize_draws",
    "weighted_crps",
    "weighted_quantiles",
]
