"""The per-document state of actor resolution: the possible mentions each kind of evidence offers
and the ones kept, settled greedily (longer spans and more reliable evidence win).

Each kind of evidence lives in its own module and reads and fills a :class:`Resolution`: names
(:mod:`~hornbill.actors.names`: acronyms, dictionary aliases, entities, surnames), role nouns and
titles (:mod:`~hornbill.actors.roles`, :mod:`~hornbill.actors.titles`) and pronouns
(:mod:`~hornbill.actors.pronouns`); :func:`~hornbill.actors.component.find_actor_mentions` runs
them in order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from hornbill.actors.dictionary import ActorDictionary, RoleBook, strip_diacritics
from hornbill.model import Actor

DETERMINERS = frozenset({"the", "its", "their", "this", "that", "these", "those"})


@dataclass
class ActorMatchers:
    """Everything a pipeline needs to find actors, built once per pipeline."""

    dictionary: ActorDictionary
    roles: RoleBook
    names: PhraseMatcher
    role_nouns: PhraseMatcher

    @classmethod
    def build(cls, nlp: Language, dictionary: ActorDictionary, roles: RoleBook) -> ActorMatchers:
        names = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_label: dict[str, set[str]] = defaultdict(set)
        for surface, label in dictionary.surface_forms():
            by_label[label].update({surface, strip_diacritics(surface)})
        for label, surfaces in by_label.items():
            names.add(label, [nlp.make_doc(s) for s in sorted(surfaces)])
        role_nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_role: dict[str, list[str]] = defaultdict(list)
        for noun, label in roles.labels():
            by_role[label].append(noun)
        for label, nouns in by_role.items():
            role_nouns.add(label, [nlp.make_doc(n) for n in nouns])
        return cls(dictionary, roles, names, role_nouns)


@dataclass
class Candidate:
    """A possible mention: a token range, the actor it would stand for, and the evidence (``how``)."""

    start: int  # token offsets
    end: int
    actor: Actor
    how: str
    tier: int = 1  # 1 = resolved against evidence; 2 = a new actor known only by its name


@dataclass
class Unresolved:
    """A name whose resolution waits until the document's full names are known."""

    start: int
    end: int
    label: str
    name: str
    titled: bool = False  # said with an honorific or title ("Sheikh Hasina", "General Tiani"): a person


HOW_RANK = {"acronym": 0, "dictionary": 1, "ner": 2, "fuzzy": 3, "nationality": 4, "surname": 5,
             "role": 6, "pronoun": 7, "kind": 8, "generic": 8}


@dataclass
class Resolution:
    """What one document's resolution has found so far: the kept mentions by token, the names the
    document defines (acronyms and their expansions), and each person's title words."""

    doc: Doc
    matchers: ActorMatchers
    selected: dict[int, Candidate] = field(default_factory=dict)  # token index -> candidate
    doc_aliases: dict[str, Actor] = field(default_factory=dict)
    acronyms: dict[str, Actor] = field(default_factory=dict)  # exact acronym text -> actor
    titles: dict[int, frozenset[str]] = field(default_factory=dict)  # mention start -> title words

    @property
    def dictionary(self) -> ActorDictionary:
        return self.matchers.dictionary

    @property
    def roles(self) -> RoleBook:
        return self.matchers.roles

    def select(self, candidates: Iterable[Candidate], absorb_countries: bool = False) -> None:
        """Keep candidates that do not overlap kept ones: tier, then length, then evidence rank.

        With ``absorb_countries`` a candidate may swallow country mentions lying wholly inside it
        ("Malian" inside "the Malian authorities").
        """
        ordered = sorted(candidates, key=lambda c: (c.tier, c.start - c.end, HOW_RANK[c.how], c.start))
        for cand in ordered:
            inside = {id(m): m for i in range(cand.start, cand.end) if (m := self.selected.get(i))}
            if inside and not (absorb_countries and all(self._absorbable(m, cand) for m in inside.values())):
                continue
            for mention in inside.values():
                for i in range(mention.start, mention.end):
                    del self.selected[i]
            for i in range(cand.start, cand.end):
                self.selected[i] = cand

    @staticmethod
    def _absorbable(mention: Candidate, cand: Candidate) -> bool:
        return (mention.actor.type == "COUNTRY" and cand.start <= mention.start
                and mention.end <= cand.end and (mention.end - mention.start) < (cand.end - cand.start))

    def mentions(self) -> list[Candidate]:
        """The kept mentions, in document order."""
        unique = {id(c): c for c in self.selected.values()}
        return sorted(unique.values(), key=lambda c: c.start)

    def actor_countries(self, with_missions: bool = False) -> Counter[str | None]:
        """How many of the mentions kept so far belong to each country, in order of first mention:
        states and their capitals, forces, people and bodies; an international body working in a
        country (a UN mission) only ``with_missions``; a pronoun never."""
        return Counter(m.actor.country for m in self.mentions() if m.actor.country and m.how != "pronoun"
                       and (with_missions or m.actor.type != "IGO"))

    def country_at(self, i: int) -> str | None:
        """ISO3 of the country mention kept at token ``i``, if any."""
        mention = self.selected.get(i)
        return mention.actor.country if mention is not None and mention.actor.type == "COUNTRY" else None


def is_person(mention: Candidate | None) -> bool:
    """Whether a (possible) mention stands for a person."""
    return mention is not None and mention.actor.type == "PERSON"
