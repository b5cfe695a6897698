"""Documents: an article's clean text with its content hash, outlet, URL and date.

Plain text is cleaned of page leftovers; saved HTML goes through trafilatura (main
text only, precision over recall, no network) and then the same cleaning. Outlet,
URL and date come from the caller when given, else from the page's metadata, else
from the text (a "Read the original article on X" line, a written date) or the URL's
path and, last, the file name for the outlet. A date is never invented: an article with
no date given or found has ``date == ""`` (and a note), so nothing converts money at a
month that was guessed.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from troopledger._digits import ascii_digits
from troopledger.errors import SourceError
from troopledger.sources._decode import decode_bytes, read_bytes
from troopledger.sources._leftovers import drop_leftovers
from troopledger.sources._mail import unwrap_mail

__all__ = ["Document", "document_from_bytes", "read_document"]

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|article)\b", re.I | re.S)
_ISO = re.compile(r"\b(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WRITTEN = re.compile(
    rf"\b(?:(?P<d1>[0-3]?\d)\s+(?P<m1>{_MONTH_NAMES})\.?,?\s+(?P<y1>20\d\d)"
    rf"|(?P<m2>{_MONTH_NAMES})\.?\s+(?P<d2>[0-3]?\d),?\s+(?P<y2>20\d\d))\b",
    re.I,
)
_META = ("title", "date", "sitename", "url", "hostname")
#: A tag longer than this (thousands of attributes) is cut to its bare name before
#: parsing: HTML parsers spend time far beyond linear on such tags, and no article
#: text lives in attributes.
_LONG_TAG = re.compile(r"<([a-zA-Z][\w:-]{0,30})[^<>]{4000,}>")
_DATE_OPTION = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$")


@dataclass(frozen=True)
class Document:
    """An article ready for extraction: clean text, its sha256, and where it came from (``date`` "" if unknown)."""

    text: str
    hash: str
    outlet: str
    url: str
    date: str
    path: str = ""
    title: str = ""
    original_outlet: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def id(self) -> str:
        """A short stable id for the document: the first 12 hex digits of its hash."""
        return self.hash[:12]


_ANY_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9-]*|!--|!doctype)[\s>/]", re.I)


def _looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_START.match(head)) or head.count("</p>") + head.count("<div") >= 3


class _AllText(HTMLParser):
    """Every piece of text in a page outside scripts and styles (no recursion: any depth of nesting)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template", "noscript"):
            self._hidden += 1
        elif tag in ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "section", "article"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template", "noscript") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _all_text(html: str) -> str:
    parser = _AllText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _html_main_text(html: str, origin: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata of a saved page, through trafilatura (no network)."""
    import trafilatura

    html = _LONG_TAG.sub(r"<\1>", html)
    try:
        doc: Any = trafilatura.bare_extraction(
            html,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    except (ValueError, TypeError, RecursionError, MemoryError, UnicodeError, LookupError) as e:
        raise SourceError(
            origin, None, f"the page could not be parsed as HTML ({type(e).__name__})", "save the article as plain text"
        ) from None
    if doc is None:
        return "", {}
    fields: dict[str, Any] = doc if isinstance(doc, dict) else {k: getattr(doc, k, None) for k in (*_META, "text")}
    meta = {k: str(fields.get(k) or "") for k in _META}
    return str(fields.get("text") or ""), meta


def _date_in_text(text: str) -> str | None:
    head = text[:3000]
    m = _ISO.search(head)
    if m:
        return m.group(0)
    w = _WRITTEN.search(head)
    if w:
        day = int(w.group("d1") or w.group("d2"))
        month = _MONTHS[(w.group("m1") or w.group("m2")).lower()]
        year = int(w.group("y1") or w.group("y2"))
        try:
            return _dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


#: Dates as pages in other languages print them: 2026年3月6日, 2026년 3월 6일, 2026.02.03, 2026/01/16, 16.01.2026.
_NUMERIC_DATES = (
    re.compile(
        r"(?<![\d.])(?P<y>20\d\d)\s?(?:年|년|[./])\s?(?P<m>0?[1-9]|1[0-2])\s?(?:月|월|[./])\s?"
        r"(?P<d>0?[1-9]|[12]\d|3[01])(?:日|일)?(?![\d.])"
    ),
    re.compile(r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>20\d\d)(?![\d.])"),
)


def _numeric_date_in_text(text: str) -> str | None:
    """The first all-digit date near the top of the text (digits of any script), as YYYY-MM-DD."""
    head = ascii_digits(text[:1500])
    found = [m for p in _NUMERIC_DATES if (m := p.search(head))]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    try:
        return _dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


_URL_DATE = re.compile(
    r"/(20\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/-]|$)|/(20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)


def _date_in_url(url: str) -> str | None:
    """A date written in a URL's path ("/2024/10/28/", "/2024/10/"), as YYYY-MM-DD or YYYY-MM."""
    m = _URL_DATE.search(urlparse(url).path if url else "")
    if m is None:
        return None
    if m.group(4):
        return f"{m.group(4)}-{m.group(5)}-{m.group(6)}"
    return f"{m.group(1)}-{m.group(2)}" + (f"-{m.group(3)}" if m.group(3) else "")


def _check_option(date: str | None) -> None:
    if date is not None and not _DATE_OPTION.match(date):
        raise SourceError(None, "--date", f"'{date}' is not a date", "write it YYYY-MM-DD or YYYY-MM")


def document_from_bytes(
    data: bytes,
    origin: str,
    *,
    outlet: str | None = None,
    url: str | None = None,
    date: str | None = None,
    html: bool | None = None,
) -> Document:
    """Build a :class:`Document` from an article's bytes; ``origin`` names it in errors and notes.

    ``outlet``, ``url`` and ``date`` given by the caller win over what the page says.
    ``html`` forces (or forbids) HTML extraction; by default it is sniffed. A page with
    no article text gives a Document with empty text (and a note), not an error.
    """
    date = ascii_digits(date) if date is not None else None  # "٢٠٢٥-٠٣-٠١" is 2025-03-01
    _check_option(date)
    text, notes = decode_bytes(data, origin)
    meta: dict[str, str] = {}
    mail = unwrap_mail(text)
    if mail is not None:  # an e-mail message or quoted-printable text: the article inside, decoded
        text, notes = mail.text, [*notes, *mail.notes]
        meta = {"title": mail.title, "date": mail.date}
        html = mail.html if html is None else html
    named_html = origin.lower().endswith(_HTML_SUFFIXES)
    if html is None and named_html and not _ANY_TAG.search(text[:65536]):
        html = False
        notes.append("named like an HTML page but holds no HTML tags; read as plain text")
    if html if html is not None else named_html or _looks_like_html(text):
        page = text
        text, found = _html_main_text(page, origin)
        meta = {**meta, **{k: v for k, v in found.items() if v}}
        notes.append("main text extracted from HTML")
        if not text.strip():
            text = _all_text(page)
            if text:
                notes.append("the HTML extractor found no main text; all the page's visible text is read instead")
    clean, original = drop_leftovers(text)
    if not clean:
        notes.append("no article text found: the file holds no readable sentences")
    page_url = url or meta.get("url") or ""
    host = urlparse(page_url).hostname or ""
    found_outlet = outlet or meta.get("sitename") or (host.removeprefix("www.") if host else "")
    if not found_outlet:
        found_outlet = original or f"unknown outlet ({Path(origin).name})"
        notes.append("outlet not given; " + ("named by the page" if original else "set from the file name"))
    found_date = (
        date
        or (meta.get("date") or "")[:10]
        or _date_in_text(clean)
        or _date_in_url(page_url)
        or _numeric_date_in_text(clean)
    )
    if not found_date or not _DATE_OPTION.match(found_date):
        found_date = ""
        notes.append("no date given or found: the article stays undated and foreign amounts unconverted (give --date)")
    digest = hashlib.sha256(clean.encode("utf-8")).hexdigest()
    return Document(
        text=clean,
        hash=digest,
        outlet=found_outlet,
        url=page_url,
        date=found_date,
        path=origin,
        title=meta.get("title", ""),
        original_outlet=original or "",
        notes=tuple(notes),
    )


def read_document(
    path: str | Path,
    *,
    outlet: str | None = None,
    url: str | None = None,
    date: str | None = None,
    html: bool | None = None,
) -> Document:
    """Read an article file (plain text or saved HTML) into a :class:`Document`.

    Raises :class:`~troopledger.errors.SourceError` (one line: file, problem, fix) for
    a missing, empty, binary or oversized file, or a page that cannot be parsed.
    """
    p = Path(path)
    data = read_bytes(p)
    return document_from_bytes(data, str(p), outlet=outlet, url=url, date=date, html=html)
