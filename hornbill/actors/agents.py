"""The generic agents of ``data/actors/agents.yaml``: the nouns news names doers by when it names
no one ("police", "soldiers", "protesters", "the interior ministry"), each with its sector. No spaCy
here: the table is data, read once and checked against its schema."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hornbill.schemas import DATA_DIR, read_mapping

AGENTS_FILE = DATA_DIR / "actors" / "agents.yaml"


@dataclass(frozen=True)
class Sector:
    """What a sector's generic doers are: their actor type; whether their state stands for them
    once the country is known (governments, ministries); whether they are the state's armed forces."""

    code: str
    type: str = "ORG"
    state: bool = False
    forces: bool = False


@dataclass(frozen=True)
class AgentBook:
    """Agent phrases (singular, lower case) and the sector each belongs to."""

    agents: Mapping[str, str]
    sectors: Mapping[str, Sector]
    longest: int
    units: frozenset[str] = frozenset()  # words that make a forces phrase one unit of them
    members: frozenset[str] = frozenset()  # "member": "gang members" are of the gang's kind

    def names_a_unit(self, lemmas: Sequence[str]) -> bool:
        """Whether a forces phrase names one unit ("special forces", "presidential guard")."""
        return any(lemma in self.units for lemma in lemmas)

    def sector_of(self, lemmas: Sequence[str]) -> tuple[Sector, int] | None:
        """The sector of the longest agent phrase that ends ``lemmas`` ("riot", "police" -> COP), and
        how many of the words it takes; None when the last word heads no agent phrase. Members of a
        kind of group are of its kind: "gang", "member" -> CRM, taking both words."""
        if len(lemmas) > 1 and lemmas[-1] in self.members and lemmas[-1] not in self.agents:
            inner = self.sector_of(lemmas[:-1])
            return (inner[0], inner[1] + 1) if inner is not None else None
        for size in range(min(self.longest, len(lemmas)), 0, -1):
            code = self.agents.get(" ".join(lemmas[-size:]))
            if code is not None:
                return self.sector(code), size
        return None

    def sector(self, code: str) -> Sector:
        """The sector of a code; codes the file gives no facts for are organisations."""
        return self.sectors.get(code) or Sector(code)


@lru_cache(maxsize=2)
def load_agents(path: Path = AGENTS_FILE) -> AgentBook:
    """The agent table of ``path``, checked against its schema and read once per path."""
    data = read_mapping(path)
    sectors = {str(code): Sector(str(code), str(facts.get("type", "ORG")), bool(facts.get("state")),
                                 bool(facts.get("forces")))
               for code, facts in (data.get("sectors") or {}).items()}
    agents = {str(phrase): str(code) for phrase, code in data["agents"].items()}
    units = frozenset(str(word) for word in data.get("units") or ())
    members = frozenset(str(word) for word in data.get("members") or ())
    return AgentBook(agents, sectors, max(len(phrase.split()) for phrase in agents), units, members)
