"""Calibration: claims as observations of the model, importance weights, tempering, contradictions, influence.

Array functions (observations, error models, weights, the joint-evidence statistic)
and the workflows built on them: :func:`calibrate` (prior draws weighted by the
claims), :func:`find_contradictions` (the pairwise scan) and :func:`influence` (how
far each lineage of claims moves the headline). All read a resolved
:class:`~troopledger.evidence.Prior`.
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
from troopledger.calibration._errors import HEDGE_WIDTH, ErrorModel, hedge_class
from troopledger.calibration._importance import (
    KHAT_MAX,
    MIN_ESS,
    Weights,
    effective_sample_size,
    importance_weights,
    log_mean_exp,
    weighted_quantiles,
)
from troopledger.calibration._influence import HEADLINE, Influence, influence
from troopledger.calibration._observations import Observation, Observations, Skipped, compile_observations
from troopledger.calibration._scan import CONTRADICTION_DRAWS, contradiction_statistic, find_contradictions
from troopledger.calibration._tempering import Tempered, model_values, temper
from troopledger.calibration._workflow import TEMPERING_PARTICLES, Calibration, calibrate, particle_chunks

__all__ = [
    "CONTRADICTION_DRAWS",
    "HEADLINE",
    "HEDGE_WIDTH",
    "KHAT_MAX",
    "MIN_ESS",
    "REFERENCE_FACTOR",
    "TEMPERING_PARTICLES",
    "THRESHOLD",
    "Calibration",
    "Contradiction",
    "ErrorModel",
    "Influence",
    "Observation",
    "Observations",
    "Skipped",
    "Tempered",
    "Weights",
    "calibrate",
    "compile_observations",
    "contradiction_statistic",
    "effective_sample_size",
    "explain",
    "find_contradictions",
    "hedge_class",
    "importance_weights",
    "influence",
    "joint_statistic",
    "log_mean_exp",
    "model_values",
    "particle_chunks",
    "reference_spec",
    "temper",
    "weighted_quantiles",
    "with_reference",
    "without_claims",
]
