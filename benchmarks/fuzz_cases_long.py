"""Runtime against size for the case-file and accepted-claim families of the fuzz suite.

(``benchmarks/fuzz_long.py --scale N`` runs every fuzz property, these families'
included, with N times the examples.) Two timings, each optional:

* ``--claims 50,150,500``: ``troopledger report`` on the default case with a ledger of
  that many random accepted claims (random quantities, figures, hedges, periods and
  dates), each against a run with 10 such claims in the same session;
* ``--inline 1000,4000``: loading a case file with that many inline ``[[claims]]``,
  as a ratio to the smallest size (linear growth keeps it near the ratio of sizes).

Run:  .venv/bin/python benchmarks/fuzz_cases_long.py --claims 50,150,500 --inline 1000,4000 [--seed N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import tempfile
import time
from pathlib import Path

from troopledger._cli import main as cli
from troopledger.claims import QUANTITIES, Claim, Ledger
from troopledger.evidence import parse_case

_LIMITS = {"amount": 1e13, "count": 1e8, "duration": 1200.0, "share": 1.0}


def random_claims(n: int, seed: int) -> list[Claim]:
    """``n`` accepted claims with random quantities and figures within what claim validation allows."""
    rng = random.Random(seed)
    quantities = sorted(q for q in QUANTITIES if q != "other")
    out = []
    for i in range(n):
        q = rng.choice(quantities)
        kind = QUANTITIES[q].kind
        value = rng.random() if kind == "share" else 10 ** rng.uniform(0, 12 if kind == "amount" else 6)
        out.append(
            Claim.model_validate(
                {
                    "id": f"r{i}",
                    "quantity": q,
                    "value": min(value, _LIMITS[kind]),
                    "unit": QUANTITIES[q].unit,
                    "period": rng.choice([None, "month", "year", "total"]),
                    "hedge": rng.choice(["none", "about", "up to", "at least", "could"]),
                    "speaker": f"speaker {i % 40}",
                    "speaker_kind": rng.choice(["intelligence", "outlet", "anonymous"]),
                    "window_end": rng.choice([None, None, f"2025-{rng.randint(1, 9):02d}"]),
                    "status": "accepted",
                    "source": {"id": f"s{i}", "outlet": "Outlet", "date": f"2025-{rng.randint(1, 9):02d}-15"},
                }
            )
        )
    return out


def time_report(n: int, folder: Path, seed: int = 0) -> float:
    """Seconds for ``troopledger report nk-russia-2024`` with ``n`` random accepted claims (exit 0 required)."""
    ledger = folder / f"ledger{n}.db"
    ledger.unlink(missing_ok=True)
    with Ledger(str(ledger)) as led:
        led.add(random_claims(n, seed=seed * 100_003 + n))
    start = time.perf_counter()
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli(["report", "nk-russia-2024", "--ledger", str(ledger), "--draws", "2000", "-f", "json"])
    except SystemExit as e:
        if e.code:
            raise SystemExit(f"report with {n} claims failed: {err.getvalue().strip()}") from None
    return time.perf_counter() - start


def inline_case(n: int) -> bytes:
    """A rotation case with ``n`` inline claims about pay, fused from claims."""
    lines = [
        '[case]\nname = "many"\n[deployment]\nmode = "rotation"',
        "[parameters.pay_per_soldier_month]\nfrom_claims = true",
        "[parameters.troops_deployed]\nfixed = 10000",
        "[parameters.rotation_interval_months]\nfixed = 6",
        "[parameters.state_share_of_pay]\nfixed = 0.9",
        '[[sources]]\nid = "s"\noutlet = "X"\ndate = "2024-11-01"',
    ]
    for i in range(n):
        lines.append(
            f'[[claims]]\nid = "c{i}"\nquantity = "pay_per_soldier_month"\nvalue = {1000 + i}\n'
            f'speaker = "speaker {i}"\nsource = "s"\nstatus = "accepted"\nunit = "USD/month"\nperiod = "month"'
        )
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", default="", help="comma-separated ledger sizes to time (empty: skip)")
    parser.add_argument("--inline", default="", help="comma-separated inline-claim counts to time (empty: skip)")
    parser.add_argument("--seed", type=int, default=0, help="draw other random claims (0: the documented ones)")
    args = parser.parse_args()
    if args.claims:
        with tempfile.TemporaryDirectory() as tmp:
            base = time_report(10, Path(tmp), args.seed)
            for n in (int(x) for x in args.claims.split(",")):
                t = time_report(n, Path(tmp), args.seed)
                print(f"report with {n:>4} random accepted claims: {t:6.1f} s ({t / base:.1f} x the 10-claim run)")
    if args.inline:
        sizes = [int(x) for x in args.inline.split(",")]
        times = []
        for n in sizes:
            data = inline_case(n)
            start = time.perf_counter()
            parse_case(data, f"{n} inline claims")
            times.append(time.perf_counter() - start)
            print(f"case with {n:>6} inline claims: {times[-1]:6.2f} s")
        for n, t in zip(sizes[1:], times[1:], strict=True):
            print(f"  {n / sizes[0]:.0f} x the claims: {t / times[0]:.1f} x the time")


if __name__ == "__main__":
    main()
