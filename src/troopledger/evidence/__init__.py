"""Evidence: uncertain quantities, the case file's schema and loading, and the resolved Prior."""

from troopledger.evidence._fusion import (
    HEDGES,
    RELIABILITY,
    WORDS,
    Fused,
    HedgeRule,
    claim_spec,
    claim_weight,
    fuse,
    hedge_rule,
    words_interval,
)
from troopledger.evidence._loading import MAX_CASE_BYTES, bundled_cases, ledger_claims, load_case, parse_case
from troopledger.evidence._parameters import PARAMETERS, STATE_USE_NAMES, Parameter
from troopledger.evidence._prior import Horizon, Prior, Slot, WaveSlots, resolve
from troopledger.evidence._problems import case_error
from troopledger.evidence._sampling import BLOCK, Sampler, block_rng
from troopledger.evidence._schema import Case, CaseClaim
from troopledger.evidence._slots import SlotPlace, place_of, rank_pay, slot_places, wave_size, wave_tour
from troopledger.evidence._spec import DistSpec
from troopledger.evidence._uncertain import (
    Z90,
    Beta,
    Constant,
    Dirichlet,
    Distribution,
    LogNormal,
    Mixture,
    Normal,
    Pert,
    Uniform,
    beta_to,
    point,
    to,
)

__all__ = [
    "BLOCK",
    "HEDGES",
    "MAX_CASE_BYTES",
    "PARAMETERS",
    "RELIABILITY",
    "STATE_USE_NAMES",
    "WORDS",
    "Z90",
    "Beta",
    "Case",
    "CaseClaim",
    "Constant",
    "Dirichlet",
    "DistSpec",
    "Distribution",
    "Fused",
    "HedgeRule",
    "Horizon",
    "LogNormal",
    "Mixture",
    "Normal",
    "Parameter",
    "Pert",
    "Prior",
    "Sampler",
    "Slot",
    "SlotPlace",
    "Uniform",
    "WaveSlots",
    "beta_to",
    "block_rng",
    "bundled_cases",
    "case_error",
    "claim_spec",
    "claim_weight",
    "fuse",
    "hedge_rule",
    "ledger_claims",
    "load_case",
    "parse_case",
    "place_of",
    "point",
    "rank_pay",
    "resolve",
    "slot_places",
    "to",
    "wave_size",
    "wave_tour",
    "words_interval",
]
