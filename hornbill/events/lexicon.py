"""The PLOVER pattern lexicon: ``data/plover.yaml`` read, checked and compiled.

:func:`load_lexicon` turns the YAML into a :class:`Lexicon`: patterns indexed by (lemma, POS),
the governor and marker word lists, and the per-type tables (which types need a recipient, which
block or announce what they govern, where a type's place is read from, ...). A malformed pattern
or type table raises :class:`~hornbill.errors.ConfigError` naming the file and the entry.

It also compiles the backstop, ``data/cameo_verbs.yaml`` (CAMEO's verb dictionary, see
``scripts/cameo_verbs.py``), into weaker patterns flagged ``backstop``, kept apart in
:attr:`Lexicon.backstop`: only for verbs that ``plover.yaml`` neither indexes nor uses as a governor,
so the hand-written patterns decide every word they know.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from hornbill.errors import ConfigError
from hornbill.model import EVENT_TYPES, Status
from hornbill.schemas import CAMEO_VERBS, check

LEXICON_PATH = Path(__file__).parents[1] / "data" / "plover.yaml"
BACKSTOP_PATH = LEXICON_PATH.with_name("cameo_verbs.yaml")

Needs = Mapping[str, frozenset[str] | None]  # slot -> allowed lemmas (None: any)


@dataclass(frozen=True)
class Pattern:
    """One compiled lexicon entry (see the schema at the top of ``plover.yaml``)."""

    event_type: str
    lemmas: frozenset[str]
    pos: str
    mode: str | None
    needs: Needs
    forbid: Needs
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    modes: Mapping[str, Mapping[str, str]]
    strength: float
    status: Status | None
    standalone: bool
    fallback: bool = False
    negated: bool = False  # the trigger must be negated, and that negation is the event ("will not hesitate")
    passive: bool = False  # the trigger must be in the passive ("was appalled by the killings")
    backstop: bool = False  # from the CAMEO backstop (cameo_verbs.yaml), tried only where no pattern is indexed

    @property
    def specificity(self) -> tuple[int, float]:
        return (len(self.needs), self.strength)


@dataclass(frozen=True)
class Lexicon:
    """The compiled lexicon: patterns indexed by (lemma, POS), the governor/marker word lists and the
    per-type tables."""

    patterns: Mapping[tuple[str, str], tuple[Pattern, ...]]
    summaries: Mapping[str, str]
    announce: frozenset[str]
    block: frozenset[str]
    speech: frozenset[str]
    accusing_speech: frozenset[str]
    support: frozenset[str]
    object_control: frozenset[str]
    markers: Mapping[str, frozenset[str]]
    requires_recipient: frozenset[str]
    mutual: frozenset[str]
    refusable: frozenset[str]
    joint: Mapping[str, str] = field(default_factory=dict)  # type -> the type it is when several doers do it together
    gradual: frozenset[str] = frozenset()
    attempt: frozenset[str] = frozenset()
    attempted: frozenset[str] = frozenset()
    intentions: Mapping[str, str] = field(default_factory=dict)
    threat_modes: Mapping[str, str] = field(default_factory=dict)
    adhoc_doers: Mapping[str, str] = field(default_factory=dict)  # group or role noun -> actor type
    adhoc_relational: frozenset[str] = frozenset()
    adhoc_need_modifier: frozenset[str] = frozenset()
    aims: Mapping[str, frozenset[str]] = field(default_factory=dict)  # type -> types that are its aim
    inherit_doer: frozenset[str] = frozenset()  # types whose missing doer earlier sentences give
    self_reported: Mapping[str, frozenset[str]] = field(default_factory=dict)  # sector -> types it reports as its own
    implied_doers: Mapping[str, str] = field(default_factory=dict)  # type -> the kind of people who do it
    subsumed_by: Mapping[str, str] = field(default_factory=dict)  # type -> the type whose act in one sentence covers it
    blocking_types: frozenset[str] = frozenset()  # governing types whose complement is no fact
    announcing_types: frozenset[str] = frozenset()  # governing types whose complement is announced
    partnering_types: frozenset[str] = frozenset()  # types that make the doer a partner of the recipient
    protested_types: frozenset[str] = frozenset()  # types whose nominal argument is their cause, not a report
    judging_types: frozenset[str] = frozenset()  # types aimed at the doer of the act they judge, which they
    # refer to rather than report when it is named without its doer
    place_slots: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # type or type/mode -> place slots
    generic_recipients: frozenset[str] = frozenset()  # types whose recipient may be people known by kind
    party_recipients: frozenset[str] = frozenset()  # types whose recipient may be an armed group known by kind
    party_sectors: frozenset[str] = frozenset()  # the sectors of such groups (REB, UAF)
    helping_types: frozenset[str] = frozenset()  # forces sent with no destination, military aid to the story's
    hosted_types: frozenset[str] = frozenset()  # types whose place abroad names their host as recipient
    aimed_as_demanded: frozenset[str] = frozenset()  # types aimed at the target of the demand they are made for
    state_body_sectors: frozenset[str] = frozenset()  # sectors of state bodies, any act's recipient with a country
    story_recipients: frozenset[str] = frozenset()  # types aimed at the story's country when they name no one
    story_beneficiaries: frozenset[str] = frozenset()  # of those, types whose phrase naming no one still means it
    occasions: frozenset[str] = frozenset()  # types a "setting_preps" phrase names as the occasion of a clause
    story_pledges: frozenset[str] = frozenset()  # pledges that, made to no one named, are made to the story's country
    unknown_doers: frozenset[str] = frozenset()  # types kept with an unknown doer when told in the passive
    offered_types: frozenset[str] = frozenset()  # types whose offer or pledge is an AGREE, not a threat
    story_target_types: frozenset[str] = frozenset()  # types aimed at the story's act of force when naming no one
    reaction_types: frozenset[str] = frozenset()  # types whose recipient may be an act: its doer is meant
    reacted_act_types: frozenset[str] = frozenset()  # the types of act a reaction may be aimed at
    promised_types: frozenset[str] = frozenset()  # types coded as the codebook codes them when promised
    fighting_types: frozenset[str] = frozenset()  # types whose doer and target are parties to a conflict
    settling_types: frozenset[str] = frozenset()  # types a party naming no other side does with its adversary
    conditional_types: frozenset[str] = frozenset()  # types whose own "if" clause is part of the act
    holding_types: frozenset[str] = frozenset()  # types whose doer holds their target (asked to free it)
    backstop: Mapping[tuple[str, str], tuple[Pattern, ...]] = field(default_factory=dict)  # CAMEO verbs by (lemma, POS)

    def marker(self, name: str) -> frozenset[str]:
        return self.markers.get(name, frozenset())

    def place_slots_of(self, event_type: str, mode: str | None) -> tuple[str, ...]:
        """The slots an event's place is read from: its mode's own ("CONSULT/visit"), else its type's."""
        return self.place_slots.get(f"{event_type}/{mode}") or self.place_slots.get(event_type, ())

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every word a pattern is indexed under: a token whose lemma and form are none of
        them (nor "co" + lemma, see :func:`~hornbill.events.syntax.lemma_of`) cannot trigger anything."""
        return frozenset(word for word, _ in [*self.patterns, *self.backstop])


class _WordLoader(yaml.SafeLoader):
    """YAML without implicit booleans: "on", "off", "no" are prepositions and determiners here."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _word_set(value: Any, groups: Mapping[str, list[str]]) -> frozenset[str] | None:
    """A lemma list from YAML: ``any`` -> None, ``"@group"`` -> that group, else the list (whose
    ``"@group"`` items stand for the group's words)."""
    if value == "any":
        return None
    words = [value] if isinstance(value, str) else value
    expanded = [w for v in words for w in (groups[v[1:]] if str(v).startswith("@") else [v])]
    return frozenset(form for v in expanded for form in word_forms(str(v)))


def word_forms(word: str) -> tuple[str, ...]:
    """A lexicon word as the text may give it: lower-cased, and a hyphenated word also without its
    hyphen, as :func:`~hornbill.events.syntax.hyphen_joined` reads the tokens it is split into
    ("sit-in": "sit-in", "sitin")."""
    lower = word.lower()
    parts = lower.split("-")
    if len(parts) == 2 and all(part.isalpha() for part in parts):
        return lower, "".join(parts)
    return (lower,)


PATTERN_KEYS = frozenset(
    {
        "type",
        "lemma",
        "pos",
        "mode",
        "needs",
        "forbid",
        "actor",
        "recipient",
        "modes",
        "strength",
        "status",
        "standalone",
        "fallback",
        "negated",
        "passive",
    }
)


def validate_entry(entry: Mapping[str, Any]) -> list[str]:
    """Problems with one lexicon pattern (empty when it is well formed)."""
    problems = [f"unknown key {key!r}" for key in entry if key not in PATTERN_KEYS]
    if entry.get("type") not in EVENT_TYPES:
        problems.append(f"type {entry.get('type')!r} is not a PLOVER type")
    if not entry.get("lemma"):
        problems.append("no lemma")
    if entry.get("pos", "VERB") not in ("VERB", "NOUN"):
        problems.append(f"pos {entry.get('pos')!r} is neither VERB nor NOUN")
    if entry.get("status") not in (None, "announced", "occurred"):
        problems.append(f"status {entry.get('status')!r} is neither 'announced' nor 'occurred'")
    if not 0.0 < float(entry.get("strength", 0.7)) <= 1.0:
        problems.append("strength outside (0, 1]")
    return problems


def _compile_pattern(entry: Mapping[str, Any], groups: Mapping[str, list[str]]) -> Pattern:
    """The :class:`Pattern` of one well-formed lexicon entry (see :func:`validate_entry`)."""
    pos = str(entry.get("pos", "VERB"))
    default_actor = ["subject"]
    lemmas = entry["lemma"] if isinstance(entry["lemma"], list) else [entry["lemma"]]
    return Pattern(
        event_type=str(entry["type"]),
        lemmas=frozenset(form for lemma in lemmas for form in word_forms(str(lemma))),
        pos=pos,
        mode=entry.get("mode"),
        needs={str(k): _word_set(v, groups) for k, v in (entry.get("needs") or {}).items()},
        forbid={str(k): _word_set(v, groups) for k, v in (entry.get("forbid") or {}).items()},
        actor=tuple(entry.get("actor", default_actor)),
        recipient=tuple(entry.get("recipient", ())),
        modes={str(k): {str(a).lower(): str(b) for a, b in v.items()} for k, v in (entry.get("modes") or {}).items()},
        strength=float(entry.get("strength", 0.7)),
        status=entry.get("status"),
        standalone=str(entry.get("standalone", "false")).lower() == "true",
        fallback=str(entry.get("fallback", "false")).lower() == "true",
        negated=str(entry.get("negated", "false")).lower() == "true",
        passive=str(entry.get("passive", "false")).lower() == "true",
    )


def _pattern_index(data: Mapping[str, Any], path: Path) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """Every pattern under each (lemma, POS) it is triggered by, the most specific first."""
    groups: dict[str, list[str]] = data.get("groups", {})
    index: dict[tuple[str, str], list[Pattern]] = {}
    for entry in data["patterns"]:
        problems = validate_entry(entry)
        if problems:
            raise ConfigError(f"{path}: bad PLOVER pattern {dict(entry)}: {'; '.join(problems)}")
        pattern = _compile_pattern(entry, groups)
        for lemma in pattern.lemmas:
            index.setdefault((lemma, pattern.pos), []).append(pattern)
    return {key: tuple(sorted(pats, key=lambda p: p.specificity, reverse=True)) for key, pats in index.items()}


def _type_list(data: Mapping[str, Any], name: str, path: Path) -> frozenset[str]:
    """A section that lists event types (``blocking_types``, ...), each checked to be a PLOVER type."""
    types = frozenset(str(t) for t in data.get(name) or [])
    unknown = sorted(types - set(EVENT_TYPES))
    if unknown:
        raise ConfigError(f"{path}: {name}: {unknown[0]!r} is not a PLOVER type")
    return types


def _place_slots(data: Mapping[str, Any], path: Path) -> dict[str, tuple[str, ...]]:
    """The ``place_slots`` section: per type (or type/mode), the slots its place is read from, in order."""
    places: dict[str, tuple[str, ...]] = {}
    for event_type, slots in (data.get("place_slots") or {}).items():
        if str(event_type).split("/")[0] not in EVENT_TYPES:
            raise ConfigError(f"{path}: place_slots: {event_type!r} is not a PLOVER type (or type/mode)")
        if not isinstance(slots, list) or not all(isinstance(s, str) and s for s in slots):
            raise ConfigError(f"{path}: place_slots: {event_type} must list slot names")
        places[str(event_type)] = tuple(slots)
    return places


def _governor_words(data: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """The ``governors`` word lists by name."""
    return {str(name): frozenset(str(w).lower() for w in words) for name, words in data["governors"].items()}


def _backstop_pattern(entry: Mapping[str, Any], strength: float, non_events: frozenset[str]) -> Pattern:
    """The weak pattern of one CAMEO entry: a verb (with its particle, or the preposition whose phrase it
    needs), or a verb with its object; a bare verb does not fire with the objects CAMEO codes as no event."""
    needs: dict[str, frozenset[str] | None] = {}
    if "particle" in entry:
        needs["particle"] = frozenset({str(entry["particle"])})
    if "preposition" in entry:
        needs[str(entry["preposition"])] = None
    if "object" in entry:
        needs["object"] = frozenset({str(entry["object"])})
    bare = "object" not in entry and non_events
    return Pattern(
        event_type=str(entry["type"]),
        lemmas=frozenset({str(entry["lemma"])}),
        pos="VERB",
        mode=entry.get("mode"),
        needs=needs,
        forbid={"object": non_events} if bare else {},
        actor=("subject",),
        recipient=tuple(str(slot) for slot in entry.get("recipient", ())),
        modes={},
        strength=strength,
        status=None,
        standalone=False,
        backstop=True,
    )


def _backstop_index(path: Path, known: frozenset[str]) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """The CAMEO backstop's patterns by (lemma, POS), the most specific first, leaving out every verb in
    ``known`` (the words plover.yaml indexes or governs with)."""
    data = check(yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader) or {}, CAMEO_VERBS, path)
    refused: dict[str, set[str]] = {}
    for entry in data["non_events"]:
        refused.setdefault(str(entry["lemma"]), set()).add(str(entry["object"]))
    index: dict[tuple[str, str], list[Pattern]] = {}
    for entry in [*data["verbs"], *data["objects"]]:
        lemma = str(entry["lemma"])
        if lemma not in known:
            pattern = _backstop_pattern(entry, float(data["strength"]), frozenset(refused.get(lemma, ())))
            index.setdefault((lemma, "VERB"), []).append(pattern)
    return {key: tuple(sorted(pats, key=lambda p: p.specificity, reverse=True)) for key, pats in index.items()}


def _known_words(patterns: Mapping[tuple[str, str], Any], governors: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The words plover.yaml decides: every lemma a pattern is indexed under, and every governor."""
    return frozenset(word for word, _ in patterns).union(*governors.values())


def load_lexicon(path: Path = LEXICON_PATH, backstop: Path | None = BACKSTOP_PATH) -> Lexicon:
    """Read and compile the YAML lexicon and the CAMEO backstop (None: without one); cached: :func:`default_lexicon`."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader)
    patterns = _pattern_index(data, path)
    governors = _governor_words(data)
    adhoc: dict[str, Any] = data.get("adhoc_doers") or {}
    return Lexicon(
        patterns=patterns,
        summaries=dict(data.get("summaries", {})),
        announce=governors.get("announce", frozenset()),
        block=governors.get("block", frozenset()),
        speech=governors.get("speech", frozenset()),
        accusing_speech=governors.get("accusing_speech", frozenset()),
        support=governors.get("support", frozenset()),
        object_control=governors.get("object_control", frozenset()),
        markers={k: _word_set(v, data.get("groups", {})) or frozenset() for k, v in data.get("markers", {}).items()},
        requires_recipient=frozenset(data.get("requires_recipient", [])),
        mutual=frozenset(data.get("mutual", [])),
        joint={str(k): str(v) for k, v in (data.get("joint_types") or {}).items()},
        refusable=frozenset(data.get("refusable", [])),
        gradual=frozenset(data.get("gradual", [])),
        attempt=governors.get("attempt", frozenset()),
        attempted=frozenset(data.get("attempted", [])),
        intentions={str(k): str(v) for k, v in (data.get("intentions") or {}).items()},
        threat_modes={str(k): str(v) for k, v in (data.get("threat_modes") or {}).items()},
        adhoc_doers={str(noun).lower(): str(kind) for kind, nouns in adhoc.get("types", {}).items() for noun in nouns},
        adhoc_relational=frozenset(str(w).lower() for w in adhoc.get("relational", [])),
        adhoc_need_modifier=frozenset(str(w) for w in adhoc.get("need_modifier", [])),
        aims={str(k): frozenset(str(t) for t in v) for k, v in (data.get("aims") or {}).items()},
        inherit_doer=frozenset(data.get("inherit_doer", [])),
        party_sectors=frozenset(str(x) for x in data.get("party_sectors", [])),
        state_body_sectors=frozenset(str(x) for x in data.get("state_body_sectors", [])),
        implied_doers={str(k): str(v) for k, v in (data.get("implied_doers") or {}).items()},
        subsumed_by={str(k): str(v) for k, v in (data.get("subsumed_by") or {}).items()},
        self_reported={str(sector): frozenset(EVENT_TYPES) if types == "any" else frozenset(str(t) for t in types)
                       for sector, types in (data.get("self_reported") or {}).items()},
        place_slots=_place_slots(data, path),
        **_type_tables(data, path),
        backstop=_backstop_index(backstop, _known_words(patterns, governors)) if backstop is not None else {},
    )


#: Lexicon fields that are lists of PLOVER types, and the plover.yaml section each is read from.
TYPE_TABLES = {
    "blocking_types": "blocking_types", "announcing_types": "announcing_types",
    "partnering_types": "partnering_types", "protested_types": "protested_types", "judging_types": "judging_types",
    "generic_recipients": "generic_recipient_types", "party_recipients": "party_recipient_types",
    "reaction_types": "reaction_types",
    "reacted_act_types": "reacted_act_types", "promised_types": "promised_types", "fighting_types": "fighting_types",
    "settling_types": "settling_types", "helping_types": "helping_types", "hosted_types": "hosted_types",
    "aimed_as_demanded": "aimed_as_demanded_types",
    "conditional_types": "conditional_types", "holding_types": "holding_types",
    "story_recipients": "story_recipient_types", "story_beneficiaries": "story_beneficiary_types",
    "occasions": "occasion_types", "story_pledges": "story_pledge_types",
    "unknown_doers": "unknown_doer_types", "offered_types": "offered_types", "story_target_types": "story_target_types",
}


def _type_tables(data: Mapping[str, Any], path: Path) -> dict[str, frozenset[str]]:
    """Every per-type list of the lexicon (see TYPE_TABLES), each checked to hold PLOVER types."""
    return {field_name: _type_list(data, section, path) for field_name, section in TYPE_TABLES.items()}


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, compiled once per process."""
    return load_lexicon()
