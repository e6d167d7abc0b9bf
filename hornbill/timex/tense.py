"""The tense of the verb an expression or a trigger hangs on, read from the parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from hornbill.dates.words import time_words
from hornbill.doctools import is_headline
from hornbill.model import Tense

VERB_POS = frozenset({"VERB", "AUX"})


def governing_verb(token: Token) -> Token:
    """The verb a token hangs on: itself or the nearest verb above it (else the sentence root)."""
    while token.pos_ not in VERB_POS and token.head.i != token.i:
        token = token.head
    return token


def is_for_marked(clause: Token) -> bool:
    """Whether a clause opens with "for" as its subordinator: "(called) for the junta to step down"."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def verb_tense(verb: Token, depth: int = 0) -> Tense | None:
    """Tense of a verb from its tag and auxiliaries; "will", "would", "plans to", "is to" are future."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() in ("will", "shall", "would") or a.lower_ == "'ll" for a in auxes):
        return "future"
    if any(a.lower_ == "to" for a in auxes) and verb.head.i != verb.i:  # "to run", "to be published"
        head = verb.head
        if head.lemma_.lower() in time_words().future_verbs or head.lemma_ == "be" or head.pos_ == "ADJ":
            return "future"  # "plans to", "is to", "due to be published", "likely to"
        if is_for_marked(verb):
            return "future"  # "called for the vote to be held": what is called for is to come
        return verb_tense(head, depth + 1) if depth < 3 else None
    if not auxes and verb.tag_ == "VBG" and verb.dep_ in ("acl", "advcl") and verb.head.i != verb.i and depth < 3:
        # "protesters demanding elections clashed", "opened fire, killing six": the participle's
        # act is told at the time of the clause it hangs on
        return verb_tense(governing_verb(verb.head), depth + 1)
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if verb.lemma_.lower() in time_words().scheduling_verbs and tags & {"VBZ", "VBP"}:
        return "future"  # "the vote is scheduled for March"
    if "VBD" in tags or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


def tense_at(doc: Doc, start: int, end: int) -> Tense | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    return verb_tense(verb) if verb.pos_ in VERB_POS else None


def has_perfect(verb: Token) -> bool:
    """ "has withdrawn", also for a verb coordinated with one ("has rallied ... and brought") or
    the infinitive it governs ("has begun to cooperate")."""
    while any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) and verb.head.pos_ in VERB_POS:
        if verb.head.i == verb.i:
            break
        verb = verb.head
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(c.lemma_ == "have" and c.dep_ == "aux" for v in verbs for c in v.children)


def narrative_tense(trigger: Token) -> Tense | None:
    """The tense of the trigger's clause when it tells of one occasion: the simple past or the
    future; None for the present and the present perfect (states, background, habits)."""
    verb = governing_verb(trigger)
    tense = verb_tense(verb)
    if tense == "past" and has_perfect(verb):
        return None
    if tense in ("past", "future"):
        return tense
    # headlines tell in the present what happened, in "to" what will: "UN ends Mali mission",
    # "Germany to leave sooner"
    if tense == "present":
        return "past" if is_headline(trigger.sent) else None
    to_clause = tense is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return "future" if to_clause and is_headline(trigger.sent) else None
