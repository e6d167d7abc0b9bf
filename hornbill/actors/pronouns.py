"""Pronouns that stand for actors: "he"/"she" as the subject of a speech verb, when one person is
the clear antecedent; "it" and "them" as objects (the nearest organisation or country; the first
of two coordinated actors); "they" and "it" as subjects (the latest subject that is no person,
in this sentence or the two before: "The protesters marched on the palace. They demanded ...")."""

from __future__ import annotations

from spacy.tokens import Token

from hornbill.actors.resolution import Candidate, Resolution, is_person
from hornbill.doctools import sentence_bounds, string_ids, token_ids
from hornbill.model import Actor

PRONOUNS = frozenset({"he", "she"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
#: Every word pronoun_candidates looks at: speaker pronouns, and "it"/"them" as objects.
_PRONOUN_WORDS = PRONOUNS | {"it", "them", "they"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Nouns that count the people of their "of" phrase ("thousands of farmers").
COUNT_WORDS = frozenset({"hundred", "thousand", "million", "dozen", "score", "ten", "crowd"})
#: How many sentences before a subject pronoun's own its antecedent is looked for.
SUBJECT_LOOKBACK = 2
#: Verbs whose "it" subject is empty ("it is clear", "it seems", "it remains to be seen").
EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "become", "take", "rain", "matter"})


def pronoun_candidates(state: Resolution) -> list[Candidate]:
    """"he"/"she" as speakers; "it"/"them" as objects ("called it a failure", "accused them")."""
    found: list[Candidate] = []
    pronouns = string_ids(state.doc, _PRONOUN_WORDS)
    for i, lower in enumerate(token_ids(state.doc, "LOWER")):
        if lower not in pronouns or i in state.selected:
            continue
        token = state.doc[i]
        actor: Actor | None = None
        if token.lower_ in PRONOUNS and token.dep_ in SUBJECT_DEPS:
            actor = _antecedent(state, token)  # "he said", "she resigned", "he and Putin will meet"
        elif token.lower_ == "it" and token.dep_ in OBJECT_DEPS:
            actor = _thing_antecedent(state, token)
        elif token.lower_ == "them" and token.dep_ in OBJECT_DEPS:
            actor = _pair_antecedent(state, token)
        elif token.lower_ in ("they", "it") and token.dep_ in SUBJECT_DEPS and not _is_empty_it(token):
            actor = _subject_antecedent(state, token)
        if actor is not None:
            found.append(Candidate(token.i, token.i + 1, actor, "pronoun"))
    return found


def _is_empty_it(pronoun: Token) -> bool:
    """ "It is clear that", "it was reported that": an "it" that stands for nobody."""
    verb = pronoun.head
    return pronoun.lower_ == "it" and (verb.lemma_ in EMPTY_IT_VERBS or pronoun.dep_ == "nsubjpass")


def _subject_antecedent(state: Resolution, pronoun: Token) -> Actor | None:
    """What a subject pronoun stands for, when no person: the subject of the clause it complements
    ("the group said it would attack"), else the nearest subject before it in its sentence (else the
    nearest actor there), else the latest subject of the two sentences before; for "they" a plural
    phrase ("the protesters", "the rebels"), for "it" a singular one (a country, a body). None when
    there is none."""
    governing = None if _is_quoted(pronoun) else _governing_subject(pronoun)
    said_by = state.selected.get(governing.i) if governing is not None else None
    if governing is not None and not is_person(said_by):  # "the group said it would attack": the group
        return said_by.actor if said_by is not None and said_by.how != "pronoun" else None
    plural = pronoun.lower_ == "they"
    things = [m for m in state.mentions() if m.how != "pronoun" and m.actor.type != "PERSON"
              and _is_plural(state.doc[m.start:m.end].root) == plural
              and not _is_audience(state, state.doc[m.start:m.end].root)]
    here = [m for m in things if pronoun.sent.start <= m.start < pronoun.i]
    subjects_here = [m for m in here if _is_subject(state.doc[m.start:m.end].root)]
    if subjects_here or here:  # "X put an embargo on Y, when it threatened ...": X, the subject
        return (subjects_here or here)[-1].actor
    sentences = sentence_bounds(state.doc)
    index = next(k for k, (start, end, _, _) in enumerate(sentences) if start <= pronoun.i < end)
    first = sentences[max(0, index - SUBJECT_LOOKBACK)][0]
    subjects = [m for m in things if first <= m.start < pronoun.i and _is_subject(state.doc[m.start:m.end].root)]
    return subjects[-1].actor if subjects else None


def _is_audience(state: Resolution, token: Token) -> bool:
    """Whom a speaker addresses ("told reporters", "told the assembly"): listeners, not doers."""
    return token.dep_ in ("dobj", "dative") and token.head.lemma_ in state.roles.speech_verbs


def _is_quoted(token: Token) -> bool:
    """Whether a token stands inside a quotation opened earlier in its sentence: there "it" and
    "they" are the speaker's words about someone else, not the speaker."""
    before = token.doc[token.sent.start : token.i].text
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _governing_subject(pronoun: Token) -> Token | None:
    """The subject of the clause a subject pronoun's clause complements ("the ministry said it
    would ...", "the rebels vowed that they would ..."), when it is no pronoun itself."""
    clause = pronoun.head
    while clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject if subject.pos_ != "PRON" else None
    return None


def _is_plural(token: Token) -> bool:
    """A plural phrase: a plural noun, or coordinated subjects ("Mali and Niger")."""
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)


def _thing_antecedent(state: Resolution, pronoun: Token) -> Actor | None:
    """The nearest organisation or country named earlier in the sentence, else the only one
    the previous sentence names."""
    sentence = pronoun.sent
    things = [m for m in state.mentions() if m.actor.type != "PERSON" and m.how != "pronoun"
              and not _is_audience(state, state.doc[m.start:m.end].root)]
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
    """A subject, a conjunct of one ("Macron and Scholz met"), or what a counted subject counts
    ("thousands of farmers marched")."""
    subject = ("nsubj", "nsubjpass")
    counter = token.head.head
    counted = counter.like_num or counter.lemma_.lower() in COUNT_WORDS
    if token.dep_ == "pobj" and token.head.lower_ == "of" and counted:
        token = counter
    return token.dep_ in subject or (token.dep_ == "conj" and token.head.dep_ in subject)
