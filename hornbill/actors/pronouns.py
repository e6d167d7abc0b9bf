"""Pronouns that stand for actors: "he"/"she" as the subject of a speech verb, when one person is
the clear antecedent; "it" and "them" as objects (the nearest organisation or country; the first
of two coordinated actors)."""

from __future__ import annotations

from spacy.tokens import Token

from hornbill.actors.resolution import Candidate, Resolution
from hornbill.doctools import sentence_bounds, string_ids, token_ids
from hornbill.model import Actor

PRONOUNS = frozenset({"he", "she"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
#: Every word pronoun_candidates looks at: speaker pronouns, and "it"/"them" as objects.
_PRONOUN_WORDS = PRONOUNS | {"it", "them"}


def pronoun_candidates(state: Resolution) -> list[Candidate]:
    """"he"/"she" as speakers; "it"/"them" as objects ("called it a failure", "accused them")."""
    found: list[Candidate] = []
    pronouns = string_ids(state.doc, _PRONOUN_WORDS)
    for i, lower in enumerate(token_ids(state.doc, "LOWER")):
        if lower not in pronouns or i in state.selected:
            continue
        token = state.doc[i]
        actor: Actor | None = None
        if (token.lower_ in PRONOUNS and token.dep_ == "nsubj"
                and token.head.lemma_ in state.roles.speech_verbs):
            actor = _antecedent(state, token)
        elif token.lower_ == "it" and token.dep_ in OBJECT_DEPS:
            actor = _thing_antecedent(state, token)
        elif token.lower_ == "them" and token.dep_ in OBJECT_DEPS:
            actor = _pair_antecedent(state, token)
        if actor is not None:
            found.append(Candidate(token.i, token.i + 1, actor, "pronoun"))
    return found


def _thing_antecedent(state: Resolution, pronoun: Token) -> Actor | None:
    """The nearest organisation or country named earlier in the sentence, else the only one
    the previous sentence names."""
    sentence = pronoun.sent
    things = [m for m in state.mentions() if m.actor.type != "PERSON" and m.how != "pronoun"]
    here = [m for m in things if sentence.start <= m.start and m.end <= pronoun.i]
    if here:
        return here[-1].actor
    if sentence.start == 0:
        return None
    previous = state.doc[sentence.start - 1].sent
    named = {m.actor.key: m.actor for m in things if previous.start <= m.start < previous.end}
    return next(iter(named.values())) if len(named) == 1 else None


def _pair_antecedent(state: Resolution, pronoun: Token) -> Actor | None:
    """The first of the last two actors coordinated earlier in the sentence ("X and Y ... them")."""
    earlier = [m for m in state.mentions() if pronoun.sent.start <= m.start < pronoun.i and m.how != "pronoun"]
    for k in range(len(earlier) - 1, 0, -1):
        first, second = earlier[k - 1], earlier[k]
        one, two = state.doc[first.start:first.end].root, state.doc[second.start:second.end].root
        joined = any(t.lower_ in ("and", "or") for t in state.doc[first.end:second.start])
        coordinated = (two.dep_ == "conj" and two.head.i == one.i) or (
            one.head.i == two.head.i and one.dep_ == two.dep_)
        if joined and coordinated:
            return first.actor
    return None


def _antecedent(state: Resolution, pronoun: Token) -> Actor | None:
    """The person of the nearest sentence (up to three back) that names exactly one, or one subject."""
    sentences = sentence_bounds(state.doc)
    here = next(k for k, (start, end, _, _) in enumerate(sentences) if start <= pronoun.i < end)
    people = [m for m in state.mentions() if m.actor.type == "PERSON"]
    for start, end, _, _ in reversed(sentences[max(0, here - 3):here + 1]):
        inside = [m for m in people if start <= m.start < min(end, pronoun.i)]
        distinct = {m.actor.key: m.actor for m in inside}
        if len(distinct) == 1:
            return next(iter(distinct.values()))
        if len(distinct) > 1:
            subjects = {m.actor.key: m.actor for m in inside if _is_subject(state.doc[m.start:m.end].root)}
            return next(iter(subjects.values())) if len(subjects) == 1 else None
    return None


def _is_subject(token: Token) -> bool:
    """A subject, or a conjunct of one ("Macron and Scholz met")."""
    subject = ("nsubj", "nsubjpass")
    return token.dep_ in subject or (token.dep_ == "conj" and token.head.dep_ in subject)
