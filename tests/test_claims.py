"""Numeric claims and the number parser, on news-style sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from hornbill.claims import parse_number
from hornbill.model import Claim

Annotate = Callable[..., Doc]


def claims_of(annotate: Annotate, text: str) -> list[Claim]:
    claims: list[Claim] = annotate(text)._.claims
    return claims


def summary(claims: list[Claim]) -> list[tuple[float, str, str | None]]:
    return [(c.value, c.unit, c.qualifier) for c in claims]


# --- parse_number (pure) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13,000", (13000.0, None)),
        ("13 000", (13000.0, None)),
        ("over 15,000", (15000.0, "over")),
        ("an estimated 1.2 billion", (1.2e9, "about")),
        ("$3bn", (3e9, None)),
        ("some 1,000", (1000.0, "about")),
        ("nearly 40%", (40.0, "under")),
        ("at least twenty-five", (25.0, "at least")),
        ("as many as 300", (300.0, "up to")),
        ("More than three million", (3e6, "over")),
    ],
)
def test_parse_number(text: str, expected: tuple[float, str | None]) -> None:
    assert parse_number(text) == expected


def test_parse_number_without_a_number() -> None:
    assert parse_number("no figures were given") is None


@given(st.integers(min_value=0, max_value=10**15))
def test_comma_grouped_integers_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == (float(n), None)


@given(st.integers(min_value=0, max_value=10**15))
def test_space_grouped_integers_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}".replace(",", " ")) == (float(n), None)


@given(
    st.integers(min_value=1, max_value=10**9), st.sampled_from(["about", "more than", "up to", "at least"])
)
def test_hedged_integers_round_trip(n: int, hedge: str) -> None:
    result = parse_number(f"{hedge} {n:,} people")
    assert result is not None and result[0] == float(n)


@given(st.text())
def test_parse_number_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or isinstance(result[0], float)


# --- claims in sentences ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 2,500 troops are deployed in the north of the country.", (2500.0, "troops", "about")),
        ("Wagner is thought to have some 1,500 fighters in Libya.", (1500.0, "fighters", "about")),
        ("An estimated 40,000 refugees crossed into Chad in June.", (40000.0, "refugees", "about")),
        ("More than 300 civilians were killed in the shelling.", (300.0, "civilians killed", "over")),
        ("Nearly 600 soldiers remain at the base near Gao.", (600.0, "soldiers", "under")),
        ("At least 12 people died when the bridge collapsed.", (12.0, "people killed", "at least")),
        ("Up to 5,000 personnel could be sent to the region.", (5000.0, "personnel", "up to")),
        ("The mission employs 13 000 staff across the country.", (13000.0, "staff", None)),
        ("Three top army officials were placed under sanctions.", (3.0, "officials", None)),
        ("A total of 62 aid workers have died in the conflict.", (62.0, "aid workers killed", None)),
        ("Rebels abducted 40 students from a school in Kebbi.", (40.0, "students abducted", None)),
    ],
)
def test_counts_with_each_qualifier(
    annotate: Annotate, text: str, expected: tuple[float, str, str | None]
) -> None:
    assert summary(claims_of(annotate, text)) == [expected]


def test_money_per_year_in_symbols_and_words(annotate: Annotate) -> None:
    claims = claims_of(
        annotate,
        "The operation costs $850 million a year, while the older mission cost an estimated "
        "1.2 billion US dollars a year.",
    )
    assert summary(claims) == [(8.5e8, "USD per year", None), (1.2e9, "USD per year", "about")]
    assert all("annual cost" in c.subject for c in claims)


def test_euro_amount(annotate: Annotate) -> None:
    claims = claims_of(annotate, "The European Union pledged €50 million in humanitarian aid to Sudan.")
    assert summary(claims) == [(5e7, "EUR", None)]
    assert "aid" in claims[0].subject


def test_percentage(annotate: Annotate) -> None:
    claims = claims_of(annotate, "Voter turnout was 38 per cent, the electoral commission said.")
    assert summary(claims) == [(38.0, "percent", None)]
    assert "turnout" in claims[0].subject


def test_range_end_takes_the_unit_of_its_start(annotate: Annotate) -> None:
    claims = claims_of(annotate, "Sweden cut its contingent from 400 soldiers to 250.")
    assert summary(claims) == [(400.0, "soldiers", None), (250.0, "soldiers", None)]


def test_index_level_after_a_percentage_is_not_a_percentage(annotate: Annotate) -> None:
    claims = claims_of(annotate, "The Nikkei index fell by 3.2% to 31,450 on Friday.")
    assert summary(claims) == [(3.2, "percent", None)]


def test_abbreviated_scale_with_a_space(annotate: Annotate) -> None:
    claims = claims_of(annotate, "Ghana agreed a US$3 bn loan with the International Monetary Fund.")
    assert summary(claims) == [(3e9, "USD", None)]
    assert claims[0].subject.endswith("loan")


def test_death_toll_anchors_a_bare_number(annotate: Annotate) -> None:
    assert summary(claims_of(annotate, "The death toll from the floods rose to 87 on Sunday.")) == [
        (87.0, "deaths", None)
    ]


def test_subject_names_the_actor_in_the_sentence(annotate: Annotate) -> None:
    claims = claims_of(annotate, "Kenya has sent about 400 police officers to Haiti.")
    assert summary(claims) == [(400.0, "police officers", "about")]
    assert "Kenya" in claims[0].subject
    assert claims[0].subject.endswith("police officers")
    assert claims[0].evidence.sentence == "Kenya has sent about 400 police officers to Haiti."


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, the government signed a new agreement with the rebels.",
        "The attack took place on 12 March 2021 near the border.",
        "The resolution was adopted by a 13-2 vote, with no abstentions.",
        "Parliament passed the bill 541-103 after a long debate.",
        "The video, 02:12 long, shows the convoy leaving the base.",
        "A 45-year-old man was arrested after the protest.",
        "The suspect, aged 45, was released on bail.",
        "Resolution 2719 was debated at the G20 summit.",
        "The 3rd battalion moved north in the spring.",
        "Hundreds of people gathered in the square.",
        "The talks will continue next week, two diplomats said.",
    ],
)
def test_numbers_that_are_not_claims(annotate: Annotate, text: str) -> None:
    assert claims_of(annotate, text) == []


def test_a_claim_knows_where_and_when_its_figure_holds(annotate: Annotate) -> None:
    (claim,) = claims_of(annotate, "Kenya kept about 900 police officers in Somalia in 2019.")
    assert (claim.place, claim.period) == ("Somalia", "2019")
    (claim,) = claims_of(annotate, "The force, created in 2007, has some 3,000 soldiers across the Horn of Africa.")
    assert claim.period is None  # 2007 dates the creation, not the figure
    (claim,) = claims_of(annotate, "The rebels freed 40 hostages, the army said.")
    assert (claim.place, claim.period) == (None, None)
