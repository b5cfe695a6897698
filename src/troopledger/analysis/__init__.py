"""Analysis: one run, one Result; summaries, sensitivity and the labelled ``.tl`` accessor.

:func:`run` is the pipeline's entry point and :class:`Result` what it returns; the
report reads only this package, which also re-exports the few names of earlier
stages a report needs (output labels, the hedge classes and reliability weights it explains).
The accessor loads on first use (``troopledger.simulate`` loads it), so a report does
not import xarray and pandas.
"""

from typing import Any

from troopledger.analysis._chunks import BATCH_DRAWS, SKETCH_LEVELS, batch_grid, batch_seed
from troopledger.analysis._compare import (
    CompareRun,
    Comparison,
    PairedDraws,
    PairedRow,
    PairedWindow,
    compare_draws,
    compare_runs,
    pair_weights,
)
from troopledger.analysis._desk import WINDOW_ACCOUNTS, Desk, DeskTables, money_inputs
from troopledger.analysis._given_data import given_data_sensitivity, sensitivity_over_time
from troopledger.analysis._hindcast import PREDICTABLE, HindcastScore, score_claim, weighted_crps
from troopledger.analysis._hindcast_coverage import Coverage, CoverageShare, FamilyCoverage, Sharpness, coverage
from troopledger.analysis._history import HISTORY_DRAWS, as_of_days, history
from troopledger.analysis._history_result import HISTORY_HEADLINE, ArrivedClaim, History, Move, Step, Unscored
from troopledger.analysis._ledger_calibration import StreamCalibration, calibrate_streams
from troopledger.analysis._ledger_case import LedgerCase, is_ledger_case, load_ledger
from troopledger.analysis._ledger_history import LEDGER_HISTORY_DRAWS, LedgerHistory, ledger_history
from troopledger.analysis._ledger_memory import check_ledger_memory, ledger_bytes
from troopledger.analysis._ledger_reconcile import ledger_target, reconcile_ledger
from troopledger.analysis._ledger_run import Band, LedgerResult, ledger_window, run_ledger
from troopledger.analysis._levers import LEVER_DRAWS, Lever
from troopledger.analysis._money import (
    TABLE_RATE_NOTE,
    Conversion,
    DrawnRate,
    RateTable,
    bundled_rates,
    conversion,
    drawn_rate,
    read_rates,
)
from troopledger.analysis._reconcile import (
    RECONCILE_DRAWS,
    TARGET_WITHIN,
    ReconcileTarget,
    Reconciliation,
    Shift,
    parse_target,
    reconcile,
    target_values,
)
from troopledger.analysis._result import Result, register_result_view, run
from troopledger.analysis._result_tree import load_result
from troopledger.analysis._reweigh import convert_draws, reweighed_totals
from troopledger.analysis._sample_stats import BatchPlan, Reading, SamplerStats, SampleStats, SkippedClaim
from troopledger.analysis._sensitivity import SENSITIVITY_CAP, SENSITIVITY_TARGETS, Sensitivity, rank_sensitivity
from troopledger.analysis._summary import (
    CUMULATIVE_VARIABLES,
    QUANTILES,
    Summary,
    from_dataset,
    summarize,
    summarize_draws,
)
from troopledger.analysis._windows import Window, calendar_years, parse_window, rolling_years, window_stats, windows_for
from troopledger.calibration import (
    HEDGE_WIDTH,
    ClaimCheck,
    Conflict,
    Contradiction,
    Influence,
    StructuralMisfit,
    hedge_class,
    weighted_quantiles,
)
from troopledger.claims import Claim
from troopledger.evidence import RELIABILITY
from troopledger.model import (
    DELIVERY_OUTPUTS,
    FLOAT64_UP_TO,
    HEADLINE_TOTALS,
    LEAD_TOTALS,
    MONEY_TOTALS,
    MONTH_TABLE,
    MONTHLY_CAP,
    MONTHLY_VARIABLES,
    OUTPUTS,
    PAYMENTS,
    RECEIVED_TOTALS,
    STATE_USES,
    TOTAL_VARIABLES,
)

__all__ = [
    "BATCH_DRAWS",
    "CUMULATIVE_VARIABLES",
    "DELIVERY_OUTPUTS",
    "FLOAT64_UP_TO",
    "HEADLINE_TOTALS",
    "HEDGE_WIDTH",
    "HISTORY_DRAWS",
    "HISTORY_HEADLINE",
    "LEAD_TOTALS",
    "LEDGER_HISTORY_DRAWS",
    "LEVER_DRAWS",
    "MONEY_TOTALS",
    "MONTHLY_CAP",
    "MONTHLY_VARIABLES",
    "MONTH_TABLE",
    "OUTPUTS",
    "PAYMENTS",
    "PREDICTABLE",
    "QUANTILES",
    "RECEIVED_TOTALS",
    "RECONCILE_DRAWS",
    "RELIABILITY",
    "SENSITIVITY_CAP",
    "SENSITIVITY_TARGETS",
    "SKETCH_LEVELS",
    "STATE_USES",
    "TABLE_RATE_NOTE",
    "TARGET_WITHIN",
    "TOTAL_VARIABLES",
    "WINDOW_ACCOUNTS",
    "ArrivedClaim",
    "Band",
    "BatchPlan",
    "Claim",
    "ClaimCheck",
    "CompareRun",
    "Comparison",
    "Conflict",
    "Contradiction",
    "Conversion",
    "Coverage",
    "CoverageShare",
    "Desk",
    "DeskTables",
    "DrawnRate",
    "FamilyCoverage",
    "HindcastScore",
    "History",
    "Influence",
    "LedgerCase",
    "LedgerHistory",
    "LedgerResult",
    "Lever",
    "Move",
    "PairedDraws",
    "PairedRow",
    "PairedWindow",
    "RateTable",
    "Reading",
    "ReconcileTarget",
    "Reconciliation",
    "Result",
    "SampleStats",
    "SamplerStats",
    "Sensitivity",
    "Sharpness",
    "Shift",
    "SkippedClaim",
    "Step",
    "StreamCalibration",
    "StructuralMisfit",
    "Summary",
    "TroopledgerAccessor",
    "Unscored",
    "Window",
    "as_of_days",
    "batch_grid",
    "batch_seed",
    "bundled_rates",
    "calendar_years",
    "calibrate_streams",
    "check_ledger_memory",
    "compare_draws",
    "compare_runs",
    "conversion",
    "convert_draws",
    "coverage",
    "drawn_rate",
    "from_dataset",
    "given_data_sensitivity",
    "hedge_class",
    "history",
    "is_ledger_case",
    "ledger_bytes",
    "ledger_history",
    "ledger_target",
    "ledger_window",
    "load_ledger",
    "load_result",
    "money_inputs",
    "pair_weights",
    "parse_target",
    "parse_window",
    "rank_sensitivity",
    "read_rates",
    "reconcile",
    "reconcile_ledger",
    "register_result_view",
    "reweighed_totals",
    "rolling_years",
    "run",
    "run_ledger",
    "score_claim",
    "sensitivity_over_time",
    "summarize",
    "summarize_draws",
    "target_values",
    "weighted_crps",
    "weighted_quantiles",
    "window_stats",
    "windows_for",
]


def __getattr__(name: str) -> Any:
    """Load the ``.tl`` accessor (and with it xarray and pandas) on first use, not with every run (PEP 562)."""
    if name == "TroopledgerAccessor":
        from troopledger.analysis._accessor import TroopledgerAccessor

        return TroopledgerAccessor
    raise AttributeError(f"module 'troopledger.analysis' has no attribute {name!r}")
