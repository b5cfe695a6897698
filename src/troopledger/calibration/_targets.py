"""Targets: how to read a claimed quantity off one chunk of model outputs and parameter draws.

A target maps ``(outputs, params)`` of a chunk to one value per draw: a parameter's
draw, a running total by a month, a value at a month, a per-draw output. Claims
about derived quantities (take-home pay, revenue, soldiers sent or killed) get
theirs from :func:`derived_target`, or a reason why the model cannot say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._errors import Scale
from troopledger.claims import QUANTITY_STREAM, TOTAL_SCOPES, Claim
from troopledger.evidence import Horizon
from troopledger.model import role_output

__all__ = [
    "DATED_BY_ARTICLE",
    "MID_MONTH_BY_DAY",
    "Target",
    "derived_target",
    "mid_month",
    "parameter_target",
    "window_end",
]

Array = NDArray[np.float64]
#: reads one quantity off a chunk: (model outputs, parameter draws) -> (draws,)
Target = Callable[[Mapping[str, Array], Mapping[str, Array]], Array]

_TROOPS_IN_TEXT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)\s*(?:north korean\s+)?(?:troops|soldiers)\b", re.IGNORECASE)


def parameter_target(name: str, constants: Mapping[str, float]) -> Target:
    if name in constants:
        value = constants[name]
        return lambda out, p: np.full(int(np.shape(out["paid_by_russia"])[0]), value)
    return lambda out, p: np.asarray(p[name], dtype=np.float64)


def _running(name: str, month: int) -> Target:
    """Running total of a monthly output up to and including ``month``."""
    return lambda out, p: np.asarray(out[name][:, : month + 1].sum(axis=1), dtype=np.float64)


def _at(name: str, month: int) -> Target:
    return lambda out, p: np.asarray(out[name][:, month], dtype=np.float64)


def _troops_in_text(claim: Claim) -> float | None:
    """The number of troops a monthly total is stated for ("$22 million for 11,000 troops")."""
    for text in (claim.stated, claim.note, claim.text):
        m = _TROOPS_IN_TEXT.search(text or "")
        if m:
            n = float(m.group(1).replace(",", ""))
            if n > 0:
                return n
    return None


#: Counts of past events: a claim with no window speaks of them as of its article's date.
DATED_BY_ARTICLE = ("casualties_killed", "casualties_wounded", "casualties_total")


def window_end(claim: Claim, horizon: Horizon) -> tuple[int | None, str | None]:
    """Month index the claim speaks of, or a skip reason.

    That is its window's end; with no window, a casualty count is read at its
    article's month (what had happened by then) and anything else at the end of the
    horizon.
    """
    labels = horizon.labels
    end, what = claim.window_end, "its window ends"
    published = claim.source.date if claim.source is not None else None
    if end is None and claim.quantity in DATED_BY_ARTICLE and published:
        end, what = published[:7], "its article is dated"
    if end is None:
        return horizon.months - 1, None
    i = horizon.offset(end)
    if i < 0:
        return None, f"{what} {end}, before the case starts ({labels[0]})"
    if i >= horizon.months:
        return None, f"{what} {end}, after the case's horizon ends ({labels[-1]})"
    return i, None


#: A claim read in its own article's month, published up to this day, speaks of mid-month, not the month's end.
MID_MONTH_BY_DAY = 20


def mid_month(claim: Claim, month: int, horizon: Horizon) -> bool:
    """True when the claim speaks of the middle of ``month``: its article came out by the 20th of that month."""
    published = claim.source.date if claim.source is not None else None
    if not published or len(published) < 10 or horizon.offset(published[:7]) != month:
        return False
    return int(published[8:10]) <= MID_MONTH_BY_DAY


def _running_mid(names: tuple[str, ...], month: int) -> Target:
    """Running total of monthly flows through the middle of ``month`` (half of that month's flow)."""

    def target(out: Mapping[str, Array], p: Mapping[str, Array]) -> Array:
        total = np.zeros(int(np.shape(out["paid_by_russia"])[0]))
        for name in names:
            total += out[name][:, :month].sum(axis=1) + 0.5 * out[name][:, month]
        return total

    return target


def _at_mid(name: str, month: int) -> Target:
    """A head count at mid-month: the month's value less the arrivals still to come after the 15th."""
    return lambda out, p: np.asarray(out[name][:, month] - out["arrivals_late"][:, month], dtype=np.float64)


def _role_target(claim: Claim, month: int, label: str, roles: Sequence[str]) -> tuple[Target, str, str, Scale] | str:
    """The target of a count about the soldiers of one role (``claim.role``), or a skip reason."""
    role = claim.role or ""
    if role not in roles:
        return f"it speaks of {role.replace('_', ' ')}, a role the case's waves do not have"
    flows = {
        "casualties_killed": (("killed",), "killed"),
        "casualties_wounded": (("wounded",), "wounded"),
        "casualties_total": (("killed", "wounded"), "killed or wounded"),
        "cumulative_troops": (("arrivals",), "sent"),
    }
    words = role.replace("_", " ")

    def col(name: str) -> str:  # one role: its outputs are the whole deployment's (kept once)
        return role_output(name, role) if len(roles) > 1 else name

    if claim.quantity in flows:
        names, verb = flows[claim.quantity]
        cols = tuple(col(n) for n in names)
        return (
            (lambda o, p: np.asarray(sum(o[c][:, : month + 1].sum(axis=1) for c in cols), dtype=np.float64)),
            f"{words} {verb} by {label}",
            "persons",
            "log1p",
        )
    if claim.quantity in ("troops_deployed", "troops_per_rotation"):
        return _at(col("troops_in_theatre"), month), f"{words} in theatre in {label}", "persons", "log1p"
    return f"'{claim.quantity}' is not computed role by role"


def derived_target(
    claim: Claim, horizon: Horizon, constants: Mapping[str, float], roles: Sequence[str] = ()
) -> tuple[Target, str, str, Scale] | str:
    """Target, description, unit and scale for a claim about a derived quantity, or a skip reason.

    A count that names a role (``claim.role``) is read off that role's outputs.
    """
    q = claim.quantity
    month, why = window_end(claim, horizon)
    if why is not None or month is None:
        return why or "no window"
    label = horizon.labels[month]
    if claim.role is not None and q in (
        *DATED_BY_ARTICLE,
        "cumulative_troops",
        "troops_deployed",
        "troops_per_rotation",
    ):
        return _role_target(claim, month, label, roles)
    if q == "soldier_take_home":
        if claim.period == "month":
            share, pay = (
                parameter_target("state_share_of_pay", constants),
                parameter_target("pay_per_soldier_month", constants),
            )
            return (lambda o, p: (1.0 - share(o, p)) * pay(o, p)), "pay reaching a soldier per month", "USD", "log"
        if claim.period not in (None, "tour", "once", "total"):
            return f"a take-home per {claim.period} is not modelled (per tour or per month are)"
        return _at_draw("take_home_per_soldier_tour"), "take-home per soldier per tour", "USD", "log"
    if q == "total_revenue_to_nk":
        if claim.period == "month":
            troops = _troops_in_text(claim)
            if troops is not None:
                pay = parameter_target("pay_per_soldier_month", constants)
                return (lambda o, p: pay(o, p) * troops), f"monthly pay for {troops:,.0f} troops", "USD", "log"
            if claim.window_end is None:
                return (
                    (lambda o, p: np.asarray(o["paid_by_russia"].mean(axis=1), dtype=np.float64)),
                    "Russia's average monthly payment",
                    "USD",
                    "log",
                )
            return _at("paid_by_russia", month), f"Russia's payment in {label}", "USD", "log"
        if claim.period == "year":
            if claim.window_end is None:
                return _at_draw("revenue_per_year"), "Russia's payment per year", "USD", "log"
            if month < 11:
                return f"a year ending {claim.window_end} starts before the case does"
            return (
                (lambda o, p: np.asarray(o["paid_by_russia"][:, month - 11 : month + 1].sum(axis=1), dtype=np.float64)),
                f"Russia's payment in the year to {label}",
                "USD",
                "log",
            )
        if claim.period in (None, "total"):
            return _running("paid_by_russia", month), f"Russia's payments up to {label}", "USD", "log"
        return f"a revenue per {claim.period} cannot be read off the model"
    if q == "revenue_received":  # owed is not received: what arrives, in cash or in kind
        if claim.period in (None, "total"):
            return _running("received_by_nk", month), f"received by North Korea up to {label}", "USD", "log"
        return f"a received total per {claim.period} is not modelled (a total by a date is)"
    counts = {
        "cumulative_troops": ("cumulative_deployed", "soldiers sent"),
        "casualties_killed": ("killed", "soldiers killed"),
        "casualties_wounded": ("wounded", "soldiers wounded"),
    }
    mid = mid_month(claim, month, horizon)
    when = f"mid-{label}" if mid else label
    if q in counts:
        name, words = counts[q]
        if name == "cumulative_deployed":
            return (_at_mid if mid else _at)(name, month), f"{words} by {when}", "persons", "log1p"
        if mid:
            return _running_mid((name,), month), f"{words} by {when}", "persons", "log1p"
        return _running(name, month), f"{words} by {label}", "persons", "log1p"
    if q == "casualties_total":
        if mid:
            return (
                _running_mid(("killed", "wounded"), month),
                f"soldiers killed or wounded by {when}",
                "persons",
                "log1p",
            )
        return (
            (lambda o, p: np.asarray((o["killed"][:, : month + 1] + o["wounded"][:, : month + 1]).sum(axis=1))),
            f"soldiers killed or wounded by {label}",
            "persons",
            "log1p",
        )
    if q == "troops_deployed":
        how = _at_mid if mid else _at
        return how("troops_in_theatre", month), f"soldiers in theatre in {when}", "persons", "log1p"
    if q in TOTAL_SCOPES:  # a total wider than the soldiers' pay must not blame the soldier inputs
        return (
            f"a total of {' + '.join(TOTAL_SCOPES[q])}: a ledger case compares it with those streams (docs/ledger.md)"
        )
    if q in QUANTITY_STREAM:
        return (
            f"'{q}' is read by the {QUANTITY_STREAM[q]} stream of a ledger case (docs/ledger.md), not the soldier model"
        )
    return f"'{q}' is not something the model computes"


def _at_draw(name: str) -> Target:
    return lambda out, p: np.asarray(out[name], dtype=np.float64)
