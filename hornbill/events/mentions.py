"""From a candidate to an :class:`~hornbill.model.EventMention`: the doer and recipient resolved
to actors (:func:`event_of`), the place, date, confidence and one-line summary; de-duplication per
sentence, and the PLOVER codebook's reading of an announced event (:func:`codebook_coding`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from hornbill import timex
from hornbill.actors.dictionary import ActorDictionary
from hornbill.actors.generic import article_country, fallback_actor, implied_actor, story_country
from hornbill.doctools import evidence_for, is_headline
from hornbill.events.lexicon import Lexicon, Pattern, default_lexicon
from hornbill.events.match import Candidate
from hornbill.events.places import (
    countries_of_parties,
    deployment_destination,
    gazetteer_country,
    host_abroad,
    inside_country,
    sent_to_help,
    sentence_location,
    stated_country,
)
from hornbill.events.roles import (
    actor_of,
    adhoc_actor,
    affiliation,
    aimed_at_the_crowd,
    antecedent,
    clause_subject,
    did_a_reacted_act,
    is_kind_only,
    known_by_kind_may_receive,
    linked_recipient,
    names_both_sides,
    names_people,
    object_antecedent,
    only_counted,
    owner_antecedent,
    suffers,
)
from hornbill.events.syntax import (
    TIME_LABELS,
    Slots,
    act_types,
    conjuncts,
    is_passive,
    is_topic_label,
    lemma_of,
    noun_subjects,
    occurs,
    prep_objects_of,
)
from hornbill.model import QUAD_CLASS, Actor, DatePoint, EventMention, Resolution, Status
from hornbill.timex.tense import narrative_tense


def _date_for(trigger: Token) -> DatePoint:
    """The event date from the time stage."""
    return timex.event_date(trigger)


def _opinion_date(candidate: Candidate) -> DatePoint:
    """An opinion holds from when it is said: the date of the verb it is said with, when the text
    gives one; else the trigger's own."""
    if candidate.said is not None:
        said = _date_for(candidate.said)
        if said.basis not in (None, "reported", "none"):
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


#: How much a doer found each way is to be trusted, against one the text names.
RESOLUTION_WEIGHT: dict[str, float] = {"dictionary": 1.0, "context": 1.0, "generic": 0.9, "unknown": 0.8}


def _confidence(pattern: Pattern, actor: Actor | None, recipient: Actor | None, claimed: bool, rank: int = 0,
                resolution: Resolution = "dictionary") -> float:
    """Pattern strength scaled by how complete the roles are and how the doer was found; of
    coordinated recipients the first named is the main one ("removed the president and the prime
    minister"), so when the reports of one event are merged its mention speaks for the event."""
    completeness = (0.6 + (0.25 if actor is not None else 0.0)) * RESOLUTION_WEIGHT[resolution]
    completeness += 0.15 if (recipient is not None or not pattern.recipient) else 0.0
    value = pattern.strength * completeness * (0.9 if claimed else 1.0) * 0.98**rank
    return round(min(max(value, 0.0), 1.0), 3)


def accusation_of(
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
    places = [pobj for name, pobj in prep_objects_of(trigger) if name == "in"]
    if trigger.dep_ == "dobj" and lemma_of(trigger.head) in lexicon.marker("venue_verbs"):
        places += clause_subject(trigger.head, lexicon)
    for place in places:
        found = actor_of(place)
        if found is not None and found.type == "COUNTRY" and found.country:
            return str(found.country)
    return None


def _military_doer(candidate: Candidate, actor: Actor | None, lexicon: Lexicon) -> Actor | None:
    """The doer of a military coup: the armed forces of the country it happened in, as the actor
    dictionary codes them (``armed_forces``), when no other doer is named (with no place named, the
    country the article is about); a country named as its owner ("Chad's military coup") is that
    place, not the doer."""
    trigger = candidate.trigger
    modifiers = {lemma_of(c) for c in trigger.children if c.dep_ in ("amod", "compound", "nmod")}
    if not candidate.pattern.standalone or trigger.tag_ == "NNS" or not modifiers & lexicon.marker("military_marks"):
        return actor  # "witnessing military coups" tells of no one coup
    if actor is not None and actor.type != "COUNTRY":
        return actor
    iso3 = actor.country if actor is not None else _venue_country(trigger, lexicon) or story_country(trigger.doc)
    forces = ActorDictionary.load().armed_forces(iso3) if iso3 else None
    return forces or actor


def _labelled_country(sentence: Span) -> Actor | None:
    """The country a headline's opening label names ("Mali: UN ends peace mission"): where its
    withdrawals, deployments and attacks take place."""
    label = sentence[0]
    if not is_topic_label(label):
        return None
    found = actor_of(label)
    return found if found is not None and found.type == "COUNTRY" else None


def _is_agent(head: Token, slots: Slots) -> bool:
    """Whether a doer phrase acts rather than is acted upon: not a pronoun, not the trigger's object
    (the doer of "troops were deployed" is whoever sent them, known only through the dictionary)."""
    return head.pos_ != "PRON" and all(head.i not in {c.i for c in conjuncts(o)} for o in slots.get("object"))


def _is_speaker(candidate: Candidate) -> bool:
    """Whether the doer phrase is the one who reports the event: "the ministry said the redeployment
    was complete" names no doer of the redeployment (a pronoun doer, "they said they attacked", does)."""
    doer, speaker = candidate.actor, candidate.claimed_by
    return doer is not None and speaker is not None and doer.i == speaker.i


EventKey = tuple[str, str | None, str | None, int, str | None]


def _key(event: EventMention) -> EventKey:
    return (
        event.event_type,
        event.actor.key if event.actor else None,
        event.recipient.key if event.recipient else None,
        event.evidence.start,
        event.mode,
    )


def deduplicate(events: Iterable[EventMention]) -> list[EventMention]:
    """One event per (type, actor, recipient, sentence, mode): the most confident one, in text order.
    Two modes are two acts ("imposed a curfew and shut down the internet")."""
    best: dict[EventKey, EventMention] = {}
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


def _named(head: Token | None) -> Actor | None:
    """The actor a role phrase names, if any."""
    return actor_of(head) if head is not None else None


def _voiced_doer(candidate: Candidate) -> Actor | None:
    """The speaker of the quotation a speaker's act stands in ("'They committed a crime,' the
    minister told a news conference"), when the parse names no speaker."""
    speaks = "speaker" in candidate.pattern.actor
    return candidate.voice if speaks and (candidate.actor is None or _named(candidate.actor) is None) else None


def _named_recipient(candidate: Candidate, named_doer: Actor | None, lexicon: Lexicon) -> Actor | None:
    """The actor the recipient phrase names, unless it is the doer itself, or people known only by
    their kind where the type wants someone to follow (``generic_recipient_types``)."""
    head = candidate.recipient
    recipient = _named(head)
    if recipient is None or head is None or recipient == named_doer:
        return None
    generic = _named_resolution(head, recipient) == "generic"
    if generic and not known_by_kind_may_receive(recipient, candidate.pattern.event_type, lexicon):
        return None
    if _only_its_sponsor(head, recipient):
        return None  # "gave money to the Kenyan-led mission": the mission, not Kenya, gets it
    if candidate.pattern.event_type in lexicon.reaction_types and _only_its_victim(head, recipient, lexicon):
        return None  # "condemned the killing of protesters" is aimed at the killers, not the protesters
    if candidate.pattern.event_type in lexicon.reaction_types and did_a_reacted_act(head, lexicon):
        return recipient  # "condemned the coup by the army": the army that staged it, not its state
    return _state_of_forces(recipient)


#: Participles that name who leads or backs a body ("the Kenyan-led mission", "a US-backed government").
SPONSOR_PARTICIPLES = frozenset({"lead", "back", "sponsor", "fund", "support", "broker", "arm", "train"})


def _only_its_sponsor(head: Token, recipient: Actor) -> bool:
    """Whether the actor a recipient phrase names is only who leads or backs the body it heads
    ("the Kenyan-led mission", "the US-backed government"): not the body itself."""
    sponsors = [n for q in head.children if q.dep_ == "amod" and q.lemma_.lower() in SPONSOR_PARTICIPLES
                for n in q.children if n.dep_ in ("npadvmod", "compound", "nmod")]
    return any(actor_of(n) == recipient for n in sponsors)


def _only_its_victim(act: Token, recipient: Actor, lexicon: Lexicon) -> bool:
    """Whether the actor a reaction's phrase names is only whom the act it names was done to: the
    "of" phrase of a noun of ``holding_types`` ("the execution of the protester"), with no doer of
    its own ("Iran's execution of ...")."""
    if act.pos_ != "NOUN" or not act_types(act, lexicon) & lexicon.holding_types or noun_subjects(act):
        return False
    return any(actor_of(pobj) == recipient for name, pobj in prep_objects_of(act) if name == "of")


def _state_of_forces(actor: Actor) -> Actor:
    """A country's armed forces acted upon are the state ("a mutiny against Russia's military"),
    unless the dictionary lists them as acting apart from it (a junta's army)."""
    dictionary = ActorDictionary.load()
    if not dictionary.is_synthetic(actor.key) or actor.country is None:
        return actor
    return dictionary.country(actor.country) or actor


def _lacks_recipient(candidate: Candidate, named_recipient: Actor | None, lexicon: Lexicon) -> bool:
    """Whether the codebook wants a recipient the candidate does not name (people not in the
    dictionary, "13 individuals", do name one)."""
    return (
        named_recipient is None
        and candidate.pattern.event_type in lexicon.requires_recipient
        and (candidate.recipient is None or not names_people(candidate.recipient, lexicon))
    )


def _recipient(candidate: Candidate, named: Actor | None, sentence: Span, lexicon: Lexicon) -> Actor | None:
    """The one acted upon: the actor named; else the object a pronoun stands for, or whom the people
    named are linked to; else, for types with a place, the country a headline's label names."""
    if named is not None:
        return named
    head = candidate.recipient
    if head is not None:
        found = object_antecedent(head, lexicon) if head.pos_ == "PRON" else (
            linked_recipient(head, lexicon) or owner_antecedent(head, lexicon))
        if found is None and head.dep_ == "poss" and candidate.pattern.event_type in lexicon.generic_recipients:
            found = adhoc_actor(head, lexicon)  # "accepted the students' demands": the students
        if found is not None:
            return found
    if candidate.pattern.event_type in lexicon.place_slots:
        return _labelled_country(sentence)  # "Mali: UN ends peace mission"
    return None


#: How an actor mention was found, as the resolution of a doer it names (see model.Resolution).
RESOLUTION_OF_HOW: dict[str, Resolution] = {"role": "context", "pronoun": "context", "kind": "context",
                                           "generic": "generic"}


@dataclass(frozen=True)
class Context:
    """What the sentences before give a candidate that names no doer: the doer and recipient of the
    withdrawal it continues (``forces``), the doer of the latest event of its quad class, and for a
    doer phrase naming "the two sides", the two sides the text shows fighting (``sides``)."""

    forces: tuple[Actor, Actor | None] | None = None
    previous_doer: Actor | None = None
    sides: tuple[Actor, Actor] | None = None  # for "the two sides": the side this event is told of, the other
    fighting: frozenset[frozenset[str]] = frozenset()  # the keys of each two actors told fighting each other
    crowd: Actor | None = None  # who the text last told protesting: those a crackdown told after is aimed at


@dataclass(frozen=True)
class Doer:
    """Who did it, and how that was found."""

    actor: Actor | None
    resolution: Resolution


def _named_resolution(head: Token, actor: Actor) -> Resolution:
    """How the actor a doer phrase names was found: the evidence of its mention in the phrase."""
    index = head.doc._.actor_index or {}
    for i in range(head.left_edge.i, head.right_edge.i + 1):
        mention = index.get(i)
        if mention is not None and mention.actor.key == actor.key:
            return RESOLUTION_OF_HOW.get(mention.how, "dictionary")
    return "dictionary"


def _named_doer(candidate: Candidate, named: Actor | None, lexicon: Lexicon) -> Doer | None:
    """The doer the phrase names; people known only by their kind must act, not be acted upon
    ("troops and police were deployed" names who was sent, not who sent them)."""
    head = candidate.actor
    if named is None or head is None or _reports_anothers_act(candidate, named, lexicon):
        return None
    resolution = _named_resolution(head, named)
    if resolution == "generic" and _is_sent(candidate, head):
        return _sending_state(head)
    if resolution == "generic" and (not _is_agent(head, candidate.slots) or _is_speaker(candidate)):
        return None  # "the ministry said the withdrawal was complete" names no withdrawer
    return Doer(named, resolution)


def _reports_anothers_act(candidate: Candidate, speaker: Actor, lexicon: Lexicon) -> bool:
    """Whether the doer phrase is a body of a sector that reports its own acts (``self_reported``)
    telling, in an agentless passive, an act of a type it does not tell of as its own: "officials
    said 40 people had been killed" names no killer; the context may."""
    own = lexicon.self_reported.get(speaker.sector or "")
    return (own is not None and _is_speaker(candidate) and _is_agentless_passive(candidate)
            and speaker.type != "PERSON" and candidate.pattern.event_type not in own)


def _is_sent(candidate: Candidate, head: Token) -> bool:
    """Whether the doer phrase names the people an agentless passive sends or readies, for a pattern
    that codes them as the doer ("police were deployed in the capital", "troops were put on alert")."""
    trigger = candidate.trigger
    return ("object" in candidate.pattern.actor and trigger.pos_ in ("VERB", "AUX") and is_passive(trigger)
            and not _is_agent(head, candidate.slots))


def _sending_state(head: Token) -> Doer | None:
    """The state whose people, known by their kind, were sent: the country their own phrase names
    ("Kenyan police were deployed to Haiti": Kenya deployed them); None when it names none."""
    named = (actor_of(t) for t in head.subtree if t.i != head.i and t.ent_type_ in ("NORP", "GPE"))
    country = next((a.country for a in named if a is not None and a.country), None)
    return _state_doer(country)


def _state_doer(iso3: str | None) -> Doer | None:
    """The state of a country as a doer found in the context; None for no country or an unknown one."""
    state = ActorDictionary.load().country(iso3) if iso3 else None
    return Doer(state, "context") if state is not None else None


def _unnamed_doer(candidate: Candidate, claimed_by: Actor | None, lexicon: Lexicon) -> Doer:
    """The doer when its phrase names no known actor: for a pronoun, the speaker or the subject of the
    clause that reports or announces the event ("Switzerland said it had expelled ...", "Chad
    announced that it would leave"); else the people the phrase describes, by their links or as an
    ad-hoc actor, when they act and do not merely report."""
    doer = candidate.actor
    if doer is not None and doer.pos_ == "PRON":
        doer = antecedent(doer, lexicon)
        found = claimed_by or (actor_of(doer) if doer is not None else None)
        if found is not None:
            return Doer(found, "context")
    if doer is not None and _is_agent(doer, candidate.slots) and not _is_speaker(candidate):
        linked = affiliation(doer, lexicon)
        if linked is not None:
            return Doer(linked, "context")
        made = adhoc_actor(doer, lexicon)
        if made is not None:
            return Doer(made, "generic")
    return Doer(None, "unknown")


def _from_context(candidate: Candidate, claimed_by: Actor | None, context: Context, lexicon: Lexicon) -> Doer:
    """The doer the text around a doerless candidate gives: the withdrawal it continues; for an
    agentless passive, an act told by its weapon ("an airstrike killed ...") or by its day
    ("Thursday's strikes") or by an arrival with no sender (``_arrives_unsent``), the body that reports
    its own act (``self_reported``: "officials said the borders had been closed", "police said he was
    arrested"), else the doer of the latest event of its kind just before ("Soldiers stormed the
    palace. The president was detained.")."""
    if context.forces is not None:
        return Doer(context.forces[0], "context")
    faceless = _is_agentless_passive(candidate) or _done_by_a_weapon(candidate, lexicon) or _told_by_its_day(candidate)
    if not (faceless or _arrives_unsent(candidate)):
        return Doer(None, "unknown")
    own = lexicon.self_reported.get(claimed_by.sector or "", frozenset()) if claimed_by is not None else frozenset()
    if claimed_by is not None and claimed_by.type != "PERSON" and candidate.pattern.event_type in own:
        return Doer(claimed_by, "context")
    return Doer(context.previous_doer, "context" if context.previous_doer is not None else "unknown")


def _arrives_unsent(candidate: Candidate) -> bool:
    """Whether an act told by its arrival names no sender ("the first aid convoy reached Mekelle"):
    its pattern's only doer is the goods' source, and the sentence gives none."""
    return candidate.actor is None and candidate.pattern.actor == ("source",)


def _told_by_its_day(candidate: Candidate) -> bool:
    """Whether a nominal act with no doer phrase is named by its day ("Thursday's strikes", "last
    week's raid"): an act the text has told, whose doer is the one told before."""
    trigger = candidate.trigger
    return candidate.actor is None and trigger.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.ent_type_ in TIME_LABELS for c in trigger.children)


def _by_someone_unknown(candidate: Candidate) -> bool:
    """Whether a verb in the passive names its doer in a "by" phrase that resolves to no one ("was
    shot dead by a group of strangers"): the act took place, whoever did it."""
    trigger, doer = candidate.trigger, candidate.actor
    return (trigger.pos_ in ("VERB", "AUX") and is_passive(trigger) and doer is not None
            and doer.head.dep_ == "agent" and doer.head.head.i == trigger.i and actor_of(doer) is None)


def _is_agentless_passive(candidate: Candidate) -> bool:
    """A verb in the passive with no "by" phrase naming who did it ("the president was detained"; the
    one reporting it, "..., police said", is no such phrase), or a state one is put in by such a verb
    ("was held under house arrest")."""
    trigger = candidate.trigger
    unnamed = candidate.actor is None or _is_speaker(candidate)
    if trigger.pos_ == "NOUN" and candidate.slots.get("undergoer"):  # "was held under house arrest"
        carrier = candidate.slots.get("head")
        return unnamed and bool(carrier) and is_passive(carrier[0]) and not any(
            c.dep_ == "agent" for c in carrier[0].children)
    return trigger.pos_ in ("VERB", "AUX") and is_passive(trigger) and unnamed


def _generic_doer(candidate: Candidate, lexicon: Lexicon) -> Doer:
    """A doer known only by its kind that nothing before names ("the troops", "the army" in an
    article naming no country): the forces of the article's country, or of the country the act took
    place in, or a generic actor of its own words; for a pronoun, of the words it stands for
    ("soldiers who said they had seized power")."""
    head = candidate.actor
    if head is not None and head.pos_ == "PRON":
        head = antecedent(head, lexicon)
    if head is not None and _is_sent(candidate, head):
        return _deploying_state(head, inside_country(candidate.trigger, gazetteer_country))
    acts = head is not None and _is_agent(head, candidate.slots) and not _is_speaker(candidate)
    made = fallback_actor(head, stated_country(candidate, None, lexicon)) if head is not None and acts else None
    if made is None:
        return Doer(None, "unknown")
    actor, how = made
    return Doer(actor, RESOLUTION_OF_HOW.get(how, "dictionary"))


def _deploying_state(head: Token, stated: str | None) -> Doer:
    """For forces of no named country that an agentless passive deploys inside a country ("security
    forces were deployed across Nairobi"), that country's state; sent "to" a place, they may be anyone's
    ("troops were deployed to Mali" for a mission): unknown."""
    names_forces = stated is not None and fallback_actor(head, stated) is not None  # a kind of doer at all
    return (_state_doer(stated) if names_forces else None) or Doer(None, "unknown")


def _implied_doer(candidate: Candidate, lexicon: Lexicon) -> Doer:
    """For a nominal event told as taking place with no doer phrase ("protests erupted in Dhaka"), or
    an act whose doers are only counted ("thousands rallied"), the kind of people who do such acts
    (``implied_doers``), as a generic actor; else unknown."""
    kind = lexicon.implied_doers.get(candidate.pattern.event_type)
    head = candidate.actor
    unnamed = occurs(candidate.trigger, lexicon) if head is None else only_counted(head, lexicon)
    if kind is None or not unnamed:
        return Doer(None, "unknown")
    made = implied_actor(candidate.trigger, kind)
    return Doer(made, "generic") if made is not None else Doer(None, "unknown")


def _doer(
    candidate: Candidate, named: Actor | None, claimed_by: Actor | None, lexicon: Lexicon, context: Context
) -> Doer:
    """Who did it, in order of evidence: the actor named; one the doer phrase gives
    (:func:`_unnamed_doer`); one the sentences before give (:func:`_from_context`); a generic actor
    of the phrase's own words; else unknown. A military coup's doer is the armed forces
    (:func:`_military_doer`); a country's forces abroad act as the country (:func:`_state_abroad`)."""
    if context.sides is not None and names_both_sides(candidate.actor, lexicon):
        return Doer(context.sides[0], "context")
    doer = _named_doer(candidate, named, lexicon) or _unnamed_doer(candidate, claimed_by, lexicon)
    if doer.actor is None:
        doer = _from_context(candidate, claimed_by, context, lexicon)
    if doer.actor is None:
        doer = _generic_doer(candidate, lexicon)
    if doer.actor is None:
        doer = _implied_doer(candidate, lexicon)
    forces = _military_doer(candidate, doer.actor, lexicon)
    if forces != doer.actor:
        return Doer(forces, "context")
    return doer


def _suffered(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Whether a nominal act with no doer phrase is where someone came to harm ("50 people died in the
    attack", "three soldiers were wounded in clashes"): it took place, whoever did it."""
    trigger, prep = candidate.trigger, candidate.trigger.head
    return (candidate.actor is None and trigger.pos_ == "NOUN" and trigger.dep_ == "pobj"
            and prep.lower_ in ("in", "during") and prep.head.pos_ in ("VERB", "AUX") and suffers(prep.head, lexicon)
            and narrative_tense(prep.head) == "past")


def _done_by_a_weapon(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Whether the subject of a past act is the weapon or the attack that did it, not a doer ("an
    airstrike killed 20 civilians", "a car bomb killed six soldiers"; markers ``weapon_subjects``)."""
    subject = candidate.actor
    return (subject is not None and subject.pos_ == "NOUN" and lemma_of(subject) in lexicon.marker("weapon_subjects")
            and not noun_subjects(subject)  # "Russian airstrikes killed ...": the strikes' doer is told
            and not any(c.lower_.endswith(("-led", "-backed")) for c in subject.children)  # "U.S.-led", one token
            and narrative_tense(candidate.trigger) == "past")


def _is_kept(candidate: Candidate, doer: Doer, require_actor: bool, lexicon: Lexicon) -> bool:
    """Whether an event is kept: it has a doer, or (``require_actor`` off) names one that resolves to
    no actor ("Protesters marched ..."), or is of ``unknown_doer_types`` and told without a doer ("two
    journalists were killed", "a car bomb killed six soldiers"), or is a single, specific standalone
    event ("a coup"), not generic "coups"."""
    named_doer = not require_actor and candidate.actor is not None
    faceless = (_is_agentless_passive(candidate) or _done_by_a_weapon(candidate, lexicon)
                or _suffered(candidate, lexicon) or _by_someone_unknown(candidate))
    undone = faceless and candidate.pattern.event_type in lexicon.unknown_doers
    single = candidate.pattern.standalone and candidate.trigger.tag_ != "NNS"
    return doer.actor is not None or named_doer or undone or single


#: Sectors of a state's forces: abroad they act as their state.
STATE_FORCE_SECTORS = frozenset({"MIL", "COP"})


def _state_abroad(actor: Actor | None, recipient: Actor | None, stated: str | None) -> Actor | None:
    """A country's armed forces or police acting abroad act as their state ("US forces struck
    targets in Yemen" is the United States', "Rwandan police arrived in Mozambique" Rwanda's); at
    home (a coup, a crackdown, an arrest) they are an actor of their own."""
    dictionary = ActorDictionary.load()
    national = actor is not None and dictionary.has_tag(actor.key, "national_forces")
    kind = actor is not None and is_kind_only(actor) and actor.sector in STATE_FORCE_SECTORS
    if actor is None or actor.country is None or not (national or kind):
        return actor
    places = [stated, recipient.country if recipient is not None else None]
    abroad = any(country is not None and country != actor.country for country in places)
    return dictionary.country(actor.country) if abroad else actor


def _mention(
    candidate: Candidate,
    sentence: Span,
    doer: Doer,
    recipient: Actor | None,
    claimed_by: Actor | None,
    lexicon: Lexicon,
) -> EventMention:
    """The event mention of a candidate whose doer, recipient and reporter are resolved."""
    pattern = candidate.pattern
    parties = countries_of_parties(pattern.event_type, candidate.mode, doer.actor, recipient)
    location = sentence_location(candidate, recipient, lexicon, parties)
    if recipient is None and pattern.event_type in lexicon.hosted_types:
        recipient = host_abroad(doer.actor, location)
    actor = _state_abroad(doer.actor, recipient, stated_country(candidate, recipient, lexicon))
    return EventMention(
        event_type=pattern.event_type,
        actor=actor,
        recipient=recipient,
        date=_opinion_date(candidate),
        status=candidate.status,
        evidence=evidence_for(sentence),
        trigger=candidate.trigger.text,
        mode=candidate.mode,
        location=location,
        confidence=_confidence(pattern, actor, recipient, claimed_by is not None, candidate.rank, doer.resolution),
        summary=summary_line(
            pattern.event_type, candidate.mode, actor, recipient, candidate.status, claimed_by, lexicon
        ),
        claimed_by=claimed_by,
        headline=is_headline(sentence),
        resolution="context" if actor is not doer.actor else doer.resolution,
    )


def _speaks_for(person: Actor, state: Actor | None) -> bool:
    """Whether a person speaks for the state that does the act: "Biden said the United States will ..."
    (a person of the state's country; the conventions code a state's acts as the state's)."""
    return (
        state is not None
        and person.type == "PERSON"
        and state.type == "COUNTRY"
        and person.country is not None
        and person.country == state.country
    )


def _spoken_by_doer(
    candidate: Candidate, actor: Actor | None, claimed_by: Actor | None, lexicon: Lexicon
) -> bool:
    """Whether the one who says the act will be done is its doer: "Hamas said it would ...", a person
    of the doing state, or a speaker named only by a pronoun or an office ("He said the United States
    will ...", "the ministry spokesman said Iran will ...": an official of the doer)."""
    if claimed_by is not None:
        return claimed_by == actor or _speaks_for(claimed_by, actor)
    speaker = candidate.claimed_by
    if speaker is None:
        return False
    if speaker.pos_ == "PRON":
        return speaker.lower_ in ("he", "she", "they", "we", "i")
    return lexicon.adhoc_doers.get(lemma_of(speaker)) in ("GOV", "MIL")


def _as_promised(candidate: Candidate, actor: Actor | None, claimed_by: Actor | None, lexicon: Lexicon) -> Candidate:
    """The candidate as the codebook codes an act its doer promises, vows or says it will do (see
    ``promised_types``): "vowed to keep attacking ships", "said it would continue its strikes" are a
    THREATEN (made, so occurred); "pledged to keep supplying weapons", "said it would work with its
    partners to support ..." an AGREE (announced), as is a deployment offered or pledged
    (``offered_types``). Other announced acts keep their type."""
    pattern = candidate.pattern
    offered = candidate.status == "announced" and candidate.pledge == "promise"
    if pattern.event_type in lexicon.offered_types and offered:
        return replace(candidate, pattern=replace(pattern, event_type="AGREE"), mode=None)  # "offered to send troops"
    if pattern.event_type not in lexicon.promised_types or candidate.status != "announced":
        return candidate
    foretold = candidate.pledge == "future" and _spoken_by_doer(candidate, actor, claimed_by, lexicon)
    if candidate.pledge != "promise" and not foretold:
        return candidate
    coded, mode = codebook_coding(pattern.event_type, candidate.mode, "announced", lexicon)
    status: Status = "announced" if coded == "AGREE" else "occurred"
    return replace(candidate, pattern=replace(pattern, event_type=coded), mode=mode, status=status)


def _destination(candidate: Candidate, doer: Actor | None) -> Actor | None:
    """Where a deployment offered or pledged would go ("pledged to send troops to Haiti"): the actor a
    "to" or "in" phrase of the trigger names, other than the doer."""
    for name in ("to", "in"):
        for head in candidate.slots.get(name):
            found = actor_of(head)
            if found is not None and found != doer:
                return found
    return None


def _story_recipient(candidate: Candidate, sentence: Span, lexicon: Lexicon) -> Actor | None:
    """For an act of ``story_recipient_types`` that names no phrase for a recipient ("Kenya approved
    the deployment", "Canada announced new sanctions"), or of ``story_beneficiary_types`` whose phrase
    names what the country gets it through ("funding for the security mission"), the country the
    article is about."""
    if candidate.pattern.event_type not in lexicon.story_recipients:
        return None
    if candidate.recipient is not None and candidate.pattern.event_type not in lexicon.story_beneficiaries:
        return None  # a phrase that names nobody one can follow: no recipient, not the story's
    if candidate.trigger.dep_ == "pobj" or _in_description(candidate.trigger):
        return None  # "brokered with the help of Turkey", "a deal allowing Ukraine to ship grain"
    return _story_country(sentence.doc, lexicon)


def _story_country(doc: Doc, lexicon: Lexicon) -> Actor | None:
    """The country a story's aid and pledges go to: where its forces and missions are sent
    (:func:`~hornbill.events.places.deployment_destination`), else the country it is about."""
    return deployment_destination(doc, lexicon) or article_country(doc)


def _is_pledge(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Whether a candidate of ``story_pledge_types`` is told as a pledge: by a commissive verb
    ("pledged 150 officers", "offered to lead the mission") or as a promise of its doer."""
    promised = candidate.pledge == "promise" or lemma_of(candidate.trigger) in lexicon.marker("commissives")
    return candidate.pattern.event_type in lexicon.story_pledges and promised


def _pledged_to_story(sentence: Span, doer: Actor | None, lexicon: Lexicon) -> Actor | None:
    """The country a pledge that names no one it is made to is made to: the story's (see
    :func:`_story_country`), unless that is the doer's own."""
    story = _story_country(sentence.doc, lexicon)
    return None if story is None or _same_country(doer, story) else story


def _as_help(
    candidate: Candidate, doer: Actor | None, recipient: Actor | None, doc: Doc, lexicon: Lexicon, context: Context
) -> tuple[Candidate, Actor | None]:
    """The candidate and its recipient, as military aid to the country forces sent with no destination
    go to help (:func:`~hornbill.events.places.sent_to_help`): "Jamaica will send 150 soldiers" in a
    story of a force sent to Haiti."""
    helped = None if recipient is not None else sent_to_help(candidate, doer, doc, lexicon, context.fighting)
    if helped is None:
        return candidate, recipient
    return replace(candidate, pattern=replace(candidate.pattern, event_type="AID"), mode="military"), helped


def _in_description(token: Token) -> bool:
    """Whether a word sits in a clause that describes a noun ("a deal allowing X to ship grain")."""
    while token.head.i != token.i:
        if token.dep_ in ("acl", "relcl"):
            return True
        token = token.head
    return False


def _of_sectors(actor: Actor | None, marker: str, lexicon: Lexicon) -> bool:
    """Whether an actor's sector is one of a marker's (lower-cased codes: ``non_state_sectors``)."""
    return actor is not None and (actor.sector or "").lower() in lexicon.marker(marker)


def _recipient_in_context(candidate: Candidate, doer: Actor | None, context: Context, lexicon: Lexicon) -> Actor | None:
    """The recipient the sentences before give an act that names none: the country troops leave after
    "France will withdraw from Mali"; the other side, for one of "the two sides"; the crowd told
    protesting, for a crackdown on a number of people ("Students marched in Dhaka. Police arrested
    hundreds."); the state, for a demand its own people make of no one named (``demanding_sectors``)."""
    if context.forces is not None and doer is context.forces[0]:
        return context.forces[1]
    if context.sides is not None and doer is context.sides[0]:
        return context.sides[1]
    if aimed_at_the_crowd(candidate.pattern.event_type, candidate.mode, candidate.recipient, doer, context.crowd,
                          lexicon):
        return context.crowd
    if candidate.pattern.event_type == "REQUEST" and doer is not None and doer.country is not None and _of_sectors(
            doer, "demanding_sectors", lexicon):
        return ActorDictionary.load().country(doer.country)  # "the opposition demanded fresh elections"
    return None


def _same_country(doer: Actor | None, recipient: Actor) -> bool:
    return doer is None or doer == recipient or (doer.country is not None and doer.country == recipient.country)


def event_of(
    candidate: Candidate,
    sentence: Span,
    lexicon: Lexicon,
    require_actor: bool = True,
    context: Context | None = None,
) -> EventMention | None:
    """The event a candidate states, or None when it names no doer and none can be found (``context``:
    what the sentences before give it, see :mod:`hornbill.events.context`)."""
    named_doer = _named(candidate.actor) or _voiced_doer(candidate)
    named_recipient = _named_recipient(candidate, named_doer, lexicon)
    told_recipient: Actor | None = None
    if _lacks_recipient(candidate, named_recipient, lexicon):
        told_recipient = _story_recipient(candidate, sentence, lexicon)
        if told_recipient is None:
            return None
    claimed_by = _named(candidate.claimed_by) or candidate.voice
    doer = _doer(candidate, named_doer, claimed_by, lexicon, context or Context())
    if not _is_kept(candidate, doer, require_actor, lexicon):
        return None  # without a doer only a single, specific "coup" is kept, not generic "coups"
    recipient = _recipient(candidate, named_recipient, sentence, lexicon) or told_recipient
    if (told_recipient is not None and recipient is told_recipient and _same_country(doer.actor, recipient)
            and not _of_sectors(doer.actor, "non_state_sectors", lexicon)):
        return None  # the story's country is the doer's own: no one else is acted upon
    if recipient is None and context is not None:
        recipient = _recipient_in_context(candidate, doer.actor, context, lexicon)
    if recipient is not None and recipient == doer.actor:
        recipient = None
    offer = _as_promised(candidate, doer.actor, claimed_by, lexicon)
    kind = candidate.pattern.event_type
    if recipient is None and kind in lexicon.offered_types and offer.pattern.event_type != kind:
        recipient = _destination(candidate, doer.actor)  # "pledged to send troops to Haiti"
    if recipient is None and _is_pledge(offer, lexicon):
        recipient = _pledged_to_story(sentence, doer.actor, lexicon)  # "the Bahamas pledged 150 officers"
    candidate, recipient = _as_help(offer, doer.actor, recipient, sentence.doc, lexicon, context or Context())
    return _mention(candidate, sentence, doer, recipient, None if claimed_by == doer.actor else claimed_by, lexicon)
