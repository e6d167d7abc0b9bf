"""Repairs of parses the English model gets wrong in a way news prints every day, as a pipeline
component after the parser and the attribute ruler (``hornbill_parse_repair``).

A time phrase between a subject and its verb ("The United States on Thursday imposed sanctions on
Iran") often makes the parser read the verb as an adjective of its object ("imposed sanctions" as
a noun phrase) and the subject as the sentence's root: the sentence then tells no act. A verb in the
past tense cannot modify a noun, so such a parse is rebuilt as the clause it is: the verb the root,
the noun before it its subject, the noun it modified its object, and the phrases in between (the
time phrase) the verb's. Likewise a possessive followed by a word the tagger took for an adjective
and a past verb ("Myanmar's military seized power"): a possessive needs its noun, so that word heads
the subject and the verb is the clause's. And an owned noun coordinated with a second phrase
("Mali's government and Tuareg rebels agreed") that the parser read as a modifier of the second
phrase's noun ("[Mali's government and Tuareg] rebels"): an owned noun is a whole phrase, so it heads
the coordination, and the second noun is its conjunct. Last, a subject after a fronted phrase that
ends in a name ("After talks in Nairobi, Sudan and South Sudan agreed ..."): the parser may read the
subject as more items of a list with that name, leaving the verb no subject; the phrase after the
comma that runs up to the verb is its subject. And a "for X to do" clause right after a verb's
object ("repeated its call for Israel to withdraw") is that object's, not the verb's. And a
participle between a verb and its object ("returned confiscated land") modifies the object. And a
name right before a verb with no subject, read as an adverbial noun ("UNICEF shipped vaccines"), is
its subject.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from hornbill.actors.agents import load_agents
from hornbill.events.lexicon import default_lexicon

#: Parts of speech a subject misread as the sentence's root may have.
NOMINAL = frozenset({"NOUN", "PROPN"})
#: Entity labels of times, never a subject.
TIMES = frozenset({"DATE", "TIME"})
#: Dependencies of a verb's subject.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Parts of speech of the words of a headline's noun phrase ("Niger junta", "former minister").
HEADLINE_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})


@Language.component("hornbill_parse_repair", requires=["token.dep", "token.tag"], assigns=["token.dep"])
def repair_parse(doc: Doc) -> Doc:
    """The doc with each sentence whose finite verb was read as a noun's modifier rebuilt as a clause."""
    for sentence in list(doc.sents):
        headline_verb = _headline_verb_read_as_noun(sentence)
        if headline_verb is not None:
            _rebuild_headline(headline_verb, sentence)
            continue
        verb = _verb_read_as_modifier(sentence)
        if verb is not None:
            _rebuild_clause(verb, sentence.root)
            continue
        verb = _verb_after_owned_adjective(sentence)
        if verb is not None:
            _rebuild_owned_subject_clause(verb, verb.nbor(-1))
        for owned in _owned_nouns_read_as_modifiers(sentence):
            _rebuild_coordination(owned)
        subject = _subject_read_as_list_item(sentence)
        if subject is not None:
            subject.head = sentence.root
            subject.dep_ = "nsubj"
        for noun, clause in _for_clauses_of_objects(sentence):
            clause.head = noun
            clause.dep_ = "acl"
        for name in _subjects_read_as_adverbs(sentence):
            name.dep_ = "nsubj"
        for participle in _participles_read_as_verbs(sentence):
            noun = next(c for c in participle.children if c.dep_ == "dobj")
            noun.head = participle.head
            noun.dep_ = "dobj"
            participle.head = noun
            participle.dep_ = "amod"
    return doc


@lru_cache(maxsize=1)
def _event_verb_forms() -> frozenset[str]:
    """The present-tense third-person forms ("arrests", "frees", "denies") of the verbs the event
    lexicon triggers on."""
    lemmas = {lemma for lemma, pos in default_lexicon().patterns if pos == "VERB" and lemma.isalpha()}
    return frozenset(form for lemma in lemmas for form in _third_person(lemma))


def _third_person(lemma: str) -> set[str]:
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        return {lemma[:-1] + "ies"}
    return {lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else lemma + "s"}


def _headline_verb_read_as_noun(sentence: Span) -> Token | None:
    """In a headline with no verb ("Senegal arrests opposition leader Ousmane Sonko", "Niger junta
    frees former minister"), the present-tense verb the tagger took for a plural noun: the "-s" form
    of an event verb, after a noun phrase holding a name and before another noun phrase."""
    if any(t.pos_ in ("VERB", "AUX") for t in sentence):
        return None
    doc = sentence.doc
    for token in sentence:
        if token.tag_ != "NNS" or token.lower_ not in _event_verb_forms() or token.i + 1 >= sentence.end:
            continue
        before = doc[sentence.start : token.i]
        phrase = all(_in_headline_phrase(t) for t in before) and any(t.pos_ == "PROPN" for t in before)
        if phrase and doc[token.i + 1].pos_ in HEADLINE_PHRASE:
            return token
    return None


def _in_headline_phrase(token: Token) -> bool:
    return token.pos_ in HEADLINE_PHRASE or token.tag_ == "POS"  # "Venezuela's intelligence police"


def _rebuild_headline(verb: Token, sentence: Span) -> None:
    """Make ``verb`` the headline's root, the phrase before it its subject and the phrase after it (up
    to a preposition or a punctuation mark) its object; what follows that phrase becomes the verb's."""
    doc = sentence.doc
    end = next((t.i for t in doc[verb.i + 1 : sentence.end] if not _in_headline_phrase(t)), sentence.end)
    subject, obj = doc[verb.i - 1], doc[end - 1]
    verb.pos_, verb.tag_ = "VERB", "VBZ"
    _make_clause(verb, subject, obj)
    ranges = ((sentence.start, subject.i, subject), (verb.i + 1, obj.i, obj), (end, sentence.end, verb))
    for first, last, head in ranges:
        for token in doc[first:last]:
            if not first <= token.head.i < last or token.head.i == token.i:
                token.head = head
                token.dep_ = "prep" if token.pos_ == "ADP" else "punct" if token.pos_ == "PUNCT" else token.dep_


def _subjects_read_as_adverbs(sentence: Span) -> list[Token]:
    """Names right before a finite verb with no subject that the parser read as an adverbial noun of
    it: in "UNICEF shipped vaccines to Yemen" the agency is the subject (a time is no subject)."""
    return [t for t in sentence if t.dep_ == "npadvmod" and t.pos_ == "PROPN" and t.ent_type_ not in TIMES
            and t.right_edge.i == t.head.i - 1 and t.head.pos_ == "VERB" and t.head.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in SUBJECTS for c in t.head.children)]


def _participles_read_as_verbs(sentence: Span) -> list[Token]:
    """Participles before a noun that the parser made a clause of the verb just before them, with the
    noun as their object: in "returned confiscated land", "evacuated wounded villagers" the participle
    tells the state of what the verb acts on, and the verb is left with no object."""
    return [t for t in sentence if t.tag_ in ("VBN", "VBD") and t.dep_ in ("xcomp", "advcl", "ccomp")
            and t.head.i == t.i - 1 and t.head.pos_ == "VERB"
            and not any(c.dep_ in ("dobj", "aux") for c in t.head.children)
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in t.children)
            and any(c.dep_ == "dobj" and c.i == t.i + 1 for c in t.children)]


def _for_clauses_of_objects(sentence: Span) -> list[tuple[Token, Token]]:
    """A "for X to do" clause right after a verb's object that the parser hung on the verb: in
    "repeated its call for Israel to withdraw" the call is for Israel to withdraw (the noun's clause),
    not the repeating."""
    found = []
    for clause in sentence:
        verb = clause.head
        if clause.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        nouns = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOMINAL and c.i < clause.i]
        if not nouns:
            continue
        noun = nouns[-1]
        mark = any(c.dep_ == "mark" and c.lower_ == "for" and c.i == noun.right_edge.i + 1 for c in clause.children)
        owned = any(c.dep_ == "prep" and c.lower_ == "for" and c.right_edge.i + 1 == clause.left_edge.i
                    for c in noun.children)
        if mark or owned:
            found.append((noun, clause))
    return found


def _subject_read_as_list_item(sentence: Span) -> Token | None:
    """The first word after a comma that the parser hung as a list item or apposition on a word in a
    phrase before the verb, when the verb has no subject and that word's phrase runs up to the verb:
    "After talks in Nairobi, Sudan and South Sudan agreed" (Sudan is no place of the talks)."""
    verb = sentence.root
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    fronted = [c for c in verb.children if c.dep_ in ("prep", "advcl", "npadvmod") and c.i < verb.i]
    for token in (t for phrase in fronted for t in phrase.subtree):
        comma = token.i > sentence.start and token.nbor(-1).text == ","
        if token.dep_ in ("conj", "appos") and comma and token.pos_ in NOMINAL and token.right_edge.i == verb.i - 1:
            return token
    return None


def _owned_nouns_read_as_modifiers(sentence: Span) -> list[Token]:
    """Owned nouns and names the parser made a modifier of the noun after their conjunct: in "Mali's
    government and Tuareg rebels" "government" (with "Tuareg" as its conjunct) modifies "rebels", in
    "Ethiopia and Tigrayan forces" "Ethiopia" modifies "forces"."""
    return [t for t in sentence if t.dep_ in ("nmod", "compound") and t.pos_ in NOMINAL and t.head.pos_ in NOMINAL
            and (any(c.dep_ == "poss" for c in t.children) or (t.pos_ == "PROPN" and _names_doers(t.head)))
            and any(c.dep_ == "cc" for c in t.children)
            and any(c.dep_ == "conj" and c.i == t.head.i - 1 for c in t.children)]


def _names_doers(noun: Token) -> bool:
    """Whether a noun names a kind of doer ("forces", "rebels"), not an act ("strikes"): a name
    coordinated before "Tigrayan forces" is a doer of its own, one before "UK strikes" the strikes' doer."""
    word = noun.lower_
    return any(load_agents().sector_of([form]) is not None for form in {word, word.removesuffix("s")})


def _rebuild_coordination(owned: Token) -> None:
    """Make ``owned`` head the phrase its head noun headed, and that noun (with the conjunct before
    it as its modifier) its conjunct; heads are set from the top down, so no step makes a cycle."""
    noun = owned.head
    modifier = next(c for c in owned.children if c.dep_ == "conj" and c.i == noun.i - 1)
    owned.dep_ = noun.dep_
    owned.head = owned if noun.head.i == noun.i else noun.head
    noun.head = owned
    noun.dep_ = "conj"
    modifier.head = noun
    modifier.dep_ = "amod" if modifier.pos_ == "ADJ" else "compound"


def _verb_read_as_modifier(sentence: Span) -> Token | None:
    """The first past-tense verb the parser made the modifier of a noun after it, in a sentence whose
    root is a noun before that verb (and so no verb at all)."""
    root = sentence.root
    if root.pos_ not in NOMINAL:
        return None
    return next((t for t in sentence if t.tag_ == "VBD" and t.dep_ == "amod" and root.i < t.i < t.head.i
                 and t.head.pos_ in NOMINAL), None)


def _make_clause(verb: Token, subject: Token, obj: Token) -> None:
    """Make ``verb`` the sentence's root with ``subject`` and ``obj`` as its subject and object, the
    root first, so no step makes a cycle."""
    verb.head = verb
    verb.dep_ = "ROOT"
    obj.head = verb
    obj.dep_ = "dobj"
    subject.head = verb
    subject.dep_ = "nsubj"


def _rebuild_clause(verb: Token, subject: Token) -> None:
    """Make ``verb`` the root with ``subject`` as its subject and the noun it modified as its object;
    the subject's phrases between the two and after the verb become the verb's."""
    noun = verb.head
    holder = noun.head if noun.dep_ == "pobj" and noun.head.i < verb.i else None  # "on" of "on ... imposed"
    _make_clause(verb, subject, noun)
    for child in list(subject.children):
        if child.i > subject.i and child.dep_ not in ("compound", "appos", "cc", "conj"):
            child.head = verb
    if holder is not None:
        time = next((c for c in verb.children if c.dep_ == "npadvmod" and holder.i < c.i < verb.i), None)
        if time is not None:
            time.head = holder
            time.dep_ = "pobj"


def _verb_after_owned_adjective(sentence: Span) -> Token | None:
    """A past verb between an owned word the parser took for an adjective and the root noun of a
    sentence with no verb: "Myanmar's military seized power in a coup" comes out as one noun phrase,
    "military" an adjective and "seized" a modifier of "power". A possessive must be followed by its
    noun, so the word after it heads the subject."""
    root = sentence.root
    if root.pos_ not in NOMINAL or root.i < 3:
        return None
    verb, owned, mark = root.nbor(-1), root.nbor(-2), root.nbor(-3)
    fits = (verb.tag_ in ("VBD", "VBN") and verb.dep_ == "amod" and owned.dep_ == "amod"
            and owned.head.i == root.i and mark.tag_ == "POS" and mark.head.head.i == root.i)
    return verb if fits and sentence.start <= mark.i else None


def _rebuild_owned_subject_clause(verb: Token, subject: Token) -> None:
    """Make ``verb`` the root, the owned word before it (and its owner) its subject, and the root noun
    it modified its object; the noun's phrases after it become the verb's."""
    noun = verb.head
    owner = subject.nbor(-1).head  # "Myanmar" of "Myanmar 's"
    _make_clause(verb, subject, noun)
    owner.head = subject
    for child in list(noun.children):
        if child.i > noun.i and child.dep_ in ("prep", "punct", "advcl", "cc", "conj", "npadvmod"):
            child.head = verb
