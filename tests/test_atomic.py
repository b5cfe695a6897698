"""The one atomic writer: all or nothing, no links followed or replaced, the user's umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from troopledger._atomic import atomic_path, atomic_write, umask
from troopledger.errors import InputError


def test_writes_whole_file_with_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        out = atomic_write(tmp_path / "sub" / "r.txt", "héllo\n")
    finally:
        os.umask(old)
    assert out.read_text(encoding="utf-8") == "héllo\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # 0666 less the 027 mask, not mkstemp's 0600
    assert [p.name for p in out.parent.iterdir()] == ["r.txt"]  # no temporary file left


def test_replacing_keeps_the_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    target.write_text("old")
    target.chmod(0o604)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_directory_and_symlink_targets_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory; fix:"):
        atomic_write(tmp_path, "x")
    real = tmp_path / "real.txt"
    real.write_text("keep")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(InputError, match="symbolic link") as e:
        atomic_write(link, "x")
    assert "\n" not in str(e.value)
    assert link.is_symlink()
    assert real.read_text() == "keep"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="symbolic link"):
        atomic_write(dangling, "x")
    assert not (tmp_path / "nowhere.txt").exists()


def test_failure_inside_the_block_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    target.write_text("old")

    def write_half() -> None:
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_half()
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


def test_umask_is_read_without_changing_it() -> None:
    old = os.umask(0o077)
    try:
        assert umask() == 0o077
        assert umask() == 0o077
    finally:
        os.umask(old)
