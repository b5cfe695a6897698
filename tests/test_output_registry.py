"""One output registry: the stages right of the model read output names and their tables, they do not re-type them.

A *hand list* is a list, tuple, set or dict literal naming two or more of the model's
outputs (``model.OUTPUTS``, its running totals, the streams' outputs and accounts) in
a package right of the model. The few left are listed below with the reason each
stays; a new one fails this test. ``python tests/test_output_registry.py [SRC]``
prints them (``SRC`` defaults to this tree's ``src/troopledger``).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from troopledger.model import OUTPUTS, RUNNING_TOTALS
from troopledger.model.streams import ACCOUNTS, STREAMS

SRC = Path(__file__).resolve().parents[1] / "src" / "troopledger"
#: Packages right of the model that must read the registry.
RIGHT_OF_MODEL = ("calibration", "analysis", "report", "_cli")
#: Every registered output name.
NAMES = frozenset(
    {*OUTPUTS, *RUNNING_TOTALS, *ACCOUNTS, *(o.name for s in STREAMS.values() for o in s.outputs)}
    | {f"soldiers_{p}" for p in ("value", "paid", "kept_by_state", "reaching_people", "in_kind", "confirmed")}
)

#: Hand lists that stay, by (file, first names): why each is not a registry group.
KEPT = {
    # calibration: how a claim quantity is observed, not a table (a casualty total is killed + wounded)
    ("calibration/_assumptions.py", ("killed", "wounded")): "an assumption's own outputs, stated beside its text",
    ("calibration/_assumptions.py", ("troops_in_theatre", "cumulative_deployed")): "an assumption's own outputs",
    ("calibration/_assumptions.py", ("troops_in_theatre", "departures")): "an assumption's own outputs",
    ("calibration/_assumptions.py", ("pay", "paid_by_russia")): "an assumption's own outputs",
    ("calibration/_assumptions.py", ("to_state", "to_soldiers")): "an assumption's own outputs",
    ("calibration/_targets.py", ("killed", "wounded")): "what a casualties_total claim observes",
    # analysis and report: a choice of two, or a reading that is not a table
    ("analysis/_sensitivity.py", ("paid_by_russia", "to_state")): "the two totals inputs are ranked by",
    ("analysis/_reweigh.py", ("take_home_per_soldier_tour", "take_home_per_soldier_month")): "converted per draw",
    ("analysis/_summary.py", ("arrivals", "returned")): "paths kept only to add up running totals",
    ("report/_history.py", ("paid_by_russia", "to_state")): "a history table's columns with their units",
    ("report/_charts.py", ("paid_by_russia", "to_state")): "chart colours: presentation, the report's own",
    ("report/_sections.py", ("paid_by_russia", "to_state")): "the two medians whose Monte Carlo error is stated",
}


def hand_lists(src: Path = SRC) -> list[tuple[str, int, tuple[str, ...]]]:
    """Every literal right of the model naming two or more registered outputs: (file, line, the names)."""
    out = []
    for pkg in RIGHT_OF_MODEL:
        for path in sorted((src / pkg).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                items = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", None)
                if not isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict) or items is None:
                    continue
                names = tuple(e.value for e in items if isinstance(e, ast.Constant) and e.value in NAMES)
                if len(names) >= 2:
                    out.append((f"{pkg}/{path.name}", node.lineno, names))
    return out


def test_no_new_hand_list_of_outputs() -> None:
    found = {(f, names[:2]) for f, _, names in hand_lists()}
    assert found <= set(KEPT), f"re-typed output names (read them from model.OUTPUTS' groups): {found - set(KEPT)}"


def test_the_counter_sees_a_hand_list(tmp_path: Path) -> None:
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "_x.py").write_text('KEYS = ("paid_by_russia", "to_state", "to_soldiers")\n')
    assert hand_lists(tmp_path) == [("report/_x.py", 1, ("paid_by_russia", "to_state", "to_soldiers"))]


def test_the_tables_name_registered_outputs_only() -> None:
    from troopledger.model import HEADLINE_TOTALS, LEAD_TOTALS, MONEY_TOTALS, PAYMENTS, RECEIVED_TOTALS

    for group in (HEADLINE_TOTALS, LEAD_TOTALS, MONEY_TOTALS, PAYMENTS, RECEIVED_TOTALS):
        assert set(group) <= set(OUTPUTS)
    assert set(LEAD_TOTALS) <= set(HEADLINE_TOTALS)


if __name__ == "__main__":
    lists = hand_lists(Path(sys.argv[1]) if len(sys.argv) > 1 else SRC)
    for f, line, names in lists:
        print(f"{f}:{line}: {', '.join(names)}")
    print(f"{len(lists)} hand lists ({sum(len(n) >= 3 for _, _, n in lists)} of three or more names)")
