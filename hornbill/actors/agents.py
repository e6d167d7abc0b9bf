"""The generic agents of ``data/actors/agents.yaml``: the nouns news names doers by when it names
no one ("police", "soldiers", "protesters", "the interior ministry"), each with its sector. No spaCy
here: the table is data, read once and checked against its schema."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from hornbill.actors.dictionary import ACTOR_TYPES, DATA_DIR
from hornbill.errors import ConfigError

AGENTS_FILE = DATA_DIR / "actors" / "agents.yaml"
SECTOR_FIELDS = frozenset({"type", "state", "forces"})
SECTOR_CODE_LENGTH = 3


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

    def sector_of(self, lemmas: Sequence[str]) -> tuple[Sector, int] | None:
        """The sector of the longest agent phrase that ends ``lemmas`` ("riot", "police" -> COP), and
        how many of the words it takes; None when the last word heads no agent phrase."""
        for size in range(min(self.longest, len(lemmas)), 0, -1):
            code = self.agents.get(" ".join(lemmas[-size:]))
            if code is not None:
                return self.sector(code), size
        return None

    def sector(self, code: str) -> Sector:
        """The sector of a code; codes the file gives no facts for are organisations."""
        return self.sectors.get(code) or Sector(code)


def _problems(path: Path, data: Any) -> list[str]:
    """What is wrong with the agents file (empty when it is well formed)."""
    if not isinstance(data, dict) or not isinstance(data.get("agents"), dict):
        return [f"{path}: expected a mapping with an `agents:` table"]
    problems = [f"{path}: agent {phrase!r}: sector {code!r} is not a three-letter code"
                for phrase, code in data["agents"].items()
                if not (isinstance(phrase, str) and isinstance(code, str) and code.isupper()
                        and len(code) == SECTOR_CODE_LENGTH)]
    for code, facts in (data.get("sectors") or {}).items():
        if not isinstance(facts, dict) or set(facts) - SECTOR_FIELDS:
            problems.append(f"{path}: sector {code}: fields must be among {sorted(SECTOR_FIELDS)}")
        elif facts.get("type", "ORG") not in ACTOR_TYPES:
            problems.append(f"{path}: sector {code}: type {facts.get('type')!r} not in {sorted(ACTOR_TYPES)}")
    return problems


@lru_cache(maxsize=2)
def load_agents(path: Path = AGENTS_FILE) -> AgentBook:
    """The agent table of ``path``, checked and read once per path."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = _problems(path, data)
    if problems:
        raise ConfigError("; ".join(problems[:5]))
    sectors = {str(code): Sector(str(code), str(facts.get("type", "ORG")), bool(facts.get("state")),
                                 bool(facts.get("forces")))
               for code, facts in (data.get("sectors") or {}).items()}
    agents = {str(phrase): str(code) for phrase, code in data["agents"].items()}
    return AgentBook(agents, sectors, max(len(phrase.split()) for phrase in agents))
