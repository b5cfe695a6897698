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
from troopledger.calibration._tempering import Tempered, model_values, temper

__all__ = [
    "HEDGE_WIDTH",
    "KHAT_MAX",
    "MIN_ESS",
    "REFERENCE_FACTOR",
    "THRESHOLD",
    "Contradiction",
    "ErrorModel",
    "Observation",
    "Observations",
    "Skipped",
    "Tempered",
    "Weights",
    "compile_observations",
    "effective_sample_size",
    "explain",
    "hedge_class",
    "importance_weights",
    "joint_statistic",
    "log_mean_exp",
    "model_values",
    "reference_spec",
    "temper",
    "with_reference",
    "without_claims",
]
