"""spaCy component "strife_dates": date mentions, resolved against ``doc._.published``.

Candidates are the DATE and TIME entities of the NER plus the spans ``timeexpr.find_date_expressions``
spots in the text (for what the NER misses).  Each candidate is resolved with
``timeexpr.resolve_date_expression``; candidates that are not points in time (durations such as
"30 minutes" or "for decades", ages such as "three years old") are dropped.  A directly preceding
"on"/"in"/"during"/"over"/"since" joins the mention's text ("on Sunday").

Each mention records the token its phrase attaches to in the parse (``head_token_i``): the verb in
"attacked on Friday", the noun in "an attack on Friday", the possessor's noun in "Friday's rocket
attack".  Later components use it to give each event the date of its own clause.
"""

# No `from __future__ import annotations`: spaCy reads the factory's annotations at run time.
import re
from strife.doc_ext import doc_text, token_table
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, datetime, timedelta
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from strife import doc_ext  # noqa: F401  (registers the Doc extensions)
from strife.lexicon import load_wordlists
from strife.timeexpr import (DateResolution, counted_day_offset, find_date_expressions, in_year, load_date_words,
                             resolve_anaphoric_day, resolve_date_expression, weekday_names)

DEFAULT_LABELS = ("DATE", "TIME")

_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"


# plural nouns a year before them dates as a whole ("the 2019 elections"); a singular noun always ("a 2022 coup")
_YEAR_NOUNS = frozenset({"election", "elections", "protests", "riots", "clashes", "talks", "polls"})


@lru_cache(maxsize=1)
def _duration_pattern() -> re.Pattern[str]:
    """ "30 minutes", "for decades", "three years", "two years later", "many months" """
    words = load_date_words()
    # ("recent years" points to the years before publication: no measure)
    counts = sorted([*words.number_words, *(w for w in words.vague_counts if w != "recent"), "many", "some", "several"],
                    key=len, reverse=True)
    number = rf"(?:\d+(?:\.\d+)?|{'|'.join(re.escape(c) for c in counts)})"
    return re.compile(
        rf"^(?:for |about |nearly |some |over |more than |almost |up to |at least |the )?"
        rf"(?:{number}[ -])?(?:{number}[ -])?{_UNITS}(?: (?:later|earlier|long|before|after|on|ahead))?$",
        re.IGNORECASE,
    )


_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")

_AGE = re.compile(r"\b\d+[ -]years?[ -]old\b|\byears? old\b|\b(?:age|aged)\b", re.IGNORECASE)


@dataclass
class DateMention:
    """A date expression in the document and its resolution.

    ``start_char``/``end_char`` are offsets into ``doc.text`` (``text == doc.text[start_char:end_char]``).
    ``head_token_i`` is the index of the token the date phrase attaches to.
    ``source`` is "ner" (a DATE/TIME entity) or "pattern" (spotted by ``find_date_expressions``).
    """

    start_char: int
    end_char: int
    text: str
    resolution: DateResolution
    sent_start_char: int
    head_token_i: int
    source: str = "ner"


def is_duration_or_age(text: str) -> bool:
    """True for spans that measure time rather than point to it ("30 minutes", "three years old")."""
    t = " ".join(text.replace("\u2019", "'").split())
    if _AGE.search(t):
        return True
    if t.lower() in load_date_words().anaphoric or counted_day_offset(t) is not None:
        return False  # "hours later", "three days earlier" count from a time the text has told: they point to one
    return bool(_duration_pattern().match(t)) and not re.search(r"\bago\b", t, re.IGNORECASE)


def _published(doc: Doc) -> Optional[date]:
    value = doc._.published
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(f"doc._.published must be a datetime.date or None, not {type(value).__name__}: {value!r}")


def _attachment(span: Span) -> int:
    """Index of the token outside ``span`` that the date phrase attaches to (its syntactic governor); a date between
    a reporting verb and the subject of what it reports is the report's ("rebels said on Sunday they had shot down a
    helicopter": the parser hangs "on Sunday" on "shot")."""
    gov = span.doc[_governor(span)]
    said = gov.head
    reporting = load_wordlists("factuality")["reporting_verbs"]
    if gov.dep_ == "ccomp" and said.i < span.start and said.lemma_.lower() in reporting \
            and all(t.i in range(span.start, span.end) or t.dep_ == "prep" for t in span.doc[said.i + 1:span.end]) \
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i >= span.end for c in gov.children):
        return said.i
    return gov.i


def _governor(span: Span) -> int:
    """Index of the token outside ``span`` that the date phrase hangs from in the parse; a time before a clause's
    "after"/"as" is the main verb's ("struck the port of Hodeidah on Saturday, a day after a drone ... killed a man":
    the parser hangs "on Saturday" on "killed")."""
    gov = span.doc[_parse_governor(span)]
    if gov.dep_ == "acl" and gov.lemma_.lower() in _PAYLOAD_PARTICIPLES and gov.head.head.pos_ == "VERB" \
            and gov.head.dep_ in ("dobj", "nsubj", "nsubjpass"):
        gov = gov.head.head  # "drove a car packed with explosives into a checkpoint ... on Saturday": the driving's
    if gov.dep_ == "advcl" and gov.head.i != gov.i and any(
            c.dep_ == "mark" and span.end <= c.i < gov.i for c in gov.children):
        return gov.head.i
    return gov.i


def _parse_governor(span: Span) -> int:
    """Index of the token outside ``span`` that the date phrase hangs from in the parse."""
    doc = span.doc
    inside = range(span.start, span.end)
    prev: Optional[Token] = doc[span.start - 1] if span.start > 0 else None
    tok = span.root
    # "on Friday and Saturday": the second conjunct attaches where the first does
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.i not in inside:
        tok = tok.head
    head = tok.head
    if head.i == tok.i:  # the date is the root of its sentence (a headline fragment)
        return tok.i
    if prev is not None and prev.pos_ == "ADP" and prev.dep_ in ("prep", "agent") and head.i != prev.i \
            and prev.head.i not in inside and prev.head.i != prev.i \
            and not any(child.dep_ in ("pobj", "pcomp") for child in prev.children):
        # the parser attached the date elsewhere ("on Sunday X condemned": Sunday as X's compound),
        # but the preposition before it shows where the phrase belongs
        return prev.head.i
    if head.dep_ in ("prep", "agent") or head.pos_ == "ADP":
        # "attacked on Friday", "an attack on Friday": past the preposition to its governor
        return head.head.i if head.head.i != head.i else head.i
    return head.i  # (a time before the clause's "as": "detained at least 40 people overnight as protesters
    # rallied", the main verb's: see _governor)


class DateComponent:
    """Finds and resolves date mentions; writes ``doc._.strife_dates`` (sorted by ``start_char``)."""

    def __init__(self, labels: tuple[str, ...] = DEFAULT_LABELS, use_patterns: bool = True) -> None:
        self.labels = frozenset(labels)
        self.use_patterns = use_patterns
        self.prepositions = frozenset(load_date_words().mention_prepositions)

    def _candidates(self, doc: Doc) -> list[tuple[int, int, str]]:
        all_ents = doc.ents  # (spaCy builds the spans on every read)
        ents = [(e.start_char, e.end_char) for e in all_ents if e.label_ in self.labels]
        other_ents = [(e.start_char, e.end_char) for e in all_ents if e.label_ not in self.labels]
        chosen: list[tuple[int, int, str]] = [(s, e, "ner") for s, e in ents]
        if not self.use_patterns:
            return chosen
        for s, e in find_date_expressions(doc_text(doc)):
            if any(s < oe and os < e for os, oe in other_ents):
                continue  # part of a name ("Sunday Times")
            overlapping = [c for c in chosen if s < c[1] and c[0] < e]
            if not overlapping:
                chosen.append((s, e, "pattern"))
            elif len(overlapping) == 1 and overlapping[0][0] <= s and e <= overlapping[0][1] and (s, e) != overlapping[0][:2]:
                # inside an entity that may not resolve ("11 overnight", a toll and a time tagged as one
                # TIME): tried only when the entity gives no date (see __call__)
                chosen.append((s, e, "inner"))
            elif all(s <= c[0] and c[1] <= e and (c[1] - c[0]) < (e - s) for c in overlapping):
                # the pattern covers more of the expression ("Dec. 27 and 28" where the NER has "Dec. 27")
                chosen = [c for c in chosen if c not in overlapping] + [(s, e, "pattern")]
        tt = token_table(doc)
        published = _published(doc)
        for i in (i for i, tag in enumerate(tt.tag) if tag == "CD" and _YEAR.fullmatch(tt.text[i])):
            # "seized power in a 2022 coup", "the 2019 elections": a year written as a noun's modifier (the
            # tagger calls it a number) dates what the noun names
            tok = doc[i]
            if tok.dep_ in ("nummod", "compound", "amod") and tok.head.i > tok.i \
                    and (tok.head.tag_ == "NN" or tok.head.lemma_.lower() in _YEAR_NOUNS) \
                    and not any(c[0] <= tok.idx < c[1] for c in chosen) \
                    and (published is None or int(tok.text) <= published.year):
                chosen.append((tok.idx, tok.idx + len(tok.text), "year"))
        return sorted(chosen, key=lambda c: (c[0], -c[1]))

    def _with_preposition(self, doc: Doc, span: Span) -> int:
        """Start char of the mention: the span, or the preposition right before it ("on Sunday")."""
        if span.start == 0:
            return span.start_char
        prev = doc[span.start - 1]
        if prev.lower_ in self.prepositions and prev.pos_ in ("ADP", "SCONJ"):
            return prev.idx
        return span.start_char

    def __call__(self, doc: Doc) -> Doc:
        published = _published(doc)
        has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        mentions: list[DateMention] = []
        for start, end, source in self._candidates(doc):
            if source == "inner":
                if any(m.start_char <= start and end <= m.end_char for m in mentions):
                    continue  # the entity around it resolved
                source = "pattern"
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            core_text = doc_text(doc)[start:end]
            if is_duration_or_age(core_text):
                continue
            mention_start = self._with_preposition(doc, span)
            text = doc_text(doc)[mention_start:end]
            resolution = resolve_date_expression(text, published)
            if resolution is None:
                continue
            if published is not None and doc.has_annotation("DEP") and _bare_weekday(core_text) \
                    and resolution.start is not None and resolution.start < published and _told_as_ahead(doc, span):
                # "will hold a rally on Tuesday", "called a nationwide strike for Tuesday": the day ahead
                ahead = resolution.start + timedelta(days=7)
                resolution = replace(resolution, start=ahead, end=ahead)
            mentions.append(DateMention(
                start_char=mention_start,
                end_char=end,
                text=text,
                resolution=resolution,
                sent_start_char=span.sent.start_char if has_sents else 0,
                head_token_i=_attachment(span) if doc.has_annotation("DEP") else span.root.i,
                source=source,
            ))
        if published is not None:
            mentions = _anchored(doc, mentions, published)
        doc._.strife_dates = mentions
        return doc


# participles that say what a vehicle or device carried ("a car packed with explosives"): no time of their own
_PAYLOAD_PARTICIPLES = frozenset({"pack", "load", "fill", "lace", "laden", "rig", "arm"})
_FUTURE_AUX = frozenset({"will", "'ll", "shall"})
_PLANNED = frozenset({"plan", "schedule", "set", "due", "call", "announce", "expect"})


def _bare_weekday(text: str) -> bool:
    """A weekday's name alone ("Tuesday", not "last Tuesday")."""
    return text.strip().lower() in weekday_names()


def _told_as_ahead(doc: Doc, span: Span) -> bool:
    """Is the day one still to come: the time of a verb in the future ("will hold a rally on Tuesday"), of a
    planned act ("talks scheduled for Tuesday"), or a noun's "for" ("called a nationwide strike for Tuesday")?"""
    gov = doc[_governor(span)]
    prev = doc[span.start - 1] if span.start > 0 else None
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in gov.children):
        return True
    if gov.lemma_.lower() in _PLANNED and gov.tag_ == "VBN":
        return True  # "talks scheduled for Tuesday"
    return prev is not None and prev.lower_ == "for" and gov.pos_ == "NOUN" and (
        gov.head.lemma_.lower() in _PLANNED or gov.head.tag_ in ("VB", "VBZ", "VBP") and any(
            c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in gov.head.children))


def _year_modifier(doc: Doc, m: DateMention) -> bool:
    """Is the date a year written as a noun's modifier ("since a 1962 coup", "the 2019 elections")? It dates
    that noun, not the days its sentence tells."""
    span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
    if span is None or not _YEAR.fullmatch(span[-1].text):
        return False
    tok = span[-1]
    return tok.dep_ in ("nummod", "compound", "amod") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")


def _anchored(doc: Doc, mentions: list[DateMention], published: date) -> list[DateMention]:
    """Dates the text ties to another date it tells: a day or month without a year in a sentence that
    names the month with its year takes that year ("since June 2024, when demonstrators stormed parliament
    on June 25"); an anaphoric day ("the following day", "that day") counts from the latest single day told
    before it, in its own sentence or the last earlier sentence that tells a date ("stormed parliament on
    June 25. Police fired tear gas. Ruto withdrew the bill the following day" is June 26)."""
    starts = sorted({m.sent_start_char for m in mentions})
    out: list[DateMention] = []
    for m in mentions:
        res = m.resolution
        if res.start is not None and not _YEAR.search(m.text) and res.start.year == res.end.year:
            years = {o.resolution.start.year for o in mentions
                     if o is not m and o.sent_start_char == m.sent_start_char and _YEAR.search(o.text)
                     and not _year_modifier(doc, o)  # ("killed five protesters on Sunday" beside "a 1962 coup")
                     and o.resolution.start is not None and o.resolution.end is not None
                     and o.resolution.start.month <= res.start.month
                     and (o.resolution.end.year > o.resolution.start.year or res.start.month <= o.resolution.end.month)}
            if len(years) == 1 and (year := years.pop()) != res.start.year:
                moved = in_year(res, year)
                if moved is not None and moved.end <= published:
                    m = replace(m, resolution=moved)
        elif res.start is None:
            k = starts.index(m.sent_start_char)
            before = [o for o in out if o.end_char <= m.start_char and o.resolution.start is not None
                      and o.sent_start_char >= starts[max(0, k - 1)]]
            moved = resolve_anaphoric_day(m.text, before[-1].resolution) if before else None
            if moved is not None:
                m = replace(m, resolution=moved)
        out.append(m)
    return out


@Language.factory(
    "strife_dates",
    assigns=["doc._.strife_dates"],
    requires=["doc.ents", "token.dep", "token.head", "doc._.published"],
    default_config={"labels": list(DEFAULT_LABELS), "use_patterns": True},
)
def make_date_component(nlp: Language, name: str, labels: list[str], use_patterns: bool) -> DateComponent:
    return DateComponent(labels=tuple(labels), use_patterns=use_patterns)
