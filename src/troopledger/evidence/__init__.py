"""Evidence: uncertain quantities, the case file's schema and loading, and the resolved Prior.

Names load on first use, so a command that only lists bundled cases imports no
schema, pydantic model or numpy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from troopledger._lazy import attach as _attach

if TYPE_CHECKING:
    from troopledger.evidence._asof import as_of, known_by, parse_day, reported_on
    from troopledger.evidence._bundled import bundled_cases, bundled_ledgers, ledgers_dir
    from troopledger.evidence._dispersion import SOURCE_SPREAD, SourcePair, estimate_spread, source_pairs, widen
    from troopledger.evidence._forecast import forecast
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
    from troopledger.evidence._loading import MAX_CASE_BYTES, ledger_claims, load_case, parse_case, prescan_toml
    from troopledger.evidence._parameters import PARAMETERS, STATE_USE_NAMES, Parameter
    from troopledger.evidence._prior import CountSlot, Horizon, PhaseSlots, Prior, RoleSlots, Slot, WaveSlots, resolve
    from troopledger.evidence._sampling import BLOCK, Sampler, block_rng
    from troopledger.evidence._schema import Case, CaseClaim, case_error
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
    "SOURCE_SPREAD",
    "STATE_USE_NAMES",
    "WORDS",
    "Z90",
    "Beta",
    "Case",
    "CaseClaim",
    "Constant",
    "CountSlot",
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
    "PhaseSlots",
    "Prior",
    "RoleSlots",
    "Sampler",
    "Slot",
    "SlotPlace",
    "SourcePair",
    "Uniform",
    "WaveSlots",
    "as_of",
    "beta_to",
    "block_rng",
    "bundled_cases",
    "bundled_ledgers",
    "case_error",
    "claim_spec",
    "claim_weight",
    "estimate_spread",
    "forecast",
    "fuse",
    "hedge_rule",
    "known_by",
    "ledger_claims",
    "ledgers_dir",
    "load_case",
    "parse_case",
    "parse_day",
    "place_of",
    "point",
    "prescan_toml",
    "rank_pay",
    "reported_on",
    "resolve",
    "slot_places",
    "source_pairs",
    "to",
    "wave_size",
    "wave_tour",
    "widen",
    "words_interval",
]

#: Where each public name lives; loaded on first use.
_LAZY = {
    "BLOCK": "troopledger.evidence._sampling",
    "Beta": "troopledger.evidence._uncertain",
    "Case": "troopledger.evidence._schema",
    "CaseClaim": "troopledger.evidence._schema",
    "Constant": "troopledger.evidence._uncertain",
    "CountSlot": "troopledger.evidence._prior",
    "Dirichlet": "troopledger.evidence._uncertain",
    "DistSpec": "troopledger.evidence._spec",
    "Distribution": "troopledger.evidence._uncertain",
    "Fused": "troopledger.evidence._fusion",
    "HEDGES": "troopledger.evidence._fusion",
    "HedgeRule": "troopledger.evidence._fusion",
    "Horizon": "troopledger.evidence._prior",
    "LogNormal": "troopledger.evidence._uncertain",
    "MAX_CASE_BYTES": "troopledger.evidence._loading",
    "Mixture": "troopledger.evidence._uncertain",
    "Normal": "troopledger.evidence._uncertain",
    "PARAMETERS": "troopledger.evidence._parameters",
    "Parameter": "troopledger.evidence._parameters",
    "Pert": "troopledger.evidence._uncertain",
    "Prior": "troopledger.evidence._prior",
    "RELIABILITY": "troopledger.evidence._fusion",
    "STATE_USE_NAMES": "troopledger.evidence._parameters",
    "Sampler": "troopledger.evidence._sampling",
    "Slot": "troopledger.evidence._prior",
    "SlotPlace": "troopledger.evidence._slots",
    "Uniform": "troopledger.evidence._uncertain",
    "WORDS": "troopledger.evidence._fusion",
    "PhaseSlots": "troopledger.evidence._prior",
    "RoleSlots": "troopledger.evidence._prior",
    "WaveSlots": "troopledger.evidence._prior",
    "Z90": "troopledger.evidence._uncertain",
    "as_of": "troopledger.evidence._asof",
    "forecast": "troopledger.evidence._forecast",
    "beta_to": "troopledger.evidence._uncertain",
    "block_rng": "troopledger.evidence._sampling",
    "bundled_cases": "troopledger.evidence._bundled",
    "bundled_ledgers": "troopledger.evidence._bundled",
    "ledgers_dir": "troopledger.evidence._bundled",
    "case_error": "troopledger.evidence._schema",
    "claim_spec": "troopledger.evidence._fusion",
    "claim_weight": "troopledger.evidence._fusion",
    "fuse": "troopledger.evidence._fusion",
    "hedge_rule": "troopledger.evidence._fusion",
    "known_by": "troopledger.evidence._asof",
    "ledger_claims": "troopledger.evidence._loading",
    "load_case": "troopledger.evidence._loading",
    "parse_case": "troopledger.evidence._loading",
    "parse_day": "troopledger.evidence._asof",
    "place_of": "troopledger.evidence._slots",
    "prescan_toml": "troopledger.evidence._loading",
    "point": "troopledger.evidence._uncertain",
    "rank_pay": "troopledger.evidence._slots",
    "reported_on": "troopledger.evidence._asof",
    "resolve": "troopledger.evidence._prior",
    "slot_places": "troopledger.evidence._slots",
    "to": "troopledger.evidence._uncertain",
    "wave_size": "troopledger.evidence._slots",
    "wave_tour": "troopledger.evidence._slots",
    "words_interval": "troopledger.evidence._fusion",
    "SOURCE_SPREAD": "troopledger.evidence._dispersion",
    "SourcePair": "troopledger.evidence._dispersion",
    "estimate_spread": "troopledger.evidence._dispersion",
    "source_pairs": "troopledger.evidence._dispersion",
    "widen": "troopledger.evidence._dispersion",
}


__getattr__, __dir__ = _attach(__name__, _LAZY, __all__)
