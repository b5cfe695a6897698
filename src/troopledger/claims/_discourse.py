"""Who speaks for a sentence that names no speaker: the conventions of news writing across sentences.

A reporter attributes a figure once and lets it run on: the sentence before it in the
same paragraph, a paragraph that opens with the figure and says who gave it in the next
sentence ("..., X told Y" / "That's according to X"), a body that names the source of a
figure the headline and lead only state, a document or a pronoun subject that keeps
speaking, and the source a lead says it relays ("as reported by X, citing Y", a
"Source: X" line). A section heading ends what the lead said; past it the outlet speaks
for itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from troopledger.claims._attribution import Attribution
from troopledger.claims._body_names import METONYM, nation
from troopledger.claims._record import Claim
from troopledger.claims._saying import VERB_AT
from troopledger.claims._speakers import TITLE_DOT, generic_speaker, last_organisation, last_person, speaker_kind
from troopledger.sources import Document

__all__ = [
    "BACKWARD",
    "RELAYS_FIGURES",
    "backward_relay",
    "carried",
    "heading",
    "last_body",
    "relay_of",
    "relayed",
    "reporting_outlet",
    "resolve",
    "restated_speakers",
]

#: Speakers that are bodies or documents (their figures run on over the next sentences).
_DOCUMENTARY = re.compile(
    r"\b(?:data|report|study|statistics|survey|figures|census|customs|service|agency|bank|institute|centre|center|"
    r"team|office|ministry|directorate|foundation|think\s+tank|rosstat)\b",
    re.I,
)
#: A sentence that opens by pointing back at what came before ("This new deployment ...", "These troops ...").
_ANAPHOR = re.compile(r"^(?:This|These|Those|Such)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\s+(?!of\b)[a-z]")
_PRONOUN_SUBJECT = re.compile(r"^(?:It|They|He|She)\s+(?:also\s+)?\w+(?:ed|s)\b")
#: "Yu quoted the latest figures as ...": the speaker relays the source named just before.
RELAYS_FIGURES = re.compile(
    r"\b(?:quoted|cited|relayed|passed\s+on)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:figures|numbers|estimates|data|statistics)\b",
    re.I,
)
#: A sentence that only points back at the one before: "That's according to X", "This was reported by Y".
BACKWARD = re.compile(r"^(?:That|This|These|Those)\b")
_CLOSED = re.compile(r"[.!?\"”’:)]$")
#: A person or paper introduced with an indefinite article ("a US official", "a document seen by X"): someone new.
_NEW_PERSON = re.compile(
    r"^(?:a|an|one)\s+(?:[\w-]+\s+){0,3}(?:official|lawmaker|legislator|minister|spokes\w+|general|commander|"
    r"diplomat|ambassador|researcher|analyst|expert|officer|document|memo|letter|cable)$",
    re.I,
)
#: A role noun that names a person already met: "the lawmaker", "the minister".
_ROLE = re.compile(
    r"^the\s+(?:\w+\s+)?(?:lawmaker|legislator|official|minister|spokes\w+|president|general|commander|mayor|"
    r"ambassador|diplomat|researcher|analyst|expert|professor|chief|head|marshal|admiral|colonel|governor|secretary)$",
    re.I,
)


def heading(text: str, s: str, end: int) -> bool:
    """A title or section heading: a short line with no closing punctuation."""
    return len(s) < 90 and not _CLOSED.search(s) and (end >= len(text) or text[end] == "\n")


def _person(who: str) -> bool:
    """A speaker that is a person's name ("Yu", "Jane Doe"), not a body or a common noun."""
    words = who.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and last_organisation(who) is None


#: "the agency's estimates", "the institute's report": the body whose document it is.
_OWNER_NOUN = re.compile(r"^(?:the|its|this|that)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<n>[a-z][\w-]*)['’]s?\s+\w+$", re.I)


def _named(text: str, noun: str) -> str | None:
    """The last phrase in ``text`` that names a body with ``noun`` ("Ukraine's military intelligence agency (HUR)")."""
    low = text.lower()
    at = low.rfind(noun.lower())
    pattern = _named_pattern(noun)
    while at >= 0:
        window = text[max(0, at - 60) : at + len(noun) + 12]
        for m in pattern.finditer(window):
            phrase = m.group("p")
            if (
                phrase[:1].isupper()
                and not re.match(r"(?:The|A|An|This|That|Its|By|In|On|At|For|From|With|Of|And|But|As)\s", phrase)
                and not VERB_AT.search(phrase)  # "Lee told the news agency" is a clause, not a name
                and not re.search(r"\s(?:a|an|the)\s", phrase)  # "War put out a paper": a clause too
            ):
                return phrase
        at = low.rfind(noun.lower(), 0, at)
    return None


@lru_cache(maxsize=64)
def _named_pattern(noun: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?<=\s)|^)(?P<p>(?:[A-Z][\w.-]*(?:['’]s)?[ \t\u00a0]+)(?:[\w-]+[ \t\u00a0]+){{0,3}}?{re.escape(noun)}"
        rf"(?:\s*\([A-Z][A-Za-z]{{1,8}}\))?)(?=\W|$)",
        re.I if noun.islower() else 0,
    )


_BODY_NOUNS = (
    "agency|service|ministry|institute|directorate|office|bank|team|centre|center|council|committee|commission|"
    "government|command|staff|university|foundation|panel|intelligence(?![ \t]+(?:agency|service|directorate))"
)
_S = r"[ \t\u00a0]"  # a space within one line
_BODY = re.compile(
    rf"(?P<p>[A-Z][\w.-]*(?:['’]s)?(?:{_S}+[\w.'’-]+){{0,4}}?{_S}+(?i:{_BODY_NOUNS})\b"
    rf"(?:{_S}+of{_S}+(?:the{_S}+)?[A-Z][\w-]*(?:{_S}+[A-Z][\w-]*){{0,3}})?(?:\s*\([A-Z][A-Za-z]{{1,8}}\))?)"
)


def last_body(text: str) -> str | None:
    """The body named last in ``text`` ("Ukraine's military intelligence agency (HUR)", "the Bank of Korea")."""
    best: tuple[int, str] | None = None
    for m in _BODY.finditer(text):
        phrase = re.sub(r"^(?:(?:The|A|An|This|That|Its|In|On|At|But|And|By|For|From|With|As)\s+)+", "", m.group("p"))
        if phrase[:1].isupper():  # "By the agency" is a reference back, not a name
            best = (m.end(), phrase)
    org = last_organisation(text)
    if org is not None:
        at = text.rfind(org)
        if best is None or at + len(org) > best[0]:
            return org
    return best[1] if best else None


#: Documents a body issues: "the report" with no owner named goes to the body named last.
_DOCUMENTS = frozenset(
    ["report", "study", "findings", "assessment", "document", "paper", "analysis", "survey", "update", "bulletin",
     "statement"]
)  # fmt: skip
#: An anonymous source described by where it sits: "a source inside North Korea", "sources close to the Kremlin".
_A_SOURCE = re.compile(
    r"\b(?i:an?|one|two|several)\s+(?:\w+\s+)?sources?\s+(?:inside|in|within|close\s+to|familiar\s+with)\s+"
    r"(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}"
)


#: A sentence that opens with a named body as its subject: "South Korea's National Intelligence Service gave ...".
_SUBJECT_BODY = re.compile(
    rf"^\s*(?:The{_S}+)?(?P<b>[A-Z][\w.'’-]*(?:{_S}+(?:of{_S}+|for{_S}+|the{_S}+|and{_S}+)?[A-Z][\w.'’-]*){{0,6}}"
    rf"(?:{_S}+\([A-Z][A-Za-z]{{1,8}}\))?)(?={_S}+(?:has{_S}+|had{_S}+|also{_S}+)?[a-z]+\b)"
)


def _previous_sentence(text: str, start: int) -> str:
    """The sentence that ends right before ``start`` (back to the last full stop or line break)."""
    before = text[max(0, start - 400) : start].rstrip()
    cut = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n", 0, len(before) - 1))
    return before[cut + 1 :].strip()


def _same_kind_body(generic: str, before: str) -> str | None:
    """The body named last before a bare noun of the same kind ("the intelligence directorate" after "Ukraine's
    Defence Intelligence (HUR)"): the kind, not the noun, is what the two share."""
    kind = speaker_kind(generic)
    if kind == "other":
        return None
    body = last_body(before)
    return body if body is not None and speaker_kind(body) == kind else None


_FIRST_PERSON = frozenset(["i", "my", "me", "mine", "our", "ours"])


def resolve(att: Attribution, text: str, span: tuple[int, int], earlier: Attribution | None) -> Attribution:
    """A bare "the report" or "the lawmaker" is the speaker before it with that noun (or, for a role, the
    person who spoke just before), else the body last named with that noun ("the agency" after "Ukraine's
    military intelligence agency (HUR)"), else the organisation named last before it, in it, or right after it.
    "Intelligence officials" take the country their sentence names."""
    if not att.found:
        return att
    start, end = span
    if att.speaker == "it":
        body = earlier if earlier is not None and not _person(earlier.speaker) and "," not in earlier.speaker else None
        # a body the sentence before names as its subject is what "It" points to ("X gave a lower figure. It told ...")
        lead_body = _SUBJECT_BODY.match(_previous_sentence(text, start))
        if lead_body is not None and last_body(lead_body.group("b")) is None:
            lead_body = None  # "In its update ...", "Russia says": no body named as the subject
        if lead_body is not None and (body is None or lead_body.group("b").split()[-1] not in body.speaker):
            body = None
            name: str | None = last_body(lead_body.group("b")) or lead_body.group("b")
        else:
            name = body.speaker if body is not None else last_body(text[max(0, start - 1500) : start])
        if name is None:
            return Attribution("", found=False, via=att.via)
        return Attribution(name, body.organisation if body else name, speaker_kind(name), att.via)
    if att.speaker.strip().casefold() in _FIRST_PERSON:
        return Attribution("", found=False, via=att.via)  # "My estimate is ...": whoever speaks (a turn)
    if att.speaker == "we":  # a body's remarks quoted in its own words: "“We assess that ...”"
        para = text.rfind("\n", 0, start) + 1
        quoted = text[para:start].lstrip()[:1] in ('"', "“") or text[start : start + 1] in ('"', "“")
        we = last_body(text[max(0, start - 1500) : start]) if quoted else None
        if we is None:
            return Attribution("", found=False, via=att.via)
        return Attribution(we, we, speaker_kind(we), att.via)
    if not generic_speaker(att.speaker) or _NEW_PERSON.match(att.speaker) or att.speaker in ("sources", "source"):
        # "A US official told reporters", "according to sources cited by X": someone new, not a body named before
        return nation(att, text[start:end])
    owner = _OWNER_NOUN.match(att.speaker)
    noun = owner.group("n") if owner else att.speaker.split()[-1]
    if earlier is not None and re.search(rf"\b{re.escape(noun)}\b", earlier.speaker, re.I):
        return Attribution(earlier.speaker, earlier.organisation, earlier.kind, att.via)
    if (
        earlier is not None
        and noun in _DOCUMENTS
        and re.match(r"(?:its|their)\s", att.speaker, re.I)
        and (not _person(earlier.speaker) or speaker_kind(earlier.speaker) not in ("other", "defector"))
    ):
        return Attribution(earlier.speaker, earlier.organisation, earlier.kind, att.via)  # "its latest update"
    if earlier is not None and _ROLE.match(att.speaker) and _person(earlier.speaker):
        return Attribution(earlier.speaker, earlier.organisation, earlier.kind, att.via)
    if earlier is not None and _ROLE.match(att.speaker) and earlier.via and _person(earlier.via[0].split(" ", 2)[-1]):
        return earlier  # "X said British intelligence believed ... The marshal added": X goes on relaying the source
    named = _named(text[max(0, start - 1500) : start], noun) if not _ROLE.match(att.speaker) else None
    if named is None and noun in ("source", "sources"):  # "the same source" after "a source inside North Korea"
        told = list(_A_SOURCE.finditer(text, max(0, start - 1500), start))
        named = told[-1].group(0) if told else None
    org = (
        named
        or last_organisation(text[max(0, start - 3000) : start], noun)
        or last_organisation(text[start:end], noun)
        or last_organisation(text[end : end + 400], noun, first=True)
        or (last_body(text[max(0, start - 1500) : start]) if noun in _DOCUMENTS else None)  # "The panel ... The report"
        or _same_kind_body(att.speaker, text[max(0, start - 1500) : start])
    )
    if org is None:
        return att
    return Attribution(org, org, speaker_kind(org), att.via)


def carried(
    recent: tuple[int, Attribution] | None, i: int, s: str, same_paragraph: bool, ahead: Attribution | None
) -> Attribution | None:
    """The speaker sentence ``i`` (with no speaker of its own) takes from its neighbours, if any.

    First an attributed sentence right before it in the same paragraph (or a few before,
    when a document or a pronoun subject keeps speaking); else ``ahead``, the speaker of
    the next sentence of the same paragraph, when none before it in the paragraph spoke.
    """
    if recent is not None:
        k, before = recent
        document = _DOCUMENTARY.search(before.speaker) is not None
        pronoun = _PRONOUN_SUBJECT.match(s) is not None or _ANAPHOR.match(s) is not None
        near = k == i - 1 or (pronoun and k >= i - 3)
        if near and (same_paragraph or document or pronoun):
            return before
    if ahead is not None and ahead.found:
        return ahead
    return None


_GENERIC_OTHER = frozenset(["other:count", "other:amount", "other:share"])


_TROOP_FIGURES = frozenset(["troops_deployed", "troops_per_rotation", "cumulative_troops"])


def _same_kind(a: str, b: str) -> bool:
    """The same quantity, two troop figures (a headline drops the body's "in total"), or two ``other:``
    figures one of which has only a generic subtype."""
    return (
        a == b
        or {a, b} <= _TROOP_FIGURES
        or (a.startswith("other:") and b.startswith("other:") and bool({a, b} & _GENERIC_OTHER))
    )


def restated_speakers(claims: list[Claim], unattributed: set[int]) -> list[Claim]:
    """A figure no one is named for (a headline, a lead) takes the speaker of the same figure where the
    article attributes it: the same quantity, within 2 % (a lead rounds "13,221" to "about 13,000"); counts
    and amounts of 100 or more only, as a share or a small number recurs by chance."""
    out = list(claims)
    # a headline's "Seoul says", "Britain says": a capital or a country stands for a body the article names
    unattributed = unattributed | {i for i, c in enumerate(claims) if METONYM.fullmatch(c.speaker)}
    for i in sorted(unattributed):
        c = claims[i]
        mid = c.central
        if mid is None or mid < 100 or c.unit in ("fraction", "times"):
            continue  # a share or a small number recurs by chance
        for j, o in enumerate(claims):
            if j in unattributed or not _same_kind(o.quantity, c.quantity) or o.central is None:
                continue
            if abs(o.central - mid) <= 0.02 * max(abs(o.central), abs(mid)):
                out[i] = c.model_copy(
                    update={
                        "speaker": o.speaker,
                        "organisation": o.organisation,
                        "speaker_kind": o.speaker_kind,
                        "via": o.via,
                    }
                )
                break
    return out


_REPORTS = re.compile(r"\b(?P<o>The\s+[A-Z]\w+(?:\s+[A-Z]\w+){0,3})\s+(?:reports|reported|writes|wrote)\b")
_RELAYED = re.compile(
    r"\b(?:is|was|were|are|as)\s+reported\s+by\s+(?:the\s+)?(?:state\s+agency\s+|news\s+agency\s+)?"
    r"(?P<o>[A-Z][\w.:-]*(?:[\s-]+[A-Z][\w.:-]*){0,4})(?:,?\s+citing\s+(?P<c>(?:the\s+)?[A-Z][\w.:-]*(?:\s+[A-Z][\w.:-]*){0,4}))?"
)
_SOURCE_LINE = re.compile(r"^\s*(?:Source|Sources|Via)\s*:\s*(?P<o>[^\n]{2,80}?)\s*$", re.M)


def reporting_outlet(doc: Document) -> str:
    """Who speaks where no one else does: whom the lead says it relays ("as reported by X, citing Y"), a
    "Source: X" line, an outlet the story relays, else the outlet."""
    lead = doc.text[:600]
    r = _RELAYED.search(lead)
    if r:
        return (r.group("c") or r.group("o")).split(". ")[0].strip(" .")
    m = _SOURCE_LINE.search(doc.text) if ("ource" in doc.text or "Via" in doc.text) else None
    if m:
        return m.group("o").strip(" .")
    lead3000 = doc.text[:3000]
    m2 = _REPORTS.search(lead3000) if ("report" in lead3000 or "wr" in lead3000) else None
    return m2.group("o") if m2 else _columnist(doc.text) or doc.original_outlet or doc.outlet


_BYLINE = re.compile(r"^By\s+(?P<n>[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){1,3})[ \t]*$", re.M)


def _columnist(text: str) -> str | None:
    """An opinion piece's author ("By X" with an "Opinion" heading or a closing "X is a …"); None for news."""
    by = _BYLINE.search(text[:600]) if "By " in text[:600] else None
    if by is None:
        return None
    name = by.group("n")
    opinion = re.search(r"^(?:Opinion|Comment|Commentary|Op-ed|Column)\b", text[:600], re.M | re.I)
    bio = re.search(rf"^{re.escape(name)}\s+is\s+(?:a|an|the)\s", text, re.M)
    return name if opinion or bio else None


#: "X, citing a briefing from Y" / "X told reporters after a briefing from Y": X passes on what Y said.
_CITES = re.compile(
    r"\b(?:citing|quoting|after\s+(?:a|being)\s+(?:[\w-]+\s+)?brief(?:ing|ed)\s+(?:from|by)|briefed\s+by)\s+(?:a\s+|an\s+|the\s+)?"
    rf"(?:(?:briefing|report|statement|assessment)\s+(?:from|by)\s+)?(?P<orig>(?:{TITLE_DOT}|[^,.;“”\"]){{3,100}}?)"
    r"(?=\s+(?:during|in|on|at|after|that|who|which|as)\b|[,.;“”\"]|$)"
)


#: "This information, provided by X during ...": a sentence that says where the figures before it came from.
_BACK_RELAY = re.compile(
    r"^(?:This|That|These|Those|The|Such)\s+(?:information|figures?|data|numbers?|estimates?|assessments?|"
    r"intelligence|account|findings)\b[^.;]{0,40}?\b(?:informed|provided|supplied|given|obtained|passed\s+on|"
    r"relayed|shared|briefed|came)\s+(?:to\s+\w+\s+)?(?:by|from)\s+(?:the\s+)?"
    r"(?P<who>[^,.;]{3,100}?)(?=\s+(?:during|in|on|at|after|that|who|which|as|when|while)\b|[,.;]|$)"
)
_TITLES = re.compile(r"^(?:(?:Lieutenant|Lt\.|Major|Maj\.|General|Gen\.|Colonel|Col\.|Chief|Rep\.|Dr\.)\s+)+")


def backward_relay(sentence: str) -> Attribution | None:
    """The source a sentence gives for the figures before it ("This information, informed by X ..."), if any."""
    m = _BACK_RELAY.match(sentence) if sentence[:1] in "TS" else None
    if m is None:
        return None
    phrase = m.group("who").strip()
    name = last_person(_TITLES.sub("", phrase))
    return Attribution(name or phrase, "" if name is None else phrase, speaker_kind(phrase))


def relay_of(sentence: str) -> tuple[frozenset[str], Attribution] | None:
    """The person a sentence says passes on someone else's figures, and that original source.

    "Rep. Jane Doe ..., citing a briefing from intelligence chief John Roe" gives the words of
    Jane Doe's name and John Roe (organisation and kind from the words around his name).
    """
    if not ("citing" in sentence or "quoting" in sentence or "brief" in sentence):
        return None
    m = _CITES.search(sentence)
    if m is None:
        return None
    relay = last_person(sentence[: m.start()], first=True)
    if relay is None:
        return None
    phrase = m.group("orig").strip()
    name = last_person(phrase)
    orig = name or phrase
    if not orig or orig == relay:
        return None
    return frozenset(relay.split()), Attribution(orig, "" if name is None else phrase, speaker_kind(phrase))


#: Relays spoken of together: "Both lawmakers said", "the two legislators", "committee members".
_RELAYS_TOGETHER = re.compile(
    r"^(?:both|the|the\s+two|two|other)\s+(?:committee\s+)?(?:lawmakers|legislators|MPs|members|representatives)$", re.I
)


def relayed(att: Attribution, relays: list[tuple[frozenset[str], Attribution]]) -> Attribution:
    """A speaker known to relay someone ("Yu said ..." after "Yu, citing Budanov") gives the original source;
    "both lawmakers" after a lawmaker relayed a source give that source too."""
    words = att.speaker.replace("’s", "").split()
    if not att.found or not 0 < len(words) <= 3:
        return att
    if relays and _RELAYS_TOGETHER.match(att.speaker):
        orig = relays[-1][1]
        return Attribution(orig.speaker, orig.organisation, orig.kind, [att.speaker, *att.via])
    for names, orig in reversed(relays):
        if names & set(words) and orig.speaker not in att.speaker:
            return Attribution(orig.speaker, orig.organisation, orig.kind, [att.speaker, *att.via])
    return att
