"""Reactions aimed at an act: "ECOWAS condemned the coup", "protests against the strikes", "the UN
called for an end to the offensive". Such a reaction names an act, not an actor; its recipient is
whoever the article says did that act (the coup's doer), found among the article's own events: the
nearest before the reaction of a type the act's noun can stand for, else the nearest after it (a
headline reacts to what its body then tells). A country that only qualifies the act ("the Guinea
coup", "Myanmar's coup" aside) names where it happened, not who did it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from hornbill.events.lexicon import Lexicon
from hornbill.events.match import Candidate
from hornbill.events.mentions import summary_line
from hornbill.events.syntax import lemma_of
from hornbill.model import Actor, EventMention

Told = Sequence[tuple[Candidate, EventMention]]


def act_types(noun: Token, lexicon: Lexicon) -> frozenset[str]:
    """The event types a noun can name as an act ("coup" -> COERCE, "strikes" -> ASSAULT, PROTEST);
    empty for a noun that names no act."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return frozenset()
    patterns = lexicon.patterns.get((lemma_of(noun), "NOUN")) or lexicon.patterns.get((noun.lower_, "NOUN")) or ()
    return frozenset(p.event_type for p in patterns)


def _aimed_at_an_act(candidate: Candidate, event: EventMention, lexicon: Lexicon) -> frozenset[str]:
    """The types of the act a reaction is aimed at, when its recipient phrase names an act and no
    actor who did it (only, at most, the country it happened in)."""
    head = candidate.recipient
    if event.event_type not in lexicon.reaction_types or head is None:
        return frozenset()
    if event.recipient is not None and not _names_only_its_place(head, event.recipient):
        return frozenset()
    return act_types(head, lexicon) & lexicon.reacted_act_types


def _names_only_its_place(act: Token, recipient: Actor) -> bool:
    """Whether a recipient found in an act's phrase is only the country qualifying it ("the Guinea
    coup", "the Ukrainian grain deal"), not its owner ("Russia's invasion")."""
    if recipient.type != "COUNTRY":
        return False
    owners = [c for c in act.children if c.dep_ == "poss"]
    return not owners


def _doer_of(types: frozenset[str], told: Told, at: int) -> Actor | None:
    """The doer of the act a reaction at position ``at`` refers to: the nearest event of those
    types before it in the article, else the nearest after it, whose doer is not the reactor (nor
    one read off the reaction's own act noun, "the Guinea coup")."""
    candidate, reaction = told[at]
    act = candidate.recipient

    def fits(k: int) -> bool:
        other, event = told[k]
        own_noun = act is not None and other.trigger.i == act.i and other.trigger.doc is act.doc
        return (event.event_type in types and event.actor is not None and event.actor != reaction.actor
                and not own_noun)

    before = [k for k in range(at - 1, -1, -1) if fits(k)]
    after = [k for k in range(at + 1, len(told)) if fits(k)]
    nearest = before[:1] or after[:1]
    return told[nearest[0]][1].actor if nearest else None


def with_referred_recipients(told: Told, lexicon: Lexicon) -> list[EventMention]:
    """The article's events, each reaction aimed at an act given the act's doer as its recipient."""
    events: list[EventMention] = []
    for at, (candidate, event) in enumerate(told):
        types = _aimed_at_an_act(candidate, event, lexicon)
        doer = _doer_of(types, told, at) if types else None
        if doer is not None:
            summary = summary_line(event.event_type, event.mode, event.actor, doer, event.status, event.claimed_by,
                                   lexicon)
            event = replace(event, recipient=doer, summary=summary)
        events.append(event)
    return events
