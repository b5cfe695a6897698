"""The pack-driven reader: candidate claims from an article in any language with a pack.

Each paragraph is read in its own language (pages mix languages); each sentence's
figures (``_numerals``) are joined into ranges, given a bound and hedge, a currency
and a label (``_cues``), and a speaker: a source named in the sentence, else the one
named before it in the paragraph, else the source the article names most, else the
outlet. A figure no cue explains is not emitted; an article whose figures could not
be read is told by :func:`unread_note`.
"""

from __future__ import annotations

import dataclasses
import re

from pydantic import ValidationError

from troopledger.claims._answers import headline_topic, question_topic
from troopledger.claims._basis_frames import basis_spans, in_basis
from troopledger.claims._clause_links import additive, own_clause
from troopledger.claims._cue_money import money_label, officer_owns, share_label
from troopledger.claims._cues import (
    Context,
    bound,
    count_label,
    currency_of,
    skip_units,
    troop_label,
)
from troopledger.claims._figure import figure_fields
from troopledger.claims._ko_clauses import in_bracket_tag
from troopledger.claims._ko_shares import change_kind, fractions
from troopledger.claims._language import identify, passages
from troopledger.claims._number_convention import text_convention
from troopledger.claims._numerals import ascii_digits, find_figures
from troopledger.claims._owners import counter_kind
from troopledger.claims._pack_figures import join_ranges, magnitude, to_usd
from troopledger.claims._pack_hours import daily_hours
from troopledger.claims._pack_persons import person_speaker
from troopledger.claims._pack_sentences import pack_sentences
from troopledger.claims._pack_speakers import according_to as _according_to
from troopledger.claims._pack_speakers import organisations as _organisations
from troopledger.claims._pack_speakers import quoted_by as _quoted_by
from troopledger.claims._pack_speakers import sentence_names as _sentence_names
from troopledger.claims._pack_streams import stream_count, stream_money, take_home_share
from troopledger.claims._pack_tours import tour_lengths
from troopledger.claims._packs import LanguagePack, load_pack
from troopledger.claims._record import Claim, SourceRef
from troopledger.claims._restated import (
    TROOP_LABELS,
    Whole,
    listed_part,
    range_ends_restated,
    repeats_labelled,
    troop_repeats,
)
from troopledger.claims._whose import others_troops
from troopledger.sources import Document

__all__ = ["extract_foreign", "unread_note"]

_COUNT_UNITS = (
    {"other:munitions": "items", "other:tons": "tons", "other:oil": "barrels"}
    | {f"other:{k}": k for k in ("households", "guns", "ships", "vehicles", "aircraft")}
    | {
        "other:deployment_waves": "dispatches",
        "other:kilograms": "kg",
        "other:entities": "entities",
    }
)
_KINDS = {
    "South Korea NIS": "intelligence", "Ukraine GUR": "intelligence", "Ukraine (Zelensky)": "belligerent_government",
    "Russia (Shoigu)": "belligerent_government", "KIDA": "think_tank", "INSS": "think_tank",
    "Sejong Institute": "think_tank", "South Korea JCS": "government", "US Pentagon": "government",
}  # fmt: skip
#: What stands between a figure and its conversion in brackets: "(약 ", "（約", "(about ", "(한화 약 ".
#: What follows the unit of "1 dollar" in an exchange rate ("=", "＝", "는", "は", "兑"), then the rate.
_RATE = re.compile(r"\s*(?:[=＝:：]|는|은|당|에 |は|が|兑|兌|对|對|换|換)")
_ANONYMOUS = "Anonymous sources"
#: A space between two Chinese or Japanese words (not inside a number: "1万 2000") is a headline's clause break.
_HEADLINE_SPACE = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])(?<![万萬億亿兆千百])[ \u00a0]+(?=[\u3040-\u30ff\u3400-\u9fff\d])"
)
_CONVERSION = re.compile(r"^\s*[(（]\s*(?:\S{1,8}\s?){0,2}$")
#: ... and between two amounts, the first one's currency word and its period, a bracket and up to five short words
#: ("долларов в месяц (около ", " (algo em torno de R$ ", " dollars (soit environ ").
_CONVERTED = re.compile(r"^\s*(?:[^\s\d(（]+\s?){0,3}[(（]\s*(?:[^\s\d]{1,12}\s?){0,5}$")
#: Between an amount and its restatement in apposition: a few words without digits, a comma, a few more.
_APPOSED = re.compile(r"[^\d,;.!?()]{0,30},\s*([^\d,;.!?()]{0,20})")
_SIGN_END = re.compile(r"(?:us\$|r\$|[$€£₩₽¥₴])\s*$")


def _equivalent(between: str, pack: LanguagePack) -> bool:
    """A short stretch between two amounts that says the second restates the first."""
    return len(between) < 60 and any(w in between for w in pack.cue("equivalent"))


def _apposed(between: str, pack: LanguagePack) -> bool:
    """Whether the stretch between two amounts sets the second beside the first as its restatement: the
    first one's unit and period words, a comma, then at most an approximation word ("al mes, unos", "al
    mese, circa", "в месяц, или около")."""
    m = _APPOSED.fullmatch(between)
    if m is None:
        return False
    rest = _SIGN_END.sub("", m.group(1)).strip()
    return not rest or rest in pack.bounds.get("about_before", ()) or rest in pack.cue("equivalent")


class _Reader:
    """Reads one document: numbers its claims and keeps the speaker carried between sentences."""

    def __init__(self, doc: Document, default_speaker: str) -> None:
        self.doc = doc
        self.source = SourceRef(
            id=doc.id, outlet=doc.outlet[:500], url=doc.url[:2000], date=doc.date or None, hash=doc.hash, description=""
        )
        self.claims: list[Claim] = []
        self.default = default_speaker
        self.relays = set(load_pack("en").relays)
        #: the label each amount was first given (currency, value) → quantity: a repeat takes it
        self.amounts: dict[tuple[str, float], str] = {}
        #: what the current paragraph counted last ("workers" or "troops"), for amounts that name neither
        self.topic = ""
        #: the paragraph's last soldiers' money label (pay or revenue), for a restatement or a share that names none
        self.money = ""

    def add(self, span: tuple[int, int], fields: dict[str, object]) -> None:
        cid = f"{self.doc.id}-{len(self.claims) + 1:03d}"
        record = {"id": cid, "source": self.source, "span": span, "text": self.doc.text[span[0] : span[1]][:5000]}
        try:
            self.claims.append(Claim.model_validate(record | fields))
        except ValidationError:
            return  # a figure no source could mean for this quantity (a share over 100 %): not a candidate

    def english(self, start: int, end: int) -> None:
        """The claims the English extractor reads in the paragraph ``start:end``, spans shifted into the page."""
        from troopledger.claims._extract import extract_claims

        part = dataclasses.replace(self.doc, text=self.doc.text[start:end])
        for c in extract_claims(part):
            span = (c.span[0] + start, c.span[1] + start) if c.span else None
            self.claims.append(c.model_copy(update={"id": f"{self.doc.id}-{len(self.claims) + 1:03d}", "span": span}))

    def sentence(
        self, text: str, span: tuple[int, int], pack: LanguagePack, speaker: str, via: list[str], org: str = ""
    ) -> None:
        low = text[span[0] : span[1]].lower()
        if pack.code in ("ja", "zh"):
            low = _HEADLINE_SPACE.sub("\u3000", low)  # "赴俄 傷亡逾4700人": a headline's space ends a clause
        figs = find_figures(low, pack)
        basis = basis_spans(low, pack)  # "以…1萬1000名士兵、每人每月2000美元計算": bases, not claims (LABELS rule 2h)
        said = next((h for h in pack.hedges if h in low), "")
        kind = _KINDS.get(speaker, "outlet" if speaker == self.default or speaker in self.relays else "other")
        who: dict[str, object] = {"speaker": speaker, "speaker_kind": kind, "via": via, "organisation": org}
        last_end = -1
        counted: str | None = None
        whole: Whole | None = None  # the sentence's last troop figure
        for start, end, months, written in tour_lengths(low, pack):  # "провели в России 120 дней": a tour
            stated = {"stated": text[span[0] + start : span[0] + end], "hedge": "none", "note": f"stated as {written}"}
            self.add(span, {"quantity": "rotation_interval_months", "unit": "months", **who, **stated,
                            "value": months, "confidence": 0.5})  # fmt: skip
        worked = daily_hours(low, pack)  # "1日14時間以上働かされ": the length of a working day
        for start, end, fields in worked:
            self.add(span, {**who, **fields, "stated": text[span[0] + start : span[0] + end]})
            basis.append((start, end))  # read: no count of anything else
        for (fa, fb), fields in fractions(low, pack, said):  # "10분의 1", "절반 이상": shares (LABELS rule 7)
            self.add(span, {**fields, **who, "stated": text[span[0] + fa : span[0] + fb]})
        last_amount = False
        last_currency = ""
        rate = False
        prior: tuple[str, float, str, str] | None = None  # the sentence's last labelled amount
        for a, b in join_ranges(figs, low, pack):
            ctx = Context(low, a.start, b.end, pack)
            currency = currency_of(ctx)
            if not currency and last_currency and b.scale >= 1e6 and 0 <= a.start - last_end < 60:
                currency = last_currency  # "33 millones de dólares al mes, casi 400 millones al año": the same money
            between = skip_units(low[last_end : a.start], pack) if last_end >= 0 else ""
            conversion = (
                last_end >= 0
                and (
                    _CONVERSION.match(between)
                    # an amount restated in brackets after a few words: "US$ 2.000 (algo em torno de R$ 11 mil)"
                    or (last_amount and _CONVERTED.match(low[last_end : a.start]) is not None and bool(currency))
                    # "..., o que equivale a R$ 11 mil", "что эквивалентно ...": an equivalence word between two amounts
                    or (last_amount and bool(currency) and _equivalent(low[last_end : a.start], pack))
                    # "150.000 rublos al mes, unos 1.600 dólares": another currency in apposition, maybe hedged
                    or (bool(currency) and currency != last_currency and _apposed(low[last_end : a.start], pack))
                )
            )
            last_end = b.end
            last_amount = bool(currency) and not a.percent
            last_currency = currency if last_amount else ""
            if conversion or in_basis(basis, a.start, b.end):
                continue  # "2000달러(약 283만원)": the source's own conversion, not a second claim
            side, word = bound(ctx)
            # the hedge the evidence stage reads (claims/_hedges.py), with the words as written in the note
            hedge = (
                {"lower": "more than", "upper": "up to"}.get(side, "about") if word else pack.hedges.get(said, "none")
            )
            written = "; ".join(w for w in (word, said) if w)
            common: dict[str, object] = {
                "stated": text[span[0] + a.start : span[0] + b.end][:500],
                "hedge": hedge,
                "note": f"hedge as written: {written}" if written else "",
            }
            lo, hi = a.value, b.value
            values = figure_fields(side, lo, hi)
            if a.percent:
                # every stated share is a claim (LABELS rule 1); one no cue explains is an ``other:share``
                label = share_label(ctx) or (
                    # "the authorities take 80 % of it": the share of the pay the paragraph spoke of
                    "state_share_of_pay" if self.money and ctx.near("state") else "other:share"
                )
                if label == "state_share_of_pay" and self.topic == "workers" and not ctx.anywhere("troops"):
                    label = "other:worker_state_share"  # "이들의 월급은 … 90%가량을 당국이": the paragraph's workers
                elif label in ("state_share_of_pay", "other:share") and take_home_share(ctx):
                    label = "other:soldier_take_home_share"  # "實際拿到的不到兩成": what the soldier keeps
                values = {k: (v / 100 if v is not None else None) for k, v in values.items()}
                change = change_kind(ctx) if label == "other:share" else ""
                if change:
                    # "3.7% 늘었다", "1.5% 줄었다": a growth rate, of North Korea's economy when the sentence says so,
                    # negative for a fall
                    if ctx.anywhere("north_korea") or ctx.anywhere("economy") or ctx.anywhere("gdp"):
                        label = "other:nk_economy"
                    if change == "fall":
                        values = {k: (-v if v is not None else None) for k, v in values.items()}
                self.add(span, {"quantity": label, "unit": "fraction", **who, **common, **values, "confidence": 0.5})
                continue
            named_after = re.match(r"\s*[(（]([^)）]{1,12})[)）]", skip_units(low[b.end : b.end + 20], pack))
            if currency == "KRW" and (
                any(w in ctx.before(20) for w in pack.north_korean_won)
                or (named_after is not None and named_after.group(1).strip().startswith(pack.north_korean_won))
            ):
                currency = "KPW"  # "북한 돈으로 13만 원": won, but North Korea's
            if currency and lo == hi == 1 and _RATE.match(skip_units(low[b.end :], pack)):
                rate = True  # "1달러는 1만5000원", "1ドル＝約150円": an exchange rate, not two amounts
                continue
            if currency and rate:
                rate = False
                continue
            if currency:
                factor, note, converted = to_usd(hi, currency, self.doc.date or None)
                label, period = money_label(ctx, magnitude(hi, currency, self.doc.date or None), self.topic)
                label = stream_money(label, period, ctx)
                if (
                    label == "other:amount"
                    and self.money == "total_revenue_to_nk"
                    and magnitude(hi, currency, self.doc.date or None) >= 1e6
                ):
                    label = "total_revenue_to_nk"  # "a year, that is $288 million": the paragraph's revenue restated
                if label in ("total_revenue_to_nk", "pay_per_soldier_month"):
                    self.money = label
                key = (currency, hi)
                if label == "other:amount" and prior and prior[0] == currency and 0.01 < hi / prior[1] < 100:
                    label, period = prior[2], prior[3]  # "100~300ウォンから1000~3000ウォンに": the same money changed
                    if label == "other:officer_pay" and not officer_owns(ctx):
                        label = (
                            "pay_per_soldier_month"  # a rank table's next row names its own rank: "병사는 2천800달러"
                        )
                if label != "other:amount":
                    prior = (currency, hi, label, period)
                if label == "other:amount" and key in self.amounts:
                    label = self.amounts[key]  # "in all: about 28.7 trillion won" again, after its first mention
                self.amounts.setdefault(key, label)
                unit = "USD" if converted else currency
                if period in ("month", "year", "hour") and (
                    label == "pay_per_soldier_month"
                    or label.startswith(("total", "other", "overseas_worker", "soldier_take"))
                ):
                    unit += f"/{period}"
                scaled = {k: (v * factor if v is not None else None) for k, v in values.items()}
                both = "; ".join(x for x in (note, str(common["note"])) if x)
                period = "ambiguous" if period == "hour" else period  # an hourly wage: the unit says per hour
                self.add(span, {"quantity": label, "unit": unit, "period": period, "currency": currency,
                                **who, **common, "note": both, **scaled, "confidence": 0.6})  # fmt: skip
                continue
            head = low[b.end : b.end + 8].lstrip(" \u00a0")
            if pack.worth and head.startswith(pack.worth):
                # "33년치 식량", "6年分の食料": what an amount would buy, in years (LABELS rule 8's equivalents)
                unit = "days" if head.startswith(("日", "天")) else "years"  # "30日分の食料": days' worth
                worth = {"quantity": f"other:{unit}_equivalent", "unit": unit, "confidence": 0.4}
                self.add(span, {**worth, **who, **common, **values})
                continue
            if hi <= 1000 and any(head.startswith(w) for w in pack.cue("times")):
                # "ten times", "в 10 раз", "10倍": a multiple (LABELS rule 8), whatever it multiplies
                self.add(
                    span, {"quantity": "other:ratio", "unit": "times", **who, **common, **values, "confidence": 0.4}
                )
                continue
            if hi < 2 or hi > 5e7:
                continue  # no count of people is below 2 or above 50 million
            if pack.code == "ko" and in_bracket_tag(low, a.start, b.end):
                continue  # "[KBC 라디오 930 뉴스]": a number with no counter inside a bracketed tag counts nothing
            label_c = count_label(ctx, hi)
            thing = counter_kind(low, b.end, pack)
            if thing and (label_c is None or not label_c.startswith("other:")):
                label_c = f"other:{thing}"  # "유가족 300여 가구", "120門": households and guns, never troops or dead
            if label_c is None and counted is not None and hi >= 100:
                # "1,500 soldiers arrived ..., and another 1,500 since": the noun is left out the second time
                label_c = troop_label(ctx) if counted in TROOP_LABELS else counted
            if (
                label_c is None
                and hi >= 100
                and self.topic == "troops"
                and (any(own_clause(ctx).near(k) for k in ("stock", "wave", "cumulative", "dated")) or additive(ctx))
            ):
                # "около 8 тысяч из них уже находятся в Курской области": the paragraph's troops, in a verb of place
                label_c = others_troops(ctx) or troop_label(ctx)
            counted = label_c or counted
            stream = stream_count(label_c, ctx, hi)  # shells, containers, barrels, workers: the ledger's quantity
            if stream is not None and stream[0].startswith("nk_entries"):
                counted = (
                    "nk_entries_to_russia"  # "..., из них 7 887 — на учёбу": the next bare figure counts entries too
                )
            if label_c is not None:
                self.topic = "workers" if label_c.startswith("other:overseas_workers") else "troops"
            label_c, whole = listed_part(low, label_c, whole, a.start, b.end, hi)  # a whole's parts
            if (label_c in TROOP_LABELS or (label_c or "").endswith("_troops")) and ctx.near("condition"):
                continue  # "if 10,000 soldiers were sent, ...": the basis of someone's arithmetic (LABELS rule 2h)
            if (
                label_c is None
                and stream is None
                and pack.code in ("ja", "zh")
                and re.match(r"[余餘多]?[名人](?![当當あ称稱])", low[b.end :])
            ):
                label_c = "other:persons"  # "约1500名俄罗斯游客": people no cue names are still a stated count (rule 1)
            if stream is not None:
                self.add(span, {"quantity": stream[0], "unit": stream[1], **who, **common, **values, "confidence": 0.6})
            elif label_c is not None:
                unit = _COUNT_UNITS.get(label_c, "persons")
                self.add(span, {"quantity": label_c, "unit": unit, **who, **common, **values, "confidence": 0.6})


def extract_foreign(doc: Document, language: str) -> list[Claim]:
    """Candidate claims (status ``pending``) from ``doc``, mostly in ``language``, read paragraph by paragraph."""
    text = ascii_digits(doc.text)
    parts = passages(text, language)
    low_all = text.lower()
    same = len(low_all) == len(text)  # lower-casing kept every position ("İ" would not)
    hits = {lang: _organisations(low_all, load_pack(lang)) for lang in {p[2] for p in parts}}
    counts: dict[str, int] = {}
    for found in hits.values():
        for name in dict.fromkeys(n for _i, n in found):
            counts[name] = counts.get(name, 0) + low_all.count(name.lower()) + 1
    outlet = doc.original_outlet or doc.outlet
    relays, actors = set(load_pack(language).relays), set(load_pack(language).actors)
    origins = {k: v for k, v in counts.items() if k not in relays and k not in actors}
    pool = origins or {k: v for k, v in counts.items() if k in relays}
    lead = max(pool, key=lambda k: pool[k]) if pool else outlet
    reader = _Reader(doc, outlet)
    last_named = asked = ""
    packs = {lang: text_convention(text, load_pack(lang)) for lang in hits}  # the text's number convention, once
    headlines = {lang: headline_topic(text, parts[0], packs[lang]) for lang in packs if lang in ("ja", "zh")}
    for start, end, lang in parts:
        if lang == "en" and language != "en" and identify(text[start:end]) == "en":
            reader.english(start, end)  # an English paragraph of the page: the English rules read it
            continue
        pack = packs[lang]
        sentences = pack_sentences(text, start, end, pack)
        quoted = _quoted_by(text, start, sentences, hits[lang] if same else [], relays)
        carried, origin_here = quoted or lead, quoted is not None
        reader.topic, reader.money = headlines.get(lang, ""), ""
        if asked:
            reader.topic = asked  # "Quantos soldados já partiram?" / "Ao todo, cerca de 14 mil": the answer's count
        asked = question_topic(text[start:end], pack)
        names_of = [_sentence_names(text, s, e, hits[lang] if same else None, pack, actors) for s, e in sentences]
        for k, (s, e) in enumerate(sentences):
            named = names_of[k]
            if not named and k + 1 < len(sentences):
                # "... 1 million shells. This was reported by Bloomberg, citing ...": the next sentence's source
                nxt = text[sentences[k + 1][0] : sentences[k + 1][1]].lstrip().lower()
                if nxt.startswith(pack.back_reference):
                    named = names_of[k + 1]
            sent = text[s:e].lower()
            person = "" if named or not same else person_speaker(text[s:e], pack)
            if person:
                named = [person]  # "sostiene Shin Beom-chul": a person the sentence quotes by name
            if not named and last_named and any(w in sent for w in pack.anaphora):
                named = [last_named]  # "同部隊によると": the source named before, whatever paragraph it was in
            own = [n for n in named if n not in relays]
            if named and not own and same:
                own = _according_to(text, s, e, hits[lang], pack)  # "Według Radio Free Asia ...": the origin
            # a relay (Yonhap, Reuters ...) speaks for the origin its paragraph names, and goes to `via`;
            # one that reports on its own sources ("中央日報は…と報じた") is the speaker
            if own or not named:
                speaker = own[0] if own else carried
            elif pack.relay_alone_speaks:
                speaker = carried if origin_here else named[0]
            else:
                speaker = lead if lead in origins else named[0]
            via = [n for n in named if n in relays and n != speaker]
            # "中央日報は複数の消息筋の話として": anonymous sources speak through the outlet that quotes them
            org = via[0] if speaker == _ANONYMOUS and via else ""
            if named:
                carried, origin_here = speaker, origin_here or bool(own)
                last_named = speaker
            reader.sentence(text, (s, e), pack, speaker, via, org)
    return range_ends_restated(troop_repeats(repeats_labelled(reader.claims)))


def unread_note(doc: Document, claims: list[Claim]) -> str:
    """A note for an article that has numbers but gave no claim ("" otherwise): its figures were not read.

    Digits of any script count (full-width, Arabic-Indic ...), and so do CJK numbers.
    """
    if claims:
        return ""
    text = ascii_digits(doc.text)
    numbers = len(re.findall(r"\d+", text))
    if not numbers:
        return ""
    name = load_pack(identify(text)).name
    return (
        f"{numbers} number(s) in this {name} text, none read as a claim (dates, times, ids, or figures no cue "
        "explains); check it by hand"
    )
