"""The one way troopledger writes a file: all or nothing, never through a link.

Every file the tool writes (a report's ``--out``, a claims export, a saved Dataset)
goes through :func:`atomic_path`: the content is written to a temporary file in the
target's own folder and renamed over the target, so a reader sees the old file or
the new one, never half of one. A target that is a directory or a symbolic link is
refused with one line (a link is never followed and never replaced: the user names
the real file), and so is a target that is, or is a hard link to, a file the same
command reads (its case, ledger, claims file or article: see :mod:`troopledger._paths`).
New files get the permissions the user's umask gives (as ``open``
would), and a file that is replaced keeps its permissions.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from troopledger._paths import input_at
from troopledger.errors import InputError

__all__ = ["atomic_path", "atomic_write", "umask"]


def umask() -> int:
    """The process's file-creation mask (read without changing it for good)."""
    old = os.umask(0o022)
    os.umask(old)
    return old


def _check_target(target: Path) -> int:
    """The mode the written file gets; an InputError if the target cannot be replaced."""
    try:
        st = target.lstat()
    except FileNotFoundError:
        return 0o666 & ~umask()
    except OSError as e:
        raise InputError(str(target), None, f"cannot be checked ({e.strerror})", "choose another output path") from None
    if stat.S_ISLNK(st.st_mode):
        raise InputError(
            str(target),
            None,
            "is a symbolic link; troopledger does not write through or replace links",
            "give the path of the file the link points to, or remove the link",
        )
    if stat.S_ISDIR(st.st_mode):
        raise InputError(str(target), None, "is a directory", "give a file name inside it, e.g. DIR/report.html")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(str(target), None, "is not a regular file", "give the path of a regular file")
    source = input_at(target)
    if source is not None:
        same = "is" if os.path.abspath(source) == os.path.abspath(target) else f"is the same file as '{source}',"
        raise InputError(
            str(target),
            None,
            f"{same} an input this command reads; writing there would destroy it",
            "give another output path",
        )
    return stat.S_IMODE(st.st_mode)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends normally it replaces ``path``.

    If the block raises, the temporary file is removed and ``path`` is left as it was.
    """
    target = Path(path)
    mode = _check_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise InputError(
            str(target), None, f"cannot write there ({e.strerror})", "choose a writable output path"
        ) from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, mode)
        _check_target(target)  # refuse a link or folder that appeared meanwhile
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` all or nothing; return the path written."""
    target = Path(path)
    with atomic_path(target) as tmp:
        try:
            tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        except OSError as e:
            raise InputError(
                str(target), None, f"cannot write there ({e.strerror})", "free some space or choose another path"
            ) from None
    return target
