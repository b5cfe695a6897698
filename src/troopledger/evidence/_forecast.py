"""Forecasts: a case's horizon extended past its last month (``report --until YYYY-MM``).

The extended months are the status quo: waves with no tour stay, rotations go on,
losses are replaced as before; the hazards go on from the last month, drifting by
the case's ``[forecast] hazard_trend`` per month (one drift drawn per draw), so the
bands widen with every forecast month instead of freezing the parameters. The case
remembers where its own months end (:attr:`~troopledger.evidence.Case.forecast_from`)
so a report can say which months are forecast.
"""

from __future__ import annotations

from pydantic import ValidationError

from troopledger.claims import MONTH_PATTERN, month_index, month_labels
from troopledger.errors import InputError
from troopledger.evidence._schema import Case, case_error

__all__ = ["forecast"]

#: Most months a forecast may add to a case.
MAX_FORECAST_MONTHS = 120


def forecast(case: Case, until: str, *, field: str = "--until") -> Case:
    """A copy of ``case`` running to the month ``until`` (``YYYY-MM``), its months past the case's own marked forecast.

    ``until`` must come after the case's last month and add at most
    :data:`MAX_FORECAST_MONTHS` months; otherwise an :class:`InputError` names the fix.
    """
    if not MONTH_PATTERN.match(until):
        raise InputError(None, field, f"'{until[:40]}' is not a month", "write YYYY-MM, e.g. 2026-12")
    last = month_labels(case.case.start, case.months)[-1]
    extra = month_index(until) - month_index(last)
    if extra < 1:
        raise InputError(None, field, f"{until} is not after the case's last month ({last})", "give a later month")
    if extra > MAX_FORECAST_MONTHS:
        raise InputError(
            None, field, f"{until} is {extra} months past {last}", f"forecast at most {MAX_FORECAST_MONTHS} months"
        )
    data = case.written()
    data["case"]["months"] = case.months + extra
    try:
        out = Case.model_validate(data)
    except ValidationError as e:
        raise case_error(case.path or case.name, e) from None
    out.path, out.digest, out.scenario, out.as_of = case.path, case.digest, case.scenario, case.as_of
    out.forecast_from = case.months if case.forecast_from is None else case.forecast_from
    return out
