"""Name normalisation for gazetteer keys: diacritics, apostrophes, hyphens, articles.

Three levels of key, from strict to loose:

* :func:`normalise` -- casefolded ASCII, punctuation to spaces ("Al-Qa'im" -> "al qaim").
* :func:`base_key` -- :func:`normalise` without leading articles and generic suffixes
  ("Al Qa'im" -> "qaim", "the Gaza Strip" -> "gaza strip", "Anbar province" -> "anbar").
* :func:`skeleton` -- a transliteration-tolerant consonant skeleton used only by the
  conservative fuzzy layer ("Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor" -> "drzr").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional
import unicodedata

# Characters that disappear (apostrophes, ayn/hamza marks, dots in abbreviations).
_DROP = re.compile(r"[\u0027\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4\u2032.]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# A possessive ending on a place's name ("Baghdad's", "Idlib’s", "Texas'").
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                          "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})

# Leading articles (English and transliterated Arabic/French/Spanish) stripped by base_key.
ARTICLES = ("the", "al", "el", "ad", "ar", "as", "az", "an", "at", "ash", "adh", "ath", "le", "la", "les")
# Generic administrative suffixes stripped by base_key ("Anbar province").
ADMIN_SUFFIXES = ("province", "governorate", "state", "region", "district", "oblast", "prefecture",
                  "muhafazat", "wilayah", "vilayet", "department", "county", "parish", "municipality",
                  "emirate", "territory", "krai")
# Generic words written before a region's name ("County Clare", "Co. Mayo").
ADMIN_PREFIXES = ("county", "co")
_STRONG_ARTICLES = ("the", "al", "el")
_VOWELS = re.compile(r"[aeiouyhw]")
_REPEAT = re.compile(r"(.)\1+")


@lru_cache(maxsize=50000)
def normalise(name: str) -> str:
    """Casefolded ASCII form with punctuation collapsed to single spaces."""
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROP.sub("", text.casefold())
    text = text.encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", text).strip()


def is_latin(name: str) -> bool:
    """True when the name is (mostly) Latin script, so it can be a key for English text."""
    letters = [ch for ch in name if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin == len(letters)


def strip_articles(norm: str) -> str:
    """Remove a leading article from a normalised name ("al qaim" -> "qaim")."""
    words = norm.split()
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    if len(words) == 1:
        # glued article: "alqaim" is too risky to split, but "al-" is already spaced by normalise
        return words[0]
    return " ".join(words)


def strip_suffix(norm: str) -> str:
    """Remove one generic administrative word ("anbar province" -> "anbar", "county clare" -> "clare")."""
    words = norm.split()
    if len(words) > 1 and words[-1] in ADMIN_SUFFIXES:
        words = words[:-1]
        if len(words) > 1 and words[-1] == "of":
            words = words[:-1]
    if len(words) > 2 and words[0] in ADMIN_SUFFIXES and words[1] == "of":
        words = words[2:]
    elif len(words) > 1 and words[0] in ADMIN_PREFIXES and len(words[1]) > 2:
        words = words[1:]  # Irish and British style: "County Clare", "Co. Mayo"
    return " ".join(words)


def base_key(name: str) -> str:
    """Normalised name without leading articles or generic admin suffixes."""
    return strip_articles(normalise(name))


def admin_key(name: str) -> str:
    """Key for administrative regions: articles and generic suffixes stripped."""
    return strip_articles(strip_suffix(normalise(name)))


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two spellings differ by at most one inserted, deleted or replaced character
    ("sagain" / "sagaing", "tigray" / "tigrai")."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:] if len(a) < len(b) else a[i + 1:] == b[i + 1:]


def skeleton(name: str) -> str:
    """Consonant skeleton tolerant of transliteration vowels, articles and spacing.

    "Deir ez-Zor" / "Dayr az Zawr" / "Deir Ezzor" -> "drzr";
    "Albu Kamal" / "Abu Kamal" / "Boukamal" -> "bkml".
    """
    norm = normalise(name)
    words = norm.split()
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    # internal articles ("deir ez zor"): drop 2-letter article-like words between words
    words = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and w in ARTICLES + ("ez", "es", "ed", "er", "en", "et", "ul", "il"))]
    glued = "".join(words)
    for art in _STRONG_ARTICLES:
        if glued.startswith(art) and len(glued) > len(art) + 3:
            glued = glued[len(art):]
            break
    glued = glued.replace("ou", "u").replace("q", "k").replace("c", "k").replace("j", "g")
    consonants = _VOWELS.sub("", glued)
    return _REPEAT.sub(r"\1", consonants)


_GLUED_DIRECTION = re.compile(r"\b(north|south)(east|west)\b")
_SPACED_DIRECTION = re.compile(r"\b(north|south) (east|west)\b")


def direction_variant(norm: str) -> Optional[str]:
    """The other spelling of a compound direction in a normalised name ("northwest" <-> "north west", as
    GeoNames spells Cameroon's "North-West" region), or None."""
    if _GLUED_DIRECTION.search(norm):
        return _GLUED_DIRECTION.sub(r"\1 \2", norm)
    if _SPACED_DIRECTION.search(norm):
        return _SPACED_DIRECTION.sub(r"\1\2", norm)
    return None


def lookup_keys(name: str) -> list[str]:
    """Keys (strict first) under which a name is indexed or queried."""
    norm = normalise(name)
    keys = [norm]
    for k in (strip_articles(norm), admin_key(name)):
        if k and k not in keys:
            keys.append(k)
    return [k for k in keys if k]
