"""The ledger: streams run on shared draws, their accounts summed, money checked to be conserved.

Draws come in blocks of :data:`~troopledger.evidence.BLOCK`; each (block, input)
pair has its own generator (:func:`~troopledger.evidence.block_rng`), so the same
seed gives the same numbers whatever the number of draws asked beyond a block, and a
stream added to the ledger leaves the others' draws unchanged. A shared input is
drawn once, under its bare name, and every stream that declares it reads that draw;
a stream's own input is drawn under ``<stream>.<name>``. Exchange rates are shared
inputs too (``fx_<code>``, :mod:`._rates`): an input converted from another currency
is divided by its currency's one draw, the same in every stream. What a run keeps is small:
each output's total over the window per draw, and each account's mean by month.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from troopledger.errors import ModelError
from troopledger.evidence import BLOCK, Distribution, block_rng
from troopledger.model.streams._contract import ACCOUNTS, PARTITIONS, Array, Stream
from troopledger.model.streams._rates import fx_param, in_usd

__all__ = ["CONSERVATION_TOLERANCE", "Ledger", "LedgerDraws", "Probe"]

#: Largest gap, in USD over a draw's window, allowed between an account and the sum of its parts.
CONSERVATION_TOLERANCE = 1.0


@dataclass(frozen=True)
class Probe:
    """A per-draw reading of outputs for a check: their sum over months ``lo..hi`` (or the last or mean month)."""

    stream: str
    outputs: tuple[str, ...]
    lo: int
    hi: int
    how: str = "sum"  # "sum", "last" or "mean"

    def read(self, out: Mapping[str, Array]) -> Array:
        """The reading for one block of a stream's outputs."""
        a = sum((out[o] for o in self.outputs), np.zeros(1))
        lo, hi = max(self.lo, 0), self.hi
        if hi < lo:
            return np.zeros(a.shape[0])
        part = a[:, lo : hi + 1]
        if self.how == "last":
            return np.asarray(part[:, -1], dtype=float)
        return np.asarray(part.mean(axis=1) if self.how == "mean" else part.sum(axis=1), dtype=float)


@dataclass(frozen=True)
class LedgerDraws:
    """What a ledger run keeps: per-draw window totals, monthly account means, and the inputs drawn.

    ``totals[stream][output]`` is ``(draws,)``: money summed over the window, stocks
    and counts at the window's last month when cumulative, else summed.
    ``accounts[account]`` is ``(draws,)``, the sum over streams; ``monthly[stream][account]``
    is the mean over draws by month; ``inputs[name]`` is ``(draws,)``.
    """

    months: tuple[str, ...]
    window: tuple[int, int]
    totals: dict[str, dict[str, Array]]
    accounts: dict[str, Array]
    monthly: dict[str, dict[str, Array]]
    inputs: dict[str, Array]
    conservation_error: float
    probes: dict[str, Array]


class Ledger:
    """Streams and the inputs' distributions; :meth:`run` draws and sums them.

    ``converted`` names the inputs read from figures in other currencies: input -> {currency:
    share of its weight}. Each such currency's rate error is drawn once as ``fx_<code>``.
    """

    def __init__(
        self,
        streams: Sequence[Stream],
        priors: Mapping[str, Distribution] | None = None,
        converted: Mapping[str, Mapping[str, float]] | None = None,
    ) -> None:
        names = [s.name for s in streams]
        if len(set(names)) != len(names):
            raise ModelError(f"stream names repeat: {names}")
        self.streams = tuple(streams)
        self.priors: dict[str, Distribution] = {}
        shared: dict[str, str] = {}
        for s in self.streams:
            for p in s.params:
                key = self.key(s, p.name)
                if p.shared and key in shared and shared[key] != p.unit:
                    raise ModelError(f"shared input {key} has units {shared[key]} and {p.unit}")
                if p.shared:
                    shared.setdefault(key, p.unit)
                self.priors.setdefault(key, p.default)
        self.converted = {k: dict(v) for k, v in (converted or {}).items() if any(s > 0 for s in v.values())}
        stray = set(self.converted) - set(self.priors)
        if stray:
            raise ModelError(f"converted inputs no stream declares: {', '.join(sorted(stray))}")
        for shares in self.converted.values():
            for code in shares:
                if code.upper() != code or not code.isalpha():
                    raise ModelError(f"currency codes are upper-case letters, got {code!r}")
                try:
                    fx = fx_param(code)
                except KeyError:
                    raise ModelError(f"no stated accuracy for the {code} rate") from None
                self.priors.setdefault(fx.name, fx.default)
        unknown = set(priors or {}) - set(self.priors)
        if unknown:
            raise ModelError(f"inputs no stream declares: {', '.join(sorted(unknown))}")
        self.priors.update(priors or {})

    @staticmethod
    def key(stream: Stream, param: str) -> str:
        """The name an input is drawn under: bare if shared, else ``<stream>.<param>``."""
        p = next(q for q in stream.params if q.name == param)
        return p.name if p.shared else f"{stream.name}.{p.name}"

    def _block(self, seed: int, block: int, n: int) -> dict[str, Array]:
        return {k: d.sample(block_rng(seed, block, k), n) for k, d in self.priors.items()}

    def run_block(
        self, seed: int, block: int, n: int, months: Sequence[str]
    ) -> tuple[dict[str, Array], dict[str, dict[str, Array]]]:
        """One block of draws: the inputs drawn and each stream's monthly outputs."""
        drawn = self._block(seed, block, n)
        for key, shares in self.converted.items():
            drawn[key] = in_usd(drawn[key], shares, drawn)
        outs: dict[str, dict[str, Array]] = {}
        for s in self.streams:
            d = {p.name: drawn[self.key(s, p.name)] for p in s.params}
            if s.sampler is not None:
                d = {**s.sampler(seed, block, n), **d}
            outs[s.name] = s.run(d, months)
        return drawn, outs

    def run(
        self,
        months: Sequence[str],
        draws: int,
        seed: int,
        window: tuple[int, int] | None = None,
        probes: Mapping[str, Probe] | None = None,
    ) -> LedgerDraws:
        """Run ``draws`` draws over the calendar ``months``; totals cover ``window`` (first, last index).

        ``probes`` name readings kept per draw (for checks against claims).
        """
        probes = dict(probes or {})
        bad = [k for k, p in probes.items() if p.stream not in {s.name for s in self.streams}]
        if bad:
            raise ModelError(f"probes of unknown streams: {', '.join(bad)}")
        read: dict[str, list[Array]] = {k: [] for k in probes}
        if draws < 1 or seed < 0:
            raise ModelError(f"draws must be >= 1 and seed >= 0, got {draws} and {seed}")
        lo, hi = window if window is not None else (0, len(months) - 1)
        if not 0 <= lo <= hi < len(months):
            raise ModelError(f"window {lo}..{hi} is outside the {len(months)} months")
        totals: dict[str, dict[str, list[Array]]] = {s.name: {} for s in self.streams}
        sums: dict[str, dict[str, Array]] = {s.name: {a: np.zeros(len(months)) for a in ACCOUNTS} for s in self.streams}
        inputs: dict[str, list[Array]] = {}
        worst = 0.0
        for block in range((draws + BLOCK - 1) // BLOCK):
            n = min(BLOCK, draws - block * BLOCK)
            drawn, outs = self.run_block(seed, block, n, months)
            for k, v in drawn.items():
                inputs.setdefault(k, []).append(v)
            for s in self.streams:
                out = outs[s.name]
                for o in s.outputs:
                    a = out[o.name][:, lo : hi + 1]
                    kept = a[:, -1] if o.name.endswith("_cumulative") or o.unit in ("persons",) else a.sum(axis=1)
                    totals[s.name].setdefault(o.name, []).append(kept)
                    if o.account is not None:
                        sums[s.name][o.account] += out[o.name].sum(axis=0)
                worst = max(worst, _conservation_error(s, out, lo, hi))
            for k, p in probes.items():
                read[k].append(p.read(outs[p.stream]))
        if worst > CONSERVATION_TOLERANCE:
            raise ModelError(f"money not conserved: accounts miss their parts by up to {worst:.3g} USD")
        flat = {s: {k: np.concatenate(v) for k, v in t.items()} for s, t in totals.items()}
        accounts: dict[str, Array] = {
            a: sum((flat[s.name][s.output(a)] for s in self.streams), np.zeros(draws)) for a in ACCOUNTS
        }
        monthly = {s: {a: v / draws for a, v in acc.items()} for s, acc in sums.items()}
        return LedgerDraws(
            months=tuple(months),
            window=(lo, hi),
            totals=flat,
            accounts=accounts,
            monthly=monthly,
            inputs={k: np.concatenate(v) for k, v in inputs.items()},
            conservation_error=worst,
            probes={k: np.concatenate(v) for k, v in read.items()},
        )


def _conservation_error(stream: Stream, out: Mapping[str, Array], lo: int, hi: int) -> float:
    """Largest gap, in USD over the window, between a stream's value and any partition of it."""
    value = out[stream.output("value_to_north_korea")][:, lo : hi + 1].sum(axis=1)
    gap = 0.0
    for a, b in PARTITIONS:
        parts = out[stream.output(a)][:, lo : hi + 1].sum(axis=1) + out[stream.output(b)][:, lo : hi + 1].sum(axis=1)
        gap = max(gap, float(np.max(np.abs(parts - value), initial=0.0)))
    in_kind = out[stream.output("in_kind")][:, lo : hi + 1].sum(axis=1)
    paid = out[stream.output("paid_by_russia")][:, lo : hi + 1].sum(axis=1)
    gap = max(gap, float(np.max(in_kind - paid, initial=0.0)))
    return gap
