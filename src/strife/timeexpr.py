"""Resolve the date expressions news reports use against the article's publication date.

Pure functions, no spaCy.  The vocabulary (month and weekday names, relative words, parts of a
month, holidays ...) is data, in ``strife/data/date_words.json``.

Rules (what the resolver returns; every result is a range ``[start, end]`` with a precision):

* Weekdays: "Friday", "on Friday", "Friday's" = the latest Friday on or before publication;
  "last Friday" = the same, but strictly before publication when publication is itself a Friday;
  "next Friday" = the first Friday after publication.  Precision ``day``.
* "today", "yesterday", "the day before yesterday", "tomorrow": single days.
* "last night", "overnight": the two days the night straddles (publication day and the day before).
* "this week": Monday of the publication week .. publication; "earlier this week": Monday .. the day
  before publication; "last week": the previous Monday .. Sunday; "the past week": publication - 7 ..
  publication.  Precision ``week``.  "the weekend" / "last weekend": the latest Saturday-Sunday
  (precision ``day``, two days).
* "this month" / "earlier this month" / "last month", "this year" / "last year" likewise (precision
  ``month`` / ``year``).
* Months without a year ("in April") = that month in the publication year if it does not start after
  publication, else the previous year; "last April" = the latest April before the publication month.
  "early/mid/late April", "the end of April": days 1-10 / 11-20 / 21-end, still precision ``month``.
* Explicit dates ("Dec. 27", "27 December 2019", "2019-12-27", "27/12/2019" where day and month cannot
  be swapped, "the 27th"): a missing year is the one that puts the date on or before publication.
  Day lists and ranges ("Dec. 27 and 28", "Dec. 27-29", "between Dec. 27 and Dec. 29") give a range.
* "N days/weeks/months/years ago": the day, the Monday-Sunday week, the month or the year that lies N
  units before publication.  "the past N days" / "in recent days": a range ending at publication.
* "since X": from the start of X to publication.
* Anaphoric expressions ("the next day", "that night") name a day relative to another event, not to
  publication: they are recognised but come back ``unresolved``.

Anything relative to publication, when no publication date is known, comes back as
``DateResolution(None, None, precision, "unresolved")`` - it is never resolved against today.
Text that is not a date expression at all (durations such as "30 minutes", ages) gives ``None``.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable, Literal, Optional

Precision = Literal["day", "week", "month", "year"]
Basis = Literal["explicit", "relative_to_published", "unresolved"]

PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")  # finest first
BASES: tuple[str, ...] = ("explicit", "relative_to_published", "unresolved")

DATE_WORDS_PATH = Path(__file__).parent / "data" / "date_words.json"


@dataclass(frozen=True)
class DateResolution:
    """A resolved date: the range ``[start, end]`` (both inclusive), its precision and its basis."""

    start: Optional[date]
    end: Optional[date]
    precision: Precision
    basis: Basis

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {self.precision!r}")
        if self.basis not in BASES:
            raise ValueError(f"basis must be one of {BASES}, not {self.basis!r}")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"date range starts after it ends: {self.start} > {self.end}")
        if self.basis == "unresolved" and (self.start is not None or self.end is not None):
            raise ValueError("an unresolved date has neither start nor end")

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per loaded file
class DateWords:
    """The vocabulary of date expressions, read from ``date_words.json``."""

    months: dict[str, int]
    weekdays: dict[str, int]
    day_parts: tuple[str, ...]
    units: dict[str, str]
    number_words: dict[str, int]
    ordinal_words: dict[str, int]
    vague_counts: dict[str, tuple[int, int]]
    day_offsets: dict[str, int]
    night_ranges: dict[str, tuple[int, int]]
    anaphoric: frozenset[str]
    anaphoric_day_offsets: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    holidays: dict[str, tuple[int, int]]
    leading_prepositions: tuple[str, ...]
    hedges: tuple[str, ...]
    mention_prepositions: tuple[str, ...]


def _table(raw: dict, key: str) -> dict:
    if key not in raw:
        raise ValueError(f"date words file lacks the {key!r} table")
    return {k: v for k, v in raw[key].items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def weekday_names() -> frozenset[str]:
    """The weekdays' full names in the date vocabulary ("monday" ... "sunday", not "mon" or "sat")."""
    return frozenset(k for k in load_date_words().weekdays if len(k) >= 6)


@lru_cache(maxsize=4)
def load_date_words(path: Path = DATE_WORDS_PATH) -> DateWords:
    """Read the date vocabulary (cached)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"date words file not found: {path}") from exc
    pairs = lambda key: {k: (int(v[0]), int(v[1])) for k, v in _table(raw, key).items()}  # noqa: E731
    return DateWords(
        months={k: int(v) for k, v in _table(raw, "months").items()},
        weekdays={k: int(v) for k, v in _table(raw, "weekdays").items()},
        day_parts=tuple(raw["day_parts"]),
        units=dict(_table(raw, "units")),
        number_words={k: int(v) for k, v in _table(raw, "number_words").items()},
        ordinal_words={k: int(v) for k, v in _table(raw, "ordinal_words").items()},
        vague_counts=pairs("vague_counts"),
        day_offsets={k: int(v) for k, v in _table(raw, "day_offsets").items()},
        night_ranges=pairs("night_ranges"),
        anaphoric=frozenset(raw["anaphoric"]),
        anaphoric_day_offsets={k: int(v) for k, v in _table(raw, "anaphoric_day_offsets").items()},
        month_parts=pairs("month_parts"),
        year_parts=pairs("year_parts"),
        holidays=pairs("holidays"),
        leading_prepositions=tuple(raw["leading_prepositions"]),
        hedges=tuple(raw["hedges"]),
        mention_prepositions=tuple(raw["mention_prepositions"]),
    )


# --------------------------------------------------------------------------------------------
# calendar helpers


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_of(d: date) -> tuple[date, date]:
    start = _monday(d)
    return start, start + timedelta(days=6)


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_slice(year: int, month: int, part: Optional[tuple[int, int]]) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = part if part else (1, last)
    return date(year, month, min(first_day, last)), date(year, month, min(last_day, last))


def _year_slice(year: int, part: Optional[tuple[int, int]]) -> tuple[date, date]:
    first_month, last_month = part if part else (1, 12)
    return date(year, first_month, 1), _month_end(year, last_month)


def _coarser(a: str, b: str) -> Precision:
    return PRECISIONS[max(PRECISIONS.index(a), PRECISIONS.index(b))]  # type: ignore[return-value]


# --------------------------------------------------------------------------------------------
# normalisation


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=4)
def _strip_pattern(words: DateWords) -> "re.Pattern[str]":
    """Leading prepositions and hedges ("on", "about"), and a part of the day the date is told by ("the
    night of June 8-9", "the early hours of Sunday"), one at a time (built once per word set)."""
    return re.compile(rf"^(?:(?:{_alt(words.leading_prepositions + words.hedges)}) |(?:the )?(?:{_alt(words.day_parts)}) of )(?=\S)")


def _normalise(text: str, words: DateWords) -> str:
    s = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = s.lower()
    s = re.sub(r"[()\[\]\"\u201c\u201d]", " ", s)
    s = re.sub(r"\b([a-z]{2,5})\.(?=\s|,|$)", r"\1", s)  # "dec." -> "dec"
    s = re.sub(r"\bmid-(?=[a-z])", "mid ", s)
    s = re.sub(r"\s*,\s*", ", ", s)
    s = re.sub(r"\s+", " ", s).strip(" ,.;:!?")
    s = re.sub(r"'s$|s'$", "", s).strip()
    s = re.sub(r"^(?:early|late|earlier|later) on (?=\w)", lambda m: m.group(0).split()[0] + " ", s)
    strip = _strip_pattern(words)
    previous = None
    while previous != s:
        previous = s
        s = strip.sub("", s)
    return s


# --------------------------------------------------------------------------------------------
# the resolver


@dataclass(frozen=True)
class _Ctx:
    words: DateWords
    published: Optional[date]


def _unresolved(precision: Precision) -> DateResolution:
    return DateResolution(None, None, precision, "unresolved")


def _relative(ctx: _Ctx, precision: Precision, compute: Callable[[date], tuple[date, date]]) -> DateResolution:
    if ctx.published is None:
        return _unresolved(precision)
    start, end = compute(ctx.published)
    return DateResolution(start, end, precision, "relative_to_published")


def _explicit(start: date, end: date, precision: Precision) -> DateResolution:
    return DateResolution(start, end, precision, "explicit")


class _Patterns:
    """Regular expressions (over normalised text) built once from the vocabulary."""

    def __init__(self, w: DateWords) -> None:
        month = _alt(w.months)
        weekday = _alt(w.weekdays)
        daypart = _alt(w.day_parts)
        ordinal = _alt(w.ordinal_words)
        count = rf"\d+|{_alt(w.number_words)}|{_alt(w.vague_counts)}"
        day = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{ordinal})"
        year = r"(?:1[89]\d\d|2\d\d\d)"
        wd_prefix = rf"(?:(?:{weekday}),? )?(?:the )?"
        day_list = rf"{day}(?:(?:, and |, | and | to | through | until | till | or |-){day})+"
        tail = rf"(?: (?:{daypart}))?"
        mpart = _alt(w.month_parts)
        ypart = _alt(w.year_parts)
        self.day_token = re.compile(rf"\d{{1,2}}(?=st|nd|rd|th|\b)|{ordinal}")
        self.iso = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
        self.numeric = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
        self.month_days = re.compile(
            rf"{wd_prefix}(?P<m>{month}) (?P<days>{day_list})(?:,? (?P<y>{year}))?{tail}")
        self.days_month = re.compile(
            rf"{wd_prefix}(?P<days>{day_list}) (?:of )?(?P<m>{month})(?:,? (?P<y>{year}))?{tail}")
        self.mdy = re.compile(rf"{wd_prefix}(?P<m>{month}) (?P<d>{day})(?:,? (?P<y>{year}))?{tail}")
        self.dmy = re.compile(rf"{wd_prefix}(?P<d>{day}) (?:of )?(?P<m>{month})(?:,? (?P<y>{year}))?{tail}")
        self.month_year = re.compile(rf"(?:(?P<part>{mpart}) )?(?P<m>{month}),? (?:of )?(?P<y>{year})")
        self.month_rel_year = re.compile(
            rf"(?:(?P<part>{mpart}) )?(?P<m>{month}),? (?:of )?(?P<rel>last|this|next) year")
        self.month = re.compile(
            rf"(?:(?P<part>{mpart}) )?(?:(?P<rel>this past|last|past|this|next|earlier in|later in) )?(?P<m>{month})")
        self.holiday = re.compile(rf"(?P<h>{_alt(w.holidays)})(?:,? (?P<y>{year}))?")
        self.year = re.compile(rf"(?:(?P<part>{ypart}) )?(?:the year )?(?P<y>{year})")
        self.decade = re.compile(r"(?:the )?(?:(?P<part>early|mid|late) )?(?P<d>1[89]\d0|2\d\d0)'?s")
        self.ordinal = re.compile(rf"(?:the )?(?P<d>\d{{1,2}}(?:st|nd|rd|th)|the (?:{ordinal}))(?: of (?:the|this) month)?")
        self.weekday = re.compile(
            rf"(?:(?P<mod>early|late|earlier|later) )?(?:(?P<rel>this past|last|past|this|next) )?"
            rf"(?P<wd>{weekday})(?: (?:{daypart}))?")
        self.day_offset = re.compile(
            rf"(?:(?:early|late|earlier|later) )?(?P<k>{_alt(w.day_offsets)})(?: (?:{daypart}))?")
        self.night = re.compile(rf"(?:(?:early|late) )?(?P<k>{_alt(w.night_ranges)})")
        self.unit_rel = re.compile(
            r"(?:(?P<mod>earlier|later|early|late|mid) )?"
            r"(?P<rel>this past|the past|the last|this|last|past|next|the coming|coming)? ?"
            r"(?P<unit>weekend|week|month|year)")
        self.in_the = re.compile(r"(?P<mod>earlier|later|early|late) in the (?P<unit>week|month|year)")
        self.weekend = re.compile(r"(?:the|this past|this|last|next) weekend|the weekend")
        self.ago = re.compile(rf"(?:(?P<n>{count}) )?(?P<unit>{_alt(w.units)}) ago")
        self.past_n = re.compile(
            rf"(?:the )?(?:past|last|previous|recent) (?P<n>{count}) (?P<unit>{_alt(w.units)})"
            rf"|(?P<vague>recent|the past few|the last few) (?P<vunit>{_alt(w.units)})")
        self.since = re.compile(r"(?:ever )?since (?P<x>.+)")
        self.between = re.compile(r"between (?P<a>.+?) and (?P<b>.+)")
        self.from_to = re.compile(r"from (?P<a>.+?) (?:to|until|till|through) (?P<b>.+)")
        self.connector = re.compile(r" (?:and|to|through|until|till|or) |-")


@lru_cache(maxsize=4)
def _patterns(words: DateWords) -> _Patterns:
    return _Patterns(words)


def _count(token: Optional[str], words: DateWords) -> tuple[int, int]:
    """A count of units: exact (n, n) or vague (fewest, most)."""
    if token is None:
        return words.vague_counts["a few"]
    if token.isdigit():
        return int(token), int(token)
    if token in words.number_words:
        n = words.number_words[token]
        return n, n
    return words.vague_counts[token]


def _day_value(token: str, words: DateWords) -> int:
    token = token.removeprefix("the ").strip()
    if token in words.ordinal_words:
        return words.ordinal_words[token]
    return int(re.match(r"\d+", token).group(0))  # type: ignore[union-attr]


def _two_digit_year(y: int) -> int:
    return 2000 + y if y < 50 else 1900 + y


def _infer_year(month: int, day: int, published: date) -> Optional[date]:
    """The latest date with this month and day on or before publication (within ~a year; Feb 29 aside)."""
    for year in range(published.year, published.year - 8, -1):
        d = _safe_date(year, month, day)
        if d is not None and d <= published:
            return d
    return None


def _day_span(ctx: _Ctx, month: int, first: int, last: int, year: Optional[str]) -> Optional[DateResolution]:
    if not (1 <= first <= 31 and 1 <= last <= 31) or first > last:
        return None
    if year is not None:
        start, end = _safe_date(int(year), month, first), _safe_date(int(year), month, last)
        if start is None or end is None:
            return None
        return _explicit(start, end, "day")
    if ctx.published is None:
        if _safe_date(2000, month, last) is None:  # 2000 is a leap year: any real day fits
            return None
        return _unresolved("day")
    end = _infer_year(month, last, ctx.published)
    if end is None:
        return None
    start = _safe_date(end.year, month, first)
    if start is None:
        return None
    return _explicit(start, end, "day")


def _explicit_day_forms(s: str, ctx: _Ctx, p: _Patterns) -> Optional[DateResolution]:
    w = ctx.words
    m = p.iso.fullmatch(s)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _explicit(d, d, "day") if d else None
    m = p.numeric.fullmatch(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = _two_digit_year(y) if len(m.group(3)) == 2 else y
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        elif a == b:
            day = month = a
        else:
            return None  # 03/04/2019: day and month could be swapped
        d = _safe_date(y, month, day)
        return _explicit(d, d, "day") if d else None
    for pattern in (p.month_days, p.days_month):
        m = pattern.fullmatch(s)
        if m:
            days = [_day_value(t, w) for t in p.day_token.findall(m.group("days"))]
            return _day_span(ctx, w.months[m.group("m")], min(days), max(days), m.group("y"))
    for pattern in (p.mdy, p.dmy):
        m = pattern.fullmatch(s)
        if m:
            d = _day_value(m.group("d"), w)
            return _day_span(ctx, w.months[m.group("m")], d, d, m.group("y"))
    m = p.holiday.fullmatch(s)
    if m:
        month, day = w.holidays[m.group("h")]
        return _day_span(ctx, month, day, day, m.group("y"))
    m = p.ordinal.fullmatch(s)
    if m:
        day = _day_value(m.group("d"), w)
        if not 1 <= day <= 31:
            return None

        def nth_of_month(pub: date) -> tuple[date, date]:
            year, month = pub.year, pub.month
            for _ in range(3):  # this month if on/before publication, else the latest month that has it
                d = _safe_date(year, month, day)
                if d is not None and d <= pub:
                    return d, d
                year, month = _add_months(year, month, -1)
            raise ValueError(f"no month before {pub} has a day {day}")

        return _relative(ctx, "day", nth_of_month)
    return None


def _month_and_year_forms(s: str, ctx: _Ctx, p: _Patterns) -> Optional[DateResolution]:
    w = ctx.words
    m = p.month_year.fullmatch(s)
    if m:
        part = w.month_parts.get(m.group("part") or "")
        start, end = _month_slice(int(m.group("y")), w.months[m.group("m")], part)
        return _explicit(start, end, "month")
    m = p.month_rel_year.fullmatch(s)
    if m:  # "May last year", "in March this year"
        month, part = w.months[m.group("m")], w.month_parts.get(m.group("part") or "")
        shift = {"last": -1, "this": 0, "next": 1}[m.group("rel")]
        return _relative(ctx, "month", lambda pub: _month_slice(pub.year + shift, month, part))
    m = p.month.fullmatch(s)
    if m:
        month = w.months[m.group("m")]
        part = w.month_parts.get(m.group("part") or "")
        rel = m.group("rel")

        def which(pub: date) -> tuple[date, date]:
            if rel in ("last", "past", "this past"):
                year = pub.year if month < pub.month else pub.year - 1
            elif rel == "next":
                year = pub.year if month > pub.month else pub.year + 1
            elif rel == "this":
                year = pub.year
            else:  # "in April", "April", "earlier in April": not after publication
                year = pub.year if month <= pub.month else pub.year - 1
            return _month_slice(year, month, part)

        return _relative(ctx, "month", which)
    m = p.year.fullmatch(s)
    if m:
        start, end = _year_slice(int(m.group("y")), w.year_parts.get(m.group("part") or ""))
        return _explicit(start, end, "year")
    m = p.decade.fullmatch(s)
    if m:
        first = int(m.group("d"))
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9), None: (0, 9)}[m.group("part")]
        return _explicit(date(first + lo, 1, 1), date(first + hi, 12, 31), "year")
    return None


def _weekday_forms(s: str, ctx: _Ctx, p: _Patterns) -> Optional[DateResolution]:
    m = p.weekday.fullmatch(s)
    if not m:
        return None
    target = ctx.words.weekdays[m.group("wd")]
    rel = m.group("rel")

    def which(pub: date) -> tuple[date, date]:
        back = (pub.weekday() - target) % 7
        if rel == "next":
            d = pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
        elif rel in ("last", "past", "this past") and back == 0:
            d = pub - timedelta(days=7)
        else:
            d = pub - timedelta(days=back)
        return d, d

    return _relative(ctx, "day", which)


def _relative_word_forms(s: str, ctx: _Ctx, p: _Patterns) -> Optional[DateResolution]:
    w = ctx.words
    m = p.day_offset.fullmatch(s)
    if m:
        offset = w.day_offsets[m.group("k")]
        return _relative(ctx, "day", lambda pub: (pub + timedelta(days=offset),) * 2)
    m = p.night.fullmatch(s)
    if m:
        a, b = w.night_ranges[m.group("k")]
        return _relative(ctx, "day", lambda pub: (pub + timedelta(days=a), pub + timedelta(days=b)))
    if p.weekend.fullmatch(s):
        nxt = s.startswith("next")
        last = s.startswith("last")

        def weekend(pub: date) -> tuple[date, date]:
            if nxt:
                saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
            else:
                saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
                if last and pub.weekday() >= 5:
                    saturday -= timedelta(days=7)
            return saturday, saturday + timedelta(days=1)

        return _relative(ctx, "day", weekend)
    m = p.in_the.fullmatch(s)
    if m:
        s = f"{m.group('mod')} this {m.group('unit')}"
    m = p.unit_rel.fullmatch(s)
    if m and m.group("rel") and m.group("unit") != "weekend":
        return _unit_relative(ctx, m.group("mod"), m.group("rel"), m.group("unit"))
    return None


def _unit_relative(ctx: _Ctx, mod: Optional[str], rel: str, unit: str) -> DateResolution:
    precision: Precision = unit  # type: ignore[assignment]
    w = ctx.words

    def compute(pub: date) -> tuple[date, date]:
        if rel in ("the past", "past", "the last", "this past"):
            days = {"week": 7, "month": 30, "year": 365}[unit]
            return pub - timedelta(days=days), pub
        if unit == "week":
            monday = _monday(pub)
            shift = {"this": 0, "last": -7, "next": 7, "the coming": 7, "coming": 7}[rel]
            start, end = monday + timedelta(days=shift), monday + timedelta(days=shift + 6)
            if mod in ("early",):
                end = start + timedelta(days=2)
            elif mod in ("late",):
                start = start + timedelta(days=3)
            elif mod == "mid":
                start, end = start + timedelta(days=2), start + timedelta(days=4)
        elif unit == "month":
            year, month = _add_months(pub.year, pub.month, {"this": 0, "last": -1, "next": 1, "the coming": 1, "coming": 1}[rel])
            start, end = _month_slice(year, month, w.month_parts.get(mod or "") if mod in ("early", "mid", "late") else None)
        else:
            year = pub.year + {"this": 0, "last": -1, "next": 1, "the coming": 1, "coming": 1}[rel]
            start, end = _year_slice(year, w.year_parts.get(mod or "") if mod in ("early", "mid", "late") else None)
        if rel == "this":
            if mod == "earlier":
                end = max(start, pub - timedelta(days=1))
            elif mod == "later":
                start = pub
            elif mod is None:
                end = pub
        if start > end:  # "late this month" read early in the month: keep the stated part
            start = end
        return start, end

    return _relative(ctx, precision, compute)


def _ago_forms(s: str, ctx: _Ctx, p: _Patterns) -> Optional[DateResolution]:
    w = ctx.words
    m = p.ago.fullmatch(s)
    if m:
        unit = w.units[m.group("unit")]
        if unit == "decade":
            return None
        lo, hi = _count(m.group("n"), w)
        exact = lo == hi

        def ago(pub: date) -> tuple[date, date]:
            if unit in ("minute", "hour"):
                hours = hi if unit == "hour" else 0
                return pub - timedelta(days=-(-hours // 24)), pub
            if unit == "day":
                return pub - timedelta(days=hi), pub - timedelta(days=lo)
            if unit == "week":
                if exact:
                    return _week_of(pub - timedelta(days=7 * lo))
                return _monday(pub - timedelta(days=7 * hi)), pub - timedelta(days=7 * lo)
            if unit == "month":
                y1, m1 = _add_months(pub.year, pub.month, -hi)
                y2, m2 = _add_months(pub.year, pub.month, -lo)
                return date(y1, m1, 1), _month_end(y2, m2)
            return date(pub.year - hi, 1, 1), date(pub.year - lo, 12, 31)

        if unit in ("minute", "hour"):
            precision: Precision = "day"
        elif exact:
            precision = unit  # type: ignore[assignment]
        else:
            precision = {"day": "week", "week": "month", "month": "year", "year": "year"}[unit]  # type: ignore[assignment]
        return _relative(ctx, precision, ago)
    m = p.past_n.fullmatch(s)
    if m:
        if m.group("vague"):
            unit, (lo, hi) = w.units[m.group("vunit")], w.vague_counts[m.group("vague")]
        else:
            unit, (lo, hi) = w.units[m.group("unit")], _count(m.group("n"), w)
        if unit in ("minute", "decade"):
            return None
        per_unit = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}[unit]
        days = max(1, round(hi * per_unit))
        precision = "day" if days <= 2 else "week" if days <= 14 else "month" if days <= 62 else "year"
        return _relative(ctx, precision, lambda pub: (pub - timedelta(days=days), pub))  # type: ignore[arg-type]
    return None


def _single(s: str, ctx: _Ctx) -> Optional[DateResolution]:
    p = _patterns(ctx.words)
    if s in ctx.words.anaphoric:
        unit = next((u for u in ("week", "month", "year") if u in s), "day")
        return _unresolved(unit)  # type: ignore[arg-type]
    if _counted_offset(s, ctx.words) is not None:
        return _unresolved("day")  # "three days earlier": counted from the day told before it (see the dates stage)
    for parse in (_explicit_day_forms, _month_and_year_forms, _weekday_forms, _relative_word_forms, _ago_forms):
        result = parse(s, ctx, p)
        if result is not None:
            return result
    return None


def _combine(a: DateResolution, b: DateResolution) -> DateResolution:
    precision = _coarser(a.precision, b.precision)
    if not (a.resolved and b.resolved):
        return _unresolved(precision)
    b_start, b_end = b.start, b.end
    if b_end < a.start:  # type: ignore[operator]  # "Dec. 30 to Jan. 2": the year of the second part rolls over
        shifted = (_safe_date(b_start.year + 1, b_start.month, b_start.day),  # type: ignore[union-attr]
                   _safe_date(b_end.year + 1, b_end.month, b_end.day))  # type: ignore[union-attr]
        if shifted[0] is not None and shifted[1] is not None and shifted[0] >= a.start:  # type: ignore[operator]
            b_start, b_end = shifted
    start = min(a.start, b_start)  # type: ignore[type-var]
    end = max(a.end, b_end)  # type: ignore[type-var]
    basis: Basis = "explicit" if a.basis == b.basis == "explicit" else "relative_to_published"
    return DateResolution(start, end, precision, basis)


def _resolve(s: str, ctx: _Ctx, depth: int = 0) -> Optional[DateResolution]:
    result = _single(s, ctx)
    if result is not None or depth > 1:
        return result
    p = _patterns(ctx.words)
    m = p.since.fullmatch(s)
    if m:
        inner = _resolve(m.group("x"), ctx, depth + 1)
        if inner is None:
            return None
        if not inner.resolved or ctx.published is None:
            return inner if not inner.resolved else DateResolution(inner.start, None, inner.precision, inner.basis)
        end = max(inner.end, ctx.published)  # type: ignore[type-var]
        return DateResolution(inner.start, end, inner.precision, inner.basis)
    for pattern in (p.between, p.from_to):
        m = pattern.fullmatch(s)
        if m:
            a, b = _resolve(m.group("a"), ctx, depth + 1), _resolve(m.group("b"), ctx, depth + 1)
            return _combine(a, b) if a is not None and b is not None else None
    for m in p.connector.finditer(s):
        a, b = _resolve(s[: m.start()], ctx, depth + 1), _resolve(s[m.end():], ctx, depth + 1)
        if a is not None and b is not None:
            return _combine(a, b)
    return None


_COUNTED_DAYS = re.compile(r"(?P<n>\w+) (?P<unit>days?|weeks?) (?P<dir>earlier|later|before|after)")


def counted_day_offset(text: str) -> Optional[int]:
    """The days between the day a text has just told and "three days earlier" (-3), "two weeks later" (14);
    None for any other expression (an exact count only: "days later" says no day)."""
    words = load_date_words()
    return _counted_offset(_normalise(text, words), words)


def _counted_offset(s: str, words: DateWords) -> Optional[int]:
    """:func:`counted_day_offset` of an already normalised expression."""
    m = _COUNTED_DAYS.fullmatch(s)
    if m is None:
        return None
    n = m.group("n")
    count = int(n) if n.isdigit() else 1 if n in ("a", "an", "one") else words.number_words.get(n)
    if not count:
        return None
    days = count * (7 if m.group("unit").startswith("week") else 1)
    return -days if m.group("dir") in ("earlier", "before") else days


def resolve_anaphoric_day(text: str, anchor: DateResolution) -> Optional[DateResolution]:
    """An anaphoric day ("the following day", "the day before", "that day") resolved against ``anchor``,
    the single day the text told just before it; None when ``text`` is no such expression or the anchor
    is not one day."""
    if anchor.start is None or anchor.start != anchor.end or anchor.precision != "day":
        return None
    words = load_date_words()
    offset = words.anaphoric_day_offsets.get(_normalise(text, words))
    if offset is None:
        offset = counted_day_offset(text)  # "Three days earlier, gunmen shot dead ..."
    if offset is None:
        return None
    day = anchor.start + timedelta(days=offset)
    return DateResolution(day, day, "day", anchor.basis)


def in_year(res: DateResolution, year: int) -> Optional[DateResolution]:
    """A date whose year the text left out, moved to ``year`` (a year the sentence names: "since June 2024,
    when demonstrators stormed parliament on June 25"); None where the range spans years or the day does
    not exist in that year."""
    if res.start is None or res.end is None or res.start.year != res.end.year:
        return None
    start = _safe_date(year, res.start.month, res.start.day)
    end = _safe_date(year, res.end.month, res.end.day)
    if start is None or end is None:
        return None
    return DateResolution(start, end, res.precision, res.basis)


def resolve_date_expression(text: str, published: Optional[date]) -> Optional[DateResolution]:
    """Resolve one date expression against the publication date (see the module docstring).

    Returns None when ``text`` is not a point-in-time date expression the resolver knows.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if isinstance(published, datetime):
        published = published.date()
    if published is not None and not isinstance(published, date):
        raise TypeError(f"published must be a datetime.date or None, not {type(published).__name__}")
    words = load_date_words()
    s = _normalise(text, words)
    if not s:
        return None
    return _resolve(s, _Ctx(words, published))


# --------------------------------------------------------------------------------------------
# spotting date expressions in running text


def _title_alt(words) -> str:
    """Capitalised alternatives, apostrophes either straight or curly."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        titled = " ".join(part[:1].upper() + part[1:] for part in w.split(" "))
        out.append(re.escape(titled).replace("'", "['\u2019]").replace(r"\ ", r"\s+"))
    return "|".join(out)


def _starts(alternatives: str) -> str:
    """A lookahead for the first letters of ``|``-separated alternatives (read case-insensitively):
    a pattern that starts with it fails fast where no alternative can start (same matches, less time)."""
    first = sorted({a[0].lower() for a in alternatives.split("|")})
    if not first or not all(c.isalpha() and c.isascii() for c in first):
        return ""  # an alternative starts with an escape, a digit or a group: no shortcut
    return "(?=(?i:[" + "".join(first) + "]))"


def _ci_alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
                    for w in sorted(set(words), key=len, reverse=True))


class _Spotters:
    """Regular expressions over raw text.  Month and weekday names must be capitalised."""

    def __init__(self, w: DateWords) -> None:
        full_months = [m for m in w.months if len(m) > 3 and m != "sept"] + ["may"]
        abbrevs = [m for m in w.months if m not in full_months]
        month = rf"(?:(?:{_title_alt(full_months)})|(?:{_title_alt(abbrevs)})\.?)(?![A-Za-z])"
        month_full = rf"(?:{_title_alt(full_months)})(?![A-Za-z])"
        weekday = rf"(?:{_title_alt([d for d in w.weekdays if len(d) > 4])})(?![A-Za-z])"
        day = r"\d{1,2}(?:st|nd|rd|th)?(?![\d:])"
        joiner = r"(?:\s*(?:-|\u2013|,\s*and|,|and|to|through|or)\s*)"
        year = r"(?:1[89]\d\d|2\d\d\d)(?!\d)"
        year_ok = r"(?!\s+[a-z]+s\b)(?![.,]?\d)"  # "in 2000 homes" is a count, not a year
        count = rf"(?:\d+|{_ci_alt(w.number_words)}|{_ci_alt(w.vague_counts)})"
        units = _ci_alt(w.units)
        preps = r"in|since|during|until|till|by|from|before|after|through|throughout|between"
        mods = r"early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
        dayparts = _ci_alt(w.day_parts)
        relative = _ci_alt([k for k in [*w.day_offsets, *w.night_ranges, *w.anaphoric] if k != "the night"])
        ago = re.compile(rf"\b(?i:(?:{count}\s+)?(?:{units})\s+ago)\b")
        self.patterns: list[re.Pattern[str]] = [
            re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
            re.compile(r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"),
            re.compile(rf"\b(?:{weekday},?\s+)?{month}\s+{day}(?:{joiner}{day})*(?:,?\s+{year})?"),
            re.compile(rf"\b(?:{weekday},?\s+)?(?:the\s+)?{day}(?:{joiner}{day})*\s+(?:of\s+)?{month}(?:,?\s+{year})?"),
            re.compile(rf"\b(?:(?i:early|late|mid)[\s-]+)?{month},?\s+(?:of\s+)?{year}{year_ok}"),
            re.compile(rf"\b{_starts(preps)}(?i:{preps})\s+(?P<core>{month_full})"),
            re.compile(rf"\b{_starts('last|this|next|' + mods + '|earlier|later')}"
                       rf"(?i:last|this|next|{mods}|earlier\s+in|later\s+in)[\s-]+{month_full}"),
            re.compile(rf"\b(?:(?i:early|late|earlier|later)\s+(?:(?i:on)\s+)?)?(?:(?i:last|this\s+past|this|next)\s+)?"
                       rf"{weekday}(?:\s+(?i:{dayparts})(?![A-Za-z]))?"),
            re.compile(rf"\b{_starts('early|late|earlier|later|' + relative)}"
                       rf"(?i:(?:(?:early|late|earlier|later)\s+)?(?:{relative}))\b(?:\s+(?i:{dayparts})\b)?"),
            re.compile(r"\b(?=(?i:[elmnpt]))(?i:(?:(?:earlier|later|early|late|mid)\s+)?(?:this\s+past|this|last|next|the\s+past|past)"
                       r"\s+(?:weekend|week|month|year))\b"),
            re.compile(r"\b(?=(?i:[elt]))(?i:the\s+weekend|(?:earlier|later)\s+in\s+the\s+(?:week|month|year))\b"),
            ago,
            re.compile(rf"\b(?=(?i:[lprt]))(?i:(?:the\s+)?(?:past|last)\s+{count}\s+(?:{units})|recent\s+(?:days|weeks|months))\b"),
            re.compile(rf"\b{_starts(preps + '|of')}(?i:{preps}|of)\s+(?P<core>{year}){year_ok}"),
            re.compile(rf"\b{_starts(mods)}(?i:{mods})[\s-]+{year}{year_ok}"),
            re.compile(r"\b(?:the\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:1[89]|20)\d0['\u2019]?s\b"),
            re.compile(rf"\b(?:{_title_alt(w.holidays)})(?![A-Za-z])"),
            re.compile(r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b(?!\s*[A-Za-z\d])"),
        ]
        # a word (lower case) a pattern's every match contains, read case-insensitively: a text without
        # it is not scanned with that pattern (None: always scanned)
        self.required: list[Optional[str]] = ["ago" if p is ago else None for p in self.patterns]


@lru_cache(maxsize=4)
def _spotters(words: DateWords) -> _Spotters:
    return _Spotters(words)


def find_date_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of date expressions in running text, left to right.

    Overlapping candidates keep the longest; every span returned is one the resolver parses.
    Leading prepositions ("on", "in") are not part of the span; modifiers ("last", "early") are.
    """
    words = load_date_words()
    candidates: list[tuple[int, int]] = []
    spotters = _spotters(words)
    lower = None
    for pattern, needs in zip(spotters.patterns, spotters.required):
        if needs is not None:
            lower = text.lower() if lower is None else lower
            if needs not in lower:
                continue  # the pattern cannot match without this word (e.g. "ago")
        for m in pattern.finditer(text):
            start, end = m.span("core") if "core" in pattern.groupindex else m.span()
            while end > start and text[end - 1] in " ,.-\u2013":
                end -= 1
            if end > start:
                candidates.append((start, end))
    candidates.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(candidates, key=lambda se: -(se[1] - se[0])):
        if any(start < e and s < end for s, e in chosen):
            continue
        if resolve_date_expression(text[start:end], None) is None:
            continue
        chosen.append((start, end))
    return sorted(chosen)
