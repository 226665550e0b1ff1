"""News datelines: the place (and often the date and agency) a report opens with.

    "KANO, Nigeria (Reuters) - Armed men ..."      "NAIROBI, June 25 (AP) — Thousands ..."
    "MANSFIELD — The council ..."                  "WASHINGTON (AP) -- The Pentagon ..."
    "IMPHAL, March 9: Tension gripped ..."         "Kyiv (AFP) - Russia pounded ..."

A dateline is an all-capitals place name (or one in ordinary capitals followed by a news agency in
parentheses) opening a paragraph (or following the headline's last
sentence on its line), then optionally a comma and a region or a date, optionally an agency in
parentheses, then a dash (or a colon after a date). Its place is where the report was filed; its date, when; its agency, who
filed it. None of them is a party to the news or the date of an event in it: the places stage reads
the place as a place, the actors stage names no actor inside the dateline, and the events stage
dates no event by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_AGENCY = r"(?:[ ]*\([^()\n]{1,40}\))?"                   # " (Reuters)"
# a region or date after the place: up to four capitalised words, "of"/"the"/"and" between them ("Democratic
# Republic of Congo", "Jan 21")
_REGION = r"[A-Z][\w.]*(?:[ ](?:(?:of|the|and)[ ])?[A-Z0-9][\w.]*){0,3}"
_DATELINE = re.compile(
    r"(?:^|\n|(?<=[.!?] ))[ \t]*"
    r"(?P<place>[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+){0,3})"   # "JEDDAH/KHARTOUM": two filing places
    r"(?:(?:,[ ]" + _REGION + r"){0,2}"  # ", Nigeria" / ", Ill." / ", July 10" / ", Congo, Feb 11"
    + _AGENCY + r"[ ]*(?:—|–|--|-)[ ]"
    # "IMPHAL, March 9: Tension gripped ...": a colon only after a date (an "UPDATE:" is no dateline)
    r"|(?:,[ ][A-Z][\w.]*(?:[ ][A-Z][\w.]*){0,2})?"
    r",[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2}(?:,[ ]\d{4})?"
    + _AGENCY + r":[ ])")


# "Kyiv (AFP) - Russia pounded ...": a place in ordinary capitals opens a paragraph as a dateline only with
# the agency in parentheses right after it
_TITLE_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<place>[A-Z][a-z][\w.'’\-]*(?:[ ][A-Z][\w.'’\-]+){0,2})"
    r"(?:,[ ]" + _REGION + r"){0,2}"
    r"[ ]*\((?:AFP|AP|Reuters|dpa|DPA|Xinhua|Anadolu|ANI|PTI|IANS|UPI|EFE|ANSA|Kyodo|Yonhap|TASS|Interfax|Bernama|"
    r"AA|IRNA|WAFA|Sputnik|RIA|Bloomberg|CNN|BBC|VOA|APA|KUNA|SPA|QNA|MENA|NNA|SANA)\)[ ]*(?:—|–|--|-)[ ]")


@dataclass(frozen=True)
class Dateline:
    place_start: int    # where the dateline begins: its place name
    place_end: int
    end: int            # just past its dash and the space after it

    def covers(self, char: int) -> bool:
        return self.place_start <= char < self.end


@lru_cache(maxsize=64)
def _find(text: str) -> tuple[Dateline, ...]:
    out = []
    for m in sorted([*_DATELINE.finditer(text), *_TITLE_DATELINE.finditer(text)], key=lambda m: m.start("place")):
        start = m.start("place")
        out.append(Dateline(start, start + len(m.group("place").rstrip(" .-")), m.end()))
    return tuple(out)


def find_datelines(text: str) -> tuple[Dateline, ...]:
    """Every dateline of ``text``, in order (an empty tuple for most texts)."""
    return _find(text)


def in_dateline(text: str, char: int) -> bool:
    return any(d.covers(char) for d in _find(text))
