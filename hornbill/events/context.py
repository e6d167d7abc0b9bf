"""Events across the sentences of one text, and the extractor that reads them.

:class:`PatternExtractor` matches the lexicon sentence by sentence (:mod:`hornbill.events.match`,
:mod:`hornbill.events.mentions`) and keeps a short history: a withdrawal told without its doer
("Troops will leave by December", "the pullout") takes it from the latest withdrawal just before, a
decision noun ("the assembly's vote was close") repeats the decided event, and a judgement on "the
partnership with X" is aimed at whoever the text said partners with X. What the text has told also
aims verbal events (:mod:`hornbill.events.reference`): "condemned the coup" at whoever staged it, a
call for someone's release at whoever holds them, and a party's call for a truce in its own fighting
is its offer (an AGREE). Other extractors (a transformer or LLM backend) plug in through the
:class:`EventExtractor` protocol.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from hornbill.actors.dictionary import ActorDictionary
from hornbill.doctools import evidence_for
from hornbill.events.lexicon import Lexicon, default_lexicon
from hornbill.events.match import PARTNER_JUDGEMENT, Candidate, find_candidates, governs_any
from hornbill.events.mentions import Context, accusation_of, deduplicate, event_of, summary_line
from hornbill.events.reference import (
    as_offers,
    fighting_pairs,
    is_peace_call,
    with_act_targets,
    with_adversaries,
    with_referred_recipients,
)
from hornbill.events.roles import actor_of, names_both_sides
from hornbill.events.syntax import is_definite, is_infinitival, lemma_of
from hornbill.model import QUAD_CLASS, Actor, EventMention

#: How many sentences back a doer or an event an anaphor stands for is looked for.
CONTEXT_SENTENCES = 3
History = Sequence[Sequence[tuple[Candidate, EventMention]]]  # recent sentences' events, oldest first


def _lacks_doer(candidate: Candidate, lexicon: Lexicon) -> bool:
    """A withdrawal told without its doer, who was named just before: a bare forces noun as doer
    ("Soldiers and helicopters will pull out by May") or a definite nominal with no doer phrase
    ("The pullout should be over by May"; but "the end of the mission" names what ended,
    not who ended it)."""
    if candidate.pattern.event_type not in lexicon.inherit_doer:
        return False
    doer = candidate.actor
    if doer is None:
        return is_definite(candidate.trigger) and candidate.recipient is None
    return (
        lemma_of(doer) in lexicon.marker("anaphoric_forces")
        and actor_of(doer) is None
        and not any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in doer.children)
    )


def _latest_first(history: History) -> Iterator[tuple[Candidate, EventMention]]:
    """The events the sentences before told, the latest first."""
    return (pair for sentence in reversed(history) for pair in reversed(sentence))


def _forces_in_context(history: History, lexicon: Lexicon) -> tuple[Actor, Actor | None] | None:
    """(doer, recipient) of the latest withdrawal in the sentences before: troops that leave after
    "X decided to end mission M" are M's, leaving its host country; after "France will withdraw its
    troops from Mali" they are France's, leaving Mali."""
    for candidate, event in _latest_first(history):
        if event.event_type not in lexicon.inherit_doer or event.actor is None:
            continue
        recipient = event.recipient
        ended = lemma_of(candidate.trigger) in lexicon.marker("ending_words")
        if ended and recipient is not None and recipient.type == "IGO" and recipient.country:
            return recipient, ActorDictionary.load().country(str(recipient.country))
        return event.actor, recipient
    return None


def _previous_doer(candidate: Candidate, history: History, lexicon: Lexicon) -> Actor | None:
    """The doer of the latest event of the candidate's quad class in the sentences just before; for
    a release, of the latest detention or seizure (``holding_types``): "Police arrested the editor.
    He was freed two days later." """
    release = candidate.mode == "release"
    quad = QUAD_CLASS.get(candidate.pattern.event_type)
    for _, event in _latest_first(history):
        kin = event.event_type in lexicon.holding_types if release else QUAD_CLASS.get(event.event_type) == quad
        if event.actor is not None and kin:
            return event.actor
    return None


def _previous_crowd(history: History) -> Actor | None:
    """Who the sentences before last told protesting: the crowd a crackdown told after them is aimed at."""
    for _, event in _latest_first(history):
        if event.event_type == "PROTEST" and event.actor is not None:
            return event.actor
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
    if not (is_definite(token) or any(c.dep_ == "poss" for c in token.children)):
        return False
    return not any(
        (c.dep_ in ("acl", "relcl", "xcomp") and is_infinitival(c)) or (c.dep_ == "prep" and c.lower_ != "by")
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


def _tie(event: EventMention, lexicon: Lexicon) -> tuple[str, Actor] | None:
    """(partner's key, doer) of a cooperation between two known actors (see ``partnering_types`` in
    the lexicon)."""
    if event.event_type not in lexicon.partnering_types or event.actor is None or event.recipient is None:
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


def _is_aim(candidate: Candidate, others: Sequence[Candidate], lexicon: Lexicon) -> bool:
    """Whether the candidate's trigger heads the purpose clause of an event it is the aim of (see
    ``aims`` in the lexicon): "began a hunger strike to demand his release" is one PROTEST, "signed
    a deal to end the war" one signing (the deal's aim is what it settles, not an act of its own),
    "summoned the envoy to protest" one summons."""
    trigger = candidate.trigger
    host = trigger.head
    purpose = trigger.dep_ in ("advcl", "acl", "relcl") or (  # "summoned the envoy to protest", parsed as xcomp
        trigger.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in host.children))
    if not purpose or not is_infinitival(trigger):
        return False
    hosts = {host.i, *(c.i for c in host.children if c.dep_ in ("dobj", "nsubjpass"))}
    if trigger.dep_ != "advcl" and host.dep_ in ("dobj", "pobj"):  # "a deal to end the war", signed or agreed on
        hosts.add(host.head.i if host.dep_ == "dobj" else host.head.head.i)
    kinds = {candidate.pattern.event_type, f"{candidate.pattern.event_type}/{candidate.mode}"}
    return any(other.trigger.i in hosts and kinds & lexicon.aims.get(other.pattern.event_type, frozenset())
               for other in others)


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
        from the few sentences before it (see :func:`_lacks_doer`, :func:`_decision_anaphors`); a
        reaction is aimed at the act it names, and a call for a truce is a party's offer when the
        text tells of its fighting (:mod:`hornbill.events.reference`)."""
        told: list[tuple[Candidate, EventMention]] = []
        words: list[tuple[str, EventMention]] = []  # each event so far with the word that triggered it
        history: list[list[tuple[Candidate, EventMention]]] = []
        partners: dict[str, Actor] = {}  # actor key -> who the text last said cooperates with it
        peace_calls: set[int] = set()  # positions in ``told`` of calls for a ceasefire or an end to fighting
        fights: Counter[tuple[Actor, Actor]] = Counter()  # the pairs of actors told fighting each other
        for sentence in sentences:
            sides = fights.most_common(1)[0][0] if fights else None
            fighting = frozenset(frozenset({a.key, b.key}) for a, b in fights)
            kept = with_act_targets(self._kept(sentence, history, partners, sides, fighting), words, self.lexicon)
            words += [(lemma_of(c.trigger), e) for c, e in kept]
            partners |= dict(tie for _, e in kept if (tie := _tie(e, self.lexicon)) is not None)
            selected = self._selected(kept, sentence)
            fights += fighting_pairs([e for _, e in selected], self.lexicon)
            for candidate, event in selected:
                if is_peace_call(candidate, self.lexicon):
                    peace_calls.add(len(told))
                told.append((candidate, event))
            again = _decision_anaphors(sentence, history, self.lexicon)
            told.extend(again)
            history = [*history, [*kept, *again]][-CONTEXT_SENTENCES:]
        offers = as_offers(with_referred_recipients(told, self.lexicon), peace_calls, self.lexicon)
        return with_adversaries(offers, self.lexicon)

    def extract_sentence(self, sentence: Span) -> list[EventMention]:
        """The events of one sentence read on its own."""
        return with_referred_recipients(self._selected(self._kept(sentence, []), sentence), self.lexicon)

    def _kept(
        self, sentence: Span, history: History, partners: Mapping[str, Actor] | None = None,
        sides: tuple[Actor, Actor] | None = None, fighting: frozenset[frozenset[str]] = frozenset(),
    ) -> list[tuple[Candidate, EventMention]]:
        """The events of a sentence's candidates, each with what the text before gives it; "the two
        sides" told of a candidate gives one event per side the text shows fighting (``sides``)."""
        kept: list[tuple[Candidate, EventMention]] = []
        for candidate in find_candidates(sentence, self.lexicon):
            context = replace(self._context(candidate, history), fighting=fighting)
            for view in _per_side(context, sides) if names_both_sides(candidate.actor, self.lexicon) else [context]:
                event = event_of(candidate, sentence, self.lexicon, self.require_actor, view)
                if event is not None and candidate.pattern is PARTNER_JUDGEMENT:
                    event = _partnered(event, partners or {}, self.lexicon)
                if event is not None:
                    kept.append((candidate, event))
        return kept

    def _context(self, candidate: Candidate, history: History) -> Context:
        """What the sentences before give a candidate: the withdrawal it may continue, and the doer
        of the latest event of its quad class."""
        forces = _forces_in_context(history, self.lexicon) if _lacks_doer(candidate, self.lexicon) else None
        return Context(forces, _previous_doer(candidate, history, self.lexicon), crowd=_previous_crowd(history))

    def _selected(
        self, kept: Sequence[tuple[Candidate, EventMention]], sentence: Span
    ) -> list[tuple[Candidate, EventMention]]:
        """The events a sentence tells, of its candidates: not an act that is another's aim or that
        its doer agreed to (the agreement is the event), nor a fallback that governs an event."""
        found: list[tuple[Candidate, EventMention]] = []
        candidates = [c for c, _ in kept]
        agreed = {c.trigger.i for c in candidates if c.pattern.status != "announced"
                  and c.pattern.event_type in self.lexicon.announcing_types}  # agreed or committed, not only promised
        committed = {c.trigger.i for c in candidates if not c.pattern.fallback and _agreed_to(c, agreed, self.lexicon)}
        aimed = {c.trigger.i for c in candidates if _is_aim(c, candidates, self.lexicon)}
        skipped = committed | aimed
        events_at = {c.trigger.i for c in candidates if not c.pattern.fallback} - skipped
        scene = self.lexicon.marker("circumstance_preps")
        for candidate, event in kept:
            if candidate.trigger.i in skipped:
                continue  # "marched to demand reforms": the demand is what the march is for
            if candidate.pattern.fallback and governs_any(candidate.trigger, events_at, scene):
                continue  # "pledged to withdraw": the RETREAT is the event, not an AGREE as well
            if event.recipient is None and event.event_type in self.lexicon.aimed_as_demanded:
                event = _with_recipient_of(event, _demands_made_by(candidate, kept, self.lexicon), self.lexicon)
            if candidate.trigger.i in agreed and event.recipient is None:
                event = _with_recipient_of(event, [e for c, e in kept if c.trigger.i in committed
                                                   and (v := _agreeing_verb(c.trigger)) is not None
                                                   and v.i == candidate.trigger.i], self.lexicon)
            found.append((candidate, event))
            if candidate.accusing_speech:
                accusation = accusation_of(candidate, event.claimed_by, event.actor, sentence, self.lexicon)
                if accusation is not None:
                    found.append((candidate, accusation))
        return _with_ousted_leaders(_without_elaborations(_without_subsumed(found, self.lexicon), self.lexicon),
                                    self.lexicon)


#: Prepositions whose act noun, under a verb of the same type, is that verb's act told again ("arrested
#: dozens in a round-up", "killed 12 villagers in an overnight raid").
ELABORATING_PREPS = frozenset({"in", "during"})


def _without_elaborations(
    found: list[tuple[Candidate, EventMention]], lexicon: Lexicon
) -> list[tuple[Candidate, EventMention]]:
    """A sentence's events without an act that only tells again, in an "in" or "during" phrase or in a
    participle clause after it, the act of the verb it hangs on, of the same type, mode and doer; the verb's
    act takes the other's recipient when it names none ("Police arrested dozens in a round-up of
    activists": the activists; "soldiers seized power, ousting the president": the president)."""
    def key(event: EventMention, at: int) -> tuple[int, str, str | None, str | None]:
        return at, event.event_type, event.mode, event.actor.key if event.actor else None

    verbs = {key(e, c.trigger.i) for c, e in found if c.trigger.pos_ in ("VERB", "AUX")}
    told_again: dict[tuple[int, str, str | None, str | None], list[EventMention]] = {}
    kept: list[tuple[Candidate, EventMention]] = []
    for candidate, event in found:
        host = _elaborated(candidate.trigger)
        if host is not None and (at := key(event, host.i)) in verbs:
            told_again.setdefault(at, []).append(event)
        else:
            kept.append((candidate, event))
    return [(c, e if e.recipient is not None else _with_recipient_of(e, told_again.get(key(e, c.trigger.i), []),
                                                                        lexicon)) for c, e in kept]


def _elaborated(trigger: Token) -> Token | None:
    """The verb a trigger may tell again: the one its "in"/"during" phrase hangs on ("arrested forty in a
    round-up"), or the one its participle clause follows ("seized power, ousting the president")."""
    head = trigger.head
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and head.lower_ in ELABORATING_PREPS:
        return head.head
    if trigger.tag_ == "VBG" and trigger.dep_ == "advcl" and head.i < trigger.i:
        return head
    return None


def _without_subsumed(
    found: list[tuple[Candidate, EventMention]], lexicon: Lexicon
) -> list[tuple[Candidate, EventMention]]:
    """A sentence's events without those another of its events by the same doer covers
    (``subsumed_by``): "troops were deployed and opened fire on the crowd" is an ASSAULT only."""
    done = {(e.event_type, e.actor.key) for _, e in found if e.actor is not None}
    return [(c, e) for c, e in found if e.actor is None or e.event_type not in lexicon.subsumed_by
            or (lexicon.subsumed_by[e.event_type], e.actor.key) not in done]


def _per_side(context: Context, sides: tuple[Actor, Actor] | None) -> list[Context]:
    """The context once for each of the two sides (each the doer, the other its partner), or as it is
    when the text has shown no two sides fighting."""
    return [replace(context, sides=sides), replace(context, sides=(sides[1], sides[0]))] if sides else [context]


def _agreed_to(candidate: Candidate, agreed: set[int], lexicon: Lexicon) -> bool:
    """Whether a cooperative act is what its doer agreed to ("agreed to lift the blockade"): the
    agreement is the event, as the codebook codes a commitment to cooperate (AGREE). An act joined to
    the one agreed to by "and" is agreed to as well."""
    cooperative = lexicon.intentions.get(QUAD_CLASS.get(candidate.pattern.event_type, "")) == "AGREE"
    verb = _agreeing_verb(candidate.trigger)
    return cooperative and verb is not None and verb.i in agreed


def _agreeing_verb(act: Token) -> Token | None:
    """The verb an act is the complement of: "agreed to withdraw", "committed to withdrawing" (a
    gerund after "to"); an act joined to another by "and" shares its verb ("agreed to disband and
    hand over their weapons")."""
    while act.dep_ == "conj" and act.head.i != act.i:
        act = act.head
    if act.dep_ == "xcomp":
        return act.head
    if act.dep_ == "pcomp" and act.tag_ == "VBG" and act.head.lower_ == "to":
        return act.head.head
    return None


def _with_ousted_leaders(
    found: list[tuple[Candidate, EventMention]], lexicon: Lexicon
) -> list[tuple[Candidate, EventMention]]:
    """A seizure of power that names no one ousted is aimed at the person its doers detain in the same
    sentence ("the military seized power, detaining leader Aung San Suu Kyi": the coup ousted her)."""
    detained = [e for _, e in found if e.event_type == "COERCE" and e.mode == "arrest"
                and e.recipient is not None and e.recipient.type == "PERSON"]
    return [(c, _with_recipient_of(e, [d for d in detained if d.actor == e.actor], lexicon)
             if _is_power_grab(c, e) and e.recipient is None else e) for c, e in found]


def _is_power_grab(candidate: Candidate, event: EventMention) -> bool:
    """A coup told as such or as a seizure of power ("seized power", "a coup", "the power grab")."""
    objects = {lemma_of(t) for t in candidate.slots.get("object")}
    return (event.event_type == "COERCE" and event.mode is None
            and (candidate.pattern.standalone or "power" in objects))


def _demands_made_by(
    candidate: Candidate, kept: Sequence[tuple[Candidate, EventMention]], lexicon: Lexicon
) -> list[EventMention]:
    """The events a clause's act is made for, of the types its ``aims`` allow: the purpose or
    participle clause under its trigger ("marched to demand ...", "blocked roads, demanding ...")."""
    aims = lexicon.aims.get(candidate.pattern.event_type, frozenset())
    return [e for c, e in kept if c.trigger.head.i == candidate.trigger.i and c.trigger.i != candidate.trigger.i
            and c.trigger.dep_ in ("advcl", "xcomp", "acl") and e.event_type in aims]


def _with_recipient_of(event: EventMention, acts: Sequence[EventMention], lexicon: Lexicon) -> EventMention:
    """The event aimed at the first recipient, other than its own doer, of the acts that tell its aim
    or tell it again: an agreement to act at the act's recipient ("agreed to lift its blockade of
    Ukraine": Ukraine), a verb at the one its act noun or participle names, a coup at the leader
    detained."""
    found = next((a.recipient for a in acts if a.recipient is not None and a.recipient != event.actor), None)
    if found is None:
        return event
    summary = summary_line(event.event_type, event.mode, event.actor, found, event.status, event.claimed_by, lexicon)
    return replace(event, recipient=found, summary=summary)


@lru_cache(maxsize=1)
def default_extractor() -> PatternExtractor:
    """The pattern extractor over the packaged lexicon, built once per process."""
    return PatternExtractor()


def find_events(doc: Doc, extractor: EventExtractor | None = None) -> list[EventMention]:
    """All PLOVER event mentions in a parsed, actor-annotated Doc, de-duplicated per sentence."""
    chosen = extractor or default_extractor()
    return deduplicate(chosen.extract(list(doc.sents)))
