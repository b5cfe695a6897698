"""Reading an article file's bytes safely: size limit, binary check, encodings.

Text is tried as UTF-8 first, then as Windows-1252 and Latin-1 (with a note saying
so); a file that looks binary, or is over the size limit, is refused with one line.
"""

from __future__ import annotations

from pathlib import Path

from troopledger.errors import SourceError

__all__ = ["MAX_ARTICLE_BYTES", "decode_bytes", "read_bytes"]

#: Largest article or saved page read (bytes). News pages, even saved with their
#: scripts, are far smaller; anything larger is almost surely not an article.
MAX_ARTICLE_BYTES = 20_000_000

_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


def read_bytes(path: str | Path) -> bytes:
    """The bytes of an article file, or a SourceError naming the file and the fix."""
    p = Path(path)
    if not p.exists():
        raise SourceError(str(p), None, "the file does not exist", "check the path of the article")
    if not p.is_file():
        raise SourceError(str(p), None, "is not a regular file", "give the path of a .txt or .html article")
    try:
        size = p.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise SourceError(
                str(p),
                None,
                f"file is {size:,} bytes, over the {MAX_ARTICLE_BYTES:,}-byte limit for an article",
                "save only the article (its text or its page), not a whole archive",
            )
        with p.open("rb") as fh:
            data = fh.read(MAX_ARTICLE_BYTES + 1)
    except OSError as e:
        raise SourceError(str(p), None, f"cannot be read ({e.strerror})", "check the path and permissions") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise SourceError(str(p), None, "file grew over the size limit while being read", "save the article again")
    return data


def decode_bytes(data: bytes, origin: str) -> tuple[str, list[str]]:
    """Text of an article's bytes and notes on how it was decoded.

    Raises SourceError for an empty or binary file. UTF-8 (with or without a byte-order
    mark) and UTF-16 with a byte-order mark are read as they are; other bytes are read
    as Windows-1252, else Latin-1, and a note says so.
    """
    if not data.strip():
        raise SourceError(origin, None, "the file is empty", "give a file holding the article's text or saved page")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["decoded as UTF-16"]
        except UnicodeDecodeError:
            raise SourceError(origin, None, "has a UTF-16 mark but is not UTF-16", "save it as UTF-8") from None
    head = data[:65536]
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if b"\x00" in head or controls > max(8, len(head) // 100):
        raise SourceError(
            origin, None, "looks binary, not text", "give the article as plain text or a saved .html page"
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        first_bad = e.start
    try:
        return data.decode("cp1252"), [f"not UTF-8 (byte {first_bad}); read as Windows-1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"not UTF-8 (byte {first_bad}); read as Latin-1"]
