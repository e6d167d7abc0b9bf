"""The titles of people a document names: the words before a name or in apposition to it that
give an office ("Foreign Minister", "the president of Mali, X"), the country such a title names,
and the words "the minister" or "his counterpart" are matched against (:func:`title_words`)."""

from __future__ import annotations

from spacy.tokens import Token

from hornbill.actors.resolution import Candidate, Resolution, is_person
from hornbill.doctools import sentence_starts

TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})


def _title_tokens(state: Resolution, start: int, end: int) -> list[Token]:
    """Words that give a person's office: before the name or in apposition to it."""
    doc = state.doc
    left: list[Token] = []
    i = start - 1
    starts = sentence_starts(doc)
    sentence_start = starts[start]
    while i >= sentence_start and len(left) < 8:
        token = doc[i]
        other = state.selected.get(i)
        if token.lower_ in ("the", "a", "an") or token.is_punct or is_person(other):
            break
        if not (token.tag_ == "POS" or token.pos_ in TITLE_POS or token.lower_ in ("of", "for")):
            break
        left.append(token)
        i -= 1
    root = doc[start:end].root
    appositive: list[Token] = []
    if root.dep_ == "appos" and not (start <= root.head.i < end):
        appositive = [t for t in root.head.subtree if not (start <= t.i < end) and t not in root.subtree]
    for child in root.children:
        if child.dep_ == "appos":
            appositive += list(child.subtree)
    return [t for t in (left + appositive) if starts[t.i] == sentence_start]


def title_words(state: Resolution, mention: Candidate) -> frozenset[str]:
    """Lower-case words of a person's title in the text, plus the dictionary's titles."""
    if mention.start not in state.titles:
        words = {t.lower_ for t in _title_tokens(state, mention.start, mention.end)}
        if not words & state.roles.title_words:
            words = set()
        for title in state.dictionary.titles(mention.actor.key):
            words.update(title.split())
        state.titles[mention.start] = frozenset(words)
    return state.titles[mention.start]


def country_in_title(state: Resolution, start: int, end: int) -> str | None:
    """ISO3 of the country named in the title of the person at ``start:end`` ("the Malian foreign
    minister X", "Russia's President X"), when the title has a title word."""
    tokens = _title_tokens(state, start, end)
    if not any(t.lower_ in state.roles.title_words for t in tokens):
        return None
    for token in tokens:
        mention = state.selected.get(token.i)
        if mention is not None and mention.actor.type != "PERSON" and mention.actor.country:
            return mention.actor.country
        # names are resolved before selection settles, so also ask the dictionary directly
        known = state.dictionary.lookup(token.text)
        iso3 = state.dictionary.demonym_country(token.text) or (
            known.country if known is not None and known.type == "COUNTRY" else None)
        if iso3 and token.text[:1].isupper():
            return iso3
    return None
