"""E-mail messages and quoted-printable text: the article inside, not its transfer encoding.

An article saved from a mail client (an ``.eml`` file, or a message pasted as text)
carries its body in a transfer encoding: quoted-printable cuts long lines with soft
breaks (``=`` at a line's end) and writes ``=`` as ``=3D`` and non-ASCII bytes as
``=C3=A9``. Read as plain text, a soft break inside ``12,5=`` / ``00`` made two figures
of one and ``=3D`` a stray number. A message is parsed with the standard library's
:mod:`email` package (its text part preferred to its HTML part, every transfer
encoding and charset it declares applied); a text that is not a whole message but
declares ``Content-Transfer-Encoding: quoted-printable`` in a header block has the
body after that block decoded, and so has a text whose long lines (nearly) all end in
soft breaks. Either way a note says so.
"""

from __future__ import annotations

import email
import email.policy
import quopri
import re
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime

__all__ = ["MailText", "unwrap_mail"]

_HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,76}:[ \t]?")
#: Header names that make a leading header block a message (not a line such as "Note: ...").
_MAIL_HEADERS = frozenset(
    ("from", "to", "subject", "date", "mime-version", "content-type", "content-transfer-encoding", "message-id",
     "received", "return-path", "reply-to", "cc", "sender", "delivered-to")
)  # fmt: skip
_QP_DECLARED = re.compile(r"^content-transfer-encoding:[ \t]*quoted-printable[ \t]*$", re.I | re.M)
_CHARSET = re.compile(r"charset\s*=\s*\"?([A-Za-z0-9._:-]+)", re.I)
_BOUNDARY = re.compile(r"^--[^\s]+(?:--)?[ \t]*$", re.M)


@dataclass(frozen=True)
class MailText:
    """The text inside a message or a quoted-printable block, whether it is HTML, and what its headers said."""

    text: str
    html: bool
    title: str = ""
    date: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


def _leading_headers(text: str) -> list[str]:
    """Names (lower case) of the header block the text starts with, or [] if it starts with none."""
    names: list[str] = []
    for line in text[:65536].splitlines():
        if not line.strip():
            break
        if line[0] in " \t" and names:  # a folded header's continuation
            continue
        m = _HEADER.match(line)
        if m is None:
            return []
        names.append(line[: line.index(":")].lower())
    return names


def _is_message(text: str) -> bool:
    names = _leading_headers(text)
    known = sum(n in _MAIL_HEADERS for n in names)
    return known >= 2 and known >= len(names) // 2


def _body_text(part: Message) -> str:
    """A part's content decoded (transfer encoding, then charset); undeclared or unknown charsets read as UTF-8."""
    if isinstance(part, EmailMessage):
        try:
            content = part.get_content()
            if isinstance(content, str):
                return content
        except (LookupError, KeyError, ValueError, UnicodeError):
            pass
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        return str(part.get_payload())
    charset = part.get_content_charset() or "utf-8"
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def _message(text: str) -> MailText:
    msg = email.message_from_string(text, policy=email.policy.default)
    body: Message | None = None
    if isinstance(msg, EmailMessage):
        body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        body = next((p for p in msg.walk() if p.get_content_maintype() == "text"), msg)
    encoding = str(body.get("content-transfer-encoding", "") or "").strip().lower()
    title = " ".join(str(msg.get("subject", "") or "").split())
    date = ""
    raw_date = msg.get("date")
    if raw_date:
        try:
            date = parsedate_to_datetime(str(raw_date)).date().isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            date = ""
    how = f", {encoding} decoded" if encoding in ("quoted-printable", "base64") else ""
    return MailText(
        _body_text(body),
        body.get_content_subtype() == "html",
        title,
        date,
        (f"read as an e-mail message (its {body.get_content_type()} part{how})",),
    )


def _declared_block(text: str) -> MailText | None:
    """Text before a header block declaring quoted-printable, and the body after it decoded (to a MIME boundary)."""
    m = _QP_DECLARED.search(text)
    if m is None:
        return None
    lines = text.split("\n")
    at = text.count("\n", 0, m.start())  # the declaration's line
    first = at
    while first > 0 and lines[first - 1].strip() and (_HEADER.match(lines[first - 1]) or lines[first - 1][0] in " \t"):
        first -= 1
    last = at
    while last < len(lines) and lines[last].strip():
        last += 1
    head = "\n".join(lines[first:last])
    body = "\n".join(lines[last + 1 :])
    stop = _BOUNDARY.search(body)
    if stop is not None:
        body = body[: stop.start()]
    found = _CHARSET.search(head)
    raw = quopri.decodestring(body.encode("utf-8", errors="surrogateescape"))
    try:
        decoded = raw.decode(found.group(1) if found else "utf-8", errors="replace")
    except LookupError:
        decoded = raw.decode("utf-8", errors="replace")
    kind = re.search(r"content-type:[ \t]*([\w.+-]+/[\w.+-]+)", head, re.I)
    return MailText(
        "".join(line + "\n" for line in lines[:first]) + decoded,
        kind is not None and kind.group(1).lower() == "text/html",
        notes=("its text declares Content-Transfer-Encoding: quoted-printable; the block after it was decoded",),
    )


def _undeclared(text: str) -> MailText | None:
    """The text decoded if it reads as quoted-printable without saying so (soft breaks end its long lines)."""
    lines = text.split("\n")
    long = [line.rstrip("\r") for line in lines if len(line.rstrip("\r")) >= 60]
    soft = sum(line.endswith("=") and not line.endswith("==") for line in long)
    if soft < 3 or soft < 0.8 * len(long) or max(len(line.rstrip("\r")) for line in lines) > 78:
        return None
    decoded = quopri.decodestring(text.encode("utf-8", errors="surrogateescape")).decode("utf-8", errors="replace")
    return MailText(decoded, False, notes=("its long lines end in quoted-printable soft breaks (=); decoded",))


def unwrap_mail(text: str) -> MailText | None:
    """The article inside ``text`` if it is an e-mail or declares quoted-printable (or reads as it), else None."""
    if _is_message(text):
        return _message(text)
    return _declared_block(text) or _undeclared(text)
