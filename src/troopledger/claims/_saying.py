"""Verbs of saying and the special forms news copy uses to name a source inside one sentence.

Credits at the end of a headline or caption ("... - CNN", "...: Seoul spy agency",
"... / X Office"), "with X reporting", "X issued a report which estimates", a name
before a long apposition, an unnamed passive report ("are reported to"), and whether a
sentence gives its speaker at its end ("..., X said.").
"""

from __future__ import annotations

import re

from troopledger.claims._speakers import PERSON, last_organisation, speaker_kind

__all__ = [
    "APPOSED",
    "ASIDE",
    "BY_COUNT",
    "CITING",
    "CITING_PART",
    "COMES_FROM",
    "COUNTED_WORDS",
    "END_CREDIT",
    "HEADLINE_CREDIT",
    "ISSUED",
    "NAME_END",
    "PASSIVE",
    "PASSIVE_BY",
    "RELATIVE",
    "SOURCE_NOUN",
    "THAT_IS",
    "THAT_SUBJECT",
    "UNNAMED",
    "VERB",
    "VERB_AT",
    "WITH_SOURCE",
    "end_credit",
    "named_beside",
    "that_subject",
    "trailing_attribution",
]

#: The verbs of saying (a regular-expression alternation).
VERB = (
    r"(?:said|says|say|told|tells|stated|states|estimated|estimates|estimate|reported|reports|report|"
    r"claimed(?!\s+(?:the\s+)?lives)|claims|"
    r"claim|believes|believe|wrote|writes|noted|added|argued|warned|announced|assessed|assesses|assess|calculated|"
    r"calculates|used|cited|briefed|testified|revealed|disclosed|confirmed|indicates|indicated|suggests|suggested|"
    r"shows|showed|found|finds|puts|pegs|pegged|counts(?=\s+(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than|at)\s+)?\d)|put(?=\s[^.;]{0,60}?\sat\s)|stressed|explained|emphasi[sz]ed|highlighted|recalled|affirmed|"
    r"underscored|shared|detailed|mentioned|quoted|believe[sd]?|warns|announces|notes|adds|suggest|show|indicate|"
    r"described|describes|reveals|thinks|think(?![\s-]+tanks?\b)|reckons|reckon|"
    r"(?:revised(?:\s+(?:up|down|upward|downward)s?)?|raised|lowered|updated|cut)(?=\s+(?:its|their|the|his|her)\s+(?:\w+\s+)?(?:estimate|count|tally|figure|"
    r"assessment|forecast)s?\b))"
)
#: The first letters of the verbs, tested before the word boundary so most positions fail at once.
VERB_FIRST = "".join(sorted({alt[0] for alt in VERB.removeprefix("(?:").removesuffix(")").split("|")}))
VERB_AT = re.compile(rf"(?=[{VERB_FIRST}])\b{VERB}\b")

#: A headline credited to its source after a dash: "... in Ukraine - CNN".
HEADLINE_CREDIT = re.compile(r"\s[-–—]\s+(?P<who>[A-Z][\w.&']*(?:\s[A-Z][\w.&']*){0,3})\s*$")
#: A headline or caption ending in its source after a colon or slash: "...: Seoul spy agency", "... / X Office".
END_CREDIT = re.compile(r"(?:\w:|\s/)\s+(?P<who>[A-Z][\w.&'’-]*(?:\s[A-Za-z][\w.&'’-]*){0,4})\s*$")
#: "..., with X reporting over 6,000 killed": a participle clause naming who gave the figure.
WITH_SOURCE = re.compile(
    r"\bwith\s+(?P<who>[\w’'.-]+(?:,?\s+(?:and\s+)?[\w’'.-]+){0,8}?)\s+(?:reporting|saying|estimating|claiming)\b"
)
#: "X issued a report which estimates ...": the body that issued the document speaks.
ISSUED = re.compile(
    r"(?P<who>(?:the\s+)?[A-Z][^,;]{2,120}?)\s+(?:issued|released|published|produced|presented)\s+(?:a|an|the|its)\s+"
    r"(?:[a-z-]+\s+){0,2}(?:report|study|survey|assessment|paper|analysis)\s+(?:which|that)\s+"
    rf"{VERB}\b"
)
#: "Jane Doe, a campaigner who ..., says that": a name whose long apposition ends right before the verb.
APPOSED = re.compile(
    r"^(?P<who>(?:(?:Rep|Sen|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Prof|Maj|Gov|Adm|Capt|Sgt)\.\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})"
    r"(?:\s+(?:of|from|at)\s+(?:the\s+)?[^,;]{3,60})?,\s+(?:an?|the)\s[^.;]*?,\s+"
    r"(?:says|said|told|tells|stated|claims|claimed|estimates|estimated|wrote|argues|argued)\b"
)
#: "... are reported to be taken": a passive report that names no one.
UNNAMED = "unnamed reports"
PASSIVE = re.compile(r"\b(?:is|are|was|were)\s+(?:widely\s+)?(?:reported|said)\s+to\b")
#: A trailing attribution: the speaker comes after the figures ("..., X said." / "..., according to X.").
TRAILING = re.compile(
    r"[,”\"]\s*(?:according\s+to\s+[^,]{2,80}|[^,]{2,80}?\s+(?:said|says|reported|reports|told|wrote|added|"
    r"estimated|noted|stated)\b[^,]{0,60})(?:,\s*(?:citing|quoting)\s+[^,]{2,120})?\s*[.!?]?[”\"]?\s*$"
)


def trailing_attribution(sentence: str) -> bool:
    """Whether a sentence ends with its attribution ("..., X said Wednesday."), which may cover what came before."""
    return TRAILING.search(sentence) is not None


def end_credit(sentence: str) -> str | None:
    """The source a headline or caption ends with, when it names one (a kind of source, a body or a person)."""
    m = END_CREDIT.search(sentence) if (":" in sentence or "/" in sentence) else None
    if m is None or re.search(r"[.!?]$", m.group("who")):
        return None
    who = m.group("who")
    named = speaker_kind(who) != "other" or last_organisation(who) is not None or PERSON.fullmatch(who)
    return who if named else None


#: ", citing X," inside a subject phrase: "Reuters, citing a Ukrainian official, reported".
CITING_PART = re.compile(r",\s*(?:citing|quoting)\s+[^,]+,?\s*$")
#: A relative clause after a source: "a senior official who spoke on condition of anonymity".
RELATIVE = re.compile(r"\s+(?:who|which)\s.*$|\s+(?:cited|quoted)\s+by\s.*$")  # "sources cited by X": X relays
#: "... that the NIS estimates": the subject of a reported clause right after the first verb.
THAT_SUBJECT = re.compile(
    rf"^[^.;]{{0,40}}?\bthat\s+(?P<who>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.()-]*){{0,5}})\s+{VERB}\b"
    r"|^\s+(?P<bare>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.()-]*){0,5}|"
    r"the\s+(?:[a-z]+\s+)?(?:agency|service|ministry|directorate|department|institute|team|report|study))\s+"
    r"(?:estimated|estimates|believes|believed|assessed|assesses|calculated|calculates|found|finds|"
    r"(?:had\s+|has\s+)?(?:also\s+)?(?:told|informed|briefed))\b"
)  # the second form: "said the NIS estimated ...", "said the spy agency believes ...", no "that"


def that_subject(rest: str) -> str:
    """The named subject of a "that" clause opening ``rest`` ("told reporters that the NIS estimates ...")."""
    m = THAT_SUBJECT.match(rest)
    return (m.group("who") or m.group("bare")) if m else ""


#: "By the agency's count, ...", "by Seoul's estimate": whose reckoning gives the figure.
BY_COUNT = re.compile(
    r"\b[Bb]y\s+(?P<who>(?:the\s+|its\s+)?[^,.;:!?\n]{2,80}?)['’]s?\s+(?:own\s+|latest\s+|new\s+)?"
    r"(?:count|estimates?|reckoning|tally|calculations?|assessment)\b"
)
#: A comma-enclosed aside between a subject and its verb: "Ukraine's intelligence, for its part, says".
ASIDE = re.compile(
    r",\s*(?:for\s+(?:its|their|his|her|our)\s+part|in\s+turn|meanwhile|however|too|also|though|moreover|"
    r"separately|for\s+now|in\s+(?:a|its|their)\s+(?:statement|report))\s*,\s*$",
    re.I,
)
#: What may follow a name after "..., said": punctuation, the end, or a word of time, place or relay, never a
#: noun ("..., says North Korean shells now ..." is a verb with its object, not a trailing speaker).
NAME_END = (
    r"(?=\s*[.,;:!?)”\"]|\s*$|\s+(?:on|in|at|last|this|during|after|before|when|while|yesterday|today|earlier|"
    r"told|to|of|for|from|who|which|that|and|according|citing|quoting)\b)"
)
#: A subject that starts with a count ("Two soldiers captured by Ukraine told ..."): the people counted.
COUNTED_WORDS = re.compile(
    r"^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several)\s", re.I
)

#: A passive whose agent is the source: "was estimated by the Korea Institute for Defense Analyses at ...".
PASSIVE_BY = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:\w+\s+)?(?:estimated|put|calculated|"
    r"assessed|reckoned|counted|tallied|projected|valued|given|reported|confirmed|documented)\s+(?:[\w-]+\s+){0,6}?"
    r"by\s+(?P<who>(?:the\s+)?[A-Z][^,.;:!?]{2,80}?)(?=\s+(?:at|as|to|in|on|from|with)\b|\s*[,.;:!?]|\s*$)"
)

#: A sentence naming whose the figure just given is: "That is the NIS figure", "That's Seoul's spy agency's estimate".
THAT_IS = re.compile(
    r"^(?:That|This)(?:\s+is|\s+was|['’]s)\s+(?:the\s+)?(?P<who>[A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.&’'-]*){0,5}?|"
    r"(?:South\s+Korea|Seoul|Ukraine|Kyiv|Britain|Washington)['’]s\s+(?:[a-z]+\s+){0,2}?(?:intelligence|spy)\s+(?:service|agency))"
    r"(?:['’]s)?\s+(?:own\s+|latest\s+|official\s+)?(?:figure|estimate|number|count|assessment|data|tally|briefing|view)s?\b"
)

#: "The figures come from the NIS", "The estimate comes from X: ...": where the figures come from.
COMES_FROM = re.compile(
    r"^(?:The|These|Those|This|That|Its|Their)\s+(?:\w+\s+)?(?:figures?|estimates?|data|numbers?|count|tally|toll)\s+"
    r"(?:comes?|came|come)\s+from\s+(?P<who>(?:the\s+)?[A-Z][^,.;:!?]{1,80}?)(?=\s*[,.;:!?]|\s+(?:and|which|who)\b|$)"
)

#: "citing X", "quoting X", "briefed by X": the source a speaker passes on.
CITING = re.compile(
    r"\b(?:citing|quoting|quoted(?!\s+by\b)|briefed\s+by|informed\s+by|briefing\s+(?:by|from))\s+(?:a\s+|an\s+|the\s+)?(?:briefing\s+|report\s+|"
    r"statement\s+|assessment\s+|estimates?\s+|data\s+)?(?:from\s+|by\s+|of\s+)?(?P<who>(?:the\s+)?[^,.;:!?]{3,90}?)"
    rf"(?=\s+as\s+saying|(?<!source)(?<!sources)(?<!official)(?<!officials)\s+(?:during|in|on|at)\b|"
    rf"\s+(?:after|that|who|which|{VERB[3:-1]})\b|[,.;:!?]|$)",
    re.I,
)  # "citing a source in military intelligence": where the source sits belongs to it

#: A source named beside its figure by a document noun: "(NIS estimate)", "the figure given by the NIS",
#: "The NIS's estimate: about 11,000".
SOURCE_NOUN = re.compile(
    r"\(\s*(?:an?\s+|the\s+)?(?P<par>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s+(?:estimates?|figures?|data|count|"
    r"assessment)\s*\)|\b(?:figures?|estimates?|data|numbers?|count|tally)\s+(?:given|provided|compiled|published|released|"
    r"produced)\s+by\s+(?P<by>(?:the\s+)?[A-Z][^,.;:!?()]{1,60}?)(?=\s+(?:in|on|at|last|this|to|for)\b|\s*[,.;:!?)]|\s*$)|"
    r"^(?:The\s+)?(?P<lead>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})['’]s\s+(?:latest\s+|own\s+|new\s+)?"
    r"(?:estimate|figure|count|assessment|tally|number)s?\s*:"
)


_DOCUMENT_WORDS = ("estimate", "figure", "data", "count", "assessment")
_GIVEN_BY = ("given by", "provided by", "compiled by", "published by", "released by", "produced by")


def named_beside(sentence: str) -> str:
    """A source named beside the figures by a document noun ("(NIS estimate)", "the figure given by the NIS",
    "The NIS's estimate: ...") or by a sentence pointing back at them ("That is the NIS figure"); "" if none."""
    hinted = (
        (")" in sentence and any(w in sentence for w in _DOCUMENT_WORDS))
        or any(w in sentence for w in _GIVEN_BY)
        or (":" in sentence[:80] and ("'s" in sentence[:80] or "’s" in sentence[:80]))
    )
    if hinted:
        m = SOURCE_NOUN.search(sentence)
        if m:
            return m.group("par") or m.group("by") or m.group("lead")
    m_is = THAT_IS.match(sentence) if sentence[:2] in ("Th", "th") else None
    return re.sub(r"['’]s$", "", m_is.group("who")) if m_is else ""
