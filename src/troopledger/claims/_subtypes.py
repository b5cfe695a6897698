"""The ``other:<subtype>`` names the extractor gives figures outside the vocabulary.

Real coverage of the deployment carries many figures the model does not compute:
North Korean workers abroad and their remittances, arms and munitions, Russia's own
recruits and losses, prisoners, the economy. They are kept as candidate claims with
one of these subtypes (listed in ``docs/extraction.md``) so a reviewer sees them and
none of them feeds a North Korean troop or pay figure.
"""

from __future__ import annotations

__all__ = ["OTHER_SUBTYPES", "OWNERS", "documented_subtype"]

#: Whose people a count is about when they are not North Korean soldiers alone ("historic": an earlier war's).
OWNERS = ("russian", "ukrainian", "nepali", "foreign", "joint", "american", "historic")

#: Subtype -> what it holds.
OTHER_SUBTYPES: dict[str, str] = {
    "troops": "soldiers of another army (with an owner prefix, e.g. russian_troops)",
    "casualties": "killed or wounded of another army (owner prefix, e.g. russian_casualties)",
    "people": "people counted who are not soldiers: citizens, residents, families (owner prefix optional)",
    "arrivals": "North Koreans entering Russia (visa and migration statistics)",
    "prisoners": "soldiers captured or held as prisoners of war",
    "officers": "officers, generals and commanders",
    "engineers": "engineers, sappers, deminers and military builders",
    "workers": "North Korean workers abroad",
    "munitions": "shells, rounds, missiles, containers, vehicles and other arms counted",
    "oil": "barrels, tankers and tonnes of oil and fuel",
    "count": "any other count with no recognised subject",
    "luxury": "a luxury item or a price, not the year's luxury imports",
    "arms_revenue": "what North Korea earns from arms and munitions",
    "illicit_revenue": "earnings from hacking, smuggling, coal and other sanctioned trade",
    "nk_economy": "North Korea's growth rates, trade, exports and income per head",
    "price": "a price of goods",
    "russian_pay": "pay, bonuses and death payments of Russia's own or foreign recruits",
    "worker_remittance": "what workers abroad must hand to the state (quotas, loyalty money)",
    "worker_revenue": "what the state earns from workers abroad in all",
    "worker_wage": "the wage of North Korean workers abroad (not soldiers' pay)",
    "amount": "any other amount of money",
    "casualty_rate": "the share of a force killed or wounded",
    "worker_state_share": "the share of workers' wages the state takes",
    "share": "any other share or percentage",
    "duration": "a length of time that is not a tour (kept in its own unit: days, weeks, hours)",
    "multiple": "a multiple or growth factor (twelvefold, triple, 21 times)",
    "officer_pay": "the pay of officers and NCOs, a rank table's rows above the ordinary soldier",
    "years_equivalent": "how many years of something (food, luxury spending) an amount would buy",
    "tech_transfer": "the value of technology Russia gives North Korea (satellites, submarines, missiles)",
    "unit_strength": "the strength of one formation (a corps, division, brigade), not the force sent",
}


def documented_subtype(quantity: str) -> bool:
    """Whether ``other:<subtype>`` uses a documented subtype (an owner prefix is allowed)."""
    if not quantity.startswith("other:"):
        return False
    sub = quantity.removeprefix("other:")
    for owner in OWNERS:
        if sub.startswith(owner + "_") and sub.removeprefix(owner + "_") in OTHER_SUBTYPES:
            return True
    return sub in OTHER_SUBTYPES
