"""The ``hornbill_timex`` component: every time expression of a Doc, normalised against the
document date, in ``doc._.timexes``.

Expressions are found by the grammar's patterns (:mod:`hornbill.dates.find`; a bare four-digit
number only where the parse says it is a year) and among spaCy's DATE entities; each is read with
the tense of the verb it hangs on (:mod:`~hornbill.timex.tense`). A relative expression the
document date is too coarse (or missing) for is kept with a TimeML underspecified value
("XXXX-08" for "last August"), so that its clause is known to be dated even though the date is
not known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from hornbill.dates.find import Candidate, choose, regex_candidates
from hornbill.dates.timeml import normalize, unresolved
from hornbill.dates.words import time_words
from hornbill.doctools import doc_text
from hornbill.model import DatePoint, Timex
from hornbill.timex.tense import tense_at

_AMOUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})  # not CARDINAL: NER gives it to "the 2021 coup"


def _year_in_context(doc: Doc, c: Candidate) -> bool:
    """A bare four-digit number is a year when NER calls it a DATE, or when a preposition,
    modifier or "and"/"to" after another year introduces it -- unless NER calls it an amount,
    it lies outside 1800-2099, or it counts a plural noun ("2000 soldiers")."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if any(t.ent_type_ == "DATE" for t in span):
        return True
    number = next((t for t in span if t.like_num), span[-1])
    if number.ent_type_ in _AMOUNT_LABELS or not 1800 <= _int_or_zero(number.text) <= 2099:
        return False
    if number.i + 1 < len(doc) and doc[number.i + 1].tag_ in ("NNS", "NNPS") and number.dep_ == "nummod":
        return False
    if c.query_start < c.start or len(span) > 1:
        return True
    before = doc[span[0].i - 1].lower_ if span[0].i > 0 else ""
    if before in time_words().words("year_range_joins"):  # "2013 and 2023", "2013 to 2023"
        return span[0].i > 1 and re.fullmatch(r"\d{4}", doc[span[0].i - 2].text) is not None
    return before in time_words().words("year_context")


def _int_or_zero(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _ner_candidates(doc: Doc, taken: Sequence[Candidate]) -> Iterator[Candidate]:
    """spaCy DATE entities no pattern found, with a preceding preposition kept for the normaliser."""
    signals = time_words().signals
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(ent.start_char < o.end and ent.end_char > o.query_start for o in taken):
            continue
        before = doc[ent.start - 1] if ent.start > 0 else None
        query_start = before.idx if before is not None and before.lower_ in signals else ent.start_char
        yield Candidate(ent.start_char, ent.end_char, query_start)


def find_timexes(doc: Doc, anchor: DatePoint) -> tuple[list[Timex], list[str]]:
    """Every time expression of ``doc`` normalised against ``anchor``, sorted by offset,
    and the warnings met (a weekday that disagrees with its date). A relative date the anchor
    cannot resolve is kept with an underspecified value (:func:`unresolved`)."""
    text = doc_text(doc)
    regex = [
        c for c in choose(list(regex_candidates(text))) if not c.needs_check or _year_in_context(doc, c)
    ]
    candidates = sorted([*regex, *_ner_candidates(doc, regex)], key=lambda c: c.start)
    timexes: list[Timex] = []
    warnings: list[str] = []
    for c in candidates:
        query = c.reads_as or text[c.query_start : c.end]
        tense = tense_at(doc, c.start, c.end)
        reading = normalize(query, anchor, tense)
        pending = reading is None
        reading = reading or unresolved(query, anchor, tense)
        if reading is None:
            continue
        timexes.append(
            Timex(
                c.start,
                c.end,
                text[c.start : c.end],
                reading.value,
                reading.precision,
                reading.kind,
                reading.mod,
                query if pending else None,
                tense,
            )
        )
        if reading.warning:
            warnings.append(f"time expression '{text[c.start : c.end]}': {reading.warning}")
    return timexes, warnings


@Language.component("hornbill_timex", requires=["doc.ents", "token.dep"], assigns=["doc._.timexes", "doc._.document"])
def timex_component(doc: Doc) -> Doc:
    """Store ``doc._.timexes``; weekday/date disagreements become document warnings."""
    document = doc._.document
    anchor = document.published if document is not None else DatePoint.unknown()
    timexes, warnings = find_timexes(doc, anchor)
    doc._.timexes = timexes
    if warnings and document is not None:
        doc._.document = replace(document, warnings=(*document.warnings, *warnings))
    return doc
