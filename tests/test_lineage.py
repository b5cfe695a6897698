"""Lineages: relays of one statement count once; hand-set lineages are kept and closed."""

from __future__ import annotations

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
