"""Interviews and transcripts: who answers in a "Q: ... A: ..." interview or a transcript whose lines open
with the speaker's name ("Okafor: Around 11,500 ...")."""

from __future__ import annotations

import re

from troopledger.claims._attribution import Attribution
from troopledger.claims._speakers import last_organisation, last_person, speaker_kind

__all__ = ["interview_answers", "transcript_turns"]

_Q_LINE = re.compile(r"^[ \t]*(?:Q|Question)[ \t]*[:.)][ \t]", re.M)
_A_LINE = re.compile(r"^[ \t]*(?:A|Answer)[ \t]*[:.)][ \t]", re.M)


def interview_answers(text: str) -> tuple[list[tuple[int, int]], Attribution | None]:
    """The answers of an interview transcript ("Q: ... A: ...") as character ranges, and who answers: the
    first person the text names before its first question ("Jane Doe, a researcher at X, spoke to us")."""
    if "Q" not in text or "A" not in text:
        return [], None
    questions = [m.start() for m in _Q_LINE.finditer(text)]
    answers = [m.start() for m in _A_LINE.finditer(text)]
    if not questions or not answers:
        return [], None
    intro = text[: questions[0]]
    name = last_person(intro, first=True)
    if name is None:
        return [], None
    at = intro.find(name)
    window = intro[at : at + 160]
    org = last_organisation(window) or ""
    who = Attribution(name, org, speaker_kind(window))
    ranges = []
    for a in answers:
        nxt = next((q for q in questions if q > a), len(text))
        ranges.append((a, nxt))
    return ranges, who


#: A line of a transcript that opens with who speaks: "Petrova: Around 11,000 ...", "Host: How many ...?".
_TURN = re.compile(
    r"^[ \t]*(?P<who>[A-Z][\w’'.-]+(?:[ \t][A-Z][\w’'.-]+){0,2})(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*:[ \t]+(?=\S+\s+\S)",
    re.M,
)
#: Who asks, not who answers; and labels that head a list or a notice, not a turn.
_NOT_TURN = re.compile(
    r"^(?:Host|Interviewer|Moderator|Anchor|Presenter|Reporter|Q|Question|A|Answer|Note|Notes|Update|Updated|"
    r"Correction|Source|Sources|Photo|Editor|Read|Related|See|Via|Key|Background|Context|Analysis|Timeline)$",
    re.I,
)


def transcript_turns(text: str) -> list[tuple[int, int, Attribution]]:
    """The answering turns of a transcript ("Petrova: ..."), as character ranges and who speaks in each.

    A text is a transcript when at least two labels open lines (a "Q:" counts as one) and one of them does
    so twice; a host's
    or interviewer's turns are left out (they ask). The speaker is the full name the text gives for the
    label ("Dr. Ana Petrova" for "Petrova"), with the words around it for the organisation.
    """
    if ":" not in text:
        return []
    turns = list(_TURN.finditer(text))
    labels = [m.group("who") for m in turns]
    if not labels or max(labels.count(w) for w in set(labels)) < 2:
        return []
    asked = len(set(labels)) < 2 and _Q_LINE.search(text) is not None  # questions marked "Q:" are a label too
    if len(set(labels)) + asked < 2:
        return []
    out = []
    for k, m in enumerate(turns):
        who = m.group("who")
        if _NOT_TURN.match(who) or (speaker_kind(who) != "other" and last_organisation(who) is not None):
            continue
        end = turns[k + 1].start() if k + 1 < len(turns) else len(text)
        full = re.search(rf"\b(?:[A-Z][\w’'.-]+[ \t]+){{1,2}}{re.escape(who.split()[-1])}\b(?![ \t]*:)", text)
        name = full.group(0) if full and len(who.split()) == 1 else who
        at = text.find(name)
        window = text[at : at + 160] if at >= 0 else ""
        org = last_organisation(window) or ""
        out.append((m.start(), end, Attribution(name, org, speaker_kind(window or name))))
    return out
