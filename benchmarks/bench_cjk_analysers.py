"""What a Korean or Japanese morphological analyser would cost the reader: load time and articles per CPU second.

Not a dependency of troopledger: run it in a separate environment that has the analysers,
e.g. ``python3 -m venv /tmp/an && /tmp/an/bin/pip install kiwipiepy sudachipy sudachidict_core
fugashi unidic-lite pydantic`` and then
``PYTHONPATH=src /tmp/an/bin/python benchmarks/bench_cjk_analysers.py [--devset ../shared/devset-ml]``.
For each analyser it prints the CPU seconds to load it (first call included), the CPU time per
article of its language, and the articles per CPU second of reading and extracting the whole
mixed-language dev set without it and with it (loaded once, run on every article of its
language), the fastest of ``--repeat`` passes. An analyser that is not installed is skipped.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from troopledger.claims import extract_claims
from troopledger.sources import document_from_bytes


def _loader(name: str) -> Callable[[], Callable[[str], object]]:
    def kiwi() -> Callable[[str], object]:
        from kiwipiepy import Kiwi  # type: ignore[import-not-found]

        return Kiwi().tokenize  # type: ignore[no-any-return]

    def sudachi() -> Callable[[str], object]:
        from sudachipy import dictionary  # type: ignore[import-not-found]

        return dictionary.Dictionary(dict="core").create().tokenize  # type: ignore[no-any-return]

    def fugashi() -> Callable[[str], object]:
        import fugashi as fg  # type: ignore[import-not-found]

        return fg.Tagger()  # type: ignore[no-any-return]

    return {"kiwipiepy": kiwi, "sudachipy": sudachi, "fugashi": fugashi}[name]


_LANG = {"kiwipiepy": "ko", "sudachipy": "ja", "fugashi": "ja"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    found = [
        p / "shared" / "devset-ml" for p in Path(__file__).resolve().parents if (p / "shared" / "devset-ml").is_dir()
    ]
    ap.add_argument("--devset", type=Path, default=found[0] if found else Path("../shared/devset-ml"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows = [json.loads(x) for x in (args.devset / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x]
    arts = [(r["language"], (args.devset / "texts" / f"{r['id']}.txt").read_bytes(), r["id"]) for r in rows]

    def extract_all(run: Callable[[str], object] | None, lang: str) -> float:
        t0 = time.process_time()
        for code, data, aid in arts:
            doc = document_from_bytes(data, f"{aid}.txt")
            if run is not None and code == lang:
                run(doc.text)
            extract_claims(doc)
        return time.process_time() - t0

    extract_all(None, "")  # warm the packs and patterns
    base = min(extract_all(None, "") for _ in range(args.repeat))
    print(f"{len(arts)} articles: reading and extraction {len(arts) / base:.0f} articles per CPU second")
    for name, lang in _LANG.items():
        try:
            t0 = time.process_time()
            run = _loader(name)()
            run("テスト 테스트 test")
            load = time.process_time() - t0
        except ImportError:
            print(f"{name}: not installed, skipped")
            continue
        texts = [document_from_bytes(d, f"{i}.txt").text for c, d, i in arts if c == lang]
        per = min(_timed(run, texts) for _ in range(args.repeat)) / len(texts)
        with_it = min(extract_all(run, lang) for _ in range(args.repeat))
        print(
            f"{name} ({lang}, {len(texts)} articles): load {load:.2f} CPU s, {per * 1000:.1f} ms per article; "
            f"dev set with it {len(arts) / with_it:.0f} articles per CPU second, "
            f"{len(arts) / (with_it + load):.0f} counting the load once"
        )


def _timed(run: Callable[[str], object], texts: list[str]) -> float:
    t0 = time.process_time()
    for t in texts:
        run(t)
    return time.process_time() - t0


if __name__ == "__main__":
    main()
