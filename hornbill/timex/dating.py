"""The date of an event from its trigger token (:func:`event_date`), and the day a story is
about (:func:`story_date`).

In order: the expression governing the trigger's clause, else its main clause's date moved by a
duration ("two weeks after Diop called"), else an expression elsewhere in its sentence, else one
carried from an earlier sentence of the paragraph, else the story's own day for narrative
clauses, else the date of the report (basis ``reported``), unless the clause is background. An
expression inside another predicate's plan ("announced its intention to hold elections in 2024")
or relative clause ("the junta, which seized power in 2021") dates no other event.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from hornbill.dates.calendar import COARSENESS, anchor_of, day_value, month_value, period_end, safe_date, shift_months
from hornbill.dates.words import time_words
from hornbill.doctools import doc_text, sentence_bounds
from hornbill.model import DateBasis, DatePoint, Tense, Timex
from hornbill.timex.tense import VERB_POS, governing_verb, is_for_marked, narrative_tense, verb_tense


def _is_datable(timex: Timex) -> bool:
    """A point on the calendar (durations, PAST_REF-style references and dates only partly
    resolved, "2023-XX-XX", do not date events on their own)."""
    return (timex.kind == "DATE" and timex.value[:1].isdigit() and not _is_unresolved(timex)
            and timex.precision is not None)


def _is_unresolved(timex: Timex) -> bool:
    """A calendar date the document date could not resolve ("XXXX-08"; see :func:`unresolved`)."""
    return timex.kind == "DATE" and "X" in timex.value and timex.value[:1] in "0123456789X"


def _timex_spans(doc: Doc, start: int, end: int, unresolved: bool = False) -> list[tuple[Timex, Span]]:
    """Datable expressions between two character offsets (also unresolved dates when asked),
    with their token spans; never one in a dateline ("CONAKRY, Sept 6 (IANS):"), which dates the
    report, not what it tells."""
    found = []
    for timex in doc._.timexes or ():
        wanted = _is_datable(timex) or (unresolved and _is_unresolved(timex))
        if start <= timex.start and timex.end <= end and wanted and not _in_dateline(timex, doc):
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None and len(span) > 0:
                found.append((timex, span))
    return found


def _in_dateline(timex: Timex, doc: Doc) -> bool:
    return any(start <= timex.start < end for start, end in doc._.datelines or ())


def _ancestors(token: Token) -> list[Token]:
    """The token and its heads up to the root."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _sides(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """The tree path between two tokens as two climbs, from each up to (not including) where they meet."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    b_indices = [t.i for t in up_b]
    meet = next((k for k, t in enumerate(up_a) if t.i in b_indices), len(up_a) - 1)
    side_a = up_a[:meet]
    side_b = up_b[: b_indices.index(up_a[meet].i)] if up_a[meet].i in b_indices else up_b
    return side_a, side_b


def _distance(a: Token, b: Token) -> int:
    """Tree distance between two tokens."""
    side_a, side_b = _sides(a, b)
    return len(side_a) + len(side_b)


#: Dependency labels that open a new clause: a time expression does not cross them.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"})


def _is_plan(clause: Token) -> bool:
    """Whether a clause is the complement of a word of intention, plan, promise or deadline
    ("its intention to hold elections", "vowed to hold elections"), a "for ... to" infinitive, or is
    in the future tense: it tells what is still to come."""
    if clause.pos_ not in VERB_POS:
        return False
    lex = time_words()
    head = clause.head.lemma_.lower()
    if clause.dep_ == "acl" and head in lex.prospective_nouns:
        return True
    if clause.dep_ in ("xcomp", "ccomp", "acl") and head in lex.future_verbs:
        return True
    if _is_for_to(clause):  # "pushed for elections to be held in March": what is called for is to come
        return True
    return clause.dep_ in _CLAUSE_DEPS | {"xcomp"} and verb_tense(clause) == "future"


def _describes_another(clause: Token, trigger: Token) -> bool:
    """Whether a clause on the way to an expression describes a participant other than the trigger:
    a relative clause or a participle after a noun ("a French national held since 2022")."""
    if clause.head.i == trigger.i:
        return False
    return clause.dep_ == "relcl" or (clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBG"))


def _is_for_to(clause: Token) -> bool:
    """A "for ... to" infinitive: "for elections to be held", "for the junta to step down"."""
    return is_for_marked(clause) and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _under_preposition(side: Sequence[Token], words: frozenset[str]) -> bool:
    """Whether a climb up the tree passes a preposition from ``words`` ("after the coup")."""
    return any(token.dep_ == "prep" and token.lower_ in words for token in side)


def _placement(timex_root: Token, trigger: Token, tense: Tense | None) -> tuple[int, bool] | None:
    """Where an expression stands from the trigger: the tree distance and whether it is outside
    the trigger's own clause; None when it may not date the event at all.

    Outside: across a nested clause, or with the trigger in the object of "after", "before",
    "following" ... (its event comes at another time than the clause, which only places it:
    "two months after leading a mutiny"). Not at all: when the expression lies in a plan or
    future clause of another predicate (unless the trigger's own clause is in the future
    too) or in a relative or participle clause about another participant ("the junta, which
    seized power in 2021, ...", "a national held since 2022"), or when the trigger is in the
    object of "given" or "despite" (a background: "given the Kremlin's recent invasion"). A
    simple adverbial of another clause
    of the sentence still lends its date. ``tense`` is the trigger's (:func:`_narrative_tense`).
    """
    lex = time_words()
    side_trigger, side_timex = _sides(trigger, timex_root)
    future = tense == "future"
    # "the pullout is (due) to be completed by December": the subject is what is planned
    planned = trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass")
    for token in side_timex:
        if _describes_another(token, trigger):
            return None
        if not future and not (planned and token.dep_ == "xcomp") and _is_plan(token):
            return None
    if _under_preposition(side_trigger, lex.background_prepositions):
        return None
    nested = any(t.dep_ in _CLAUSE_DEPS and t.pos_ in VERB_POS for t in (*side_trigger, *side_timex))
    nested = nested or _under_preposition(side_trigger, lex.sequence_prepositions)
    return len(side_trigger) + len(side_timex), nested


def _date_point(timex: Timex, basis: DateBasis) -> DatePoint:
    return DatePoint(timex.value, timex.precision, basis)


def _published(doc: Doc) -> DatePoint:
    document = doc._.document
    return document.published if document is not None else DatePoint.unknown()


def _after_publication(timex: Timex, doc: Doc) -> bool:
    """Whether the expression starts after the whole period of the publication date."""
    anchor, start = anchor_of(_published(doc)), anchor_of(DatePoint(timex.value, timex.precision))
    return anchor is not None and start is not None and start.day > period_end(anchor)


def _context_date(trigger: Token, tense: Tense | None) -> Timex | None:
    """The date of the paragraph's episode: the nearest earlier sentence of the same
    paragraph with a (past) date; only for a trigger in the simple past (``tense``, as
    :func:`_narrative_tense` gives it)."""
    if tense != "past":
        return None
    doc, sent = trigger.doc, trigger.sent
    paragraph_start = doc_text(doc).rfind("\n", 0, sent.start_char) + 1
    previous = [doc[start:end] for start, end, start_char, end_char in sentence_bounds(doc)
                if end_char <= sent.start_char and start_char >= paragraph_start]
    for earlier in reversed(previous):
        spans = _timex_spans(doc, earlier.start_char, earlier.end_char, unresolved=True)
        dated = [(timex, span) for timex, span in spans if not _starts_a_state(span)]
        if dated:
            timex, _ = min(dated, key=lambda pair: _distance(pair[1].root, earlier.root))
            # an episode still to come is not continued in the past, nor one of unknown date
            return None if _is_unresolved(timex) or _after_publication(timex, doc) else timex
    return None


def _starts_a_state(span: Span) -> bool:
    """A date a state has lasted since ("has lost ground since March"): no episode of the story."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ == "since"


#: How many days before the publication date the story's own day may lie.
_STORY_REACH = 7


def story_date(doc: Doc) -> Timex | None:
    """The day the story is about (its news peg): the first relative day expression ("on
    Friday", "yesterday", "Friday (20 May)") that dates a past-tense clause within a week
    before the publication date. Undated clauses of the story's narrative happened then:
    "The vote was held on Friday. ... The US blamed Prigozhin." Cached on the Doc."""
    cache_key = "hornbill_story_date"
    if cache_key not in doc.user_data:
        doc.user_data[cache_key] = _find_story_date(doc)
    found: Timex | None = doc.user_data[cache_key]
    return found


def _find_story_date(doc: Doc) -> Timex | None:
    anchor = anchor_of(_published(doc))
    if anchor is None or anchor.rank > COARSENESS["month"]:
        return None
    earliest = anchor.day - timedelta(days=_STORY_REACH)
    for timex, span in _timex_spans(doc, 0, len(doc_text(doc))):
        if timex.precision != "day" or re.search(r"\d{4}", timex.text):
            continue
        day = date.fromisoformat(timex.value)
        if earliest <= day <= period_end(anchor) and narrative_tense(span.root) == "past":
            return timex
    return None


_SHIFT_WORDS = {"after": -1, "before": 1}  # "X came two weeks after Y": Y = date(X) - 2 weeks


def _relative_clause(trigger: Token) -> tuple[Token, Timex, int] | None:
    """For a trigger in a clause like "(two weeks) after Diop called ...": the main clause's
    verb, the duration, and the sign that takes the main clause's date to this clause's."""
    found = _shift_mark(trigger)
    if found is None or found[0].i == 0:
        return None
    mark, main = found
    doc = trigger.doc
    for timex in doc._.timexes or ():
        if timex.kind == "DURATION" and timex.end <= mark.idx and not doc_text(doc)[timex.end : mark.idx].strip():
            return main, timex, _SHIFT_WORDS[mark.lower_]
    return None


def _shift_mark(trigger: Token) -> tuple[Token, Token] | None:
    """The "after"/"before" that places the trigger's clause ("after Diop called"), gerund ("after
    leading a mutiny") or noun ("after the mutiny") relative to another, and that other's head."""
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.lower_ in _SHIFT_WORDS:
        return trigger.head, trigger.head.head
    verb = governing_verb(trigger)
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ == "pcomp" and clause.head.dep_ == "prep" and clause.head.lower_ in _SHIFT_WORDS:
        return clause.head, clause.head.head
    if clause.dep_ != "advcl":
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in _SHIFT_WORDS), None)
    return None if mark is None else (mark, clause.head)


def _shifted(point: DatePoint, duration: str, sign: int) -> DatePoint | None:
    """``point`` moved by a TimeML duration (P2W, P3D, P1M, P2Y); None for vague ones."""
    m = re.fullmatch(r"P(\d+)([DWMY])", duration)
    anchor = anchor_of(point)
    if m is None or anchor is None or point.precision is None:
        return None
    count, unit = int(m[1]) * sign, m[2]
    if unit in ("D", "W"):
        day = anchor.day + timedelta(days=count * (7 if unit == "W" else 1))
        if point.precision == "day":
            return DatePoint(day_value(day), "day", "sentence")
        return DatePoint(month_value(day.year, day.month), "month", "sentence") if anchor.rank <= 2 else None
    months = count * (12 if unit == "Y" else 1)
    year, month = shift_months(anchor.day, months)
    if point.precision == "day":
        shifted = safe_date(year, month, min(anchor.day.day, 28))
        return None if shifted is None else DatePoint(day_value(shifted), "day", "sentence")
    if point.precision == "month":
        return DatePoint(month_value(year, month), "month", "sentence")
    return DatePoint(f"{year:04d}", "year", "sentence") if point.precision == "year" else None


def event_date(trigger: Token, _relative: bool = True) -> DatePoint:
    """The date of the event ``trigger`` names, with the basis it came from.

    In order: ``explicit``, an expression attached to the trigger's clause (no nested
    clause in between); ``sentence``, a clause placed by a duration relative to its main
    clause ("two weeks after Diop called ...": the main clause's date minus two weeks), else
    the nearest other expression of the sentence that may lend its date (:func:`_placement`:
    not one inside another predicate's plan or relative clause); ``context``, the date of an
    earlier sentence of the paragraph when this one continues it in the simple past, else the
    story's own day (:func:`story_date`) for a clause in the simple past or future;
    ``reported``: the publication date, for a statement or act the text gives no time and tells
    as recent; a background clause (:func:`is_background`) stays undated, bounded by the
    publication day (``before``).

    An expression the document date could not resolve ("last August" in an undated text)
    still counts where it stands: when it is the one chosen, the event keeps the part of its
    value that is known ("2023" of "2023-XX-XX"), or stays undated, rather than taking a
    date that belongs to another clause.
    """
    doc = trigger.doc
    tense = narrative_tense(trigger)
    scored = _sentence_expressions(trigger, tense)
    local = [(dist, gap, timex) for (dist, nested), gap, timex in scored if not nested]
    if local:
        chosen = min(local, key=lambda x: (x[0], x[1]))[2]
        return _bounded(_dated_by(chosen, "explicit"), chosen, doc)
    if _relative and (relative := _relative_clause(trigger)) is not None:
        main, duration, sign = relative
        shifted = _shifted(event_date(main, _relative=False), duration.value, sign)
        if shifted is not None:
            return shifted
    if scored:
        chosen = min(scored, key=lambda x: (x[0][0], x[1]))[2]
        return _bounded(_dated_by(chosen, "sentence"), chosen, doc)
    return _date_beyond_sentence(trigger, tense)


def _sentence_expressions(trigger: Token, tense: Tense | None) -> list[tuple[tuple[int, bool], int, Timex]]:
    """The expressions of the trigger's sentence that may date it (unresolved ones too), each with
    its placement (:func:`_placement`) and its distance in tokens from the trigger."""
    doc, sent = trigger.doc, trigger.sent
    in_sentence = _timex_spans(doc, sent.start_char, sent.end_char, unresolved=True)
    return [
        (placement, abs(span.start - trigger.i), timex)
        for timex, span in in_sentence
        if (placement := _placement(span.root, trigger, tense)) is not None
    ]


def _date_beyond_sentence(trigger: Token, tense: Tense | None) -> DatePoint:
    """The date of an event its own sentence does not date: the paragraph's episode, the story's
    day, else the publication date."""
    doc = trigger.doc
    tense = tense or _reporting_tense(trigger)
    if (carried := _context_date(trigger, tense)) is not None:
        return _date_point(carried, "context")
    if tense is not None and (peg := story_date(doc)) is not None:
        return _date_point(peg, "context")
    published = _published(doc)
    if published.value is None:
        return DatePoint.unknown()
    if is_background(trigger):
        anchor = anchor_of(published)
        return DatePoint(None, None, "none", before=day_value(period_end(anchor)) if anchor else None)
    return DatePoint(published.value, published.precision, "reported")


def _reporting_tense(trigger: Token) -> Tense | None:
    """The simple past of the clause that reports a tenseless or present one ("Biden said the world
    should act", "the bloc said it condemns the coup"): what is said is told as of the day it was
    said, so the trigger takes that clause's place in the story. None otherwise."""
    verb, root = governing_verb(trigger), trigger.sent.root
    if root.i == verb.i or root.pos_ not in VERB_POS or root.lemma_.lower() not in time_words().reporting_verbs:
        return None
    return "past" if narrative_tense(root) == "past" else None


def is_background(trigger: Token) -> bool:
    """Whether an undated clause tells of what came before the story rather than of the story:
    the pluperfect of a clause nobody is reported to say ("the army had seized power"; under
    "said", the pluperfect only moves the speaker's past back: "said the attack had been
    repelled"), or a past relative clause about a participant ("the colonel, who led the
    coup, ..."). Such an event happened before the report, on a day it does not give."""
    verb = governing_verb(trigger)
    if verb.pos_ not in VERB_POS:
        return False
    if verb.dep_ == "relcl":
        return verb_tense(verb) == "past"
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ in ("ccomp", "xcomp", "advcl", "parataxis") and clause.head.i != clause.i:
        return False
    return _pluperfect(verb)


def _pluperfect(verb: Token) -> bool:
    """ "had seized", "had been repelled": the past of "have" with a past participle."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _bounded(point: DatePoint, timex: Timex, doc: Doc) -> DatePoint:
    """``point`` with the last day of the publication date as its own last possible day, when the
    expression that gives it is told as past and its period runs on past the publication date
    ("announced earlier this year" in May: not later than May); else ``point`` as it is."""
    published = _published(doc)
    anchor = anchor_of(published)
    told_as_past = timex.tense == "past" or timex.text.casefold().startswith(time_words().past_pointing)
    if (not told_as_past or anchor is None or point.value is None or published.value is None
            or COARSENESS[point.precision or "day"] <= anchor.rank or not published.value.startswith(point.value)):
        return point
    return replace(point, before=day_value(period_end(anchor)))


def _dated_by(timex: Timex, basis: DateBasis) -> DatePoint:
    """The date an expression gives: its value, or for an unresolved one the leading parts it
    knows ("2023" of "2023-XX-XX", "2023-03" of "2023-03-XX"; nothing of "XXXX-08")."""
    if not _is_unresolved(timex):
        return _date_point(timex, basis)
    known = list(itertools.takewhile(lambda part: "X" not in part, timex.value.split("-")))
    if not known or not re.fullmatch(r"\d{4}", known[0]) or len(known) > 2:
        if basis != "explicit":
            return DatePoint.unknown()  # another clause's expression may not date this one later either
        return DatePoint(None, None, "none", timex.reads_as, timex.tense)
    return DatePoint("-".join(known), "year" if len(known) == 1 else "month", basis)
