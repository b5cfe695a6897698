"""Exchange rates as shared inputs of the ledger: one draw per currency, read by every input converted with it.

Figures stated in roubles, won or euros reach the ledger in US dollars, converted at
the bundled table's monthly average (``data/rates/usd_monthly.csv``). The table says
how far it may be off: about 1 % for the euro and the won, more for the rouble (3-5 %
in 2022; its header gives no tighter figure for the rouble later, so 3 % is taken).
That error is drawn once per draw and currency, as the shared input ``fx_<code>`` (the
true rate as a multiple of the table's), and every input converted from that currency,
in whichever stream, is divided by the same draw: a dollar figure read from roubles is
worth ``1 / fx_rub`` of itself when the rouble was that much dearer than the table says.

An input fused from claims in several currencies is divided by each draw raised to the
share of its weight those claims carry (exact for one currency, first order for several).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from troopledger.evidence import to
from troopledger.model.streams._contract import Array, Param

__all__ = ["FX_ACCURACY", "fx_key", "fx_param", "fx_params", "in_usd"]

#: The bundled table's stated accuracy by currency (its header): 90 % of draws within this of its figure.
FX_ACCURACY: dict[str, float] = {
    "EUR": 0.01,
    "GBP": 0.01,
    "CNY": 0.01,
    "JPY": 0.01,
    "KRW": 0.01,
    "UAH": 0.01,
    "RUB": 0.03,
}


def fx_key(code: str) -> str:
    """The name of the shared input holding ``code``'s rate error: ``fx_<code>`` in lower case."""
    return f"fx_{code.lower()}"


def fx_param(code: str) -> Param:
    """The shared input of ``code``'s rate as a multiple of the bundled table's monthly average."""
    a = FX_ACCURACY[code.upper()]
    return Param(
        fx_key(code),
        "ratio",
        f"{code.upper()} per US dollar as a multiple of the bundled table's monthly average (the table's error)",
        to(1.0 - a, 1.0 + a),
        shared=True,
    )


def fx_params() -> tuple[Param, ...]:
    """The shared rate inputs of every currency the table's accuracy is known for."""
    return tuple(fx_param(c) for c in FX_ACCURACY)


def in_usd(value: Array, shares: Mapping[str, float], drawn: Mapping[str, Array]) -> Array:
    """``value`` (dollars converted at the table's rates) at the drawn rates: divided by each ``fx`` draw^share."""
    factor = np.ones_like(value)
    for code, share in shares.items():
        if share > 0:
            factor = factor * drawn[fx_key(code)] ** share
    return np.asarray(value / factor, dtype=float)
