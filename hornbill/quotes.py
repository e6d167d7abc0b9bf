"""Direct quotations and who said them.

Quotation marks are paired on the raw text first (:func:`find_quote_spans`), because spaCy's
sentences often cut a multi-sentence quote apart. Each quoted stretch is then attributed
through the parse of the sentence(s) around it:

1. the nearest speech verb (``data/quotes.yaml``) that governs the quote, else any speech verb
   outside the quote in its sentences, else "according to X", else "X said:" just before it;
2. the verb's subject becomes an actor: a person named in the subject phrase (its head or an
   apposition), else the actors stage's reading of the phrase (``actors.actor_for_span``);
   "he said" right after a quoted person stays with that person; pronouns and role nouns the
   actors stage cannot resolve fall back to the nearer of the last person named and the
   previous quote's speaker; an unresolved proper-noun subject becomes an actor of its own;
3. a quote with no attribution of its own continues the previous one when it follows it
   directly ('"...," she said. "..."') or when it reopens a quote left open at the end of a
   paragraph (the news convention for quotes running over several paragraphs).

Single-word scare quotes are ignored; a partial quote inside a sentence is kept only when
someone is found to have said it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from hornbill.actors import actor_for_span, name_key
from hornbill.model import Actor, ActorMention, Quote
from hornbill.nlp import evidence_for
from hornbill.timex import doc_text

DATA_FILE = Path(__file__).parent / "data" / "quotes.yaml"

_OPEN_CONTEXT = "([{—–-/"
_CLOSE_CONTEXT = ".,;:!?)]}…—–"
_SENTENCE_END = (".", "!", "?", "…", '."', ".'")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Clauses that share their governing verb's subject ("He said ..., adding ...").
_SUBJECT_SHARING_DEPS = frozenset({"xcomp", "advcl", "conj", "ccomp", "relcl"})
#: spaCy entity labels for proper-noun speakers that are not people.
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
_WORD = re.compile(r"\w+")
#: How the cleaner separates paragraphs (hard-wrapped lines inside a paragraph are not breaks).
_PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class QuoteData:
    speech_verbs: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    personal_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    role_nouns: frozenset[str]
    opening_marks: frozenset[str]
    closing_marks: frozenset[str]
    straight_marks: frozenset[str]
    max_quote_chars: int
    min_words: int


@lru_cache(maxsize=1)
def quote_data() -> QuoteData:
    raw: dict[str, Any] = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw[key])

    return QuoteData(
        speech_verbs=words("speech_verbs"),
        according_to=tuple(tuple(str(w).lower() for w in phrase) for phrase in raw["according_to"]),
        personal_pronouns=words("personal_pronouns"),
        group_pronouns=words("group_pronouns"),
        role_nouns=words("role_nouns"),
        opening_marks=frozenset(raw["opening_marks"]),
        closing_marks=frozenset(raw["closing_marks"]),
        straight_marks=frozenset(raw["straight_marks"]),
        max_quote_chars=int(raw["max_quote_chars"]),
        min_words=int(raw["min_words"]),
    )


# --- pairing quotation marks -----------------------------------------------------------------


@dataclass(frozen=True)
class QuoteSpan:
    """The text between a pair of quotation marks (``start``/``end`` exclude the marks).

    ``continues`` is True when the quote reopens one left unclosed at a sentence end (a quote
    running over paragraphs, possibly joined by the cleaner into one line).
    """

    start: int
    end: int
    continues: bool = False


def _mark_role(text: str, i: int, inside: bool) -> Literal["open", "close"]:
    """Whether the quotation mark at ``text[i]`` opens or closes, from its neighbours.

    Curly marks say so themselves unless the context clearly disagrees (some sites use one
    curly mark for both); a straight mark after a space opens, one before a space or punctuation closes.
    """
    data = quote_data()
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before.isspace() or before in _OPEN_CONTEXT or before in data.opening_marks
    closes = after.isspace() or after in _CLOSE_CONTEXT
    if text[i] in data.opening_marks and not (inside and closes and not opens):
        return "open"
    if text[i] in data.closing_marks and not (not inside and opens and not closes):
        return "close"
    if opens != closes:
        return "open" if opens else "close"
    return "close" if inside else "open"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def _marks_pattern() -> re.Pattern[str]:
    """Any double quotation mark: the scan jumps from mark to mark instead of testing every character."""
    data = quote_data()
    marks = data.opening_marks | data.closing_marks | data.straight_marks
    chars = "".join(re.escape(m) for m in sorted(marks) if len(m) == 1)
    return re.compile(f"[{chars}]" if chars else "(?!)")


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair the double quotation marks of ``text`` into quoted stretches, in text order."""
    data = quote_data()
    spans: list[QuoteSpan] = []
    start: int | None = None
    continues = False
    for mark in _marks_pattern().finditer(text):
        i = mark.start()
        if start is not None and i - start > data.max_quote_chars:
            start = None  # a stray mark: forget it rather than swallow the article
        role = _mark_role(text, i, inside=start is not None)
        if start is None:
            if role == "open":
                start, continues = i + 1, False
            continue
        inner = text[start:i].rstrip()
        if role == "open" and inner.endswith(_SENTENCE_END):
            spans.append(QuoteSpan(*_trimmed(text, start, i), continues=continues))
            start, continues = i + 1, True
            continue
        spans.append(QuoteSpan(*_trimmed(text, start, i), continues=continues))
        start = None
    return [s for s in spans if s.end > s.start]


# --- where quotes are ------------------------------------------------------------------------


class _Context:
    """A doc and its quotes: attributions are looked for outside every quote, within its paragraphs."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.quoted = [(s.start - 1, s.end + 1) for s in spans]

    def is_quoted(self, token: Token) -> bool:
        return self.is_quoted_at(token.idx)

    def is_quoted_at(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quoted)

    def sentences(self, span: QuoteSpan) -> list[Span]:
        """The sentences the quoted words are in (the marks may sit in a neighbouring sentence)."""
        inner = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if inner is None or len(inner) == 0:
            return []
        sentences = [inner[0].sent]
        while sentences[-1].end < inner[-1].sent.end:
            sentences.append(self.doc[sentences[-1].end].sent)
        return sentences

    def tokens(self, span: QuoteSpan) -> list[Token]:
        inner = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return list(inner) if inner is not None else []

    def region(self, span: QuoteSpan) -> tuple[int, int]:
        """The paragraph(s) a quote sits in: a speaker is named there, not across a line break.

        (Sentences can run over a paragraph break that has no full stop before it.)
        """
        text = self.text
        start = text.rfind(_PARAGRAPH_BREAK, 0, span.start)
        end = text.find(_PARAGRAPH_BREAK, span.end)
        return (0 if start < 0 else start + len(_PARAGRAPH_BREAK)), (len(text) if end < 0 else end)

    def usable(self, token: Token, region: tuple[int, int]) -> bool:
        return region[0] <= token.idx < region[1] and not self.is_quoted(token)


@dataclass(frozen=True)
class _Said:
    """A resolved quote: its span, its speaker, its sentences, and whether anything attributed it."""

    span: QuoteSpan
    speaker: Actor | None
    sentences: Span
    attributed: bool


# --- speakers --------------------------------------------------------------------------------


def _unknown_actor(name: str, label: str) -> Actor:
    """An actor the actors stage did not know, keyed the way it keys names it does not know."""
    if label in _ORG_LABELS:
        return Actor(key=name_key("org", name), name=name, type="ORG")
    return Actor(key=name_key("person", name), name=name, type="PERSON")


def _names_someone_else(token: Token, head: Token) -> bool:
    """True when ``token`` names another party than the phrase's head: under a preposition other
    than "of" ("the lawyer for X") or a possessive ("Putin's spokesman, Dmitry Peskov")."""
    if token.dep_ == "poss":
        return True
    for ancestor in token.ancestors:
        if ancestor == head:
            return False
        if ancestor.dep_ == "poss" or (ancestor.dep_ == "prep" and ancestor.lower_ != "of"):
            return True
    return False


def _person_in(subject: Token, span: Span) -> Actor | None:
    """A person named by a subject phrase: on its head, else in apposition or as a modifier
    ("Britain's UN ambassador Barbara Woodward", "the spokesman, John Kirby")."""
    people: list[tuple[bool, ActorMention]] = []
    for token in span:
        mention = token._.actor_mention
        is_person = isinstance(mention, ActorMention) and mention.actor.type == "PERSON"
        if is_person and not _names_someone_else(token, subject):
            people.append((mention.start <= subject.idx < mention.end, mention))
    people.sort(key=lambda p: not p[0])
    return people[0][1].actor if people else None


def _subject_span(subject: Token) -> Span:
    return subject.doc[subject.left_edge.i : subject.right_edge.i + 1]


def _proper_noun_actor(subject: Token, span: Span) -> Actor | None:
    """An actor for an unresolved proper-noun subject: its named entity, else its proper-noun words."""
    people = [e for e in span.ents if e.label_ == "PERSON"]
    if people:
        return _unknown_actor(people[0].text, "PERSON")
    named = [e for e in span.ents if e.label_ in _ORG_LABELS and e.start <= subject.i < e.end]
    if named:
        return _unknown_actor(_without_article(named[0]), named[0].label_)
    if subject.pos_ != "PROPN":
        return None
    words = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [subject]
    return _unknown_actor(" ".join(t.text for t in words), subject.ent_type_ or "PERSON")


def _without_article(span: Span) -> str:
    return (span[1:] if len(span) > 1 and span[0].lower_ == "the" else span).text


def _is_personal_pronoun(subject: Token) -> bool:
    return subject.lower_ in quote_data().personal_pronouns


def _is_stand_in(subject: Token) -> bool:
    """Pronouns and role nouns ("he", "the minister") that stand for someone named elsewhere."""
    data = quote_data()
    if subject.lower_ in data.personal_pronouns | data.group_pronouns:
        return True
    modifiers = " ".join(t.lower_ for t in subject.lefts if t.dep_ in {"compound", "amod"})
    role = f"{modifiers} {subject.lower_}".strip()
    return subject.lemma_.lower() in data.role_nouns or role in data.role_nouns


def _recent_person(ctx: _Context, before: int) -> tuple[int, Actor] | None:
    """The last person named outside quotes before character ``before``: a mention, else an entity."""
    doc = ctx.doc
    mentions = [
        m
        for m in (doc._.actor_mentions or [])
        if m.actor.type == "PERSON" and m.how != "pronoun" and m.end <= before
    ]
    mentions = [m for m in mentions if not ctx.is_quoted_at(m.start)]
    candidates = [(m.end, m.actor) for m in mentions]
    if not candidates:
        people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= before]
        people = [e for e in people if not ctx.is_quoted(e[0])]
        candidates = [(e.end_char, _unknown_actor(e.text, "PERSON")) for e in people]
    return max(candidates, key=lambda c: c[0]) if candidates else None


def _stand_in_speaker(ctx: _Context, subject: Token, previous: _Said | None) -> Actor | None:
    """The referent of an unresolved pronoun or role noun: the nearer of the last person named
    and the previous quote's speaker ("they"/"we"/"it" only take the previous speaker)."""
    last_speaker = previous.speaker if previous is not None else None
    if subject.lower_ in quote_data().group_pronouns:
        return last_speaker
    person = _recent_person(ctx, subject.idx)
    if person is None:
        return last_speaker
    if last_speaker is not None and previous is not None and previous.sentences.end_char > person[0]:
        return last_speaker
    return person[1]


def _speaker_of(ctx: _Context, subject: Token, previous: _Said | None, adjacent: bool) -> Actor | None:
    """Who a subject phrase stands for.

    "he said" right after a quoted person continues that person (news convention, and the
    actors stage does not see quotes); otherwise a person in the phrase, then the actors
    stage's reading of the phrase, then the fallbacks for pronouns, roles and unknown names.
    """
    last_speaker = previous.speaker if previous is not None else None
    continues_person = adjacent and last_speaker is not None and last_speaker.type == "PERSON"
    if continues_person and _is_personal_pronoun(subject):
        return last_speaker
    span = _subject_span(subject)
    resolved = _person_in(subject, span) or actor_for_span(span)
    if resolved is not None:
        return resolved
    if _is_stand_in(subject):
        return _stand_in_speaker(ctx, subject, previous)
    return _proper_noun_actor(subject, span)


# --- attribution -----------------------------------------------------------------------------


def _own_subject(verb: Token) -> Token | None:
    """Who does the verb: its subject, or in the passive its "by" agent ("is branded" has no speaker)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        subject = subjects[0]
        return verb.head if subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl" else subject
    agents = [c for c in verb.children if c.dep_ == "agent"]
    objects = [c for a in agents for c in a.children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, borrowed from the governing clause when it has none.

    "He says ... have tripled, adding ..." takes the subject of the governing speech verb
    even when the parse hangs "adding" under the reported clause; otherwise the nearest
    governing clause with a subject.
    """
    own = _own_subject(verb)
    if own is not None or any(c.dep_ == "nsubjpass" for c in verb.children):
        return own
    chain: list[Token] = []
    while verb.dep_ in _SUBJECT_SHARING_DEPS and verb.head is not verb and len(chain) < 4:
        verb = verb.head
        chain.append(verb)
    speaking = [v for v in chain if _is_speech_verb(v) and _own_subject(v) is not None]
    with_subject = [v for v in chain if _own_subject(v) is not None]
    governing = speaking or with_subject
    return _own_subject(governing[0]) if governing else None


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in quote_data().speech_verbs


def _speech_subject(ctx: _Context, verb: Token, region: tuple[int, int]) -> Token | None:
    """The subject of a speech verb, if it is in the quote's paragraph and not quoted itself.

    A verb the parse left without a subject ("Lavrov earlier this month said") takes the
    nearest person named just before it.
    """
    subject = _subject_of(verb)
    if subject is not None:
        return subject if ctx.usable(subject, region) else None
    before = ctx.doc[max(verb.i - 6, 0) : verb.i]
    people = [t for t in before if t.ent_type_ == "PERSON" and ctx.usable(t, region)]
    return people[-1] if people else None


def _governing_speech_subject(ctx: _Context, span: QuoteSpan, region: tuple[int, int]) -> Token | None:
    """The subject of the first speech verb above the quote in the parse."""
    seen: set[int] = set()  # an ancestor met before was tried with all of its own ancestors
    for token in ctx.tokens(span):
        for ancestor in token.ancestors:
            if ancestor.i in seen:
                break
            seen.add(ancestor.i)
            if ctx.usable(ancestor, region) and _is_speech_verb(ancestor):
                subject = _speech_subject(ctx, ancestor, region)
                if subject is not None:
                    return subject
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
    """ 'X said: "..."' with the quote parsed as a sentence (or paragraph) of its own."""
    text = ctx.text[: max(span.start - 1, 0)].rstrip()
    if not text.endswith(":"):
        return None
    colon = ctx.doc.char_span(len(text) - 1, len(text), alignment_mode="expand")
    if colon is None:
        return None
    sentence = colon.sent
    region = (sentence.start_char, sentence.end_char)
    subject = _nearest_speech_subject(ctx, span, [sentence], region)
    if subject is not None:
        return subject
    return next((t for t in sentence.root.children if t.dep_ in _SUBJECT_DEPS), None)


def _trailing_person(ctx: _Context, span: QuoteSpan, region: tuple[int, int]) -> Token | None:
    """ '"...," Britain's envoy Jane Doe remarked' when the parse missed the verb: a quote ending
    in a comma followed closely by a named person."""
    text = ctx.text
    after = span.end + 1
    if not (text[span.end - 1 : span.end] == "," or text[after : after + 1] == ","):
        return None
    window = ctx.doc.char_span(after, min(after + 60, region[1]), alignment_mode="contract")
    if window is None:
        return None
    people = [t for t in window if t.ent_type_ == "PERSON" and ctx.usable(t, region)]
    return people[0] if people else None


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


# --- the stage -------------------------------------------------------------------------------


def _is_partial(ctx: _Context, span: QuoteSpan, sentences: list[Span]) -> bool:
    """True when words of the sentence come before the quote (a phrase quoted inside a sentence)."""
    head = ctx.text[sentences[0].start_char : max(span.start - 1, sentences[0].start_char)]
    return bool(_WORD.search(head))


def _follows(previous: _Said | None, sentences: list[Span]) -> bool:
    """True when a quote starts in the sentence right after (or the same as) the previous quote's end."""
    if previous is None:
        return False
    gap = previous.sentences.doc[previous.sentences.end : sentences[0].start]
    return not any(t.is_sent_start for t in gap)


def _word_count(text: str, span: QuoteSpan) -> int:
    return len(_WORD.findall(text[span.start : span.end]))


def _quote_text(text: str, span: QuoteSpan) -> str:
    return " ".join(text[span.start : span.end].split()).rstrip(",").strip()


def _later_in_chain(ctx: _Context, spans: list[QuoteSpan], index: int) -> Token | None:
    """The attribution of a quote running over paragraphs, found on a later paragraph of it."""
    for later in spans[index + 1 :]:
        if not later.continues:
            return None
        subject = _attribution(ctx, later, ctx.sentences(later))
        if subject is not None:
            return subject
    return None


def _resolve(ctx: _Context, spans: list[QuoteSpan]) -> list[_Said]:
    said: list[_Said] = []
    for index, span in enumerate(spans):
        sentences = ctx.sentences(span)
        if not sentences:
            continue
        previous = said[-1] if said else None
        adjacent = _follows(previous, sentences)
        subject = _attribution(ctx, span, sentences) or _later_in_chain(ctx, spans, index)
        speaker = _speaker_of(ctx, subject, previous, adjacent) if subject is not None else None
        attributed = subject is not None
        if not attributed and (span.continues or adjacent) and previous is not None:
            speaker, attributed = previous.speaker, previous.attributed
        if speaker is not None or not _is_partial(ctx, span, sentences):
            said.append(_Said(span, speaker, ctx.doc[sentences[0].start : sentences[-1].end], attributed))
    return said


def find_quotes(doc: Doc) -> list[Quote]:
    """The direct quotations in an annotated Doc, each with its speaker (or None) and evidence."""
    min_words = quote_data().min_words
    text = doc_text(doc)
    spans = [s for s in find_quote_spans(text) if _word_count(text, s) >= min_words]
    ctx = _Context(doc, spans)
    quotes: list[Quote] = []
    for said in _resolve(ctx, spans):
        evidence = evidence_for(said.sentences)
        quotes.append(
            Quote(
                doc_id=evidence.doc_id,
                source=evidence.source,
                speaker=said.speaker,
                text=_quote_text(text, said.span),
                evidence=evidence,
            )
        )
    return quotes


def quoted_speakers(doc: Doc) -> list[tuple[int, int, Actor]]:
    """Where each attributed quotation stands in the Doc's text (offsets without the marks) and who
    said it: the event stage reads blame and threats in a quote as its speaker's, even when the
    parse loses the attribution or the quote runs on from an earlier sentence."""
    min_words = quote_data().min_words
    text = doc_text(doc)
    spans = [s for s in find_quote_spans(text) if _word_count(text, s) >= min_words]
    return [(s.span.start, s.span.end, s.speaker) for s in _resolve(_Context(doc, spans), spans) if s.speaker]


@Language.component("hornbill_quotes", requires=["doc._.actor_mentions"], assigns=["doc._.quotes"])
def quotes_component(doc: Doc) -> Doc:
    doc._.quotes = find_quotes(doc)
    return doc
