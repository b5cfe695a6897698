"""Analysis: one run, one Result; summaries, sensitivity and the labelled ``.tl`` accessor.

:func:`run` is the pipeline's entry point and :class:`Result` what it returns; the
report reads only this package, which also re-exports the few names of earlier
stages a report needs (output labels, the hedge classes and reliability weights it explains).
"""

from troopledger.analysis._accessor import TroopledgerAccessor
from troopledger.analysis._result import Result, run
from troopledger.analysis._sensitivity import SENSITIVITY_CAP, SENSITIVITY_TARGETS, rank_sensitivity
from troopledger.analysis._summary import (
    CUMULATIVE_VARIABLES,
    QUANTILES,
    Summary,
    from_dataset,
    summarize,
    summarize_draws,
)
from troopledger.calibration import HEDGE_WIDTH, hedge_class, weighted_quantiles
from troopledger.evidence import RELIABILITY
from troopledger.model import FLOAT64_UP_TO, MONTHLY_CAP, MONTHLY_VARIABLES, OUTPUTS, TOTAL_VARIABLES

__all__ = [
    "CUMULATIVE_VARIABLES",
    "FLOAT64_UP_TO",
    "HEDGE_WIDTH",
    "MONTHLY_CAP",
    "MONTHLY_VARIABLES",
    "OUTPUTS",
    "QUANTILES",
    "RELIABILITY",
    "SENSITIVITY_CAP",
    "SENSITIVITY_TARGETS",
    "TOTAL_VARIABLES",
    "Result",
    "Summary",
    "TroopledgerAccessor",
    "from_dataset",
    "hedge_class",
    "rank_sensitivity",
    "run",
    "summarize",
    "summarize_draws",
    "weighted_quantiles",
]
