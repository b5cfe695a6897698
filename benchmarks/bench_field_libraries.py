"""Cost of the morphological analysers considered for the other languages (none is a dependency).

Loads each analyser and runs it over the dev set's articles of its language
(``../shared/devset-ml``), printing load time and CPU milliseconds per article:
pymorphy3 with its Russian and Ukrainian dictionaries (lemma of every word), kiwipiepy
(Korean tokenisation) and fugashi with unidic-lite (Japanese lemmas). Run it with the
network cut (``unshare -rn``) to see that nothing is fetched at run time. Needs
``pip install pymorphy3 pymorphy3-dicts-ru pymorphy3-dicts-uk kiwipiepy fugashi unidic-lite``.

Run: ``.venv/bin/python benchmarks/bench_field_libraries.py``.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEVSET = next((p / "shared" / "devset-ml" for p in ROOT.parents if (p / "shared" / "devset-ml").is_dir()), ROOT)


def _texts() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (DEVSET / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            text = (DEVSET / "texts" / f"{rec['id']}.txt").read_text(encoding="utf-8")
            out.setdefault(rec["language"].split("-")[0], []).append(text)
    return out


def _cost(name: str, load: Callable[[], Any], run: Callable[[Any, str], object], docs: list[str]) -> None:
    t0 = time.process_time()
    tool = load()
    t1 = time.process_time()
    for text in docs:
        run(tool, text)
    t2 = time.process_time()
    print(f"{name:28} load {t1 - t0:6.2f} CPU s; {1000 * (t2 - t1) / len(docs):7.1f} ms per article ({len(docs)})")


def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru"), pymorphy3.MorphAnalyzer(lang="uk")


def _kiwi() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()


def _fugashi() -> Any:
    import fugashi

    return fugashi.Tagger()


def main() -> None:
    texts = _texts()
    words = re.compile(r"\w+")
    _cost("pymorphy3 (ru+uk dicts)", _morph, lambda m, t: [m[0].parse(w)[0].normal_form for w in words.findall(t)],
          texts["ru"] + texts["uk"])  # fmt: skip
    _cost("kiwipiepy", _kiwi, lambda k, t: k.tokenize(t), texts["ko"])
    _cost("fugashi + unidic-lite", _fugashi, lambda f, t: [w.feature.lemma for w in f(t)], texts["ja"])


if __name__ == "__main__":
    main()
