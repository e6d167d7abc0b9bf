"""Dates as a reader wants them: "August 2022", "14 November 2022", "week 46 of 2022"."""

from __future__ import annotations

import re

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def format_date(value: str | None, precision: str | None) -> str:
    """A date as a reader wants it: "August 2022", "14 November 2022", "week 46 of 2022"."""
    if not value:
        return "undated"
    try:
        return _period_name(value, precision) or _calendar_name(value, precision)
    except (ValueError, IndexError):
        return value


#: What a reader is told beside a date, by where it came from: an event the text gives no time to,
#: told as recent, is placed on the day of the report that tells it (as ICEWS and POLECAT do).
BASIS_NOTES = {"reported": "as reported", "story": "from the story"}


def date_note(basis: str | None) -> str:
    """A short note on how a date was found, for a reader ("as reported"); "" for a date the text gives."""
    return BASIS_NOTES.get(basis or "", "")


def _period_name(value: str, precision: str | None) -> str | None:
    """A week, quarter, season, decade or century in words; None for a year, month or day."""
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        return f"week {int(m[2])} of {m[1]}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{m[2]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{_SEASON_NAMES[m[2]]} {m[1]}"
    if precision == "decade" and re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if precision == "century" and re.fullmatch(r"\d{2}", value):
        return f"the {int(value) * 100}s"
    return None


def _calendar_name(value: str, precision: str | None) -> str:
    """A year, month or day in words ("2022", "August 2022", "14 November 2022")."""
    parts = value.split("-")
    if precision == "year" or len(parts) == 1:
        return parts[0]
    if precision == "month" or len(parts) == 2:
        return f"{_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2][:2])} {_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
