"""Language packs: one typed structure, one data file per language (``data/languages/<code>.toml``).

A pack holds a language's cues as data — number words, scale words, percent words,
currencies, the nouns that say what a figure counts, bound and hedge words, verbs
of saying and the names of the usual sources — so the pack-driven reader
(``_foreign``) needs no code per language. Packs load on first use and are cached;
an English article never loads one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from troopledger.claims._hedges import HEDGES

__all__ = ["CUE_KINDS", "LANGUAGES", "LanguagePack", "load_pack"]

#: The languages with a pack (ISO 639-1), English first.
LANGUAGES = ("en", "ko", "ru", "uk", "ja", "zh", "de", "fr", "es", "pt", "pl", "it")

#: The cue groups a pack may fill; each names what the words around a figure say about it.
CUE_KINDS = (
    "troops", "killed", "wounded", "casualties", "workers", "munitions", "pay", "revenue", "monthly", "yearly",
    "wave", "stock", "cumulative", "russian", "ukrainian", "foreign", "compensation", "bonus", "economy",
    "arms", "gdp", "north_korea", "partition", "per_person", "state", "returned", "prisoners", "condition",
    "tons", "times", "barrels",
    "dated", "relative", "together",
    "additive", "link", "sent", "civilian", "vague", "according", "tour", "days", "weeks", "months", "equivalent",
    "dispatch", "officers", "technology",
    "bound_verbs", "bound_links", "russian_adj", "ukrainian_adj", "russia", "ukraine", "lose", "family", "take_home",
    "id_before", "deserters", "inhabitants", "aid", "plan", "out_of", "person_said", "not_person",
    "basis_open", "basis_close", "hourly", "hours", "per_day",
    "formation", "rise", "fall", "luxury", "imports",
)  # fmt: skip
_BOUNDS = ("lower_before", "lower_after", "upper_before", "upper_after", "about_before", "about_after")


@dataclass(frozen=True, eq=False)
class LanguagePack:
    """One language's cues (lower case; stems match word beginnings) and number conventions."""

    code: str
    name: str
    decimal: str = "."
    groups: str = ","
    function_words: tuple[str, ...] = ()
    letters: str = ""
    scales: dict[str, float] = field(default_factory=dict)
    number_words: dict[str, float] = field(default_factory=dict)
    collective: dict[str, float] = field(default_factory=dict)
    percent: tuple[str, ...] = ()
    not_figures: tuple[str, ...] = ()
    counters: tuple[str, ...] = ()
    currencies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    bounds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hedges: dict[str, str] = field(default_factory=dict)
    saying: tuple[str, ...] = ()
    range_words: tuple[str, ...] = ()
    range_open: tuple[str, ...] = ()
    range_pair: tuple[str, ...] = ()
    lone_scales: tuple[str, ...] = ()
    unit_links: tuple[str, ...] = ()
    organisations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    relays: tuple[str, ...] = ()
    #: sources that are more often actors than speakers (the Kremlin): a speaker only where a verb of saying is
    actors: tuple[str, ...] = ()
    sentence_ends: str = ".!?"
    #: words before a month name that date an event to it ("im", "en", "в") or start a running total ("seit", "с")
    month_in: tuple[str, ...] = ()
    #: verbs of change before "to" ("выросли до", "aumentó hasta"): what follows is the level reached, not a bound
    change_verbs: tuple[str, ...] = ()
    #: a sentence opening with one of these attributes the sentence before it ("Об этом сообщил ...")
    back_reference: tuple[str, ...] = ()
    month_since: tuple[str, ...] = ()
    #: a relay named alone in a sentence, with no origin named before it in the paragraph, reports on its own
    #: sources and is the speaker ("中央日報は…と報じた"); else it speaks for the article's lead source
    relay_alone_speaks: bool = False
    #: words that stand for the source named before ("同部隊", "该机构", "이 기관"), over paragraph breaks
    anaphora: tuple[str, ...] = ()
    #: words right after (or before) a source's name that make it the sentence's speaker among several names
    speaker_marks: tuple[str, ...] = ()
    speaker_marks_before: tuple[str, ...] = ()
    #: glued scripts: longer words holding a cue that are not it ("兵器" holds "兵"), by the cue they hold
    not_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: words after a number of years that make it an equivalent, not a date ("33년치 식량", "6年分の食料")
    worth: tuple[str, ...] = ()
    #: words just before a won amount that make it North Korean won ("북한 돈으로 13만 원")
    north_korean_won: tuple[str, ...] = ()
    #: glued scripts: countries or armies that own a count when they are its clause's subject, by owner
    #: ("우크라이나군도 … 5만 명을 배치", "俄羅斯目前在…部署的兵力約為5萬人"), and the marks after such a subject
    subjects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    subject_marks: tuple[str, ...] = ()
    #: words after North Korea's troops that put them inside a subject's count ("북한군을 포함해", "を含めて")
    including: tuple[str, ...] = ()
    #: glued scripts: counters of things that are not people, by what they count ("300여 가구", "120門")
    counter_kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def glued_ok(self) -> tuple[str, ...]:
        """Latin words that may follow a number with no space ("5mln", "10tys.", "30usd")."""
        words = (*self.scales, *self.percent, *self.counters, *(w for ws in self.currencies.values() for w in ws))
        return tuple(w for w in words if w[:1].isascii() and w[:1].isalpha())

    def cue(self, kind: str) -> tuple[str, ...]:
        """The words of one cue group (empty when the pack has none)."""
        return self.cues.get(kind, ())


def _strings(raw: object, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise ValueError(f"{where}: must be a list of strings")
    return tuple(x.lower() for x in raw)


def _names(raw: object, where: str) -> tuple[str, ...]:
    """A list of source names, kept as written (they are the names claims are attributed to)."""
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise ValueError(f"{where}: must be a list of strings")
    return tuple(raw)


def _hedge_table(raw: object, where: str) -> dict[str, str]:
    """Hedge words as written -> a hedge of the shared table (``_hedges.HEDGES``), checked here."""
    if not isinstance(raw, dict) or not all(isinstance(v, str) and v in HEDGES for v in raw.values()):
        raise ValueError(f"{where}: must be a table of words to hedges of claims/_hedges.py")
    return {str(k).lower(): str(v) for k, v in raw.items()}


def _numbers(raw: object, where: str) -> dict[str, float]:
    if not isinstance(raw, dict) or not all(isinstance(v, int | float) for v in raw.values()):
        raise ValueError(f"{where}: must be a table of numbers")
    return {str(k).lower(): float(v) for k, v in raw.items()}


def _lists(raw: object, where: str, allowed: tuple[str, ...] | None = None) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: must be a table of lists")
    if allowed is not None and set(raw) - set(allowed):
        raise ValueError(f"{where}: unknown groups {sorted(set(raw) - set(allowed))}; known: {', '.join(allowed)}")
    return {str(k): _strings(v, f"{where}.{k}") for k, v in raw.items()}


def _not_cues(words: tuple[str, ...], cues: object) -> dict[str, tuple[str, ...]]:
    """Each cue of the pack mapped to the ``not_cues`` words that hold it."""
    stems = {w.lower() for ws in (cues.values() if isinstance(cues, dict) else ()) for w in ws}
    out: dict[str, tuple[str, ...]] = {}
    for stem in stems:
        holding = tuple(x for x in words if stem in x and x != stem)
        if holding:
            out[stem] = holding
    return out


def _read(name: str) -> dict[str, object]:
    text = resources.files("troopledger").joinpath("data", "languages", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def load_pack(code: str) -> LanguagePack:
    """The pack of language ``code`` (cached), with the shared source names of ``common.toml`` merged in."""
    if code not in LANGUAGES:
        raise KeyError(f"no language pack for {code!r}; packs: {', '.join(LANGUAGES)}")
    raw, common = _read(code), _read("common")
    where = f"data/languages/{code}.toml"
    orgs = _lists(common.get("organisations", {}), "common.toml organisations")
    for name, words in _lists(raw.get("organisations", {}), f"{where} organisations").items():
        orgs[name] = orgs.get(name, ()) + words
    currencies = _lists(common.get("currencies", {}), "common.toml currencies")
    for name, words in _lists(raw.get("currencies", {}), f"{where} currencies").items():
        currencies[name] = currencies.get(name, ()) + words
    return LanguagePack(
        code=code,
        name=str(raw.get("name", code)),
        decimal=str(raw.get("decimal", ".")),
        groups=str(raw.get("groups", ",")),
        letters=str(raw.get("letters", "")),
        function_words=_strings(raw.get("function_words", []), f"{where} function_words"),
        scales=_numbers(raw.get("scales", {}), f"{where} scales"),
        number_words=_numbers(raw.get("number_words", {}), f"{where} number_words"),
        collective=_numbers(raw.get("collective", {}), f"{where} collective"),
        percent=_strings(raw.get("percent", []), f"{where} percent"),
        not_figures=_strings(raw.get("not_figures", []), f"{where} not_figures"),
        counters=_strings(raw.get("counters", []), f"{where} counters"),
        currencies=currencies,
        cues=_lists(raw.get("cues", {}), f"{where} cues", CUE_KINDS),
        bounds=_lists(raw.get("bounds", {}), f"{where} bounds", _BOUNDS),
        hedges=_hedge_table(raw.get("hedges", {}), f"{where} hedges"),
        saying=_strings(raw.get("saying", []), f"{where} saying"),
        range_words=_strings(raw.get("range_words", []), f"{where} range_words"),
        range_open=_strings(raw.get("range_open", []), f"{where} range_open"),
        unit_links=_strings(raw.get("unit_links", []), f"{where} unit_links"),
        lone_scales=_strings(raw.get("lone_scales", []), f"{where} lone_scales"),
        range_pair=_strings(raw.get("range_pair", []), f"{where} range_pair"),
        organisations=orgs,
        relays=_names(common.get("relays", []), "common.toml relays"),
        actors=_names(common.get("actors", []), "common.toml actors"),
        sentence_ends=str(raw.get("sentence_ends", ".!?")),
        month_in=_strings(raw.get("month_in", []), f"{where} month_in"),
        change_verbs=_strings(raw.get("change_verbs", []), f"{where} change_verbs"),
        back_reference=_strings(raw.get("back_reference", []), f"{where} back_reference"),
        month_since=_strings(raw.get("month_since", []), f"{where} month_since"),
        relay_alone_speaks=raw.get("relay_alone_speaks", False) is True,
        anaphora=_strings(raw.get("anaphora", []), f"{where} anaphora"),
        speaker_marks=_strings(raw.get("speaker_marks", []), f"{where} speaker_marks"),
        speaker_marks_before=_strings(raw.get("speaker_marks_before", []), f"{where} speaker_marks_before"),
        worth=_strings(raw.get("worth", []), f"{where} worth"),
        north_korean_won=_strings(raw.get("north_korean_won", []), f"{where} north_korean_won"),
        subjects=_lists(raw.get("subjects", {}), f"{where} subjects"),
        subject_marks=_strings(raw.get("subject_marks", []), f"{where} subject_marks"),
        including=_strings(raw.get("including", []), f"{where} including"),
        counter_kinds=_lists(raw.get("counter_kinds", {}), f"{where} counter_kinds"),
        not_cues=_not_cues(_strings(raw.get("not_cues", []), f"{where} not_cues"), raw.get("cues", {})),
    )
