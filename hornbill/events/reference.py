"""What the acts an article tells give the verbal events aimed at them.

- A judgement names an act, not an actor ("ECOWAS condemned the coup", "welcomed the withdrawal"):
  it is aimed at the act's doer, as the sentence tells it, else as the latest event the text told
  with that word (:func:`with_act_targets`); failing both, a reaction aimed at an act of material
  conflict ("protests against the strikes", "called for an end to the offensive") is aimed at the
  doer of the nearest event of a type the act's noun can stand for, before it, else after it (a
  headline reacts to what its body then tells: :func:`with_referred_recipients`). A country that
  only qualifies the act ("the Guinea coup") names where it happened, not who did it.
- A call for someone's release is made of whoever the text said holds them.
- A call for a truce by a party the text shows fighting is that party's offer, an AGREE
  (:func:`as_offers`), as the codebook reads it; an agreement that names no other side, by a party
  the text shows fighting, is made with the side it fights (:func:`with_adversaries`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from hornbill.events.lexicon import Lexicon
from hornbill.events.match import Candidate
from hornbill.events.mentions import summary_line
from hornbill.events.roles import actor_of
from hornbill.events.syntax import act_types, lemma_of, noun_subjects, prep_objects_of
from hornbill.model import Actor, EventMention

Told = Sequence[tuple[Candidate, EventMention]]
#: What the text has told so far, in order: each event with the word that triggered it.
Worded = Sequence[tuple[str, EventMention]]



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
    one read off the reaction's own act noun, "the Guinea coup"). An act qualified by a nationality
    ("the Russian attacks") was done by someone of that country."""
    candidate, reaction = told[at]
    act = candidate.recipient
    nationality = _nationality_of(act, reaction.recipient) if act is not None else None

    def fits(k: int) -> bool:
        other, event = told[k]
        own_noun = act is not None and other.trigger.i == act.i and other.trigger.doc is act.doc
        return (event.event_type in types and event.actor is not None and event.actor != reaction.actor
                and not own_noun and (nationality is None or event.actor.country == nationality))

    before = [k for k in range(at - 1, -1, -1) if fits(k)]
    after = [k for k in range(at + 1, len(told)) if fits(k)]
    nearest = before[:1] or after[:1]
    return told[nearest[0]][1].actor if nearest else None


def _nationality_of(act: Token, qualifier: Actor | None) -> str | None:
    """The country an adjective of nationality gives an act ("the Russian attacks": RUS), where the
    recipient read off the act's phrase is that country."""
    if qualifier is None or qualifier.country is None:
        return None
    adjectives = [c for c in act.children if c.dep_ == "amod" and actor_of(c) == qualifier]
    return qualifier.country if adjectives else None


def _later_holder(told: Told, at: int, lexicon: Lexicon) -> Actor | None:
    """Who a call for someone's release that the text made before telling of the detention is aimed
    at ("Guterres demanded the release of the president. ... soldiers detained the president"): the
    doer of the first later event of ``holding_types`` done to that person."""
    candidate, request = told[at]
    freed = _released(candidate, lexicon) if request.event_type == "REQUEST" else None
    if freed is None or request.recipient not in (None, freed):
        return None
    held = (e for _, e in told[at + 1 :] if e.event_type in lexicon.holding_types and e.recipient == freed)
    return next((e.actor for e in held if e.actor is not None and e.actor != request.actor), None)


def with_referred_recipients(told: Told, lexicon: Lexicon) -> list[EventMention]:
    """The article's events, each reaction aimed at an act given the act's doer as its recipient, each
    call for a release the text tells before the detention given the detainer, and each threat that
    names no target (``story_target_types``) aimed at the doer of the nearest act of material conflict
    the article tells."""
    events: list[EventMention] = []
    for at, (candidate, event) in enumerate(told):
        types = _aimed_at_an_act(candidate, event, lexicon)
        doer = _doer_of(types, told, at) if types else _later_holder(told, at, lexicon)
        if doer is None and event.recipient is None and event.event_type in lexicon.story_target_types:
            doer = _doer_of(lexicon.reacted_act_types, told, at)  # "Biden warned of sanctions": on the coup's makers
        if doer is not None:
            summary = summary_line(event.event_type, event.mode, event.actor, doer, event.status, event.claimed_by,
                                   lexicon)
            event = replace(event, recipient=doer, summary=summary)
        events.append(event)
    return events


def _judged_doer(candidate: Candidate, kept: Sequence[tuple[Candidate, EventMention]], told: Worded) -> Actor | None:
    """Who did the act a judgement is about ("condemned the coup", "welcomed the withdrawal"): the
    doer of that act in the same sentence, else of the latest event the text told with that word."""
    act = candidate.recipient
    if act is None or act.pos_ != "NOUN":
        return None
    same = next((e.actor for c, e in kept if c.trigger.i == act.i and e.actor is not None), None)
    if same is not None:
        return same
    word = lemma_of(act)
    return next((e.actor for w, e in reversed(told) if w == word and e.actor is not None), None)


def _released(candidate: Candidate, lexicon: Lexicon) -> Actor | None:
    """Whom a request asks to be freed: "demanded the release of X", "called for X's release"."""
    for name in ("object", "for"):
        for head in candidate.slots.get(name):
            if lemma_of(head) in lexicon.marker("release_words"):
                freed = [p for n, p in prep_objects_of(head) if n == "of"] + noun_subjects(head)
                found = next((a for t in freed if (a := actor_of(t)) is not None), None)
                if found is not None:
                    return found
    return None


def _holder(candidate: Candidate, told: Worded, lexicon: Lexicon) -> Actor | None:
    """Who is asked to free someone: whoever the text said detained or seized them (see
    ``holding_types``): a plea for the minister's release after "rebels seized the minister" is
    made of the rebels."""
    freed = _released(candidate, lexicon)
    if freed is None:
        return None
    held = (e for _, e in reversed(told) if e.event_type in lexicon.holding_types and e.recipient == freed)
    return next((e.actor for e in held if e.actor is not None), None)


def _aimed_at(
    candidate: Candidate,
    event: EventMention,
    kept: Sequence[tuple[Candidate, EventMention]],
    told: Worded,
    lexicon: Lexicon,
) -> Actor | None:
    """The target a verbal event's act gives it, if any (see :func:`with_act_targets`)."""
    if event.event_type in lexicon.judging_types and event.recipient is None:
        return _judged_doer(candidate, kept, told)
    if event.event_type == "REQUEST":
        return _holder(candidate, told, lexicon)
    return None


def with_act_targets(
    kept: list[tuple[Candidate, EventMention]], told: Worded, lexicon: Lexicon
) -> list[tuple[Candidate, EventMention]]:
    """The events of a sentence, aimed at whoever did or would do the act they are about: a
    judgement or welcome that names no target at the act's doer ("Guterres condemned the takeover",
    see ``judging_types``), a call for someone's release at whoever holds them; the doer itself is
    never its own target."""
    found: list[tuple[Candidate, EventMention]] = []
    for candidate, event in kept:
        target = _aimed_at(candidate, event, kept, told, lexicon)
        if target is not None and target != event.actor:
            line = (event.event_type, event.mode, event.actor, target, event.status, event.claimed_by)
            event = replace(event, recipient=target, summary=summary_line(*line, lexicon))
        found.append((candidate, event))
    return found


def is_peace_call(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Whether a request asks for a ceasefire or an end to fighting: "called for a truce", "urged an
    end to the war" (a ``peace_calls`` word in what is asked for)."""
    if candidate.pattern.event_type != "REQUEST":
        return False
    asked = [t for name in ("for", "object", "to", "xcomp") for head in candidate.slots.get(name) for t in head.subtree]
    return any(lemma_of(t) in lexicon.marker("peace_calls") for t in asked)


def as_offers(events: list[EventMention], peace_calls: set[int], lexicon: Lexicon) -> list[EventMention]:
    """The codebook reads a call to end a conflict by a party to it as the party's intent, an AGREE:
    a call for a truce whose doer the text shows fighting (doer or target of an ASSAULT, COERCE or
    MOBILIZE) becomes an announced AGREE; anyone else's stays a REQUEST."""
    fighting = lexicon.fighting_types
    parties = {a.key for e in events if e.event_type in fighting for a in (e.actor, e.recipient) if a}
    offers = list(events)
    for i in peace_calls:
        event = events[i]
        if event.actor is not None and event.actor.key in parties:
            summary = summary_line("AGREE", None, event.actor, event.recipient, "announced", event.claimed_by, lexicon)
            offers[i] = replace(event, event_type="AGREE", mode=None, status="announced", summary=summary)
    return offers


def _fights(events: Sequence[EventMention], lexicon: Lexicon) -> list[tuple[Actor, Actor]]:
    """(doer, target) of each event of ``fighting_types`` between two actors, in text order."""
    return [(e.actor, e.recipient) for e in events if e.event_type in lexicon.fighting_types
            and e.actor is not None and e.recipient is not None and e.actor != e.recipient]


def _adversaries(events: Sequence[EventMention], lexicon: Lexicon) -> dict[str, Counter[Actor]]:
    """For each actor the text shows fighting (doer or target of an event of ``fighting_types``), how
    often it fights each other actor."""
    sides: dict[str, Counter[Actor]] = {}
    for one, other in _fights(events, lexicon):
        sides.setdefault(one.key, Counter())[other] += 1
        sides.setdefault(other.key, Counter())[one] += 1
    return sides


def with_adversaries(events: list[EventMention], lexicon: Lexicon) -> list[EventMention]:
    """The article's events, each of ``settling_types`` that names no other side ("the rebels agreed to
    lay down their arms") made with the actor its doer fights most often in the text (the first told,
    on a tie)."""
    sides = _adversaries(events, lexicon)
    settled: list[EventMention] = []
    for event in events:
        fought = sides.get(event.actor.key) if event.actor is not None else None
        if event.event_type in lexicon.settling_types and event.recipient is None and fought:
            other = fought.most_common(1)[0][0]
            line = (event.event_type, event.mode, event.actor, other, event.status, event.claimed_by)
            event = replace(event, recipient=other, summary=summary_line(*line, lexicon))
        settled.append(event)
    return settled


def fighting_pairs(events: Sequence[EventMention], lexicon: Lexicon) -> Counter[tuple[Actor, Actor]]:
    """How often the events show each two actors fighting each other (in either direction); the most
    common pair so far is who "the two sides" and "both parties" are."""
    return Counter((one, other) if one.key <= other.key else (other, one) for one, other in _fights(events, lexicon))
