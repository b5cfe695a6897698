"""Bad input for the fuzz tests: case files written from data and mutated, random accepted claims.

Shared by ``test_fuzz_cases.py`` and ``test_fuzz_claims_report.py``; the number of
examples scales with ``TROOPLEDGER_FUZZ_SCALE`` (``tests/fuzzing.py``), so that
``benchmarks/fuzz_long.py`` runs the same properties at length, on new examples.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import math
import signal
import tomllib
from collections.abc import Iterator
from importlib import resources
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import strategies as st

from fuzzing import fuzz
from troopledger._cli import main

__all__ = [
    "BUNDLED",
    "DELETE",
    "assert_one_line_error",
    "cli",
    "examples",
    "mutate",
    "odd_values",
    "one_line_error",
    "paths",
    "toml_dumps",
]

#: Longest a single command may take before the test calls it a hang (seconds).
HANG_SECONDS = 60

DELETE = object()

BUNDLED: dict[str, dict[str, Any]] = {
    name: tomllib.loads((resources.files("troopledger") / "data" / "cases" / f"{name}.toml").read_text("utf-8"))
    for name in ("nk-russia-2024", "nk-russia-record")
}


def examples(default: int) -> dict[str, Any]:
    """Hypothesis settings for ``default`` examples per property, scaled like the rest of the fuzz suite."""
    return {**fuzz(default), "suppress_health_check": list(HealthCheck)}


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        return ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def toml_dumps(data: dict[str, Any]) -> str:
    """``data`` as a TOML document of top-level keys with inline values (enough for any case file)."""
    return "".join(f"{json.dumps(str(k))} = {_value(v)}\n" for k, v in data.items())


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path into nested tables and arrays, parents before children."""
    out: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for k, v in items:
        out.append((*prefix, k))
        out.extend(paths(v, (*prefix, k)))
    return out


def mutate(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """A copy of ``data`` with the value at ``path`` replaced (or removed, for :data:`DELETE`)."""
    out = copy.deepcopy(data)
    node: Any = out
    for k in path[:-1]:
        node = node[k]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = copy.deepcopy(value)
    return out


def _nested(depth: int) -> Any:
    value: Any = 1
    for i in range(depth):
        value = {"a": value} if i % 2 else [value]
    return value


#: Values a careless or hostile hand writes into a case file.
odd_values = st.one_of(
    st.sampled_from(
        [
            True,
            False,
            0,
            -4,
            -1.0,
            1e-320,
            1e-9,
            1e308,
            10**12,
            10**30,
            2.0,
            "2024-10",
            "0000-01",
            "9999-12",
            "2024-13",
            "",
            "x" * 5000,
            [],
            {},
            [1, 2],
            [2, 1],
            [0.5, 1.5],
            [1, 2, 3, 4],
            {"fixed": 1},
            {"to": [1, 2], "fixed": 3},
        ]
    ),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    st.integers(min_value=30, max_value=60).map(_nested),
)


class _HangError(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def ring(signum: int, frame: FrameType | None) -> None:
        raise _HangError

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def cli(args: list[str]) -> tuple[int, str, str]:
    """Run the command line in-process: exit status, stdout, stderr; a hang fails the test."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        with _deadline(HANG_SECONDS), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(args)
    except SystemExit as e:
        code = int(e.code or 0)
    except _HangError:
        pytest.fail(f"troopledger {' '.join(args)} ran past {HANG_SECONDS} s")
    return code, out.getvalue(), err.getvalue()


def one_line_error(err: str, where: str) -> str:
    """The error line, after checking it is one ``troopledger: error: ...; fix: ...`` line naming ``where``."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("troopledger: error: "), line
    assert where in line, line
    assert "; fix: " in line, line
    assert not line.rstrip().endswith("fix:"), line
    assert "Traceback" not in err
    return line


def assert_one_line_error(err: str, where: str) -> str:
    """:func:`one_line_error` that also names the field at fault."""
    line = one_line_error(err, where)
    assert "field '" in line, line
    return line
