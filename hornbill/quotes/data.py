"""The quote stage's word lists (``data/quotes.yaml``) and the constants of its grammar."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from hornbill.schemas import load_data

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
    raw = load_data("quotes.yaml")

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


