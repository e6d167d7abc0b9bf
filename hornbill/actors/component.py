"""The actor stage as a spaCy component: every actor mention of a document, resolved in order
of evidence (:func:`find_actor_mentions`), and the actor a phrase stands for (:func:`actor_for_span`),
which the later stages ask."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from hornbill.actors.dictionary import ActorDictionary, capital_names, load_roles, normalise
from hornbill.actors.generic import generic_candidates
from hornbill.actors.names import acronym_candidates, dictionary_candidates, entity_candidates, surname_candidates
from hornbill.actors.pronouns import pronoun_candidates
from hornbill.actors.resolution import ActorMatchers, Resolution, Unresolved
from hornbill.actors.roles import role_candidates
from hornbill.model import Actor, ActorMention


def find_actor_mentions(doc: Doc, matchers: ActorMatchers) -> list[ActorMention]:
    """Every actor mention in ``doc``, sorted, with clean-text character offsets."""
    state = Resolution(doc, matchers)
    deferred: list[Unresolved] = []
    named = acronym_candidates(state) + dictionary_candidates(state, deferred)
    resolved, unknown = entity_candidates(state, deferred)
    state.select(named + resolved)
    state.select(surname_candidates(state, deferred, unknown))
    state.select(unknown, absorb_countries=True)
    state.select(role_candidates(state), absorb_countries=True)
    state.select(generic_candidates(state), absorb_countries=True)
    state.select(pronoun_candidates(state))
    return [
        ActorMention(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text),
                     doc[c.start:c.end].text, c.actor, c.how)
        for c in state.mentions()
    ]


def index_mentions(doc: Doc, mentions: Iterable[ActorMention]) -> dict[int, ActorMention]:
    """Token index -> the mention covering that token."""
    index: dict[int, ActorMention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            index.update(dict.fromkeys(range(span.start, span.end), mention))
    return index


def actor_for_span(span: Span) -> Actor | None:
    """The actor a phrase stands for (e.g. a subject's subtree).

    The mention covering the phrase's head, else a name in apposition to the head, else the person
    a title heads, else the first mention in it that is not inside a prepositional modifier other
    than "of" or "from" ("the withdrawal of British troops" -> United Kingdom, but not "talks with Russia").
    """
    index: dict[int, ActorMention] = span.doc._.actor_index or {}
    if span.root.i in index:
        return index[span.root.i].actor
    named = [index[c.i] for c in span.root.children if c.dep_ == "appos" and c.i in index and c in span]
    if named:
        return named[0].actor  # "the Russian mercenary group Wagner"
    if span.root.lower_ in load_roles().title_words:
        # "Secretary General of the UN António Guterres": a title heads the phrase, the person is meant
        person = next((m.actor for t in span if (m := index.get(t.i)) and m.actor.type == "PERSON"), None)
        if person is not None:
            return person
    for token in span:
        mention = index.get(token.i)
        if (mention is not None and not _under_preposition(token, span.root) and not _names_a_place(token, mention)
                and not owned_by_a_pronoun(token) and not _names_a_backer(token)):
            return mention.actor
    return None


#: Words after "X-" that make X a backer of the phrase's head, not the one it names.
BACKING_WORDS = frozenset({"backed", "supported", "sponsored", "funded", "financed", "armed", "trained", "allied",
                           "aligned", "affiliated", "linked", "inspired"})


def _names_a_backer(token: Token) -> bool:
    """A name before "-backed" and the like: "Iran-backed Hezbollah fighters" are Hezbollah's, not
    Iran's; "Russian-backed separatists" are no Russians."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in BACKING_WORDS


def owned_by_a_pronoun(token: Token) -> bool:
    """Whether a phrase belongs to someone a pronoun stands for ("its troops", and each conjunct of
    "its troops and police"): in "the departure of its troops and police" the police are the
    mission's, not an actor of their own."""
    first = token.conjuncts[0] if token.dep_ == "conj" and token.conjuncts else token
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for t in (token, first) for c in t.children)


def _names_a_place(token: Token, mention: ActorMention) -> bool:
    """A capital that modifies a noun names where, not who: "the 2015 Algiers peace agreement",
    "the Doha talks" (but "Moscow's envoy" and "the Kremlin's offer" are the state's)."""
    return token.dep_ == "compound" and normalise(mention.text) in capital_names()


def _under_preposition(token: Token, root: Token) -> bool:
    """Whether a token sits, below ``root``, in a prepositional modifier other than "of" or "from"
    ("medical teams from Egypt" are Egypt's) or in a clause describing the head (:func:`_describes`)."""
    current = token
    while current.i != root.i and current.head.i != current.i:
        if (current.dep_ in ("prep", "agent") and current.lower_ not in ("of", "from")) or _describes(current):
            return True
        current = current.head
    return False


def _describes(token: Token) -> bool:
    """A relative or past-participle clause that describes its head ("a man convicted of wounding a
    guard", "the officer who shot him"); a present participle may name the head's partner ("a deal
    allowing Ukraine to ship grain")."""
    return token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ == "VBN")


# --------------------------------------------------------------------------- spaCy component


class ActorComponent:
    """Writes ``doc._.actor_mentions`` and ``doc._.actor_index``."""

    def __init__(self, matchers: ActorMatchers) -> None:
        self.matchers = matchers

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_actor_mentions(doc, self.matchers)
        doc._.actor_mentions = mentions
        doc._.actor_index = index_mentions(doc, mentions)
        return doc


@Language.factory(
    "hornbill_actors",
    default_config={"extra_actors": None},
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.actor_mentions", "doc._.actor_index"],
)
def make_actors(nlp: Language, name: str, extra_actors: str | None) -> ActorComponent:
    dictionary = ActorDictionary.load(Path(extra_actors) if extra_actors else None)
    return ActorComponent(ActorMatchers.build(nlp, dictionary, load_roles()))
