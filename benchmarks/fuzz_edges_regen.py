"""Issue 22's edge families, regenerated: new variants of each family from a fixed seed, counted by outcome.

Families: special files, deep keys (and big numbers, byte-order marks, repeated ranks),
output streams, numbers in other scripts, single bit flips in a ledger, and CSV / HTML /
Markdown injection. Every command runs as its own process with a 60 s limit. Each
variant ends as ``ok`` (a right result), ``error`` (one line ``troopledger: error: ...
fix: ...``, exit 2) or a failure: ``traceback``, ``hang`` (over 60 s), ``wrong`` (a
figure or listing that differs from the truth, silently), ``lost`` (a record gone) or
``other`` (any other exit). The peak memory of the largest child is checked against
the documented budget (4 GB). Run:

    .venv/bin/python benchmarks/fuzz_edges_regen.py --seed 2212 --scale 1

and it prints one line per family and exits 1 if any variant failed.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import os
import random
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

TIMEOUT = 60
#: Commands that needed more than TIMEOUT s of wall time on a busy machine, with the CPU they used.
SLOW: list[str] = []
BUDGET_BYTES = 4_000_000_000
Outcome = str


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _run(args: list[str], *, stdout: Any = subprocess.PIPE, **env: str) -> tuple[Outcome, int, bytes, bytes]:
    """Run ``troopledger ARGS`` in a process: its outcome class, exit status, stdout and stderr.

    Over :data:`TIMEOUT` seconds of wall time, the command runs again with ten times the time: if it then
    ends having used under :data:`TIMEOUT` seconds of CPU, it was slow only because the machine was busy
    (counted as ``slow`` beside its outcome's class, and not a failure); else it is a ``hang``.
    """
    code = "import sys; from troopledger._cli import main; main(sys.argv[1:])"
    for limit in (TIMEOUT, 10 * TIMEOUT):
        began = _cpu()
        try:
            run = subprocess.run(
                [sys.executable, "-c", code, *args],
                stdout=stdout,
                stderr=subprocess.PIPE,
                timeout=limit,
                check=False,
                env={**os.environ, **env},
            )
        except subprocess.TimeoutExpired:
            continue
        if limit > TIMEOUT:
            SLOW.append(f"{' '.join(args[:2])}: {_cpu() - began:.0f} s CPU")
            if _cpu() - began > TIMEOUT:
                return "hang", -1, b"", b""
        break
    else:
        return "hang", -1, b"", b""
    err = run.stderr or b""
    out = run.stdout if isinstance(run.stdout, bytes) else b""
    if b"Traceback" in err:
        return "traceback", run.returncode, out, err
    if run.returncode == 0:
        return "ok", 0, out, err
    lines = err.decode("utf-8", "replace").strip().splitlines()
    if run.returncode == 2 and len(lines) == 1 and lines[0].startswith("troopledger") and "fix: " in lines[0]:
        return "error", 2, out, err
    return "other", run.returncode, out, err


def _bundled_case() -> str:
    return resources.files("troopledger").joinpath("data", "cases", "nk-russia-2024.toml").read_text(encoding="utf-8")


def _ledger(where: Path, n: int) -> Path:
    rows = [
        {
            "id": f"c{i}",
            "quantity": "troops_deployed",
            "value": 1000.0 + i,
            "unit": "persons",
            "speaker": f"Speaker {i}",
            "status": "accepted",
            "source": {"id": f"s{i}", "outlet": "Outlet", "date": f"2025-0{1 + i % 9}-1{i % 9}"},
        }
        for i in range(n)
    ]
    seed = where / "seed.jsonl"
    seed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ledger = where / "l.db"
    outcome = _run(["claims", "import", str(seed), "--ledger", str(ledger)])[0]
    if outcome != "ok":
        raise SystemExit(f"could not build the seed ledger: {outcome}")
    return ledger


# -- families ----------------------------------------------------------------------------------------------


def special_files(rng: random.Random, tmp: Path, n: int) -> list[Outcome]:
    """FIFOs, devices, sockets, directories, dangling and looping links, as every kind of input."""
    roles: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
        "case": (".toml", lambda p: ["report", str(p), "--draws", "200"]),
        "ledger": (".db", lambda p: ["claims", "list", "--ledger", str(p)]),
        "claims": (".jsonl", lambda p: ["claims", "import", str(p), "--ledger", str(p.parent / "x.db")]),
        "article": (".txt", lambda p: ["extract", str(p)]),
        "rates": (".csv", lambda p: ["report", "--rates", str(p), "--currency", "KRW", "--draws", "200"]),
    }
    kinds = ["fifo", "/dev/zero", "/dev/urandom", "/dev/null", "/dev/full", "socket", "dir", "dangling", "loop"]
    out = []
    for i in range(n):
        role, kind, chain = rng.choice(sorted(roles)), rng.choice(kinds), rng.randrange(0, 3)
        suffix, command = roles[role]
        target = tmp / f"t{i}{suffix}"
        if kind == "fifo":
            os.mkfifo(target)
        elif kind.startswith("/dev/"):
            target.symlink_to(kind)
        elif kind == "socket":
            s = socket.socket(socket.AF_UNIX)
            s.bind(str(target))
            s.close()
        elif kind == "dir":
            target.mkdir()
        elif kind == "dangling":
            target.symlink_to(tmp / f"missing{i}")
        else:
            target.symlink_to(target)
        path = target
        for k in range(chain):  # links to links
            link = tmp / f"l{i}-{k}{suffix}"
            link.symlink_to(path)
            path = link
        outcome = _run(command(path))[0]
        out.append("other" if outcome == "ok" else outcome)  # a special file is never a good input
    return out


def deep_keys(rng: random.Random, tmp: Path, n: int) -> list[Outcome]:
    """Long dotted keys, deep nesting, long keys, huge integers, byte-order marks and repeated ranks."""
    base = _bundled_case()
    out = []
    for i in range(n):
        kind = rng.choice(["dotted", "nested", "array", "longkey", "bigint", "bom", "rank"])
        text = base
        if kind == "dotted":
            text += "\n" + ".".join(f"k{j}" for j in range(rng.choice([33, 200, 5_000, 60_000]))) + " = 1\n"
        elif kind == "nested":
            depth = rng.choice([33, 100, 2_000])
            text += "\nx = " + "{ a = " * depth + "1" + " }" * depth + "\n"
        elif kind == "array":
            depth = rng.choice([33, 500, 20_000])
            text += "\nx = " + "[" * depth + "]" * depth + "\n"
        elif kind == "longkey":
            text += "\n" + "k" * rng.choice([1_001, 50_000, 900_000]) + " = 1\n"
        elif kind == "bigint":
            digits = rng.choice([4_301, 20_000, 400_000])
            text = text.replace("months = 12", "months = " + "9" * digits, 1)
        elif kind == "bom":
            text = "\ufeff" + text
        else:
            text += '\n[[pay_by_rank]]\nrank = "private"\nshare = 0.5\npay = { fixed = 1 }\n' * 2
        path = tmp / f"d{i}.toml"
        path.write_text(text, encoding="utf-8")
        outcome, _code, out_bytes, _ = _run(["report", str(path), "--draws", "200", "--format", "json"])
        if kind == "bom" and outcome == "ok":
            outcome = "ok" if json.loads(out_bytes)["case"] == "nk-russia-2024" else "wrong"
        elif kind != "bom" and outcome == "ok":
            outcome = "wrong"  # every other variant is a bad case file
        out.append(outcome)
    return out


def output_streams(rng: random.Random, tmp: Path, n: int) -> list[Outcome]:
    """Closed pipes, full devices and narrow encodings under each kind of command."""
    commands = [["cases"], ["report", "--draws", "200"], ["report", "-f", "md", "--draws", "200"], ["--help"]]
    out = []
    for _ in range(n):
        args, how = rng.choice(commands), rng.choice(["pipe", "full", "ascii", "cp1252", "latin-1", "cp437"])
        if how == "pipe":
            reader = subprocess.Popen(
                ["head", "-c", str(rng.choice([0, 1, 10]))], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL
            )
            outcome, _code, _, err = _run(args, stdout=reader.stdin)
            assert reader.stdin is not None
            reader.stdin.close()
            reader.wait(timeout=30)
            out.append(outcome if outcome != "ok" or not err else "other")
        elif how == "full":
            with open("/dev/full", "w") as full:
                outcome, _code, _, err = _run(args, stdout=full)
            out.append(outcome if b"standard output" in err or outcome != "error" else "other")
        else:
            out.append(_run(args, PYTHONIOENCODING=how)[0])
    return out


_DIGITS = {
    "ascii": "0123456789",
    "fullwidth": "０１２３４５６７８９",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "devanagari": "०१२३४५६७८९",
    "bold": "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
}


def _written(value: int, rng: random.Random) -> str:
    """``value`` grouped in one of several styles and written in one of several digit systems."""
    style = rng.choice(["comma", "thin", "narrow", "indian", "plain", "thousand", "decimal-comma"])
    s = str(value)
    if style == "comma":
        s = f"{value:,}"
    elif style in ("thin", "narrow"):
        s = f"{value:,}".replace(",", "\u2009" if style == "thin" else "\u202f")
    elif style == "indian" and value >= 100_000:
        head, tail = s[:-3], s[-3:]
        groups: list[str] = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        s = ",".join([head, *groups, tail])
    elif style == "thousand" and value % 1000 == 0:
        s = f"{value // 1000:,} thousand"
    elif style == "decimal-comma" and value % 100 == 0 and value >= 1000:
        whole, frac = divmod(value // 100, 10)
        s = f"{whole},{frac} thousand"
    digits = _DIGITS[rng.choice(sorted(_DIGITS))]
    return "".join(digits[int(c)] if c.isdigit() else c for c in s)


def number_scripts(rng: random.Random, tmp: Path, n: int) -> list[Outcome]:
    """Counts of soldiers written in other digits and groupings: read as their value, or not at all."""
    from troopledger.claims import extract_claims
    from troopledger.sources import document_from_bytes

    templates = [
        "North Korea has sent {n} troops to Russia, officials said.",
        "Officials said on Monday that {n} North Korean soldiers are now in Russia.",
        "Some {n} North Korean soldiers were deployed to Kursk, according to the agency.",
    ]
    out = []
    for _ in range(n):
        value = rng.choice([rng.randrange(1_000, 99_000) // 100 * 100, rng.randrange(100, 999) * 1000, 120_000])
        text = rng.choice(templates).format(n=_written(value, rng))
        try:
            doc = document_from_bytes(text.encode(), "a.txt", outlet="Wire", date="2025-03-01")
            figures = [c.value for c in extract_claims(doc) if c.quantity.startswith(("troops", "other:count"))]
        except Exception:
            out.append("traceback")
            continue
        if not figures:
            out.append("error")  # not read at all: allowed ("read right or not at all")
        else:
            out.append("ok" if all(f is not None and abs(f - value) <= 0.005 * value for f in figures) else "wrong")
    return out


def bit_flips(rng: random.Random, tmp: Path, n: int) -> list[Outcome]:
    """Single bit flips anywhere past a ledger's header: the same output, or one line naming the ledger.

    Each flipped ledger is listed (``claims list``: every claim's columns and stored
    lineage label); when that works, one claim is shown (its record and its history,
    ``claims show``) and the whole ledger exported (every record), and each must give
    exactly what the undamaged ledger gave.
    """
    ledger = _ledger(tmp, 50)
    shown = [f"c{i}" for i in range(50)]
    base: dict[tuple[str, ...], bytes] = {}  # what the undamaged ledger gives, by command
    data = ledger.read_bytes()
    flipped = tmp / "f.db"
    out = []
    for _ in range(n):
        damaged = bytearray(data)
        at, bit = rng.randrange(100, len(damaged)), rng.randrange(8)
        damaged[at] ^= 1 << bit
        flipped.write_bytes(bytes(damaged))
        for extra in ("-wal", "-shm"):
            Path(f"{flipped}{extra}").unlink(missing_ok=True)
        outcome = "ok"
        for args in (["claims", "list"], ["claims", "show", rng.choice(shown)], ["claims", "export"]):
            if tuple(args) not in base:
                base[tuple(args)] = _run([*args, "--ledger", str(ledger)])[2]
            outcome, _, listing, _ = _run([*args, "--ledger", str(flipped)])
            if outcome == "ok" and listing != base[tuple(args)]:
                outcome = "lost" if listing.count(b"\n") < base[tuple(args)].count(b"\n") else "wrong"
                changed = set(listing.splitlines()) ^ set(base[tuple(args)].splitlines())
                where = f"byte {at} bit {bit} (page {at // 4096 + 1})"
                print(f"  {outcome}: {where}, {' '.join(args)}: {sorted(changed)[:4]}")
            if outcome != "ok":
                break
        out.append(outcome)
    return out


_NASTY = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=HYPERLINK(\"http://e.x\")", "a\rb", "a\nb", "a\r\nb",
          "\x00", "\u202ertl\u202c", "\u2066iso", "<script>alert(1)</script>", "http://evil.example/x",
          "www.evil.example", "mail@evil.example", "[x](javascript:alert(1))", "`code`", "| pipe |", "*bold*",
          "\x1b[31mred", "\x1b]8;;http://e.x\x07link"]  # fmt: skip


def _live(cell: str) -> bool:
    """True when a line of a CSV cell would start a spreadsheet formula."""
    return any(line[:1] in ("=", "+", "-", "@", "\t") for line in re.split(r"\r\n|\r|\n", cell) if line)


def injection(rng: random.Random, tmp: Path, n: int) -> list[Outcome]:
    """Claims with formulas, line breaks, NULs, direction overrides, markup and URLs: exported, imported, rendered."""
    rows = []
    for i in range(n):
        speaker = rng.choice(["S", "Speaker "]) + "".join(rng.choice(_NASTY) for _ in range(rng.randrange(1, 4)))
        quote = rng.choice(["Q", "Quote "]) + "".join(rng.choice(_NASTY) for _ in range(rng.randrange(1, 4)))
        rows.append(
            {
                "id": f"x{i}",
                "quantity": "troops_deployed",
                "value": 9000.0 + i,
                "unit": "persons",
                "speaker": speaker,
                "text": quote,
                "status": "accepted",
                "source": {"id": f"s{i}", "outlet": rng.choice(_NASTY) + "Outlet", "date": "2024-11-01"},
            }
        )
    seed = tmp / "inj.jsonl"
    seed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ledger = tmp / "inj.db"
    out = [_run(["claims", "import", str(seed), "--ledger", str(ledger)])[0]]
    exported = tmp / "inj.csv"
    out.append(_run(["claims", "export", str(exported), "--ledger", str(ledger), "--format", "csv"])[0])
    if exported.exists():
        table = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8"), newline="")))
        cells_ok = not any(_live(cell) for r in table[1:] for cell in r)
        out.append("ok" if len(table) == n + 1 else "lost")
        out.append("ok" if cells_ok else "wrong")
        back = tmp / "back.db"
        out.append(_run(["claims", "import", str(exported), "--ledger", str(back)])[0])
        listing = _run(["claims", "list", "--ledger", str(back)])[2]
        listed = {m.group(1) for m in re.finditer(rb"^\W*(x\d+)\s", listing, re.M)}
        out.append("ok" if len(listed) == n else "lost")
    for fmt in ("html", "md"):
        page = tmp / f"r.{fmt}"
        outcome = _run(["report", "--ledger", str(ledger), "-f", fmt, "--out", str(page), "--draws", "500"])[0]
        if outcome == "ok":
            text = page.read_text(encoding="utf-8")
            bad = "<script>alert" in text or "\u202e" in text or "\x1b" in text or "\x00" in text
            if fmt == "md":  # GitHub-flavoured Markdown links a URL at a line's start, after a space or *_~(
                bad = bad or re.search(r"(?:^|[\s*_~(])(?:https?://|www\.)evil", text, re.M) is not None
            else:
                bad = bad or 'href="http://evil' in text or "href='http://evil" in text
            outcome = "wrong" if bad else "ok"
        out.append(outcome)
    return out


FAMILIES: dict[str, tuple[Callable[[random.Random, Path, int], list[Outcome]], int]] = {
    "special files": (special_files, 24),
    "deep keys": (deep_keys, 21),
    "output streams": (output_streams, 12),
    "number scripts": (number_scripts, 300),
    "bit flips": (bit_flips, 40),
    "CSV/HTML/MD injection": (injection, 30),
}
FAILURES = ("traceback", "hang", "wrong", "lost", "other")


def main() -> None:
    """Run every family (or those named) and print the counts of each outcome."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2212)
    ap.add_argument("--scale", type=float, default=1.0, help="variants per family, times the default")
    ap.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    args = ap.parse_args()
    failed = 0
    for name, (family, count) in FAMILIES.items():
        if args.family and name not in args.family:
            continue
        rng = random.Random(f"{args.seed}:{name}")
        began = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            outcomes = family(rng, Path(tmp), max(1, int(count * args.scale)))
        counts = collections.Counter(outcomes)
        bad = sum(counts[f] for f in FAILURES)
        failed += bad
        shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"{name}: {len(outcomes)} variants in {time.perf_counter() - began:.0f} s: {shown}", flush=True)
    if SLOW:
        print(f"over {TIMEOUT} s of wall time but not of CPU (a busy machine): {'; '.join(SLOW)}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(f"largest child's peak memory: {peak / 1e9:.2f} GB (budget {BUDGET_BYTES / 1e9:g} GB)")
    if peak > BUDGET_BYTES:
        failed += 1
    print("FAILED" if failed else "all variants held", f"({failed} failures)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
