"""Extraction: candidate claims (DESIGN §4, status ``pending``) from an article's clean text.

Every sentence is scanned for figures (money, counts of people, durations, shares,
and share words such as "most" or "nothing"); each figure gets a quantity from the
vocabulary, a bound and a hedge (``_labels``), a speaker and relay chain
(``_attribution``), and a value normalised to USD, persons, months or fractions.
Everything is a candidate for a person to review, never a finished claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import ValidationError

from troopledger.claims._alternatives import alternative
from troopledger.claims._amount_usd import amount_magnitude, amount_to_usd
from troopledger.claims._answers import answered
from troopledger.claims._attribution import Attribution, attribute, introduce, says
from troopledger.claims._clause_speakers import clause_attributions, quote_goes_on
from troopledger.claims._consistency import (
    bare_counts,
    casualties_against_wounded,
    consistent_figures,
    elided_amounts,
)
from troopledger.claims._discourse import (
    BACKWARD,
    RELAYS_FIGURES,
    backward_relay,
    carried,
    heading,
    relay_of,
    relayed,
    reporting_outlet,
    resolve,
    restated_speakers,
)
from troopledger.claims._figure import figure_fields
from troopledger.claims._labels import (
    FOREIGN_PAY,
    WORD_SHARES,
    bound_after,
    bound_of,
    hedge_of,
    label_duration,
    label_money,
    label_share,
)
from troopledger.claims._language import identify
from troopledger.claims._mentions import Mention, find_mentions, table_ranges
from troopledger.claims._named_later import named_later
from troopledger.claims._record import Claim, SourceRef
from troopledger.claims._saying import UNNAMED, trailing_attribution
from troopledger.claims._scenarios import arithmetic_basis
from troopledger.claims._sharewords import word_shares
from troopledger.claims._speakers import last_organisation, last_person
from troopledger.claims._stream_amounts import stream_money, stream_share
from troopledger.claims._stream_labels import stream_count
from troopledger.claims._stream_quantities import TOTAL_SCOPES
from troopledger.claims._subjects import count_label
from troopledger.claims._transcripts import interview_answers, transcript_turns
from troopledger.claims._troop_kinds import troop_kind
from troopledger.claims._vocabulary import QUANTITIES
from troopledger.sources import Document, Sentence, split_sentences

__all__ = ["MAX_CLAIMS", "extract_claims"]

#: A heading that may name its source ("What the FNF study found", "What the NIS says"): read for a speaker.
_TITLED = re.compile(r"\b(?:found|finds|says|said|estimates?|counts?|reckons|believes|assesses|view)\b")

#: At most this many candidate claims are read from one document (a 5 KB article has
#: about ten); the rest of a longer text is not read, so output stays bounded.
MAX_CLAIMS = 5000

#: A correction notice quoting the figure it withdraws: "An earlier version of this story gave the figure as 6,000."
_MISSTATED = re.compile(
    r"\b(?:[Aa]n?\s+(?:earlier|previous)\s+version\s+of\s+this\s+(?:story|article|report|piece)|"
    r"\b(?:incorrectly|wrongly|mistakenly)\s+(?:said|stated|reported|gave|put))\b"
)

#: The catch-all subtype for a figure whose vocabulary reading fails validation, by kind.
_GENERIC_OTHER = {
    "amount": "other:amount",
    "count": "other:count",
    "share": "other:share",
    "duration": "other:duration",
}
_DAYS_PER = {"hour": 1 / 730.5, "day": 1 / 30.44, "week": 7 / 30.44, "month": 1.0, "year": 12.0}


class _Builder:
    """Numbers the claims of one document and fills their shared fields."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.source = SourceRef(
            id=doc.id, outlet=doc.outlet[:500], url=doc.url[:2000], date=doc.date or None, hash=doc.hash, description=""
        )
        self.claims: list[Claim] = []

    def add(self, sent_span: tuple[int, int], text: str, who: dict[str, object], **fields: object) -> None:
        cid = f"{self.doc.id}-{len(self.claims) + 1:03d}"
        fields["stated"] = str(fields.get("stated", ""))[:500]
        fields["note"] = str(fields.get("note", ""))[:2000]
        record = {"id": cid, "source": self.source, "span": sent_span, "text": text[:5000], "status": "pending"}
        try:
            claim = Claim.model_validate(record | who | fields)
        except ValidationError as e:
            # a figure no source could mean for this quantity (a count of 10^79 troops, a share of 150 %):
            # kept for review under a generic other: subtype, with the reason
            quantity = str(fields.get("quantity", ""))
            if quantity.startswith("other"):
                return
            kind = QUANTITIES[quantity].kind if quantity in QUANTITIES else "amount"
            why = e.errors()[0]["msg"].removeprefix("Value error, ")[:300]
            fields |= {"quantity": _GENERIC_OTHER.get(kind, "other:count"), "note": f"not read as {quantity}: {why}"}
            fields["confidence"] = 0.2
            try:
                claim = Claim.model_validate(record | who | fields)
            except ValidationError:
                return
        self.claims.append(claim)


def _who(att: Attribution, reporter: str) -> dict[str, object]:
    if att.found:
        return {
            "speaker": att.speaker,
            "organisation": att.organisation[:500],
            "speaker_kind": att.kind,
            "via": att.via,
        }
    return {"speaker": reporter[:500], "speaker_kind": "outlet", "via": att.via}


def extract_claims(doc: Document) -> list[Claim]:
    """Candidate claims (status ``pending``) for every figure in ``doc``, in reading order.

    A sentence with figures but no speaker takes the speaker of a sentence right after
    it that only attributes ("That's according to X"), else of an attributed sentence
    right before it in the same paragraph, else the outlet.
    """
    language = identify(doc.text)
    if language != "en":  # read through the language packs (loaded only now)
        from troopledger.claims._foreign import extract_foreign

        return extract_foreign(doc, language)
    b = _Builder(doc)
    sentences = split_sentences(doc.text)
    people: list[Attribution] = []
    people_met: list[int] = []  # one entry per person met, so a cached attribution knows when it is stale
    reporter = reporting_outlet(doc)
    low = doc.text.lower()
    kpw = "north korean won" in low
    about_nk = re.search(r"north\s+korea|pyongyang|dprk", low) is not None or not re.search(FOREIGN_PAY, low)
    recent: tuple[int, Attribution] | None = None
    lead: Attribution | None = None
    deferred: tuple[int, Sentence] | None = None
    unattributed: set[int] = set()
    relays: list[tuple[frozenset[str], Attribution]] = []
    read: dict[int, list[Mention]] = {}

    heard: dict[int, tuple[int, Attribution]] = {}

    def said(k: int) -> Attribution:
        """Who sentence ``k`` itself names (read once while no new person has been met)."""
        if k not in heard or heard[k][0] != len(people_met):
            after = sentences[k + 1].text if k + 1 < len(sentences) else ""
            heard[k] = (len(people_met), attribute(sentences[k].text, after, people=people))
        return heard[k][1]

    def figures(k: int) -> list[Mention]:
        """The figures of sentence ``k``, found once (a neighbour's are looked at too)."""
        if k not in read:
            read[k] = find_mentions(sentences[k].text, doc_kpw=kpw) if k < len(sentences) else []
        return read[k]

    answers, interviewee = interview_answers(doc.text)
    turns = transcript_turns(doc.text)
    for i, sent in enumerate(sentences):
        if len(b.claims) >= MAX_CLAIMS:
            break
        s = sent.text
        nxt = sentences[i + 1].text if i + 1 < len(sentences) else ""
        prev = sentences[i - 1].text if i > 0 else ""
        mentions = table_ranges(doc.text, sent.start, s, figures(i)) if s[:1] == "|" else figures(i)
        words = word_shares(s)
        if (mentions or words or i < 4) and deferred is not None:
            # a figure-less sentence with a verb of saying is read only when a figure may need it
            k, ks = deferred
            deferred = None
            ka = resolve(attribute(ks.text, s, people=people), doc.text, (ks.start, ks.end), None)
            if ka.found:
                recent = (k, ka)
        relay = relay_of(s)
        if relay is not None:
            relays.append(relay)
            relayer = last_person(s, first=True)
            if relayer is not None:  # "a lawmaker said ..." before "Rep. Yu ..., citing Budanov": Budanov's, via Yu
                named_later(b.claims, sentences[max(0, i - 3)].start, relayer, relay[1])
        origin = backward_relay(s) if recent is not None and recent[0] >= i - 1 else None
        if origin is not None and recent is not None and origin.speaker not in recent[1].speaker:
            # "This information, provided by X, ...": the figures before came from X; the speaker relayed them
            k, src = recent
            origin.via = [src.speaker, *src.via]
            _reattribute(b.claims, (sentences[k].start, sentences[k].end), src.speaker, origin)
            relays.append((frozenset((last_person(src.speaker) or src.speaker).split()), origin))
            recent = (i, origin)
        if mentions or words or (i < 4 and says(s)):
            earlier = recent[1] if recent is not None else None
            att = resolve(said(i), doc.text, (sent.start, sent.end), earlier)
            att = relayed(att, relays)
            if (
                att.speaker == UNNAMED
                and " said to " in s  # "is said to" is a hedge (LABELS rule 24); "is reported to" names reports
                and earlier is not None
                and recent is not None
                and recent[0] == i - 1
                and "\n" not in doc.text[sentences[i - 1].end : sent.start]
            ):
                att = earlier  # "X said ... Commanders are said to get ...": the passive goes on with X's account
        else:
            att = Attribution(speaker="", found=False)
            if says(s) and s[:1] != "|":  # a table header ("| Low estimate |") says nothing
                deferred = (i, sent)
        if mentions or words:
            if att.found and recent is not None and recent[0] >= i - 2 and RELAYS_FIGURES.search(s):
                # "Yu quoted the latest figures as ...": Yu relays the source named just before
                src = recent[1]
                if src.speaker != att.speaker:
                    att = Attribution(src.speaker, src.organisation, src.kind, [att.speaker, *att.via])
            if not att.found and BACKWARD.match(nxt) and not figures(i + 1):
                back = attribute(nxt, "", people=people)
                turn = next((who for a, z, who in turns if a <= sent.start < z), None) if back.found else None
                if turn is not None and turn.speaker not in back.via:
                    back = Attribution(back.speaker, back.organisation, back.kind, [*back.via, turn.speaker])
                att = back if back.found else att  # "... That is the NIS figure": before the turn's speaker
            if not att.found and interviewee is not None and any(a <= sent.start < z for a, z in answers):
                att = interviewee  # an answer in an interview transcript: the person interviewed
            if not att.found and turns:
                att = next((who for a, z, who in turns if a <= sent.start < z), att)  # "Petrova: Around 11,000"
            if not att.found and recent is not None and quote_goes_on(doc.text, sentences[recent[0]].start, sent.start):
                att = recent[1]  # a quotation carried over paragraphs: each opens with a quote mark, none closes
            if not att.found:
                same_paragraph = i > 0 and "\n" not in doc.text[sentences[i - 1].end : sent.start]
                ahead = None
                if recent is None or recent[0] < i - 1 or not same_paragraph:
                    ahead = _ahead(doc.text, sentences, i, recent, figures, said)
                inherited = carried(recent, i, s, same_paragraph, ahead) or lead
                if inherited is not None:
                    att = Attribution(
                        inherited.speaker, inherited.organisation, inherited.kind, att.via or inherited.via
                    )
            who = _who(att, reporter)
            sent_hedge = hedge_of(s)
            span = (sent.start, sent.end)
            first = len(b.claims)
            # "How many troops are there? About 11,000.": the answer read with the question's words
            read_as = answered(prev, s) if mentions and prev.endswith("?") else None
            said_as, said_mentions = s, mentions
            if read_as is not None:  # the question's own figures are not the answer's
                said_as, lo_q, hi_q = read_as
                said_mentions = [m for m in find_mentions(said_as, doc_kpw=kpw) if not lo_q <= m.start < hi_q]
            misstated = _MISSTATED.search(said_as)  # a correction's withdrawn figure is no claim
            clause_who = [
                (a, z, _who(w, reporter)) for a, z, w in clause_attributions(said_as, span, doc.text, att, people)
            ] if read_as is None and len(said_mentions) > 1 else []  # fmt: skip
            for k, m in enumerate(said_mentions):
                if misstated and misstated.end() <= m.start and ";" not in said_as[misstated.end() : m.start]:
                    continue
                if arithmetic_basis(said_as, m.start):
                    continue  # "If 10,000 were sent, ... would earn ...": the basis, not a claim (LABELS rule 2h)
                limit = said_mentions[k + 1].start if k + 1 < len(said_mentions) else None
                own = next((w for a, z, w in clause_who if a <= m.start < z), who) if clause_who else who
                alt = alternative(said_as, said_mentions, k) if " or " in said_as else None
                if alt is not None:  # "3,000 or 5,000 more troops": the first read where the second stands
                    at = len(b.claims)
                    _emit(b, alt[1], alt[0], span, own, sent_hedge, prev, (about_nk, None), att.found)
                    b.claims[at:] = [c.model_copy(update={"text": said_as[:5000]}) for c in b.claims[at:]]
                    continue
                _emit(b, m, said_as, span, own, sent_hedge, prev, (about_nk, limit), att.found)
            if read_as:
                b.claims[first:] = [c.model_copy(update={"text": s[:5000]}) for c in b.claims[first:]]
            casualties_against_wounded(b.claims, first)
            for key, complement, _pos in words:
                lo, hi = WORD_SHARES[key]
                if complement:
                    lo, hi = round(1 - hi, 12), round(1 - lo, 12)
                b.add(
                    span, s, who, quantity="state_share_of_pay", low=lo, high=hi, unit="fraction", words=key,
                    complement=complement, hedge=sent_hedge, stated=key, confidence=0.4,
                    note="words without a number; low/high from the words table",
                )  # fmt: skip
            if not att.found:
                unattributed.update(range(first, len(b.claims)))
        if s[:1] == "|" and not mentions and recent is not None and recent[0] == i - 1:
            recent = (i, recent[1])  # a table's header and rule rows pass the caption's speaker on to its rows
        elif att.found and att.carries:
            recent = (i, att)
            if lead is None and i < 4 and last_organisation(att.speaker) is not None:
                lead = att
        elif att.found:
            recent = None  # an unnamed passive report or a caption's credit ends the run of the speaker before
        elif heading(doc.text, s, sent.end):
            recent = deferred = None
            titled = said(i) if i >= 3 and _TITLED.search(s) else None
            if titled is not None and titled.found and last_organisation(titled.speaker) is None:
                titled = resolve(titled, doc.text, (sent.start, sent.end), None)
            if titled is not None and titled.found:
                recent = (i, titled)  # "What the FNF study found": the section below is the study's
            if i >= 3:  # a section heading: the lead's source no longer speaks; the outlet does
                lead, reporter = None, doc.original_outlet or doc.outlet
        person = introduce(s)
        if person is not None:
            people.append(person)
            people_met.append(i)
            del people[:-50]
    return elided_amounts(consistent_figures(bare_counts(restated_speakers(b.claims, unattributed))))


def _reattribute(claims: list[Claim], span: tuple[int, int], speaker: str, origin: Attribution) -> None:
    """Give the claims of one sentence that ``speaker`` was named for to ``origin`` (with its relay chain)."""
    for j, c in enumerate(claims):
        if c.span == span and c.speaker == speaker:
            claims[j] = c.model_copy(
                update={
                    "speaker": origin.speaker,
                    "organisation": origin.organisation[:500],
                    "speaker_kind": origin.kind,
                    "via": list(origin.via),
                }
            )


def _ahead(
    text: str,
    sentences: list[Sentence],
    i: int,
    recent: tuple[int, Attribution] | None,
    figures: Callable[[int], list[Mention]],
    said: Callable[[int], Attribution],
) -> Attribution | None:
    """The speaker of the sentence after ``i`` when it is in the same paragraph ("..., X told Y")."""
    if i + 1 >= len(sentences) or "\n" in text[sentences[i].end : sentences[i + 1].start]:
        return None
    nxt = sentences[i + 1]
    if figures(i + 1) and not trailing_attribution(nxt.text):
        return None  # "X indicates that ...": a sentence that opens with its own speaker speaks for itself
    earlier = recent[1] if recent is not None else None
    att = resolve(said(i + 1), text, (nxt.start, nxt.end), earlier)
    return att if att.found else None


def _confidence(quantity: str, found: bool) -> float:
    """A rough confidence for the reviewer: generic leftovers lowest, vocabulary figures with a speaker highest."""
    base = 0.3 if quantity in ("other:count", "other:amount", "other:share") else 0.6
    return round(min(1.0, base + (0.2 if found else 0.0) + (0.1 if not quantity.startswith("other") else 0.0)), 2)


def _emit(
    b: _Builder, m: Mention, s: str, span: tuple[int, int], who: dict[str, object], sent_hedge: str,
    prev: str, context: tuple[bool, int | None], found: bool,
) -> None:  # fmt: skip
    about_nk, limit = context
    stated_end = m.start + len(m.text)
    before, after = s[max(0, m.start - 200) : m.start], s[stated_end : stated_end + 200]
    side, bound_hedge = bound_of(before)
    if not side and not bound_hedge:
        side, bound_hedge = bound_after(after)  # "10,000 or more", "10,000-plus", "10,000 or so"
    hedge = bound_hedge or sent_hedge
    common: dict[str, object] = {"stated": m.text, "hedge": hedge}
    if m.kind == "money":
        lo, hi, note, converted = amount_to_usd(m, b.doc.date)
        usd = amount_magnitude(m, b.doc.date)
        quantity, period = label_money(s, before, after, usd, prev, about_nk=about_nk)
        quantity, stream_unit = stream_money(quantity, s, before, after, period, usd)
        unit = stream_unit or (QUANTITIES[quantity].unit if quantity in QUANTITIES else "USD")
        if quantity.startswith("other:") and period in ("month", "year"):
            unit = f"USD/{period}"
        if quantity in TOTAL_SCOPES and period in ("month", "year"):
            unit = f"USD/{period}"
        if not converted:
            unit = m.currency + ("/" + unit.split("/")[1] if "/" in unit else "")
        b.add(span, s, who, quantity=quantity, unit=unit, period=period, currency=m.currency or "USD", note=note,
              confidence=_confidence(quantity, found), **common, **figure_fields(side, lo, hi))  # fmt: skip
    elif m.kind == "count":
        if m.high < 2:
            return
        counted = count_label(s, m.start, m.end, m.high, limit)
        if counted is None:
            return
        if counted == "troops":
            counted = troop_kind(s, m.start, m.end)
        counted, unit, note = stream_count(counted, s, m.start, m.end, limit)
        b.add(span, s, who, quantity=counted, unit=unit or "persons", note=note,
              confidence=_confidence(counted, found), **common, **figure_fields(side, m.low, m.high))  # fmt: skip
    elif m.kind == "duration":
        interval = label_duration(s, before)
        if interval == "rotation_interval_months":
            f = _DAYS_PER.get(m.unit, 1.0)
            lo, hi, unit = round(m.low * f, 3), round(m.high * f, 3), "months"
        else:
            lo, hi, unit = m.low, m.high, m.unit + "s"
        b.add(span, s, who, quantity=interval, unit=unit, confidence=_confidence(interval, found), **common,
              **figure_fields(side, lo, hi))  # fmt: skip
    elif m.kind == "multiple":
        b.add(span, s, who, quantity="other:multiple", unit="times", confidence=_confidence("other:multiple", found),
              **common, **figure_fields(side, m.low, m.high))  # fmt: skip
    else:
        quantity, complement = label_share(s, m.start)
        quantity = stream_share(quantity, s, min(m.low, m.high))
        lo, hi = (round(1 - m.high, 12), round(1 - m.low, 12)) if complement else (m.low, m.high)
        if complement:
            side = {"upper": "lower", "lower": "upper"}.get(side, "")
        note = "stated as the soldiers' part; stored as the state's share" if complement else ""
        b.add(span, s, who, quantity=quantity, unit="fraction", note=note, confidence=_confidence(quantity, found),
              **common, **figure_fields(side, lo, hi))  # fmt: skip
