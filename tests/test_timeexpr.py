"""Tests for strife.timeexpr: the date resolver and the date-expression spotter."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strife.timeexpr import (
    DateResolution,
    find_date_expressions,
    load_date_words,
    resolve_date_expression,
)

MON = date(2019, 12, 30)  # the seed article's publication date, a Monday
FRI = date(2019, 12, 27)  # a Friday
SUN = date(2019, 12, 29)  # a Sunday
MID = date(2019, 6, 12)  # a Wednesday
JAN = date(2020, 1, 3)  # a Friday, early in a year

R = "relative_to_published"
E = "explicit"
d = date

# (expression, published, start, end, precision, basis)
TABLE = [
    # weekdays
    ("on Friday", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("Friday", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("Friday's", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("Friday\u2019s", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("on Sunday", MON, d(2019, 12, 29), d(2019, 12, 29), "day", R),
    ("on Monday", MON, d(2019, 12, 30), d(2019, 12, 30), "day", R),
    ("on Tuesday", MON, d(2019, 12, 24), d(2019, 12, 24), "day", R),
    ("last Friday", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("on Friday", FRI, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("last Friday", FRI, d(2019, 12, 20), d(2019, 12, 20), "day", R),
    ("this past Friday", FRI, d(2019, 12, 20), d(2019, 12, 20), "day", R),
    ("next Friday", MON, d(2020, 1, 3), d(2020, 1, 3), "day", R),
    ("next Friday", FRI, d(2020, 1, 3), d(2020, 1, 3), "day", R),
    ("Friday night", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("early on Friday", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("late Saturday", MON, d(2019, 12, 28), d(2019, 12, 28), "day", R),
    ("Wednesday", JAN, d(2020, 1, 1), d(2020, 1, 1), "day", R),
    ("on Sunday", JAN, d(2019, 12, 29), d(2019, 12, 29), "day", R),
    # days
    ("today", MON, MON, MON, "day", R),
    ("this morning", MON, MON, MON, "day", R),
    ("yesterday", MON, d(2019, 12, 29), d(2019, 12, 29), "day", R),
    ("Yesterday morning", MON, d(2019, 12, 29), d(2019, 12, 29), "day", R),
    ("the day before yesterday", MON, d(2019, 12, 28), d(2019, 12, 28), "day", R),
    ("yesterday", JAN, d(2020, 1, 2), d(2020, 1, 2), "day", R),
    ("tomorrow", MON, d(2019, 12, 31), d(2019, 12, 31), "day", R),
    # nights straddle two days
    ("last night", MON, d(2019, 12, 29), d(2019, 12, 30), "day", R),
    ("overnight", MON, d(2019, 12, 29), d(2019, 12, 30), "day", R),
    ("Overnight", JAN, d(2020, 1, 2), d(2020, 1, 3), "day", R),
    ("late last night", MON, d(2019, 12, 29), d(2019, 12, 30), "day", R),
    # weeks and weekends
    ("last week", MON, d(2019, 12, 23), d(2019, 12, 29), "week", R),
    ("last week", SUN, d(2019, 12, 16), d(2019, 12, 22), "week", R),
    ("last week", MID, d(2019, 6, 3), d(2019, 6, 9), "week", R),
    ("this week", MID, d(2019, 6, 10), d(2019, 6, 12), "week", R),
    ("earlier this week", MID, d(2019, 6, 10), d(2019, 6, 11), "week", R),
    ("earlier in the week", MID, d(2019, 6, 10), d(2019, 6, 11), "week", R),
    ("next week", MID, d(2019, 6, 17), d(2019, 6, 23), "week", R),
    ("the past week", MON, d(2019, 12, 23), MON, "week", R),
    ("over the weekend", MON, d(2019, 12, 28), d(2019, 12, 29), "day", R),
    ("last weekend", MON, d(2019, 12, 28), d(2019, 12, 29), "day", R),
    ("this weekend", SUN, d(2019, 12, 28), d(2019, 12, 29), "day", R),
    ("last weekend", SUN, d(2019, 12, 21), d(2019, 12, 22), "day", R),
    # months
    ("earlier this month", MON, d(2019, 12, 1), d(2019, 12, 29), "month", R),
    ("this month", MID, d(2019, 6, 1), MID, "month", R),
    ("last month", MON, d(2019, 11, 1), d(2019, 11, 30), "month", R),
    ("last month", JAN, d(2019, 12, 1), d(2019, 12, 31), "month", R),
    ("late last month", MID, d(2019, 5, 21), d(2019, 5, 31), "month", R),
    ("in April", MON, d(2019, 4, 1), d(2019, 4, 30), "month", R),
    ("In April", MID, d(2019, 4, 1), d(2019, 4, 30), "month", R),
    ("in June", MID, d(2019, 6, 1), d(2019, 6, 30), "month", R),
    ("in July", MID, d(2018, 7, 1), d(2018, 7, 31), "month", R),
    ("in November", MON, d(2019, 11, 1), d(2019, 11, 30), "month", R),
    ("in December", JAN, d(2019, 12, 1), d(2019, 12, 31), "month", R),
    ("late December", MON, d(2019, 12, 21), d(2019, 12, 31), "month", R),
    ("May last year", MON, d(2018, 5, 1), d(2018, 5, 31), "month", R),
    ("in December last year", JAN, d(2019, 12, 1), d(2019, 12, 31), "month", R),
    ("early March this year", MID, d(2019, 3, 1), d(2019, 3, 10), "month", R),
    ("late December", JAN, d(2019, 12, 21), d(2019, 12, 31), "month", R),
    ("early March", MON, d(2019, 3, 1), d(2019, 3, 10), "month", R),
    ("mid-February", MON, d(2019, 2, 11), d(2019, 2, 20), "month", R),
    ("the end of February", MON, d(2019, 2, 21), d(2019, 2, 28), "month", R),
    ("last December", MON, d(2018, 12, 1), d(2018, 12, 31), "month", R),
    ("last April", MON, d(2019, 4, 1), d(2019, 4, 30), "month", R),
    ("next March", MON, d(2020, 3, 1), d(2020, 3, 31), "month", R),
    ("November 2018", MON, d(2018, 11, 1), d(2018, 11, 30), "month", E),
    ("late December 2019", None, d(2019, 12, 21), d(2019, 12, 31), "month", E),
    # years
    ("this year", MON, d(2019, 1, 1), MON, "year", R),
    ("earlier this year", MON, d(2019, 1, 1), d(2019, 12, 29), "year", R),
    ("last year", MON, d(2018, 1, 1), d(2018, 12, 31), "year", R),
    ("late last year", JAN, d(2019, 9, 1), d(2019, 12, 31), "year", R),
    ("in 2019", MON, d(2019, 1, 1), d(2019, 12, 31), "year", E),
    ("in 2014", None, d(2014, 1, 1), d(2014, 12, 31), "year", E),
    ("early 2018", None, d(2018, 1, 1), d(2018, 4, 30), "year", E),
    ("the 1990s", None, d(1990, 1, 1), d(1999, 12, 31), "year", E),
    ("since 2014", MON, d(2014, 1, 1), MON, "year", E),
    # explicit days
    ("Dec. 27", MON, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("December 27", MON, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("December 27th", MON, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("27 December", MON, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("the 27th of December", MON, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("Friday, Dec. 27", MON, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("27 December 2019", None, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("Dec 27, 2019", None, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("Dec. 27, 2019", None, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("Sept. 11, 2001", None, d(2001, 9, 11), d(2001, 9, 11), "day", E),
    ("2019-12-27", None, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("on 2019-12-27", MON, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("27/12/2019", None, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("12/27/2019", None, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("Dec. 31", MON, d(2018, 12, 31), d(2018, 12, 31), "day", E),  # a year-less date is on/before publication
    ("Jan. 2", JAN, d(2020, 1, 2), d(2020, 1, 2), "day", E),
    ("Dec. 27", JAN, d(2019, 12, 27), d(2019, 12, 27), "day", E),
    ("Christmas Day", JAN, d(2019, 12, 25), d(2019, 12, 25), "day", E),
    ("the 27th", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("the 30th", JAN, d(2019, 12, 30), d(2019, 12, 30), "day", R),
    # day lists and ranges
    ("on Dec. 27 and 28", MON, d(2019, 12, 27), d(2019, 12, 28), "day", E),
    ("Dec. 27-29", MON, d(2019, 12, 27), d(2019, 12, 29), "day", E),
    ("Dec. 27\u201329, 2019", None, d(2019, 12, 27), d(2019, 12, 29), "day", E),
    ("27 and 28 December 2019", None, d(2019, 12, 27), d(2019, 12, 28), "day", E),
    ("December 26, 27 and 28", MON, d(2019, 12, 26), d(2019, 12, 28), "day", E),
    ("between Dec. 20 and Dec. 22", MON, d(2019, 12, 20), d(2019, 12, 22), "day", E),
    ("from Dec. 30 to Jan. 2", JAN, d(2019, 12, 30), d(2020, 1, 2), "day", E),
    ("Friday and Saturday", MON, d(2019, 12, 27), d(2019, 12, 28), "day", R),
    # "ago" and "the past N"
    ("three days ago", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("3 days ago", MON, d(2019, 12, 27), d(2019, 12, 27), "day", R),
    ("a week ago", MON, d(2019, 12, 23), d(2019, 12, 29), "week", R),
    ("two weeks ago", MON, d(2019, 12, 16), d(2019, 12, 22), "week", R),
    ("two months ago", MON, d(2019, 10, 1), d(2019, 10, 31), "month", R),
    ("two years ago", MON, d(2017, 1, 1), d(2017, 12, 31), "year", R),
    ("a few days ago", MON, d(2019, 12, 25), d(2019, 12, 28), "week", R),
    ("just days ago", MON, d(2019, 12, 25), d(2019, 12, 28), "week", R),
    ("48 hours ago", MON, d(2019, 12, 28), MON, "day", R),
    ("the past 24 hours", MON, d(2019, 12, 29), MON, "day", R),
    ("the past three days", MON, d(2019, 12, 27), MON, "week", R),
    ("in recent days", MON, d(2019, 12, 23), MON, "week", R),
    # a part of the day the date is told by
    ("on the night of Dec. 27-28", MON, d(2019, 12, 27), d(2019, 12, 28), "day", "explicit"),
    ("in the early hours of Saturday", MON, d(2019, 12, 28), d(2019, 12, 28), "day", R),
    ("the morning of December 27", MON, d(2019, 12, 27), d(2019, 12, 27), "day", "explicit"),
]


@pytest.mark.parametrize("text,published,start,end,precision,basis", TABLE, ids=[f"{t[0]}@{t[1]}" for t in TABLE])
def test_resolution_table(text, published, start, end, precision, basis):
    assert resolve_date_expression(text, published) == DateResolution(start, end, precision, basis)


RELATIVE = [
    ("on Friday", "day"), ("yesterday", "day"), ("last night", "day"), ("overnight", "day"),
    ("last week", "week"), ("this week", "week"), ("earlier this month", "month"), ("in April", "month"),
    ("late December", "month"), ("last year", "year"), ("two weeks ago", "week"), ("Dec. 27", "day"),
    ("the 27th", "day"), ("on Dec. 27 and 28", "day"), ("over the weekend", "day"),
]


@pytest.mark.parametrize("text,precision", RELATIVE)
def test_no_publication_date_means_unresolved(text, precision):
    assert resolve_date_expression(text, None) == DateResolution(None, None, precision, "unresolved")


@pytest.mark.parametrize("text", ["the next day", "that night", "the following week", "the previous day"])
def test_anaphoric_expressions_are_recognised_but_unresolved(text):
    result = resolve_date_expression(text, MON)
    assert result is not None and result.basis == "unresolved" and not result.resolved


@pytest.mark.parametrize("text", [
    "30 minutes", "three years old", "for decades", "a 25-year-old", "three years", "decades",
    "03/04/2019",  # day and month could be swapped
    "31/02/2019", "Feb. 30, 2019", "the rockets", "", "   ", "5 p.m.", "the 45th", "Baghdad",
])
def test_unparseable_gives_none(text):
    assert resolve_date_expression(text, MON) is None


def test_published_datetime_is_taken_as_its_date():
    assert resolve_date_expression("yesterday", datetime(2019, 12, 30, 23, 59)) == \
        DateResolution(d(2019, 12, 29), d(2019, 12, 29), "day", R)


def test_bad_published_type_raises():
    with pytest.raises(TypeError, match="published"):
        resolve_date_expression("yesterday", "2019-12-30")  # type: ignore[arg-type]


def test_resolution_validates_itself():
    with pytest.raises(ValueError, match="precision"):
        DateResolution(None, None, "decade", "unresolved")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="starts after"):
        DateResolution(d(2019, 12, 2), d(2019, 12, 1), "day", E)
    with pytest.raises(ValueError, match="unresolved"):
        DateResolution(d(2019, 12, 2), None, "day", "unresolved")


def test_vocabulary_is_data():
    words = load_date_words()
    assert words.months["dec"] == 12 and words.weekdays["friday"] == 4
    assert "last night" in words.night_ranges


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_latest_on_or_before_publication(published, weekday):
    result = resolve_date_expression(f"on {weekday}", published)
    assert result.start == result.end
    assert published - timedelta(days=6) <= result.start <= published
    assert result.start.strftime("%A") == weekday


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
       st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_year_less_dates_fall_within_the_year_before_publication(published, month, day):
    result = resolve_date_expression(f"{date(2000, month, 1):%B} {day}", published)
    assert result.basis == "explicit"
    assert published - timedelta(days=366) < result.start <= published
    assert (result.start.month, result.start.day) == (month, day)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
def test_last_week_is_the_previous_monday_to_sunday(published):
    result = resolve_date_expression("last week", published)
    assert result.start.weekday() == 0 and result.end - result.start == timedelta(days=6)
    assert result.end < published and published - result.end <= timedelta(days=7)


# --------------------------------------------------------------------------------------------
# find_date_expressions


def spotted(text):
    return [text[s:e] for s, e in find_date_expressions(text)]


@pytest.mark.parametrize("text,expected", [
    ("Gunmen attacked the base on Friday, killing three.", ["Friday"]),
    ("He condemned Friday\u2019s rocket attack.", ["Friday"]),
    ("A contractor was killed last week.", ["last week"]),
    ("Rebels shelled the town on Dec. 27 and 28 near the border.", ["Dec. 27 and 28"]),
    ("The strikes on 27 December 2019 and on 2019-12-27 were separate.", ["27 December 2019", "2019-12-27"]),
    ("She resigned in November amid protests.", ["November"]),
    ("The group was designated in April 2019.", ["April 2019"]),
    ("Overnight, militants stormed a village. Late last night, police arrived.", ["Overnight", "Late last night"]),
    ("Earlier this month, two weeks ago and the day before yesterday.",
     ["Earlier this month", "two weeks ago", "the day before yesterday"]),
    ("The militia has fought since 2014 and in the 1990s.", ["2014", "the 1990s"]),
    ("Fighting in late December and early March.", ["late December", "early March"]),
    ("It was bombed on the 27th.", ["the 27th"]),
    ("Shelling over the weekend and in recent days.", ["the weekend", "recent days"]),
])
def test_spotting(text, expected):
    assert spotted(text) == expected


@pytest.mark.parametrize("text", [
    "He said they may march on the capital.",        # lower-case "may", "march" are verbs
    "The 3rd Brigade held the line.",               # an ordinal that names a unit
    "Rockets hit 2000 homes in 2000 homes.",        # a count, not a year
    "They fought for 30 minutes.",                  # a duration
    "Fridays are quiet in the market.",
])
def test_spotting_ignores_non_dates(text):
    assert spotted(text) == []


def test_spans_are_offsets_into_the_text():
    text = "On Sunday the minister said Friday\u2019s attack killed one."
    spans = find_date_expressions(text)
    assert spans == [(3, 9), (28, 34)]
    assert all(resolve_date_expression(text[s:e], MON) is not None for s, e in spans)
