"""Calibration: claims as observations of the model, importance weights, tempering, contradictions, influence.

Array functions (observations, error models, weights, the joint-evidence statistic)
and the workflows built on them: :func:`calibrate` (prior draws weighted by the
claims), :func:`find_contradictions` (minimal sets of claims that cannot all be true) and :func:`influence` (how
far each lineage of claims moves the headline). All read a resolved
:class:`~troopledger.evidence.Prior`.
"""

from troopledger.calibration._assumptions import ASSUMPTIONS, Assumption, assumptions_for
from troopledger.calibration._checks import (
    TAIL,
    WRONG_AT,
    ClaimCheck,
    StructuralMisfit,
    check_claims,
    judge_claims,
    structural_misfits,
)
from troopledger.calibration._conflict_list import Conflict, ContradictionScan, group_conflicts
from troopledger.calibration._conflicts import SCAN_DRAWS, find_contradictions, scan_contradictions
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
from troopledger.calibration._graph import SHARES, connected_sets, dependency_graph
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
from troopledger.calibration._paired import paired_posterior
from troopledger.calibration._proposal import (
    BATCHES,
    DEFENSIVE,
    PILOT_PARTICLES,
    WIDEN,
    Proposal,
    batch_error,
    fit_proposal,
)
from troopledger.calibration._readings import CONTESTED, MIN_READING, readings
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
from troopledger.calibration._scan import CONTRADICTION_DRAWS, contradiction_statistic
from troopledger.calibration._sets import MAX_REPORTED, MAX_SET, SCAN_SEED, FoundSet, explain_set, scan_sets
from troopledger.calibration._tempering import Tempered, model_values, temper
from troopledger.calibration._workflow import (
    HEADLINE_TOTALS,
    TEMPERING_PARTICLES,
    Calibration,
    Posterior,
    calibrate,
    particle_chunks,
    posterior,
)

__all__ = [
    "ALL_WRONG",
    "ASSUMPTIONS",
    "BATCHES",
    "CONTESTED",
    "CONTRADICTION_DRAWS",
    "DEFENSIVE",
    "HEADLINE",
    "HEADLINE_TOTALS",
    "HEDGE_FACTOR",
    "HEDGE_WIDTH",
    "KHAT_MAX",
    "MAX_REPORTED",
    "MAX_SET",
    "MIN_ESS",
    "MIN_READING",
    "PILOT_PARTICLES",
    "REFERENCE_FACTOR",
    "RIGHT_BY_KIND",
    "SCAN_DRAWS",
    "SCAN_SEED",
    "SHARES",
    "TAIL",
    "TEMPERING_PARTICLES",
    "THRESHOLD",
    "WIDEN",
    "WRONG_AT",
    "WRONG_FACTOR",
    "Assumption",
    "Calibration",
    "ClaimCheck",
    "Conflict",
    "Contradiction",
    "ContradictionScan",
    "ErrorModel",
    "FoundSet",
    "Influence",
    "Observation",
    "Observations",
    "Posterior",
    "Proposal",
    "RobustObservations",
    "Skipped",
    "StructuralMisfit",
    "Tempered",
    "Weights",
    "assumptions_for",
    "batch_error",
    "calibrate",
    "check_claims",
    "compile_observations",
    "connected_sets",
    "contradiction_statistic",
    "dependency_graph",
    "effective_sample_size",
    "explain",
    "explain_set",
    "find_contradictions",
    "fit_proposal",
    "group_conflicts",
    "hedge_class",
    "importance_weights",
    "influence",
    "joint_statistic",
    "judge_claims",
    "log_mean_exp",
    "model_values",
    "paired_posterior",
    "particle_chunks",
    "posterior",
    "readings",
    "reference_spec",
    "right_probability",
    "robust_loglik",
    "scan_contradictions",
    "scan_sets",
    "structural_misfits",
    "temper",
    "weighted_quantiles",
    "with_doubt",
    "with_reference",
    "without_claims",
]
