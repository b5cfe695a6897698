"""Analysis: summaries, quantiles and labelled results of runs."""

from troopledger.analysis._accessor import TroopledgerAccessor
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
    "FLOAT64_UP_TO",
    "MONTHLY_CAP",
    "MONTHLY_VARIABLES",
    "TOTAL_VARIABLES",
    "Draws",
    "Summary",
    "TroopledgerAccessor",
    "collect",
    "collect_chunks",
    "from_dataset",
    "summarize",
    "summarize_draws",
    "weighted_quantiles",
]
