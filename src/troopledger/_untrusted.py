"""Untrusted text made safe to show: terminals, bidirectional text, spreadsheet cells.

Speakers, quotes, outlets and URLs come from articles, that is from anyone. Shown
as they are, an escape sequence in a speaker's name can rewrite the terminal, an
unterminated right-to-left override can reverse the figures printed after it, and a
cell starting with ``=`` runs as a formula when a CSV export is opened in a
spreadsheet. These functions neutralise each, at the place the text is rendered.
"""

from __future__ import annotations

import html
import re

__all__ = [
    "BIDI_CONTROLS",
    "FORMULA_STARTS",
    "NUL_IN_CSV",
    "balance_bidi",
    "csv_cell",
    "escape_html",
    "escape_markdown_links",
    "for_terminal",
    "neutral_csv",
    "strip_bidi",
    "unneutral_csv",
]

#: Explicit bidirectional formatting characters: embeddings, overrides, isolates and their ends.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: First characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_OPEN_EMBED = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF
_PDF = "\u202c"
_OPEN_ISOLATE = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI
_PDI = "\u2069"
# ESC sequences: CSI (ESC [ ... final), OSC / DCS / PM / APC strings (ending in BEL or ESC \), two-byte ESC x;
# and the same introduced by their 8-bit C1 forms
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]P^_X]|[\x90\x9d\x9e\x9f\x98])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile(f"[{''.join(sorted(BIDI_CONTROLS))}]")


def strip_bidi(text: str) -> str:
    """``text`` without explicit bidirectional controls (letters keep their natural direction)."""
    return _BIDI.sub("", text)


def for_terminal(text: str) -> str:
    """``text`` with escape sequences, control characters and bidirectional controls removed.

    Tabs and newlines are kept; everything else below U+0020, DEL and the C1 range go.
    """
    return strip_bidi(_CONTROLS.sub("", _ESCAPES.sub("", text)))


def balance_bidi(text: str) -> str:
    """``text`` with every embedding, override and isolate closed inside it.

    Closers without an opener are dropped and missing closers are appended, so the
    text cannot change the direction of anything shown after it. (For HTML, wrap the
    result in ``<bdi>`` as well, which isolates it from what comes before.)
    """
    out: list[str] = []
    stack: list[str] = []
    for ch in text:
        if ch in _OPEN_EMBED or ch in _OPEN_ISOLATE:
            stack.append(ch)
        elif ch == _PDF:
            if not stack or stack[-1] not in _OPEN_EMBED:
                continue
            stack.pop()
        elif ch == _PDI:
            if not any(s in _OPEN_ISOLATE for s in stack):
                continue
            while stack and stack[-1] not in _OPEN_ISOLATE:  # a PDI also closes embeddings opened inside it
                out.append(_PDF)
                stack.pop()
            stack.pop()
        elif ch in "\n\u2029":  # a paragraph end closes everything
            out.extend(_PDI if s in _OPEN_ISOLATE else _PDF for s in reversed(stack))
            stack.clear()
        out.append(ch)
    out.extend(_PDI if s in _OPEN_ISOLATE else _PDF for s in reversed(stack))
    return "".join(out)


def escape_html(text: str, quote: bool = True) -> str:
    """``html.escape`` of the text without control characters or explicit direction controls.

    Embeddings, overrides and isolates are removed (letters keep their natural
    direction), so no override in one source's text can reverse another's figures
    or the date in its own link; tabs and newlines stay. Untrusted cells are also
    wrapped in ``<bdi>`` by the renderers, and the page's style isolates ``bdi``,
    table cells and links (``unicode-bidi: isolate``).
    """
    return html.escape(strip_bidi(_CONTROLS.sub("", text)), quote)


# one line of a cell: where a spreadsheet may start reading a formula (after any line break too)
_LINES = re.compile(r"(\r\n|\r|\n)")
_NEUTRAL = re.compile("'*[" + re.escape("".join(FORMULA_STARTS)) + "]")


def _neutral_line(line: str) -> str:
    return "'" + line if _NEUTRAL.match(line) else line


def _unneutral_line(line: str) -> str:
    return line[1:] if line.startswith("'") and _NEUTRAL.match(line, 1) else line


def neutral_csv(cell: str) -> str:
    """A text cell that a spreadsheet shows as text: a leading apostrophe before formula starts.

    Every line of the cell is treated so, since a spreadsheet may start a new row or
    cell after any line break; a line already starting with apostrophes before a
    formula start gets one more, so :func:`unneutral_csv` gives back exactly the cell.
    """
    if "\n" not in cell and "\r" not in cell:
        return _neutral_line(cell)
    parts = _LINES.split(cell)
    return "".join(p if i % 2 else _neutral_line(p) for i, p in enumerate(parts))


def unneutral_csv(cell: str) -> str:
    """The cell :func:`neutral_csv` was given: the apostrophes it added are taken off again."""
    if "\n" not in cell and "\r" not in cell:
        return _unneutral_line(cell)
    parts = _LINES.split(cell)
    return "".join(p if i % 2 else _unneutral_line(p) for i, p in enumerate(parts))


#: Shown in a CSV cell instead of a NUL character, which CSV readers refuse (U+2400 SYMBOL FOR NULL).
NUL_IN_CSV = "\u2400"


def csv_cell(cell: str) -> str:
    """One CSV field as written: quoted when it holds a comma, a quote, CR or LF; NUL shown as U+2400.

    Python's ``csv`` module leaves a lone carriage return unquoted when rows end in
    ``\\n``, so a row splits in a spreadsheet; this quotes every line break.
    """
    cell = cell.replace("\x00", NUL_IN_CSV)
    if any(c in cell for c in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


# Markdown: an autolink <scheme:...>, a bare URL or www. address, and an e-mail address become live links in
# GitHub-flavoured Markdown; a word joiner after the scheme's colon, `www.` or `@` breaks the match and shows the same.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|file|javascript|data)(:)|\b(www)(\.)|(@)(?=[\w-]+\.)")


def escape_markdown_links(text: str) -> str:
    """``text`` in which no URL, ``www.`` address or e-mail address becomes a live Markdown link.

    A word joiner (U+2060) goes after the scheme's colon, after ``www.`` and after ``@``:
    the text reads the same, but GitHub-flavoured Markdown no longer links it. (The
    caller escapes ``<`` as well, so ``<https://...>`` is no autolink either.)
    """
    return _AUTOLINK.sub(lambda m: "".join(g for g in m.groups() if g) + "\u2060", text)
