"""Claims: quantitative statements with who said them, their vocabulary, files and ledger."""

from troopledger.claims._claimfiles import CSV_FIELDS, dump_claims, parse_claims, read_claims, sniff_format
from troopledger.claims._currency import CURRENCY_NAMES, Rate, currency_code, rate_to_usd, to_usd
from troopledger.claims._extract import extract_claims
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
from troopledger.claims._ledger import DEFAULT_LEDGER, SCHEMA_VERSION, Ledger
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
from troopledger.claims._summary import ClaimSummary
from troopledger.claims._validation import FieldError, explain_validation
from troopledger.claims._vocabulary import QUANTITIES, Quantity, QuantityInfo, quantity_info

__all__ = [
    "CERTAINTY_WIDTH",
    "CSV_FIELDS",
    "CURRENCY_NAMES",
    "DEFAULT_LEDGER",
    "HEDGES",
    "LIMITS",
    "LISTING_HEADERS",
    "MONTH_PATTERN",
    "QUANTITIES",
    "SCHEMA_VERSION",
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
    "words_interval",
]
