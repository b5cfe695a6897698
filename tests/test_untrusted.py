"""Untrusted text: no terminal escapes, no leaking direction overrides, no live spreadsheet formulas."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from troopledger._untrusted import balance_bidi, for_terminal, neutral_csv, strip_bidi, unneutral_csv
from troopledger.claims import dump_claims, parse_claims
from troopledger.report._html import _claim_ref, escape
from troopledger.report._markdown import md_text

RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"
_OPENERS = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"


def test_terminal_text_loses_escapes_controls_and_overrides() -> None:
    hostile = "Kim\x1b[2J\x1b]0;owned\x07 \x1b[31mred\x1b[0m\x9b1m\x00\x08 " + RLO + "gnp"
    assert for_terminal(hostile) == "Kim red gnp"
    assert for_terminal("tab\tand\nnewline stay; Ünïcødé 北 and Arabic \u0645\u0631\u062d\u0628\u0627 stay") == (
        "tab\tand\nnewline stay; Ünïcødé 北 and Arabic \u0645\u0631\u062d\u0628\u0627 stay"
    )


def test_balance_closes_what_is_open_and_drops_stray_closers() -> None:
    assert balance_bidi("A " + RLO + "xyz") == "A " + RLO + "xyz" + PDF
    assert balance_bidi(PDF + "x" + PDI) == "x"
    assert balance_bidi(RLI + "a" + RLO + "b" + PDI + "c") == RLI + "a" + RLO + "b" + PDF + PDI + "c"
    assert balance_bidi("line " + RLO + "one\nline two") == "line " + RLO + "one" + PDF + "\nline two"


@settings(max_examples=200, derandomize=True)
@given(st.text(alphabet=st.sampled_from(["a", "1", " ", "\n", *_OPENERS, PDF, PDI]), max_size=40))
def test_balanced_text_never_leaves_an_override_open(text: str) -> None:
    out = balance_bidi(text)
    depth = 0
    for ch in out:
        if ch in _OPENERS:
            depth += 1
        elif ch in (PDF, PDI):
            depth -= 1
            assert depth >= 0
        elif ch == "\n":
            assert depth == 0
    assert depth == 0
    assert strip_bidi(out) == strip_bidi(text)  # only controls were added or dropped


def test_html_isolates_a_speaker_with_an_unterminated_override() -> None:
    claims = {"c1": {"speaker": "Evil " + RLO + "speaker"}}
    ref = _claim_ref("c1", claims, "Evil " + RLO + "speaker")
    assert ref == '<a href="#claim-c1"><bdi>Evil speaker</bdi></a>'  # the override is dropped, the name isolated
    assert escape("<b>" + RLO) == "&lt;b&gt;"


def test_markdown_text_is_direction_neutral() -> None:
    assert md_text("A " + RLO + "evil\x1b[31m") == "A evil"


def test_csv_formulas_are_neutralised_and_round_trip() -> None:
    from test_ledger import make

    hostile = make(1, speaker='=HYPERLINK("http://evil.example","click")', note="+1+1", text="-2", organisation="@x")
    text = dump_claims([hostile], "csv")
    assert "'=HYPERLINK(" in text
    assert ",'+1+1," in text
    assert parse_claims(text.encode(), "x.csv", "csv") == [hostile]
    assert neutral_csv("plain") == "plain"
    assert unneutral_csv(neutral_csv("\tcell")) == "\tcell"
    assert unneutral_csv("'quoted") == "'quoted"


def test_reports_neutralise_a_hostile_speaker() -> None:
    import io
    from dataclasses import replace

    from rich.console import Console

    from test_report_html import default_payload
    from troopledger.report import render_html, render_markdown, render_text
    from troopledger.report._payload import ClaimEntry, Reward

    base = default_payload(draws=500)
    cid = base.parameters["pay_per_soldier_month"].claims[0]
    claims = dict(base.claims)
    spy = "Spy\x1b[2J\x1b]0;owned\x07 " + RLO + "ycnega"
    claims[cid] = ClaimEntry(claims[cid].claim.model_copy(update={"speaker": spy}))
    p = replace(base, claims=claims, rewards=(Reward("flat\x1b[31m " + RLO + "keys", (cid,)),))
    buf = io.StringIO()
    render_text(p, Console(file=buf, width=200, force_terminal=False))
    text = buf.getvalue()
    assert "Spy ycnega" in text
    assert "\x1b" not in text
    assert RLO not in text
    page = render_html(p)
    assert "<bdi>Spy[2J]0;owned ycnega</bdi>" in page
    assert "\x1b" not in page
    assert RLO not in page
    assert PDF not in page
    markdown = render_markdown(p)
    assert RLO not in markdown
    assert "\x1b" not in markdown
