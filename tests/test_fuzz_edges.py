"""Fuzz and edge families of issue 22: inputs that are outputs, special files, deep keys, output streams,
bit flips in ledgers, cells and text that must stay inert, dates in other scripts, impossible rates,
bounded work and bounded cluster calls. Each ends in a correct result or one line, never a traceback."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzz_inputs import assert_one_line_error, cli, one_line_error
from fuzzing import fuzz
from troopledger._untrusted import BIDI_CONTROLS, escape_html, neutral_csv, unneutral_csv
from troopledger.claims import Claim, dump_claims, parse_claims
from troopledger.errors import InputError

CASE = "nk-russia-2024"
_DRAWS = ["--draws", "500"]


def _case(tmp_path: Path, text: str | None = None, name: str = "my.toml") -> Path:
    from importlib import resources

    bundled = resources.files("troopledger").joinpath("data", "cases", f"{CASE}.toml").read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(bundled if text is None else text, encoding="utf-8")
    return path


def _ledger(tmp_path: Path, n: int = 20, name: str = "l.db") -> Path:
    claims = tmp_path / "seed.jsonl"
    rows = [
        {
            "id": f"c{i}",
            "quantity": "troops_deployed",
            "value": 1000.0 + i,
            "unit": "persons",
            "speaker": f"Speaker {i}",
            "status": "accepted",
            "source": {"id": f"s{i}", "outlet": "Outlet", "date": f"2025-0{1 + i % 9}-1{i % 9}"},
        }
        for i in range(n)
    ]
    claims.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ledger = tmp_path / name
    code, _, err = cli(["claims", "import", str(claims), "--ledger", str(ledger)])
    assert code == 0, err
    return ledger


# -- never overwrite an input ------------------------------------------------------------------------------


def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    case = _case(tmp_path)
    ledger = _ledger(tmp_path)
    (tmp_path / "hard.toml").hardlink_to(case)
    (tmp_path / "dir").symlink_to(tmp_path)
    before = {p: p.read_bytes() for p in (case, ledger)}
    attempts = [
        (["report", str(case), "--out", str(case), *_DRAWS], "my.toml"),
        (["report", str(case), "--out", str(tmp_path / "hard.toml"), *_DRAWS], "hard.toml"),
        (["report", str(case), "--out", str(tmp_path / "dir" / "my.toml"), *_DRAWS], "my.toml"),
        (["report", "--ledger", str(ledger), "--out", str(ledger), *_DRAWS], "l.db"),
        (["claims", "export", str(ledger), "--ledger", str(ledger), "--format", "jsonl"], "l.db"),
    ]
    for args, where in attempts:
        code, _, err = cli(args)
        assert code == 2, (args, err)
        line = one_line_error(err, where)
        assert "an input this command reads" in line
    assert {p: p.read_bytes() for p in before} == before


def test_an_output_beside_its_inputs_is_written(tmp_path: Path) -> None:
    case = _case(tmp_path)
    code, _, err = cli(["report", str(case), "--out", str(tmp_path / "r.md"), "-f", "md", *_DRAWS])
    assert code == 0, err
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("#")


def test_a_failed_import_leaves_no_ledger_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "quantity": "troops_deployed"}\n', encoding="utf-8")
    code, _, err = cli(["claims", "import", str(bad), "--ledger", str(tmp_path / "new.db")])
    assert code == 2
    one_line_error(err, "bad.jsonl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]


# -- special files -------------------------------------------------------------------------------------------

_SPECIAL_COMMANDS = {
    "case": lambda p: ["report", str(p), *_DRAWS],
    "ledger": lambda p: ["claims", "list", "--ledger", str(p)],
    "claims": lambda p: ["claims", "import", str(p), "--ledger", str(p.parent / "x.db")],
    "article": lambda p: ["extract", str(p)],
    "rates": lambda p: ["report", "--rates", str(p), "--currency", "KRW", *_DRAWS],
}


@pytest.mark.parametrize("kind", ["fifo", "zero", "urandom", "null"])
@pytest.mark.parametrize("role", sorted(_SPECIAL_COMMANDS))
def test_special_files_are_refused_without_reading_them(tmp_path: Path, kind: str, role: str) -> None:
    suffix = {"case": ".toml", "ledger": ".db", "claims": ".jsonl", "article": ".txt", "rates": ".csv"}[role]
    path = tmp_path / f"special{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(f"/dev/{kind}")
    code, _, err = cli(_SPECIAL_COMMANDS[role](path))  # a hang fails the test (fuzz_inputs.cli's deadline)
    assert code == 2, err
    line = one_line_error(err, "special")
    assert any(w in line for w in ("named pipe", "device", "not a regular file")), line
    assert not (tmp_path / "x.db").exists()


# -- deep keys, long keys, huge integers, repeated ranks, byte-order marks ------------------------------------


@given(parts=st.integers(33, 3_000), header=st.booleans())
@settings(**fuzz(8))
def test_long_dotted_keys_are_one_line_before_parsing(
    tmp_path_factory: pytest.TempPathFactory, parts: int, header: bool
) -> None:
    key = "a" + ".b" * (parts - 1)
    text = f"[{key}]\nx = 1\n" if header else f"{key} = 1\n"
    path = _case(tmp_path_factory.mktemp("keys"), text)
    code, _, err = cli(["report", str(path), *_DRAWS])
    assert code == 2
    line = one_line_error(err, "my.toml line 1")
    assert "key of" in line


def test_a_forty_thousand_part_key_is_refused_quickly(tmp_path: Path) -> None:
    import time

    path = _case(tmp_path, "a" + ".b" * 40_000 + " = 1\n")
    start = time.monotonic()
    code, _, err = cli(["report", str(path)])
    assert code == 2
    assert time.monotonic() - start < 10
    one_line_error(err, "my.toml")


@given(digits=st.integers(4_301, 20_000), where=st.sampled_from(["top", "parameter"]))
@settings(**fuzz(6))
def test_integers_past_python_s_digit_limit_areone_line_error(
    tmp_path_factory: pytest.TempPathFactory, digits: int, where: str
) -> None:
    number = "9" * digits
    text = f"x = {number}\n" if where == "top" else f"[parameters.troops_deployed]\nfixed = {number}\n"
    path = _case(tmp_path_factory.mktemp("digits"), text)
    code, _, err = cli(["report", str(path), *_DRAWS])
    assert code == 2
    one_line_error(err, "my.toml")


def test_a_repeated_rank_isone_line_error(tmp_path: Path) -> None:
    from importlib import resources

    text = resources.files("troopledger").joinpath("data", "cases", "nk-russia-record.toml").read_text(encoding="utf-8")
    first = text.index("[[pay_by_rank]]")
    second = text.index("[[pay_by_rank]]", first + 1)
    path = _case(tmp_path, text[:second] + text[first:second] + text[second:])
    code, _, err = cli(["report", str(path), *_DRAWS])
    assert code == 2
    line = assert_one_line_error(err, "my.toml")
    assert "pay_by_rank.1.rank" in line
    assert "already given" in line


def test_a_byte_order_mark_in_a_case_file_is_read(tmp_path: Path) -> None:
    plain = _case(tmp_path)
    marked = tmp_path / "bom.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    a = cli(["report", str(plain), "-f", "json", *_DRAWS])
    b = cli(["report", str(marked), "-f", "json", *_DRAWS])
    assert a[0] == b[0] == 0, b[2]
    assert json.loads(a[1])["totals"] == json.loads(b[1])["totals"]


# -- output streams (a real process: the interpreter's own stream handling is what is tested) -----------------


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[bytes]:
    code = "import sys; from troopledger._cli import main; sys.argv[0] = 'troopledger'; main(sys.argv[1:])"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, **env},
        check=False,
    )


def test_a_closed_pipe_ends_silently() -> None:
    code = "import sys; from troopledger._cli import main; main(sys.argv[1:])"
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    writer = subprocess.run(
        [sys.executable, "-c", code, "report", "-f", "json", "--draws", "500"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait(timeout=30)
    assert writer.returncode == 0, writer.stderr
    assert writer.stderr == b""


@pytest.mark.parametrize("args", [["cases"], ["--help"], ["report", "-f", "md", "--draws", "200"]])
def test_a_pipe_closed_before_the_first_byte_ends_silently_with_status_0(args: list[str]) -> None:
    """``| head -c 0``: Rich's table print and Click's EPIPE handler ended with status 1 and no word."""
    code = "import sys; from troopledger._cli import main; main(sys.argv[1:])"
    reader = subprocess.Popen(["head", "-c", "0"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    reader.wait(timeout=30)  # gone before the writer starts: its first write meets a closed pipe
    assert reader.stdin is not None
    writer = subprocess.run(
        [sys.executable, "-c", code, *args], stdout=reader.stdin, stderr=subprocess.PIPE, timeout=120, check=False
    )
    reader.stdin.close()
    assert writer.returncode == 0, writer.stderr
    assert writer.stderr == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stdout_isone_line_error() -> None:
    code = "import sys; from troopledger._cli import main; main(sys.argv[1:])"
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-c", code, "report", "-f", "json", "--draws", "500"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert run.returncode == 2
    assert run.stderr.decode().count("\n") == 1, run.stderr
    assert b"standard output" in run.stderr, run.stderr


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("args", [["report", "--draws", "500"], ["cases"]])
def test_a_narrow_terminal_encoding_is_a_result_orone_line_error(encoding: str, args: list[str]) -> None:
    run = _run(args, PYTHONIOENCODING=encoding)
    assert b"Traceback" not in run.stderr
    assert run.returncode in (0, 2), run.stderr
    if run.returncode == 2:
        assert run.stderr.count(b"\n") == 1, run.stderr
        assert b"PYTHONIOENCODING" in run.stderr, run.stderr


# -- ledgers: bit flips, rows against their checksums ------------------------------------------------------


def test_single_bit_flips_in_a_ledger_never_change_a_listing_silently(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 30)
    code, base, err = cli(["claims", "list", "--ledger", str(ledger)])
    assert code == 0, err
    data = ledger.read_bytes()
    rng = random.Random(22)
    flipped = tmp_path / "f.db"
    for _ in range(12 * max(1, int(os.environ.get("TROOPLEDGER_FUZZ_SCALE", "1")))):
        damaged = bytearray(data)
        damaged[rng.randrange(100, len(damaged))] ^= 1 << rng.randrange(8)
        flipped.write_bytes(bytes(damaged))
        for extra in ("-wal", "-shm"):
            Path(f"{flipped}{extra}").unlink(missing_ok=True)
        code, out, err = cli(["claims", "list", "--ledger", str(flipped)])
        assert "Traceback" not in err
        if code == 0:
            assert out == base
        else:
            one_line_error(err, "f.db")


def test_a_row_changed_behind_the_ledger_s_back_is_refused_for_reading_and_writing(tmp_path: Path) -> None:
    import sqlite3

    ledger = _ledger(tmp_path, 3)
    db = sqlite3.connect(ledger)
    db.execute("UPDATE claims SET figure = '9,999 persons' WHERE id = 'c1'")
    db.commit()
    db.close()
    for args in (
        ["claims", "list", "--ledger", str(ledger)],
        ["claims", "export", "--ledger", str(ledger)],
        ["claims", "add", "--quantity", "troops_deployed", "--speaker", "S", "--value", "5", "--ledger", str(ledger)],
    ):
        code, _, err = cli(args)
        assert code == 2, args
        line = one_line_error(err, "claims.c1")
        assert "checksum" in line


# -- output safety: CSV cells, HTML direction, Markdown links -----------------------------------------------

_CELL = st.text(alphabet=st.sampled_from(list("ab'=+-@\t\r\n\x00,\" ")), max_size=30)


@given(_CELL)
@settings(**fuzz(200))
def test_csv_neutralising_round_trips_and_leaves_no_line_a_formula(cell: str) -> None:
    safe = neutral_csv(cell)
    assert unneutral_csv(safe) == cell
    for line in safe.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        assert not line.startswith(("=", "+", "-", "@", "\t")), repr(safe)


@given(text=_CELL.filter(lambda t: t.strip() != ""), speaker=_CELL.filter(lambda t: t.strip() != ""))
@settings(**fuzz(60))
def test_csv_exports_quote_every_line_break_and_import_back(text: str, speaker: str) -> None:
    claim = Claim.model_validate(
        {"id": "c1", "quantity": "troops_deployed", "value": 5.0, "unit": "persons", "speaker": speaker, "text": text}
    )
    exported = dump_claims([claim], "csv")
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    assert len(rows) == 2
    assert len(rows[1]) == len(rows[0])
    assert "\x00" not in exported
    back = parse_claims(exported.encode(), "x.csv", "csv")[0]
    assert back.text == text.replace("\x00", "\u2400")
    assert back.speaker == speaker.replace("\x00", "\u2400")


def test_a_carriage_return_cannot_start_a_live_formula() -> None:
    claim = Claim.model_validate(
        {"id": "c1", "quantity": "troops_deployed", "value": 5.0, "unit": "persons", "speaker": "a\r=1+1"}
    )
    exported = dump_claims([claim], "csv")
    assert '"a\r\'=1+1"' in exported


@given(st.text(alphabet=st.sampled_from([*BIDI_CONTROLS, "a", "ب", "1", "<", "&", " "]), max_size=40))
@settings(**fuzz(100))
def test_html_text_carries_no_direction_control(text: str) -> None:
    assert not set(escape_html(text)) & BIDI_CONTROLS


@pytest.mark.parametrize(
    "text",
    ["see https://evil.example/x", "HTTP://EVIL.EXAMPLE", "www.evil.example", "mail a@evil.example", "ftp://x.example"],
)
def test_markdown_text_makes_no_autolink(text: str) -> None:
    import re

    from troopledger.report._markdown import md_text

    shown = md_text(text)
    assert not re.search(r"(?i)(https?|ftp)://|www\.[a-z]|@[a-z]", shown), shown
    assert shown.replace("\u2060", "").replace("\\", "") == text.replace("\\", "")


# -- dates in other scripts, impossible rates ----------------------------------------------------------------

_SCRIPTS = {
    "ascii": "0123456789",
    "fullwidth": "０１２３４５６７８９",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "bold": "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
}


@given(script=st.sampled_from(sorted(_SCRIPTS)), year=st.integers(2020, 2026), month=st.integers(1, 12))
@settings(**fuzz(12))
def test_dates_in_any_digits_are_stored_in_ascii(script: str, year: int, month: int) -> None:
    digits = _SCRIPTS[script]
    written = "".join(digits[int(c)] if c.isdigit() else c for c in f"{year:04d}-{month:02d}-15")
    claim = Claim.model_validate(
        {
            "id": "c1", "quantity": "troops_deployed", "value": 5.0, "unit": "persons", "speaker": "S",
            "window_end": written[:7], "source": {"id": "s", "outlet": "O", "date": written},
        }
    )  # fmt: skip
    assert claim.source is not None
    assert claim.source.date == f"{year:04d}-{month:02d}-15"
    assert claim.window_end == f"{year:04d}-{month:02d}"


def test_since_and_until_select_dates_written_in_other_digits(tmp_path: Path) -> None:
    ledger = str(tmp_path / "d.db")
    for speaker, date in (("A", "٢٠٢٥-٠٣-٠٤"), ("B", "２０２４-１１-０１"), ("C", "𝟐𝟎𝟐𝟒-𝟎𝟓")):
        code, _, err = cli(["claims", "add", "--quantity", "troops_deployed", "--speaker", speaker, "--value", "9",
                            "--outlet", "O", "--date", date, "--ledger", ledger])  # fmt: skip
        assert code == 0, err
    assert cli(["claims", "list", "--ledger", ledger, "--since", "2025-01"])[2].startswith("1 claim")
    assert cli(["claims", "list", "--ledger", ledger, "--until", "2024-12"])[2].startswith("2 claim")


@pytest.mark.parametrize("rate", ["1e308", "1e-300", "inf", "1e8"])
def test_impossible_rates_areone_line_error(rate: str) -> None:
    code, _, err = cli(["report", "--currency", "KRW", "--rate", rate, *_DRAWS])
    assert code == 2
    one_line_error(err, "--rate")


# -- bounded work --------------------------------------------------------------------------------------------


def test_a_run_over_the_memory_budget_is_refused_before_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _case(tmp_path).read_text(encoding="utf-8").replace("months = 12", "months = 240", 1)
    path = _case(tmp_path, text, "long.toml")
    monkeypatch.setenv("TROOPLEDGER_MEMORY_GB", "1")
    code, _, err = cli(["report", str(path), "--draws", "100000"])
    assert code == 2
    line = one_line_error(err, "--draws")
    assert "memory budget of 1 GB" in line


def test_a_history_over_the_memory_budget_is_refused_before_it_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TROOPLEDGER_MEMORY_GB", "1")
    code, _, err = cli(["history", "--draws", "2000000"])
    assert code == 2
    assert "over the memory budget of 1 GB" in one_line_error(err, "--draws")


def test_the_estimate_grows_with_draws_months_and_threads() -> None:
    from troopledger.model import estimate_bytes

    sizes = [estimate_bytes(12, d, workers=w) for d in (10**4, 10**6, 10**7) for w in (1, 2)]
    assert sizes == sorted(sizes)
    assert estimate_bytes(12, 10**7, workers=2) > 10e9  # measured: 11.8 GB (docs/bad-input.md)
    assert estimate_bytes(240, 10**5, workers=1) > 4e9  # measured: 4.29 GB
    assert estimate_bytes(12, 10**5, waves_by_wave=2000) > estimate_bytes(12, 10**5) * 10


def test_the_allowed_maximum_of_draws_fits_the_budget_and_a_smaller_budget_refuses_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from troopledger._cli._options import check_memory
    from troopledger.evidence import load_case

    assert check_memory(load_case(CASE), 10_000_000, 2) >= 1  # in batches: one batch's memory (docs/bad-input.md#work)
    monkeypatch.setenv("TROOPLEDGER_MEMORY_GB", "0.5")
    code, _, err = cli(["report", "--draws", "10000000"])
    assert code == 2
    assert "memory budget of 0.5 GB" in one_line_error(err, "--draws")
    code, _, err = cli(["report", "--draws", "100000000"])
    assert code == 2
    assert "less than or equal to 10000000" in err


# -- bounded cluster calls -----------------------------------------------------------------------------------


def test_a_port_that_accepts_but_never_answers_is_one_line_in_bounded_time() -> None:
    pytest.importorskip("distributed")
    import time

    from troopledger.model import DaskExecutor

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    start = time.monotonic()
    try:
        with pytest.raises(InputError) as err:
            DaskExecutor(f"tcp://127.0.0.1:{server.getsockname()[1]}", timeout=1.0)
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        server.close()
    assert time.monotonic() - start < 15
    assert "\n" not in str(err.value)
    assert "says nothing" in str(err.value)


def _waves_case(tmp_path: Path, waves: int, months: int) -> Path:
    import re

    text = _case(tmp_path).read_text(encoding="utf-8")
    text = text.replace("months = 12", f"months = {months}", 1).replace('mode = "rotation"', 'mode = "waves"', 1)
    for name in ("rotation_interval_months", "troops_deployed"):
        text = re.sub(rf"\[parameters.{name}\].*?(?=\n\[)", "", text, flags=re.S)
    listed = []
    for i in range(waves):
        k = 9 + (i * months) // waves  # months after January 2024: the case starts in October 2024
        arrival = f"{2024 + k // 12}-{k % 12 + 1:02d}"
        listed.append(f'[[deployment.waves]]\nname = "w{i}"\narrival = "{arrival}"\nsize = {{ to = [1000, 3000] }}\n')
    return _case(tmp_path, text.replace('mode = "waves"\n', 'mode = "waves"\n\n' + "\n".join(listed), 1), "w.toml")


def test_a_case_at_the_wave_and_horizon_limits_runs_and_one_wave_more_isone_line_error(tmp_path: Path) -> None:
    from troopledger._cli._options import check_memory
    from troopledger.analysis import run
    from troopledger.evidence import load_case
    from troopledger.evidence._parameters import MAX_MONTHS
    from troopledger.evidence._waves import MAX_WAVES

    path = _waves_case(tmp_path, MAX_WAVES, int(MAX_MONTHS))
    case = load_case(path)
    assert len(case.all_waves()) == MAX_WAVES
    assert case.months == MAX_MONTHS
    assert check_memory(case, 2_000, 2) >= 1  # the documented run (docs/bad-input.md#work) fits the budget
    result = run(case, 300, 1, calibrate=False, sensitivity=False)
    paid = result.prior_draws.totals["paid_by_russia"]
    assert paid.shape == (300,)
    assert float(paid.min()) > 0
    code, _, err = cli(["report", str(_waves_case(tmp_path, MAX_WAVES + 1, 24)), *_DRAWS])
    assert code == 2
    assert f"over the limit of {MAX_WAVES}" in one_line_error(err, "deployment.waves")
