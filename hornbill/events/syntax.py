"""What the dependency parse says around a trigger: lemmas, voice, coordination, prepositional
phrases, objects, the doer inside a noun phrase, and the trigger's arguments collected into named
:class:`Slots` (the slot names of the lexicon schema in ``plover.yaml``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from hornbill.doctools import follows_anti, sentence_starts
from hornbill.events.lexicon import Lexicon
from hornbill.timex.tense import is_for_marked

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
TIME_LABELS = frozenset({"DATE", "TIME"})
ACTOR_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
#: Adverbs that work as verb particles: "pull out", "step down".
PARTICLE_ADVERBS = frozenset({"out", "back", "down", "up", "off", "in", "away", "aside"})


def lemma_of(token: Token) -> str:
    """The lower-cased lemma, rejoining a hyphen-split "co-operation" as "cooperation"."""
    doc = token.doc
    lemma = token.lemma_.lower()
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "co":
        return "co" + lemma
    return lemma


def hyphen_joined(token: Token) -> str | None:
    """The lemma of a common word the tokenizer split at its hyphen, written without it, read at its
    last part: "cease-fire" -> "ceasefire", "sit-ins" -> "sitin", "air-strikes" -> "airstrike"; None
    for a token that ends no such word (a name's "Iran-backed" is no word of the lexicon)."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    first = doc[i - 2]
    return first.lower_ + lemma_of(token) if first.is_alpha and first.is_lower else None


def is_passive(verb: Token) -> bool:
    """Passive voice, including reduced passives with an agent ("as demanded by the junta")."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)


def conjuncts(token: Token) -> list[Token]:
    """The token and the words coordinated with it ("France and Germany"); for a plural kind
    with named examples, the examples: "governments such as France and Germany", "states,
    including Kenya and Ghana" act as France and Germany, Kenya and Ghana."""
    nominal = {"NOUN", "PROPN", "PRON"}
    same = nominal if token.pos_ in nominal else {token.pos_}
    examples = named_examples(token)
    if examples:
        return examples
    return [token, *[c for c in token.conjuncts if c.i > token.i and c.pos_ in same]]


#: Prepositions that give examples of a plural kind ("such as" is "as" with "such" before it).
EXAMPLE_PREPOSITIONS = frozenset({"including", "like"})


def named_examples(kind: Token) -> list[Token]:
    """The names a plural common noun is exemplified by ("countries such as Chad and Niger",
    "groups, including Hamas"), in order; none when it has no such phrase or it names no one."""
    if kind.pos_ != "NOUN" or kind.tag_ != "NNS":
        return []
    for prep in kind.children:
        if prep.dep_ != "prep" or not _gives_examples(prep):
            continue
        first = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if first is not None:
            return [first, *[c for c in first.conjuncts if c.i > first.i and c.pos_ == "PROPN"]]
    return []


def _gives_examples(prep: Token) -> bool:
    such_as = prep.lower_ == "as" and prep.i > 0 and prep.nbor(-1).lower_ == "such"
    return such_as or prep.lower_ in EXAMPLE_PREPOSITIONS


def _is_preposition(word: Token) -> bool:
    """A preposition heading a phrase, or a particle the parser gave an object ("call on X")."""
    if word.pos_ not in ("ADP", "SCONJ", "ADV"):
        return False
    return word.dep_ in ("prep", "agent", "dative") or (
        word.dep_ == "prt" and any(c.dep_ == "pobj" for c in word.children)
    )


def prep_objects(token: Token) -> Iterator[tuple[str, Token | None]]:
    """(preposition, its object) pairs under ``token``; "out of X" yields ("out of", X) and ("of", X)."""
    for prep in token.children:
        if not _is_preposition(prep):
            continue
        name = prep.lower_
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None and name == "as":  # "described the deployment as illegal"
            pobj = next((c for c in prep.children if c.pos_ == "ADJ" and c.dep_ in ("amod", "acomp")), None)
        yield name, pobj
        for inner in prep.children:
            if inner.dep_ == "prep":
                inner_obj = next((c for c in inner.children if c.dep_ in ("pobj", "pcomp")), None)
                if inner_obj is not None:
                    yield f"{name} {inner.lower_}", inner_obj
                    yield inner.lower_, inner_obj


def prep_objects_of(token: Token) -> list[tuple[str, Token]]:
    """The (preposition, object) pairs of :func:`prep_objects` that have an object."""
    return [(name, pobj) for name, pobj in prep_objects(token) if pobj is not None]


def is_infinitival(verb: Token) -> bool:
    """A "to" infinitive: "to withdraw"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def objects_of(token: Token) -> list[Token]:
    """A verb's objects: its direct objects, else (passive) its subjects; nouns have none, except a
    headline verb the parser took for a noun ("US sanctions Iran's police": a noun with an object)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return [c for c in token.children if c.dep_ == "dobj"] if token.dep_ == "ROOT" else []
    objs = [c for c in token.children if c.dep_ == "dobj"]
    if not objs:  # "launched what it called an operation": the noun the naming clause gives
        objs = [named for c in token.children if c.dep_ == "ccomp" and (named := named_as(c)) is not None]
    if not objs:  # "sealed off the roads": the parser may hang the object on the particle
        objs = [c for prt in token.children if prt.dep_ == "prt" for c in prt.children if c.dep_ == "pobj"]
    if not objs and is_passive(token):
        objs = [c for c in token.children if c.dep_ == "nsubjpass"]
        if not objs and token.dep_ == "xcomp" and token.head.lemma_ == "be":  # "X are to be stationed"
            objs = [c for c in token.head.children if c.dep_ == "nsubj"]
        if not objs and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
            objs = [token.head]  # "the truce brokered by Egypt": the truce
    return objs


#: Nouns that measure a time an act lasted: "after a week of talks", "after two rounds of negotiations".
SPANS_OF_TIME = frozenset({"hour", "day", "week", "month", "year", "round", "night", "session"})

#: Verbs of naming in "what it called / described as / termed X".
NAMING_VERBS = frozenset({"call", "describe", "term", "dub", "label", "style", "characterize", "characterise"})


def named_as(verb: Token) -> Token | None:
    """The noun a free relative of naming gives its referent: "what it called a counter-terrorism
    operation" -> operation, "what Moscow describes as a special operation" -> operation."""
    if verb.lemma_ not in NAMING_VERBS or not any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp") and child.pos_ in ("NOUN", "PROPN"):
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def naming_clause(noun: Token) -> Token | None:
    """For the noun of "what it called X", the naming verb (a clause under the verb that does X)."""
    for verb in (noun.head, noun.head.head):
        if verb.dep_ == "ccomp" and named_as(verb) == noun:
            return verb
    return None


def noun_subjects(noun: Token) -> list[Token]:
    """The doer named inside a noun phrase: "Germany's withdrawal", "US sanctions", "French withdrawal",
    "a mutiny led by X"."""
    found: list[Token] = []
    for child in noun.children:
        if (child.dep_ == "poss" and child.ent_type_ in TIME_LABELS) or _is_anti(child):
            continue  # "Sunday's attack": when, not who; "anti-Israel rallies": against, not by
        if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod", "amod") and child.ent_type_ in ACTOR_LABELS):
            found.append(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            found += [pobj for name, pobj in prep_objects(child) if name == "by" and pobj is not None]
        elif child.dep_ == "prep" and child.lower_ == "by" and any(c.dep_ == "acl" for c in noun.children):
            found += [c for c in child.children if c.dep_ == "pobj"]  # "the move by Ecuador to sever ties"
        elif child.dep_ == "amod" and child.lemma_.lower() == "lead":  # "French-led strikes": France leads them
            found += [c for c in child.children if c.dep_ == "npadvmod" and c.ent_type_ in ACTOR_LABELS]
    return found


def _is_anti(word: Token) -> bool:
    """A word of an "anti-X" modifier: "anti", its hyphen, or X (the word ``follows_anti`` at most two
    words on)."""
    doc = word.doc
    return any(follows_anti(doc[i]) for i in range(word.i, min(word.i + 3, len(doc))))


def own_agents(noun: Token) -> list[Token]:
    """The objects of a noun's own "by" phrases ("the coup by the army"), not of phrases nested in its
    arguments ("a protest against the ban by the government")."""
    return [pobj for name, pobj in prep_objects_of(noun) if name == "by"]


def act_agents(noun: Token) -> list[Token]:
    """Who did the act a noun names, as its "by" phrase tells: in "Myanmar's coup by the military" the
    military staged it and Myanmar is where. A "by" phrase the parser hung on the active verb whose
    object the noun is ("slammed the coup by the army") is the noun's too: an active verb has no
    agent of its own."""
    by = own_agents(noun)
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and not is_passive(verb):
        by += [pobj for name, pobj in prep_objects_of(verb) if name == "by" and pobj.dep_ == "pobj"
               and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in TIME_LABELS]
    return by


def participle_agents(noun: Token) -> list[Token]:
    """The "by" phrases of the past participles a noun carries: "the curfew imposed by the army",
    "vaccines donated by China"."""
    return [pobj for verb in noun.children if verb.dep_ == "acl" and verb.tag_ == "VBN"
            for agent in verb.children if agent.dep_ == "agent" for pobj in agent.children if pobj.dep_ == "pobj"]


def act_doers(noun: Token) -> list[Token]:
    """Who did the act a noun names: its "by" phrase (:func:`act_agents`), then the owners and names
    inside the phrase (:func:`noun_subjects`)."""
    by = act_agents(noun)
    return by + [t for t in noun_subjects(noun) if t not in by]


def child_words(token: Token) -> set[str]:
    """The lower-cased words directly below ``token``."""
    return {c.lower_ for c in token.children}


def governing_preposition(noun: Token) -> Token | None:
    """The preposition a noun is the object of: "under" in "is under sanctions", "with" in "with
    support from X"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in SPANS_OF_TIME and head.head.dep_ == "pobj":
        head = head.head.head  # "after a week of talks": the talks are after
    return head if noun.dep_ == "pobj" and head.pos_ == "ADP" and head is not noun else None


def undergoers(noun: Token) -> list[Token]:
    """Who undergoes a nominal event told as a state or circumstance ("under sanctions", "under house
    arrest", "came under fire"): the object of the verb the phrase hangs on, else that verb's subject
    (a relative pronoun stands for the noun it hangs on: "the general, who is under sanctions")."""
    prep = governing_preposition(noun)
    verb = prep.head if prep is not None else None
    for _ in range(4):
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return []
        objs = objects_of(verb)
        if objs:
            return objs
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            relative = subjects[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl"
            return [verb.head] if relative else subjects
        if verb.dep_ == "relcl":
            return [verb.head]
        verb = verb.head if verb.dep_ == "conj" else None
    return []


def is_finite(verb: Token) -> bool:
    """A clause with a tensed verb ("that Sudan wanted"), not an infinitive or participle."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def frameworks(verb: Token) -> list[Token]:
    """The programmes an act is done within: "as part of N", "under N"."""
    found: list[Token] = []
    for name, pobj in prep_objects_of(verb):
        if name == "under":
            found.append(pobj)
        elif name == "as" and lemma_of(pobj) == "part":
            found += [inner for inner_name, inner in prep_objects_of(pobj) if inner_name == "of"]
    return found


def phrase(head: Token) -> Span:
    """The noun phrase a role head stands for, up to the head (premodifiers and possessor included)."""
    return head.doc[head.left_edge.i : head.i + 1]


def is_definite(noun: Token) -> bool:
    """A common noun with "the", "this" or "that"."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def is_definite_singular(noun: Token) -> bool:
    """A singular noun without "a"/"an": "the group" is one named before, "a group" a new one."""
    return noun.tag_ == "NN" and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def counted(head: Token, lexicon: Lexicon) -> Token:
    """The people a count or measure word counts: "hundreds of thousands of people" -> "people"."""
    while head.ent_type_ in ("CARDINAL", "QUANTITY") or lemma_of(head) in lexicon.marker("measures"):
        inner = [pobj for name, pobj in prep_objects_of(head) if name == "of"]
        if not inner:
            break
        head = inner[0]
    return head


def is_topic_label(token: Token) -> bool:
    """The "Mali:" that opens a headline: a label for the story, not a subject."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == ":" and sentence_starts(doc)[token.i] == token.i


def is_reduced_as_clause(verb: Token) -> bool:
    """A clause opened by "as" whose verb has no object of its own: it says who wanted the act it
    hangs on ("as demanded by the junta", "as Sudan had requested")."""
    return (
        verb.dep_ == "advcl"
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    )


def light_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb that carries a nominal trigger ("launched an attack", "coup was led by")."""
    host = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
    naming = naming_clause(host)
    if naming is not None:  # "launched what it called an operation": the verb the naming clause hangs on
        host = naming
    if (
        host.dep_ in ("dobj", "nsubjpass", "ccomp")
        and host.head.pos_ in ("VERB", "AUX")
        and (lemma_of(host.head) in lexicon.support)
    ):
        return host.head
    return None


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


def slots_of(trigger: Token, lexicon: Lexicon) -> Slots:
    """Collect the trigger's arguments into named slots."""
    slots = Slots()
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    _add_objects(slots, trigger, lexicon, is_noun)
    for child in trigger.children:
        _add_child(slots, child, lexicon, is_noun)
    if not is_noun:
        objs = slots.get("object")
        if len(objs) == 2 and objs[1].pos_ == "NOUN":
            slots.add("oprd", objs[1])  # "declared Goita the interim president"
            if lemma_of(trigger) in lexicon.marker("giving_verbs"):
                slots.add("dative", objs[0])  # "promised Jordan two radars", parsed as two objects
        for adjective in _trailing_adjectives(objs):
            slots.add("oprd", adjective)  # "called the launch reckless", parsed as "launch" <- "reckless"
    if is_noun:
        for subj in noun_subjects(trigger):
            slots.add("subject", subj)
    else:
        for name in _comma_joined_subjects(trigger):
            slots.add("subject", name)
    _add_prepositional(slots, trigger, _prep_hosts(trigger, slots, lexicon, is_noun), is_noun, lexicon)
    if not is_noun:
        for named in _for_to_subjects(trigger, slots):
            slots.add("for_subject", named)
    if not is_noun and is_reduced_as_clause(trigger):
        for obj in objects_of(trigger.head):  # "ended the mission as demanded by X": X demanded it
            slots.add("host_object", obj)
    slots.add("head", _governing_word(trigger) if is_noun else None)
    prep = governing_preposition(trigger) if is_noun else None
    slots.add("preposition", prep)
    if prep is not None and prep.lower_ in ("under", "in"):  # "held under house arrest", "died in custody"
        for undergoer in undergoers(trigger):
            slots.add("undergoer", undergoer)
    return slots


def _for_to_subjects(verb: Token, slots: Slots) -> list[Token]:
    """The subject of a "for ... to" clause the parser split into a "for" phrase and a purpose
    ("called for Mali's junta | to hold elections"): the "for" object just before the infinitive."""
    purposes = [p for p in slots.get("purpose") if not any(c.dep_ in ("nsubj", "nsubjpass") for c in p.children)]
    return [pobj for name, pobj in prep_objects_of(verb) if name == "for" and pobj.pos_ in ("NOUN", "PROPN")
            and any(pobj.i < p.i and pobj.right_edge.i + 1 == p.left_edge.i for p in purposes)]


def _comma_joined_subjects(verb: Token) -> list[Token]:
    """Names a headline joins to the subject with a comma ("Sudan, rebels agree to end war"), which
    the parser hangs on the verb as adverbial nouns."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return []
    first = min(s.i for s in subjects)
    return [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < first
            and c.ent_type_ in ACTOR_LABELS and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ","]


def _trailing_adjectives(objects: list[Token]) -> list[Token]:
    """Adjectives the parser hangs after a verb's object as its modifiers, which predicate of it:
    "called the launch reckless and dangerous" (with their conjuncts)."""
    found = [c for obj in objects for c in obj.children if c.dep_ == "amod" and c.i > obj.i and c.pos_ == "ADJ"]
    return [t for adjective in found for t in conjuncts(adjective)]


def _add_objects(slots: Slots, trigger: Token, lexicon: Lexicon, is_noun: bool) -> None:
    """The "object" slot: the trigger's objects, what a measure among them counts, and for object
    control verbs the subject of their complement."""
    for obj in objects_of(trigger):
        slots.add("object", obj)
        if obj.pos_ == "NUM" or lemma_of(obj) in lexicon.marker("measures"):
            for name, inner in prep_objects_of(obj):  # "25,000 tons of food aid", "two of its nationals"
                if name == "of":
                    slots.add("object", inner)
        for goods in _cargo(obj, trigger, lexicon):
            slots.add("cargo", goods)
    if not is_noun and not slots.get("object") and lemma_of(trigger) in lexicon.object_control:
        for comp in trigger.children:  # "helped the army regain the north"
            if comp.dep_ in ("ccomp", "xcomp"):
                for subj in comp.children:
                    if subj.dep_ == "nsubj":
                        slots.add("object", subj)


def _cargo(vehicle: Token, sender: Token, lexicon: Lexicon) -> list[Token]:
    """What a vehicle sent carries: "planes carrying tents", "a ship with relief supplies", "trucks
    loaded with flour" (``cargo_vehicles``, ``cargo_verbs``). A "with" phrase the parser hangs on
    the sending verb is the vehicle's too ("dispatched a ship with supplies")."""
    if lemma_of(vehicle) not in lexicon.marker("cargo_vehicles"):
        return []
    loading = [c for c in vehicle.children
               if c.dep_ in ("acl", "relcl", "amod") and lemma_of(c) in lexicon.marker("cargo_verbs")]
    carriers = [vehicle, *loading]
    goods = [obj for verb in loading for obj in objects_of(verb)]
    goods += [pobj for name, pobj in prep_objects_of(sender) if name == "with"]
    goods += [pobj for host in carriers for name, pobj in prep_objects_of(host) if name in ("with", "of")]
    return [t for g in goods for t in conjuncts(g)]


def _add_child(slots: Slots, child: Token, lexicon: Lexicon, is_noun: bool) -> None:
    """The slot one dependent of the trigger fills, if any: subject, dative, particle, oprd, xcomp,
    ccomp, purpose or (for nouns) modifier."""
    dep = child.dep_
    if dep in SUBJECT_DEPS and not is_noun:
        if child.lower_ not in lexicon.marker("relative_pronouns") and not is_topic_label(child):
            slots.add("subject", child)  # "which" leaves the subject to the relative clause's head
    elif dep in ("dative", "iobj") and child.pos_ != "ADP":
        slots.add("dative", child)
    elif dep == "prt" or (dep == "advmod" and child.lower_ in PARTICLE_ADVERBS):
        slots.particles.add(child.lower_)
    elif dep in ("oprd", "acomp") or (dep == "xcomp" and child.pos_ in ("NOUN", "ADJ")):
        slots.add("oprd", child)  # "called X a failure", "will not go unpunished"
    elif dep == "ccomp" and child.pos_ == "ADJ" and not is_noun:
        slots.add("oprd", child)  # "held India responsible", parsed as a clause "India responsible"
        for subject in (c for c in child.children if c.dep_ == "nsubj"):
            slots.add("object", subject)
    elif dep == "attr" and not is_noun:
        slots.add("attr", child)  # "have become legitimate targets"
    elif dep == "xcomp" or (dep == "acl" and is_noun and is_infinitival(child)):
        slots.add("xcomp", child)  # "vowed to retaliate", "its threat to invade"
        if is_noun:  # "its call for Israel to withdraw": who is to act
            for subject in (c for c in child.children if c.dep_ == "nsubj"):
                slots.add("for_subject", subject)
    elif dep == "ccomp":
        slots.add("ccomp", child)
    elif dep == "advcl" and is_for_marked(child):
        slots.add("for", child)  # "called for the junta to step down": a "for ... to" clause is what is called for
        for subject in (c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")):
            slots.add("for_subject", subject)
    elif dep == "advcl" and is_infinitival(child):
        slots.add("purpose", child)  # "gathered to cheer the troops"
    elif dep in ("compound", "amod", "nmod", "det") and is_noun:
        slots.add("modifier", child)
        if follows_anti(child):
            slots.add("against", child)  # "anti-coup rallies": against the coup


def _prep_hosts(trigger: Token, slots: Slots, lexicon: Lexicon, is_noun: bool) -> list[Token]:
    """The words whose prepositional phrases are the trigger's: the trigger, its objects and their
    participles, a noun's light verb, the "be" of "there will be no X"."""
    objects = slots.get("object")
    participles = [c for obj in objects for c in obj.children if c.dep_ == "acl"
                   and (c.tag_ == "VBN" or lemma_of(c) in lexicon.marker("cargo_verbs"))]
    hosts = [trigger, *objects, *participles]  # "its forces deployed in the mission", "planes carrying aid to X"
    verb = light_verb(trigger, lexicon) if is_noun else None
    if verb is not None:
        hosts.append(verb)
    prep = governing_preposition(trigger) if is_noun else None
    if prep is not None and prep.lower_ == "under" and prep.head.pos_ in ("VERB", "AUX"):
        hosts.append(prep.head)  # "held under house arrest by the junta": the junta holds
    if is_noun and trigger.dep_ == "attr" and trigger.head.lemma_ == "be":
        hosts.append(trigger.head)  # "there will be no cooperation with Russia"
    if is_noun and occurs(trigger, lexicon):
        hosts.append(trigger.head)  # "clashes broke out between police and students"
    return hosts


def act_types(noun: Token, lexicon: Lexicon) -> frozenset[str]:
    """The event types a noun can name as an act ("coup" -> COERCE, "strikes" -> ASSAULT, PROTEST);
    empty for a noun that names no act."""
    if noun.pos_ not in ("NOUN", "PROPN") and not follows_anti(noun):
        return frozenset()
    patterns = lexicon.patterns.get((lemma_of(noun), "NOUN")) or lexicon.patterns.get((noun.lower_, "NOUN")) or ()
    return frozenset(p.event_type for p in patterns)


def names_an_occasion(prep: str, types: Iterable[str], lexicon: Lexicon) -> bool:
    """Whether a phrase of ``prep`` whose object is an act of ``types`` names the occasion a clause
    was said on ("raised concerns in a call with X": ``setting_preps``, ``occasion_types``)."""
    return prep in lexicon.marker("setting_preps") and not lexicon.occasions.isdisjoint(types)


def occurs(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a nominal trigger is told as taking place: the subject of a verb saying so ("protests
    erupted", "fighting raged", markers ``occurrence_verbs``), of "take place", of a passive verb of
    staging with no doer ("rallies were held in Lima", markers ``staging_verbs``), or what "there
    was" ("there were protests in Dhaka")."""
    head = noun.head
    if noun.dep_ == "nsubj":
        return lemma_of(head) in lexicon.marker("occurrence_verbs") or _takes_place(head)
    if noun.dep_ == "nsubjpass":
        return lemma_of(head) in lexicon.marker("staging_verbs") and not any(c.dep_ == "agent" for c in head.children)
    return noun.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)


def _takes_place(verb: Token) -> bool:
    return lemma_of(verb) == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)


def _add_prepositional(slots: Slots, trigger: Token, hosts: list[Token], is_noun: bool, lexicon: Lexicon) -> None:
    """A slot per preposition on the hosts (a passive verb's "by" is its subject), then the phrases
    nested in their objects, but not in an act that is the occasion ("in a call with X": X is the
    call's) nor in what sets the scene (``circumstance_preps``); times are never roles."""
    nested: list[tuple[str, Token]] = []
    for host in hosts:
        for name, pobj in prep_objects(host):
            if pobj is not None and pobj.ent_type_ in TIME_LABELS:
                continue  # "on Friday", "in July": times are never roles
            if pobj is None:
                slots.particles.add(name)
            elif name == "by" and not is_noun and is_passive(trigger) and host is trigger:
                slots.add("subject", pobj)
            else:
                slots.add(name, pobj)
                scene = name in lexicon.marker("circumstance_preps")  # "over the crackdown on X": the crackdown's
                if not names_an_occasion(name, act_types(pobj, lexicon), lexicon) and not scene:
                    nested.extend(prep_objects_of(pobj))
    for name, pobj in nested:  # "an end to their mission in Mali": "in" hangs off the mission
        slots.add(name, pobj)


def _governing_word(noun: Token) -> Token | None:
    """The "head" slot of a nominal trigger: the word governing it, or the verb above its
    preposition ("went on strike"), or the verb a naming clause hangs on ("launched what it called
    an operation")."""
    naming = naming_clause(noun)
    if naming is not None:
        return naming.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "compound"):
        return noun.head
    if noun.dep_ == "pobj":
        return noun.head.head  # "went on strike": the verb above the preposition
    return None
