"""Who a subject phrase stands for, as a speaker: a person named in it, the person a role or a
pronoun refers back to, the author of a statement, a body named before, or a generic actor."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from hornbill.actors.component import actor_for_span
from hornbill.actors.dictionary import name_key, normalise
from hornbill.doctools import doc_text
from hornbill.model import Actor, ActorMention
from hornbill.quotes.data import (
    _BODY_TYPES,
    _DETERMINERS,
    _INDEFINITE,
    _ORG_LABELS,
    _PARAGRAPH_BREAK,
    _SUBJECT_DEPS,
    _VERBS,
    quote_data,
)
from hornbill.quotes.marks import QuoteSpan

# --- speakers --------------------------------------------------------------------------------


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


def _is_quoting_verb(token: Token) -> bool:
    return token.lemma_.lower() in quote_data().quoting_verbs
