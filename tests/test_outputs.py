"""Model outputs are declared once, with unit, label and role, and every reader uses that declaration."""

from __future__ import annotations

import troopledger as tl
from troopledger.evidence import STATE_USE_NAMES, resolve
from troopledger.model import BY_ROLE, OUTPUTS, REALISATION_TOTALS, STATE_USES, collect, role_output, state_use_output
from troopledger.report._format import LABELS


def test_flows_returns_exactly_the_declared_outputs() -> None:
    prior = resolve(tl.load_case())
    d = collect(prior, 50, 0)
    ds = tl.simulate(prior, 50, 0)
    declared = set(OUTPUTS)
    produced = {str(k) for k, v in ds.data_vars.items() if v.attrs.get("role") not in ("parameter", "by_role")}
    # everything owed is delivered in this case: the owed-vs-received flows would repeat the owed ones
    assert produced == declared - set(REALISATION_TOTALS)
    by_role = {str(k) for k, v in ds.data_vars.items() if v.attrs.get("role") == "by_role"}
    assert by_role == {role_output(k, r) for k in BY_ROLE for r in prior.role_names}
    realised = resolve(tl.load_case(sets=["realised_share=0.1..0.3"]))
    every = tl.simulate(realised, 50, 0)
    assert {
        str(k) for k, v in every.data_vars.items() if v.attrs.get("role") not in ("parameter", "by_role")
    } == declared
    for name, o in OUTPUTS.items():
        assert every[name].attrs == {"role": o.role, "unit": o.unit, "label": o.label}
    assert set(d.totals) <= declared


def test_state_uses_are_the_case_files_components() -> None:
    assert tuple(f"state_{u}" for u in STATE_USE_NAMES) == STATE_USES
    assert all(state_use_output(u) in OUTPUTS for u in STATE_USE_NAMES)


def test_report_labels_come_from_the_declaration() -> None:
    for name, label in LABELS.items():
        assert OUTPUTS[name].label == label
