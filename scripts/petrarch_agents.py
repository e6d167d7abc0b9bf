"""Derive the generic agent table of hornbill/data/actors/agents.yaml from PETRARCH2's Phoenix.agents.txt.

    .venv/bin/python scripts/petrarch_agents.py ../shared/benchmarks/petrarch2-dictionaries/Phoenix.agents.txt \
        > hornbill/data/actors/agents.yaml

Phoenix.agents.txt (MIT, Open Event Data Alliance) maps agent nouns to CAMEO agent codes ("POLICE [~COP]");
each phrase is written singular, lower case, words joined by spaces, with the first three letters of its
code as its sector. Entries are sorted, so a re-run shows only real changes in a diff. hornbill's own
corrections live in this script's OVERRIDES (they win), so re-deriving the table never loses them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SUBSTITUTIONS = {
    "!PERSON!": ("man", "men", "woman", "women", "person"),
    "!MINIST!": ("minister", "ministers", "ministry", "ministries"),
}
ENTRY = re.compile(r"^([A-Z0-9_.!'\-]+)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]")
MAX_WORDS = 3
#: Last words that make an entry a place, not people ("police post", "rebel base").
PLACE_WORDS = frozenset({"post", "station", "base", "district", "headquarters", "camp", "compound", "building",
                         "office", "outpost", "checkpoint", "barracks", "stronghold", "hideout", "prison", "jail"})
#: hornbill's corrections: nouns news uses for doers that the table lacks or codes for another age;
#: None drops a phrase (a spokesman speaks for the body named with him and is no group of his own).
OVERRIDES: dict[str, str | None] = {
    "official": "GOV", "government official": "GOV", "ministry": "GOV", "interior ministry": "GOV",
    "foreign ministry": "GOV", "defence ministry": "GOV", "defense ministry": "GOV", "presidency": "GOV",
    "force": "MIL", "armed force": "MIL", "troop": "MIL", "soldier": "MIL", "officer": "MIL",
    "army officer": "MIL", "guard": "MIL", "presidential guard": "MIL", "republican guard": "MIL",
    "national guard": "MIL", "gendarme": "COP", "gendarmerie": "COP", "riot police": "COP",
    "police officer": "COP", "policeman": "COP", "security service": "COP", "security personnel": "COP",
    "gunman": "UAF", "gunmen": "UAF", "attacker": "UAF", "assailant": "UAF", "militant": "UAF",
    "fighter": "UAF", "armed group": "UAF", "armed man": "UAF", "bandit": "CRM", "assassin": "UAF",
    "sniper": "UAF", "shooter": "UAF",
    "protestor": "OPP", "marcher": "OPP", "opposition": "OPP", "opposition supporter": "OPP",
    "crowd": "CVL", "youth": "CVL", "hacker": "CRM", "spokesman": None, "spokeswoman": None,
    "spokesperson": None, "man": None, "men": None, "woman": None, "women": None, "person": None,
    "people": None, "cabinetmaker": None, "husbandman": None, "actor": None, "settlement": None,
    "website": None, "web site": None,
}


def phrases(raw: str) -> list[str]:
    """The phrases one dictionary entry stands for, its substitution sets expanded."""
    forms = [raw]
    for token, words in SUBSTITUTIONS.items():
        if token in raw:
            forms = [form.replace(token, word) for form in forms for word in words]
    return [" ".join(part for part in form.lower().split("_") if part) for form in forms]


def agents(lines: list[str]) -> dict[str, str]:
    """Phrase -> sector for every entry of at most MAX_WORDS words, then the overrides."""
    found: dict[str, str] = {}
    for line in lines:
        match = ENTRY.match(line.strip())
        if not match:
            continue
        for phrase in phrases(match.group(1)):
            words = phrase.split()
            if 0 < len(words) <= MAX_WORDS and "." not in phrase and "'" not in phrase and words[-1] not in PLACE_WORDS:
                found.setdefault(phrase, match.group(3)[:3])
    for phrase, sector in OVERRIDES.items():
        if sector is None:
            found.pop(phrase, None)
        else:
            found[phrase] = sector
    return found


HEADER = """\
# Generic agents: the nouns news names doers by when it names no one ("police", "soldiers",
# "protesters", "the interior ministry"), each with its sector (CAMEO agent codes, as PLOVER and
# POLECAT use them). A doer phrase headed by one of these (with the words before it: "riot police")
# becomes a generic actor named by its own words, with this sector and the country its phrase or
# the article gives (hornbill/actors/generic.py).
#
# Derived by scripts/petrarch_agents.py from PETRARCH2's Phoenix.agents.txt (MIT License,
# Copyright (c) 2014 Open Event Data Alliance; the Computational Event Data System project's
# dictionary), with hornbill's corrections in that script. Re-derive rather than edit by hand.
#
# sectors: CODE -> {type: the hornbill actor type, state: true when the state stands for it once
#          the country is known (governments, ministries, parliaments: "the ministry" in a story about
#          Kenya is Kenya), forces: true for the state's armed forces (the country's national forces)}
# agents:  phrase (singular, lower case) -> CODE
# units:   words that make a forces phrase one unit of them, an actor of its own rather than the
#          country's national forces ("special forces", "the presidential guard", "paratroopers")
# members: nouns for one who belongs to a group, whose phrase is that group's kind ("gang members",
#          "militia members")
units: [special, presidential, republican, elite, commando, paratrooper, marine, guard, unit, battalion, brigade,
        regiment, division]
members: [member]
sectors:
  GOV: {type: GOV, state: true}
  LEG: {type: GOV, state: true}
  MIL: {type: MIL, forces: true}
  COP: {type: GOV}
  JUD: {type: GOV}
  SPY: {type: GOV}
  REB: {type: REB}
  UAF: {type: REB}
  CRM: {type: ORG}
  OPP: {type: ORG}
agents:
"""


def main() -> None:
    table = agents(Path(sys.argv[1]).read_text(encoding="latin-1").splitlines())
    lines = [f"  {phrase}: {sector}" if ":" not in phrase else f'  "{phrase}": {sector}' for phrase, sector in
             sorted(table.items())]
    sys.stdout.write(HEADER + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
