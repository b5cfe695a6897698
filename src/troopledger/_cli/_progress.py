"""The progress of long commands on a terminal: :class:`troopledger._progress.Stages` drawn by Rich on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from troopledger._progress import Stages

__all__ = ["Quiet", "RichStages", "announce", "shown_stages"]

Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Show no progress on the terminal.")]


class RichStages:
    """Draws the current stage as one transient line: spinner, stage, bar, count, time taken."""

    def __init__(self, bar: Progress) -> None:
        self._bar = bar
        self._task: TaskID = bar.add_task("starting", total=None)

    def begin(self, stage: str, total: int | None = None) -> None:
        """Show a new stage, with a bar when its number of steps is known."""
        # stage names can carry a user's text (a case path): never read as Rich markup
        self._bar.update(self._task, description=escape(stage), total=total, completed=0)
        self._bar.refresh()

    def advance(self, steps: int = 1) -> None:
        """Move the current stage's bar."""
        self._bar.advance(self._task, steps)


@contextmanager
def shown_stages(quiet: bool = False) -> Iterator[Stages | None]:
    """A listener drawing on stderr while the block runs; ``None`` when quiet or stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        yield RichStages(bar)


def announce(stages: Stages | None, stage: str) -> None:
    """Tell ``stages``, if any, that ``stage`` begins (work of unknown length)."""
    if stages is not None:
        stages.begin(stage)
