"""Lineages: relays of one statement count once; hand-set lineages are kept and closed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from troopledger.claims import Claim, SourceRef, detect_lineages, lineage_groups, same_statement


def c(cid: str, *, speaker: str = "Seoul's spy agency", date: str = "2025-04-30", **kw: object) -> Claim:
    data: dict[str, object] = {
        "id": cid,
        "quantity": "casualties_killed",
        "value": 600.0,
        "unit": "persons",
        "speaker": speaker,
        "speaker_kind": "intelligence",
        "window_end": "2025-04",
        "source": SourceRef(id=f"s-{cid}", outlet=f"Outlet {cid}", date=date),
    }
    data.update(kw)
    return Claim.model_validate(data)


def test_one_briefing_through_five_outlets_is_one_lineage() -> None:
    relays = [c(f"o{i}", date=f"2025-05-0{i + 1}", via=["a lawmaker", f"Outlet {i}"]) for i in range(5)]
    groups = lineage_groups(relays)
    assert list(groups.values()) == [[f"o{i}" for i in range(5)]]
    assert next(iter(groups)) == "auto:o0"


def test_different_figure_speaker_quantity_window_or_time_are_separate() -> None:
    base = c("a")
    assert same_statement(base, c("b", speaker="THE Seoul's spy-agency"))
    assert not same_statement(base, c("b", value=2000.0))
    assert not same_statement(base, c("b", speaker="Kyiv"))
    assert not same_statement(base, c("b", quantity="casualties_wounded"))
    assert not same_statement(base, c("b", window_end="2025-08"))
    assert not same_statement(base, c("b", date="2025-09-02"))
    assert same_statement(base, c("b", value=605.0))  # within 2 %


def test_relay_chain_links_an_outlet_to_the_speaker_it_carries() -> None:
    wire = c("w", speaker="Yonhap", speaker_kind="outlet")
    quoted = c("q", via=["Yonhap", "Reuters"])
    assert same_statement(wire, quoted)
    assert detect_lineages([wire, quoted]) == {"w": "auto:q", "q": "auto:q"}  # same date: smallest id names it


def test_transitive_grouping_and_singletons() -> None:
    a, b, d = c("a", date="2025-04-01"), c("b", date="2025-04-15"), c("d", date="2025-04-29")
    alone = c("z", value=9.0)
    labels = detect_lineages([d, b, a, alone])
    assert labels["a"] == labels["b"] == labels["d"] == "auto:a"  # a-d are 28 days apart, joined through b
    assert labels["z"] == "z"


def test_hand_set_lineages_are_kept_and_closed() -> None:
    merged = [c("m1", lineage="briefing"), c("m2", value=9999.0, lineage="briefing")]
    split = c("s", lineage="s")
    free = c("f")
    labels = detect_lineages([*merged, split, free])
    assert labels == {"m1": "briefing", "m2": "briefing", "s": "s", "f": "f"}
    assert detect_lineages([c("x", lineage="auto:old"), c("y")]) == {"x": "auto:x", "y": "auto:x"}


def _brute_force(claims: list[Claim]) -> dict[str, str]:
    """Every pair compared: the definition detect_lineages must agree with."""
    closed = {x.id: x.lineage for x in claims if x.lineage and not x.lineage.startswith("auto:")}
    group = {x.id: {x.id} for x in claims}
    for a in claims:
        for b in claims:
            same_hand = a.id in closed and closed[a.id] == closed.get(b.id)
            free = a.id not in closed and b.id not in closed
            if same_hand or (free and same_statement(a, b)):
                merged = group[a.id] | group[b.id]
                for m in merged:
                    group[m] = merged
    by_id = {x.id: x for x in claims}
    out = {}
    for cid, members in group.items():
        hand = next((closed[m] for m in members if m in closed), None)
        head = min((by_id[m] for m in members), key=lambda x: (x.source.date if x.source else "9999", x.id)).id
        out[cid] = hand or (f"auto:{head}" if len(members) > 1 else head)
    return out


@settings(max_examples=60, derandomize=True, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([600.0, 605.0, 612.0, 700.0, 3.0, 0.0]),
            st.sampled_from(["Seoul's spy agency", "Kyiv", "Yonhap"]),
            st.sampled_from([[], ["Yonhap"], ["Kyiv", "Reuters"]]),
            st.sampled_from(["2025-04-01", "2025-04-15", "2025-05-10", "2025-07-01"]),
            st.sampled_from([None, "2025-04", "2025-05"]),
            st.sampled_from([None, None, None, "hand", "auto:x"]),
            st.booleans(),
        ),
        max_size=14,
    )
)
def test_candidate_search_agrees_with_comparing_every_pair(rows: list[tuple[object, ...]]) -> None:
    claims = []
    for n, (value, speaker, via, date, window, lineage, as_bounds) in enumerate(rows):
        figure = {"low": value, "high": value} if as_bounds else {"value": value}
        claims.append(
            c(f"k{n}", speaker=str(speaker), date=str(date), via=via, window_end=window, lineage=lineage, **figure)
        )
    claims = [x.model_copy(update={"value": None}) if x.low is not None else x for x in claims]
    assert detect_lineages(claims) == _brute_force(claims)


def test_detection_compares_few_pairs_not_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """4,000 claims from two speakers over 60 days: comparisons grow with the claims, not their pairs."""
    import random

    from troopledger.claims import _lineage

    calls = 0
    close = _lineage._close

    def counted(a: float | None, b: float | None, tol: float) -> bool:
        nonlocal calls
        calls += 1
        return close(a, b, tol)

    monkeypatch.setattr(_lineage, "_close", counted)
    rng = random.Random(7)
    speakers = ["Seoul's spy agency", "Kyiv"]
    claims = [
        c(
            f"n{i}",
            speaker=rng.choice(speakers),
            date=f"2025-0{rng.randint(4, 5)}-{rng.randint(10, 28)}",
            value=float(rng.randint(100, 100_000)),
            window_end=None,
        )
        for i in range(4000)
    ]
    labels = detect_lineages(claims)
    assert len(labels) == 4000
    assert calls < 20 * len(claims)  # every pair would be 8,000,000
