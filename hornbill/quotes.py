"""Direct quotations and who said them.

Quotation marks are paired on the raw text first (:func:`find_quote_spans`), because spaCy's
sentences often cut a multi-sentence quote apart. A quotation left open runs into the quote
that reopens after it (news style for quotes over several paragraphs), or to its paragraph's
end; the parse then ends it where an attribution in the inverted news order begins
('“We will leave, the minister said.'). Each quoted stretch is attributed through the parse
of the sentence(s) around it:

1. the nearest speech verb (``data/quotes.yaml``) that governs the quote, else any speech verb
   outside the quote in its sentences, else "according to X", else "X said:" just before it,
   else a person named right after it. "quoted X as saying", "the agency said, citing X" and
   "the agency reported that X justified it by '...'" name X, not the outlet that relays X;
2. the verb's subject becomes an actor (:func:`_speaker_of`): a person named in the phrase,
   else the actors stage's reading of it; a role ("the official", "the leader of the
   movement") is the person it refers back to (:func:`_role_holder`), else a role actor of the
   article; "he"/"she" is the person last named or described before, "it"/"they" the
   organisation or group, "the statement" its author, "the movement" the organisation named
   before, "the ministry" the article's country, a part of a name the person the article named
   in full, and other common nouns ("witnesses") a generic actor named by the phrase;
3. a quote with no attribution of its own continues the previous one when nothing but its own
   sentence lies between them ('"...," she said. "..."', a quote paragraph after a quote
   paragraph) or when it reopens a quote left open; else it takes the attribution of the
   previous or the next sentence of its paragraph ('X said in a statement. "..."').

Single-word scare quotes are ignored; a partial quote inside a sentence is kept only when
someone is found to have said it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from hornbill.actors import actor_for_span, name_key, normalise
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
#: Links from a speech verb up to the verb whose subject speaks through it: "quoted X as saying"
#: (pcomp, prep) and "held up banners saying ..." / "in a statement saying ..." (acl, dobj, pobj).
_SPEAKER_CLIMB_DEPS = _SUBJECT_SHARING_DEPS | {"pcomp", "prep", "acl", "dobj", "pobj"}
#: spaCy entity labels for proper-noun speakers that are not people.
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
#: Subjects that are never an attribution inside a quotation ("we decided, we said, ...").
_FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their"})
_VERBS = frozenset({"VERB", "AUX"})
#: Actor types of bodies ("the group", "the ministry"), as the actors stage types them.
_BODY_TYPES = frozenset({"GOV", "MIL", "IGO", "REB", "PMC", "ORG"})
#: Determiners that bring in someone new ("another official"), not one described before.
_INDEFINITE = frozenset({"a", "an", "one", "another"})
#: Quoted words inside a sentence, this many or fewer and capitalised, are a name, not a quotation.
_NAME_MAX_WORDS = 4
_WORD = re.compile(r"\w+")
#: How the cleaner separates paragraphs (hard-wrapped lines inside a paragraph are not breaks).
_PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class QuoteData:
    speech_verbs: frozenset[str]
    quoting_verbs: frozenset[str]
    relaying_verbs: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    personal_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    singular_group_pronouns: frozenset[str]
    plural_group_pronouns: frozenset[str]
    role_nouns: frozenset[str]
    document_nouns: frozenset[str]
    group_nouns: frozenset[str]
    government_nouns: frozenset[str]
    opening_marks: frozenset[str]
    closing_marks: frozenset[str]
    straight_marks: frozenset[str]
    max_quote_chars: int
    min_words: int

    @cached_property
    def mark_chars(self) -> str:
        """Every character of every quotation mark (to step over the marks around a quote)."""
        return "".join(sorted({c for m in self.opening_marks | self.closing_marks | self.straight_marks for c in m}))


@lru_cache(maxsize=1)
def quote_data() -> QuoteData:
    raw: dict[str, Any] = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw[key])

    return QuoteData(
        speech_verbs=words("speech_verbs"),
        quoting_verbs=words("quoting_verbs"),
        relaying_verbs=words("relaying_verbs"),
        according_to=tuple(tuple(str(w).lower() for w in phrase) for phrase in raw["according_to"]),
        personal_pronouns=words("personal_pronouns"),
        group_pronouns=words("singular_group_pronouns") | words("plural_group_pronouns"),
        singular_group_pronouns=words("singular_group_pronouns"),
        plural_group_pronouns=words("plural_group_pronouns"),
        role_nouns=words("role_nouns"),
        document_nouns=words("document_nouns"),
        group_nouns=words("group_nouns"),
        government_nouns=words("government_nouns"),
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
    running over paragraphs, possibly joined by the cleaner into one line). ``closed`` is False
    when no closing mark of its own ends it: it runs into a reopened quote, or to its
    paragraph's end when the text never closes it.
    """

    start: int
    end: int
    continues: bool = False
    closed: bool = True


def _mark_role(text: str, start: int, end: int, inside: bool) -> Literal["open", "close"]:
    """Whether the quotation mark ``text[start:end]`` opens or closes, from its neighbours.

    Curly marks say so themselves unless the context clearly disagrees (some sites use one
    curly mark for both); a straight mark after a space opens, one before a space or punctuation closes.
    """
    data = quote_data()
    mark = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before.isspace() or before in _OPEN_CONTEXT or before in data.mark_chars
    closes = after.isspace() or after in _CLOSE_CONTEXT
    if mark in data.opening_marks and not (inside and closes and not opens):
        return "open"
    if mark in data.closing_marks and not (not inside and opens and not closes):
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
    """Any double quotation mark, longest first: the scan jumps from mark to mark."""
    data = quote_data()
    marks = sorted(data.opening_marks | data.closing_marks | data.straight_marks, key=len, reverse=True)
    return re.compile("|".join(re.escape(m) for m in marks) or "(?!)")


def _paragraph_end(text: str, start: int) -> int:
    """Where the paragraph holding ``start`` ends (at most a quotation's length away)."""
    end = text.find(_PARAGRAPH_BREAK, start)
    return min(len(text) if end < 0 else end, start + quote_data().max_quote_chars)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair the double quotation marks of ``text`` into quoted stretches, in text order."""
    data = quote_data()
    spans: list[QuoteSpan] = []
    start: int | None = None
    continues = False
    for mark in _marks_pattern().finditer(text):
        i, j = mark.span()
        if start is not None and i - start > data.max_quote_chars:
            start = None  # a stray mark: forget it rather than swallow the article
        role = _mark_role(text, i, j, inside=start is not None)
        if start is None:
            if role == "open":
                start, continues = j, False
            continue
        reopens = role == "open" and text[start:i].rstrip().endswith(_SENTENCE_END)
        spans.append(QuoteSpan(*_trimmed(text, start, i), continues=continues, closed=not reopens))
        start, continues = (j, True) if reopens else (None, False)
    if start is not None:  # still open where the text ends: a page saved cut off mid-quote
        spans.append(QuoteSpan(*_trimmed(text, start, _paragraph_end(text, start)), continues, closed=False))
    return [s for s in spans if s.end > s.start]


# --- where quotes are ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Referent:
    """Someone a later pronoun may stand for: a person named or described by role ("he", "she"),
    or an organisation, a country or a group ("it", "they", "we")."""

    offset: int
    sentence_start: int
    actor: Actor
    is_subject: bool
    plural: bool = False
    role: str | None = None  # the role noun that describes a person the text does not name


class _Context:
    """A doc and its quotes: attributions are looked for outside every quote, within its paragraphs."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.quoted = [(s.start - 1, s.end + 1) for s in spans]
        document = doc._.document
        self.doc_id: str = document.doc_id if document is not None else ""

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

    def before_marks(self, span: QuoteSpan) -> int:
        """Where the text before a quote's opening mark (and the space before it) ends."""
        head = self.text[: span.start].rstrip().rstrip(quote_data().mark_chars).rstrip()
        return len(head)

    @cached_property
    def mentions(self) -> list[ActorMention]:
        """The actors stage's mentions outside quotes, pronouns left out, in text order."""
        found = self.doc._.actor_mentions or []
        return [m for m in found if m.how not in _READ_HERE and not self.is_quoted_at(m.start)]

    @cached_property
    def people(self) -> list[_Referent]:
        """Every person named or described by role outside quotes, in text order (a proper-noun
        subject NER took for no one counts as a person). A role is resolved against the people
        before it, so "the official" after "a senior official" is that one official."""
        people = [r for r in self.named if r.actor.type == "PERSON"]
        subjects = self._unquoted_subjects()
        for token in subjects:
            missed = token.pos_ == "PROPN" and _mention(token) is None and token.ent_type_ in {"", "PERSON"}
            named = _proper_noun_actor(token, _subject_span(token)) if missed else None
            if named is not None:
                people.append(_Referent(token.idx, token.sent.start_char, _full_name(self, named), True))
        people.sort(key=lambda p: p.offset)
        for token in subjects:
            if _is_role_subject(token):
                earlier = [p for p in people if p.offset < token.idx]
                actor = _role_holder(self, token, earlier) or _role_actor(self, token)
                people.append(_Referent(token.idx, token.sent.start_char, actor, True, role=token.lemma_.lower()))
                people.sort(key=lambda p: p.offset)
        return people

    @cached_property
    def groups(self) -> list[_Referent]:
        """Every organisation, country or group named outside quotes, in text order: actors,
        plural common nouns as subjects ("rebel commanders"), and statements, for their authors."""
        groups = [r for r in self.named if r.actor.type != "PERSON"]
        nouns = quote_data().document_nouns
        for token in self._unquoted_subjects():
            if token.dep_ != "nsubj" or _mention(token) is not None:
                continue
            if token.tag_ == "NNS":
                actor: Actor | None = _generic_actor(self, token, "ORG")
            elif token.lemma_.lower() in nouns and (author := _author_before(self, token)) is not None:
                actor = _speaker_of(self, author, None, adjacent=False)
            else:
                actor = None
            if actor is not None:
                groups.append(_Referent(token.idx, token.sent.start_char, actor, True, token.tag_ == "NNS"))
        return sorted(groups, key=lambda g: g.offset)

    @cached_property
    def named(self) -> list[_Referent]:
        """The actors named outside quotes, as referents."""
        named = []
        for mention in self.mentions:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                named.append(_Referent(mention.start, span.sent.start_char, mention.actor, _is_subject(span.root)))
        return named

    def _unquoted_subjects(self) -> list[Token]:
        return [t for t in self.doc if t.dep_ in _SUBJECT_DEPS and not self.is_quoted(t)]

    @cached_property
    def dominant_country(self) -> Actor | None:
        """The country the article names most, when it clearly leads the runner-up."""
        counts = Counter(m.actor for m in self.mentions if m.actor.type == "COUNTRY")
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]


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


def _is_subject(token: Token) -> bool:
    """A subject, a conjunct of one, or a name in apposition to one ("the envoy, Jane Doe, said")."""
    return token.dep_ in _SUBJECT_DEPS or (token.dep_ in {"conj", "appos"} and token.head.dep_ in _SUBJECT_DEPS)


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
        mention = _mention(token)
        if mention is None or mention.actor.type != "PERSON" or _names_someone_else(token, subject):
            continue
        people.append((mention.start <= subject.idx < mention.end, mention))
    people.sort(key=lambda p: not p[0])
    return people[0][1].actor if people else None


def _is_possessor(actor: Actor, span: Span) -> bool:
    """Whether ``actor`` is named in ``span`` as a possessor ("Pashinyan's spokeswoman")."""
    for token in span:
        mention = _mention(token)
        outside = token.head.i < span.start or token.head.i >= span.end or _mention(token.head) != mention
        if mention is not None and mention.actor.key == actor.key and outside and token.dep_ == "poss":
            return True
    return False


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


def _role_words(subject: Token) -> str:
    """The role a noun phrase names, with its adjective and noun modifiers ("foreign minister")."""
    modifiers = " ".join(t.lower_ for t in subject.lefts if t.dep_ in {"compound", "amod"})
    return f"{modifiers} {subject.lower_}".strip()


def _is_role(subject: Token) -> bool:
    """A singular noun for a person by office ("the minister", "the regional governor")."""
    data = quote_data()
    singular = subject.tag_ in {"NN", "NNP"}
    return singular and (subject.lemma_.lower() in data.role_nouns or _role_words(subject) in data.role_nouns)


def _is_role_subject(token: Token) -> bool:
    """A subject describing a person by role, with no name in the phrase."""
    return _is_role(token) and _mention(token) is None and not any(
        (m := _mention(t)) is not None and m.actor.type == "PERSON" for t in _subject_span(token)
    )


def _describes(child: Token, head: Token) -> bool:
    """A word that says what a noun phrase's head is: a modifier before it, an "of" phrase after."""
    if child.i < head.i:
        return child.dep_ not in {"det", "predet", "punct", "cc", "preconj"}
    return child.dep_ == "prep" and child.lower_ == "of"


def _phrase_tokens(head: Token) -> list[Token]:
    """The words that name what a noun phrase describes: its modifiers, its head and an "of"
    phrase ("the leader of the farmers' union"), without determiners, clauses or appositions."""
    keep = [head, *(t for child in head.children if _describes(child, head) for t in child.subtree)]
    words = sorted(keep, key=lambda t: t.i)
    while words and (words[0].lower_ in _DETERMINERS or words[0].is_punct):
        words = words[1:]
    return words


def _phrase_name(head: Token) -> str:
    words = _phrase_tokens(head)
    name = "".join(t.text_with_ws for t in words).strip()
    if words and words[0].is_sent_start and words[0].pos_ != "PROPN":
        name = name[:1].lower() + name[1:]
    return name


#: Mentions the actors stage made from pronouns and from kinds of doer: this stage reads pronouns
#: and descriptions against the quotes, which the actors stage does not see.
_READ_HERE = frozenset({"pronoun", "generic", "kind"})


def _mention(token: Token) -> ActorMention | None:
    """The actors stage's mention of a token, unless it is one this stage reads itself."""
    mention: ActorMention | None = token._.actor_mention
    return mention if mention is not None and mention.how not in _READ_HERE else None


def _named_actor_for_span(span: Span) -> Actor | None:
    """The actor a phrase names (see ``actor_for_span``), leaving pronouns and kinds of doer to this
    stage."""
    actor = actor_for_span(span)
    index = span.doc._.actor_index or {}
    by_kind = any((m := index.get(t.i)) is not None and m.actor == actor and m.how in _READ_HERE for t in span)
    return None if by_kind else actor


def _generic_actor(ctx: _Context, head: Token, kind: str) -> Actor:
    """An actor known only by its description: the generic actor the actors stage made of the
    phrase ("riot police", with its sector and country), else one keyed by article ("the regional
    governor"), since the same words elsewhere may describe others."""
    made: ActorMention | None = head._.actor_mention
    if made is not None and made.how == "generic" and kind != "PERSON":
        return made.actor
    name = _phrase_name(head)
    return Actor(key=f"generic:{ctx.doc_id}:{normalise(name).replace(' ', '_')}", name=name, type=kind)


def _role_actor(ctx: _Context, subject: Token) -> Actor:
    return _generic_actor(ctx, subject, "PERSON")


def _title_lemmas(person: Token, mention: ActorMention) -> set[str]:
    """The words of the title a person is named with: before the name ("Foreign Minister Jane
    Doe") or in apposition ("Jane Doe, the bloc's envoy", "the envoy, Jane Doe")."""
    words = [t for t in person.subtree if not mention.start <= t.idx < mention.end]
    if person.dep_ == "appos":
        words += [t for t in person.head.subtree if t not in person.subtree]
    return {t.lemma_.lower() for t in words if t.sent == person.sent}


def _titled_person(ctx: _Context, role: Token) -> Actor | None:
    """The most recent person named before a role phrase whose title holds all of its words
    ("the deputy chair" after "Jane Doe, the commission's deputy chair for oversight")."""
    wanted = {t.lemma_.lower() for t in _phrase_tokens(role) if t.pos_ in {"NOUN", "PROPN", "ADJ"}}
    for mention in reversed([m for m in ctx.mentions if m.actor.type == "PERSON" and m.end <= role.idx]):
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and wanted <= _title_lemmas(span.root, mention):
            return mention.actor
    return None


def _role_holder(ctx: _Context, role: Token, people: list[_Referent]) -> Actor | None:
    """The person a role phrase refers back to, if any: the person named before with that title;
    the person described before by the same role ("a senior official" ... "the official");
    for a role of a country ("the Armenian leader"), the last person of that country named
    before. Otherwise the role describes a person of its own ("the regional governor")."""
    titled = _titled_person(ctx, role)
    if titled is not None:
        return titled
    before = [p for p in people if p.offset < role.idx]
    lemma = role.lemma_.lower()
    described = [p for p in before if p.role == lemma]
    if described and not any(t.lower_ in _INDEFINITE for t in role.lefts):
        return described[-1].actor
    countries = {
        m.actor.country
        for t in _phrase_tokens(role)
        if (m := _mention(t)) is not None and m.actor.type == "COUNTRY" and t != role
    }
    of_country = [p for p in before if p.role is None and p.actor.country in countries]
    return of_country[-1].actor if of_country else None


def _may_stand_for(pronoun: Token, speaker: Actor) -> bool:
    """Whether a previous quote's speaker may be what a pronoun stands for: "he"/"she" a person,
    "they"/"we" no single person, "it" anyone (a statement a person signed is "it")."""
    data = quote_data()
    if pronoun.lower_ in data.personal_pronouns:
        return speaker.type == "PERSON"
    return pronoun.lower_ not in data.plural_group_pronouns or speaker.type != "PERSON"


def _referent(candidates: list[_Referent], pronoun: Token, previous: _Said | None) -> Actor | None:
    """What a pronoun stands for among ``candidates``: of the nearest earlier sentence that has
    one, its subject (else its last one), unless the previous quote, by a speaker of the same
    kind, is nearer."""
    data = quote_data()
    last_speaker = previous.speaker if previous is not None else None
    if last_speaker is not None and not _may_stand_for(pronoun, last_speaker):
        last_speaker = None
    singular = pronoun.lower_ in data.personal_pronouns or pronoun.lower_ in data.singular_group_pronouns
    before = [c for c in candidates if c.offset < pronoun.idx and not (singular and c.plural)]
    if not before:
        return last_speaker
    nearest = [c for c in before if c.sentence_start == before[-1].sentence_start]
    chosen = next((c for c in reversed(nearest) if c.is_subject), nearest[-1])
    if previous is not None and last_speaker is not None and previous.sentences.end_char > chosen.offset:
        return last_speaker
    return chosen.actor


def _full_name(ctx: _Context, actor: Actor) -> Actor:
    """A person named by part of a name ("Lula", "Sanchez") is the one person the article
    names with all of those words and more."""
    if actor.type != "PERSON":
        return actor
    words = set(normalise(actor.name).split())
    fuller = {
        p.actor.key: p.actor
        for p in ctx.named
        if p.actor.type == "PERSON" and p.actor.key != actor.key and words < set(normalise(p.actor.name).split())
    }
    return next(iter(fuller.values())) if len(fuller) == 1 else actor


def _author(noun: Token) -> Token | None:
    """Who wrote a statement, from the phrase around it: "the bloc's statement", "a statement
    from/by X", "a statement issued by X", "X issued a statement", "X said in a statement"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ == "acl":
            agents = [a for a in child.children if a.dep_ == "agent"]
            objects = [c for a in agents for c in a.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ in _VERBS:
        return _own_subject(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in _VERBS:
        return _own_subject(head.head)
    return None


def _author_before(ctx: _Context, subject: Token) -> Token | None:
    """Who wrote the statement a subject such as "the statement" speaks of: named on the phrase
    itself, else on the nearest statement the article mentioned before (never a pronoun)."""
    nouns = quote_data().document_nouns
    earlier = [
        t for t in ctx.doc[: subject.i] if t.lemma_.lower() in nouns and t.pos_ == "NOUN" and not ctx.is_quoted(t)
    ]
    for noun in [subject, *reversed(earlier)]:
        author = _author(noun)
        if author is not None and author.pos_ != "PRON" and author.lemma_.lower() not in nouns:
            return author
    return None


def _statement_author(ctx: _Context, subject: Token, previous: _Said | None) -> Actor | None:
    """The speaker of "the statement said": its author."""
    author = _author_before(ctx, subject)
    return _speaker_of(ctx, author, previous, adjacent=False) if author is not None else None


def _named_before(ctx: _Context, subject: Token, kinds: frozenset[str]) -> Actor | None:
    """The body "the ministry" or "the movement" stands for: the nearest earlier phrase with the
    same noun that names an actor of one of ``kinds`` ("Iran's foreign ministry", "the Treasury
    Department", "the mercenary group Wagner")."""
    lemma = subject.lemma_.lower()
    for token in reversed(ctx.doc[: subject.i]):
        if token.lemma_.lower() == lemma and not ctx.is_quoted(token):
            end = max([token.i, *(c.right_edge.i for c in token.rights if c.dep_ == "appos")]) + 1
            actor = _named_actor_for_span(ctx.doc[token.left_edge.i : end])
            if actor is not None and actor.type in kinds:
                return actor
    return None


def _named_group(ctx: _Context, subject: Token) -> Actor | None:
    """The organisation "the movement" or "the bloc" stands for: the nearest named before whose
    name holds that noun, else the nearest organisation named before."""
    lemma = subject.lemma_.lower()
    groups = [m for m in ctx.mentions if m.end <= subject.idx and m.actor.type not in {"PERSON", "COUNTRY"}]
    for mention in reversed(groups):
        if lemma in normalise(f"{mention.actor.name} {mention.text}").split():
            return mention.actor
    return groups[-1].actor if groups else None


def _common_noun_speaker(ctx: _Context, subject: Token, previous: _Said | None) -> Actor | None:
    """The speaker a common-noun subject the actors stage left unresolved stands for."""
    data = quote_data()
    lemma = subject.lemma_.lower()
    if lemma in data.document_nouns:
        return _statement_author(ctx, subject, previous)
    body = lemma in data.group_nouns and subject.tag_ == "NN"
    government = lemma in data.government_nouns or _role_words(subject) in data.government_nouns
    kinds = _BODY_TYPES | {"COUNTRY"} if government else _BODY_TYPES
    if (body or government) and (named := _named_before(ctx, subject, kinds)) is not None:
        return named
    if body:
        return _named_group(ctx, subject) or _generic_actor(ctx, subject, "ORG")
    if government:
        return ctx.dominant_country or _generic_actor(ctx, subject, "ORG")
    return _generic_actor(ctx, subject, "PERSON" if subject.tag_ == "NN" else "ORG")


def _speaker_of(ctx: _Context, subject: Token, previous: _Said | None, adjacent: bool) -> Actor | None:
    """Who a subject phrase stands for.

    "he said" right after a quoted person continues that person (news convention, and the
    actors stage does not see quotes), and other pronouns stand for what the sentences before
    name; otherwise a person in the phrase; for a person described by role ("the regional
    governor"), the person the role refers back to, else a role actor; the actors stage's
    reading of the phrase; then unknown names and common nouns.
    """
    data = quote_data()
    last_speaker = previous.speaker if previous is not None else None
    if subject.lower_ in data.personal_pronouns:
        if adjacent and last_speaker is not None and last_speaker.type == "PERSON":
            return last_speaker
        return _referent(ctx.people, subject, previous)
    span = _subject_span(subject)
    person = _person_in(subject, span)
    if person is not None:
        return _full_name(ctx, person)
    resolved = _named_actor_for_span(span)
    role = _is_role(subject) and _mention(subject) is None
    if resolved is not None and resolved.type == "PERSON" and not (role and _is_possessor(resolved, span)):
        return _full_name(ctx, resolved)
    if role:
        return _role_holder(ctx, subject, ctx.people) or _role_actor(ctx, subject)
    if resolved is not None:
        return resolved
    if subject.lower_ in data.group_pronouns:
        return _referent(ctx.groups, subject, previous)
    named = _proper_noun_actor(subject, span)
    if named is not None:
        return _full_name(ctx, named)
    return _common_noun_speaker(ctx, subject, previous) if subject.pos_ == "NOUN" else None


# --- attribution -----------------------------------------------------------------------------


def _own_subject(verb: Token) -> Token | None:
    """Who does the verb: its subject, or in the passive its "by" agent ("is branded" has no speaker).

    A quoting verb names the speaker as its object ("quoted the minister as saying"), or as its
    subject in the passive ("the minister was quoted as saying").
    """
    if _is_quoting_verb(verb):
        quoted = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if quoted:
            return quoted[0]
    subject = _nominal_subject(verb)
    if subject is not None:
        return subject
    agents = [c for c in verb.children if c.dep_ == "agent"]
    objects = [c for a in agents for c in a.children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def _nominal_subject(verb: Token) -> Token | None:
    """The verb's subject ("who" in a relative clause stands for the noun it hangs on)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = subjects[0]
    return verb.head if subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl" else subject


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


def _is_quoting_verb(token: Token) -> bool:
    return token.lemma_.lower() in quote_data().quoting_verbs


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


# --- the stage -------------------------------------------------------------------------------


def _is_partial(ctx: _Context, span: QuoteSpan, sentences: list[Span]) -> bool:
    """True when words of the sentence come before the quote (a phrase quoted inside a sentence)."""
    head = ctx.text[sentences[0].start_char : max(ctx.before_marks(span), sentences[0].start_char)]
    return bool(_WORD.search(head))


def _follows(ctx: _Context, previous: _Said | None, span: QuoteSpan) -> bool:
    """True when nothing but the quote's own sentence lies between it and the previous quote's
    sentence (the same sentence, the next one, or a quote paragraph after a quote paragraph)."""
    if previous is None:
        return False
    return not _WORD.search(ctx.text[previous.sentences.end_char : span.start])


def _is_quoted_name(text: str, span: QuoteSpan) -> bool:
    """A few capitalised words in quotation marks name something ("the 'Patriotic Front'"); the
    small words of a name ("of", "for") may stay lower case."""
    words = _WORD.findall(text[span.start : span.end])
    capitalised = [w for w in words if w[:1].isupper()]
    return len(words) <= _NAME_MAX_WORDS and len(capitalised) >= len(words) - len(capitalised)


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
        adjacent = _follows(ctx, previous, span)
        partial = _is_partial(ctx, span, sentences)
        subject = _attribution(ctx, span, sentences) or _later_in_chain(ctx, spans, index)
        continues = previous is not None and (span.continues or adjacent)
        if subject is None and not continues and not partial:
            subject = _neighbour_attribution(ctx, span, sentences)
        speaker = _speaker_of(ctx, subject, previous, adjacent) if subject is not None else None
        attributed = subject is not None
        if not attributed and continues and previous is not None:
            speaker, attributed = previous.speaker, previous.attributed
        if partial and _is_quoted_name(ctx.text, span):
            continue
        if speaker is not None or not partial:
            said.append(_Said(span, speaker, ctx.doc[sentences[0].start : sentences[-1].end], attributed))
    return said


def find_quotes(doc: Doc) -> list[Quote]:
    """The direct quotations in an annotated Doc, each with its speaker (or None) and evidence."""
    min_words = quote_data().min_words
    text = doc_text(doc)
    spans = [_cut_at_attribution(doc, s) for s in find_quote_spans(text)]
    spans = [s for s in spans if _word_count(text, s) >= min_words]
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


@Language.component("hornbill_quotes", requires=["doc._.actor_mentions"], assigns=["doc._.quotes"])
def quotes_component(doc: Doc) -> Doc:
    doc._.quotes = find_quotes(doc)
    return doc
