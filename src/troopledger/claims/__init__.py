"""Claims: quantitative statements with who said them, their vocabulary, files and ledger.

Names load on first use, so ``claims list`` imports the ledger without the
article-reading modules (whose patterns take a tenth of a second to compile).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from troopledger._lazy import attach as _attach

if TYPE_CHECKING:
    from troopledger.claims._claimfiles import CSV_FIELDS, dump_claims, parse_claims, read_claims, sniff_format
    from troopledger.claims._currency import CURRENCY_NAMES, Rate, currency_code, rate_to_usd, to_usd
    from troopledger.claims._extract import MAX_CLAIMS, extract_claims
    from troopledger.claims._foreign import unread_note
    from troopledger.claims._hedges import (
        CERTAINTY_WIDTH,
        HEDGES,
        WORDS,
        Certainty,
        HedgeRule,
        hedge_key,
        hedge_rule,
        words_interval,
    )
    from troopledger.claims._language import identify_language
    from troopledger.claims._ledger import DEFAULT_LEDGER, SCHEMA_VERSION, Ledger
    from troopledger.claims._ledger_import import import_claims
    from troopledger.claims._lineage import Statement, detect_lineages, lineage_groups, same_statement
    from troopledger.claims._listing import LISTING_HEADERS
    from troopledger.claims._months import MONTH_PATTERN, month_index, month_label, month_labels
    from troopledger.claims._normalise import (
        Reading,
        convert_period,
        months_in_window,
        normalise_amount,
        readings,
        unit_period,
    )
    from troopledger.claims._numbers import NumberMatch, find_numbers, parse_number
    from troopledger.claims._record import LIMITS, Claim, Period, SourceKind, SourceRef, Status, describe_figure
    from troopledger.claims._stream_quantities import QUANTITY_STREAM, STREAM_QUANTITIES, TOTAL_SCOPES
    from troopledger.claims._summary import ClaimSummary
    from troopledger.claims._validation import FieldError, explain_validation
    from troopledger.claims._vocabulary import QUANTITIES, ROLE_PATTERN, ROLES, Quantity, QuantityInfo, quantity_info

__all__ = [
    "CERTAINTY_WIDTH",
    "CSV_FIELDS",
    "CURRENCY_NAMES",
    "DEFAULT_LEDGER",
    "HEDGES",
    "LIMITS",
    "LISTING_HEADERS",
    "MAX_CLAIMS",
    "MONTH_PATTERN",
    "QUANTITIES",
    "QUANTITY_STREAM",
    "ROLES",
    "ROLE_PATTERN",
    "SCHEMA_VERSION",
    "STREAM_QUANTITIES",
    "TOTAL_SCOPES",
    "WORDS",
    "Certainty",
    "Claim",
    "ClaimSummary",
    "FieldError",
    "HedgeRule",
    "Ledger",
    "NumberMatch",
    "Period",
    "Quantity",
    "QuantityInfo",
    "Rate",
    "Reading",
    "SourceKind",
    "SourceRef",
    "Statement",
    "Status",
    "convert_period",
    "currency_code",
    "describe_figure",
    "detect_lineages",
    "dump_claims",
    "explain_validation",
    "extract_claims",
    "find_numbers",
    "hedge_key",
    "hedge_rule",
    "identify_language",
    "import_claims",
    "lineage_groups",
    "month_index",
    "month_label",
    "month_labels",
    "months_in_window",
    "normalise_amount",
    "parse_claims",
    "parse_number",
    "quantity_info",
    "rate_to_usd",
    "read_claims",
    "readings",
    "same_statement",
    "sniff_format",
    "to_usd",
    "unit_period",
    "unread_note",
    "words_interval",
]

#: Where each public name lives; loaded on first use.
_LAZY = {
    "CERTAINTY_WIDTH": "troopledger.claims._hedges",
    "CSV_FIELDS": "troopledger.claims._claimfiles",
    "CURRENCY_NAMES": "troopledger.claims._currency",
    "Certainty": "troopledger.claims._hedges",
    "Claim": "troopledger.claims._record",
    "ClaimSummary": "troopledger.claims._summary",
    "DEFAULT_LEDGER": "troopledger.claims._ledger",
    "FieldError": "troopledger.claims._validation",
    "HEDGES": "troopledger.claims._hedges",
    "HedgeRule": "troopledger.claims._hedges",
    "LIMITS": "troopledger.claims._record",
    "LISTING_HEADERS": "troopledger.claims._listing",
    "MAX_CLAIMS": "troopledger.claims._extract",
    "Ledger": "troopledger.claims._ledger",
    "import_claims": "troopledger.claims._ledger_import",
    "MONTH_PATTERN": "troopledger.claims._months",
    "NumberMatch": "troopledger.claims._numbers",
    "Period": "troopledger.claims._record",
    "QUANTITIES": "troopledger.claims._vocabulary",
    "ROLES": "troopledger.claims._vocabulary",
    "ROLE_PATTERN": "troopledger.claims._vocabulary",
    "QUANTITY_STREAM": "troopledger.claims._stream_quantities",
    "STREAM_QUANTITIES": "troopledger.claims._stream_quantities",
    "TOTAL_SCOPES": "troopledger.claims._stream_quantities",
    "Quantity": "troopledger.claims._vocabulary",
    "QuantityInfo": "troopledger.claims._vocabulary",
    "Rate": "troopledger.claims._currency",
    "Reading": "troopledger.claims._normalise",
    "SCHEMA_VERSION": "troopledger.claims._ledger",
    "SourceKind": "troopledger.claims._record",
    "SourceRef": "troopledger.claims._record",
    "Statement": "troopledger.claims._lineage",
    "Status": "troopledger.claims._record",
    "WORDS": "troopledger.claims._hedges",
    "convert_period": "troopledger.claims._normalise",
    "currency_code": "troopledger.claims._currency",
    "describe_figure": "troopledger.claims._figure",
    "detect_lineages": "troopledger.claims._lineage",
    "dump_claims": "troopledger.claims._claimfiles",
    "explain_validation": "troopledger.claims._validation",
    "extract_claims": "troopledger.claims._extract",
    "identify_language": "troopledger.claims._language",
    "unread_note": "troopledger.claims._foreign",
    "find_numbers": "troopledger.claims._numbers",
    "hedge_key": "troopledger.claims._hedges",
    "hedge_rule": "troopledger.claims._hedges",
    "lineage_groups": "troopledger.claims._lineage",
    "month_index": "troopledger.claims._months",
    "month_label": "troopledger.claims._months",
    "month_labels": "troopledger.claims._months",
    "months_in_window": "troopledger.claims._normalise",
    "normalise_amount": "troopledger.claims._normalise",
    "parse_claims": "troopledger.claims._claimfiles",
    "parse_number": "troopledger.claims._numbers",
    "quantity_info": "troopledger.claims._vocabulary",
    "rate_to_usd": "troopledger.claims._currency",
    "read_claims": "troopledger.claims._claimfiles",
    "readings": "troopledger.claims._normalise",
    "same_statement": "troopledger.claims._lineage",
    "sniff_format": "troopledger.claims._claimfiles",
    "to_usd": "troopledger.claims._currency",
    "unit_period": "troopledger.claims._normalise",
    "words_interval": "troopledger.claims._hedges",
}


__getattr__, __dir__ = _attach(__name__, _LAZY, __all__)
