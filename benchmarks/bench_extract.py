"""Extraction speed: ``troopledger extract`` on many ~5 KB articles in one call, in one process.

Writes ``--articles`` plain-text files of about 5 KB (each a different rotation of the
corpus texts in ``tests/corpus/``, or of the dev-set texts with ``--devset DIR``) to a
temporary folder, then times, interleaved ``--repeat`` times: the whole CLI call
``troopledger extract --format json FILE...`` (reading, cleaning, extracting, writing
the JSON list to /dev/null) and, as the reference in the same run, reading and cleaning the
same files alone (``read_document``). Times are CPU seconds of this process
(``time.process_time``), so a machine shared with other jobs slows the figures less
than wall time would. Prints articles per CPU second for both and the ratio.
Run: ``.venv/bin/python benchmarks/bench_extract.py [--articles 300] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import tempfile
import time
from pathlib import Path

from troopledger._cli import main as cli
from troopledger.sources import read_document

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def articles(n: int, texts: list[str], size: int = 5000) -> list[str]:
    """``n`` plain-text articles of about ``size`` characters, each a different rotation of ``texts``."""
    out = []
    for i in range(n):
        parts: list[str] = []
        j = i
        while sum(len(p) for p in parts) < size:
            parts.append(texts[j % len(texts)])
            j += 1
        out.append("\n".join(parts))
    return out


def _cli_run(files: list[str]) -> float:
    start = time.process_time()
    with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        try:
            cli(["extract", "--format", "json", "--date", "2025-01-15", *files])
        except SystemExit as e:
            if e.code not in (0, None):
                raise
    return time.process_time() - start


def _read_run(files: list[str]) -> float:
    start = time.process_time()
    for f in files:
        read_document(f, date="2025-01-15")
    return time.process_time() - start


def main() -> None:
    """Print articles per second for the CLI call and for reading alone, and their ratio."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--devset", type=Path, help="build the articles from these real texts (DIR/texts/*.txt)")
    args = ap.parse_args()
    source = sorted((args.devset / "texts").glob("*.txt")) if args.devset else sorted(CORPUS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in source]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k, text in enumerate(articles(args.articles, texts)):
            path = Path(tmp) / f"a{k:04d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        _cli_run(files[:5])  # warm imports and caches
        cli_times, read_times = [], []
        for _ in range(args.repeat):
            cli_times.append(_cli_run(files))
            read_times.append(_read_run(files))
        size = sum(os.path.getsize(f) for f in files) / len(files)
    t_cli, t_read = statistics.median(cli_times), statistics.median(read_times)
    n = args.articles
    print(
        f"{n} articles of {size / 1000:.1f} KB ({'dev set' if args.devset else 'corpus'} texts): "
        f"extract CLI {n / t_cli:.0f} articles per CPU second (median of {args.repeat}), "
        f"reading alone {n / t_read:.0f}, "
        f"extraction costs {t_cli / t_read:.1f}x reading"
    )


if __name__ == "__main__":
    main()
