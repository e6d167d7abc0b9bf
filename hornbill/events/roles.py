"""Who does an event and to whom: the role phrases of a trigger and the actors they stand for.

The doer of a verb is its subject or passive agent, or is inherited through xcomp, conj, relative
and adverbial clauses (:func:`clause_subject`); a nominal trigger's doer is a possessive, a name or
nationality before it, a "by" phrase, or the subject of its light verb. A pattern names the slots
to take each role from (:func:`role_options`). A phrase resolves to an actor through the actor
stage (:func:`actor_of`); a doer the dictionary does not know but whose phrase names people
("Islamic fundamentalists", "rebels in Chad") becomes an ad-hoc actor keyed by its name
(:func:`adhoc_actor`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise

from spacy.tokens import Token

from hornbill.actors.component import actor_for_span, owned_by_a_pronoun
from hornbill.actors.dictionary import ActorDictionary, name_key
from hornbill.actors.generic import fallback_actor, story_country
from hornbill.events.lexicon import Lexicon
from hornbill.events.syntax import (
    ACTOR_LABELS,
    SUBJECT_DEPS,
    TIME_LABELS,
    Slots,
    act_agents,
    act_doers,
    act_types,
    conjuncts,
    counted,
    frameworks,
    governing_preposition,
    is_definite_singular,
    is_finite,
    is_infinitival,
    is_passive,
    is_topic_label,
    lemma_of,
    light_verb,
    noun_subjects,
    objects_of,
    own_agents,
    participle_agents,
    phrase,
    prep_objects,
    prep_objects_of,
)
from hornbill.model import ADHOC_GROUP, Actor

#: "seized power in a coup", "responded with strikes": the clause's subject does the nominal event.
MANNER_PREPS = frozenset({"with", "in", "through", "via"})


def actor_of(head: Token) -> Actor | None:
    """The actor a role head refers to: a name in apposition to a title ("his counterpart Abdoulaye
    Diop"), else its noun phrase up to the head, else its whole subtree."""
    if head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.ent_type_ not in ACTOR_LABELS):
        for child in head.children:
            if child.dep_ == "appos" and child.ent_type_ in ACTOR_LABELS:
                named = actor_for_span(phrase(child))
                if named is not None:
                    return named
    return actor_for_span(phrase(head)) or actor_for_span(
        head.doc[head.left_edge.i : head.right_edge.i + 1]
    )


def clause_subject(verb: Token, lexicon: Lexicon, depth: int = 0) -> list[Token]:
    """The doer of a verb: its subject, or the passive agent, or one inherited from the clause above."""
    if depth > 5:
        return []
    own = _own_subject(verb, lexicon)
    if own:
        return own
    head = verb.head
    if head is verb:
        return []
    dep = verb.dep_
    if dep == "relcl" and not is_infinitival(verb):
        return [head]
    if dep == "xcomp" and lemma_of(head) in lexicon.object_control:
        objs = [c for c in head.children if c.dep_ in ("dobj", "pobj")]
        objs += [p for name, p in prep_objects(head) if name == "on" and p is not None]
        if objs:
            return conjuncts(objs[0])
    if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        inside = [t for t in noun_subjects(head) if t.pos_ != "PRON" or actor_of(t) is not None]
        if inside:
            return inside  # "Ethiopia's decision to withdraw"
        if head.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):  # "the latest country to pull out"
            return clause_subject(head.head, lexicon, depth + 1)
        return []
    if dep in ("xcomp", "conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
        return clause_subject(head, lexicon, depth + 1)
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":  # "X is willing to withdraw"
        return clause_subject(head.head, lexicon, depth + 1)
    if dep == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
        return clause_subject(head.head, lexicon, depth + 1)
    return []


def _own_subject(verb: Token, lexicon: Lexicon) -> list[Token]:
    """The subject a verb has itself: its nsubj (also one the parser hung on an aux: "X helped
    evacuate ...", read with "helped" as an aux; "forces had committed ...", with the subject under
    "had"), or a passive's "by" phrase."""
    relative = lexicon.marker("relative_pronouns")
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and child.lower_ not in relative and not is_topic_label(child):
            return conjuncts(child)
    for aux in verb.children:
        held = [c for c in aux.children if c.dep_ == "nsubj"] if aux.dep_ == "aux" else []
        if held:
            return conjuncts(held[0])
    if is_passive(verb):
        for name, pobj in prep_objects(verb):
            if name == "by" and pobj is not None and pobj.ent_type_ not in TIME_LABELS:
                return conjuncts(pobj)  # "will be finished by March" names a deadline, not a doer
    return []


def _said_of(trigger: Token, slots: Slots, lexicon: Lexicon) -> list[Token]:
    """The subject of the clause a verb or its object says, its own, not one inherited from above."""
    clauses = [c for c in trigger.children if c.dep_ == "ccomp" or (c.dep_ == "acl" and trigger.pos_ == "NOUN" and (
        is_finite(c) or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)))]  # "its demand that X free"
    clauses += [c for obj in slots.get("object") for c in obj.children if c.dep_ == "acl" and is_finite(c)]
    own = [t for clause in clauses for t in clause_subject(clause, lexicon) if t.head.i == clause.i or
           t.head.head.i == clause.i]
    return [t for t in own if t.pos_ != "PRON"]


def _purpose_aims(slots: Slots, lexicon: Lexicon) -> list[Token]:
    """Whom a purpose clause serves or is aimed at ("to help Saudi Arabia (fight ...)", "to help
    defend Poland": the one a ``protective_verbs`` complement protects)."""
    clauses = slots.get("purpose")
    comps = [comp for c in clauses for comp in c.children if comp.dep_ in ("ccomp", "xcomp")]
    helped = [s for comp in comps for s in comp.children if s.dep_ == "nsubj"]
    helped += [o for comp in comps if lemma_of(comp) in lexicon.marker("protective_verbs") for o in objects_of(comp)]
    return [t for clause in clauses for t in aimed_at(clause)] + helped


def _scene_holders(noun: Token, lexicon: Lexicon) -> list[Token]:
    """Who held talks that set a clause's scene: the clause's doers ("after talks in Nairobi, Sudan and
    South Sudan agreed"), not one who only speaks after them ("told reporters after the meeting") nor an
    act named as the subject ("after talks, air strikes killed ...")."""
    prep = governing_preposition(noun)
    verb = prep.head if prep is not None else None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or suffers(verb, lexicon) or lemma_of(verb) in lexicon.speech:
        return []
    return [t for t in clause_subject(verb, lexicon) if not act_types(t, lexicon)]


def _noun_clause_actor(noun: Token, lexicon: Lexicon, any_verb: bool) -> list[Token]:
    """The doer of a nominal trigger from the clause it sits in."""
    host = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
    verb = light_verb(noun, lexicon)
    if verb is not None:
        return [] if _said_by_another(noun, lexicon) else clause_subject(verb, lexicon)
    head = host.head
    if host.dep_ == "pobj" and head.head.lemma_ == "responsibility":  # "X claimed responsibility for"
        return clause_subject(head.head.head, lexicon)
    if (
        host.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ in ("VERB", "AUX")
        and (any_verb or head.lower_ in MANNER_PREPS)
        and head.lower_ not in lexicon.marker("circumstance_preps")
        and not suffers(head.head, lexicon)
    ):
        return clause_subject(head.head, lexicon)
    spoken = lemma_of(head) in lexicon.speech  # "said the blockade risks famine", misparsed: nobody says a blockade
    if any_verb and host.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and not spoken:
        return clause_subject(head, lexicon)
    return []


def _said_by_another(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a speech act names its own maker in a "by" or "from" phrase, so that the verb taking it
    up is another's answer ("the EU welcomed calls from Kenya": Kenya called, not the EU)."""
    return lemma_of(noun) in lexicon.marker("presupposed_nouns") and any(
        name in ("by", "from") for name, _ in prep_objects_of(noun))


def suffers(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a clause's subject undergoes what it tells ("50 people died in the attack", "soldiers
    were wounded in clashes"): that subject did not do the nominal act the clause names."""
    return lemma_of(verb) in lexicon.marker("suffering_verbs") or is_passive(verb)


def _participants(noun: Token, lexicon: Lexicon) -> list[Token]:
    """The subject of the clause that says who took part in a nominal event: "the soldiers were part
    of a mutiny", "they took part in the uprising", "the miners joined the strike" (empty when the
    clause says nothing of taking part)."""
    words = lexicon.marker("participation")
    node, path = noun, set()
    for _ in range(4):
        if node.dep_ not in ("pobj", "prep", "attr", "dobj", "acomp") or node.head is node:
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
            return conjuncts(passive[0]) if passive else clause_subject(verb, lexicon)
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return clause_subject(verb, lexicon)
        verb = verb.head


def according_to(node: Token) -> Token | None:
    """The source an "according to X" phrase on ``node`` names."""
    for child in node.children:
        if child.lower_ == "according":
            for name, pobj in prep_objects(child.head):
                if name in ("according to", "to") and pobj is not None:
                    return pobj
            inner = next((c for c in child.children if c.lower_ == "to"), None)
            if inner is not None:
                return next((c for c in inner.children if c.dep_ == "pobj"), None)
    return None


def speech_verb(node: Token, lexicon: Lexicon) -> Token | None:
    """The speech verb a clause is reported by ("..., Germany said")."""
    for _ in range(6):
        head = node.head
        if head is node:
            return None
        if node.dep_ == "ccomp" and lemma_of(head) in lexicon.speech:
            return head
        node = head
    return None


def reporter(node: Token, lexicon: Lexicon) -> Token | None:
    """The subject of the speech verb a clause is reported by ("..., Germany said")."""
    verb = speech_verb(node, lexicon)
    return next(iter(clause_subject(verb, lexicon)), None) if verb is not None else None


def _slot_heads(slot: str, trigger: Token, slots: Slots, lexicon: Lexicon) -> list[Token]:
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    if slot == "subject":
        found = slots.get("subject")
        if found and not (is_noun and all(h.pos_ == "PRON" and actor_of(h) is None for h in found)):
            return [t for head in found for t in conjuncts(head)]
        if is_noun:
            return _noun_clause_actor(trigger, lexicon, any_verb=False)
        return clause_subject(trigger, lexicon)
    if slot == "clause" and is_noun:
        return _noun_clause_actor(trigger, lexicon, any_verb=True)
    if slot == "said_of":  # "expressed regret that Sudan wanted ...", "voiced concern that X will ...": X
        return _said_of(trigger, slots, lexicon)
    if slot == "scene_holders" and is_noun:
        return _scene_holders(trigger, lexicon)
    if slot == "addressee" and is_noun:  # "Moscow spurned calls from Kyiv": Moscow was called on
        return _addressees(trigger, lexicon)
    if slot == "source":  # "aid from China reached Ethiopia": whom the subject comes from
        return [giver for subject in slots.get("subject") for giver in _givers(subject)]
    if slot == "framework":  # "trained as part of Canada's programme", "under France's operation"
        return [owner for frame in frameworks(trigger) for owner in noun_subjects(frame)]
    if slot == "speaker":  # "responsibility lies with X, the minister said": the one who says so
        speaker = according_to(trigger) or reporter(trigger, lexicon)
        return [speaker] if speaker is not None else []
    if slot == "aim":  # "vowed to retaliate against Israel", "warned it would strike the bases": whom it is aimed at
        return [t for comp in slots.get("xcomp") + slots.get("ccomp") for t in aimed_at(comp)]
    if slot == "purpose_aim":  # "sent troops to help Saudi Arabia (fight ...)": whom the purpose clause serves
        return _purpose_aims(slots, lexicon)
    if slot.endswith("_agent"):  # "described the Russian strikes as ...": who did what the slot names
        heads = slots.get(slot.removesuffix("_agent"))
        return [t for h in heads for t in act_doers(h) if not _go_between(t, lexicon)]
    if slot.endswith("_doer"):  # "demanded the mission's departure", "called for the withdrawal of X"
        acts = slots.get(slot.removesuffix("_doer"))
        inner = [t for act in acts for t in noun_subjects(act)]
        patients = lexicon.marker("patient_of_acts")  # "the release of X": X is freed, not freeing
        inner += [pobj for act in acts if lemma_of(act) not in patients
                  for name, pobj in prep_objects_of(act) if name == "of"]
        return [t for head in inner for t in conjuncts(head)]
    return [t for head in slots.get(slot) for t in conjuncts(head)]


def _givers(goods: Token) -> list[Token]:
    """Whom goods come from: their "from" phrase ("aid from China"), or the agent of the participle they
    or their "of" phrase carry ("aid sent by the EU", "a shipment of vaccines donated by China")."""
    held = [goods, *(p for name, p in prep_objects_of(goods) if name == "of")]
    givers = [p for name, p in prep_objects_of(goods) if name == "from"]
    return givers + [agent for noun in held for agent in participle_agents(noun)]


def _addressees(noun: Token, lexicon: Lexicon) -> list[Token]:
    """Who a speech act was addressed to, told by their answer to it: the subject of the answering
    verb (``answering_verbs``) the noun is the object of ("Moscow spurned calls from Kyiv", "the
    president bowed to demands from protesters", "the charge was denied by the ministry")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "bowed to the demands"
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return []
    if verb.pos_ not in ("VERB", "AUX") or lemma_of(verb) not in lexicon.marker("answering_verbs"):
        return []
    return clause_subject(verb, lexicon)


def names_both_sides(head: Token | None, lexicon: Lexicon) -> bool:
    """Whether a doer phrase names the two sides of a conflict ("the two sides", "both parties", "the
    warring parties": ``sides_nouns`` with one of ``sides_marks``)."""
    return (head is not None and head.tag_ in ("NNS", "NNPS") and lemma_of(head) in lexicon.marker("sides_nouns")
            and any(c.lower_ in lexicon.marker("sides_marks") for c in head.children))


def _go_between(agent: Token, lexicon: Lexicon) -> bool:
    """Whether a "by" phrase names who brokered or hosted something rather than who made it ("a truce
    brokered by Qatar", ``mediating_verbs``): a go-between is no party to it."""
    by = agent.head
    return by.dep_ == "agent" and lemma_of(by.head) in lexicon.marker("mediating_verbs")


#: Prepositions that name whom an act is aimed at: "retaliate against", "fire on", "strike at".
AIM_PREPS = frozenset({"against", "on", "at", "toward", "towards", "into", "with", "to"})


def aimed_at(verb: Token) -> list[Token]:
    """Whom a complement's act may be aimed at: its objects, the objects of "against", "on", "at" ...,
    and the "to" or "from" phrases of its objects ("cut gas supplies to Moldova")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    aimed = [p for name, p in prep_objects_of(verb) if name in AIM_PREPS]
    return objects + aimed + [p for obj in objects for name, p in prep_objects_of(obj) if name in ("to", "from")]


def _choose(heads: Sequence[Token], follows: Callable[[Token], bool]) -> list[Token]:
    """Role heads that resolve to actors one can follow, else all of them (so the phrases are still
    known)."""
    resolved = [h for h in heads if follows(h)]
    return resolved or list(heads)


def is_kind_only(actor: Actor) -> bool:
    """An actor known only by its kind ("students", "the police"), not by name."""
    return actor.key.startswith(f"{ADHOC_GROUP}:")


def known_by_kind_may_receive(actor: Actor, event_type: str, lexicon: Lexicon, state_bodies: bool = True) -> bool:
    """Whether an actor known only by its kind may be the recipient of an act of ``event_type``:
    people of a kind receive acts done to people and judgements (``generic_recipient_types``), an
    armed group of a kind is also a side of talks and agreements (``party_recipient_types``), and a
    state body of a known country receives any act (``state_body_sectors``) unless ``state_bodies`` is
    false."""
    if event_type in lexicon.generic_recipients:
        return True
    if state_bodies and actor.country and actor.sector in lexicon.state_body_sectors:
        return True
    return event_type in lexicon.party_recipients and actor.sector in lexicon.party_sectors


def _may_fill(head: Token, recipient_of: str | None, lexicon: Lexicon, state_bodies: bool = True) -> bool:
    """Whether a role head names an actor one can follow in the role (see :func:`role_options`)."""
    actor = actor_of(head)
    if actor is None:
        return False
    if recipient_of is None or not is_kind_only(actor):
        return True
    return known_by_kind_may_receive(actor, recipient_of, lexicon, state_bodies)


def role_options(
    slot_names: Sequence[str], trigger: Token, slots: Slots, lexicon: Lexicon, recipient_of: str | None = None
) -> list[Token]:
    """Role heads from the first slot that yields an actor (else from the first slot present);
    ``recipient_of``: the event type whose recipient is sought (people known only by their kind are
    a recipient only where :func:`known_by_kind_may_receive` allows; a state body known by its kind
    only where no slot names another: "police officers in Niger were trained" are trained in Niger)."""
    recipient = recipient_of is not None
    def follows(head: Token) -> bool:
        return _may_fill(head, recipient_of, lexicon, state_bodies=False)

    fallback: list[Token] = []
    state_body: list[Token] = []
    if not recipient and "by" in slot_names and trigger.pos_ in ("NOUN", "PROPN") and own_agents(trigger):
        slot_names = ["by", *(s for s in slot_names if s != "by")]  # "Myanmar's coup by the army": the army's
    if not recipient and "subject" in slot_names and trigger.pos_ in ("NOUN", "PROPN"):
        joined = _participants(trigger, lexicon)
        if joined:
            return _choose(joined, follows)  # "X were part of a mutiny against Y led by Z": X, whatever Y and Z are
    for slot in slot_names:
        heads = _role_heads(slot, trigger, slots, lexicon, recipient_of)
        if not heads:
            continue
        chosen = _choose(heads, follows)
        if follows(chosen[0]):
            return chosen
        if not state_body and _may_fill(chosen[0], recipient_of, lexicon):
            state_body = chosen
        if not fallback:
            fallback = chosen
    return state_body or fallback


def _role_heads(slot: str, trigger: Token, slots: Slots, lexicon: Lexicon, recipient_of: str | None) -> list[Token]:
    """The heads a slot offers for a role: no number or quantity, never the trigger, and for a
    recipient nothing owned by a pronoun ("their mission" is the doer's own) but another party
    ("her counterpart") or the one reporting the act ("Iran said Israel struck its consulate")."""
    return [
        h
        for found in _slot_heads(slot, trigger, slots, lexicon)
        for agent in _doers_if_reacted(found, recipient_of, lexicon, verbal=trigger.pos_ == "VERB")
        for h in _coordinated_owners(agent, lexicon)
        if h.i != trigger.i
        and not (recipient_of is not None and owned_by_a_pronoun(h)
                 and lemma_of(h) not in lexicon.marker("other_party_nouns") and owner_antecedent(h, lexicon) is None)
        and h.pos_ != "NUM"
        and lemma_of(h) not in lexicon.marker("quantities")  # "from a maximum of 600 soldiers to 300"
    ]


def _doers_if_reacted(head: Token, recipient_of: str | None, lexicon: Lexicon, verbal: bool) -> list[Token]:
    """A reaction aimed at an act its "by" phrase names a known doer of ("condemned the coup by the
    army") is aimed at that doer (:func:`act_agents`), one aimed at a measure at whoever decided it
    (:func:`_deciders`); any other head stands for itself. Acts only for a verb's reactions: in
    "protests against the coup by students" the students protest."""
    if recipient_of not in lexicon.reaction_types:
        return [head]
    if lemma_of(head) in lexicon.marker("measure_nouns"):
        return [a for a in _deciders(head) if actor_of(a) is not None] or [head]
    if not verbal or not reacted_act(head, lexicon):
        return [head]
    return [a for a in act_agents(head) if actor_of(a) is not None] or [head]


def _deciders(measure: Token) -> list[Token]:
    """Who decided a measure: its owner ("the junta's decision"), its "by" phrase, or the agent of the
    participle it carries ("the curfew imposed by the army", "a law passed by parliament")."""
    owners = [t for t in measure.children if t.dep_ == "poss"]
    return [*owners, *act_agents(measure), *participle_agents(measure)]


def reacted_act(head: Token, lexicon: Lexicon) -> bool:
    """Whether a recipient phrase names an act a reaction may be aimed at (``reacted_act_types``)."""
    return bool(act_types(head, lexicon) & lexicon.reacted_act_types)


def did_a_reacted_act(head: Token, lexicon: Lexicon) -> bool:
    """Whether ``head`` is the "by" phrase of such an act (see :func:`act_agents`)."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "by":
        return False
    acts = [prep.head] if prep.head.pos_ == "NOUN" else [c for c in prep.head.children if c.dep_ == "dobj"]
    return any(reacted_act(act, lexicon) and head in act_agents(act) for act in acts)


def _coordinated_owners(head: Token, lexicon: Lexicon) -> list[Token]:
    """For a phrase whose coordinated modifiers each name an actor ("US and South Korean warplanes",
    "Russian and Syrian jets", "the leaders of Russia and China"), those modifiers: each one's part
    is a doer of its own; else the head."""
    for modifier in head.children:
        # "fighter jets from the US and Japan", "the foreign ministers of Armenia and Azerbaijan"
        if modifier.dep_ == "prep" and (modifier.lower_ == "from" or (
                modifier.lower_ == "of" and lemma_of(head) in lexicon.marker("representatives"))):
            modifier = next((c for c in modifier.children if c.dep_ == "pobj"), modifier)
        elif modifier.dep_ not in ("amod", "nmod", "compound") or modifier.i > head.i:
            continue
        # "Japanese and US": conjuncts of any part of speech
        owners = [modifier, *(c for c in modifier.conjuncts if c.i > modifier.i)]
        actors = [actor_of(o) for o in owners]  # "the Economic and Monetary Union": one name's words, no owners
        if len(owners) > 1 and None not in actors and len(set(actors)) == len(actors):
            return owners
    return _modifiers_joined_by_and(head) or [head]


def _modifiers_joined_by_and(head: Token) -> list[Token]:
    """Two modifiers of one noun that name two actors with "and" hanging between them, a coordination
    the parser left flat ("U.S. and South Korean warplanes" parsed as two modifiers of "warplanes")."""
    before = [c for c in head.children if c.dep_ in ("amod", "nmod", "compound") and c.i < head.i]
    for first, second in pairwise(before):
        joined = any(c.dep_ == "cc" and c.lower_ == "and" and first.i < c.i < second.i for c in first.children)
        one, two = actor_of(first), actor_of(second)
        if joined and one is not None and two is not None and one != two:
            return [first, second]
    return []


def names_people(head: Token, lexicon: Lexicon) -> bool:
    """A phrase that stands for people or an organisation even when no actor is known for it."""
    head = counted(head, lexicon)  # "hundreds of civilians"
    if head.ent_type_ in ACTOR_LABELS or head.pos_ == "PROPN":
        return True
    return lemma_of(head) in lexicon.marker("people") or any(c.dep_ == "nummod" for c in head.children)


def antecedent(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """The phrase a subject pronoun stands for when its clause is the complement of another verb:
    that verb's subject ("the junta announced that it would expel ...")."""
    node = pronoun.head
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head is node:
            return None
        node = node.head
        for subject in clause_subject(node, lexicon):
            if subject.pos_ != "PRON":
                return subject
    return None


#: Object and possessive pronouns that may stand for whoever reports the clause they are in ("said
#: police attacked them", "said Israel struck its consulate").
REPORTER_PRONOUNS = frozenset({"them", "him", "her", "us", "me", "its", "their", "his", "our"})


def object_antecedent(pronoun: Token, lexicon: Lexicon) -> Actor | None:
    """An object pronoun in an adverbial clause stands for the main clause's object: "removed the
    president after accusing him of fraud"; in a clause someone reports, for that someone when the
    clause's own subject is another: "students said activists attacked them"."""
    clause = pronoun.head
    while clause.dep_ in ("dobj", "pobj", "prep") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and pronoun.lower_ in REPORTER_PRONOUNS and lemma_of(clause.head) in lexicon.speech:
        reporters = [s for s in clause_subject(clause.head, lexicon) if s.pos_ != "PRON"]
        own = clause_subject(clause, lexicon)
        return actor_of(reporters[0]) if reporters and reporters[0] not in own else None
    main = clause.head.head if clause.dep_ == "pcomp" else clause.head
    if clause.dep_ not in ("advcl", "pcomp") or main.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in main.children if c.dep_ == "dobj"]
    return actor_of(objects[0]) if objects else None


def owner_antecedent(head: Token, lexicon: Lexicon) -> Actor | None:
    """The owner a possessive pronoun names in a recipient phrase, when it stands for who reports the
    act: "Iran said Israel had struck its consulate" is aimed at Iran."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    return object_antecedent(owner, lexicon) if owner is not None else None


def affiliation(head: Token, lexicon: Lexicon) -> Actor | None:
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
            for name, pobj in prep_objects_of(host):
                if name in ("to", "with") and (found := actor_of(pobj)) is not None:
                    return found
    return None


def linked_recipient(head: Token, lexicon: Lexicon) -> Actor | None:
    """Whom a recipient phrase that names no actor stands for: people by whom they are linked to
    (:func:`affiliation`), a building or post by whose it is (:func:`_facility_owner`)."""
    return affiliation(head, lexicon) or _facility_owner(head, lexicon)


def _facility_owner(head: Token, lexicon: Lexicon) -> Actor | None:
    """Whose a building or post is, when its phrase names a kind of owner and no one by name: "police
    stations" are the police's, "an army base" the armed forces', "rebel positions" the rebels' (of the
    country the article is about); a prison or a palace is the state's (``facilities``,
    ``state_facilities``)."""
    if lemma_of(head) in lexicon.marker("state_facilities"):
        iso3 = story_country(head.doc)
        return ActorDictionary.load().country(iso3) if iso3 is not None else None
    if lemma_of(head) not in lexicon.marker("facilities"):
        return None
    kinds = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    made = fallback_actor(kinds[-1], story_country(head.doc)) if kinds else None
    return made[0] if made is not None else None


#: An unknown name's actor type and key prefix when it is kept as an ad-hoc doer (see ``adhoc_actor``).
ADHOC_ENTITIES: Mapping[str, tuple[str, str]] = {
    "PERSON": ("PERSON", "person"),
    "ORG": ("ORG", "org"),
    "NORP": ("ORG", ADHOC_GROUP),
    "GPE": ("ORG", ADHOC_GROUP),
}


#: Words an ad-hoc actor's name leaves out: "the rebels", "two gunmen", "their supporters".
UNNAMING_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "poss", "case", "punct"})


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
    return before + [pobj for name, pobj in prep_objects_of(head) if name in preps]


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
    if kind is None or (not qualifiers and (kind in lexicon.adhoc_need_modifier or is_definite_singular(head))):
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
        tokens = [t for t in phrase(head) if t.i not in dropped]
        if lemma_of(head) in lexicon.adhoc_relational:
            tokens += [t for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    text = "".join(t.text_with_ws for t in tokens).strip() or head.text
    if tokens and tokens[0].is_sent_start and tokens[0].pos_ != "PROPN" and not tokens[0].ent_type_:
        text = text[:1].lower() + text[1:]  # "Rebels attacked ..." names "rebels"
    return text


def _adhoc_country(head: Token) -> str | None:
    """The country a known place or nationality in the doer's phrase gives: "rebels in Chad"."""
    index = head.doc._.actor_index or {}
    places = [*phrase(head), *(pobj for name, pobj in prep_objects_of(head) if name in ("in", "from", "of"))]
    for token in places:
        mention = index.get(token.i)
        if mention is not None and mention.actor.country:
            return str(mention.actor.country)
    return None


def adhoc_actor(head: Token, lexicon: Lexicon) -> Actor | None:
    """An actor for a doer that names people the dictionary does not know ("Islamic fundamentalists",
    "the rebels", a minister's surname): analysts want the event with its doer's own words rather than
    no event. The key is built from the name (and the country, when the phrase gives one), so the same
    doer gets the same key in every document."""
    head = counted(head, lexicon)
    found = _adhoc_type(head, lexicon)
    if found is None:
        return None
    kind, prefix = found
    name = _adhoc_name(head, lexicon)
    country = _adhoc_country(head)
    key = name_key(prefix, f"{country} {name}" if country and prefix == ADHOC_GROUP else name)
    return Actor(key, name, kind, country)


def aimed_at_the_crowd(event_type: str, mode: str | None, head: Token | None, doer: Actor | None,
                       crowd: Actor | None, lexicon: Lexicon) -> bool:
    """Whether an act of repression names no one but by number ("arrested hundreds", ``head``) or no one
    at all in crowd control ("fired tear gas"): then it is aimed at the crowd the text told protesting."""
    if crowd is None or doer is None or doer == crowd or event_type not in CROWD_ACTS:
        return False
    if head is None:
        return mode == "crowd-control"
    vague = lemma_of(head) in lexicon.marker("vague_counts") and not prep_objects_of(head)
    return vague or only_counted(head, lexicon)


def only_counted(head: Token, lexicon: Lexicon) -> bool:
    """Whether a phrase only counts people ("thousands", "tens of thousands", "200"), saying nothing
    of who they are (``head_counts``)."""
    if head.pos_ == "NUM":
        return True
    of = [pobj for name, pobj in prep_objects_of(head) if name == "of"]
    return lemma_of(head) in lexicon.marker("head_counts") and all(only_counted(p, lexicon) for p in of)


#: Acts of repression a crowd told protesting may be the target of.
CROWD_ACTS = frozenset({"COERCE", "ASSAULT"})
