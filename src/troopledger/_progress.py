"""Progress of long work, told stage by stage to whoever listens (the CLI draws it with Rich).

A stage function takes an optional ``stages: Stages | None`` and announces what it is doing
(``begin("pilot")``, ``begin("as-of runs", total=15)``) and how far it got (``advance()``).
Nothing here draws anything: the CLI adapts the protocol to a Rich display on stderr, a test
records the events, and ``None`` (the default everywhere) costs nothing. Progress never
changes a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

__all__ = ["Stages", "counted", "quiet"]

T = TypeVar("T")


class Stages(Protocol):
    """Listens to the stages of a long piece of work."""

    def begin(self, stage: str, total: int | None = None) -> None:
        """A stage starts; ``total`` is its number of steps where known."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more steps of the current stage are done."""


class _Quiet:
    """Hears everything and says nothing."""

    def begin(self, stage: str, total: int | None = None) -> None:
        """Ignore the stage."""

    def advance(self, steps: int = 1) -> None:
        """Ignore the steps."""


def quiet(stages: Stages | None) -> Stages:
    """``stages`` itself, or a listener that ignores everything when there is none."""
    return _Quiet() if stages is None else stages


def counted(items: Iterable[T], stages: Stages | None, *, after: bool = False) -> Iterator[T]:
    """Yield ``items`` unchanged, telling ``stages`` one step per item.

    The step counts as each item arrives (results of finished work), or with ``after``
    once the consumer has finished with it and asks for the next (work done per item).
    """
    listener = quiet(stages)
    for item in items:
        if not after:
            listener.advance()
        yield item
        if after:
            listener.advance()
