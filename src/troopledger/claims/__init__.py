"""Claims: quantitative statements with who said them, their vocabulary, files and ledger."""

from troopledger.claims._claimfiles import CSV_FIELDS, dump_claims, parse_claims, read_claims, sniff_format
from troopledger.claims._ledger import DEFAULT_LEDGER, SCHEMA_VERSION, Ledger
from troopledger.claims._lineage import detect_lineages, lineage_groups, same_statement
from troopledger.claims._normalise import Reading, convert_period, months_in_window, readings, unit_period
from troopledger.claims._record import Claim, Period, SourceKind, SourceRef, Status
from troopledger.claims._vocabulary import QUANTITIES, Quantity, QuantityInfo, quantity_info

__all__ = [
    "CSV_FIELDS",
    "DEFAULT_LEDGER",
    "QUANTITIES",
    "SCHEMA_VERSION",
    "Claim",
    "Ledger",
    "Period",
    "Quantity",
    "QuantityInfo",
    "Reading",
    "SourceKind",
    "SourceRef",
    "Status",
    "convert_period",
    "detect_lineages",
    "dump_claims",
    "lineage_groups",
    "months_in_window",
    "parse_claims",
    "quantity_info",
    "read_claims",
    "readings",
    "same_statement",
    "sniff_format",
    "unit_period",
]
