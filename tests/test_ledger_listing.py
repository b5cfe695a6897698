"""Stored lineage labels and the one-query listing: they always equal detection and the plain table."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import cli
from troopledger.claims import LISTING_HEADERS, Claim, Ledger, SourceRef, detect_lineages
from troopledger.claims import _lineage_store as store
from troopledger.claims._ledger_schema import MIGRATIONS


def claim(n: int, value: float, speaker: str, date: str, *, lineage: str | None = None, bounds: bool = False) -> Claim:
    figure = {"low": value, "high": value} if bounds else {"value": value}
    return Claim.model_validate(
        {
            "id": f"k{n:03d}",
            "quantity": "casualties_killed" if value < 10_000 else "troops_deployed",
            **figure,
            "unit": "persons",
            "speaker": speaker,
            "via": ["Yonhap"] if speaker == "Kyiv" else [],
            "source": SourceRef(id=f"s{n}", outlet="An Outlet", date=date),
            "lineage": lineage,
        }
    )


def stored(led: Ledger) -> dict[str, str]:
    return {row[0]: row[-1] for row in led.listing()}


def detected(led: Ledger) -> dict[str, str]:
    return detect_lineages(led.claims())


CLAIM = st.tuples(
    st.sampled_from([600.0, 605.0, 612.0, 700.0, 12_000.0]),
    st.sampled_from(["Seoul's spy agency", "Kyiv", "Yonhap"]),
    st.sampled_from(["2025-04-01", "2025-04-15", "2025-05-10"]),
    st.sampled_from([None, None, None, "hand"]),
    st.booleans(),
)


@settings(max_examples=40, derandomize=True, deadline=None)
@given(
    st.lists(st.lists(CLAIM, min_size=1, max_size=4), min_size=1, max_size=5),
    st.lists(st.tuples(st.sampled_from(["edit", "merge", "split", "accept"]), st.integers(0, 30)), max_size=3),
)
def test_stored_labels_equal_detection_after_any_writes(batches: list[list[tuple]], changes: list[tuple]) -> None:  # type: ignore[type-arg]
    """Claims added in batches (incrementally), then edited, merged or split: labels always equal detection."""
    n = 0
    with Ledger(":memory:") as led:
        for batch in batches:
            claims = []
            for value, speaker, date, lineage, bounds in batch:
                claims.append(claim(n, value, speaker, date, lineage=lineage, bounds=bounds))
                n += 1
            led.add(claims)
            assert stored(led) == detected(led)
        ids = sorted(stored(led))
        for action, k in changes:
            cid = ids[k % len(ids)]
            if action == "edit":
                led.update(cid, {"value": 605.0, "low": None, "high": None})
            elif action == "merge":
                led.set_lineage([cid, ids[(k + 1) % len(ids)]], "together")
            elif action == "split":
                led.relabel({cid: cid})
            else:
                led.set_status([cid], "accepted")
            assert stored(led) == detected(led)


def test_relays_join_incrementally_and_the_group_takes_its_earliest_member(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as led:
        led.add([claim(2, 600.0, "Seoul's spy agency", "2025-04-15")])
        assert stored(led) == {"k002": "k002"}
        led.add([claim(5, 606.0, "Kyiv", "2025-04-20"), claim(7, 3000.0, "Kyiv", "2025-04-20")])
        assert stored(led) == {"k002": "k002", "k005": "k005", "k007": "k007"}  # Kyiv relays Yonhap, not Seoul
        led.add([claim(9, 601.0, "Yonhap", "2025-04-01")])  # relays both: one group, headed by the earliest
        assert stored(led) == {"k002": "k002", "k005": "auto:k009", "k007": "k007", "k009": "auto:k009"}
        led.add([claim(1, 600.0, "Seoul's spy agency", "2025-04-10")])
        assert stored(led)["k001"] == stored(led)["k002"] == "auto:k001"
        assert stored(led) == detected(led)


def test_many_candidates_or_a_large_import_redetect(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "CANDIDATE_LIMIT", 2)
    monkeypatch.setattr(store, "INCREMENTAL_LIMIT", 3)
    with Ledger(":memory:") as led:
        led.add([claim(n, 600.0 + n, "Kyiv", "2025-04-01") for n in range(5)])  # a large import
        assert set(stored(led).values()) == {"auto:k000"}
        led.add([claim(9, 601.0, "Kyiv", "2025-04-02")])  # four candidates: redetected
        assert stored(led) == detected(led)
        assert set(stored(led).values()) == {"auto:k000"}


def test_listing_lines_are_the_plain_table_of_the_listing_rows(tmp_path: Path) -> None:
    """SQLite pads by characters as Python does; filters agree with the row listing."""
    with Ledger(tmp_path / "l.db") as led:
        led.add([claim(n, 600.0 + 50 * n, "Séoul" if n % 2 else "Kyiv", f"2025-0{n % 5 + 1}-01") for n in range(8)])
        for filters in ({}, {"status": "pending"}, {"since": "2025-03"}, {"until": "2025-02"}, {"quantity": "x"}):
            rows = led.listing(**filters)
            lines = led.listing_lines(**filters)
            assert lines is not None
            widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(LISTING_HEADERS)]
            expect = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
            assert lines[1:] == expect
            assert lines[0].split() == list(LISTING_HEADERS)
        led.add([claim(20, 9.0, "A\x1b[31mred", "2025-01-01")])
        assert led.listing_lines() is None  # control text: the caller cleans the rows instead


def test_old_ledger_is_listed_read_only_and_gets_labels_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:2]:
        for sql in step:
            db.execute(sql)
    for n, (value, speaker) in enumerate([(600.0, "Kyiv"), (601.0, "Yonhap"), (900.0, "Kyiv")]):
        c = claim(n, value, speaker, "2025-04-01")
        db.execute(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, 't', 't')",
            (c.id, c.quantity, c.speaker, c.status, "2025-04-01", None, None, json.dumps(c.model_dump(mode="json"))),
        )
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    with Ledger(path, readonly=True) as led:
        old = led.listing()
        assert led.listing_lines() is None
        assert led.schema_version == 2
    assert [r[-1] for r in old] == ["auto:k000", "auto:k000", "k002"]
    listed = cli(["claims", "list", "--ledger", str(path)])
    assert listed.code == 0
    assert listed.out.count("auto:k000") == 2
    with Ledger(path) as led:  # opened for writing: upgraded, labels stored
        assert led.schema_version == len(MIGRATIONS)
        assert led.listing() == old
        assert led.listing_lines() is not None


@pytest.mark.parametrize("bad", ["garbage", "2025-02-30", "2025-13", "25-03", "２０２５-03"])
def test_a_date_filter_that_is_no_date_is_an_error_not_an_empty_listing(tmp_path: Path, bad: str) -> None:
    with Ledger(tmp_path / "l.db") as led:
        led.add([claim(1, 600.0, "Kyiv", "2025-04-01")])
    for option in ("--since", "--until"):
        o = cli(["claims", "list", "--ledger", str(tmp_path / "l.db"), option, bad])
        assert o.code == 2
        assert f"field '{option}'" in o.err
        assert "YYYY-MM" in o.err
    assert cli(["claims", "list", "--ledger", str(tmp_path / "l.db"), "--since", "2025-04"]).err == "1 claim(s)\n"
