"""Questions about paths the user typed, answered without raising; inputs read within bounds.

``Path.is_file()`` and friends raise ``OSError`` for a name the operating system
refuses outright (longer than it allows, or in a folder that cannot be searched);
a user's mistyped path must instead get the ordinary one-line "does not exist"
error. Every stage asks these instead of ``Path`` itself.

Every file a command reads (case, claims file, article, rates, ledger) goes
through :func:`read_input` or :func:`check_input`: only regular files are read
(a FIFO, a device such as ``/dev/zero`` or a socket is refused after one
``stat``, never opened), a size cap is enforced while reading, and the file is
remembered, so that an output path that is, or links to, an input of the same
command is refused (:func:`input_at`, asked by :mod:`troopledger._atomic`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from troopledger.errors import InputError

__all__ = ["check_input", "exists", "input_at", "is_dir", "is_file", "note_input", "read_input", "tracking_inputs"]

#: (device, inode) of each file read by the running command, with the path it was read as;
#: None when no command is tracking (library use).
_INPUTS: dict[tuple[int, int], str] | None = None


def is_file(path: str | Path) -> bool:
    """Whether ``path`` names a regular file (following links); False for any name the OS refuses."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False


def is_dir(path: str | Path) -> bool:
    """Whether ``path`` names a folder (following links); False for any name the OS refuses."""
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):
        return False


def exists(path: str | Path) -> bool:
    """Whether anything is at ``path`` (following links); False for any name the OS refuses."""
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False


@contextmanager
def tracking_inputs() -> Iterator[None]:
    """Remember every input read inside the block, so no output of the block replaces one."""
    global _INPUTS
    before, _INPUTS = _INPUTS, {}
    try:
        yield
    finally:
        _INPUTS = before


def _key(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # follows symbolic links: a link to an input is that input
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def note_input(path: str | Path) -> None:
    """Remember ``path`` as an input of the running command (hard and symbolic links included)."""
    if _INPUTS is None:
        return
    key = _key(path)
    if key is not None:
        _INPUTS.setdefault(key, str(path))


def input_at(path: str | Path) -> str | None:
    """The input of the running command that ``path`` is (or links to), or None."""
    if not _INPUTS:
        return None
    key = _key(path)
    return _INPUTS.get(key) if key is not None else None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_input(
    path: str | Path, what: str, limit: int, error: type[InputError] = InputError, *, missing_ok: bool = False
) -> int:
    """The size of the regular file at ``path``; ``error`` (one line) for anything else.

    A FIFO, a device or a socket is refused from one ``stat``, never opened (opening a
    FIFO waits for a writer, a device never ends). Returns -1 if the file is missing and
    ``missing_ok``. The file is remembered as an input of the running command.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if missing_ok:
            return -1
        raise error(str(path), None, f"the {what} does not exist", f"check the path of the {what}") from None
    except (OSError, ValueError) as e:
        if missing_ok and isinstance(e, ValueError | NotADirectoryError):
            return -1
        reason = e.strerror if isinstance(e, OSError) and e.strerror else "the system refuses the name"
        raise error(str(path), None, f"the {what} cannot be read ({reason})", f"check the path of the {what}") from None
    if not stat.S_ISREG(st.st_mode):
        raise error(
            str(path),
            None,
            f"is {_kind(st.st_mode)}, not a {what} file",
            f"give the path of a regular {what} file (troopledger reads only regular files)",
        )
    if st.st_size > limit:
        raise error(
            str(path),
            None,
            f"file is {st.st_size:,} bytes, over the {limit:,}-byte limit for a {what}",
            "give a smaller file (limits: docs/bad-input.md)",
        )
    note_input(path)
    return st.st_size


def read_input(path: str | Path, what: str, limit: int, error: type[InputError] = InputError) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them (see :func:`check_input`)."""
    check_input(path, what, limit, error)
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since the stat, open does not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise error(str(path), None, f"cannot be read ({e.strerror})", "check the path and its permissions") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise error(str(path), None, f"is not a regular {what} file", f"give the path of a regular {what} file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            block = os.read(fd, min(1 << 20, limit + 1 - size))
            if not block:
                break
            chunks.append(block)
            size += len(block)
    except OSError as e:
        raise error(str(path), None, f"cannot be read ({e.strerror})", "check the path and its permissions") from None
    finally:
        os.close(fd)
    if size > limit:
        raise error(str(path), None, f"file grew over the {limit:,}-byte limit while being read", "read it again")
    return b"".join(chunks)
