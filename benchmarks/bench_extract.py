"""Extraction speed: articles of about 5 KB a second on one core (document building + claims).

Builds ~5 KB articles by concatenating the corpus's own articles, then times
``document_from_bytes`` + ``extract_claims`` over them. Run:
``.venv/bin/python benchmarks/bench_extract.py [--articles 300]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from troopledger.claims import extract_claims
from troopledger.sources import document_from_bytes

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def articles(n: int, size: int = 5000) -> list[bytes]:
    """``n`` plain-text articles of about ``size`` bytes, each a different rotation of the corpus texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    out = []
    for i in range(n):
        parts: list[str] = []
        j = i
        while sum(len(p) for p in parts) < size:
            parts.append(texts[j % len(texts)])
            j += 1
        out.append("\n".join(parts).encode("utf-8"))
    return out


def main() -> None:
    """Print articles per second and claims per article."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    n = ap.parse_args().articles
    docs = articles(n)
    extract_claims(document_from_bytes(docs[0], "warm.txt", date="2024-11-01"))
    t0 = time.perf_counter()
    claims = 0
    for k, data in enumerate(docs):
        claims += len(extract_claims(document_from_bytes(data, f"a{k}.txt", date="2024-11-01")))
    dt = time.perf_counter() - t0
    size = sum(len(d) for d in docs) / len(docs)
    print(f"{n} articles of {size / 1000:.1f} KB: {dt:.2f} s, {n / dt:.0f} articles/s, {claims / n:.1f} claims each")


if __name__ == "__main__":
    main()
