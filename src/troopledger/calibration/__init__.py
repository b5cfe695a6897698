"""Calibration: claims as observations of the model, importance weights, contradictions.

Small numerical functions: arrays in, arrays out (plus the vectorised sequential
sampler, which runs the pure model on particles). Streaming runs through them is
the job of :mod:`troopledger.analysis`.
"""

from troopledger.calibration._contradictions import (
    REFERENCE_FACTOR,
    THRESHOLD,
    Contradiction,
    explain,
    joint_statistic,
    reference_spec,
    with_reference,
    without_claims,
)
from troopledger.calibration._graph import SHARES, connected_sets, dependency_graph
from troopledger.calibration._importance import (
    KHAT_MAX,
    MIN_ESS,
    Weights,
    effective_sample_size,
    importance_weights,
    log_mean_exp,
)
from troopledger.calibration._observations import (
    HEDGE_WIDTH,
    ErrorModel,
    Observation,
    Observations,
    Skipped,
    compile_observations,
    hedge_class,
)
from troopledger.calibration._proposal import (
    BATCHES,
    DEFENSIVE,
    PILOT_PARTICLES,
    WIDEN,
    Proposal,
    batch_error,
    fit_proposal,
)
from troopledger.calibration._robust import (
    ALL_WRONG,
    HEDGE_FACTOR,
    RIGHT_BY_KIND,
    WRONG_FACTOR,
    RobustObservations,
    right_probability,
    robust_loglik,
    with_doubt,
)
from troopledger.calibration._sets import MAX_SET, SCAN_SEED, FoundSet, explain_set, scan_sets
from troopledger.calibration._tempering import Tempered, model_values, temper

__all__ = [
    "ALL_WRONG",
    "BATCHES",
    "DEFENSIVE",
    "HEDGE_FACTOR",
    "HEDGE_WIDTH",
    "KHAT_MAX",
    "MAX_SET",
    "MIN_ESS",
    "PILOT_PARTICLES",
    "REFERENCE_FACTOR",
    "RIGHT_BY_KIND",
    "SCAN_SEED",
    "SHARES",
    "THRESHOLD",
    "WIDEN",
    "WRONG_FACTOR",
    "Contradiction",
    "ErrorModel",
    "FoundSet",
    "Observation",
    "Observations",
    "Proposal",
    "RobustObservations",
    "Skipped",
    "Tempered",
    "Weights",
    "batch_error",
    "compile_observations",
    "connected_sets",
    "dependency_graph",
    "effective_sample_size",
    "explain",
    "explain_set",
    "fit_proposal",
    "hedge_class",
    "importance_weights",
    "joint_statistic",
    "log_mean_exp",
    "model_values",
    "reference_spec",
    "right_probability",
    "robust_loglik",
    "scan_sets",
    "temper",
    "with_doubt",
    "with_reference",
    "without_claims",
]
