"""Cross-document linking: which stored event a new event mention belongs to, and why; which
quotes are one remark; and what counts as one source. (Which documents are near-duplicates of
each other: :mod:`hornbill.store.duplicates`; which numeric claims contradict each other:
:mod:`hornbill.figures`.)

Pure decisions over small records; the store supplies candidates through an index
(same event type and actor, or the country an office holder acts for, and the date), so adding
one article never scans the whole knowledge base. Two reports of one event need not name it the
same way: a foreign minister acts for his country, a mission stands for the country it works in,
and a date that does not pin an event down (none at all, or only the publication date of a report
telling it as past) may be made up for by a lasting event type and a named doer and target.
Every merge records its reason, shown by ``hornbill timeline --why`` and kept in the KB.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from hornbill.actors.dictionary import ActorDictionary, DictionaryEntry, load_roles
from hornbill.dates.calendar import WIDTH, fineness
from hornbill.model import ADHOC_GROUP, QUAD_CLASS, EventMention
from hornbill.schemas import load_data

#: How much an event date is trusted, by where it came from (higher wins).
BASIS_RANK = {"explicit": 5, "metadata": 4, "sentence": 4, "dateline": 4, "caption": 3, "context": 3,
              "url": 2, "text": 2, "reported": 1, "none": 0}

_RULES: dict[str, Any] = load_data("link.yaml")
#: types whose reports may merge on a date that does not pin them down (see data/link.yaml)
LASTING_TYPES = frozenset(_RULES["lasting_types"])
#: how far back a report dated only by its publication date is taken to reach
LOOKBACK_YEARS = int(_RULES["lookback_years"])
#: how many days before its report an undated act told as past may lie (see data/link.yaml)
REPORT_REACH_DAYS = int(_RULES["report_reach_days"])
#: how many days apart two reports may date one lasting act (see data/link.yaml)
LASTING_REACH_DAYS = int(_RULES["lasting_reach_days"])
#: types whose modes name distinct acts (see link.yaml)
MODED_TYPES = frozenset(_RULES.get("moded_types", []))
#: title words that make a person act for their country, unless the title opens with a past one
OFFICE_WORDS = frozenset(_RULES["office_words"])


@dataclass(frozen=True)
class StoredMention:
    """What the linker needs to know of a mention already in the knowledge base.

    ``date_basis`` says where the date came from ("reported": only the article's publication
    date, "none": no date at all); ``status`` is "occurred" or "announced".
    """

    event_id: str
    doc_id: str
    event_type: str
    actor_key: str | None
    recipient_key: str | None
    date: str | None
    date_precision: str | None
    date_basis: str | None = None
    status: str | None = None
    date_before: str | None = None  # the last day the date can mean (told as past in its period)
    mode: str | None = None  # the PLOVER mode: a coup and the curfew its leaders impose are two acts


def dates_compatible(a: str | None, a_prec: str | None, b: str | None, b_prec: str | None) -> bool:
    """True when two dates can name the same time at the coarser of their precisions."""
    if a is None or b is None:
        return a is None and b is None
    if "W" in a or "W" in b:  # ISO weeks: compare the year only, weeks are rarely restated exactly
        return a[:4] == b[:4]
    width = min(WIDTH.get(a_prec or "day", 10), WIDTH.get(b_prec or "day", 10))
    return a[:width] == b[:width]


def as_stored(mention: EventMention, event_id: str = "") -> StoredMention:
    """The linker's view of a mention that has just been extracted."""
    return StoredMention(
        event_id, mention.evidence.doc_id, mention.event_type, mention.actor.key if mention.actor else None,
        mention.recipient.key if mention.recipient else None, mention.date.value, mention.date.precision,
        mention.date.basis, mention.status, mention.date.before, mention.mode,
    )


# -- who stands for whom: office holders for their country, missions for their host country -----


@dataclass(frozen=True)
class Affiliations:
    """The country key that an actor of the shipped dictionary stands for besides itself."""

    offices: dict[str, str]  # person in government office -> the country key of the office
    hosts: dict[str, str]  # peace or military mission -> the country key of the country it works in
    parents: dict[str, str]  # a body -> the organisation it is part of (UN Security Council -> UN)


@cache
def affiliations() -> Affiliations:
    """Office holders and missions of the shipped actor dictionary (data/actors.yaml).

    Keyed by actor key, so the answer for a stored mention needs nothing but its row; a user's
    own actor file is not consulted, so linking stays the same whichever file a build used.
    """
    offices, hosts = {}, {}
    entries = ActorDictionary.load().entries
    parents = {key: parent for key, entry in entries.items() if (parent := _whole_of(entry)) is not None}
    for key, entry in entries.items():
        country = entry.actor.country
        if country is None:
            continue
        if entry.actor.type == "PERSON" and any(_is_office(title) for title in entry.titles):
            offices[key] = f"country:{country}"
        if "mission" in entry.tags:
            hosts[key] = f"country:{country}"
    return Affiliations(offices, hosts, parents)


def _whole_of(entry: DictionaryEntry) -> str | None:
    """The key of what a body is part of: its ``part_of``; for a country's armed forces or a body of
    its government, the country ("the Malian army seized power" and "Mali's junta seized power" tell
    one coup; "the State Department condemned" and "the United States condemned" one statement)."""
    if entry.part_of is not None:
        return entry.part_of
    state_body = "national_forces" in entry.tags or entry.actor.type == "GOV"
    if state_body and entry.actor.country is not None:
        return f"country:{entry.actor.country}"
    return None


def _is_office(title: str) -> bool:
    """Whether a title names a government office held now ("foreign minister", not "former president")."""
    words = title.casefold().split()
    return bool(OFFICE_WORDS & set(words)) and words[0] not in load_roles().past_holder_marks


def office_country(actor_key: str | None) -> str | None:
    """The country key of the government office a person holds, if the dictionary gives one."""
    return affiliations().offices.get(actor_key) if actor_key else None


def parent_body(actor_key: str | None) -> str | None:
    """The organisation a body is part of ("igo:unsc" -> "igo:un"), if the dictionary gives one."""
    return affiliations().parents.get(actor_key) if actor_key else None


def host_country(actor_key: str | None) -> str | None:
    """The country key a mission works in, if the dictionary gives one."""
    return affiliations().hosts.get(actor_key) if actor_key else None


def _doers_agree(a: str | None, b: str | None) -> str | None:
    """Why two actors are one doer (equal, an office holder and the country of the office, or a
    body and the organisation it is part of: "the UN ends its mission" is the Security Council's
    decision), else None."""
    if a == b:
        return f"same actor {a}" if a else "no actor"
    for part, whole in ((a, b), (b, a)):
        if whole is not None and office_country(part) == whole:
            return f"actor {part} holds office in {whole}"
        if whole is not None and parent_body(part) == whole:
            return f"actor {part} is part of {whole}"
    return None


def _one_day_one_side(a: StoredMention, b: StoredMention) -> str | None:
    """Why two reports whose doers differ still tell one act, else None: both date it to the same
    day and name the same target (see ``day_target``), and either one report leaves the doer
    unsaid and names the very same target ("Conde was detained"), or, for a material act, both
    doers belong to one country (its state, its armed forces, its people: "the colonel's special
    forces" and "Guinea's army" seized the president). Two officials of one country who say
    something on one day may say two things."""
    day = day_target(a)
    if day is None or day != day_target(b):
        return None
    if (a.actor_key is None) != (b.actor_key is None) and a.recipient_key == b.recipient_key:
        return f"doer unsaid on one side, {a.actor_key or b.actor_key} on the other, on the same day"
    if not QUAD_CLASS.get(a.event_type, "").startswith("material"):
        return None
    country = _country_of(a.actor_key)
    if country is not None and country == _country_of(b.actor_key):
        return f"doers {a.actor_key} and {b.actor_key} both of {country}, on the same day"
    return None


def day_target(m: StoredMention) -> str | None:
    """The act, day and target a report pins down, when it does: a date to the day and a target
    that names someone (not a group known only by its kind); else None."""
    if m.date_precision != "day" or m.date is None or not names_a_doer(m.recipient_key):
        return None
    return f"{m.event_type}|{m.mode or ''}|{_recipient_root(m.recipient_key or '')}|{m.date}"


def _targets_agree(a: str | None, b: str | None) -> str | None:
    """Why two recipients are one target, else None; "" when neither side has one.

    Equal; or missing on one side; or a country and an actor standing for it there: an office
    holder of that country, or a mission working in it (a withdrawal "from MINUSMA" is one
    "from Mali").
    """
    if a == b:
        return f"same recipient {a}" if a else ""
    if a is None or b is None:
        return "recipient on one side only"
    for actor, country in ((a, b), (b, a)):
        if country in (office_country(actor), host_country(actor)):
            return f"recipient {actor} stands for {country}"
    return None


def event_recipient(best: str | None, named: Iterable[str | None]) -> str | None:
    """The recipient an event is shown with: the best mention's, else the first one ``named``; but
    when another mention names an actor standing for that country (a mission working in it, an
    office holder of it), the more specific one: "MINUSMA" rather than "Mali"."""
    named = [key for key in named if key is not None]
    chosen = best or next(iter(named), None)
    if chosen is None or not _is_country(chosen):
        return chosen
    return next((key for key in named if chosen in (host_country(key), office_country(key))), chosen)


def event_actor(best: str | None, named: Iterable[str | None], in_body: Iterable[str | None] = (),
                spoken: bool = False) -> str | None:
    """The doer an event is shown with: the best mention's; but when another mention names a body
    of that organisation, the body ("UN Security Council" rather than "United Nations"). For an act
    (not ``spoken``), when the best names an office holder and a mention of an article's body
    (``in_body``) the country of the office, the country: reports that disagree on whether the
    minister or his government acted agree that the state did (a headline's country does not count:
    headlines name states for their officials). Words are their speaker's (``spoken``): when the
    best names the state and another report the office holder who spoke, the office holder."""
    if best is None:
        return None
    named = list(named)
    if spoken:
        return next((key for key in named if key is not None and office_country(key) == best), best)
    if (country := office_country(best)) is not None and country in in_body:
        return country
    return next((key for key in named if key is not None and parent_body(key) == best), best)


def state_abroad(actor_key: str | None, recipient_key: str | None, location_country: str | None) -> str | None:
    """A country's armed forces shown as the doer of an event abroad are their state: reports that
    name "French troops" and reports that name France tell one withdrawal from Mali, France's."""
    whole = parent_body(actor_key)
    if whole is None or not whole.startswith("country:"):
        return actor_key
    home = whole.removeprefix("country:")
    places = (location_country, _country_of(recipient_key))
    return whole if any(place is not None and place != home for place in places) else actor_key


def _country_of(actor_key: str | None) -> str | None:
    """The country an actor key belongs to, when the dictionary says (a country is its own)."""
    if actor_key is None:
        return None
    if actor_key.startswith("country:"):
        return actor_key.removeprefix("country:")
    actor = ActorDictionary.load().get(actor_key)
    return actor.country if actor is not None else None


def _recipient_root(recipient_key: str) -> str:
    """The country a recipient stands for, or itself: what relaxed-date keys file it under."""
    return office_country(recipient_key) or host_country(recipient_key) or recipient_key


# -- dates that do not pin an event down ------------------------------------------------------


def year_of(date: str | None) -> int | None:
    """The year of an ISO date ("2022-11", "2022-W46"); None for none, or a decade or century ("202")."""
    head = (date or "")[:4]
    return int(head) if len(head) == 4 and head.isdigit() and head.isascii() else None


def _told_as_past(m: StoredMention) -> bool:
    """Whether a mention's date is only an upper bound: dated by its article's publication date
    (nothing in the text dates it) and told as having happened, so it happened then or before."""
    return m.date_basis == "reported" and m.status != "announced" and year_of(m.date) is not None


def _on_or_before(early: StoredMention, late: StoredMention) -> bool:
    """Whether ``early``'s date is not after ``late``'s (at the coarser precision) and at most
    LOOKBACK_YEARS earlier."""
    a, b, year_a, year_b = early.date, late.date, year_of(early.date), year_of(late.date)
    if a is None or b is None or year_a is None or year_b is None or not 0 <= year_b - year_a <= LOOKBACK_YEARS:
        return False
    if "W" in a or "W" in b:
        return True  # the years already compare
    width = min(WIDTH.get(early.date_precision or "day", 10),
                WIDTH.get(late.date_precision or "day", 10))
    return a[:width] <= b[:width]


def _loose_dates_agree(a: StoredMention, b: StoredMention) -> str | None:
    """Why two dates that do not compare exactly may still be one event's, else None (see
    ``_loose_dates_allowed`` for the evidence this needs besides): one side has no date; or one
    side is only an upper bound (see ``_told_as_past``) that the other date does not pass; or
    both are, a few years apart at most; or both are days at most LASTING_REACH_DAYS apart."""
    if a.date is None or b.date is None:
        known = a.date or b.date
        return f"date unknown on one side, {known} on the other" if year_of(known) is not None else None
    if _told_as_past(a) and _told_as_past(b):
        year_a, year_b = year_of(a.date), year_of(b.date)
        if year_a is not None and year_b is not None and abs(year_a - year_b) <= LOOKBACK_YEARS:
            return f"both told as past when published ({a.date}, {b.date}), neither dated in the text"
        return None
    for bound, other in ((a, b), (b, a)):
        if _told_as_past(bound) and _on_or_before(other, bound):
            return f"{other.date} is before {bound.date}, when a report told it as past without a date"
    day_a, day_b = _report_day(a), _report_day(b)
    if day_a is not None and day_b is not None and abs((day_a - day_b).days) <= LASTING_REACH_DAYS:
        return f"dates {a.date} and {b.date}, at most {LASTING_REACH_DAYS} days apart, of one lasting act"
    return None


def _loose_dates_allowed(a: StoredMention, b: StoredMention) -> bool:
    """Whether the rest of the evidence is strong enough to stand in for a date: a lasting type
    (see LASTING_TYPES), the same doer, and both recipients named and agreeing; against a
    mention with no date at all, moreover the very same recipient, and not a country (a mission,
    an organisation, a person): a doer and a whole country recur together too often to tell one
    withdrawal or deal from the next without any date."""
    if a.event_type not in LASTING_TYPES or a.actor_key is None or a.actor_key != b.actor_key:
        return False
    if a.recipient_key is None or b.recipient_key is None:
        return False
    if a.date is None or b.date is None:
        return a.recipient_key == b.recipient_key and not _is_country(a.recipient_key)
    return True


def _within_bounds(a: StoredMention, b: StoredMention) -> bool:
    """Whether neither date begins after the last day the other can mean ("earlier this year" in
    a paper of 20 May is not the August of that year)."""
    return not any(bounded.date_before is not None and other.date is not None and "W" not in other.date
                   and _first_day(other.date) > bounded.date_before for bounded, other in ((a, b), (b, a)))


def _first_day(date: str) -> str:
    """The first day of an ISO date's period ("2022-08" -> "2022-08-01")."""
    return {4: f"{date}-01-01", 7: f"{date}-01"}.get(len(date), date)


def _recent_report(a: StoredMention, b: StoredMention) -> str | None:
    """Why a report dated only by its paper (told as past, see ``_told_as_past``) may tell the act
    another report dates to the day: the other's day lies at most REPORT_REACH_DAYS before the
    paper's (or both papers are that close), and both name their doer. Else None. Only across
    articles: two sentences of one article that tell an act with no time are two acts."""
    if a.doc_id == b.doc_id or not (names_a_doer(a.actor_key) and names_a_doer(b.actor_key)):
        return None
    day_a, day_b = _report_day(a), _report_day(b)
    if day_a is None or day_b is None:
        return None
    reach = REPORT_REACH_DAYS
    for bound, other, day_bound, day_other in ((a, b, day_a, day_b), (b, a, day_b, day_a)):
        gap = (day_bound - day_other).days
        if _told_as_past(bound) and 0 <= gap <= reach:
            return f"{other.date} is at most {reach} days before {bound.date}, when a report told it as recent"
        if _told_as_past(bound) and _told_as_past(other) and abs(gap) <= reach:
            return f"both told as recent by reports of {bound.date} and {other.date}, at most {reach} days apart"
    return None


def _report_day(m: StoredMention) -> dt.date | None:
    """A mention's date as a day, when it has day precision."""
    if m.date is None or m.date_precision != "day" or len(m.date) != 10:
        return None
    try:
        return dt.date.fromisoformat(m.date)
    except ValueError:
        return None


def _days_around(m: StoredMention, back: int, ahead: int) -> list[str]:
    """The days from ``back`` days before a mention's day to ``ahead`` days after it."""
    day = _report_day(m)
    if day is None:
        return []
    return [(day + dt.timedelta(days=n)).isoformat() for n in range(-back, ahead + 1)]


def names_a_doer(actor_key: str | None) -> bool:
    """Whether an actor key singles out one doer: not none, and not an ad-hoc group known only by
    its kind ("group:rebels", "group:protesters"), which stands for different people in every report."""
    return actor_key is not None and not actor_key.startswith(f"{ADHOC_GROUP}:")


def _is_country(actor_key: str) -> bool:
    return actor_key.startswith("country:")


def merge_reason(new: StoredMention, old: StoredMention) -> str | None:
    """Why two mentions report the same event, or None when they do not (a symmetric relation).

    Same type and mode; doers that agree (see ``_doers_agree``); recipients that agree (see
    ``_targets_agree``), and with no named doer on either side (see ``names_a_doer``), the same
    recipient; dates compatible
    at the coarser precision, or, with the stronger evidence of ``_loose_dates_allowed``, dates
    that do not pin the event down (``_loose_dates_agree``).
    """
    if new.event_type != old.event_type or not _modes_agree(new, old):
        return None
    target = _targets_agree(new.recipient_key, old.recipient_key)
    doer = _doers_agree(new.actor_key, old.actor_key)
    if doer is None and target:
        doer = _one_day_one_side(new, old)
    if doer is None or target is None:
        return None
    if not names_a_doer(new.actor_key) and (new.recipient_key is None or new.recipient_key != old.recipient_key):
        return None  # with no named doer on either side, only a shared recipient identifies the event
    if not _within_bounds(new, old):
        return None
    if dates_compatible(new.date, new.date_precision, old.date, old.date_precision):
        when: str | None = f"dates {new.date} ~ {old.date} agree"
    else:
        when = _loose_dates_agree(new, old) if _loose_dates_allowed(new, old) else None
        when = when or _recent_report(new, old)
    if when is None:
        return None
    return "; ".join(part for part in (f"same type {new.event_type}", doer, target, when) if part)


def _modes_agree(a: StoredMention, b: StoredMention) -> bool:
    """Whether two reports' modes may name one act: always, outside ``moded_types`` (reports of one
    act name it more or less precisely); within them, only the same mode (a coup and the curfew its
    leaders impose are two acts)."""
    return a.event_type not in MODED_TYPES or a.mode == b.mode


def _names_nobody(m: StoredMention) -> bool:
    return m.actor_key is None and m.recipient_key is None


def same_article_reason(a: StoredMention, b: StoredMention) -> str | None:
    """Why two mentions of one article are one event although only one of them names a doer or a
    target, else None (a symmetric relation): an article refers back to an event it tells in full
    ("a military takeover in 2021" after "In May 2021 the armed forces removed the president").
    Same type, dates compatible at the coarser precision. ``Clusters`` moreover joins such a
    mention only when its article tells of one such event, not two."""
    if a.doc_id != b.doc_id or a.event_type != b.event_type or _names_nobody(a) == _names_nobody(b):
        return None
    if a.date is None or not dates_compatible(a.date, a.date_precision, b.date, b.date_precision):
        return None
    if not _within_bounds(a, b):
        return None
    return f"same type {a.event_type} in the same article, dates {a.date} ~ {b.date} agree, one side names nobody"


def events_to_join(new: StoredMention, candidates: Iterable[StoredMention]) -> set[str]:
    """The ids of every stored event ``new`` reports.

    When a new mention matches several events, they are one event told in several ways, and
    all of them are merged: clusters are the connected components of the pairwise relation
    ``merge_reason``, which is symmetric, so the result does not depend on the order in which
    documents arrive.
    """
    return {old.event_id for old in candidates if merge_reason(new, old) is not None}


# -- candidate keys: the index that finds a new mention's possible partners --------------------

#: How many leading characters of a date a key keeps: one level per precision width.
DATE_LEVELS = sorted(set(WIDTH.values()))


def _whos(mention: StoredMention) -> list[str]:
    """The roles a partner shares with the mention: its actor and, for an office holder, the
    country of the office, for a body the organisation it is part of; with no actor, the
    recipient (see merge_reason)."""
    if mention.actor_key is not None:
        wholes = (office_country(mention.actor_key), parent_body(mention.actor_key))
        return [f"actor {mention.actor_key}", *(f"actor {whole}" for whole in wholes if whole)]
    if mention.recipient_key is not None:
        return [f"recipient {mention.recipient_key}"]
    return []


def _date_level(date: str, precision: str | None) -> int:
    """How many leading characters of ``date`` two compatible dates share (an ISO week: its year)."""
    return 4 if "W" in date else WIDTH.get(precision or "day", 10)


def _key_stems(mention: StoredMention) -> list[str]:
    """The type-and-role parts of a mention's keys; none for one no other can merge with."""
    return [f"{mention.event_type}|{who}|" for who in _whos(mention)]


def _past_stem(mention: StoredMention) -> str | None:
    """The stem of the keys for merges with a report told as past (see ``_told_as_past``): type,
    actor and the country the recipient stands for; None for a mention that cannot have them."""
    if mention.event_type not in LASTING_TYPES or mention.actor_key is None or mention.recipient_key is None:
        return None
    return f"{mention.event_type}|actor {mention.actor_key}|to {_recipient_root(mention.recipient_key)}|"


def _undated_stem(mention: StoredMention) -> str | None:
    """The stem of the keys for merges with a mention that has no date: type, actor and recipient,
    not a country; None for a mention that cannot have them (see ``_loose_dates_allowed``)."""
    if mention.event_type not in LASTING_TYPES or mention.actor_key is None or mention.recipient_key is None:
        return None
    if _is_country(mention.recipient_key):
        return None
    return f"{mention.event_type}|actor {mention.actor_key}|to {mention.recipient_key}|"


def _exact_filing_keys(stem: str, mention: StoredMention) -> list[str]:
    if mention.date is None:
        return [stem + "undated"]
    level = _date_level(mention.date, mention.date_precision)
    return [f"{stem}{n}{'=' if n == level else '+'}{mention.date[:n]}" for n in DATE_LEVELS if n <= level]


def _exact_probe_keys(stem: str, mention: StoredMention) -> list[str]:
    if mention.date is None:
        return [stem + "undated"]
    level = _date_level(mention.date, mention.date_precision)
    coarser = [f"{stem}{n}={mention.date[:n]}" for n in DATE_LEVELS if n <= level]
    return [*coarser, f"{stem}{level}+{mention.date[:level]}"]


def _loose_filing_keys(mention: StoredMention) -> list[str]:
    """An undated mention is found by dated ones ("undated"), a dated one by undated ones ("dated");
    every dated one by year ("year") and, dated to the day, by its day ("day"), and one told as
    past with only its publication date by the dates up to LOOKBACK_YEARS before it ("past")."""
    undated, past, year = _undated_stem(mention), _past_stem(mention), year_of(mention.date)
    if mention.date is None:
        return [undated + "undated"] if undated else []
    if year is None:
        return []
    keys = [undated + "dated"] if undated else []
    if past:
        keys += [f"{past}year {year}", *([f"{past}past {year}"] if _told_as_past(mention) else [])]
        keys += [f"{past}day {day}" for day in _days_around(mention, 0, 0)]
    return keys


def _loose_probe_keys(mention: StoredMention) -> list[str]:
    """An undated mention looks up the dated ones, a dated one the undated ones; a dated one also
    looks up the reports told as past in its year or the LOOKBACK_YEARS after it, and the days
    LASTING_REACH_DAYS around its own; one told as past every mention of its year or the
    LOOKBACK_YEARS before it."""
    undated, past, year = _undated_stem(mention), _past_stem(mention), year_of(mention.date)
    if mention.date is None:
        return [undated + "dated"] if undated else []
    if year is None:
        return []
    keys = [undated + "undated"] if undated else []
    if past:
        keys += [f"{past}past {year + n}" for n in range(LOOKBACK_YEARS + 1)]
        if _told_as_past(mention):
            keys += [f"{past}year {year - n}" for n in range(LOOKBACK_YEARS + 1)]
        keys += [f"{past}day {day}" for day in _days_around(mention, LASTING_REACH_DAYS, LASTING_REACH_DAYS)]
    return keys


def filing_keys(mention: StoredMention) -> list[str]:
    """The keys a stored mention is found under: for each of its roles, its type and date prefix at
    its own precision ("=") and at every coarser one ("+": a finer date below this prefix); and the
    keys of merges on a date that does not pin the event down (``_loose_filing_keys``).

    A mention that no other can merge with (no actor and no recipient) has none.
    """
    return [*(key for stem in _key_stems(mention) for key in _exact_filing_keys(stem, mention)),
            *_loose_filing_keys(mention), *_recent_filing_keys(mention), *_day_keys(mention)]


def probe_keys(mention: StoredMention) -> list[str]:
    """The keys to look up for every stored mention ``merge_reason`` could accept.

    Two dates are compatible only if they share a prefix as long as the coarser precision
    allows: a stored date at a coarser level is found under its own "=" key, one at the same
    or a finer level under the "=" or "+" key of this mention's level. Dates that do not pin the
    event down are found through ``_loose_probe_keys``.
    """
    return [*(key for stem in _key_stems(mention) for key in _exact_probe_keys(stem, mention)),
            *_loose_probe_keys(mention), *_recent_probe_keys(mention), *_day_keys(mention)]


def _day_keys(mention: StoredMention) -> list[str]:
    """The key of ``_one_day_one_side``: act, target and day, filed and looked up alike."""
    key = day_target(mention)
    return [f"day {key}"] if key is not None else []


def _recent_stems(mention: StoredMention) -> list[str]:
    """The stems of the keys for ``_recent_report``: type and named doer."""
    return [f"{stem}day" for stem in _key_stems(mention)] if names_a_doer(mention.actor_key) else []


def _recent_filing_keys(mention: StoredMention) -> list[str]:
    """A mention dated to the day is found by its day: a report told as recent ("recent") by the
    days around it, one dated in its text ("dated") by the reports of the days after it."""
    kind = "recent" if _told_as_past(mention) else "dated"
    return [f"{stem} {kind} {day}" for stem in _recent_stems(mention) for day in _days_around(mention, 0, 0)]


def _recent_probe_keys(mention: StoredMention) -> list[str]:
    """The days where a report of the same act may be filed (``_recent_report``): for a report told
    as recent, the dated ones of the REPORT_REACH_DAYS before it and the recent ones around it; for
    a dated one, the recent ones of the REPORT_REACH_DAYS after it."""
    reach = REPORT_REACH_DAYS
    if _told_as_past(mention):
        wanted = [("dated", _days_around(mention, reach, 0)), ("recent", _days_around(mention, reach, reach))]
    else:
        wanted = [("recent", _days_around(mention, 0, reach))]
    return [f"{stem} {kind} {day}" for stem in _recent_stems(mention) for kind, days in wanted for day in days]


def link_reasons(members: Sequence[StoredMention], ids: Sequence[str]) -> list[str | None]:
    """Why each mention belongs to its event: its match with the first member (by id) that it matches.

    The first mention by id has no reason (it founds the event); the result depends only on the
    set of members, not on the order they arrived in.
    """
    order = sorted(range(len(members)), key=lambda i: ids[i])
    reasons: list[str | None] = [None] * len(members)
    for rank, i in enumerate(order[1:], start=1):
        for j in order[:rank]:
            why = merge_reason(members[i], members[j]) or same_article_reason(members[i], members[j])
            if why is not None:
                reasons[i] = f"with {ids[j]}: {why}"
                break
    return reasons


def event_id_for(mention_ids: Iterable[str]) -> str:
    """An event's id: derived from its smallest mention id, so it is the same whatever the arrival order."""
    return "e" + min(mention_ids)[1:]


def mention_rank(date_basis: str | None, date_precision: str | None, confidence: float) -> tuple[int, int, int, float]:
    """Sort key for the mention that speaks for an event: a date read from the text beats the
    publication-date fallback; then the more precise date; then the more trusted basis; then confidence."""
    from_text = date_basis not in (None, "reported", "none")
    return (from_text, fineness(date_precision), BASIS_RANK.get(date_basis or "none", 0),
            confidence)


def source_key(outlet: str | None, doc_id: str) -> str:
    """What counts as one source: the outlet; a document with no known outlet is its own source."""
    return outlet or f"doc:{doc_id}"


# -- quotes: the same words of the same speaker in several outlets are one quote ---------------

QUOTE_MIN_WORDS = 5  # a shorter fragment ("without delay") is too common to say two outlets quote one remark
QUOTE_SHINGLE = 3


def quote_words(text: str) -> tuple[str, ...]:
    """A quote's words, casefolded, without punctuation: outlets differ in commas and full stops."""
    return tuple(re.findall(r"\w+", text.casefold()))


def same_quote(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two quotes (as :func:`quote_words`) are one remark: equal, or the shorter (at least
    ``QUOTE_MIN_WORDS`` long) is a run of words inside the longer, as when one outlet quotes less."""
    short, long = sorted((a, b), key=len)
    if len(short) < QUOTE_MIN_WORDS:
        return short == long and len(short) > 0
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def quote_groups(quotes: Sequence[dict[str, Any]]) -> dict[str, str]:
    """For each quote id, the id of the remark it repeats (the smallest quote id of its group).

    Only quotes of one speaker are compared (unattributed quotes among themselves). Equal texts
    are grouped by a dict; a text is compared only with the longer texts holding its first word
    3-shingle (where a run of its words would have to start), so a speaker quoted thousands of
    times is not compared pair by pair. Groups are connected components: the result does not
    depend on quote order.
    """
    parent = {q["quote_id"]: q["quote_id"] for q in quotes}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(x: str, y: str) -> None:
        a, b = sorted((root(x), root(y)))
        parent[b] = a

    texts: dict[tuple[str | None, tuple[str, ...]], list[str]] = defaultdict(list)
    for q in quotes:
        texts[(q["speaker_key"], quote_words(q["text"]))].append(q["quote_id"])
    holders: dict[tuple[str | None, tuple[str, ...]], list[tuple[str, ...]]] = defaultdict(list)
    for (speaker, words), ids in texts.items():
        for other in ids[1:]:
            join(ids[0], other)
        for k in {words[j:j + QUOTE_SHINGLE] for j in range(max(len(words) - QUOTE_SHINGLE + 1, 1))}:
            holders[(speaker, k)].append(words)
    for (speaker, words), ids in texts.items():
        if len(words) < QUOTE_MIN_WORDS:
            continue
        for longer in holders[(speaker, words[:QUOTE_SHINGLE])]:
            if len(longer) > len(words) and same_quote(words, longer):
                join(ids[0], texts[(speaker, longer)][0])
    return {quote_id: root(quote_id) for quote_id in parent}


class Clusters:
    """Which events a batch of new mentions joins: union-find over event ids, fed one document
    at a time, the batch's own mentions filed under their keys as they come so that later ones
    find them as they would find stored ones.

    ``merged`` counts the mentions that joined an event rather than founding one, as adding the
    documents one by one counts them: a mention founds an event when its cluster holds nothing
    from an earlier document or from the KB.
    """

    def __init__(self, filed: dict[str, list[StoredMention]]) -> None:
        self.filed = {key: list(mentions) for key, mentions in filed.items()}
        self.parent: dict[str, str] = {}
        self.new: dict[str, None] = {}  # the event ids the batch's mentions were given, in order
        self.settled: set[str] = set()  # roots whose cluster holds an event from an earlier document
        self.merged = 0

    def root(self, event_id: str) -> str:
        while self.parent.get(event_id, event_id) != event_id:
            event_id = self.parent[event_id]
        return event_id

    def _union(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[ra] = rb
            if ra in self.settled:
                self.settled.add(rb)

    def add_document(self, mentions: Sequence[StoredMention]) -> None:
        """Link one document's mentions (each with an event id of its own) to everything filed so far."""
        for mention in mentions:
            self.new[mention.event_id] = None
            candidates = [m for key in probe_keys(mention) for m in self.filed.get(key, [])]
            for event_id in events_to_join(mention, candidates):
                if event_id not in self.new and event_id not in self.parent:
                    self.settled.add(event_id)  # a stored event, met for the first time
                self._union(event_id, mention.event_id)
            for key in filing_keys(mention):
                self.filed.setdefault(key, []).append(mention)
        self._join_back_references(mentions)
        roots = {self.root(m.event_id) for m in mentions}
        self.merged += len(mentions) - len(roots - self.settled)
        self.settled |= roots

    def _join_back_references(self, mentions: Sequence[StoredMention]) -> None:
        """Join each mention that names nobody to the one event of its article it can refer back
        to (see ``same_article_reason``); with two such events, it is left alone."""
        for mention in filter(_names_nobody, mentions):
            events = {self.root(other.event_id) for other in mentions
                      if same_article_reason(mention, other) is not None}
            if len(events) == 1:
                self._union(events.pop(), mention.event_id)

    def groups(self) -> list[list[str]]:
        """The clusters: the event ids that become one event, for every cluster a new mention is in."""
        members: dict[str, list[str]] = {}
        for event_id in dict.fromkeys([*self.new, *self.parent]):
            members.setdefault(self.root(event_id), []).append(event_id)
        return list(members.values())
