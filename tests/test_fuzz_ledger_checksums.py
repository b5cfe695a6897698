"""Every stored field a command shows is covered by a checksum (schema version 5): a claim's fields, its
lineage label and its history. Damage to any of them is one line, never a changed listing; a ledger of
version 4 (whose checksum left the label out) is still read, with its labels detected afresh and a note,
and is upgraded by the next write without blessing a damaged row."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

from fuzz_inputs import cli, one_line_error
from troopledger.claims import Ledger
from troopledger.claims._ledger_checksum import CLAIM_COLUMNS_V4, register


def _ledger(tmp_path: Path, n: int, name: str = "l.db") -> Path:
    """``n`` claims, pairs of which relay one statement (c0 and c1, c2 and c3 ...), so labels differ from ids."""
    rows = [
        {
            "id": f"c{i}",
            "quantity": "troops_deployed",
            "value": 1000.0 + 10 * (i // 2),
            "unit": "persons",
            "speaker": f"Speaker {i // 2}",
            "status": "accepted",
            "source": {"id": f"s{i}", "outlet": f"Outlet {i}", "date": f"2025-0{1 + i // 2 % 9}-1{i % 2}"},
        }
        for i in range(n)
    ]
    seed = tmp_path / f"{name}.jsonl"
    seed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ledger = tmp_path / name
    code, _, err = cli(["claims", "import", str(seed), "--ledger", str(ledger)])
    assert code == 0, err
    return ledger


def _sql(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    register(db)
    for sql in statements:
        db.execute(sql)
    db.commit()
    db.close()


def _as_version_4(path: Path) -> None:
    """Turn a current ledger into what schema version 4 wrote: no history checksums, labels not covered."""
    _sql(
        path,
        "ALTER TABLE history DROP COLUMN checksum",
        f"UPDATE claims SET checksum = tl_checksum({', '.join(CLAIM_COLUMNS_V4)})",
        "PRAGMA user_version = 4",
    )


_COMMANDS = (
    ["claims", "list"],
    ["claims", "show", "c1"],
    ["claims", "export"],
    ["claims", "add", "--quantity", "troops_deployed", "--speaker", "S", "--value", "5"],
)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ("UPDATE claims SET detected = 'c3' WHERE id = 'c2'", "claims.c2"),  # another claim's id: still wrong
        ("UPDATE claims SET detected = 'auto:c0' WHERE id = 'c5'", "claims.c5"),
        ("UPDATE history SET at = '2020-01-01T00:00:00+00:00' WHERE claim_id = 'c1'", "history."),
        ("UPDATE history SET action = 'accept' WHERE claim_id = 'c1'", "history."),
        ("UPDATE history SET claim_id = 'c1' WHERE claim_id = 'c2'", "history."),
    ],
)
def test_a_label_or_history_changed_behind_the_ledger_s_back_is_refused(
    tmp_path: Path, change: str, where: str
) -> None:
    ledger = _ledger(tmp_path, 6)
    _sql(ledger, change)
    for args in _COMMANDS:
        code, _, err = cli([*args, "--ledger", str(ledger)])
        assert code == 2, (args, err)
        assert "checksum" in one_line_error(err, where)


def test_labels_set_by_every_kind_of_write_keep_their_checksums(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 8)
    steps = [
        ["claims", "add", "--quantity", "troops_deployed", "--speaker", "Speaker 1", "--value", "1010", "--id", "n1"],
        ["claims", "merge", "c4", "c6", "--name", "hand"],
        ["claims", "split", "c0"],
        ["claims", "edit", "c2", "--set", "value=1020"],
        ["claims", "reject", "c3"],
    ]
    for args in steps:
        code, _, err = cli([*args, "--ledger", str(ledger)])
        assert code == 0, (args, err)
        code, _, err = cli(["claims", "list", "--ledger", str(ledger)])
        assert code == 0, (args, err)
    with Ledger(ledger, readonly=True) as led:
        stored = {row[0]: row[-1] for row in led.listing()}
    assert stored["c6"] == "hand"
    assert stored["c0"] == "c0"


def test_single_bit_flips_never_change_a_listing_a_claim_or_its_history_silently(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 30)
    _sql(ledger, "PRAGMA wal_checkpoint(TRUNCATE)")
    commands = (["claims", "list"], ["claims", "show", "c17"], ["claims", "export"])
    base = [cli([*args, "--ledger", str(ledger)])[1] for args in commands]
    data = ledger.read_bytes()
    rng = random.Random(25)
    flipped = tmp_path / "f.db"
    for _ in range(12):
        damaged = bytearray(data)
        damaged[rng.randrange(100, len(damaged))] ^= 1 << rng.randrange(8)
        flipped.write_bytes(bytes(damaged))
        for args, expected in zip(commands, base, strict=True):
            code, out, err = cli([*args, "--ledger", str(flipped)])
            assert "Traceback" not in err
            if code == 0:
                assert out == expected, args
            else:
                one_line_error(err, "f.db")


def test_a_version_4_ledger_is_read_with_fresh_labels_and_a_note_then_upgraded_by_a_write(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 6)
    code, before, _ = cli(["claims", "list", "--ledger", str(ledger)])
    assert code == 0
    assert "auto:c0" in before
    _as_version_4(ledger)
    _sql(ledger, "UPDATE claims SET detected = 'c4' WHERE id = 'c2'")  # version 4 could not see this
    code, out, err = cli(["claims", "list", "--ledger", str(ledger)])
    assert code == 0
    assert out == before  # labels detected on the spot, not read from the damaged column
    note = [line for line in err.splitlines() if line.startswith("note:")]
    assert len(note) == 1, err
    assert "schema version 4" in note[0]
    assert "upgrades it" in note[0]
    code, _, err = cli(["claims", "show", "c1", "--ledger", str(ledger)])
    assert code == 0
    assert "schema version 4" in err
    code, _, err = cli(["claims", "accept", "c5", "--ledger", str(ledger)])
    assert code == 0, err
    with Ledger(ledger, readonly=True) as led:
        assert led.schema_version == 5
        assert led.upgrade_note is None
        labels = {row[0]: row[-1] for row in led.listing()}
    assert labels["c2"] == "auto:c2"  # detected afresh by the upgrade, then covered by the checksum
    code, out, err = cli(["claims", "list", "--ledger", str(ledger)])
    assert code == 0
    assert "note:" not in err
    assert out == before


def test_a_damaged_version_4_row_is_refused_by_the_upgrade_not_given_a_fresh_checksum(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 4)
    _as_version_4(ledger)
    _sql(ledger, "UPDATE claims SET figure = '9,999 persons' WHERE id = 'c1'")
    add = ["claims", "add", "--quantity", "troops_deployed", "--speaker", "S", "--value", "5", "--ledger", str(ledger)]
    for _ in range(2):
        code, _, err = cli(add)
        assert code == 2
        assert "checksum" in one_line_error(err, "claims.c1")
    db = sqlite3.connect(ledger)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 4
    db.close()


@pytest.mark.parametrize("index", ["sqlite_autoindex_claims_1", "history_claim", "claims_quantity"])
def test_a_flipped_bit_in_an_index_entry_is_refused_not_listed(tmp_path: Path, index: str) -> None:
    """An index entry changed and its row not: the integrity check compares them (the quick check did not)."""
    ledger = _ledger(tmp_path, 30)
    db = sqlite3.connect(ledger)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    db.close()
    data = bytearray(ledger.read_bytes())
    page = data[(root - 1) * page_size : root * page_size]
    key = b"c24" if index != "claims_quantity" else b"troops_deployed"
    at = (root - 1) * page_size + page.index(key) + (1 if key == b"c24" else 0)
    data[at] ^= 0b10  # c24 -> c04, troops_deployed -> tvoops_deployed
    ledger.write_bytes(bytes(data))
    for args in (["claims", "list"], ["claims", "show", "c4"], ["claims", "list", "--quantity", "troops_deployed"]):
        code, _, err = cli([*args, "--ledger", str(ledger)])
        assert code == 2, (args, err)
        assert "damaged" in one_line_error(err, "l.db")
