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
    "balance_bidi",
    "escape_html",
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
    """``html.escape`` of the text after :func:`balance_bidi`, so an override cannot leak out of it.

    Control characters (not allowed in HTML) are removed; tabs and newlines stay.
    """
    return html.escape(balance_bidi(_CONTROLS.sub("", text)), quote)


def neutral_csv(cell: str) -> str:
    """A text cell that a spreadsheet shows as text: a leading apostrophe before formula starts."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def unneutral_csv(cell: str) -> str:
    """The cell :func:`neutral_csv` was given: the apostrophe it added is taken off again."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell
