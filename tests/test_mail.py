"""E-mail messages and quoted-printable articles: the figures of the article inside, never of its encoding."""

from __future__ import annotations

import base64
import quopri

from troopledger.claims import extract_claims
from troopledger.sources import document_from_bytes

# Our own sentences (not from any article). The soft breaks fall inside the figures on purpose.
_BODY = (
    "Lawmakers heard from the spy service on Monday that Pyongyang has sent about=\n"
    " 2,500 extra soldiers this spring, which brings its force to roughly 12,=\n"
    "600 troops, and that the ratio kept by the state =3D most of the pay of about=\n"
    " $2,000 a month per soldier.\n"
)


def _mail(body: str, *, headers: str = "") -> bytes:
    return (
        "From: Night Desk <night@example.net>\n"
        "To: list@example.net\n"
        "Subject: =?utf-8?q?More_units_sent?=\n"
        "Date: Mon, 03 Mar 2025 07:30:00 +0000\n"
        "MIME-Version: 1.0\n"
        f"{headers}"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n" + body
    ).encode()


def _values(data: bytes, name: str = "a.eml") -> dict[str, float]:
    doc = document_from_bytes(data, name, outlet="Wire")
    return {c.quantity: c.value for c in extract_claims(doc) if c.value is not None}


def test_a_quoted_printable_email_reads_the_figures_across_soft_breaks() -> None:
    doc = document_from_bytes(_mail(_BODY), "a.eml", outlet="Wire")
    assert "=\n" not in doc.text
    assert "=3D" not in doc.text
    assert "12,600 troops" in doc.text
    assert "about 2,500 extra" in doc.text
    assert doc.date == "2025-03-03"
    assert doc.title == "More units sent"
    assert any("e-mail" in n and "quoted-printable decoded" in n for n in doc.notes)
    values = _values(_mail(_BODY))
    assert values["troops_deployed"] == 12_600
    assert values["pay_per_soldier_month"] == 2_000
    assert 126 not in values.values()
    assert 600 not in values.values()


def test_a_multipart_email_reads_its_text_part_in_its_declared_charset() -> None:
    text = "Près de 12,600 soldats, disait l'agence: le salaire =E9tait d'environ $2,000 par mois.\n"
    html = base64.b64encode(b"<html><body><p>Ignored 99,999 soldiers</p></body></html>").decode()
    data = (
        "From: a@example.org\nSubject: x\nDate: Sat, 01 Feb 2025 10:00:00 +0100\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\n'
        "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
        f"{text}\n--b1\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{html}\n--b1--\n"
    ).encode("latin-1")
    doc = document_from_bytes(data, "m.eml", outlet="Wire")
    assert "était" in doc.text
    assert "99,999" not in doc.text
    assert doc.date == "2025-02-01"


def test_a_pasted_header_block_declaring_quoted_printable_is_decoded_after_it() -> None:
    data = (
        "Forwarded to the desk, see below.\n\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + _BODY
    ).encode()
    doc = document_from_bytes(data, "fwd.txt", outlet="Wire")
    assert doc.text.startswith("Forwarded to the desk")
    assert "12,600 troops" in doc.text
    assert any("declares Content-Transfer-Encoding" in n for n in doc.notes)
    assert _values(data, "fwd.txt")["troops_deployed"] == 12_600


def test_undeclared_soft_breaks_are_decoded_and_ordinary_text_is_left_alone() -> None:
    doc = document_from_bytes(_BODY.encode(), "body.txt", outlet="Wire")
    assert "12,600 troops" in doc.text
    assert any("soft breaks" in n for n in doc.notes)
    plain = b"Note: the ratio a = b holds.\nAbout 12,600 troops were sent, officials said on Monday.\n"
    doc = document_from_bytes(plain, "plain.txt", outlet="Wire")
    assert doc.text.startswith("Note: the ratio a = b")
    assert not any("e-mail" in n or "soft" in n for n in doc.notes)


def test_a_korean_email_in_quoted_printable_utf8_is_decoded() -> None:
    korean = "국정원은 북한이 병사 1만2천600명을 보냈다고 국회에 보고했다.\n"
    body = quopri.encodestring(korean.encode()).decode()
    doc = document_from_bytes(_mail(body), "k.eml", outlet="Wire")
    assert doc.text.strip() == korean.strip()
