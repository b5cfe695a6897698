"""Shared pieces of the fuzz suite: run the CLI in process and judge the outcome.

Every outcome must be a correct result (exit 0) or a one-line error naming the file
or claim and the fix (exit 2), never a traceback: any exception other than
``SystemExit`` escapes and fails the test. Usage errors (an unknown option, a
malformed value) are one line too; only a group given no command prints its help.
"""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from typing import Any

from troopledger._cli import main

#: How many times more examples to run: 1 in the test suite; ``benchmarks/fuzz_long.py`` raises it.
SCALE = max(1, int(os.environ.get("TROOPLEDGER_FUZZ_SCALE", "1")))


def fuzz(examples: int) -> dict[str, Any]:
    """Hypothesis settings for a fuzz test: ``examples`` times :data:`SCALE`, no per-example deadline.

    The normal run is derandomised (the same examples every time); a scaled-up run draws new ones.
    """
    return {"max_examples": examples * SCALE, "derandomize": SCALE == 1, "deadline": None, "database": None}


@dataclass(frozen=True)
class Outcome:
    """Exit status and the two output streams of one command."""

    code: int
    out: str
    err: str


def cli(argv: list[str]) -> Outcome:
    """Run ``troopledger ARGV`` in this process and capture its outcome."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return Outcome(code, out.getvalue(), err.getvalue())


def assert_clean(o: Outcome, *, names: tuple[str, ...] = ()) -> None:
    """Exit 0, or exit 2 with one error line saying the fix (and naming one of ``names``, if given)."""
    assert o.code in (0, 2), f"exit {o.code}: {o.err[-400:]}"
    assert "Traceback" not in o.err
    if o.code == 0:
        return
    errors = [line for line in o.err.splitlines() if line.startswith("troopledger: error:")]
    if errors:
        assert len(errors) == 1, o.err
        assert o.err.endswith("\n"), o.err
        assert o.err.count("\n") == o.err.count("troopledger: note:") + 1, o.err
        assert "; fix: " in errors[0], errors[0]
        if names:
            assert any(n in errors[0] for n in names), (names, errors[0])
    else:  # the help a command group prints when given no command
        assert o.err.startswith("Usage: troopledger"), o.err
        assert "Commands" in o.err, o.err
