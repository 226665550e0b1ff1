"""Parse the numbers news writes for tolls: digits, words, vague words and qualifiers.

``parse_number("twenty-one") == 21``; ``parse_quantity("at least 12")`` gives
``Quantity(value=12, qualifier="at_least", ...)``.

Fixed values for vague words (RECORD.md): "dozens" = 12, "tens" = 10, "hundreds" = 100,
"scores" = 20, "thousands" = 1000, "several" = 3, "a/an" = 1. A bare plural vague word carries the
qualifier ``at_least`` ("dozens were killed": at least a dozen); "a dozen" and "two dozen"
carry ``about``. An explicit qualifier before the number always wins ("about 500",
"at least a dozen").

Qualifiers: "at least" -> at_least; "more than"/"over" -> more_than; "about"/"around"/
"nearly"/"some"/"roughly"/"approximately" -> about; "up to"/"as many as" -> at_most;
"fewer than"/"less than" -> less_than. No qualifier -> exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from strife.records import Qualifier

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# Plural vague words: a fixed value, read as a lower bound.
# "several" (more than two, fewer than many) counts as three, its least reading, so it is always "at least 3".
_VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
          "millions": 1_000_000, "several": 3}
_ZERO_WORDS = {"no", "none", "nobody", "noone", "no-one", "no one"}
_ARTICLES = {"a", "an"}

# Qualifier phrases, matched longest first, immediately before the number.
_QUALIFIERS: dict[str, Qualifier] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than",
    "about": "about", "around": "about", "nearly": "about", "almost": "about",
    "some": "about", "roughly": "about", "approximately": "about", "approx": "about",
    "an estimated": "about", "estimated": "about", "close to": "about", "circa": "about",
    "up to": "at_most", "as many as": "at_most", "at most": "at_most",
    "no more than": "at_most", "a maximum of": "at_most", "not more than": "at_most",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
}
_QUALIFIER_WORDS = sorted((tuple(k.split()) for k in _QUALIFIERS), key=len, reverse=True)

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_WORD = re.compile(r"[A-Za-z]+(?:\.)?|\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Quantity:
    """A number read from text: its value, qualifier and where it sat in the input string."""

    value: int
    qualifier: Qualifier
    start: int  # offset of the qualifier (or of the number when unqualified) in the input
    end: int    # end offset of the number in the input
    vague: bool = False  # a vague word ("dozens") supplied the value


def _is_number_word(w: str) -> bool:
    w = w.lower()
    return (w in _UNITS or w in _TENS or w in _SCALES or w in _VAGUE or w == "dozen"
            or bool(_DIGITS.match(w)))


def is_number_word(word: str) -> bool:
    """True for a single word that can be (part of) a number: "four", "19", "1,200", "dozens"."""
    return _is_number_word(word) or word.lower() in _ZERO_WORDS


def _value_of_words(words: list[str]) -> Optional[tuple[int, bool]]:
    """Value of a sequence of number words (already lower-cased), and whether it was vague."""
    if not words:
        return None
    if len(words) == 1 and words[0] in _ZERO_WORDS:
        return 0, False
    if words == ["no", "one"]:
        return 0, False
    if len(words) == 1 and words[0] in _VAGUE:
        return _VAGUE[words[0]], True
    if len(words) == 1 and words[0] in _ARTICLES:
        return 1, False
    total = 0
    current: Optional[float] = None
    seen = False
    vague = False
    for i, w in enumerate(words):
        if w == "and":
            continue
        if w in _ARTICLES and i == 0:
            current = 1
            continue
        if _DIGITS.match(w):
            if current not in (None, 0) and current != 1:
                return None  # two numbers side by side: not one number
            current = float(w.replace(",", ""))
            seen = True
        elif w in _UNITS:
            current = (current or 0) + _UNITS[w]
            seen = True
        elif w in _TENS:
            current = (current or 0) + _TENS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
            vague = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
            seen = True
        elif w in _VAGUE:  # "tens of thousands" is handled by the caller's word run
            current = (current or 1) * _VAGUE[w]
            seen = True
            vague = True
        else:
            return None
    if not seen:
        return None
    return int(round(total + (current or 0))), vague


def _split(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets; hyphens split words ("twenty-one" -> twenty, one)."""
    return [(m.group(0).lower().rstrip(".") if not m.group(0)[0].isdigit() else m.group(0),
             m.start(), m.end()) for m in _WORD.finditer(text)]


def parse_number(text: str) -> Optional[int]:
    """The integer a whole number expression denotes, or None if `text` is not one.

    >>> parse_number("1,200"), parse_number("twenty-one"), parse_number("a dozen")
    (1200, 21, 12)
    """
    words = [w for w, _, _ in _split(text.strip())]
    if not words:
        return None
    if " ".join(words) in _ZERO_WORDS:
        return 0
    got = _value_of_words(words)
    return None if got is None else got[0]


def parse_quantity(text: str) -> Optional[Quantity]:
    """Read the number expression that ends `text`, with the qualifier right before it.

    Words before the qualifier are ignored, so the caller may pass context
    ("killing at least 12" -> 12, at_least). Returns None when `text` does not end
    in a number expression.
    """
    words = _split(text)
    if not words:
        return None
    # the longest run of number words at the end of the text
    j = len(words)
    i = j
    while i > 0:
        w = words[i - 1][0]
        if _is_number_word(w) or (w == "and" and i < j and i - 1 > 0
                                  and _is_number_word(words[i - 2][0])):
            i -= 1
            continue
        if w in _ARTICLES and i < j and words[i][0] in ("dozen", "hundred", "thousand",
                                                       "million", "score"):
            i -= 1  # "a dozen", "a hundred"
        break
    if i == j:
        last = words[-1][0]
        if last in _ZERO_WORDS or last == "one" or last in _ARTICLES:
            i = j - 1
        else:
            return None
    # "no one"
    if words[i][0] == "one" and i > 0 and words[i - 1][0] == "no" and i == j - 1:
        i -= 1
    run = [w for w, _, _ in words[i:j]]
    got = _value_of_words(run) if run != ["no", "one"] else (0, False)
    if got is None:
        # fall back to the shortest tail that parses ("... 30 four" is not a number)
        for k in range(i + 1, j):
            got = _value_of_words([w for w, _, _ in words[k:j]])
            if got is not None:
                i = k
                break
    if got is None:
        return None
    value, vague = got
    start = words[i][1]
    end = words[j - 1][2]
    qualifier: Qualifier = "exact"
    if vague and run and run[0] not in _ARTICLES and run[-1] in _VAGUE:
        qualifier = "at_least"
    elif vague:
        qualifier = "about"
    before = [w for w, _, _ in words[:i]]
    if vague and len(run) == 1 and len(before) >= 2 and before[-1] == "of" and before[-2] in _VAGUE:
        value *= _VAGUE[before[-2]]  # "tens of thousands", "hundreds of thousands"
        i -= 2
        start = words[i][1]
        before = before[:-2]
    for phrase in _QUALIFIER_WORDS:
        n = len(phrase)
        if n <= len(before) and tuple(before[-n:]) == phrase:
            qualifier = _QUALIFIERS[" ".join(phrase)]
            start = words[i - n][1]
            break
    return Quantity(value=value, qualifier=qualifier, start=start, end=end, vague=vague)


def qualifier_of(text: str) -> Optional[Qualifier]:
    """The qualifier a phrase names ("at least" -> "at_least"), or None."""
    return _QUALIFIERS.get(" ".join(text.lower().split()))
