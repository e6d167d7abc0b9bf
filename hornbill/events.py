"""PLOVER events from the dependency parse.

The pattern lexicon (``data/plover.yaml``) names trigger lemmas per event type and mode, with
conditions on the trigger's syntactic arguments ("end" + object "mission" is a RETREAT, "end" +
object "ties" a SANCTION). :class:`PatternExtractor` compiles it once and, per sentence:

1. matches triggers (verbs and nominalisations) and their argument conditions;
2. reads the doer and the one acted upon from syntax (subject or passive agent, inherited through
   xcomp/conj/relative clauses; possessive, "by"/"of" phrase or light verb for nouns), one event per
   coordinated actor;
3. walks up from the trigger to its governors to decide the status (future, promise, deadline:
   ``announced``), to drop negated, hypothetical or merely demanded events, and to find who
   reports it (``claimed_by``);
4. resolves the role phrases to actors with the actor stage (a doer the dictionary does not know
   but whose phrase names people, "Islamic fundamentalists", "rebels in Chad", becomes an ad-hoc
   actor keyed by its name: :func:`adhoc_actor`) and dates the event with the time stage.

Across the sentences of one text (:meth:`PatternExtractor.extract`) a withdrawal told without its
doer ("Troops will leave by December", "the pullout") takes it from the latest withdrawal just
before, a decision noun ("the assembly's vote was close") repeats the decided event, and a
judgement on "the partnership with X" is aimed at whoever the text said partners with X.

Other extractors (a transformer or LLM backend) plug in through the :class:`EventExtractor`
protocol: sentences in, :class:`~hornbill.model.EventMention` list out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

import yaml
from spacy.language import Language
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from hornbill import actors, timex
from hornbill.model import ADHOC_GROUP, EVENT_TYPES, QUAD_CLASS, Actor, DatePoint, EventMention, Location, Status
from hornbill.nlp import evidence_for
from hornbill.timex import doc_text, sentence_starts, string_ids, token_ids

LEXICON_PATH = Path(__file__).parent / "data" / "plover.yaml"

Needs = Mapping[str, frozenset[str] | None]  # slot -> allowed lemmas (None: any)
Context = Literal["occurred", "announced", "drop", "refused"]

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Dependencies along which a trigger is governed by a word that may change its meaning.
GOVERNED_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "acomp",
        "dobj",
        "pobj",
        "prep",
        "nsubjpass",
        "acl",
        "pcomp",
        "attr",
        "oprd",
        "compound",
        "advcl",
        "conj",
        "auxpass",
        "appos",
        "nsubj",
        "agent",
        "dative",
    }
)
#: Coordinated words: their auxiliaries carry over to the trigger, their meaning does not.
SIBLING_DEPS = frozenset({"conj", "appos", "nsubj", "auxpass"})
#: Governing triggers whose complement is demanded, refused, threatened or alleged, not a fact.
BLOCKING_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN"})
#: "seized power in a coup", "responded with strikes": the clause's subject does the nominal event.
MANNER_PREPS = frozenset({"with", "in", "through", "via"})
ORDINAL_WORDS = frozenset({"first", "last", "latest", "second", "third", "only"})
TIME_LABELS = frozenset({"DATE", "TIME"})
#: Where a type's place can be read from when no "in X" says it: "bombed Gaza", "withdrew from Kherson".
PLACE_SLOTS: Mapping[str, tuple[str, ...]] = {
    "ASSAULT": ("object", "on", "at"),
    "RETREAT": ("from", "out of", "object"),
    "MOBILIZE": ("to", "into"),
}
ACTOR_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
#: An unknown name's actor type and key prefix when it is kept as an ad-hoc doer (see ``adhoc_actor``).
ADHOC_ENTITIES: Mapping[str, tuple[str, str]] = {
    "PERSON": ("PERSON", "person"),
    "ORG": ("ORG", "org"),
    "NORP": ("ORG", ADHOC_GROUP),
    "GPE": ("ORG", ADHOC_GROUP),
}
#: Words an ad-hoc actor's name leaves out: "the rebels", "two gunmen", "their supporters".
UNNAMING_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "poss", "case", "punct"})
LOCATION_PREPS = frozenset({"in", "at", "inside", "across", "near", "outside", "throughout", "within"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


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

    @property
    def specificity(self) -> tuple[int, float]:
        return (len(self.needs), self.strength)


@dataclass(frozen=True)
class Lexicon:
    """The compiled lexicon: patterns indexed by (lemma, POS), and the governor/marker word lists."""

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

    def marker(self, name: str) -> frozenset[str]:
        return self.markers.get(name, frozenset())

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every word a pattern is indexed under: a token whose lemma and form are none of
        them (nor "co" + lemma, see :func:`lemma_of`) cannot trigger anything."""
        return frozenset(word for word, _ in self.patterns)


class _WordLoader(yaml.SafeLoader):
    """YAML without implicit booleans: "on", "off", "no" are prepositions and determiners here."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _word_set(value: Any, groups: Mapping[str, list[str]]) -> frozenset[str] | None:
    """A lemma list from YAML: ``any`` -> None, ``"@group"`` -> that group, else the list."""
    if value == "any":
        return None
    if isinstance(value, str):
        value = groups[value[1:]] if value.startswith("@") else [value]
    return frozenset(str(v).lower() for v in value)


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
    if entry.get("status") not in (None, "announced"):
        problems.append(f"status {entry.get('status')!r} is not 'announced'")
    if not 0.0 < float(entry.get("strength", 0.7)) <= 1.0:
        problems.append("strength outside (0, 1]")
    return problems


def _compile_pattern(entry: Mapping[str, Any], groups: Mapping[str, list[str]]) -> Pattern:
    problems = validate_entry(entry)
    if problems:
        raise ValueError(f"bad PLOVER pattern {dict(entry)}: {'; '.join(problems)}")
    pos = str(entry.get("pos", "VERB"))
    default_actor = ["subject"]
    lemmas = entry["lemma"] if isinstance(entry["lemma"], list) else [entry["lemma"]]
    return Pattern(
        event_type=str(entry["type"]),
        lemmas=frozenset(str(lemma).lower() for lemma in lemmas),
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
    )


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read and compile the YAML lexicon (use :func:`default_lexicon` for the cached default)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader)
    groups: dict[str, list[str]] = data.get("groups", {})
    index: dict[tuple[str, str], list[Pattern]] = {}
    for entry in data["patterns"]:
        pattern = _compile_pattern(entry, groups)
        for lemma in pattern.lemmas:
            index.setdefault((lemma, pattern.pos), []).append(pattern)
    governors = data["governors"]
    adhoc: dict[str, Any] = data.get("adhoc_doers") or {}

    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in governors.get(name, []))

    return Lexicon(
        patterns={key: tuple(sorted(pats, key=lambda p: p.specificity, reverse=True)) for key, pats in index.items()},
        summaries=dict(data.get("summaries", {})),
        announce=words("announce"),
        block=words("block"),
        speech=words("speech"),
        accusing_speech=words("accusing_speech"),
        support=words("support"),
        object_control=words("object_control"),
        markers={k: frozenset(str(w).lower() for w in v) for k, v in data.get("markers", {}).items()},
        requires_recipient=frozenset(data.get("requires_recipient", [])),
        mutual=frozenset(data.get("mutual", [])),
        refusable=frozenset(data.get("refusable", [])),
        gradual=frozenset(data.get("gradual", [])),
        attempt=words("attempt"),
        attempted=frozenset(data.get("attempted", [])),
        intentions={str(k): str(v) for k, v in (data.get("intentions") or {}).items()},
        threat_modes={str(k): str(v) for k, v in (data.get("threat_modes") or {}).items()},
        adhoc_doers={str(noun).lower(): str(kind) for kind, nouns in adhoc.get("types", {}).items() for noun in nouns},
        adhoc_relational=frozenset(str(w).lower() for w in adhoc.get("relational", [])),
        adhoc_need_modifier=frozenset(str(w) for w in adhoc.get("need_modifier", [])),
        aims={str(k): frozenset(str(t) for t in v) for k, v in (data.get("aims") or {}).items()},
        inherit_doer=frozenset(data.get("inherit_doer", [])),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, compiled once per process."""
    return load_lexicon()


# --------------------------------------------------------------------------- token helpers


def lemma_of(token: Token) -> str:
    """The lower-cased lemma, rejoining a hyphen-split "co-operation" as "cooperation"."""
    doc = token.doc
    lemma = token.lemma_.lower()
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "co":
        return "co" + lemma
    return lemma


def _is_passive(verb: Token) -> bool:
    """Passive voice, including reduced passives with an agent ("as demanded by the junta")."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)


def _conjuncts(token: Token) -> list[Token]:
    """The token and the words coordinated with it ("France and Germany")."""
    nominal = {"NOUN", "PROPN", "PRON"}
    same = nominal if token.pos_ in nominal else {token.pos_}
    return [token, *[c for c in token.conjuncts if c.i > token.i and c.pos_ in same]]


def _prep_objects(token: Token) -> Iterator[tuple[str, Token | None]]:
    """(preposition, its object) pairs under ``token``; "out of X" yields ("out of", X) and ("of", X)."""
    for prep in token.children:
        if prep.dep_ not in ("prep", "agent", "dative") or prep.pos_ not in ("ADP", "SCONJ", "ADV"):
            continue
        name = prep.lower_
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        yield name, pobj
        for inner in prep.children:
            if inner.dep_ == "prep":
                inner_obj = next((c for c in inner.children if c.dep_ in ("pobj", "pcomp")), None)
                if inner_obj is not None:
                    yield f"{name} {inner.lower_}", inner_obj
                    yield inner.lower_, inner_obj


def _prep_objects_of(token: Token) -> list[tuple[str, Token]]:
    return [(name, pobj) for name, pobj in _prep_objects(token) if pobj is not None]


def _is_infinitival(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _objects(token: Token) -> list[Token]:
    if token.pos_ in ("NOUN", "PROPN"):
        return []
    objs = [c for c in token.children if c.dep_ == "dobj"]
    if not objs and _is_passive(token):
        objs = [c for c in token.children if c.dep_ == "nsubjpass"]
        if not objs and token.dep_ == "xcomp" and token.head.lemma_ == "be":  # "X are to be stationed"
            objs = [c for c in token.head.children if c.dep_ == "nsubj"]
    return objs


def _noun_subjects(noun: Token) -> list[Token]:
    """The doer named inside a noun phrase: "Germany's withdrawal", "US sanctions", "French withdrawal",
    "a mutiny led by X"."""
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod", "amod") and child.ent_type_ in ACTOR_LABELS):
            found.append(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            found += [pobj for name, pobj in _prep_objects(child) if name == "by" and pobj is not None]
    return found


@dataclass
class Slots:
    """The syntactic arguments of a trigger, by slot name (see the lexicon schema)."""

    args: dict[str, list[Token]] = field(default_factory=dict)
    particles: set[str] = field(default_factory=set)

    def add(self, name: str, token: Token | None) -> None:
        if token is not None:
            self.args.setdefault(name, []).append(token)

    def get(self, name: str) -> list[Token]:
        return self.args.get(name, [])


def _light_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb that carries a nominal trigger ("launched an attack", "coup was led by")."""
    host = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
    if (
        host.dep_ in ("dobj", "nsubjpass")
        and host.head.pos_ in ("VERB", "AUX")
        and (lemma_of(host.head) in lexicon.support)
    ):
        return host.head
    return None


def slots_of(trigger: Token, lexicon: Lexicon) -> Slots:
    """Collect the trigger's arguments into named slots."""
    slots = Slots()
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    for obj in _objects(trigger):
        slots.add("object", obj)
        if obj.pos_ == "NUM" or lemma_of(obj) in lexicon.marker("measures"):
            for name, inner in _prep_objects_of(obj):  # "25,000 tons of food aid", "two of its nationals"
                if name == "of":
                    slots.add("object", inner)
    if not is_noun and not slots.get("object") and lemma_of(trigger) in lexicon.object_control:
        for comp in trigger.children:  # "helped the army regain the north"
            if comp.dep_ in ("ccomp", "xcomp"):
                for subj in comp.children:
                    if subj.dep_ == "nsubj":
                        slots.add("object", subj)
    for child in trigger.children:
        dep = child.dep_
        if dep in SUBJECT_DEPS and not is_noun:
            if child.lower_ not in lexicon.marker("relative_pronouns") and not _is_topic_label(child):
                slots.add("subject", child)  # "which" leaves the subject to the relative clause's head
        elif dep in ("dative", "iobj") and child.pos_ != "ADP":
            slots.add("dative", child)
        elif dep == "prt" or (dep == "advmod" and child.lower_ in ("out", "back", "down", "up", "off", "in", "away")):
            slots.particles.add(child.lower_)
        elif dep == "oprd" or (dep == "xcomp" and child.pos_ in ("NOUN", "ADJ")):
            slots.add("oprd", child)
        elif dep == "xcomp":
            slots.add("xcomp", child)
        elif dep == "ccomp":
            slots.add("ccomp", child)
        elif dep == "advcl" and _is_infinitival(child):
            slots.add("purpose", child)  # "gathered to cheer the troops"
        elif dep in ("compound", "amod", "nmod", "det") and is_noun:
            slots.add("modifier", child)
    if not is_noun:
        objs = slots.get("object")
        if len(objs) == 2 and objs[1].pos_ == "NOUN":
            slots.add("oprd", objs[1])  # "declared Goita the interim president"
    if is_noun:
        for subj in _noun_subjects(trigger):
            slots.add("subject", subj)
    objects = slots.get("object")
    participles = [c for obj in objects for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    hosts = [trigger, *objects, *participles]  # "its forces deployed in the training mission"
    verb = _light_verb(trigger, lexicon) if is_noun else None
    if verb is not None:
        hosts.append(verb)
    if is_noun and trigger.dep_ == "attr" and trigger.head.lemma_ == "be":
        hosts.append(trigger.head)  # "there will be no cooperation with Russia"
    nested: list[tuple[str, Token]] = []
    for host in hosts:
        for name, pobj in _prep_objects(host):
            if pobj is not None and pobj.ent_type_ in TIME_LABELS:
                continue  # "on Friday", "in July": times are never roles
            if pobj is None:
                slots.particles.add(name)
            elif name == "by" and not is_noun and _is_passive(trigger) and host is trigger:
                slots.add("subject", pobj)
            else:
                slots.add(name, pobj)
                nested.extend(_prep_objects_of(pobj))
    for name, pobj in nested:  # "an end to their mission in Mali": "in" hangs off the mission
        slots.add(name, pobj)
    if not is_noun and _is_reduced_as_clause(trigger):
        for obj in _objects(trigger.head):  # "ended the mission as demanded by X": X demanded it
            slots.add("host_object", obj)
    if is_noun and trigger.dep_ in ("dobj", "nsubjpass", "attr", "compound"):
        slots.add("head", trigger.head)
    elif is_noun and trigger.dep_ == "pobj":
        slots.add("head", trigger.head.head)  # "went on strike": the verb above the preposition
    return slots


def _is_reduced_as_clause(verb: Token) -> bool:
    """A clause opened by "as" whose verb has no object of its own: it says who wanted the act it
    hangs on ("as demanded by the junta", "as Sudan had requested")."""
    return (
        verb.dep_ == "advcl"
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    )


def _slot_lemmas(slots: Slots, name: str, trigger: Token) -> set[str]:
    if name == "particle":
        return set(slots.particles)
    if name == "trigger":
        return {lemma_of(trigger)}
    if name.endswith("_modifier"):
        heads = slots.get(name[: -len("_modifier")])
        return {lemma_of(c) for h in heads for c in h.children if c.dep_ in ("amod", "compound")}
    if name.endswith("_ent"):
        heads = slots.get(name[: -len("_ent")])
        named = [*heads, *(c for h in heads for c in h.children if c.dep_ in ("appos", "compound"))]
        return {t.ent_type_.lower() for t in named if t.ent_type_}
    words: set[str] = set()
    for token in slots.get(name):
        words.add(lemma_of(token))
        words.add(token.lower_)
        if token.pos_ == "PROPN":  # "the peacekeeping mission MONUSCO": a name with its kind before it
            words |= {lemma_of(c) for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    return words


def _satisfies(pattern: Pattern, slots: Slots, trigger: Token) -> bool:
    for name, allowed in pattern.needs.items():
        present = _slot_lemmas(slots, name, trigger)
        if not present or (allowed is not None and not present & allowed):
            return False
    for name, banned in pattern.forbid.items():
        present = _slot_lemmas(slots, name, trigger)
        if present and (banned is None or present & banned):
            return False
    return True


def _consumed_tokens(pattern: Pattern, slots: Slots) -> set[int]:
    """Tokens that a pattern's needs name: they cannot trigger an event of their own."""
    used: set[int] = set()
    if pattern.fallback:
        return used  # "agreed to X": X keeps its own event when it has one
    for name in pattern.needs:
        if name in ("subject", "head", "particle", "trigger", "host_object") or name.endswith("_ent"):
            continue
        for token in slots.get(name):
            used.add(token.i)
    return used


# --------------------------------------------------------------------------- roles


def _clause_subject(verb: Token, lexicon: Lexicon, depth: int = 0) -> list[Token]:
    """The doer of a verb: its subject, or the passive agent, or one inherited from the clause above."""
    if depth > 5:
        return []
    relative = lexicon.marker("relative_pronouns")
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and child.lower_ not in relative and not _is_topic_label(child):
            return _conjuncts(child)
    if _is_passive(verb):
        for name, pobj in _prep_objects(verb):
            if name == "by" and pobj is not None and pobj.ent_type_ not in TIME_LABELS:
                return _conjuncts(pobj)  # "will be finished by March" names a deadline, not a doer
    head = verb.head
    if head is verb:
        return []
    dep = verb.dep_
    if dep == "relcl" and not _is_infinitival(verb):
        return [head]
    if dep == "xcomp" and lemma_of(head) in lexicon.object_control:
        objs = [c for c in head.children if c.dep_ in ("dobj", "pobj")]
        objs += [p for name, p in _prep_objects(head) if name == "on" and p is not None]
        if objs:
            return _conjuncts(objs[0])
    if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        inside = [t for t in _noun_subjects(head) if t.pos_ != "PRON" or actor_of(t) is not None]
        if inside:
            return inside  # "Ethiopia's decision to withdraw"
        if head.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):  # "the latest country to pull out"
            return _clause_subject(head.head, lexicon, depth + 1)
        return []
    if dep in ("xcomp", "conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
        return _clause_subject(head, lexicon, depth + 1)
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":  # "X is willing to withdraw"
        return _clause_subject(head.head, lexicon, depth + 1)
    if dep == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
        return _clause_subject(head.head, lexicon, depth + 1)
    return []


def _noun_clause_actor(noun: Token, lexicon: Lexicon, any_verb: bool) -> list[Token]:
    """The doer of a nominal trigger from the clause it sits in."""
    host = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
    verb = _light_verb(noun, lexicon)
    if verb is not None:
        return _clause_subject(verb, lexicon)
    head = host.head
    if host.dep_ == "pobj" and head.head.lemma_ == "responsibility":  # "X claimed responsibility for"
        return _clause_subject(head.head.head, lexicon)
    if (
        host.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ in ("VERB", "AUX")
        and (any_verb or head.lower_ in MANNER_PREPS)
    ):
        return _clause_subject(head.head, lexicon)
    if any_verb and host.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return _clause_subject(head, lexicon)
    return []


def _participants(noun: Token, lexicon: Lexicon) -> list[Token]:
    """The subject of the clause that says who took part in a nominal event: "the soldiers were part
    of a mutiny", "they took part in the uprising", "the miners joined the strike" (empty when the
    clause says nothing of taking part)."""
    words = lexicon.marker("participation")
    node, path = noun, set()
    for _ in range(4):
        if node.dep_ not in ("pobj", "prep", "attr", "dobj") or node.head is node:
            return []
        node = node.head
        path.add(lemma_of(node))
        if node.pos_ in ("VERB", "AUX"):
            path |= {lemma_of(c) for c in node.children if c.dep_ == "dobj"}  # "took part in"
            return _grammatical_subject(node, lexicon) if path & words else []
    return []


def _grammatical_subject(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Who the clause is about, a passive subject included: "the mercenaries have been engaged in
    the war and were part of ..." is about the mercenaries."""
    while True:
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive or verb.dep_ != "conj" or verb.head is verb:
            return _conjuncts(passive[0]) if passive else _clause_subject(verb, lexicon)
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return _clause_subject(verb, lexicon)
        verb = verb.head


def _is_finite(verb: Token) -> bool:
    """A clause with a tensed verb ("that Sudan wanted"), not an infinitive or participle."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _frameworks(verb: Token) -> list[Token]:
    """The programmes an act is done within: "as part of N", "under N"."""
    found: list[Token] = []
    for name, pobj in _prep_objects_of(verb):
        if name == "under":
            found.append(pobj)
        elif name == "as" and lemma_of(pobj) == "part":
            found += [inner for inner_name, inner in _prep_objects_of(pobj) if inner_name == "of"]
    return found


def _slot_heads(slot: str, trigger: Token, slots: Slots, lexicon: Lexicon) -> list[Token]:
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    if slot == "subject":
        found = slots.get("subject")
        if found and not (is_noun and all(h.pos_ == "PRON" and actor_of(h) is None for h in found)):
            return [t for head in found for t in _conjuncts(head)]
        if is_noun:
            return _noun_clause_actor(trigger, lexicon, any_verb=False)
        return _clause_subject(trigger, lexicon)
    if slot == "clause" and is_noun:
        return _noun_clause_actor(trigger, lexicon, any_verb=True)
    if slot == "said_of":  # "expressed regret that Sudan wanted ...", "voiced concern that X will ...": X
        clauses = [c for c in trigger.children if c.dep_ == "ccomp"]
        clauses += [c for obj in slots.get("object") for c in obj.children if c.dep_ == "acl" and _is_finite(c)]
        return [t for clause in clauses for t in _clause_subject(clause, lexicon) if t.pos_ != "PRON"]
    if slot == "framework":  # "trained as part of Canada's programme", "under France's operation"
        return [owner for frame in _frameworks(trigger) for owner in _noun_subjects(frame)]
    if slot == "speaker":  # "responsibility lies with X, the minister said": the one who says so
        speaker = _according_to(trigger) or _reporter(trigger, lexicon)
        return [speaker] if speaker is not None else []
    if slot == "object_doer":  # "demanded the mission's departure": the mission is asked to leave
        objects = slots.get("object")
        inner = [t for obj in objects for t in _noun_subjects(obj)]
        inner += [pobj for obj in objects for name, pobj in _prep_objects_of(obj) if name == "of"]
        return [t for head in inner for t in _conjuncts(head)]
    return [t for head in slots.get(slot) for t in _conjuncts(head)]


def _phrase(head: Token) -> Span:
    """The noun phrase a role head stands for, up to the head (premodifiers and possessor included)."""
    return head.doc[head.left_edge.i : head.i + 1]


def actor_of(head: Token) -> Actor | None:
    """The actor a role head refers to: a name in apposition to a title ("his counterpart Abdoulaye
    Diop"), else its noun phrase up to the head, else its whole subtree."""
    if head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.ent_type_ not in ACTOR_LABELS):
        for child in head.children:
            if child.dep_ == "appos" and child.ent_type_ in ACTOR_LABELS:
                named = actors.actor_for_span(_phrase(child))
                if named is not None:
                    return named
    return actors.actor_for_span(_phrase(head)) or actors.actor_for_span(
        head.doc[head.left_edge.i : head.right_edge.i + 1]
    )


@dataclass(frozen=True)
class Candidate:
    """A matched trigger with its chosen role phrases, before actor resolution (tests inspect these)."""

    trigger: Token
    pattern: Pattern
    actor: Token | None
    recipient: Token | None
    claimed_by: Token | None
    status: Status
    mode: str | None
    slots: Slots
    accusing_speech: bool = False
    rank: int = 0  # place among coordinated recipients: "removed the president and the prime minister"
    said: Token | None = None  # for an opinion: the verb it is said with, which dates it

    @property
    def actor_text(self) -> str | None:
        return _phrase(self.actor).text if self.actor is not None else None

    @property
    def recipient_text(self) -> str | None:
        return _phrase(self.recipient).text if self.recipient is not None else None


def _choose(heads: Sequence[Token]) -> list[Token]:
    """Role heads that resolve to actors, else all of them (so the phrases are still known)."""
    resolved = [h for h in heads if actor_of(h) is not None]
    return resolved or list(heads)


def _is_own(head: Token) -> bool:
    """A phrase owned by the doer itself ("their mission", "its troops"): never the recipient."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def _role_options(
    slot_names: Sequence[str], trigger: Token, slots: Slots, lexicon: Lexicon, recipient: bool = False
) -> list[Token]:
    """Role heads from the first slot that yields an actor (else from the first slot present)."""
    fallback: list[Token] = []
    if not recipient and "subject" in slot_names and trigger.pos_ in ("NOUN", "PROPN"):
        joined = _participants(trigger, lexicon)
        if joined:
            return _choose(joined)  # "X were part of a mutiny against Y led by Z": X, whatever Y and Z are
    for slot in slot_names:
        heads = [
            h
            for h in _slot_heads(slot, trigger, slots, lexicon)
            if h.i != trigger.i
            and not (recipient and _is_own(h))
            and h.pos_ != "NUM"
            and lemma_of(h) not in lexicon.marker("quantities")  # "from a maximum of 600 soldiers to 300"
        ]
        if not heads:
            continue
        chosen = _choose(heads)
        if actor_of(chosen[0]) is not None:
            return chosen
        if not fallback:
            fallback = chosen
    return fallback


# --------------------------------------------------------------------------- status and context


@dataclass(frozen=True)
class Setting:
    """What the words governing a trigger say about it."""

    context: Context
    speaker: Token | None = None
    accusing: bool = False


def _is_negated(node: Token, lexicon: Lexicon) -> bool:
    """ "did not withdraw", "never attacked", "no cooperation", "no longer", "before holding"."""
    if node.dep_ == "pcomp" and node.head.lower_ in lexicon.marker("unrealised_preps"):
        return True
    for child in node.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and word in ("no", "neither")):
            return True
        if child.dep_ == "advmod" and (word == "never" or (word == "longer" and "no" in _words(child))):
            return True
    if node.i >= 2 and node.doc[node.i - 1].text == "-" and node.doc[node.i - 2].lower_ == "co":
        co = node.doc[node.i - 2]  # "no co-operation": the determiner hangs off the split-off "co"
        return any(c.lower_ in lexicon.marker("negation") for c in (*co.children, *node.children))
    return False


def _is_hypothetical(node: Token, lexicon: Lexicon, own_clause: bool) -> bool:
    """Conditionals and modals (modals only count in the trigger's own clause: "I can announce that
    X will leave" is no hypothetical)."""
    conditional = lexicon.marker("conditional_marks")
    for child in node.children:
        word = child.lower_
        if child.dep_ == "mark" and word in conditional:
            return True
        if child.dep_ == "advcl" and any(m.lower_ in conditional for m in child.children):
            return True  # the consequent of a conditional: "if X attacks, Y will retaliate"
        if own_clause and child.dep_ in ("aux", "auxpass") and word in lexicon.marker("hypothetical_aux"):
            return True
    return False


def _words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children}


def _is_future(node: Token, lexicon: Lexicon, decided_is_done: bool = False) -> bool:
    """Future tense, "would" (conditionals are dropped before), "is to", "going to", "to" headlines."""
    children = list(node.children)
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if aux & (lexicon.marker("future_aux") | lexicon.marker("would_aux")):
        return True
    head = node.head
    if node.dep_ == "xcomp" and "to" in aux and head.lemma_ in ("be", "go") and head is not node:
        return True
    if node.lemma_ == "be" and any(c.dep_ == "xcomp" and _is_infinitival(c) for c in children):
        return True  # "the handover is to be finished"
    if (node.dep_ == "ROOT" or _is_juxtaposed(node, lexicon)) and "to" in aux and node.tag_ == "VB":
        return True  # headline style: "Germany to withdraw troops", "X to leave sooner, Y promises aid"
    # "the soldiers to be deployed", but not "the latest country to pull out", nor "the decision to
    # suspend rotations" (done when decided; a decision to withdraw is still a plan)
    return (
        node.dep_ in ("acl", "relcl")
        and _is_infinitival(node)
        and not (decided_is_done and lemma_of(head) in lexicon.marker("decision_nouns"))
        and not any(c.lower_ in ORDINAL_WORDS for c in head.children if c.dep_ == "amod")
    )


def _has_deadline(node: Token, lexicon: Lexicon) -> bool:
    """A "by <date>" deadline on a verb not in the past ("will withdraw by the end of March")."""
    if node.tag_ in ("VBD",) or any(c.lower_ in lexicon.marker("past_aux") for c in node.children if c.dep_ == "aux"):
        return False
    for name, pobj in _prep_objects(node):
        if (
            name == "by"
            and pobj is not None
            and (pobj.ent_type_ == "DATE" or lemma_of(pobj) in lexicon.marker("deadline_nouns"))
        ):
            return True
    return False


def _according_to(node: Token) -> Token | None:
    for child in node.children:
        if child.lower_ == "according":
            for name, pobj in _prep_objects(child.head):
                if name in ("according to", "to") and pobj is not None:
                    return pobj
            inner = next((c for c in child.children if c.lower_ == "to"), None)
            if inner is not None:
                return next((c for c in inner.children if c.dep_ == "pobj"), None)
    return None


def _is_clause_boundary(node: Token, lexicon: Lexicon) -> bool:
    """Adverbial and relative clauses, and "after/since/despite ..." phrases, keep their own status."""
    if node.dep_ in ("relcl", "advcl") or _is_juxtaposed(node, lexicon):
        return True
    return node.dep_ == "prep" and node.lower_ in lexicon.marker("boundary_preps")


def _is_juxtaposed(clause: Token, lexicon: Lexicon) -> bool:
    """A clause the parser hangs as the complement of a later verb that already has its object: in
    the headline "UN ends mission, US blames Russia" the two clauses stand side by side ("blames"
    has its object; what a speech verb reports may come first: "..., X told reporters")."""
    head = clause.head
    return (
        clause.dep_ == "ccomp"
        and clause.i < head.i
        and any(c.dep_ == "dobj" for c in head.children)
        and lemma_of(head) not in lexicon.speech | lexicon.accusing_speech
    )


def _is_topic_label(token: Token) -> bool:
    """The "Mali:" that opens a headline: a label for the story, not a subject."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == ":" and sentence_starts(doc)[token.i] == token.i


def _labelled_country(sentence: Span) -> Actor | None:
    """The country a headline's opening label names ("Mali: UN ends peace mission"): where its
    withdrawals, deployments and attacks take place."""
    label = sentence[0]
    if not _is_topic_label(label):
        return None
    found = actor_of(label)
    return found if found is not None and found.type == "COUNTRY" else None


def _speech_verb(node: Token, lexicon: Lexicon) -> Token | None:
    """The speech verb a clause is reported by ("..., Germany said")."""
    for _ in range(6):
        head = node.head
        if head is node:
            return None
        if node.dep_ == "ccomp" and lemma_of(head) in lexicon.speech:
            return head
        node = head
    return None


def _reporter(node: Token, lexicon: Lexicon) -> Token | None:
    """The subject of the speech verb a clause is reported by ("..., Germany said")."""
    verb = _speech_verb(node, lexicon)
    return next(iter(_clause_subject(verb, lexicon)), None) if verb is not None else None


def setting_of(trigger: Token, lexicon: Lexicon, triggers: Mapping[int, Pattern]) -> Setting:
    """Walk from the trigger up its governors: status, dropping, and the reporting speaker."""
    sentence = trigger.sent
    if doc_text(trigger.doc)[sentence.start_char : sentence.end_char].rstrip().endswith("?"):
        return Setting("drop")
    status: Context = "occurred"
    speaker: Token | None = None
    accusing = False
    node, sibling, own_clause = trigger, False, True
    own_type = triggers[trigger.i].event_type if trigger.i in triggers else None
    done_when_decided = own_type is not None and own_type not in lexicon.gradual
    for _ in range(8):
        if not sibling and _is_hypothetical(node, lexicon, own_clause):
            return Setting("drop")
        if not sibling and _is_negated(node, lexicon):
            # "will not meet", "there will be no cooperation": a refusal; other negations: nothing
            # a negation above a reported clause ("I do not believe the partnership will last") denies
            # the belief, not the act: nothing is refused
            refused = own_clause and (
                status == "announced" or _is_future(node, lexicon) or _is_future(node.head, lexicon)
            )
            return Setting("refused" if refused else "drop", speaker or _reporter(node, lexicon))
        if _is_future(node, lexicon, done_when_decided) or _has_deadline(node, lexicon):
            status = "announced"
        speaker = speaker or _according_to(node)
        head, dep = node.head, node.dep_
        if head is node or dep not in GOVERNED_DEPS or _is_clause_boundary(node, lexicon):
            break
        enacted = done_when_decided and node.i == trigger.i and dep == "dobj" and trigger.pos_ == "NOUN"
        node, sibling = head, dep in SIBLING_DEPS
        own_clause = own_clause and dep != "ccomp"
        if sibling:
            continue  # a coordinated word, not a governor: only its auxiliaries carry over
        word = lemma_of(head)
        if head.i in triggers and triggers[head.i].event_type in BLOCKING_TYPES:
            return Setting("drop")
        if dep == "ccomp" and word in lexicon.speech | lexicon.accusing_speech:
            speaker = speaker or next(iter(_clause_subject(head, lexicon)), None)
            accusing = accusing or word in lexicon.accusing_speech
        elif word in lexicon.block and not (word in lexicon.attempt and own_type in lexicon.attempted):
            return Setting("drop")
        elif enacted and word in lexicon.marker("enacting_verbs"):
            continue  # "announced sanctions on X": announcing a sanction imposes it
        elif word in lexicon.announce or (head.i in triggers and triggers[head.i].event_type == "AGREE"):
            status = "announced"
    return Setting(status, speaker, accusing)


# --------------------------------------------------------------------------- matching


def _is_description(token: Token, lexicon: Lexicon) -> bool:
    """Triggers used as descriptions, not events: "coup leaders", "the organisers of the coup",
    "troops deployed in Mali"."""
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            return lemma_of(token.head.head) in lexicon.marker("role_heads")
        return token.dep_ == "compound" and lemma_of(token.head) not in lexicon.marker("eventive_heads")
    return token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ == "agent" for c in token.children)


def _match_token(token: Token, lexicon: Lexicon) -> tuple[Pattern, Slots] | None:
    pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB" if token.pos_ in ("VERB", "AUX") else None
    if pos is None or _is_description(token, lexicon):
        return None
    patterns = lexicon.patterns.get((lemma_of(token), pos)) or lexicon.patterns.get((token.lower_, pos))
    if not patterns:
        return None
    slots = slots_of(token, lexicon)
    for pattern in patterns:
        if _satisfies(pattern, slots, token):
            return pattern, slots
    return None


def _mode_for(pattern: Pattern, slots: Slots, trigger: Token) -> str | None:
    for slot, table in pattern.modes.items():
        for word in _slot_lemmas(slots, slot, trigger):
            if word in table:
                return table[word]
    return pattern.mode


def _refusal(trigger: Token, pattern: Pattern, slots: Slots, setting: Setting, lexicon: Lexicon) -> list[Candidate]:
    """A negated cooperative intention is a REJECT: "Egypt will not meet Israel's prime minister",
    "there will be no cooperation with Russia, Germany said" (the speaker refuses)."""
    reject = replace(pattern, event_type="REJECT", mode=None, status=None)
    actors_found: list[Token | None] = [*_role_options(pattern.actor, trigger, slots, lexicon)]
    if not any(a is not None and actor_of(a) is not None for a in actors_found) and setting.speaker:
        actors_found = [setting.speaker]
    recipients: list[Token | None] = [*_role_options(pattern.recipient, trigger, slots, lexicon, recipient=True)] or [
        None
    ]
    return [
        Candidate(trigger, reject, actor, recipient, None, "occurred", None, slots)
        for actor in actors_found or [None]
        for recipient in recipients
    ]


#: The pattern behind "X said Y must ...": a demand made through a modal in reported speech.
MODAL_DEMAND = Pattern(
    event_type="REQUEST",
    lemmas=frozenset(),
    pos="VERB",
    mode=None,
    needs={},
    forbid={},
    actor=("subject",),
    recipient=(),
    modes={},
    strength=0.6,
    status=None,
    standalone=False,
)


def _modal_demands(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    """ "Russia said Sudan must return the helicopter": a REQUEST by Russia of Sudan."""
    found: list[Candidate] = []
    doc = sentence.doc
    demand_aux, aux = string_ids(doc, lexicon.marker("demand_aux")), doc.vocab.strings["aux"]
    lowers, deps = token_ids(doc, "LOWER"), token_ids(doc, "DEP")
    # the verbs with a demanding auxiliary ("must", "should") are the heads of those auxiliaries
    heads = {doc[i].head.i for i in range(sentence.start, sentence.end) if deps[i] == aux and lowers[i] in demand_aux}
    for verb in (doc[i] for i in sorted(heads)):
        if not sentence.start <= verb.i < sentence.end or _is_negated(verb, lexicon):
            continue
        speaker = _reporter(verb, lexicon)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if speaker is not None and subjects:
            found.append(Candidate(verb, MODAL_DEMAND, speaker, subjects[0], None, "occurred", None, Slots()))
    return found


#: The pattern behind a judgement on someone's act: "X's partnership with Y is counterproductive".
JUDGEMENT = replace(MODAL_DEMAND, event_type="ACCUSE", strength=0.55)
#: The same when only the partner of the judged tie is named ("the partnership with the group"): the
#: judgement is aimed at whoever the text has said partners with it (see :func:`_partnered`).
PARTNER_JUDGEMENT = replace(JUDGEMENT, strength=0.5)


def _judged_act(verb: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    """The act a clause condemns, or None: "the partnership undermines security", "the deal is
    counterproductive", "the cooperation will not bring stability" (the act is the clause's subject,
    a noun naming a policy or tie, see ``judged_acts``), with the word that judges it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and lemma_of(c) in lexicon.marker("judged_acts")]
    if not subjects:
        return None
    word = lemma_of(verb)
    if word in lexicon.marker("harm_verbs") and not _is_negated(verb, lexicon):
        return subjects[0], verb
    if word == "be":
        judging = [c for c in verb.children if c.dep_ == "acomp" and lemma_of(c) in lexicon.marker("harm_adjectives")]
        return (subjects[0], judging[0]) if judging else None
    doubted = _is_negated(verb, lexicon) or _doubter(verb, lexicon) is not None
    return (subjects[0], verb) if word in lexicon.marker("outcome_verbs") and doubted else None


def _doubter(verb: Token, lexicon: Lexicon) -> Token | None:
    """Who doubts what a clause says: the subject of a negated "believe"/"think" above it; for "we"
    or "I" in a quote, whoever the quote is reported from ('"We do not think ...," she said')."""
    head = verb.head
    if verb.dep_ != "ccomp" or lemma_of(head) not in lexicon.marker("doubt_verbs") or not _is_negated(head, lexicon):
        return None
    doubter = next(iter(_clause_subject(head, lexicon)), None)
    if doubter is not None and doubter.lower_ in ("we", "i"):
        return _reporter(head, lexicon) or doubter
    return doubter


def _act_doer(act: Token) -> tuple[Token | None, bool]:
    """Whose act a judged noun is: "Mali's partnership", "the cooperation of the authorities", else
    the partner ("the partnership with the group"); and whether it is the partner."""
    named = [t for t in _noun_subjects(act) + [p for name, p in _prep_objects_of(act) if name == "of"] if actor_of(t)]
    if named:
        return named[0], False
    partners = [p for name, p in _prep_objects_of(act) if name in ("with", "between") and actor_of(p) is not None]
    return (partners[0], True) if partners else (None, False)


def _judgements(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    """Criticism told as an opinion, an ACCUSE in the codebook's sense (blame, criticism): "the
    partnership with the group is counterproductive, the minister said", "we do not believe the
    deal will bring stability". The doer is whoever judges (the speaker, the doubter); the recipient
    the one whose act is judged."""
    found: list[Candidate] = []
    for verb in sentence:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        judged = _judged_act(verb, lexicon)
        if judged is None:
            continue
        act, word = judged
        judge = _doubter(verb, lexicon) or _according_to(verb) or _reporter(verb, lexicon)
        if judge is not None:
            target, partner = _act_doer(act)
            pattern = PARTNER_JUDGEMENT if partner else JUDGEMENT
            said = _speech_verb(verb, lexicon)
            found.append(Candidate(word, pattern, judge, target, None, "occurred", None, Slots(), said=said))
    return found


def _possible_triggers(sentence: Span, lexicon: Lexicon) -> Iterator[Token]:
    """The sentence's nouns and verbs whose lemma or form some pattern is indexed under, in order:
    the only tokens :func:`_match_token` can match."""
    doc, words, strings = sentence.doc, lexicon.trigger_words, sentence.doc.vocab.strings
    pos, lemmas, lowers = token_ids(doc, "POS"), token_ids(doc, "LEMMA"), token_ids(doc, "LOWER")
    name_starts = _name_starts(doc)
    for i in range(sentence.start, sentence.end):
        if pos[i] not in _TRIGGER_POS or (pos[i] == PROPN and sentence.start <= name_starts[i] < sentence.end):
            continue
        lemma = strings[lemmas[i]].lower()
        if lemma in words or "co" + lemma in words or strings[lowers[i]] in words:
            yield doc[i]


_TRIGGER_POS = frozenset({NOUN, PROPN, VERB, AUX})
#: Names whose words are no triggers: the "Cooperation" of "Asia-Pacific Economic Cooperation".
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"})


def _name_starts(doc: Doc) -> list[int]:
    """For every token, where the multi-word name it is part of starts (-1 outside one); once per
    Doc, as reading ``doc.ents`` builds every entity span anew."""
    found: list[int] | None = doc.user_data.get(_NAME_STARTS_KEY)
    if found is None:
        found = [-1] * len(doc)
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS and len(ent) > 1:
                found[ent.start : ent.end] = [ent.start] * len(ent)
        doc.user_data[_NAME_STARTS_KEY] = found
    return found


_NAME_STARTS_KEY = "hornbill_name_starts"


def find_candidates(sentence: Span, lexicon: Lexicon | None = None) -> list[Candidate]:
    """Matched triggers in a sentence with their role phrases, status and speaker."""
    lexicon = lexicon or default_lexicon()
    matches: dict[int, tuple[Pattern, Slots]] = {}
    consumed: set[int] = set()
    for token in _possible_triggers(sentence, lexicon):
        found = _match_token(token, lexicon)
        if found is not None:
            matches[token.i] = found
            consumed |= _consumed_tokens(*found)
    triggers = {i: pattern for i, (pattern, _) in matches.items()}
    candidates: list[Candidate] = []
    for i, (pattern, slots) in matches.items():
        if i in consumed:
            continue
        trigger = sentence.doc[i]
        setting = setting_of(trigger, lexicon, triggers)
        if setting.context == "refused" and pattern.event_type in lexicon.refusable:
            candidates += _refusal(trigger, pattern, slots, setting, lexicon)
            continue
        if setting.context in ("drop", "refused"):
            continue
        status: Status = "announced" if "announced" in (pattern.status, setting.context) else "occurred"
        actor_heads: list[Token | None] = [*_role_options(pattern.actor, trigger, slots, lexicon)] or [None]
        recipient_heads: list[Token | None] = [
            *_role_options(pattern.recipient, trigger, slots, lexicon, recipient=True)
        ] or [None]
        mutual = (
            len(actor_heads) > 1
            and pattern.event_type in lexicon.mutual
            and all(r is None or actor_of(r) is None for r in recipient_heads)
        )
        for actor in actor_heads:
            # "Ethiopia and Eritrea reached an agreement": each is the other's partner
            partners = [a for a in actor_heads if a is not actor] if mutual else recipient_heads
            for rank, recipient in enumerate(partners):
                candidates.append(
                    Candidate(
                        trigger,
                        pattern,
                        actor,
                        recipient,
                        setting.speaker,
                        status,
                        _mode_for(pattern, slots, trigger),
                        slots,
                        setting.accusing,
                        rank,
                        _speech_verb(trigger, lexicon) if "speaker" in pattern.actor else None,
                    )
                )
    return candidates + _modal_demands(sentence, lexicon) + _judgements(sentence, lexicon)


def _governs_any(trigger: Token, positions: set[int]) -> bool:
    """Whether an event trigger sits below ``trigger``: a fallback ("agreed to ...") is kept only when
    nothing it governs is an event of its own ("agreed to set up a research centre" is an AGREE)."""
    return any(t.i in positions for t in trigger.subtree if t.i != trigger.i)


# --------------------------------------------------------------------------- events


def _place(pobj: Token) -> Location:
    """A Location for a place phrase: its own words, the country through the actor stage."""
    place = actor_of(pobj)
    entity = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
    span = entity if entity is not None else pobj.doc[pobj.left_edge.i : pobj.i + 1]
    name = "".join(t.text_with_ws for t in span if t.dep_ != "det").strip() or pobj.text
    return Location(name, place.country if place is not None else None)


def _location(candidate: Candidate, slots: Slots, recipient: Actor | None) -> Location | None:
    """Where it happened: a place in an "in X" phrase of the trigger (or of its arguments), else the
    place attacked or withdrawn from."""
    trigger = candidate.trigger
    hosts = [trigger, *_objects(trigger)]
    if trigger.head is not trigger and trigger.pos_ in ("NOUN", "PROPN"):
        hosts.append(trigger.head)
    hosts += [pobj for host in list(hosts) for _, pobj in _prep_objects_of(host)]
    for host in hosts:
        for name, pobj in _prep_objects_of(host):
            if name in LOCATION_PREPS and pobj.ent_type_ in PLACE_LABELS:
                return _place(pobj)
    for slot in PLACE_SLOTS.get(candidate.pattern.event_type, ()):
        for head in slots.get(slot):
            if head.ent_type_ in PLACE_LABELS:
                return _place(head)
    if candidate.mode == "withdraw" and recipient is not None and recipient.type == "COUNTRY":
        return Location(recipient.name, recipient.country)
    return None


def _names_people(head: Token, lexicon: Lexicon) -> bool:
    """A phrase that stands for people or an organisation even when no actor is known for it."""
    head = _counted(head, lexicon)  # "hundreds of civilians"
    if head.ent_type_ in ACTOR_LABELS or head.pos_ == "PROPN":
        return True
    return lemma_of(head) in lexicon.marker("people") or any(c.dep_ == "nummod" for c in head.children)


def _antecedent(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """The phrase a subject pronoun stands for when its clause is the complement of another verb:
    that verb's subject ("the junta announced that it would expel ...")."""
    node = pronoun.head
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head is node:
            return None
        node = node.head
        for subject in _clause_subject(node, lexicon):
            if subject.pos_ != "PRON":
                return subject
    return None


def _affiliation(head: Token, lexicon: Lexicon) -> Actor | None:
    """People not in the dictionary, known by whom they are linked to: "13 individuals with links to
    the cartel", "businesses connected to the army"."""
    links = lexicon.marker("affiliations")
    nearby = list(head.children)
    if head.dep_ in ("dobj", "nsubjpass"):
        nearby += [c for c in head.head.children if c.i > head.i]  # the parser may hang "with links" on the verb
    for child in nearby:
        if child.dep_ == "acl" and lemma_of(child) in links:
            hosts = [child]
        elif child.dep_ == "prep" and child.lower_ == "with":
            hosts = [p for p in child.children if p.dep_ == "pobj" and lemma_of(p) in links]
        else:
            continue
        for host in hosts:
            for name, pobj in _prep_objects_of(host):
                if name in ("to", "with") and (found := actor_of(pobj)) is not None:
                    return found
    return None


def _object_antecedent(pronoun: Token) -> Actor | None:
    """An object pronoun in an adverbial clause stands for the main clause's object: "removed the
    president after accusing him of fraud"."""
    clause = pronoun.head
    while clause.dep_ in ("dobj", "pobj", "prep") and clause.head.i != clause.i:
        clause = clause.head
    main = clause.head.head if clause.dep_ == "pcomp" else clause.head
    if clause.dep_ not in ("advcl", "pcomp") or main.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in main.children if c.dep_ == "dobj"]
    return actor_of(objects[0]) if objects else None


def _qualifiers(head: Token, preps: frozenset[str]) -> list[Token]:
    """The words that say which group a doer noun is: a noun or a name before it ("riot police",
    "Islamic fundamentalists"), or the object of one of ``preps`` ("members of the opposition")."""
    before = [
        c
        for c in head.children
        if c.i < head.i
        and c.dep_ in ("compound", "amod", "nmod")
        and (c.pos_ in ("NOUN", "PROPN") or c.ent_type_ in ADHOC_ENTITIES)
    ]
    return before + [pobj for name, pobj in _prep_objects_of(head) if name in preps]


def _is_definite_singular(noun: Token) -> bool:
    """A singular noun without "a"/"an": "the group" is one named before, "a group" a new one."""
    return noun.tag_ == "NN" and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _adhoc_type(head: Token, lexicon: Lexicon) -> tuple[str, str] | None:
    """(actor type, key prefix) of a doer phrase that names an actor the dictionary does not know,
    or None when it names no one ("it", "the move", "the report") or someone named elsewhere ("her
    country's troops", a bare "the government")."""
    if head.pos_ == "PRON" or any(c.dep_ == "poss" for c in head.children):
        return None
    if head.ent_type_ in ADHOC_ENTITIES:
        return ADHOC_ENTITIES[head.ent_type_]
    lemma = lemma_of(head)
    relational = lemma in lexicon.adhoc_relational
    if relational and any(c.dep_ == "nummod" for c in head.children):
        return None  # "300 members of parliament voting for": a tally of a body's members, not a group
    qualifiers = _qualifiers(head, frozenset({"of"}) if relational else frozenset({"of", "in", "from"}))
    kinds = [
        kind
        for q in qualifiers
        if (kind := lexicon.adhoc_doers.get(lemma_of(q)) or ("ORG" if q.ent_type_ in ADHOC_ENTITIES else None))
    ]
    kind = lexicon.adhoc_doers.get(lemma) or (kinds[0] if relational and kinds else None)
    if kind is None or (not qualifiers and (kind in lexicon.adhoc_need_modifier or _is_definite_singular(head))):
        return None  # "the government", "the group": someone named before, not a group of its own
    if kind == "ORG":  # "army officers", "rebel supporters": a qualifier says what the group is
        kind = next((k for k in kinds if k != "ORG"), kind)
    return kind, ADHOC_GROUP


def _adhoc_name(head: Token, lexicon: Lexicon) -> str:
    """The doer's own words: its name, or its noun phrase without determiners, numbers and possessors
    (with its "of" phrase for "members of the opposition")."""
    doc = head.doc
    entity = next((e for e in doc.ents if e.start <= head.i < e.end), None) if head.ent_type_ else None
    if entity is not None:
        tokens = [t for t in entity if t.dep_ != "det" and t.tag_ != "POS"]
    else:
        dropped = {t.i for c in head.children if c.dep_ in UNNAMING_DEPS and c.i < head.i for t in c.subtree}
        tokens = [t for t in _phrase(head) if t.i not in dropped]
        if lemma_of(head) in lexicon.adhoc_relational:
            tokens += [t for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    text = "".join(t.text_with_ws for t in tokens).strip() or head.text
    if tokens and tokens[0].is_sent_start and tokens[0].pos_ != "PROPN" and not tokens[0].ent_type_:
        text = text[:1].lower() + text[1:]  # "Rebels attacked ..." names "rebels"
    return text


def _adhoc_country(head: Token) -> str | None:
    """The country a known place or nationality in the doer's phrase gives: "rebels in Chad"."""
    index = head.doc._.actor_index or {}
    places = [*_phrase(head), *(pobj for name, pobj in _prep_objects_of(head) if name in ("in", "from", "of"))]
    for token in places:
        mention = index.get(token.i)
        if mention is not None and mention.actor.country:
            return str(mention.actor.country)
    return None


def _is_speaker(candidate: Candidate) -> bool:
    """Whether the doer phrase is the one who reports the event: "the ministry said the redeployment
    was complete" names no doer of the redeployment (a pronoun doer, "they said they attacked", does)."""
    doer, speaker = candidate.actor, candidate.claimed_by
    return doer is not None and speaker is not None and doer.i == speaker.i


def _counted(head: Token, lexicon: Lexicon) -> Token:
    """The people a count or measure word counts: "hundreds of thousands of people" -> "people"."""
    while head.ent_type_ in ("CARDINAL", "QUANTITY") or lemma_of(head) in lexicon.marker("measures"):
        counted = [pobj for name, pobj in _prep_objects_of(head) if name == "of"]
        if not counted:
            break
        head = counted[0]
    return head


def _is_agent(head: Token, slots: Slots) -> bool:
    """Whether a doer phrase acts rather than is acted upon: not a pronoun, not the trigger's object
    (the doer of "troops were deployed" is whoever sent them, known only through the dictionary)."""
    return head.pos_ != "PRON" and all(head.i not in {c.i for c in _conjuncts(o)} for o in slots.get("object"))


def adhoc_actor(head: Token, lexicon: Lexicon) -> Actor | None:
    """An actor for a doer that names people the dictionary does not know ("Islamic fundamentalists",
    "the rebels", a minister's surname): analysts want the event with its doer's own words rather than
    no event. The key is built from the name (and the country, when the phrase gives one), so the same
    doer gets the same key in every document."""
    head = _counted(head, lexicon)
    found = _adhoc_type(head, lexicon)
    if found is None:
        return None
    kind, prefix = found
    name = _adhoc_name(head, lexicon)
    country = _adhoc_country(head)
    key = actors.name_key(prefix, f"{country} {name}" if country and prefix == ADHOC_GROUP else name)
    return Actor(key, name, kind, country)


def _date_for(trigger: Token) -> DatePoint:
    """The event date from the time stage."""
    return timex.event_date(trigger)


def _opinion_date(candidate: Candidate) -> DatePoint:
    """An opinion holds from when it is said: the date of the verb it is said with, when the text
    gives one; else the trigger's own."""
    if candidate.said is not None:
        said = _date_for(candidate.said)
        if said.basis not in (None, "document", "none"):
            return said
    return _date_for(candidate.trigger)


def summary_line(
    event_type: str,
    mode: str | None,
    actor: Actor | None,
    recipient: Actor | None,
    status: Status,
    claimed_by: Actor | None,
    lexicon: Lexicon,
) -> str:
    """One readable line: "United Kingdom withdraws from MINUSMA (announced)"."""
    phrase = lexicon.summaries.get(f"{event_type}/{mode}") or lexicon.summaries.get(event_type, event_type.lower())
    words = [actor.name if actor is not None else "Unidentified actor"]
    if recipient is not None:
        words += [phrase, recipient.name]
    else:
        words.append(phrase.rsplit(" ", 1)[0] if " " in phrase else phrase)
    line = " ".join(words)
    if status == "announced":
        line += " (announced)"
    if claimed_by is not None:
        line += f", according to {claimed_by.name}"
    return line


def _confidence(pattern: Pattern, actor: Actor | None, recipient: Actor | None, claimed: bool, rank: int = 0) -> float:
    """Pattern strength scaled by how complete the roles are; of coordinated recipients the first
    named is the main one ("removed the president and the prime minister"), so when the reports of
    one event are merged its mention speaks for the event."""
    completeness = 0.6 + (0.25 if actor is not None else 0.0)
    completeness += 0.15 if (recipient is not None or not pattern.recipient) else 0.0
    value = pattern.strength * completeness * (0.9 if claimed else 1.0) * 0.98**rank
    return round(min(max(value, 0.0), 1.0), 3)


def _accusation_of(
    candidate: Candidate, speaker: Actor | None, inner_actor: Actor | None, sentence: Span, lexicon: Lexicon
) -> EventMention | None:
    """ "X alleged that Y attacked Z" also states an ACCUSE by X against Y."""
    if speaker is None or inner_actor is None or speaker == inner_actor:
        return None
    date = _date_for(candidate.trigger)
    return EventMention(
        event_type="ACCUSE",
        actor=speaker,
        recipient=inner_actor,
        date=date,
        status="occurred",
        evidence=evidence_for(sentence),
        trigger=candidate.trigger.text,
        mode=None,
        location=None,
        confidence=0.6,
        summary=summary_line("ACCUSE", None, speaker, inner_actor, "occurred", None, lexicon),
    )


def _venue_country(trigger: Token, lexicon: Lexicon) -> str | None:
    """The country a nominal event happened in: its "in X" phrase ("a coup in the country"), else the
    subject of a verb like "witnessed" ("Guinea witnessed a coup")."""
    places = [pobj for name, pobj in _prep_objects_of(trigger) if name == "in"]
    if trigger.dep_ == "dobj" and lemma_of(trigger.head) in lexicon.marker("venue_verbs"):
        places += _clause_subject(trigger.head, lexicon)
    for place in places:
        found = actor_of(place)
        if found is not None and found.type == "COUNTRY" and found.country:
            return str(found.country)
    return None


def _military_doer(candidate: Candidate, actor: Actor | None, lexicon: Lexicon) -> Actor | None:
    """The doer of a military coup: the armed forces of the country it happened in, as the actor
    dictionary codes them (``armed_forces``), when no other doer is named; a country named as its
    owner ("Chad's military coup") is that place, not the doer."""
    trigger = candidate.trigger
    modifiers = {lemma_of(c) for c in trigger.children if c.dep_ in ("amod", "compound", "nmod")}
    if not candidate.pattern.standalone or trigger.tag_ == "NNS" or not modifiers & lexicon.marker("military_marks"):
        return actor  # "witnessing military coups" tells of no one coup
    if actor is not None and actor.type != "COUNTRY":
        return actor
    iso3 = actor.country if actor is not None else _venue_country(trigger, lexicon)
    forces = actors.ActorDictionary.load().armed_forces(iso3) if iso3 else None
    return forces or actor


def _event_of(
    candidate: Candidate,
    sentence: Span,
    lexicon: Lexicon,
    require_actor: bool = True,
    context: tuple[Actor, Actor | None] | None = None,
) -> EventMention | None:
    """The event a candidate states, or None when it names no doer (``context``: the doer and
    recipient earlier sentences give it, see :func:`_forces_in_context`)."""
    pattern = candidate.pattern
    actor = actor_of(candidate.actor) if candidate.actor is not None else None
    recipient = actor_of(candidate.recipient) if candidate.recipient is not None else None
    if recipient is not None and recipient == actor:
        recipient = None
    unnamed = candidate.recipient is None or not _names_people(candidate.recipient, lexicon)
    if recipient is None and pattern.event_type in lexicon.requires_recipient and unnamed:
        return None  # the codebook wants a recipient; people not in the dictionary ("13 individuals") do
    if recipient is None and candidate.recipient is not None:
        recipient = (
            _object_antecedent(candidate.recipient)
            if candidate.recipient.pos_ == "PRON"
            else _affiliation(candidate.recipient, lexicon)
        )
    claimed_by = actor_of(candidate.claimed_by) if candidate.claimed_by is not None else None
    doer = candidate.actor
    if actor is None and doer is not None and doer.pos_ == "PRON":
        # "Switzerland said it had expelled ...", "Chad announced that it would leave": the pronoun
        # is the speaker, or the subject of the clause that reports or announces the event
        doer = _antecedent(doer, lexicon)
        actor = claimed_by or (actor_of(doer) if doer is not None else None)
    if actor is None and doer is not None and _is_agent(doer, candidate.slots) and not _is_speaker(candidate):
        actor = _affiliation(doer, lexicon) or adhoc_actor(doer, lexicon)
    actor = _military_doer(candidate, actor, lexicon)
    if recipient is None and pattern.event_type in PLACE_SLOTS:
        recipient = _labelled_country(sentence)  # "Mali: UN ends peace mission"
    if actor is None and context is not None:
        actor, recipient = context[0], recipient or context[1]
    if claimed_by is not None and claimed_by == actor:
        claimed_by = None
    named_doer = not require_actor and candidate.actor is not None  # "Protesters marched ..."
    if actor is None and not named_doer and (not pattern.standalone or candidate.trigger.tag_ == "NNS"):
        return None  # without a doer only a single, specific "coup" is kept, not generic "coups"
    return EventMention(
        event_type=pattern.event_type,
        actor=actor,
        recipient=recipient,
        date=_opinion_date(candidate),
        status=candidate.status,
        evidence=evidence_for(sentence),
        trigger=candidate.trigger.text,
        mode=candidate.mode,
        location=_location(candidate, candidate.slots, recipient),
        confidence=_confidence(pattern, actor, recipient, claimed_by is not None, candidate.rank),
        summary=summary_line(
            pattern.event_type, candidate.mode, actor, recipient, candidate.status, claimed_by, lexicon
        ),
        claimed_by=claimed_by,
        headline=timex.is_headline(sentence),
    )


def _key(event: EventMention) -> tuple[str, str | None, str | None, int]:
    return (
        event.event_type,
        event.actor.key if event.actor else None,
        event.recipient.key if event.recipient else None,
        event.evidence.start,
    )


def deduplicate(events: Iterable[EventMention]) -> list[EventMention]:
    """One event per (type, actor, recipient, sentence): the most confident one, in text order."""
    best: dict[tuple[str, str | None, str | None, int], EventMention] = {}
    for event in events:
        key = _key(event)
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.evidence.start, e.event_type))


def codebook_coding(
    event_type: str, mode: str | None, status: Status, lexicon: Lexicon | None = None
) -> tuple[str, str | None]:
    """The PLOVER codebook's (type, mode) for an event: an announced cooperative action ("will
    withdraw", "pledged to visit") is an AGREE, an announced conflictual one ("will impose
    sanctions") a THREATEN with the threatened action as mode; anything else is coded as it is."""
    lexicon = lexicon or default_lexicon()
    coded = lexicon.intentions.get(QUAD_CLASS.get(event_type, ""))
    if status != "announced" or coded is None or coded == event_type:
        return event_type, mode
    if coded == "THREATEN":
        return coded, lexicon.threat_modes.get(f"{event_type}/{mode}") or lexicon.threat_modes.get(event_type)
    return coded, None


def _is_aim(candidate: Candidate, others: Sequence[Candidate], lexicon: Lexicon) -> bool:
    """Whether the candidate's trigger heads the purpose clause of an event it is the aim of (see
    ``aims`` in the lexicon): "began a hunger strike to demand his release" is one PROTEST."""
    trigger = candidate.trigger
    if trigger.dep_ != "advcl" or not _is_infinitival(trigger):
        return False
    host = trigger.head
    hosts = {host.i, *(c.i for c in host.children if c.dep_ in ("dobj", "nsubjpass"))}
    return any(
        other.trigger.i in hosts and candidate.pattern.event_type in lexicon.aims.get(other.pattern.event_type, ())
        for other in others
    )


#: How many sentences back a doer or an event an anaphor stands for is looked for.
CONTEXT_SENTENCES = 3
History = Sequence[Sequence[tuple[Candidate, EventMention]]]  # recent sentences' events, oldest first


def _is_definite(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _lacks_doer(candidate: Candidate, lexicon: Lexicon) -> bool:
    """A withdrawal told without its doer, who was named just before: a bare forces noun as doer
    ("Soldiers and helicopters will pull out by May") or a definite nominal with no doer phrase
    ("The pullout should be over by May"; but "the end of the mission" names what ended,
    not who ended it)."""
    if candidate.pattern.event_type not in lexicon.inherit_doer:
        return False
    doer = candidate.actor
    if doer is None:
        return _is_definite(candidate.trigger) and candidate.recipient is None
    return (
        lemma_of(doer) in lexicon.marker("anaphoric_forces")
        and actor_of(doer) is None
        and not any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in doer.children)
    )


def _forces_in_context(history: History, lexicon: Lexicon) -> tuple[Actor, Actor | None] | None:
    """(doer, recipient) of the latest withdrawal in the sentences before: troops that leave after
    "X decided to end mission M" are M's, leaving its host country; after "France will withdraw its
    troops from Mali" they are France's, leaving Mali."""
    for candidate, event in (pair for sentence in reversed(history) for pair in reversed(sentence)):
        if event.event_type not in lexicon.inherit_doer or event.actor is None:
            continue
        recipient = event.recipient
        ended = lemma_of(candidate.trigger) in lexicon.marker("ending_words")
        if ended and recipient is not None and recipient.type == "IGO" and recipient.country:
            return recipient, actors.ActorDictionary.load().country(str(recipient.country))
        return event.actor, recipient
    return None


def _is_decided(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether an event is what a decision or vote was about: "decided to end", "voted to impose
    sanctions"."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        trigger = trigger.head  # the light verb of "voted to impose sanctions"
    return trigger.dep_ in ("xcomp", "acl", "ccomp") and lemma_of(trigger.head) in (
        lexicon.marker("decision_verbs") | lexicon.marker("decision_nouns")
    )


def _anaphoric_act(token: Token, lexicon: Lexicon) -> bool:
    """ "The assembly's vote was close", "the resolution ordered ...": a definite decision noun
    with no complement of its own ("the decision to leave" states its own event)."""
    if token.pos_ != "NOUN" or lemma_of(token) not in lexicon.marker("anaphoric_acts"):
        return False
    if not (_is_definite(token) or any(c.dep_ == "poss" for c in token.children)):
        return False
    return not any(
        (c.dep_ in ("acl", "relcl", "xcomp") and _is_infinitival(c)) or (c.dep_ == "prep" and c.lower_ != "by")
        for c in token.children
    )


def _decision_anaphors(sentence: Span, history: History, lexicon: Lexicon) -> list[tuple[Candidate, EventMention]]:
    """The decided events that a sentence refers back to by a decision noun: after "The council
    decided to end the mission", "The assembly's vote was close" reports the same event
    again (same type, roles and date; this sentence as evidence), with the candidate first told."""
    found: list[tuple[Candidate, EventMention]] = []
    decided = [
        (candidate, event)
        for sent in history
        for candidate, event in sent
        if _is_decided(candidate.trigger, lexicon) and event.status == "occurred"
    ]
    if not decided:
        return found
    for token in sentence:
        if not _anaphoric_act(token, lexicon):
            continue
        owners = [actor_of(c) for c in token.children if c.dep_ == "poss"]
        owner = owners[0] if owners else None
        match = next(((c, e) for c, e in reversed(decided) if owner is None or e.actor == owner), None)
        if match is not None:
            first, event = match
            confidence = round(event.confidence * 0.9, 3)
            again = replace(event, evidence=evidence_for(sentence), trigger=token.text, confidence=confidence)
            found.append((first, again))
    return found


def _tie(event: EventMention) -> tuple[str, Actor] | None:
    """(partner's key, doer) of a cooperation between two known actors."""
    if event.event_type != "COOPERATE" or event.actor is None or event.recipient is None:
        return None
    return event.recipient.key, event.actor


def _partnered(event: EventMention, partners: Mapping[str, Actor], lexicon: Lexicon) -> EventMention:
    """A judgement on a tie with X aimed at the one the text has said partners with X: after "Mali
    brought in the mercenaries", "the partnership with the mercenaries will not bring peace"
    criticises Mali."""
    partner = event.recipient
    found = partners.get(partner.key) if partner is not None else None
    if found is None or found == event.actor:
        return event
    summary = summary_line("ACCUSE", None, event.actor, found, event.status, event.claimed_by, lexicon)
    return replace(event, recipient=found, summary=summary)


class EventExtractor(Protocol):
    """Anything that turns sentences into event mentions (patterns today; a model backend later)."""

    def extract(self, sentences: Sequence[Span]) -> list[EventMention]: ...


class PatternExtractor:
    """The default extractor: the YAML pattern lexicon matched on the dependency parse.

    ``require_actor=False`` also keeps events whose doer phrase names no actor at all (a pronoun
    without antecedent, "the explosion killed ..."), with ``actor`` None: a diagnostic for
    sentence-level benchmarks.
    """

    def __init__(self, lexicon: Lexicon | None = None, require_actor: bool = True) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.require_actor = require_actor

    def extract(self, sentences: Sequence[Span]) -> list[EventMention]:
        """Events of consecutive sentences of one text: a sentence may take a doer or an event
        from the few sentences before it (see :func:`_lacks_doer`, :func:`_decision_anaphors`)."""
        events: list[EventMention] = []
        history: list[list[tuple[Candidate, EventMention]]] = []
        partners: dict[str, Actor] = {}  # actor key -> who the text last said cooperates with it
        for sentence in sentences:
            kept = self._kept(sentence, history, partners)
            partners |= dict(tie for _, e in kept if (tie := _tie(e)) is not None)
            events.extend(self._selected(kept, sentence))
            again = _decision_anaphors(sentence, history, self.lexicon)
            events.extend(event for _, event in again)
            history = [*history, [*kept, *again]][-CONTEXT_SENTENCES:]
        return events

    def extract_sentence(self, sentence: Span) -> list[EventMention]:
        """The events of one sentence read on its own."""
        return self._selected(self._kept(sentence, []), sentence)

    def _kept(
        self, sentence: Span, history: History, partners: Mapping[str, Actor] | None = None
    ) -> list[tuple[Candidate, EventMention]]:
        kept: list[tuple[Candidate, EventMention]] = []
        for candidate in find_candidates(sentence, self.lexicon):
            event = _event_of(candidate, sentence, self.lexicon, self.require_actor)
            if event is None and history and _lacks_doer(candidate, self.lexicon):
                context = _forces_in_context(history, self.lexicon)
                event = _event_of(candidate, sentence, self.lexicon, self.require_actor, context)
            if event is not None and candidate.pattern is PARTNER_JUDGEMENT:
                event = _partnered(event, partners or {}, self.lexicon)
            if event is not None:
                kept.append((candidate, event))
        return kept

    def _selected(self, kept: Sequence[tuple[Candidate, EventMention]], sentence: Span) -> list[EventMention]:
        found: list[EventMention] = []
        events_at = {c.trigger.i for c, _ in kept if not c.pattern.fallback}
        for candidate, event in kept:
            if candidate.pattern.fallback and _governs_any(candidate.trigger, events_at):
                continue  # "agreed to withdraw": the RETREAT is the event, not an AGREE as well
            if _is_aim(candidate, [c for c, _ in kept], self.lexicon):
                continue  # "marched to demand reforms": the demand is what the march is for
            found.append(event)
            if candidate.accusing_speech:
                accusation = _accusation_of(candidate, event.claimed_by, event.actor, sentence, self.lexicon)
                if accusation is not None:
                    found.append(accusation)
        return found


@lru_cache(maxsize=1)
def default_extractor() -> PatternExtractor:
    """The pattern extractor over the packaged lexicon, built once per process."""
    return PatternExtractor()


def find_events(doc: Doc, extractor: EventExtractor | None = None) -> list[EventMention]:
    """All PLOVER event mentions in a parsed, actor-annotated Doc, de-duplicated per sentence."""
    chosen = extractor or default_extractor()
    return deduplicate(chosen.extract(list(doc.sents)))


class EventsComponent:
    """The spaCy component: holds one compiled extractor and writes ``doc._.events``."""

    def __init__(self, extractor: EventExtractor) -> None:
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc, self.extractor)
        return doc


@Language.factory(
    "hornbill_events",
    requires=["token.dep", "doc.ents", "doc._.timexes", "doc._.actor_mentions"],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    """The component compiles its patterns once, when the pipeline is built."""
    return EventsComponent(PatternExtractor())
