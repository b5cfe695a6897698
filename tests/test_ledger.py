"""The claims ledger: round trips, concurrent writers, atomic imports, bad files, CLI."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from helpers import run_cli as run
from troopledger.claims import (
    SCHEMA_VERSION,
    Claim,
    Ledger,
    SourceRef,
    dump_claims,
    parse_claims,
    read_claims,
)
from troopledger.claims._ledger import MIGRATIONS
from troopledger.errors import LedgerError

SOURCE = SourceRef(id="s1", outlet="The Example Herald", url="https://example.org/a?x=1&y=2", date="2025-03-04")


def make(i: int, **kw: object) -> Claim:
    data: dict[str, object] = {
        "id": f"c{i}",
        "quantity": "pay_per_soldier_month",
        "value": 2000.0 + i,
        "unit": "USD/month",
        "period": "month",
        "speaker": "A spy agency",
        "speaker_kind": "intelligence",
        "via": ["a lawmaker", "a wire"],
        "hedge": "about",
        "source": SOURCE,
        "status": "accepted",
    }
    data.update(kw)
    return Claim.model_validate(data)


TRICKY = [
    make(1, text='He said, "pay, then more pay"\nnext line', note='comma, quote " and [bold]markup[/bold]'),
    make(2, value=None, low=0.8, high=0.9, quantity="state_share_of_pay", unit="fraction", words="most", spread=0.1),
    make(3, value=None, high=11000.0, quantity="troops_deployed", unit="persons", span=(10, 42), weight=0.3),
    make(4, speaker="Ünïcødé speaker — 北", source=None, window_start="2024-10", window_end="2025-01", complement=True),
]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_claims_round_trip_through_files_and_ledger(tmp_path: Path, fmt: str) -> None:
    text = dump_claims(TRICKY, fmt)
    assert parse_claims(text.encode(), "x", fmt) == TRICKY
    path = tmp_path / f"claims.{fmt}"
    path.write_text(text, encoding="utf-8")
    with Ledger(tmp_path / "l.db") as led:
        assert led.import_file(path) == len(TRICKY)
        assert led.claims() == sorted(TRICKY, key=lambda c: c.id)
        again = led.export(fmt)
    assert parse_claims(again.encode(), "y", fmt) == sorted(TRICKY, key=lambda c: c.id)


def test_ledger_is_wal_and_versioned(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as led:
        assert led.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        led.add([make(1)])
    db = sqlite3.connect(tmp_path / "l.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_old_ledger_is_migrated_and_keeps_its_claims(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for sql in MIGRATIONS[0]:
        db.execute(sql)
    record = json.dumps(make(7).model_dump(mode="json"))
    db.execute(
        "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ("c7", "pay_per_soldier_month", "A spy agency", "accepted", None, None, None, record, "t", "t"),
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Ledger(path) as led:
        assert led.schema_version == SCHEMA_VERSION
        assert led.get("c7") == make(7)
        led.update("c7", {"value": 2100.0})
        assert [a for _, a in led.history("c7")] == ["edit"]


def test_newer_or_foreign_database_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    with pytest.raises(LedgerError, match="newer troopledger"):
        Ledger(newer)
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(LedgerError, match="not a troopledger ledger"):
        Ledger(other)
    text = tmp_path / "notes.db"
    text.write_text("just some notes, not a database\n" * 200)
    with pytest.raises(LedgerError, match="not a troopledger ledger") as e:
        Ledger(text)
    assert "\n" not in str(e.value)
    assert "notes.db" in str(e.value)


def _writer(path: str, worker: int, n: int) -> None:
    with Ledger(path) as led:
        for i in range(n):  # one transaction per claim: the hardest case for locking
            led.add([make(worker * 100_000 + i, speaker=f"worker {worker}")])


def test_four_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "busy.db")
    Ledger(path).close()
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(path, w, 1000)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with Ledger(path) as led:
        assert len(led) == 4000
        for w in range(4):
            assert len(led.claims(speaker=f"worker {w}")) == 1000


def test_bad_record_half_way_leaves_ledger_as_it_was(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as led:
        led.add([make(1), make(2)])
        before = led.export("jsonl")
        lines = [json.dumps(make(i).model_dump(mode="json")) for i in range(10, 20)]
        lines[5] = lines[5].replace('"pay_per_soldier_month"', '"pay_per_goat"')
        bad = tmp_path / "bad.jsonl"
        bad.write_text("\n".join(lines) + "\n")
        with pytest.raises(LedgerError) as e:
            led.import_file(bad)
        assert "line 6" in str(e.value)
        assert "quantity" in str(e.value)
        assert "pay_per_goat" in str(e.value)
        assert led.export("jsonl") == before


def test_exception_mid_transaction_rolls_back(tmp_path: Path) -> None:
    def stream():
        for i in range(10, 20):
            if i == 15:
                raise RuntimeError("power cut")
            yield make(i)

    with Ledger(tmp_path / "l.db") as led:
        led.add([make(1)])
        with pytest.raises(RuntimeError):
            led.add(stream())
        assert [c.id for c in led.claims()] == ["c1"]
    with Ledger(tmp_path / "l.db") as led:  # and on disk, seen by a new connection
        assert len(led) == 1


def test_duplicate_ids_refused_unless_replace(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as led:
        led.add([make(1)])
        with pytest.raises(LedgerError, match="already in the ledger"):
            led.add([make(2), make(1, value=1.0)])
        assert len(led) == 1
        led.add([make(1, value=1.0)], replace=True)
        assert led.get("c1").value == 1.0


@pytest.mark.parametrize(
    ("content", "suffix", "expect"),
    [
        (b"", ".jsonl", "empty"),
        (b"\x00\x01\x02binary", ".jsonl", "binary"),
        ("caf\u00e9".encode("latin-1"), ".jsonl", "UTF-8"),
        (b'{"id": "a"}\n{not json\n', ".jsonl", "line 2"),
        (b"[1, 2]\n", ".jsonl", "JSON object"),
        (b"id,quantity,speaker,value\na,troops_in_space,x,1\n", ".csv", "unknown quantity 'troops_in_space'"),
        (b"id,quantity,speaker,value\na,troops_deployed,x,lots\n", ".csv", "not a number"),
        (b"id,colour\na,red\n", ".csv", "unknown column"),
        (b"{}", ".txt", "suffix"),
    ],
)
def test_bad_claims_files_give_one_line_errors(tmp_path: Path, content: bytes, suffix: str, expect: str) -> None:
    path = tmp_path / f"claims{suffix}"
    path.write_bytes(content)
    with pytest.raises(LedgerError) as e:
        read_claims(path)
    msg = str(e.value)
    assert expect in msg
    assert "claims" in msg
    assert "fix:" in msg
    assert "\n" not in msg


def test_cli_add_review_export_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "l.db")
    code, out, _ = run(
        ["claims", "add", "--ledger", db, "--id", "k1", "--quantity", "death_compensation", "--value", "three million",
         "--currency", "won", "--date", "2025-01-10", "--outlet", "A paper", "--url", "https://example.org/k",
         "--speaker", "[red]Not markup[/red]", "--kind", "anonymous", "--hedge", "about"],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert "added k1" in out
    with Ledger(db) as led:
        k1 = led.get("k1")
    assert k1.currency == "KRW"
    assert 1000 < (k1.value or 0) < 5000
    assert k1.status == "pending"
    code, out, _ = run(
        ["claims", "add", "--ledger", db, "--id", "k2", "--quantity", "state_share_of_pay", "--words", "nothing",
         "--complement", "--speaker", "A defector", "--kind", "defector"],
        capsys,
    )  # fmt: skip
    assert code == 0
    with Ledger(db) as led:
        assert (led.get("k2").low, led.get("k2").high) == (0.98, 0.9999)
    assert run(["claims", "accept", "k1", "k2", "--ledger", db], capsys)[0] == 0
    code, out, _ = run(["claims", "list", "--ledger", db, "--status", "accepted"], capsys)
    assert code == 0
    assert "[red]Not markup[/red]" in out
    assert "k2" in out
    assert run(["claims", "edit", "k1", "--set", "value=2500", "--ledger", db], capsys)[0] == 0
    with Ledger(db) as led:
        assert led.get("k1").value == 2500
        assert led.get("k1").status == "edited"
    out_csv = tmp_path / "out.csv"
    assert run(["claims", "export", str(out_csv), "--ledger", db], capsys)[0] == 0
    db2 = str(tmp_path / "l2.db")
    assert run(["claims", "import", str(out_csv), "--ledger", db2], capsys)[0] == 0
    with Ledger(db) as a, Ledger(db2) as b:
        assert a.claims() == b.claims()
    code, out, _ = run(["claims", "show", "k1", "--ledger", db], capsys)
    assert code == 0
    assert "https://example.org/k" in out
    assert "edit" in out


def test_cli_errors_are_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "none.db")
    code, _, err = run(["claims", "list", "--ledger", db], capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert "none.db" in err
    assert "fix:" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "quantity": "pay_per_soldier_month", "value": 1, "speaker": "s"}\n{oops\n')
    code, _, err = run(["claims", "import", str(bad), "--ledger", db], capsys)
    assert code == 2
    assert "line 2" in err
    assert err.count("\n") == 1
    with Ledger(db) as led:
        assert len(led) == 0
    code, _, err = run(["claims", "add", "--ledger", db, "--quantity", "pay_per_goat", "--speaker", "s"], capsys)
    assert code == 2
    assert "unknown quantity" in err
    code, _, err = run(["claims", "show", "nope", "--ledger", db], capsys)
    assert code == 2
    assert "no claim with id 'nope'" in err


def test_cli_lineage_merge_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "l.db")
    relays = [make(i, value=2000.0, via=[f"outlet {i}"]) for i in range(5)]
    other = make(9, value=2000.0, speaker="A think-tank", speaker_kind="think_tank", via=[])
    with Ledger(db) as led:
        led.add([*relays, other])
    code, _out, err = run(["claims", "lineage", "--ledger", db], capsys)
    assert code == 0
    assert "2 lineage(s) from 6 claim(s)" in err
    assert run(["claims", "split", "c1", "--ledger", db], capsys)[0] == 0
    code, _out, err = run(["claims", "lineage", "--ledger", db], capsys)
    assert "3 lineage(s)" in err
    assert run(["claims", "merge", "c0", "c9", "--name", "briefing", "--ledger", db], capsys)[0] == 0
    with Ledger(db) as led:
        assert led.get("c9").lineage == "briefing"
        assert led.get("c9").status == "accepted"
