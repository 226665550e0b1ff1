"""Number parsing for tolls: digits, words, vague words, qualifiers."""

import pytest

from strife.numbers import is_number_word, parse_number, parse_quantity, qualifier_of


@pytest.mark.parametrize("text,value", [
    ("19", 19), ("1,200", 1200), ("12,345,678", 12345678), ("four", 4), ("Four", 4),
    ("twenty-one", 21), ("Twenty-one", 21), ("twenty one", 21), ("one hundred and fifty", 150),
    ("three hundred", 300), ("a hundred", 100), ("two thousand", 2000), ("2 million", 2_000_000),
    ("1.5 million", 1_500_000), ("a dozen", 12), ("two dozen", 24), ("dozens", 12),
    ("tens", 10), ("hundreds", 100), ("scores", 20), ("thousands", 1000), ("a", 1), ("an", 1),
    ("one", 1), ("none", 0), ("no one", 0), ("nobody", 0), ("zero", 0),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "rockets", "the", "four rockets", "Resolution", "at least"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text,value,qualifier", [
    ("19", 19, "exact"),
    ("at least 19", 19, "at_least"),
    ("At least three", 3, "at_least"),
    ("more than 1,200", 1200, "more_than"),
    ("over 100", 100, "more_than"),
    ("about 500", 500, "about"),
    ("around 20", 20, "about"),
    ("nearly 30", 30, "about"),
    ("some 40", 40, "about"),
    ("roughly 40", 40, "about"),
    ("approximately 50", 50, "about"),
    ("up to 20", 20, "at_most"),
    ("as many as 40", 40, "at_most"),
    ("fewer than 10", 10, "less_than"),
    ("less than 5", 5, "less_than"),
    ("no more than 7", 7, "at_most"),
    ("dozens", 12, "at_least"),
    ("hundreds", 100, "at_least"),
    ("scores", 20, "at_least"),
    ("tens", 10, "at_least"),
    ("several", 3, "at_least"),
    ("several hundred", 300, "about"),
    ("a dozen", 12, "about"),
    ("at least a dozen", 12, "at_least"),
    ("about a dozen", 12, "about"),
    ("tens of thousands", 10_000, "at_least"),
    ("No one", 0, "exact"),
    ("killing four", 4, "exact"),                       # context before the number is ignored
    ("the strikes left at least 19", 19, "at_least"),
])
def test_parse_quantity(text, value, qualifier):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.qualifier) == (value, qualifier)
    assert q.end == len(text)


def test_quantity_offsets_cover_the_qualifier():
    text = "the strikes left at least 19"
    q = parse_quantity(text)
    assert text[q.start:q.end] == "at least 19"


def test_vague_flag():
    assert parse_quantity("dozens").vague
    assert not parse_quantity("19").vague


@pytest.mark.parametrize("text", ["killing", "the rockets", "at least", ""])
def test_parse_quantity_none_when_no_number_ends_the_text(text):
    assert parse_quantity(text) is None


def test_qualifier_of_and_number_words():
    assert qualifier_of("at least") == "at_least"
    assert qualifier_of("As many as") == "at_most"
    assert qualifier_of("sometimes") is None
    assert is_number_word("dozens") and is_number_word("1,200") and not is_number_word("rockets")
