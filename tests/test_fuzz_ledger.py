"""Fuzz: damaged, locked, foreign and read-only ledgers give a result or one line, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import assert_clean, cli, fuzz
from test_ledger import make
from troopledger.claims import Ledger
from troopledger.errors import LedgerError

_COMMANDS = (
    ["claims", "list"],
    ["claims", "lineage"],
    ["claims", "show", "c3"],
    ["claims", "export"],
    ["claims", "accept", "c3"],
    ["claims", "add", "--quantity", "casualties_killed", "--value", "10", "--speaker", "s"],
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a small, checkpointed ledger (no WAL file left beside it)."""
    path = tmp_path_factory.mktemp("pristine") / "l.db"
    with Ledger(path) as led:
        led.add([make(i, text="x" * (i * 40)) for i in range(60)])
    return path.read_bytes()


@settings(**fuzz(25))  # type: ignore[call-overload]
@given(
    hits=st.lists(st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=64)), min_size=1, max_size=6),
    cut=st.one_of(st.none(), st.integers(0, 10**6)),
    command=st.sampled_from(_COMMANDS),
)
def test_damaged_ledger(
    pristine: bytes, tmp_path_factory: pytest.TempPathFactory, hits: list[tuple[int, bytes]], cut: int | None,
    command: list[str],
) -> None:  # fmt: skip
    data = bytearray(pristine)
    for offset, patch in hits:
        at = offset % len(data)
        data[at : at + len(patch)] = patch
    if cut is not None:
        data = data[: cut % len(data)]
    path = tmp_path_factory.mktemp("damaged") / "l.db"
    path.write_bytes(bytes(data))
    assert_clean(cli([*command, "--ledger", str(path)]), names=(str(path),))


@pytest.mark.parametrize(
    "content",
    [b"", b"not a database at all\n" * 100, b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["empty", "text", "bad-header"],
)
@pytest.mark.parametrize("command", _COMMANDS[:4], ids=lambda c: "-".join(c[:2]))
def test_not_a_ledger(tmp_path: Path, content: bytes, command: list[str]) -> None:
    path = tmp_path / "l.db"
    path.write_bytes(content)
    o = cli([*command, "--ledger", str(path)])
    assert o.code == 2
    assert_clean(o, names=(str(path),))


def test_foreign_sqlite_database_and_directory(tmp_path: Path) -> None:
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE t (x)")
    for target, words in ((foreign, "not a troopledger ledger"), (tmp_path, "is a directory")):
        for command in (["claims", "list"], ["claims", "import", "nothing.jsonl"]):
            o = cli([*command, "--ledger", str(target)])
            assert o.code == 2
            assert_clean(o)
            assert words in o.err or "does not exist" in o.err


def test_lock_held_past_the_timeout_is_one_line_and_readers_go_on(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger(path) as led:
        led.add([make(1)])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LedgerError) as e, Ledger(path, timeout=0.1) as led:
            led.add([make(2)])
        assert "locked by another process" in str(e.value)
        assert "fix: wait for the other troopledger command" in str(e.value)
        o = cli(["claims", "list", "--ledger", str(path)])  # WAL: reading is not blocked by the writer
        assert o.code == 0
        assert "c1" in o.out
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Ledger(path) as led:
        assert [c.id for c in led.claims()] == ["c1"]


def test_read_only_ledger_can_be_read_but_not_written(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger(path) as led:
        led.add([make(1), make(2)])
    with Ledger(path, readonly=True) as led:
        assert len(led.claims()) == 2
        assert [s.id for s in led.summaries()] == ["c1", "c2"]
        with pytest.raises(LedgerError, match="read-only"):
            led.set_status(["c1"], "rejected")
    uri_tricky = tmp_path / "a ledger?mode=rw#x.db"
    uri_tricky.write_bytes(path.read_bytes())
    with Ledger(uri_tricky, readonly=True) as led:  # the path is quoted into the URI, not parsed as options
        assert len(led) == 2


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("attempt to write a readonly database", "is read-only"),
        ("database disk image is malformed", "is damaged"),
        ("database is locked", "locked by another process"),
        ("file is not a database", "not a troopledger ledger"),
        ("database or disk is full", "disk is full"),
        ("unable to open database file", "cannot be opened"),
        ("something new", "SQLite failed"),
    ],
)
def test_every_sqlite_failure_is_named(text: str, problem: str) -> None:
    from troopledger.claims._ledger_errors import ledger_error

    err = ledger_error("l.db", sqlite3.OperationalError(text), "writing to it", 60)
    assert str(err).startswith("l.db: ")
    assert problem in str(err)
    assert "; fix: " in str(err)
    assert "\n" not in str(err)


def test_ledger_variable_is_honoured_by_every_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.db"
    monkeypatch.setenv("TROOPLEDGER_LEDGER", str(path))
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("South Korea's spy agency said on 2024-11-01 that about 11,000 soldiers were sent to Russia.\n")
    assert cli(["ingest", str(article), "--date", "2024-11-01"]).code == 0
    assert cli(["claims", "add", "--id", "e1", "--quantity", "casualties_killed", "--value", "5",
                "--speaker", "s"]).code == 0  # fmt: skip
    listed = cli(["claims", "list"])
    assert listed.code == 0
    assert "e1" in listed.out
    assert "troops" in listed.out
    assert not (tmp_path / "troopledger.db").exists()
    monkeypatch.setenv("TROOPLEDGER_LEDGER", str(tmp_path / "missing.db"))
    o = cli(["report", "--draws", "100", "--format", "json"])  # the report reads the variable's ledger
    assert o.code == 2
    assert "missing.db: no ledger here yet" in o.err


def test_damaged_text_that_is_not_utf8(tmp_path: Path, pristine: bytes) -> None:
    """Found by the long fuzz run: one byte 0x80 inside the schema's text (or a record's)."""
    data = bytearray(pristine)
    data[data.index(b"CREATE TABLE claims") + 3] = 0x80
    path = tmp_path / "l.db"
    path.write_bytes(bytes(data))
    for command in (["claims", "list"], ["claims", "accept", "c3"]):
        o = cli([*command, "--ledger", str(path)])
        assert_clean(o, names=(str(path),))
