"""Questions about paths the user typed, answered without raising.

``Path.is_file()`` and friends raise ``OSError`` for a name the operating system
refuses outright (longer than it allows, or in a folder that cannot be searched);
a user's mistyped path must instead get the ordinary one-line "does not exist"
error. Every stage asks these instead of ``Path`` itself.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["exists", "is_dir", "is_file"]


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
