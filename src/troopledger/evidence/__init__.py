"""Evidence: uncertain quantities, case files and the parameters they declare."""

from troopledger.evidence._case import Case, bundled_cases, load_case, parse_case
from troopledger.evidence._parameters import PARAMETERS, STATE_USE_NAMES, Parameter
from troopledger.evidence._sampling import BLOCK, Sampler, block_rng
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
    "PARAMETERS",
    "STATE_USE_NAMES",
    "Z90",
    "Beta",
    "Case",
    "Constant",
    "Dirichlet",
    "DistSpec",
    "Distribution",
    "LogNormal",
    "Mixture",
    "Normal",
    "Parameter",
    "Pert",
    "Sampler",
    "Uniform",
    "beta_to",
    "block_rng",
    "bundled_cases",
    "load_case",
    "parse_case",
    "point",
    "to",
]
