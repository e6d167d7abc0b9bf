"""Which words attribute a quote: the speech verb governing it, "according to X", "X said:",
a person named right after it, or the attribution of a neighbouring sentence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from hornbill.quotes.data import (
    _FIRST_SECOND_PERSON,
    _SPEAKER_CLIMB_DEPS,
    _SUBJECT_DEPS,
    _VERBS,
    quote_data,
)
from hornbill.quotes.marks import QuoteSpan
from hornbill.quotes.speakers import _Context, _is_quoting_verb, _mention, _nominal_subject, _own_subject

# --- attribution -----------------------------------------------------------------------------


def _governing_verbs(verb: Token) -> list[Token]:
    """The verbs above ``verb`` that may lend it their subject, nearest first (a few steps up)."""
    chain: list[Token] = []
    node = verb
    for _ in range(6):
        if node.dep_ not in _SPEAKER_CLIMB_DEPS or node.head is node or len(chain) == 4:
            break
        node = node.head
        if node.pos_ in _VERBS:
            chain.append(node)
    return chain


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, borrowed from the governing clause when it has none.

    "He says ... have tripled, adding ..." takes the subject of the governing speech verb
    even when the parse hangs "adding" under the reported clause; "as saying" takes the object
    of "quoted"; "banners saying ..." the subject of whoever held them; otherwise the nearest
    governing clause with a subject (a passive's "by" agent only speaks through a speech verb).
    """
    own = _own_subject(verb)
    if own is not None or any(c.dep_ == "nsubjpass" for c in verb.children):
        return own
    chain = _governing_verbs(verb)
    speaking = [_own_subject(v) for v in chain if _is_speech_verb(v)]
    with_subject = [_nominal_subject(v) for v in chain]
    return next((s for s in speaking + with_subject if s is not None), None)


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ in _VERBS and (token.lemma_.lower() in quote_data().speech_verbs or _is_quoting_verb(token))


def _names_someone(token: Token) -> bool:
    """A subject that names or stands for someone: an actor, a proper noun or a personal pronoun."""
    return (
        _mention(token) is not None
        or token.pos_ == "PROPN"
        or token.lower_ in quote_data().personal_pronouns
    )


def _relayed_subject(ctx: _Context, verb: Token, below: Token, region: tuple[int, int]) -> Token | None:
    """For "X reported that Y justified it by '...'": Y, when it names someone; the outlet only
    relays Y's words. Y is the subject of the clause the relaying verb governs on the way to the
    quote (``below``), or of the clause that governs the relaying verb when the parse hangs an
    inverted "..., the outlet reported" inside it."""
    if verb.lemma_.lower() not in quote_data().relaying_verbs:
        return None
    clauses = [below] if below.dep_ == "ccomp" else []
    clauses += [verb.head] if verb.dep_ in {"ccomp", "parataxis"} and verb.head.pos_ in _VERBS else []
    for clause in clauses:
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and ctx.usable(c, region)]
        if subjects and _names_someone(subjects[0]):
            return subjects[0]
    return None


def _cited_source(verb: Token) -> Token | None:
    """The source a speech verb cites: the object of "citing X" / "quoting X" hung on it."""
    for child in verb.children:
        if child.dep_ in {"advcl", "xcomp", "conj"} and child.tag_ == "VBG" and _is_quoting_verb(child):
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
    return None


def _speech_subject(ctx: _Context, verb: Token, region: tuple[int, int]) -> Token | None:
    """The subject of a speech verb, if it is in the quote's paragraph and not quoted itself.

    An outlet that names its source ("the agency said, citing a commander") passes on the
    source's words. A verb the parse left without a subject ("Lavrov earlier this month said")
    takes the nearest person named just before it.
    """
    subject = _cited_source(verb) or _subject_of(verb)
    if subject is not None:
        return subject if ctx.usable(subject, region) else None
    before = ctx.doc[max(verb.i - 6, 0) : verb.i]
    people = [t for t in before if t.ent_type_ == "PERSON" and ctx.usable(t, region)]
    return people[-1] if people else None


def _governing_speech_subject(ctx: _Context, span: QuoteSpan, region: tuple[int, int]) -> Token | None:
    """The subject of the first speech verb above the quote in the parse."""
    seen: set[int] = set()  # an ancestor met before was tried with all of its own ancestors
    for token in ctx.tokens(span):
        below = token
        for ancestor in token.ancestors:
            if ancestor.i in seen:
                break
            seen.add(ancestor.i)
            if ctx.usable(ancestor, region) and _is_speech_verb(ancestor):
                subject = _relayed_subject(ctx, ancestor, below, region) or _speech_subject(ctx, ancestor, region)
                if subject is not None:
                    return subject
            below = ancestor
    return None


def _nearest_speech_subject(
    ctx: _Context, span: QuoteSpan, sentences: Iterable[Span], region: tuple[int, int]
) -> Token | None:
    """The subject of the speech verb nearest the quote among its sentences' unquoted words."""
    verbs = [t for s in sentences for t in s if _is_speech_verb(t) and ctx.usable(t, region)]
    verbs.sort(key=lambda t: min(abs(t.idx - span.end), abs(span.start - t.idx)))
    for verb in verbs:
        subject = _speech_subject(ctx, verb, region)
        if subject is not None:
            return subject
    return None


def _according_to(ctx: _Context, sentences: Iterable[Span], region: tuple[int, int]) -> Token | None:
    """The object of "according to X" outside the quote."""
    for phrase in quote_data().according_to:
        for sentence in sentences:
            words = list(sentence)
            for i in range(len(words) - len(phrase)):
                window = words[i : i + len(phrase)]
                if [t.lower_ for t in window] == list(phrase) and ctx.usable(window[0], region):
                    objects = [c for c in window[-1].children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return None


def _colon_intro(ctx: _Context, span: QuoteSpan) -> Token | None:
    """ 'X said: "..."' with the quote parsed as a sentence (or paragraph) of its own; a subject
    before the colon with no speech verb ("The envoy on Monday: ..."), or a name alone as in a
    headline ('Ruto: "..."')."""
    end = ctx.before_marks(span)
    if not ctx.text[:end].endswith(":"):
        return None
    colon = ctx.doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None:
        return None
    sentence = colon.sent
    region = (sentence.start_char, sentence.end_char)
    subject = _nearest_speech_subject(ctx, span, [sentence], region)
    if subject is not None:
        return subject
    before = [t for t in sentence if t.i < colon.start and ctx.usable(t, region) and not t.is_punct]
    subjects = [t for t in before if t.dep_ in _SUBJECT_DEPS]
    if subjects:
        return subjects[0]
    return before[-1] if before and all(t.pos_ == "PROPN" for t in before) else None


def _is_person_token(token: Token) -> bool:
    mention = _mention(token)
    return token.ent_type_ == "PERSON" or (mention is not None and mention.actor.type == "PERSON")


def _trailing_person(ctx: _Context, span: QuoteSpan, region: tuple[int, int]) -> Token | None:
    """ '"...," Britain's envoy Jane Doe remarked' when the parse missed the verb (or the writer
    left it out: '"...," Doe.'): a quote ending in a comma followed closely by a named person,
    with no verb between them."""
    text = ctx.text
    after = span.end + 1
    if not (text[span.end - 1 : span.end] == "," or text[after : after + 1] == ","):
        return None
    window = ctx.doc.char_span(after, min(after + 60, region[1]), alignment_mode="contract")
    if window is None:
        return None
    for token in window:
        if token.pos_ in _VERBS or not ctx.usable(token, region):
            return None  # a clause of its own follows the quote, not a speaker's name
        if _is_person_token(token):
            return token
    return None


def _attribution(ctx: _Context, span: QuoteSpan, sentences: list[Span]) -> Token | None:
    """The token naming who said a quote, or None when its sentences say nothing of it."""
    region = ctx.region(span)
    return (
        _governing_speech_subject(ctx, span, region)
        or _nearest_speech_subject(ctx, span, sentences, region)
        or _according_to(ctx, sentences, region)
        or _colon_intro(ctx, span)
        or _trailing_person(ctx, span, region)
    )


def _neighbour_attribution(ctx: _Context, span: QuoteSpan, sentences: list[Span]) -> Token | None:
    """The attribution of the sentence before a quote, else after it, in the quote's paragraph
    ('The bloc said in a statement on Friday. "..."')."""
    doc = ctx.doc
    region = ctx.region(span)
    first, last = sentences[0], sentences[-1]
    neighbours = [doc[first.start - 1].sent] if first.start > 0 else []
    neighbours += [doc[last.end].sent] if last.end < len(doc) else []
    for sentence in neighbours:
        subject = _nearest_speech_subject(ctx, span, [sentence], region)
        if subject is not None:
            return subject
    return None


def _cut_at_attribution(doc: Doc, span: QuoteSpan) -> QuoteSpan:
    """An unclosed quote ends where an attribution in the inverted news order begins: the comma
    before "the minister said", "said the minister" or "he was quoted as saying" that heads its
    sentence (the closing mark was forgotten, or the page was saved cut off)."""
    if span.closed:
        return span
    inner = doc.char_span(span.start, span.end, alignment_mode="contract")
    if inner is None:
        return span
    for verb in inner:
        if verb.dep_ != "ROOT" or not _is_speech_verb(verb):
            continue
        subject = _own_subject(verb)
        if subject is None or subject.lower_ in _FIRST_SECOND_PERSON:
            continue
        first = min(verb.i, subject.left_edge.i)
        comma = doc[first - 1]
        if first > inner.start and comma.text == "," and comma.idx > span.start:
            return replace(span, end=comma.idx + 1)
    return span


