"""Reading an article file's bytes safely: size limit, binary check, encodings.

UTF-8 (with or without a byte-order mark) and UTF-16/32 with a mark are read as
they are. UTF-16 without a mark is recognised by where its zero bytes fall. Any
other bytes go to charset-normalizer, which guesses the encoding (EUC-KR, cp1251,
Shift-JIS, KOI8-R ...) from the text's statistics; a guess is always reported in a
note, and a guess whose result still reads as noise is refused rather than passed
on as mojibake. A file that looks binary, or is over the size limit, is refused
with one line.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from troopledger._paths import exists, is_file, note_input
from troopledger.errors import SourceError

__all__ = ["GUESSED", "MAX_ARTICLE_BYTES", "MAX_CHAOS", "decode_bytes", "read_bytes"]

#: Largest article or saved page read (bytes). News pages, even saved with their
#: scripts, are far smaller; anything larger is almost surely not an article.
MAX_ARTICLE_BYTES = 20_000_000
#: Largest "chaos" (share of implausible character sequences) accepted from an encoding guess.
MAX_CHAOS = 0.2
#: Every note about a guessed encoding starts with this.
GUESSED = "encoding guessed"

_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FIX_BINARY = "give the article as plain text or a saved .html page"


def read_bytes(path: str | Path) -> bytes:
    """The bytes of an article file, or a SourceError naming the file and the fix."""
    p = Path(path)
    if not exists(p):
        raise SourceError(str(p), None, "the file does not exist", "check the path of the article")
    if not is_file(p):
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
    note_input(p)
    return data


def _utf16_without_mark(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when zero bytes sit on one side of the pairs and the text decodes cleanly.

    Spaces, digits and Latin letters in UTF-16 have a zero high byte, so even Korean
    or Russian text has zeros, all at odd offsets (little-endian) or all at even ones;
    binary files have them on both sides.
    """
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.03 * pairs and even <= 0.01 * odd:
        encoding = "utf-16-le"
    elif even >= 0.03 * pairs and odd <= 0.01 * even:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = head[: 2 * pairs].decode(encoding)
    except UnicodeDecodeError:
        return None
    shown = sum(ch.isprintable() or ch.isspace() for ch in text)
    return encoding if shown >= 0.95 * len(text) else None


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise SourceError(
            origin, None, f"looks like {encoding} but byte {e.start} is not", "save the file as UTF-8"
        ) from None


def decode_bytes(data: bytes, origin: str) -> tuple[str, list[str]]:
    """Text of an article's bytes and notes on how it was decoded.

    Raises SourceError for an empty or binary file, or bytes whose encoding cannot be
    recognised. A note starting with :data:`GUESSED` says when the encoding was guessed.
    """
    if not data.strip():
        raise SourceError(origin, None, "the file is empty", "give a file holding the article's text or saved page")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding, origin)
            return text, [] if encoding == "utf-8-sig" else [f"decoded as {encoding.upper()} (byte-order mark)"]
    head = data[:65536]
    wide = _utf16_without_mark(head)
    if wide:
        return _strict(data, wide, origin), [f"{GUESSED}: {wide.upper()} without a byte-order mark"]
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if b"\x00" in head or controls > max(8, len(head) // 100):
        wide_text = _wide_guess(data)  # UTF-16 of a script without spaces (Japanese, Chinese) has no zeros
        if wide_text is None:
            raise SourceError(origin, None, "looks binary, not text", _FIX_BINARY)
        return wide_text
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        first_bad = e.start
    return _guess(data, origin, first_bad)


_SINGLE_BYTE = ["cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic", "cp1250", "cp1253", "cp1254",
                "cp1255", "cp1256", "cp1257", "iso8859_2", "iso8859_7"]  # fmt: skip


def _halfwidth_share(text: str) -> float:
    """Share of the non-ASCII characters that are half-width katakana (a sign of mojibake)."""
    foreign = [ch for ch in text if ord(ch) > 127]
    return sum("\uff61" <= ch <= "\uff9f" for ch in foreign) / len(foreign) if foreign else 0.0


def _wide_guess(data: bytes) -> tuple[str, list[str]] | None:
    """Text and note if charset-normalizer reads the bytes as clean UTF-16 or UTF-32, else None."""
    from charset_normalizer import from_bytes

    if len(data) < 32:  # too short to tell text from binary
        return None
    best = from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]).best()
    if best is None or best.encoding is None or best.chaos > MAX_CHAOS:
        return None
    text = str(best)
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text) or sum(map(str.isalpha, text)) < 8:
        return None
    return text, [f"{GUESSED}: {best.encoding.replace('_', '-').upper()} without a byte-order mark"]


def _western(data: bytes) -> str | None:
    """The text as Windows-1252 if it reads as Latin-script text with scattered accents, else None.

    Statistical guessers cannot tell the Western single-byte code pages apart on a
    short article with a few accents (they pick DOS code pages as readily); in
    Windows-1252 such text has its non-ASCII letters alone or in pairs inside words,
    whereas Korean, Cyrillic or Japanese bytes read that way give long runs of them.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    foreign = in_runs = run = 0
    for ch in text + " ":
        if ord(ch) > 127:
            foreign += 1
            run += 1
            continue
        if run >= 3:
            in_runs += run
        run = 0
    return text if foreign and in_runs <= 0.1 * foreign else None


def _guess(data: bytes, origin: str, first_bad: int) -> tuple[str, list[str]]:
    from charset_normalizer import from_bytes

    western = _western(data)
    if western is not None:
        return western, [f"{GUESSED}: not UTF-8 (byte {first_bad}); read as Windows-1252 (Latin text with accents)"]

    best = from_bytes(data).best()
    if best is not None and _halfwidth_share(str(best)) > 0.2:
        # single-byte text (KOI8-R, say) read through a Japanese multi-byte code page comes out as
        # half-width katakana, which real Japanese articles hardly use: ask again among single-byte pages
        best = from_bytes(data, cp_isolation=_SINGLE_BYTE).best()
    if best is None or best.encoding is None or best.chaos > MAX_CHAOS or _halfwidth_share(str(best)) > 0.2:
        raise SourceError(
            origin,
            None,
            f"not UTF-8 (byte {first_bad}) and its encoding could not be recognised",
            "save the article as UTF-8 text",
        )
    text = str(best)
    name = best.encoding.replace("_", "-")
    language = ", ".join(best.languages[:2]) or "language unknown"
    return text, [f"{GUESSED}: not UTF-8 (byte {first_bad}); read as {name} ({language})"]
