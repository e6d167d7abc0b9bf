"""Numeric claims: counts of people, amounts of money and percentages worth comparing across sources.

A claim is found in two steps. A regular expression built from ``data/claims.yaml`` finds a
number expression in the text (hedge, currency symbol, digits or number words, scale, percent
sign); the parse then says what the number counts (the noun after it, an anchor such as "death
toll", or the other end of a "from 1,100 to 1,400" range). Numbers that count nothing worth
comparing (years, dates, times, ages, vote tallies, numbers inside names) yield no claim.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from hornbill.doctools import doc_text, evidence_for
from hornbill.model import Actor, ActorMention, Claim, Timex
from hornbill.schemas import load_data

#: Entity labels a claim number must not sit inside (dates, times, ordinals, names).
_EXCLUDED_ENTS = frozenset(
    {"DATE", "TIME", "ORDINAL", "ORG", "PERSON", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "GPE"}
    | {"LOC"}
)
#: Entity labels that can name what a number is about when no actor mention is near.
_SUBJECT_ENTS = frozenset({"ORG", "GPE", "NORP"})
#: Entity labels that name where a figure holds.
_PLACE_ENTS = frozenset({"GPE", "LOC"})
#: Parts of speech allowed between a number and the noun it counts ("300 heavily armed German soldiers").
_MODIFIER_POS = frozenset({"ADJ", "PROPN", "NOUN", "ADV", "VERB"})
_MAX_MODIFIERS = 4
_THOUSANDS_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
_TALLY_AFTER = re.compile(r"^\s?[-–—]\s?\d")
_TALLY_BEFORE = re.compile(r"\d\s?[-–—]\s?$")


@dataclass(frozen=True)
class ClaimData:
    """The linguist-editable lists from claims.yaml, lower-cased."""

    qualifiers: dict[str, str]
    number_words: dict[str, int]
    scales: dict[str, int]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    periods: dict[str, str]
    percent_words: tuple[str, ...]
    counted_nouns: dict[str, str]
    anchor_nouns: dict[str, str]
    outcome_verbs: dict[str, str]
    money_topics: dict[str, str]
    source_verbs: frozenset[str]
    place_prepositions: frozenset[str]


@lru_cache(maxsize=1)
def claim_data() -> ClaimData:
    raw = load_data("claims.yaml")

    def lower_map(key: str) -> dict[str, Any]:
        return {str(k).lower(): v for k, v in raw[key].items()}

    return ClaimData(
        qualifiers=lower_map("qualifiers"),
        number_words=lower_map("number_words"),
        scales=lower_map("scales"),
        currency_symbols={str(k).upper(): str(v) for k, v in raw["currency_symbols"].items()},
        currency_words=lower_map("currency_words"),
        periods=lower_map("periods"),
        percent_words=tuple(str(w).lower() for w in raw["percent_words"]),
        counted_nouns=lower_map("counted_nouns"),
        anchor_nouns=lower_map("anchor_nouns"),
        outcome_verbs=lower_map("outcome_verbs"),
        money_topics=lower_map("money_topics"),
        source_verbs=frozenset(str(v).lower() for v in raw["source_verbs"]),
        place_prepositions=frozenset(str(v).lower() for v in raw["place_prepositions"]),
    )


def _alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation, longest first so "more than" wins over "more"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def number_pattern() -> re.Pattern[str]:
    """The regex of a number expression: [hedge] [currency symbol] number [scale] [percent]."""
    data = claim_data()
    word_scales = [s for s in data.scales if len(s) > 1]  # "1.2 billion", "$3 bn", "$3bn"
    letter_scales = [s for s in data.scales if len(s) == 1]  # only attached: "$5m", "40k"
    simple_words = [w for w in data.number_words if " " not in w]
    tens = [w for w, v in data.number_words.items() if v % 10 == 0 and 20 <= v <= 90]
    units = [w for w, v in data.number_words.items() if 1 <= v <= 9 and " " not in w]
    phrase_words = [w for w in data.number_words if " " in w]
    words = (
        rf"(?:{_alternation(tens)})[-\s](?:{_alternation(units)})"
        rf"|{_alternation(phrase_words)}|{_alternation(simple_words)}"
    )
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?"
    percent = "|".join(r"\s?%" if w == "%" else rf"\s(?:{_alternation([w])})\b" for w in data.percent_words)
    pattern = (
        rf"(?:(?<![\w])(?P<qual>{_alternation(list(data.qualifiers))})\s+)?"
        rf"(?P<cur>{_alternation(list(data.currency_symbols))})?\s?"
        rf"(?P<num>(?<![\w.,:/\-–])(?:{digits})(?![\d:])|\b(?:{words})\b)"
        rf"(?:\s?(?P<wscale>{_alternation(word_scales)})\b|(?P<sscale>{_alternation(letter_scales)})(?![A-Za-z]))?"
        rf"(?P<pct>{percent})?"
        r"(?![-–]\w)"
    )
    return re.compile(pattern, re.IGNORECASE)


def _number_value(match: re.Match[str]) -> float | None:
    """The value of a number-expression match, scale applied; None when it is not a number."""
    data = claim_data()
    num = match.group("num")
    word = " ".join(num.lower().replace("-", " ").split())
    try:
        if num[0].isdigit():
            value = Decimal(_THOUSANDS_SEPARATORS.sub("", num))
        elif word in data.number_words:
            value = Decimal(data.number_words[word])
        else:
            value = Decimal(sum(data.number_words[w] for w in word.split()))
    except (InvalidOperation, KeyError):
        return None
    scale = match.group("wscale") or match.group("sscale")
    if scale:
        value *= data.scales[scale.lower()]
    result = float(value)
    return result if math.isfinite(result) else None


def _qualifier(match: re.Match[str]) -> str | None:
    hedge = match.group("qual")
    return claim_data().qualifiers[" ".join(hedge.lower().split())] if hedge else None


def parse_number(text: str) -> tuple[float, str | None] | None:
    """The first number in ``text`` with its normalised hedge: "over 15,000" -> (15000.0, "over").

    Handles thousands separators (13,000 and "13 000"), decimals with scales ("1.2 billion",
    "$3bn") and number words ("twenty-five"). Returns None when the text holds no number.
    """
    for match in number_pattern().finditer(text):
        value = _number_value(match)
        if value is not None:
            return value, _qualifier(match)
    return None


# --- what a number counts -------------------------------------------------------------------


@dataclass(frozen=True)
class _Measure:
    """What a number measures: its unit, the token it counts (if any), and the money topic."""

    unit: str
    noun: Token | None = None
    money: bool = False
    per_year: bool = False
    topic: str | None = None  # what an amount or a percentage is of: "cost", "turnout"


def _phrase_at(tokens: list[Token], i: int, table: dict[str, str]) -> tuple[str, int] | None:
    """The table value of the longest phrase (up to 3 words) starting at tokens[i], and its length."""
    for n in (3, 2, 1):
        if i + n <= len(tokens):
            phrase = " ".join(t.lower_ for t in tokens[i : i + n])
            if phrase in table:
                return table[phrase], n
    return None


def _counted_noun(following: list[Token]) -> tuple[str, Token] | None:
    """The counted noun after a number, skipping a few modifiers: "300 German soldiers" -> soldiers."""
    nouns = claim_data().counted_nouns
    for i, token in enumerate(following[: _MAX_MODIFIERS + 1]):
        found = _phrase_at(following, i, nouns)
        if found is not None:
            unit, length = found
            last = following[i + length - 1]
            return _with_conjoined(unit, following[i + length :]), last
        if token.pos_ not in _MODIFIER_POS and token.text not in {"-", "–"}:
            return None
        if token.pos_ == "VERB" and token.tag_ not in {"VBN", "VBG"}:
            return None
    return None


def _with_conjoined(unit: str, rest: list[Token]) -> str:
    """ "troops and police": a count of two conjoined counted nouns keeps both."""
    if len(rest) >= 2 and rest[0].lower_ in {"and", "&"}:
        other = _phrase_at(rest, 1, claim_data().counted_nouns)
        if other is not None:
            return f"{unit} and {other[0]}"
    return unit


def _clause_noun(noun: Token) -> Token:
    """The noun standing in the clause for a count: "a total of 174 peacekeepers" -> "total"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return noun


def _outcome(unit: str, noun: Token) -> str:
    """ "45 peacekeepers died" / "killing 12 civilians" -> "peacekeepers killed"."""
    if unit in {"deaths", "casualties", "victims", "wounded", "injured"}:
        return unit
    verbs = claim_data().outcome_verbs
    noun = _clause_noun(noun)
    head = noun.head
    if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} and head.lemma_.lower() in verbs:
        return f"{unit} {verbs[head.lemma_.lower()]}"
    return unit


def _is_source(noun: Token) -> bool:
    """ "three diplomats said": a count of sources, not a claim."""
    noun = _clause_noun(noun)
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in claim_data().source_verbs


def _currency_after(following: list[Token]) -> tuple[str, int] | None:
    return _phrase_at(following, 0, claim_data().currency_words)


@lru_cache(maxsize=1)
def _period_pattern() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*({_alternation(list(claim_data().periods))})\b", re.IGNORECASE)


def _period_after(text: str) -> str | None:
    """ "a year" / "per month" / "annually" right after an amount of money."""
    match = _period_pattern().match(text)
    return claim_data().periods[" ".join(match.group(1).lower().split())] if match else None


def _money_measure(match: re.Match[str], following: list[Token]) -> _Measure | None:
    """An amount of money: a currency symbol before the number or a currency word after it."""
    end = match.end()
    symbol = match.group("cur")
    code = claim_data().currency_symbols.get(symbol.upper()) if symbol else None
    after = _currency_after(following)
    if after is not None:
        code = after[0]
        end = following[after[1] - 1].idx + len(following[after[1] - 1])
    if code is None:
        return None
    period = _period_after(match.string[end : end + 30])
    unit = f"{code} {period}" if period else code
    return _Measure(unit=unit, money=True, per_year=period == "per year")


def _anchored_unit(number: Token, sentence: Span) -> str | None:
    """A bare number's unit from "the number of soldiers ... to 1,400" or "the death toll rose to 45"."""
    data = claim_data()
    before = [t for t in sentence if t.i < number.i]
    for i, token in enumerate(before):
        if token.lower_ == "number" and i + 1 < len(before) and before[i + 1].lower_ == "of":
            counted = _counted_noun(before[i + 2 :])
            if counted is not None:
                return counted[0]
        anchored = _phrase_at(before, i, data.anchor_nouns)
        if anchored is not None:
            return anchored[0]
    return None


def _is_bare(following: list[Token]) -> bool:
    """True when nothing noun-like follows a number (so it may refer back to an earlier noun)."""
    return not following or following[0].pos_ in {"PUNCT", "ADP", "CCONJ", "VERB", "AUX", "PART", "SCONJ"}


# --- skipping numbers that are not claims -----------------------------------------------------


def _in_excluded_entity(tokens: Span) -> bool:
    return any(t.ent_type_ in _EXCLUDED_ENTS for t in tokens)


def _in_timex(doc: Doc, start: int, end: int) -> bool:
    timexes = doc._.timexes or []
    return any(t.start < end and start < t.end for t in timexes)


def _is_tally(text: str, start: int, end: int) -> bool:
    """ "15-0", "541-103": vote tallies and scores are not counts."""
    before = text[max(start - 4, 0) : start]
    return bool(_TALLY_AFTER.match(text[end : end + 4]) or _TALLY_BEFORE.search(before))


# --- subject ---------------------------------------------------------------------------------


def _disjoint(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_end <= b_start or b_end <= a_start


def _nearest_actor(
    doc: Doc, sentence: Span, start: int, end: int, prefer: Token | None
) -> tuple[str | None, Actor | None]:
    """The actor a number is about (name, actor): one among the counted noun's modifiers, else the nearest one;
    failing any actor, the nearest organisation or place entity's name."""
    mentions: list[ActorMention] = [
        m
        for m in (doc._.actor_mentions or [])
        if sentence.start_char <= m.start < sentence.end_char and _disjoint(m.start, m.end, start, end)
        and m.how != "generic"  # "13,000 troops and police": the police are counted, not the holder
    ]
    holder = _holder(prefer) if prefer is not None else None
    if holder is not None:
        return holder.name, holder
    if prefer is not None:
        own = [m for m in mentions if start <= m.start and m.end <= prefer.idx + len(prefer)]
        if own:
            return own[0].actor.name, own[0].actor
    if mentions:
        nearest = min(mentions, key=lambda m: _distance(m.start, m.end, start, end)).actor
        return nearest.name, nearest
    ents = [e for e in sentence.ents if e.label_ in _SUBJECT_ENTS]
    ents = [e for e in ents if _disjoint(e.start_char, e.end_char, start, end)]
    if ents:
        return _without_article(min(ents, key=lambda e: _distance(e.start_char, e.end_char, start, end))), None
    return None, None


#: Verbs whose subject holds what its object counts: "UNIFIL, which has 10,000 troops" is about UNIFIL.
_HOLDING_VERBS = frozenset({"have", "keep", "maintain", "station", "deploy", "field", "number", "employ"})


def _holder(noun: Token) -> Actor | None:
    """The actor that has or deploys the counted noun, when the noun is the object of such a verb."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in _HOLDING_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ in {"which", "who", "that"} and verb.dep_ == "relcl":
        subjects = [verb.head]  # "UNIFIL, which has ..." -> the noun the clause describes
    if not subjects:
        return None
    actor: Actor | None = subjects[0]._.actor
    return actor


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(abs(a_start - b_end), abs(b_start - a_end))


def _without_article(span: Span) -> str:
    """ "the health ministry" -> "health ministry"."""
    return (span[1:] if len(span) > 1 and span[0].lower_ in {"the", "a", "an"} else span).text


def _is_common_noun(token: Token) -> bool:
    """A noun that names no one ("turnout", and "Turnout" the tagger took for a name)."""
    named = bool(token.ent_type_) or token._.actor_mention is not None
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and not named)


def _percent_of(percent: Span) -> str | None:
    """What a percentage is of: its "of" phrase ("40% of the population") or its clause's subject."""
    for token in (percent[-1], percent.root):
        for child in token.children:
            objects = [c for c in child.children if c.dep_ == "pobj"] if child.lower_ == "of" else []
            if objects:
                return objects[0].lemma_.lower()
    for ancestor in percent.root.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"} and c not in percent]
            return subjects[0].lemma_.lower() if subjects and _is_common_noun(subjects[0]) else None
    return None


def _money_topic(number: Token) -> str | None:
    """What an amount of money is: the topic word nearest the number, nouns first ("pledged ... aid")."""
    topics = claim_data().money_topics

    def topic(token: Token) -> str | None:
        return topics.get(token.lemma_.lower()) or topics.get(token.lower_)

    found = [t for t in number.sent if topic(t) is not None]
    found.sort(key=lambda t: (t.pos_ != "NOUN", abs(t.i - number.i)))
    return topic(found[0]) if found else None


def _subject(actor: str | None, measure: _Measure, number: Token) -> str:
    what = f"{measure.topic} {measure.unit}" if measure.topic else measure.unit
    if measure.money:
        topic = _money_topic(number)
        if topic is not None:
            what = f"annual {topic}" if measure.per_year else topic
    return f"{actor} {what}" if actor else what


# --- the stage -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A number kept as a claim, with what it measures and where."""

    value: float
    qualifier: str | None
    measure: _Measure
    sentence: Span
    number: Token
    subject: str
    about: Actor | None


def _measure(match: re.Match[str], doc: Doc, tokens: Span, previous: _Found | None) -> _Measure | None:
    """What the number in ``match`` measures, or None when it is not worth a claim."""
    following = list(doc[tokens.end : tokens.sent.end])
    money = _money_measure(match, following)
    if money is not None:
        return money
    if match.group("pct"):
        return _Measure(unit="percent", topic=_percent_of(tokens))
    counted = _counted_noun(following)
    if counted is not None:
        unit, noun = counted
        return None if _is_source(noun) else _Measure(unit=_outcome(unit, noun), noun=noun)
    if not _is_bare(following):
        return None
    number = tokens[-1]
    anchored = _anchored_unit(number, tokens.sent)
    if anchored is not None:
        return _Measure(unit=anchored)
    return _range_end(previous, tokens)


def _range_end(previous: _Found | None, tokens: Span) -> _Measure | None:
    """ "from 400 soldiers to 250": a bare number closing a range counts what its start counts.

    Only counts carry over: in "fell by 3% to 2,138" the second number is not a percentage.
    """
    if previous is None or previous.measure.money or previous.measure.unit == "percent":
        return None
    near = previous.sentence == tokens.sent and 0 < tokens[-1].i - previous.number.i <= 12
    before = tokens.doc[tokens.start - 1].lower_ if tokens.start > 0 else ""
    return previous.measure if near and before in {"to", "and", "from"} else None


def _is_not_a_count(doc: Doc, match: re.Match[str], tokens: Span) -> bool:
    """Dates, times, ordinals, numbers inside names and vote tallies."""
    start, end = match.span("num")
    return _in_excluded_entity(tokens) or _in_timex(doc, start, end) or _is_tally(match.string, start, end)


def _find(doc: Doc) -> list[_Found]:
    found: list[_Found] = []
    for match in number_pattern().finditer(doc_text(doc)):
        tokens = doc.char_span(*match.span("num"), alignment_mode="expand")
        value = _number_value(match)
        if tokens is None or len(tokens) == 0 or value is None or _is_not_a_count(doc, match, tokens):
            continue
        whole = doc.char_span(*match.span(), alignment_mode="expand") or tokens
        previous = found[-1] if found else None
        measure = _measure(match, doc, whole, previous)
        if measure is None:
            continue
        if previous is not None and measure is previous.measure:
            subject, about = previous.subject, previous.about
        else:
            name, about = _nearest_actor(doc, tokens.sent, *match.span(), measure.noun)
            subject = _subject(name, measure, tokens[-1])
        found.append(_Found(value, _qualifier(match), measure, tokens.sent, tokens[-1], subject, about))
    return found


def _clause_verb(token: Token) -> Token:
    """The verb a token hangs on (itself or the nearest verb above it; else its sentence's root)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _claim_place(sentence: Span, number: Token) -> str | None:
    """Where a figure holds: the country or region its sentence names after a word of place ("in
    Mali", "across the Sahel"), the one nearest the number; None when the sentence names none."""
    preps = claim_data().place_prepositions
    places = [ent for ent in sentence.ents if ent.label_ in _PLACE_ENTS and ent.root.dep_ == "pobj"
              and ent.root.head.lower_ in preps]
    if not places:
        return None
    nearest = min(places, key=lambda ent: abs(ent.root.i - number.i))
    return _without_article(nearest)


def _claim_period(doc: Doc, sentence: Span, number: Token) -> str | None:
    """When a figure holds, as its clause dates it: the calendar date on the verb the number hangs on
    ("had 5,100 soldiers in 2014", "last month 300 people were killed"), the one nearest the number;
    None when the clause gives none (the figure is then of its report's day). A date of another
    clause ("MINUSMA, deployed in 2013, has 12,000 troops") dates that clause, not the figure."""
    verb = _clause_verb(number)
    dated = []
    for t in doc._.timexes or ():
        if t.kind != "DATE" or not t.value[:1].isdigit() or "X" in t.value:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and sentence.start <= span.start and span.end <= sentence.end \
                and _clause_verb(span.root).i == verb.i:
            dated.append(t)
    if not dated:
        return None
    nearest: Timex = min(dated, key=lambda t: abs(t.start - number.idx))
    return nearest.value


def find_claims(doc: Doc) -> list[Claim]:
    """The numeric claims of an annotated Doc (needs sentences, entities and, if present, actor mentions)."""
    claims: list[Claim] = []
    for item in _find(doc):
        evidence = evidence_for(item.sentence)
        claims.append(
            Claim(
                doc_id=evidence.doc_id,
                source=evidence.source,
                subject=item.subject,
                value=item.value,
                unit=item.measure.unit,
                qualifier=item.qualifier,
                evidence=evidence,
                about=item.about,
                place=_claim_place(item.sentence, item.number),
                period=_claim_period(doc, item.sentence, item.number),
            )
        )
    return claims


@Language.component(
    "hornbill_claims",
    requires=["doc.ents", "doc._.timexes", "doc._.actor_mentions", "doc._.actor_index"],
    assigns=["doc._.claims"],
)
def claims_component(doc: Doc) -> Doc:
    doc._.claims = find_claims(doc)
    return doc
