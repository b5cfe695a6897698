"""Fuzz: hostile claims, mis-encoded articles and odd command lines give a result or one line."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import assert_clean, cli, fuzz
from troopledger.claims import LIMITS, QUANTITIES, Ledger
from troopledger.sources import document_from_bytes

_NUMBERS = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1.5, 1e300, -1e-300, 10**12, 2**70, "2000", "nan", True, [], {}]),
)
_DATES = st.one_of(
    st.none(),
    st.sampled_from(["2025-02-30", "2025-13", "0000-01-01", "9999-12-31", "2024-02-29", "2025-04", "", "yesterday"]),
    st.text(max_size=12),
)
_HOSTILE_TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["\x1b[2J\x1b]0;owned\x07", "A \u202espy agency", '=HYPERLINK("http://x.example","y")', "\x00"]),
    st.builds(lambda n: "x" * n, st.integers(0, 12_000)),
)
_QUANTITY = st.one_of(st.sampled_from(sorted(QUANTITIES)), st.text(max_size=10))


@st.composite
def hostile_claim(draw: st.DrawFn, n: int) -> dict[str, object]:
    claim: dict[str, object] = {"id": f"h{n}", "quantity": draw(_QUANTITY), "speaker": draw(_HOSTILE_TEXT)}
    for key in ("value", "low", "high", "weight", "spread"):
        if draw(st.booleans()):
            claim[key] = draw(_NUMBERS)
    for key in ("window_start", "window_end"):
        if draw(st.booleans()):
            claim[key] = draw(_DATES)
    if draw(st.booleans()):
        claim["source"] = {"id": "s", "outlet": draw(_HOSTILE_TEXT), "date": draw(_DATES), "url": "javascript:x"}
    for key in ("text", "note", "organisation", "hedge", "stated"):
        if draw(st.booleans()):
            claim[key] = draw(_HOSTILE_TEXT)
    if draw(st.booleans()):
        claim["status"] = draw(st.sampled_from(["accepted", "edited", "pending", "odd"]))
    return claim


def _sane(led: Ledger) -> None:
    """Whatever was stored obeys the entry rules."""
    for c in led.claims():
        kind = QUANTITIES[c.quantity].kind
        for x in (c.value, c.low, c.high):
            if x is not None:
                assert math.isfinite(x)
                assert 0 <= x <= LIMITS.get(kind, math.inf)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        if c.source is not None:
            assert 1900 <= int(c.source.date[:4]) <= 2100


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], **fuzz(40))  # type: ignore[call-overload]
@given(data=st.data(), fmt=st.sampled_from(["jsonl", "csv"]))
def test_hostile_claims_files(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, fmt: str) -> None:
    tmp = tmp_path_factory.mktemp("claims")
    claims = [data.draw(hostile_claim(n)) for n in range(data.draw(st.integers(1, 3)))]
    path = tmp / f"in.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(c, allow_nan=True) + "\n" for c in claims), encoding="utf-8")
    else:  # a CSV a hand could have typed: flat text cells
        import csv

        with path.open("w", encoding="utf-8", newline="") as fh:
            cols = sorted({k for c in claims for k in c if k != "source"})
            writer = csv.DictWriter(fh, fieldnames=cols)
            writer.writeheader()
            writer.writerows({k: c.get(k, "") for k in cols} for c in claims)
    db = str(tmp / "l.db")
    o = cli(["claims", "import", str(path), "--ledger", db])
    assert_clean(o, names=(str(path),))
    if o.code == 2:
        assert not Path(db).exists() or len(Ledger(db)) == 0  # all or nothing
        return
    with Ledger(db) as led:
        _sane(led)
    for command in (["claims", "list"], ["claims", "lineage"], ["claims", "show", "h0"], ["claims", "export"]):
        shown = cli([*command, "--ledger", db])
        assert shown.code == 0
        assert "\x1b" not in shown.out or command[1] == "export"
        assert "\u202e" not in shown.out or command[1] == "export"
    out = tmp / "back.csv"
    assert cli(["claims", "export", str(out), "--ledger", db]).code == 0
    assert cli(["claims", "import", str(out), "--ledger", str(tmp / "l2.db")]).code == 0
    with Ledger(db) as a, Ledger(tmp / "l2.db") as b:
        assert a.claims() == b.claims()


@settings(**fuzz(40))  # type: ignore[call-overload]
@given(
    value=st.one_of(st.text(max_size=20), st.sampled_from(["1.5", "-3", "inf", "nan", "1e400", "two thousand"])),
    date=st.one_of(st.text(max_size=12), st.sampled_from(["2025-02-30", "2025-02-28", "1899-12-31", "2025-00-01"])),
    quantity=st.sampled_from(["state_share_of_pay", "pay_per_soldier_month", "troops_deployed"]),
)
def test_hostile_claims_add(tmp_path_factory: pytest.TempPathFactory, value: str, date: str, quantity: str) -> None:
    db = str(tmp_path_factory.mktemp("add") / "l.db")
    argv = ["claims", "add", "--ledger", db, "--quantity", quantity, "--value", value, "--speaker", "s"]
    o = cli([*argv, "--outlet", "o", "--date", date])
    assert_clean(o)
    if o.code == 0:
        with Ledger(db) as led:
            _sane(led)


_SENTENCES = {
    "ko": "북한은 러시아에 병력을 보냈다고 국정원이 밝혔다. 병사 한 명은 매달 이천 달러를 받는다고 한다. "
    "그 돈의 대부분은 국가가 가져간다고 전해졌다.",
    "ru": "Северная Корея отправила войска в Россию, сообщила разведка. Каждый солдат якобы получает "
    "около двух тысяч долларов в месяц, но большую часть забирает государство.",
    "ja": "北朝鮮はロシアに部隊を派遣したと情報機関が発表した。兵士一人あたり毎月二千ドルが支払われるという。"
    "その大部分は国家が受け取るとされる。",
    "de": "Nordkorea schickte Soldaten nach Russland, berichtete der Geheimdienst. Jeder Soldat erhält angeblich "
    "rund zweitausend Dollar im Monat; den größten Teil behält der Staat.",
    "en": "North Korea sent troops to Russia, the agency said. Each soldier is said to get about 2,000 dollars a "
    "month; the state keeps most of it.",
}
_ENCODINGS = {
    "ko": ["euc-kr", "cp949", "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"],
    "ru": ["cp1251", "koi8-r", "utf-8", "utf-16", "utf-16-le", "utf-16-be"],
    "ja": ["shift_jis", "euc-jp", "utf-8", "utf-16", "utf-16-le"],
    "de": ["cp1252", "latin-1", "utf-8", "utf-16-be"],
    "en": ["ascii", "utf-8", "utf-16", "utf-16-le"],
}


@settings(**fuzz(40))  # type: ignore[call-overload]
@given(data=st.data(), language=st.sampled_from(sorted(_SENTENCES)), repeat=st.integers(1, 4))
def test_mis_encoded_articles_decode_or_say_so(data: st.DataObject, language: str, repeat: int) -> None:
    encoding = data.draw(st.sampled_from(_ENCODINGS[language]))
    text = " ".join([_SENTENCES[language]] * repeat)
    doc = document_from_bytes(text.encode(encoding), "article.txt", date="2024-11-01")
    assert " ".join(doc.text.split()) == " ".join(text.split()), (encoding, doc.notes)
    utf8 = encoding in ("utf-8", "ascii", "utf-8-sig")
    assert any("encod" in n or "decoded as" in n for n in doc.notes) != utf8  # a guess is always noted


@settings(**fuzz(30))  # type: ignore[call-overload]
@given(
    payload=st.one_of(
        st.binary(min_size=0, max_size=3000),
        st.sampled_from([b"", b"   \n", b"\x7fELF" + bytes(300), b"%PDF-1.7\n" + bytes(range(256)) * 4]),
        st.builds(lambda t: t.encode("utf-8"), st.text(max_size=300)),
    ),
    suffix=st.sampled_from([".txt", ".html", ".htm", ""]),
)
def test_hostile_article_files(tmp_path_factory: pytest.TempPathFactory, payload: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("art") / f"a{suffix}"
    path.write_bytes(payload)
    o = cli(["extract", str(path), "--format", "json", "--date", "2024-11-01"])
    assert_clean(o, names=(str(path),))
    if o.code == 0:
        claims = json.loads(o.out)
        assert isinstance(claims, list)
        if not claims and not payload.strip():
            raise AssertionError("an empty file must be an error")


def test_text_named_html_and_deep_html_are_not_silently_empty(tmp_path: Path) -> None:
    sentence = "South Korea's spy agency said on 2024-11-01 that about 11,000 soldiers were sent to Russia."
    plain = tmp_path / "plain.html"
    plain.write_text(sentence + "\n")
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 3000 + f"<p>{sentence}</p>" + "</div>" * 3000 + "</body></html>")
    for path, note in ((plain, "holds no HTML tags"), (deep, "all the page's visible text")):
        o = cli(["extract", str(path), "--format", "json"])
        assert o.code == 0
        assert note in o.err
        assert any(c["quantity"] == "troops_deployed" and c["value"] == 11000 for c in json.loads(o.out))
    empty_page = tmp_path / "empty.html"
    empty_page.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    o = cli(["extract", str(empty_page), "--format", "json"])
    assert o.code == 0
    assert "no article text found" in o.err


_ARG_POOL = [
    "claims", "list", "show", "add", "edit", "accept", "reject", "import", "export", "lineage", "merge", "split",
    "extract", "ingest", "--ledger", "--quantity", "--status", "--since", "--until", "--speaker", "--value", "--set",
    "--format", "csv", "jsonl", "xml", "pay_per_soldier_month", "accepted", "c1", "value=", "=x", "2025-02-30", "-1",
    "", "\x1b[2J", "missing.jsonl", "--replace", "--bogus", "-", "--", "nan",
]  # fmt: skip


@settings(**fuzz(60))  # type: ignore[call-overload]
@given(argv=st.lists(st.sampled_from(_ARG_POOL), min_size=1, max_size=7))
def test_odd_command_lines(tmp_path_factory: pytest.TempPathFactory, argv: list[str]) -> None:
    tmp = tmp_path_factory.mktemp("argv")
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        o = cli(argv)
    finally:
        os.chdir(cwd)
    assert_clean(o)


def test_out_onto_a_directory_or_a_symlink(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    assert cli(["claims", "add", "--ledger", db, "--quantity", "casualties_killed", "--value", "5",
                "--speaker", "s"]).code == 0  # fmt: skip
    real = tmp_path / "real.csv"
    real.write_text("keep")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    for target, words in ((folder, "is a directory"), (link, "symbolic link")):
        o = cli(["claims", "export", str(target), "--ledger", db])
        assert o.code == 2
        assert_clean(o, names=(str(target),))
        assert words in o.err
    assert real.read_text() == "keep"
    assert link.is_symlink()
    o = cli(["report", "--draws", "100", "--format", "json", "--out", str(folder)])
    assert o.code == 2
    assert "is a directory" in o.err
    old = os.umask(0o022)
    try:
        o = cli(["claims", "export", str(tmp_path / "new" / "x.jsonl"), "--ledger", db])
    finally:
        os.umask(old)
    assert o.code == 0
    assert (tmp_path / "new" / "x.jsonl").stat().st_mode & 0o777 == 0o644
