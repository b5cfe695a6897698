"""Who does the saying: the subject read back from each verb of saying in a sentence.

Up to ten plain words before the verb (commas allowed, never over a line break or a dash), less a
trailing auxiliary or adverb ("has also", "now"); a noun use of the verb ("the report", "our best
estimate", "reports of") and a negated verb ("has not disclosed") are skipped.
"""

from __future__ import annotations

import re

from troopledger.claims._saying import ASIDE, VERB_AT

__all__ = ["TOKEN", "clause_spans", "nearest_clause_first", "verb_subjects"]

_DASHES = frozenset(["-", "--", "–", "—"])
#: A name, then a relative clause about it between commas, right before the verb.
_RELATIVE_ASIDE = re.compile(
    r"(?:^|(?<=[\s(“\"]))(?P<who>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}),\s+(?:who|which)\s[^,;:()]{3,140},\s*$"
)
_NOUN_AFTER = re.compile(r"\s+(?:of|by|from|that\s+say)\b")

TOKEN = re.compile(r"\(?[\w’'.:&-]+\)?,?|[\w’'.-]+\([\w.-]+\),?")
#: A word before a "verb" that shows it is a noun: "the report", "a first estimate", "its claims".
_NOUN_BEFORE_TEXT = (
    "the a an first new its their his her this that these those recent latest of our your initial earlier previous "
    "best own current rough conservative preliminary revised"
)
_NOUN_BEFORE = frozenset(_NOUN_BEFORE_TEXT.split())
_AUX = frozenset(
    {
        "has",
        "have",
        "had",
        "also",
        "previously",
        "separately",
        "further",
        "recently",
        "later",
        "then",
        "again",
        "has also",
        "now",
        "still",
        "currently",
        "reportedly",
        "publicly",
    }
)


#: A clause of its own: "..., while the Pentagon says", "..., but Seoul estimates", "...; the NIS said".
_NEW_CLAUSE = re.compile(r"(?:,\s*(?:while|but|whereas|although|though|and)|;\s*(?:while|but|and)?)\s*$", re.I)


def nearest_clause_first(sentence: str, subjects: list[tuple[str, int, str, int]]) -> list[tuple[str, int, str, int]]:
    """The subjects with the one that opens the figures' own clause first: in "Kyiv puts it higher, while the
    Pentagon says about 420 died" the figures follow the Pentagon's verb, in a clause of their own."""
    if len(subjects) < 2:
        return subjects
    first = re.search(r"\d", sentence)
    if first is None:
        return subjects
    for k in range(len(subjects) - 1, 0, -1):
        phrase, start, _verb, end = subjects[k]
        lead = re.match(r"(?:while|but|whereas|although|though|and)\s+", phrase, re.I)
        inside = re.search(r"(?:,|;)\s*(?:while|but|whereas|although|though)\s", phrase, re.I)
        opens = lead is not None or inside is not None or _NEW_CLAUSE.search(sentence, 0, start) is not None
        if end <= first.start() and opens and not re.search(r"\d", sentence[: subjects[0][1]]):
            return [subjects[k], *subjects[:k], *subjects[k + 1 :]]
    return subjects


def _appositive(taken: list[str]) -> bool:
    """Whether the words before a verb end with an apposition opened by "a"/"an" ("…, a think tank in Seoul,")."""
    return re.match(r"(?:a|an)\s", " ".join(taken).rstrip(",").rsplit(",", 1)[-1].strip()) is not None


def verb_subjects(sentence: str) -> list[tuple[str, int, str, int]]:
    """(subject phrase, its start, verb, verb end) for each verb of saying, left to right.

    The subject is up to ten plain words (commas allowed) right before the verb, read
    backwards from it, which keeps the work linear in the sentence length.
    """
    out = []
    for v in VERB_AT.finditer(sentence):
        if v.group(0).endswith("s") and _NOUN_AFTER.match(sentence, v.end(), v.end() + 10):
            continue  # "reports of", "estimates by": a noun
        pre = sentence[max(0, v.start() - 160) : v.start()].rsplit("\n", 1)[-1]  # not over a break
        aside = _RELATIVE_ASIDE.search(pre) if ", wh" in pre and pre.rstrip().endswith(",") else None
        if aside is not None:  # "Kang Mi-ok, who left the North in 2019 and now runs a group, said": the name
            start = v.start() - len(pre) + aside.start("who")
            out.append((aside.group("who"), max(start, 0), v.group(0), v.end()))
            continue
        words = (ASIDE.sub(" ", pre) if pre.rstrip().endswith(",") else pre).split()
        if words and words[0][:1] in ('"', "“"):
            words[0] = words[0][1:]  # a quotation opens the sentence: “We assess ...”
        if words and (words[-1].lower() in _NOUN_BEFORE or words[-1].endswith(("'s", "’s"))):
            continue  # "the report", "the agency's estimate": a noun, not a verb
        if "ccording to" in pre and re.search(r"\baccording\s+to\s+(?:[^\s,]+\s+){0,3}$", pre, re.I):
            continue  # "according to Western estimates": a noun after "according to"
        if words and (words[-1].lower() in ("not", "never") or words[-1].lower().endswith("n't")):
            continue  # "has not disclosed", "did not say": no one says it
        while words and words[-1].lower() in _AUX:
            words.pop()
        taken: list[str] = []
        for w in reversed(words):
            if len(taken) == 10 or not TOKEN.fullmatch(w) or w in _DASHES:
                break  # a dash ends the subject: "SEOUL, March 3 (Wire) - The agency said"
            taken.append(w)
        taken.reverse()
        if taken and taken[0].lower() not in ("the", "a", "an") and len(taken) == 10:
            taken = taken[1:]
        cut_name = (
            len(taken) >= 9
            and any(t.endswith(",") for t in taken[:-1])
            and (taken[0][:1].islower() or _appositive(taken))  # "X Y Z, a state think tank in Seoul,"
        )
        if taken and (re.fullmatch(r"[a-z]+ing", taken[0]) or cut_name) and len(words) > len(taken):
            # "Rep. Lee, speaking after a briefing from X, said": the subject is before the participle clause;
            # "The Korea Institute for Defense Analyses, a think tank in Seoul, estimates": a long name cut short
            rest = words[: len(words) - len(taken)]
            if rest and (rest[-1].endswith(",") or cut_name):
                head: list[str] = []
                for w in reversed(rest):
                    if len(head) == 5 or not TOKEN.fullmatch(w) or (head and w.endswith(",")):
                        break
                    head.append(w)
                taken = [*reversed(head), *taken]
        if taken:
            phrase = " ".join(taken).rstrip(",")
            start = sentence.rfind(taken[0], 0, v.start())
            out.append((phrase, max(start, 0), v.group(0), v.end()))
    return out


#: A subject that opens a clause of its own: after a comma or semicolon, or led by a contrasting conjunction.
_CONTRAST = re.compile(r"^\W*(?:While|Whereas|Although|Though)\s|,\s*(?:while|whereas|but|although|though)\s")
_INNER_CLAUSE = re.compile(r"[,;]\s*(?=(?:while|whereas|but|although|though)\s)", re.I)


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """The clauses of a sentence that each name their own speaker and hold their own figures ("While Kyiv puts
    losses at 4,000, Seoul's spy agency estimates about 3,000 ..."), as character ranges; [] when the sentence
    has one speaker. A clause starts where a subject of a verb of saying starts after a comma, a semicolon or a
    contrasting conjunction, and that subject does not run back over another verb of saying."""
    if ";" not in sentence and _CONTRAST.search(sentence) is None:
        return []  # no semicolon and no contrasting clause: one speaker (the cheap test first)
    verbs = VERB_AT.finditer(sentence)
    if next(verbs, None) is None or next(verbs, None) is None:
        return []  # one verb of saying at most: one speaker (the cheap test first)
    starts = [0]
    for phrase, start, _verb, _end in verb_subjects(sentence):
        inner = _INNER_CLAUSE.search(phrase)  # "troops, whereas Ukrainian intelligence": the clause starts inside
        if inner is not None:
            phrase, start = phrase[inner.end() :], start + inner.end()
        if start <= starts[-1] or VERB_AT.search(phrase) is not None:
            continue
        if inner is not None or sentence[:start].rstrip().endswith((",", ";")):
            starts.append(start)
    if len(starts) < 2:
        return []
    spans = [(a, b) for a, b in zip(starts, [*starts[1:], len(sentence)], strict=True)]
    if not all(re.search(r"\d", sentence[a:b]) for a, b in spans):
        return []
    return spans
