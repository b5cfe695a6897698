"""English verb forms: every tense of a verb from its lemma, and the lemma of a written form.

Rules name verbs by their lemma ("exceed", "top", "kill", "send"); :func:`verb_forms`
spells out the forms a text may use (exceeds, exceeded, exceeding; tops, topped,
topping; sends, sent, sending) with the regular spelling rules of English (e-drop,
y to ie, consonant doubling after a short stressed vowel) and a small table of the
irregular verbs news copy uses for figures. :func:`lemma` goes the other way for one
word. No dictionary is loaded: a measured library was not needed for the few dozen
verbs the rules name, and a table keeps start-up free.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["IRREGULAR", "lemma", "verb_forms", "verbs"]

#: Irregular verbs: lemma -> (past, past participle).
IRREGULAR: dict[str, tuple[str, str]] = {
    "be": ("was", "been"),
    "break": ("broke", "broken"),
    "bring": ("brought", "brought"),
    "come": ("came", "come"),
    "die": ("died", "died"),
    "fall": ("fell", "fallen"),
    "fight": ("fought", "fought"),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "grow": ("grew", "grown"),
    "hit": ("hit", "hit"),
    "keep": ("kept", "kept"),
    "leave": ("left", "left"),
    "lose": ("lost", "lost"),
    "make": ("made", "made"),
    "pay": ("paid", "paid"),
    "put": ("put", "put"),
    "rise": ("rose", "risen"),
    "say": ("said", "said"),
    "see": ("saw", "seen"),
    "send": ("sent", "sent"),
    "set": ("set", "set"),
    "shrink": ("shrank", "shrunk"),
    "stand": ("stood", "stood"),
    "take": ("took", "taken"),
    "tell": ("told", "told"),
    "think": ("thought", "thought"),
    "withhold": ("withheld", "withheld"),
    "write": ("wrote", "written"),
}
_EXTRA = {"be": ("is", "are", "were", "am", "being"), "have": ("has", "had", "having"), "go": ("goes",)}
#: Short verbs whose last consonant doubles before -ed and -ing ("top" -> "topped").
_DOUBLING = frozenset({"top", "drop", "stop", "slip", "cap", "plan", "ship", "hit", "set", "put", "get", "step"})
_VOWELS = "aeiou"
#: Stem endings after which a dropped "e" is restored ("estimat-ed", "captur-ed", "releas-ed", "fir-ed").
_E_DROPPED = ("at", "ur", "ir", "is", "as", "iz", "ag", "uc", "iv", "ov", "os", "ar", "ot", "ut", "id", "ud", "ud")


def _third(v: str) -> str:
    if v.endswith(("s", "x", "z", "ch", "sh", "o")):
        return v + "es"
    if v.endswith("y") and len(v) > 1 and v[-2] not in _VOWELS:
        return v[:-1] + "ies"
    return v + "s"


def _suffix(v: str, ending: str) -> str:
    """``v`` + "ed" or "ing" with the regular spelling changes."""
    if v in _DOUBLING:
        return v + v[-1] + ending
    if v.endswith("ie") and ending == "ing":
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith("ee"):
        return v[:-1] + ending
    if v.endswith("y") and len(v) > 1 and v[-2] not in _VOWELS and ending == "ed":
        return v[:-1] + "ied"
    return v + ending


@cache
def verb_forms(verb: str) -> tuple[str, ...]:
    """Every written form of ``verb`` (a lemma; a multi-word verb inflects its first word: "stand at")."""
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    past, participle = IRREGULAR.get(head, (_suffix(head, "ed"), _suffix(head, "ed")))
    forms = [head, _third(head), past, participle, _suffix(head, "ing"), *_EXTRA.get(head, ())]
    if len(head) > 3 and head[-1] == "l" and head[-2] in _VOWELS and head[-3] not in _VOWELS:
        forms += [head + "led", head + "ling"]  # British "totalled", "travelling"
    if head == "be":
        forms = ["be", past, participle, *_EXTRA["be"]]
    return tuple(dict.fromkeys(f + tail for f in forms))


def _trie(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, shared prefixes factored out (faster than a flat list).

    Longer continuations come first at every branch, so the longest form wins as in a
    longest-first alternation.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        end = "" in node
        branches = [re.escape(ch).replace(r"\ ", r"\s+") + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(tree)


@cache
def verbs(*lemmas: str) -> str:
    """A regular expression (one group-free unit) matching every form of ``lemmas``, the longest form first."""
    forms = sorted({f for v in lemmas for f in verb_forms(v)})
    return "(?:" + _trie(forms) + ")"


@cache
def _inverse() -> dict[str, str]:
    out: dict[str, str] = {}
    for v, (past, participle) in IRREGULAR.items():
        for f in (past, participle, *_EXTRA.get(v, ())):
            out.setdefault(f, v)
    return out


def lemma(word: str, known: frozenset[str] = frozenset()) -> str:
    """The lemma of one written verb form ("exceeded" -> "exceed", "topped" -> "top", "lost" -> "lose").

    ``known`` lemmas are preferred when a form could come from several ("rated" -> "rate").
    A word that is not a verb form comes back lower-cased and unchanged.
    """
    w = word.lower()
    if w in _inverse():
        return _inverse()[w]
    candidates: list[str] = []
    for ending in ("ing", "ed", "ies", "es", "s"):
        if not w.endswith(ending) or len(w) - len(ending) < 2:
            continue
        stem = w[: -len(ending)]
        if ending == "ies":
            candidates.append(stem + "y")
            continue
        if ending in ("ing", "ed"):
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                candidates.append(stem[:-1])  # topped -> top
            if ending == "ed" and stem.endswith("i"):
                candidates.append(stem[:-1] + "y")  # carried -> carry
            if ending == "ing" and stem.endswith("y"):
                candidates.append(stem[:-1] + "ie")  # dying -> die
            e_first = stem.endswith(_E_DROPPED)  # "estimated" -> "estimate", "captured" -> "capture"
            candidates += [stem + "e", stem] if e_first else [stem, stem + "e"]
            if stem.endswith("ll"):
                candidates.append(stem[:-1])  # totalled -> total
        else:
            candidates += [stem, w[:-1]]
    for c in candidates:
        if c in known or (c in IRREGULAR and w in verb_forms(c)):
            return c
    for c in candidates:
        if w in verb_forms(c):
            return c
    return w
