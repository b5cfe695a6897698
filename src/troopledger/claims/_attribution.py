"""Attribution: who said a sentence's figures, for whom they work, and through whom it came.

Reads "X said", "said X", "X told Y", "according to X", "per X", "X estimates",
"..., Y reported" and "cited by Y"; a pronoun ("he said") or a quotation with no
speaker goes to the person named most recently nearby. The kind of speaker
(intelligence, think tank, defector ...) comes from cue words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from troopledger.claims._saying import (
    APPOSED,
    BY_COUNT,
    CITING,
    CITING_PART,
    COMES_FROM,
    COUNTED_WORDS,
    END_CREDIT,
    HEADLINE_CREDIT,
    ISSUED,
    NAME_END,
    PASSIVE,
    PASSIVE_BY,
    RELATIVE,
    UNNAMED,
    VERB_AT,
    WITH_SOURCE,
    end_credit,
    named_beside,
    that_subject,
)
from troopledger.claims._saying_subjects import nearest_clause_first, verb_subjects
from troopledger.claims._speakers import (
    NOT_PERSON,
    PERSON,
    TITLE_DOT,
    last_organisation,
    last_person,
    speaker_kind,
)

__all__ = ["Attribution", "attribute", "introduce", "says"]

_SP = r"[ \t\u00a0]+"  # spaces within one line: a name never runs over a line break
_NAME = (
    rf"(?:[A-Z][\w’'.-]*(?:{_SP}(?:[A-Z][\w’'.-]*|de|van|von|al|bin|&(?={_SP}[A-Z])|(?:of|for)(?={_SP}(?:the{_SP})?[A-Z])|"
    rf"the(?={_SP}[A-Z])))*)"
)
_ACCORDING = re.compile(
    rf"\baccording\s+to\s+(?P<who>(?:{TITLE_DOT}|[^,.;:!?\n]|:(?=\w)){{3,120}}?)"
    r"(?=[,.;!?]|:(?!\w)|\s+(?:on|in|last|this)\b|$)",
    re.I,
)
_PER = re.compile(r"(?:^|,\s*|\(\s*)per\s+(?P<who>[^,.;:!?)\n]{3,80})")
_AFTER_VERB = re.compile(
    r"[,”\"]\s*(?P<verb>said|says|wrote|added|noted|estimated|estimates|argued|explained|stated|warned|claimed)"
    rf"\s+(?P<who>(?:the\s+)?{_NAME}(?:,\s+(?!who\b|whose\b|which\b)[^,.]{{3,80}})?{NAME_END}|(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:officials?|ministry|agency|spokes(?:man|woman|person)|military|army|government|report|statement|"
    r"analysts?|experts?|researchers?|lawmakers?|legislators?|sources?|institute|think\s+tank|service|office|"
    r"command|commander|general|minister|intelligence)(?=\s*[.,;]|\s*$))"
)
_TOLD = re.compile(r"\btold\s+(?P<to>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,5})")
_RELAY = re.compile(
    r"(?:[,”\"]+\s*(?P<outlet>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5})\s+(?:reported|reports|said|writes|wrote)\s*[.,]?\s*$"
    r"|\b(?:cited|quoted)\s+by\s+(?P<cited>[^,.;]{3,80})"
    r"|\bas\s+reported\s+by\s+(?P<asrep>[^,.;]{3,80})"
    r"|\bin\s+(?:an\s+)?(?:interview|conversation|comments?)\s+with\s+(?P<inter>(?:the\s+)?[A-Z][^,.;]{2,60})"
    r"|\b(?:briefing|telling)\s+(?P<brief>lawmakers|parliament|reporters|journalists))"
)
#: "The figures come from the NIS", "The estimate comes from X: ...": where the figures come from.
_PRONOUN = re.compile(
    r"^(?:he|she|they|it|his|her|him|them|the\s+(?:\w+\s+)?(?:official|researcher|expert|defector|analyst|leader|president|"
    r"lawmaker|legislator|minister|general|commander|spokes\w+|head|chief|mayor|diplomat|ambassador|professor))$",
    re.I,
)
_STOP_WHO = re.compile(
    r"^(?:this|that|which|who|there|some|many|others|all|i|we|you|the\s+figure|.*\b(?:is|are|was|were|be|been|being|will|would)|"
    r"the\s+number|troops|soldiers|money|payment)$",
    re.I,
)
_LEAD = re.compile(
    r"(?=[abhstw])\b(?:which|that|while|but|(?<!, )and|as|because|although|when|where|so|however|also)\s+", re.I
)
_ISSUED_TAIL = re.compile(r"\s+(?:released|published|issued|obtained|seen|presented|posted|dated)\b[^,]*$")
#: "and" between two capitalised words of one name: "Centre for Strategic and International Studies".
_NAME_AND = re.compile(r".*\b[A-Z][\w’'-]*\s+and\s+[A-Z]")
_MEDIA_REPORTS = re.compile(r"(?:new\s+|some\s+|media\s+|news\s+)*reports", re.I)
_OPENER = re.compile(
    r"^(?:for\s+\w+,\s*|in\s+\w+,\s*|meanwhile,\s*|but\s+|and\s+|so\s+|[QA]\s*[:.)]\s*|"
    # a heading's question ("What the FNF study found"), a transcript's label ("SHIN: My ...")
    r"(?:what|how\s+much|how\s+many|why|where|when)\s+(?=the\s|[A-Z])|"
    r"(?-i:[A-Z][A-Z.’'-]+(?:\s[A-Z][A-Z.’'-]+)?)(?:\s*\([^()]{1,30}\))?:\s+|"
    # a time adverbial with no comma before the subject: "Earlier in the year the General Staff estimated"
    r"(?:(?:earlier|later)(?:\s+(?:in|on)\s+the\s+\w+|\s+this\s+\w+)?|(?:last|this|next)\s+(?:week|month|year|"
    r"spring|summer|autumn|fall|winter|\w+day))\s+(?=(?-i:the\s|[A-Z]))|"
    r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?(?:\s*[:|–—-]\s*|\s+(?=[A-Z])))",  # a live blog's stamp
    re.I,
)
#: A verb whose subject right after a verb of saying is the figure's source: "X said the NIS estimated ...".
_NESTED_VERB = re.compile(
    r"estimated|estimates|believes|believed|assessed|assesses|calculated|calculates|found|finds|put"
)
_CONTACT = re.compile(r"(?<=\w)\s+(?:I|we|they|he|she)\s+(?:have\s+|had\s+)?[a-z]+\s+(?:to|with)$")
_WE = re.compile(r"(?:.*,?\s+and\s+)?we", re.I)
_SURNAME = re.compile(r"[A-Z][a-z’'-]{2,}")


@dataclass
class Attribution:
    """Who a figure is attributed to: speaker, organisation, kind and relay chain."""

    speaker: str
    organisation: str = ""
    kind: str = "other"
    via: list[str] = field(default_factory=list)
    found: bool = True
    #: Whether the speaker runs on to the next sentences: not for a caption's credit or an unnamed passive report.
    carries: bool = True


def _clean(who: str) -> str:
    who = who.strip().rsplit("”", 1)[-1].rsplit('"', 1)[-1]
    who = _ISSUED_TAIL.sub("", who)
    clauses = [  # what follows the last clause word ("... which", "... and"), not "and" inside a name
        m for m in _LEAD.finditer(who) if not _NAME_AND.match(who, max(0, m.start() - 40), m.end() + 1)
    ]
    if clauses:
        who = who[clauses[-1].end() :]
    if _MEDIA_REPORTS.fullmatch(who.strip()):
        return "media reports"
    who = _OPENER.sub("", who)
    if who.endswith((" to", " with")):
        who = _CONTACT.sub("", who)  # "Defectors I have spoken to say": the noun, not its clause
    who = who.strip(" ,;:“”\"'’‘.").lstrip(")")
    if who.count("(") > who.count(")"):
        who += ")"
    return who.rstrip("(").strip()


_PLAUSIBLE_NOUN = re.compile(
    r"\b(officials?|agency|agencies|intelligence|ministry|ministers?|reports?|study|analysts?|experts?|sources?|"
    r"lawmakers?|legislators|government|researchers?|data|assessment|document|monitors|estimates|observers|military|"
    r"army|spokes\w+|president|commander|chief|head|survey|figures|statistics|diplomats?|defectors?|residents?|"
    r"escapees?|workers?|think\s+tank|media|journalists|campaigners?|group|institute|bank|team|mayor|governor)\b",
    re.I,
)


def says(sentence: str) -> bool:
    """Whether a sentence holds a verb of saying or "according to" (a cheap test before :func:`attribute`)."""
    return (
        VERB_AT.search(sentence) is not None
        or "ccording to" in sentence
        or (" from " in sentence and COMES_FROM.search(sentence) is not None)
    )


def _plausible(who: str) -> bool:
    """A speaker names someone: not a clause fragment ("soldiers for training in Russia amid", "a month")."""
    words = who.split()
    if not words or len(words) > 14 or _DIGIT.search(who):
        return False
    if COUNTED_WORDS.match(who) and not _PLAUSIBLE_NOUN.search(" ".join(words[1:4])) and " familiar with" not in who:
        return False  # "Two soldiers captured by Ukraine told ...": the people counted, not a source
    first = words[0].lower()
    if first in ("of", "for", "in", "on", "at", "from", "to", "with", "by", "amid", "about", "noting", "further"):
        return False
    if _TIME_WORD.search(who) and not _PLAUSIBLE_NOUN.search(who):
        return False  # lower case only: "the Financial Times" is a name
    last = words[-1].lower().strip(",")
    return last not in ("for", "in", "amid", "to", "with", "from", "into", "by", "at", "of", "and", "or", "the", "a")


def _subject(who: str) -> str:
    """The subject at the end of a phrase: its last comma part, with a title before a name."""
    parts = [p.strip() for p in who.split(",") if p.strip()]
    while len(parts) > 1 and _PARTICIPLE.match(parts[-1]):
        parts.pop()  # "Rep. Lee, speaking after a briefing, said", "A memo seen by X, dated June, puts": no subject
    if len(parts) < 2:
        return parts[0] if parts else who
    if re.match(r"(?:and|or)\s", parts[-1]) and all(len(p.split()) <= 4 for p in parts):
        return ", ".join(parts)  # a list of speakers: "The US, South Korea, and others"
    if PERSON.fullmatch(parts[-1]) and not NOT_PERSON.search(parts[-1]):
        return f"{parts[-2]}, {parts[-1]}"
    role = re.match(r"(?:a|an|the)\s", parts[-1]) or parts[-1][:1].islower()  # "Name, deputy head of X, said"
    org = last_organisation(parts[-2]) if parts[-1].startswith(("a ", "an ")) else None
    if org is not None:  # "The Korea Institute for Defense Analyses, a think tank in Seoul, estimates"
        # "A study published on Monday by X, a think tank in Seoul, puts ...": the body, not the phrase before it
        return org if re.search(r"(?:^|\s)(?:by|on|in|from|of)\s", parts[-2]) else parts[-2]
    named = PERSON.fullmatch(parts[-2]) or _SURNAME.fullmatch(parts[-2])  # "Budanov, the agency's chief, said"
    if role and named and not NOT_PERSON.search(parts[-2]):
        return f"{parts[-2]}, {parts[-1]}"
    return parts[-1]


_AT_BODY = re.compile(
    r"\b(?:at|of|with)\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w’'.-]*){0,5})"
)
_OWNER_S = re.compile(r"^((?:[A-Z][\w.-]*\s*){1,4})[’']s\b")
_PARTICIPLE = re.compile(r"[a-z]+ing\b|(?:dated|seen|obtained|released|published)\b")
_DIGIT = re.compile(r"\d")
_TIME_WORD = re.compile(r"\b(?:month|year|week|day|time|half)s?\b")


def _organisation(phrase: str) -> str:
    m = _AT_BODY.search(phrase)
    if m:
        return m.group(1)
    m = _OWNER_S.match(phrase)
    return m.group(1).strip() if m else ""


def _split_person(phrase: str) -> tuple[str, str]:
    """(speaker, organisation) from a phrase like "Jane Doe, an analyst at the X Institute"."""
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    for i, part in enumerate(parts):
        if PERSON.fullmatch(part) and not NOT_PERSON.search(part):
            rest = ", ".join(parts[:i] + parts[i + 1 :])
            return part, _organisation(rest) or _organisation(part)
    return phrase, _organisation(phrase)


#: The look-ahead on the first letters comes first, so most positions fail at once.
_INTRODUCES = re.compile(
    r"(?=[abcefnrstw,])(?:\b(said|says|told|wrote|argued|added|according|stated|reported|claimed|estimated|announced|revealed|noted|"
    r"warned|evaluated|analy[sz]ed|found|explained|believes|assessed|spoke|speaking|briefed|testified|commented|"
    r"interviewed)\b|, an? |, the )"
)


def introduce(sentence: str) -> Attribution | None:
    """The person a sentence names as a speaker ("Jane Doe, an analyst at X, said"), to resolve later pronouns."""
    if not _INTRODUCES.search(sentence):
        return None
    name = last_person(sentence, first=True)
    if name is None:
        return None
    i = sentence.find(name)
    window = sentence[max(0, i - 80) : i + len(name) + 120]
    return Attribution(speaker=name, organisation=_organisation(window), kind=speaker_kind(window))


def _remembered(who: str, people: list[Attribution]) -> Attribution | None:
    if who.lower() == "it":
        return None  # a body, not a person: resolved by the caller to the body named before
    if _PRONOUN.match(who) or not who:
        return people[-1] if people else None
    for p in reversed(people):
        if who == p.speaker or (" " not in who and p.speaker.split()[-1] == who.removesuffix("’s")):
            return p
    return None


#: Words one of which a pattern needs to match: a cheap substring test saves running it on most sentences.
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    HEADLINE_CREDIT: ("-", "–", "—"),
    END_CREDIT: (":", "/"),
    _RELAY: (
        "reported",
        "reports",
        "said",
        "writes",
        "wrote",
        "cited",
        "quoted",
        "interview",
        "conversation",
        "comment",
        "briefing",
        "telling",
    ),
    _TOLD: ("told",),
    ISSUED: ("issued", "released", "published", "produced", "presented"),
    APPOSED: (", a", ", the"),
    _PER: ("per ",),
    BY_COUNT: ("count", "estimate", "reckoning", "tally", "calculation", "assessment"),
    _ACCORDING: ("ccording",),
    WITH_SOURCE: ("with ",),
    PASSIVE: ("reported to", "said to"),
    CITING: ("citing", "quoting", "quoted", "briefed", "informed", "briefing", "Citing", "Quoting"),
    COMES_FROM: ("from",),
    PASSIVE_BY: (" by ",),
}


def _find(pattern: re.Pattern[str], sentence: str) -> re.Match[str] | None:
    """``pattern.search(sentence)``, skipped when none of the words the pattern needs is there."""
    for w in _NEEDS[pattern]:
        if w in sentence:
            return pattern.search(sentence)
    return None


def attribute(sentence: str, context_after: str = "", *, people: list[Attribution]) -> Attribution:
    """Attribute a sentence; ``people`` are speakers met earlier (latest last) for pronouns and surnames."""
    credit = _find(HEADLINE_CREDIT, sentence)
    ended = credit.group("who") if credit else end_credit(sentence)
    if ended:  # a headline credited to its source: "... in Ukraine - CNN", "...: Seoul spy agency"
        return Attribution(speaker=ended, organisation=ended, kind=speaker_kind(ended), carries=credit is not None)
    via: list[str] = []
    for m in _RELAY.finditer(sentence) if any(w in sentence for w in _NEEDS[_RELAY]) else ():
        name = next(g for g in m.groups() if g)
        via.append(_clean(name))
    who = ""
    m_told = _find(_TOLD, sentence)
    m_after = _AFTER_VERB.search(sentence)
    if m_after:
        who = m_after.group("who")
    for pattern in (APPOSED, ISSUED):
        m_who = _find(pattern, sentence) if not who else None
        if m_who:
            who = m_who.group("who")
            inner = that_subject(sentence[m_who.end() :])
            if inner:  # "Name, a lawmaker, told reporters that the NIS estimates ...": the NIS, via Name
                via.insert(0, _clean(who))
                who = inner
    if not who:
        m3 = _find(_PER, sentence) or _find(BY_COUNT, sentence) or _find(PASSIVE_BY, sentence)
        if m3:
            who = m3.group("who")
    who = who or named_beside(sentence)  # "(NIS estimate)", "That is the NIS figure"
    m2 = _find(_ACCORDING, sentence)
    if not who:
        subjects = nearest_clause_first(sentence, verb_subjects(sentence))
        for k, (phrase, start, verb, end) in enumerate(subjects):
            if verb.lower() in ("reports", "report") and re.match(r"\s+(?:say|said|suggest)", sentence[end:]):
                kind = _clean(phrase)  # "Intelligence reports suggest": whose reports
                plain = len(kind.split()) <= 3 and kind.lower() not in ("media", "news", "new", "some", "recent")
                who = f"{kind} reports" if kind and plain and _plausible(kind) else "media reports"
                break
            if "," not in phrase and re.match(
                r"(?:when|after|before|since|if|while|because|although|once|until|unless)\b", phrase, re.I
            ):
                continue  # "When Russia announced ...": a time clause, not a speaker
            cand = _subject(_clean(CITING_PART.sub("", phrase)))
            if cand[-2:].lower() == "we" and _WE.fullmatch(cand):
                who = "we"  # "We assess that ...": whose "we" is for resolve() (a quoted body's remarks)
                break
            at = sentence.find(cand, start) if cand else -1  # "According to X, the agency estimated": the agency
            if cand and not _STOP_WHO.match(cand) and not (m2 and m2.start() <= max(at, start) < m2.end()):
                who = cand
                for _phrase2, _start2, verb2, end2 in subjects[k + 1 :]:
                    inner = _subject(_clean(sentence[end : end2 - len(verb2)]))  # only what follows the first verb
                    at = sentence.rfind(inner, end, end2) if inner else -1
                    if (
                        at > 0
                        and (
                            re.search(r"\bthat\s+$", sentence[max(0, at - 6) : at])
                            or (not sentence[end:at].strip() and _NESTED_VERB.fullmatch(verb2) is not None)
                        )
                        and inner
                        and not _STOP_WHO.match(inner)
                        and _plausible(inner)
                    ):
                        via.insert(0, who)
                        who = inner
                        break
                break
    if m2 and who and re.search(r"\b(?:reports|reported|writes|wrote)\b", sentence):
        # "According to CNN, Ukrinform reports": the outlet relays, the one it names is the source
        relay = _subject(_clean(who))
        who = RELATIVE.sub("", m2.group("who"))
        via.insert(0, relay)
    elif m2:
        if who:
            via.append(_clean(RELATIVE.sub("", m2.group("who"))))
        else:
            who = RELATIVE.sub("", m2.group("who"))
    if not who:
        m_from = _find(COMES_FROM, sentence)
        who = m_from.group("who") if m_from else ""
    if not who:
        m_with = _find(WITH_SOURCE, sentence)
        who = m_with.group("who") if m_with else (UNNAMED if _find(PASSIVE, sentence) else "")
    if m_told:
        to = _clean(m_told.group("to"))
        if to and to not in via and not _PRONOUN.match(to):
            via.insert(0, to)
    who = _clean(who)
    cited = _find(CITING, sentence)
    if cited and who:
        original = _clean(cited.group("who"))
        material = re.match(
            r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:data|figures|statistics|documents?|images|imagery|photos|footage|records|"
            r"messages|intercepts|calls|videos|posts)\b",
            original,
        )
        if original and not material and _plausible(original) and original != who:
            via.insert(0, who)
            who = original
    quoted = "“" in sentence or '"' in sentence
    if not who and quoted:
        after = verb_subjects(context_after)
        who = (last_person(context_after[: after[0][3]]) if after else None) or "he"
    known = _remembered(who, people) if who else None
    if known is not None:
        return Attribution(known.speaker, known.organisation, known.kind, [v for v in via if v != known.speaker])
    if who.lower() == "it":
        return Attribution(speaker="it", via=via)  # resolved by the caller to the body named before
    if who and re.match(r"the\s", who, re.I) and _PRONOUN.match(who):
        return Attribution(speaker=who, kind=speaker_kind(who), via=via)  # "the official": resolved by the caller
    if not who or _PRONOUN.match(who):
        return Attribution(speaker="", found=False, via=via)
    speaker, org = _split_person(who)
    speaker = speaker[:200]
    if not _plausible(speaker):
        return Attribution(speaker="", found=False, via=via)
    via = list(dict.fromkeys(via))
    if speaker in via:
        via.remove(speaker)
    kind = speaker_kind(who + " " + org)
    if kind == "anonymous" and not org and m_told and via:
        org = via[0]  # "a source told Daily NK": the outlet's source
    return Attribution(speaker=speaker, organisation=org, kind=kind, via=via, carries=speaker != UNNAMED)
