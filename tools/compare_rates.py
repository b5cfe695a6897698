"""Compare the bundled monthly rate table with a published monthly series (developer tool).

The bundled table (``src/troopledger/data/rates/usd_monthly.csv``) was compiled by hand. This
script holds it against a monthly series in the layout ``Date,Country,Exchange rate``
(units of currency per US dollar; the layout of the public ``datasets/exchange-rates``
repository, which republishes the Federal Reserve's H.10 monthly averages). Give either
that CSV file or a git directory holding it at ``data/monthly.csv``. Nothing of the series
is written into the project: the script prints deviations only.

    python tools/compare_rates.py PATH [--threshold 1.0] [--rows]
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from troopledger.analysis import bundled_rates

#: Our currency codes and the series' country names.
COUNTRIES = {"EUR": "Euro", "GBP": "United Kingdom", "CNY": "China", "JPY": "Japan", "KRW": "South Korea"}


@dataclass(frozen=True)
class Deviation:
    """One month of one currency: our rate, the series' rate and our relative deviation in %."""

    currency: str
    month: str
    ours: float
    theirs: float
    basis: str

    @property
    def percent(self) -> float:
        """Our rate's deviation from the series, in % of the series."""
        return 100.0 * (self.ours / self.theirs - 1.0)


def read_series(path: Path) -> str:
    """The series' CSV text, from a file or from ``data/monthly.csv`` at HEAD of a git directory."""
    if path.is_file():
        return path.read_text(encoding="utf-8")
    if path.is_dir():
        out = subprocess.run(
            ["git", "-C", str(path), "show", "HEAD:data/monthly.csv"], capture_output=True, text=True, check=False
        )
        if out.returncode == 0:
            return out.stdout
    raise SystemExit(f"compare_rates: {path}: no monthly series there (give data/monthly.csv or its git directory)")


def parse_series(text: str) -> dict[tuple[str, str], float]:
    """``(currency, YYYY-MM) -> units per US dollar`` for the currencies we carry."""
    codes = {country: code for code, country in COUNTRIES.items()}
    series: dict[tuple[str, str], float] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = codes.get(row.get("Country", ""))
        value = (row.get("Exchange rate") or "").strip()
        if code and value:
            series[(code, row["Date"][:7])] = float(value)
    return series


def deviations(series: dict[tuple[str, str], float]) -> list[Deviation]:
    """Every month where both the bundled table and the series have a rate."""
    table = bundled_rates()
    return [
        Deviation(code, month, rate, series[(code, month)], table.basis[(code, month)])
        for (code, month), rate in sorted(table.rates.items())
        if (code, month) in series
    ]


def summary(devs: list[Deviation], threshold: float) -> list[str]:
    """One Markdown row per currency and basis: months, mean and largest |deviation|, rows past the threshold."""
    lines = [
        f"| currency | basis | months | mean abs. dev. | largest dev. (month) | months over {threshold:g} % |",
        "|---|---|--:|--:|--:|--:|",
    ]
    for code in COUNTRIES:
        for basis in ("avg", "carried"):
            rows = [d for d in devs if d.currency == code and d.basis == basis]
            if not rows:
                continue
            worst = max(rows, key=lambda d: abs(d.percent))
            mean = sum(abs(d.percent) for d in rows) / len(rows)
            over = sum(abs(d.percent) > threshold for d in rows)
            span = f"{rows[0].month}..{rows[-1].month}"
            lines.append(
                f"| {code} | {basis} | {len(rows)} ({span}) | {mean:.2f} % | {worst.percent:+.2f} % "
                f"({worst.month}) | {over} |"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the per-currency deviations (and, with ``--rows``, every month past the threshold)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("series", type=Path, help="monthly.csv of the series, or a git directory holding it")
    parser.add_argument("--threshold", type=float, default=1.0, help="flag months deviating more (in %%)")
    parser.add_argument("--rows", action="store_true", help="list every month past the threshold")
    args = parser.parse_args(argv)
    devs = deviations(parse_series(read_series(args.series)))
    if not devs:
        print(f"compare_rates: {args.series}: no month in common with the bundled table", file=sys.stderr)
        return 1
    print("\n".join(summary(devs, args.threshold)))
    if args.rows:
        print()
        for d in devs:
            if abs(d.percent) > args.threshold:
                print(f"{d.currency} {d.month} ours {d.ours:g} ({d.basis}) deviates {d.percent:+.2f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
