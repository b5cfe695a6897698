"""Language identification: the script and function-word heuristic against lingua, on the dev sets.

Scores each identifier on every article of ``../shared/devset-ml`` (11 languages, gold
``language``; ``zh-TW`` counts as ``zh``) and ``../shared/devset`` (English), and on
each of their paragraphs of 40 letters or more that the article's gold language is
assumed to hold (a rough reading: ml-043 and ml-044 mix in English paragraphs, so a
few "errors" there are right). Prints accuracy and CPU milliseconds per article,
and lingua's one-off model loading time. lingua is loaded with the twelve pack
languages only. Needs ``pip install lingua-language-detector`` (not a dependency).

Run: ``.venv/bin/python benchmarks/bench_language_id.py``.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from troopledger.claims._language import identify

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "devset-ml").is_dir()), ROOT.parent / "shared")


def _texts() -> list[tuple[str, str]]:
    out = []
    for name, default in (("devset-ml", None), ("devset", "en")):
        for line in (SHARED / name / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                text = (SHARED / name / "texts" / f"{rec['id']}.txt").read_text(encoding="utf-8", errors="replace")
                out.append(((default or rec["language"]).split("-")[0], text))
    return out


def _lingua() -> tuple[Callable[[str], str], float]:
    from lingua import Language, LanguageDetectorBuilder

    t0 = time.process_time()
    names = ["ENGLISH", "KOREAN", "RUSSIAN", "UKRAINIAN", "JAPANESE", "CHINESE", "GERMAN", "FRENCH", "SPANISH",
             "PORTUGUESE", "POLISH", "ITALIAN"]  # fmt: skip
    detector = LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in names)).build()
    detector.detect_language_of("warm up")  # the models load lazily on first use
    load = time.process_time() - t0

    def detect(text: str) -> str:
        lang = detector.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else "en"

    return detect, load


def _score(detect: Callable[[str], str], items: list[tuple[str, str]]) -> tuple[float, float]:
    """Share right and CPU milliseconds per item (best of five passes, after one to load what loads lazily)."""
    right = sum(detect(text) == gold for gold, text in items)
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        for _gold, text in items:
            detect(text)
        best = min(best, time.process_time() - t0)
    return right / len(items), 1000 * best / len(items)


def main() -> None:
    docs = _texts()
    paras = [(g, p) for g, t in docs for p in re.findall(r"[^\n]+", t) if sum(c.isalpha() for c in p) >= 40]
    print(f"{len(docs)} articles, {len(paras)} paragraphs")
    detect, load = _lingua()
    print(f"lingua: models loaded in {load:.2f} CPU s")
    english = [(g, t) for g, t in docs if g == "en"]
    print(f"heuristic on the {len(english)} English articles alone: {_score(identify, english)[1]:.3f} ms each")
    for name, fn in (("heuristic", identify), ("lingua", detect)):
        acc_d, ms_d = _score(fn, docs)
        acc_p, ms_p = _score(fn, paras)
        print(f"{name:10} articles {acc_d:.3f} ({ms_d:.2f} ms each)   paragraphs {acc_p:.3f} ({ms_p:.2f} ms each)")


if __name__ == "__main__":
    main()
