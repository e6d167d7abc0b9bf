"""Doc helpers the stages share: the text, word ids and sentence bounds of a Doc (each computed
once per Doc and kept in ``doc.user_data``), whether a sentence is a headline, and the evidence
record of a span.

They live here, in one module of the NLP layer that imports no stage, so that every stage
(:mod:`hornbill.timex`, :mod:`hornbill.actors`, :mod:`hornbill.events`, :mod:`hornbill.quotes`,
:mod:`hornbill.claims`) can use them and :mod:`hornbill.nlp`, which registers the stages, is
imported by none of them.

The values kept in ``user_data`` are plain strings, ints and tuples. They are first asked for by
the hornbill stages, after the parse; nothing changes a Doc's tokens after that.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from hornbill.model import Document, Evidence


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc and kept in ``user_data``: spaCy re-joins every token
    on each access, and the stages read the text many times."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "hornbill_text"


def token_ids(doc: Doc, attr: str) -> list[int]:
    """Every token's ``attr`` ("ORTH", "LOWER", "POS", "DEP", ...) as its string-store id, read
    from the Doc's array once per Doc: the stages sift whole documents by word, and building a
    ``Token`` object per word for that costs more than the test. Compare with :func:`string_ids`."""
    key = f"hornbill_ids_{attr}"
    found: list[int] | None = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = doc.to_array(attr).tolist()
    return found


def string_ids(doc: Doc, words: Iterable[str]) -> frozenset[int]:
    """The string-store ids of ``words``, as :func:`token_ids` gives them."""
    strings = doc.vocab.strings
    return frozenset(strings[word] for word in words)


def sentence_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """Every sentence's token start and end and character start and end, once per Doc
    (``doc.sents`` builds a Span for every sentence on each pass)."""
    found: list[tuple[int, int, int, int]] | None = doc.user_data.get(_SENTENCE_BOUNDS_KEY)
    if found is None:
        found = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        doc.user_data[_SENTENCE_BOUNDS_KEY] = found
    return found


def sentence_starts(doc: Doc) -> list[int]:
    """For every token, the index of its sentence's first token (``token.sent.start``), once per Doc."""
    found: list[int] | None = doc.user_data.get(_SENTENCE_STARTS_KEY)
    if found is None:
        found = []
        for start, end, _, _ in sentence_bounds(doc):
            found += [start] * (end - start)
        doc.user_data[_SENTENCE_STARTS_KEY] = found
    return found


_SENTENCE_BOUNDS_KEY = "hornbill_sentence_bounds"


_SENTENCE_STARTS_KEY = "hornbill_sentence_starts"


#: A headline or subheading is a line of its own at most this long, not closed like a sentence.
_HEADLINE_MAX_TOKENS = 20


_CLOSING_MARKS = frozenset(".!?\"”'’:;")


def is_headline(sent: Span) -> bool:
    """A headline or subheading: a short line of its own with no closing full stop."""
    text, line = doc_text(sent.doc), sent.text.rstrip()
    if len(sent) > _HEADLINE_MAX_TOKENS or line[-1:] in _CLOSING_MARKS:
        return False
    end = sent.start_char + len(line)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line_end = text.find("\n", end)
    before, after = text[line_start : sent.start_char], text[end : None if line_end < 0 else line_end]
    return not before.strip(" \t") and not after.strip(" \t")


def evidence_for(span: Span) -> Evidence:
    """The evidence record for a sentence (or any span): its text without the whitespace around it,
    and the offsets of exactly that text in the original (the end is mapped from the last character,
    so furniture dropped right after the sentence is never inside it): ``original[start:end]`` is
    the sentence."""
    text = span.text
    start = span.start_char + len(text) - len(text.lstrip())
    end = span.end_char - (len(text) - len(text.rstrip()))
    document: Document | None = span.doc._.document
    if document is None:
        return Evidence("", "", text.strip(), start, end)
    first = document.to_original(start)
    last = document.to_original(end - 1) + 1 if end > start else first
    return Evidence(document.doc_id, document.source, exact_sentence(document.original[first:last], text.strip()),
                    first, last)


def exact_sentence(located: str, cleaned: str) -> str:
    """The sentence as the original writes it (a paragraph the page broke mid-sentence keeps its line
    break), so that ``original[start:end]`` is the evidence; the cleaned text when page furniture
    the cleaner dropped stands inside the span."""
    return located if located.split() == cleaned.split() else cleaned



def follows_anti(word: Token) -> bool:
    """A word after "anti-" ("anti-government protests", "anti-coup rallies"): what the noun it
    modifies is against, a noun of its own whatever its tag."""
    doc = word.doc
    return word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ == "anti"
