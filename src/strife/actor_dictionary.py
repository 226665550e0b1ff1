"""The canonical actor dictionary: names, aliases, country, sector, kind and affiliation.

The shipped dictionary (``data/actors/actors.jsonl.gz``) is built by
``scripts/build_actor_dictionary.py`` from the Phoenix/PETRARCH dictionaries (MIT) and the
hand-written ``data/actors/curated.jsonl``; ``agents.tsv`` maps generic nouns ("soldiers",
"militants") to sectors and ``demonyms.tsv`` maps demonyms ("Iraqi") to ISO 3166-1 alpha-3.

Users add dictionaries with ``ActorDictionary.load(extra_paths=[...])``: JSONL in our format
(one object a line: name, aliases, country, sector, kind, affiliation, codes) or PETRARCH
``.txt`` actor files. User entries take precedence over shipped ones.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, Optional, Sequence

from strife.petrarch_dict import PetrarchActor, cameo_blocks, decode_cameo, parse_actor_file

Kind = Literal["state", "non_state", "international", "person", "unknown"]
KINDS: frozenset[str] = frozenset({"state", "non_state", "international", "person", "unknown"})
STATE_SECTORS: frozenset[str] = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

DATA_PACKAGE = "strife"
DATA_DIR = "data/actors"
ACTORS_FILE = "actors.jsonl.gz"
AGENTS_FILE = "agents.tsv"
DEMONYMS_FILE = "demonyms.tsv"
STOPLIST_FILE = "pattern_stoplist.txt"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# an alias that is a day of a month ("17 November", Greece's group; "May 15"): never a pattern of the ruler
_DATE_ALIAS = re.compile(rf"(?:\d{{1,2}} (?:{_MONTHS})|(?:{_MONTHS}) \d{{1,2}})", re.I)
PATTERNS_VERSION = "2"  # raise when entity_ruler_patterns() changes what it makes of the same entries

log = logging.getLogger(__name__)


def _memoised(memo: dict, key, limit: int, compute):
    """``memo[key]``, computed once by ``compute()``; the memo empties itself past ``limit`` entries."""
    if key in memo:
        return memo[key]
    if len(memo) > limit:
        memo.clear()
    out = memo[key] = compute()
    return out


class ActorDictionaryError(ValueError):
    """A dictionary file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class EarlierCoding:
    """How an actor was coded in an earlier period: the Taliban were an insurgency (REB, non-state) from
    their fall on 2001-11-13 until they took Kabul on 2021-08-15, and the de facto government (GOV,
    state) before and since."""

    until: str  # ISO date (YYYY-MM-DD): the first day of the current coding
    sector: Optional[str] = None
    kind: Kind = "unknown"
    since: Optional[str] = None  # ISO date: the first day of the earlier coding (None: always before)

    def __post_init__(self) -> None:
        for name in ("until", "since"):
            value = getattr(self, name)
            if value is None and name == "since":
                continue
            try:
                date.fromisoformat(value)
            except (TypeError, ValueError) as exc:
                raise ActorDictionaryError(f"earlier coding: {name!r} {value!r} is not an ISO date") from exc
        if self.kind not in KINDS:
            raise ActorDictionaryError(f"earlier coding: kind {self.kind!r} not one of {sorted(KINDS)}")

    def covers(self, day: date) -> bool:
        return (self.since is None or date.fromisoformat(self.since) <= day) and day < date.fromisoformat(self.until)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One canonical actor."""

    name: str
    aliases: tuple[str, ...] = ()
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    sector: Optional[str] = None  # GOV, MIL, REB, MILITIA, COP, JUD, PTY, IGO, CVL, ...
    kind: Kind = "unknown"
    affiliation: tuple[str, ...] = ()  # ISO3 of backers ("Iranian-backed" -> IRN)
    codes: tuple[str, ...] = ()  # original CAMEO-style codes, for reference
    source: str = "curated"  # phoenix | curated | user:<file> | described
    metonyms: tuple[str, ...] = ()  # capital-city metonyms ("Washington"); not matched by default
    earlier: Optional[EarlierCoding] = None  # the coding before a date (see coding_on)

    def __post_init__(self) -> None:
        if not self.name or not self.name.strip():
            raise ActorDictionaryError("actor entry without a name")
        if self.kind not in KINDS:
            raise ActorDictionaryError(f"actor {self.name!r}: kind {self.kind!r} not one of {sorted(KINDS)}")
        if self.country is not None and not re.fullmatch(r"[A-Z]{3}", self.country):
            raise ActorDictionaryError(f"actor {self.name!r}: country {self.country!r} is not ISO 3166-1 alpha-3")
        for iso in self.affiliation:
            if not re.fullmatch(r"[A-Z]{3}", iso):
                raise ActorDictionaryError(f"actor {self.name!r}: affiliation {iso!r} is not ISO3")

    def coding_on(self, day: Optional[date], as_rebels: bool = False) -> tuple[Optional[str], str]:
        """(sector, kind) of the actor in a report published on ``day`` (None: today's coding), or in
        words that call it rebels ("Taliban insurgents" is the insurgency, whatever the date)."""
        e = self.earlier
        if e is not None and (as_rebels or (day is not None and e.covers(day))):
            return e.sector, e.kind
        if day is not None and self.codes:
            # PETRARCH date-restricted codes ("USAGOV 810120-890120" on Ronald Reagan, "USAELI" after)
            sector = _dated_sector(self.codes, day)
            if sector is not None:
                return sector, self.kind
        return self.sector, self.kind

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name,) + tuple(a for a in self.aliases if a != self.name)

    def to_json_dict(self) -> dict[str, Any]:
        """Compact JSON form: empty fields are left out."""
        d = asdict(self)
        if d.get("earlier"):
            d["earlier"] = {k: v for k, v in d["earlier"].items() if v is not None}
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in d.items() if v not in (None, (), "")}

    @classmethod
    def from_json_dict(cls, data: dict[str, Any], default_source: str = "curated") -> "ActorEntry":
        unknown = set(data) - {f for f in cls.__dataclass_fields__}
        if unknown:
            raise ActorDictionaryError(f"actor {data.get('name')!r}: unknown fields {sorted(unknown)}")
        if "name" not in data:
            raise ActorDictionaryError(f"actor record without 'name': {data!r}")
        return cls(
            name=str(data["name"]),
            aliases=tuple(data.get("aliases") or ()),
            country=data.get("country"),
            sector=data.get("sector"),
            kind=data.get("kind") or "unknown",
            affiliation=tuple(data.get("affiliation") or ()),
            codes=tuple(data.get("codes") or ()),
            source=data.get("source") or default_source,
            metonyms=tuple(data.get("metonyms") or ()),
            earlier=_earlier_from_json(data.get("earlier")),
        )


@lru_cache(maxsize=8192)
def _dated_sector(codes: tuple[str, ...], day: date) -> Optional[str]:
    """The sector of the PETRARCH code valid on ``day`` among ``codes`` (None when none is date-restricted
    or the valid code names no sector)."""
    from strife.petrarch_dict import PetrarchFormatError, parse_code_block, select_code

    parsed = []
    for raw in codes:
        if ":" in raw:  # "note: ...", "phoenix:AFGREB": annotations, not codes
            continue
        try:
            parsed.append(parse_code_block(raw))
        except PetrarchFormatError:
            continue  # a code the source file wrote unreadably: the entry's own sector stands
    if not any(c.restricted for c in parsed):
        return None
    code = select_code(parsed, day)
    return decode_cameo(code).sector if code else None


def _earlier_from_json(value: Any) -> Optional[EarlierCoding]:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"until", "since", "sector", "kind"} or "until" not in value:
        raise ActorDictionaryError(
            f"'earlier' must be an object with 'until' and optional 'since', 'sector', 'kind': {value!r}")
    since = value.get("since")
    return EarlierCoding(until=str(value["until"]), sector=value.get("sector"), kind=value.get("kind") or "unknown",
                         since=None if since is None else str(since))


# ---------------------------------------------------------------- normalisation

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'", "\u02bb": "'", "`": "'",
    "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
    "_": " ", "\u0131": "i",
})
_POSSESSIVE = re.compile(r"(?:'s|s')\s*$")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_LEADING_THE = re.compile(r"^(?:the )+")


def strip_diacritics(text: str) -> str:
    if text.isascii():
        return text
    t = unicodedata.normalize("NFKD", text)
    return "".join(c for c in t if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 17)  # a pure function of the text, called for every noun and name looked up
def normalize(text: str) -> str:
    """Lookup key: case, "the", trailing possessive, punctuation, diacritics, curly quotes ignored.

    ``"the Kata'ib Hizballah's"`` -> ``"kataib hizballah"``; ``"U.S."`` -> ``"us"``.
    """
    t = strip_diacritics(text.translate(_TRANSLATE)).lower().strip()
    t = _POSSESSIVE.sub(lambda m: "s" if m.group().startswith("s") else "", t)
    t = t.replace("'", "").replace(".", "")
    t = _NON_WORD.sub(" ", t).strip()
    return _LEADING_THE.sub("", t)


def _distinctive_slip(a: str, b: str, people_named: Callable[[str], int]) -> bool:
    """Whether two names one slip apart are one person's: the slip is in a word of 7+ letters ("Mitterand" /
    "Mitterrand"), or the words they share are rare in the dictionary's people's names ("Shimon Perez"); not a
    short surname whose spellings are names of their own beside a common given name ("Carlos Gomez" is no
    "Carlos Gomes"). ``people_named``: how many people's names hold a word."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return True  # a space slipped in or out
    if all(len(x) >= 7 or len(y) >= 7 for x, y in zip(wa, wb) if x != y):
        return True
    return all(people_named(x) <= _RARE_NAME_WORD for x, y in zip(wa, wb) if x == y)


def _one_slip(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion, substitution or swap of
    neighbouring letters (Damerau-Levenshtein distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]


# a name word in at most this many of the dictionary's people's names is rare ("shimon": 1; "carlos": 103)
_RARE_NAME_WORD = 10

# words of an organisation's name, not a person's ("in" and "on" are syllables of Korean and Chinese names)
_NOT_IN_PERSON_NAMES = frozenset({"of", "and", "for", "the", "to", "against"})


def compact_key(key: str) -> str:
    return key.replace(" ", "")


def _singular(word: str) -> list[str]:
    out = []
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("es") and len(word) > 3:
        out.append(word[:-2])
    if word.endswith("s") and len(word) > 3:
        out.append(word[:-1])
    return out


# ---------------------------------------------------------------- PETRARCH conversion

_SMALL_WORDS = frozenset({"of", "the", "and", "in", "for", "on", "al", "el", "ad", "ar", "as", "at", "wa", "bin", "ibn", "de", "la", "du", "des", "fi"})
_PAREN = re.compile(r"\(([^)]*)\)")


def display_name(phrase: str) -> str:
    """Readable name from an upper-case dictionary phrase: ``AL-QAEDA IN IRAQ`` -> ``Al-Qaeda in Iraq``."""
    if phrase != phrase.upper():
        return phrase
    words = phrase.split()
    if len(words) == 1 and len(phrase) <= 5:
        return phrase  # acronym: UN, NATO, ANSF
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in _SMALL_WORDS:
            out.append(lw)
            continue
        out.append("-".join(p[:1].upper() + p[1:] for p in lw.split("-")))
    return " ".join(out)


def split_parenthetical(phrase: str) -> list[str]:
    """``"ADEN ABYAN ISLAMIC ARMY (AAIA)"`` -> ``["ADEN ABYAN ISLAMIC ARMY", "AAIA"]``."""
    inner = [m.strip() for m in _PAREN.findall(phrase) if m.strip()]
    outer = " ".join(_PAREN.sub(" ", phrase).replace("(", " ").replace(")", " ").split())
    return [p for p in [outer, *inner] if p]


def entry_from_petrarch(actor: PetrarchActor, source: str, on_date: Optional[date] = None) -> Optional[ActorEntry]:
    """Convert a parsed PETRARCH actor; None when its code is null (``---``) or absent."""
    code = actor.code_on(on_date)
    if code is None:
        return None
    info = decode_cameo(code)
    names: list[str] = []
    seen: set[str] = set()
    for n in actor.names:
        for part in split_parenthetical(n):
            key = normalize(part)
            if key and key not in seen:
                seen.add(key)
                names.append(part)
    if not names:
        return None
    kind: Kind = info.kind
    restricted = any(c.restricted for c in actor.codes)
    if info.sector == "ELI" or (restricted and len(code.replace("~", "")) > 3):
        kind = "person"
    return ActorEntry(
        name=display_name(names[0]),
        aliases=tuple(names),
        country=info.country,
        sector=info.sector,
        kind=kind,
        codes=tuple(c.raw for c in actor.codes),
        source=source,
    )


# ---------------------------------------------------------------- data files

def _data_path(name: str) -> Path:
    return Path(str(resources.files(DATA_PACKAGE).joinpath(DATA_DIR).joinpath(name)))


def read_actor_jsonl(path: Path, default_source: str) -> list[ActorEntry]:
    opener = gzip.open if path.suffix == ".gz" else open
    entries: list[ActorEntry] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ActorDictionaryError(f"{path.name}:{n}: invalid JSON: {exc}") from exc
            try:
                entries.append(ActorEntry.from_json_dict(data, default_source=default_source))
            except ActorDictionaryError as exc:
                raise ActorDictionaryError(f"{path.name}:{n}: {exc}") from exc
    return entries


def read_tsv_map(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2:
                raise ActorDictionaryError(f"{path.name}:{n}: expected at least 2 tab-separated columns")
            out.setdefault(normalize(cols[0]), cols[1])
    return out


def read_user_dictionary(path: str | Path) -> list[ActorEntry]:
    """A user dictionary: ``.jsonl``/``.jsonl.gz`` in our format, or a PETRARCH ``.txt`` actor file."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"actor dictionary not found: {p}")
    source = f"user:{p.name}"
    if p.name.endswith((".jsonl", ".jsonl.gz", ".json")):
        return read_actor_jsonl(p, default_source=source)
    if p.suffix == ".txt":
        parsed = parse_actor_file(p)
        return [e for a in parsed.actors if (e := entry_from_petrarch(a, source)) is not None]
    raise ActorDictionaryError(f"{p.name}: unknown dictionary format (expected .jsonl, .jsonl.gz or PETRARCH .txt)")


# ---------------------------------------------------------------- the dictionary

_AFFIL_SUFFIX = re.compile(
    r"([A-Z][\w.'\u2019]*(?:[ -][A-Z][\w.'\u2019]*)?)[-\u2010\u2011 ]"
    r"(?:backed|sponsored|supported|funded|aligned|allied|affiliated|linked|armed|trained|led|controlled)\b"
)
_AFFIL_PRO = re.compile(r"\bpro-([A-Z][\w.'\u2019]*(?: [A-Z][\w.'\u2019]*)?)")
_AFFIL_BY = re.compile(
    r"\b(?:backed|supported|sponsored|funded|armed|trained)\s+by\s+(?:the\s+)?([A-Z][\w.'\u2019]*(?:\s[A-Z][\w.'\u2019]*){0,3})"
)
_DETERMINER = re.compile(r"^(?:the|a|an|some|several|two|three|four|five|many|its|their|his|her)\s+", re.I)
# a count before the people a description names ("12", "at least 30", "dozens of", "two other")
_QUANTITY = re.compile(r"^(?:(?:at least|at most|more than|fewer than|less than|about|nearly|some|over|around|almost|up to|"
                       r"dozens of|hundreds of|thousands of|scores of|several|many|other|another|a|an|the|"
                       r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\s+)+", re.I)
_MAX_NGRAM = 5
_PLAIN = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")


@dataclass(slots=True)
class ActorDictionary:
    entries: list[ActorEntry]
    agents: dict[str, str] = field(default_factory=dict)  # normalised phrase -> sector
    demonyms: dict[str, str] = field(default_factory=dict)  # normalised demonym -> ISO3
    stoplist: frozenset[str] = frozenset()
    _index: dict[str, int] = field(default_factory=dict, repr=False)
    _compact: dict[str, int] = field(default_factory=dict, repr=False)
    _metonyms: dict[str, int] = field(default_factory=dict, repr=False)
    _states: dict[str, int] = field(default_factory=dict, repr=False)
    _labels: dict[str, str] = field(default_factory=dict, repr=False)
    _patterns: Optional[list[dict]] = field(default=None, repr=False)
    # a digest of the files the entries came from (set by load(); cleared when the entries change): the
    # key under which entity_ruler_patterns() keeps its result in the cache directory
    _source_digest: Optional[str] = field(default=None, repr=False)
    _person_words: Optional[dict[str, list[int]]] = field(default=None, repr=False)
    _short_persons: dict[str, int] = field(default_factory=dict, repr=False)
    # lookup_agent answers, kept while ``agents`` is the same dict with the same number of entries
    _agent_memo: dict[str, Optional[str]] = field(default_factory=dict, repr=False)
    _agent_stamp: tuple[int, int] = field(default=(0, -1), repr=False)
    # lookup / lookup_person_fuzzy answers, kept until the next _reindex
    _lookup_memo: dict[tuple[str, bool], Optional[int]] = field(default_factory=dict, repr=False)
    _fuzzy_memo: dict[str, Optional[ActorEntry]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._reindex()

    # -- construction
    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] = ()) -> "ActorDictionary":
        """The shipped dictionary plus user dictionaries (which take precedence)."""
        actors = _data_path(ACTORS_FILE)
        if not actors.is_file():
            raise ActorDictionaryError(
                f"built actor dictionary missing ({actors}); run scripts/build_actor_dictionary.py"
            )
        entries = read_actor_jsonl(actors, default_source="phoenix")
        user: list[ActorEntry] = []
        for p in extra_paths:
            user.extend(read_user_dictionary(p))
        stop = _data_path(STOPLIST_FILE)
        stoplist = frozenset(
            normalize(line) for line in stop.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ) if stop.is_file() else frozenset()
        d = cls(
            entries=user + entries,
            agents=read_tsv_map(_data_path(AGENTS_FILE)),
            demonyms=read_tsv_map(_data_path(DEMONYMS_FILE)),
            stoplist=stoplist,
        )
        digest = hashlib.sha256(PATTERNS_VERSION.encode())
        for path in [actors, stop, *map(Path, extra_paths)]:
            digest.update(path.name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
        d._source_digest = digest.hexdigest()[:20]
        return d

    def _reindex(self) -> None:
        self._agent_memo.clear()
        self._lookup_memo.clear()
        self._fuzzy_memo.clear()
        self._index.clear()
        self._compact.clear()
        self._metonyms.clear()
        self._states.clear()
        for i, e in enumerate(self.entries):  # earlier entries win
            for alias in e.all_names:
                key = normalize(alias)
                if key:
                    self._index.setdefault(key, i)
                    self._compact.setdefault(compact_key(key), i)
            for m in e.metonyms:
                self._metonyms.setdefault(normalize(m), i)
            if e.kind == "state" and e.sector is None and e.country:
                self._states.setdefault(e.country, i)
        # persons also by first and last name without middle names ("Carlos Saul Menem" -> "Carlos
        # Menem"), where no other entry, and no other person's short form, claims that key; not an
        # organisation the source dictionary files as a person ("Syrian Coalition of Secular and
        # Democratic Forces" is no "Syrian forces")
        short: dict[str, set[int]] = {}
        for i, e in enumerate(self.entries):
            if e.kind != "person":
                continue
            for alias in e.all_names:
                words = normalize(alias).split()
                if len(words) >= 3 and not _NOT_IN_PERSON_NAMES.intersection(words) \
                        and not self.lookup_agent(words[-1]):
                    short.setdefault(words[0] + " " + words[-1], set()).add(i)
        self._short_persons = {k: next(iter(v)) for k, v in short.items()
                               if k not in self._index and len({self.entries[i].name for i in v}) == 1}
        self._labels = {b.sector: b.label for b in cameo_blocks().values()
                        if b.category == "role" and b.sector and b.label and b.code == b.sector}
        self._patterns = None
        self._source_digest = None

    def add(self, entries: Iterable[ActorEntry]) -> None:
        """Add entries that take precedence over those already present."""
        self.entries = list(entries) + self.entries
        self._reindex()

    def __len__(self) -> int:
        return len(self.entries)

    # -- lookups
    def lookup(self, text: str, metonyms: bool = False) -> Optional[ActorEntry]:
        """The entry whose name or alias matches ``text`` (normalised); exact alias first."""
        i = _memoised(self._lookup_memo, (text, metonyms), 65536, lambda: self._lookup_index(text, metonyms))
        return self.entries[i] if i is not None else None

    def _lookup_index(self, text: str, metonyms: bool) -> Optional[int]:
        key = normalize(text)
        if not key:
            return None
        i = self._index.get(key)
        if i is None:
            i = self._compact.get(compact_key(key))
        if i is None:
            i = self._short_persons.get(key)
        if i is None and metonyms:
            i = self._metonyms.get(key)
        return i

    def lookup_person_fuzzy(self, text: str) -> Optional[ActorEntry]:
        """A person entry whose full name is one typing slip away from ``text`` ("Francois Mitterand",
        "Abdelaziz Bouteflicka"): at least two words, 10+ letters, Damerau-Levenshtein distance 1, a
        shared first or last word, a slip that names no other common name (:func:`_distinctive_slip`), and a
        single such entry (an ambiguous slip matches nothing)."""
        return _memoised(self._fuzzy_memo, text, 16384, lambda: self._person_fuzzy(text))

    def _person_fuzzy(self, text: str) -> Optional[ActorEntry]:
        key = normalize(text)
        words = key.split()
        if len(words) < 2 or len(key) < 10:
            return None
        if self._person_words is None:
            index: dict[str, list[int]] = {}
            for i, e in enumerate(self.entries):
                if e.kind == "person":
                    for alias in e.all_names:
                        ws = normalize(alias).split()
                        if len(ws) >= 2:
                            for w in {ws[0], ws[-1]}:
                                index.setdefault(w, []).append(i)
            self._person_words = index
        hits: set[int] = set()

        def people_named(w: str) -> int:
            return len(set(self._person_words.get(w, ())))

        for w in {words[0], words[-1]}:
            for i in self._person_words.get(w, ()):
                if any(_one_slip(key, n) and _distinctive_slip(key, n, people_named)
                       for n in (normalize(a) for a in self.entries[i].all_names)):
                    hits.add(i)
        names = {self.entries[i].name for i in hits}
        return self.entries[min(hits)] if len(names) == 1 else None

    def state(self, iso3: str) -> Optional[ActorEntry]:
        i = self._states.get(iso3)
        return self.entries[i] if i is not None else None

    def sector_label(self, sector: str) -> str:
        """The plural noun a sector code names ("CVL" -> "civilians"), as descriptions are named."""
        return self._labels.get(sector, sector.lower())

    def lookup_agent(self, noun: str) -> Optional[str]:
        """Sector of a generic noun or noun phrase: "soldiers" -> MIL, "militant" -> REB."""
        stamp = (id(self.agents), len(self.agents))
        if stamp != self._agent_stamp:  # the agents table was swapped or grew
            self._agent_memo.clear()
            self._agent_stamp = stamp
        return _memoised(self._agent_memo, noun, 65536, lambda: self._lookup_agent(noun))

    def _lookup_agent(self, noun: str) -> Optional[str]:
        key = normalize(noun)
        if not key:
            return None
        if key in self.agents:
            return self.agents[key]
        words = key.split()
        for sing in _singular(words[-1]):
            k = " ".join(words[:-1] + [sing])
            if k in self.agents:
                return self.agents[k]
        return None

    def demonym_country(self, word: str) -> Optional[str]:
        """ISO3 of a demonym or country name: "Iraqi" -> IRQ, "Americans" -> USA."""
        key = normalize(word)
        if not key:
            return None
        if key in self.demonyms:
            return self.demonyms[key]
        for sing in _singular(key):
            if sing in self.demonyms:
                return self.demonyms[sing]
        e = self.lookup(word)
        if e is not None and e.kind == "state" and e.sector is None:
            return e.country
        return None

    def _country_of(self, phrase: str) -> Optional[str]:
        phrase = phrase.strip(" .,'\u2019")
        iso = self.demonym_country(phrase)
        if iso is None:
            e = self.lookup(phrase, metonyms=True)
            if e is not None and e.country and e.kind == "state":
                iso = e.country
        return iso

    def parse_affiliation(self, text: str) -> list[str]:
        """Backers named in a description: "Iranian-backed" / "backed by Iran" / "pro-Iran" -> ["IRN"]."""
        found: list[str] = []
        for rx in (_AFFIL_SUFFIX, _AFFIL_PRO, _AFFIL_BY):
            for m in rx.finditer(text):
                phrase = m.group(1)
                words = phrase.split()
                # "the Iranian-backed": try the longest tail first ("U.S.-led", "Saudi Arabian-backed")
                for start in range(len(words)):
                    iso = self._country_of(" ".join(words[start:]))
                    if iso:
                        if iso not in found:
                            found.append(iso)
                        break
        return found

    def describe(self, text: str) -> Optional[ActorEntry]:
        """Resolve a description ("the Iraqi military", "U.S. forces", "the Iranian-backed militia")."""
        known = self.lookup(text)
        if known is not None:
            return known
        affiliation = self.parse_affiliation(text)
        body = _AFFIL_SUFFIX.sub(" ", text)
        body = _AFFIL_PRO.sub(" ", body)
        body = _AFFIL_BY.sub(" ", body)
        body = _DETERMINER.sub("", body.strip())
        tokens = [t for t in re.split(r"\s+", body.replace("'s ", " ").replace("\u2019s ", " ")) if t]
        keys = [normalize(t) for t in tokens]
        n = len(tokens)
        # agent: the right-most, then longest, n-gram in the agents table
        agent: Optional[tuple[int, int, str]] = None
        for end in range(n, 0, -1):
            for start in range(max(0, end - _MAX_NGRAM), end):
                phrase = " ".join(k for k in keys[start:end] if k)
                sector = self.lookup_agent(phrase) if phrase else None
                if sector:
                    agent = (start, end, sector)
                    break
            if agent:
                break
        country: Optional[str] = None
        named: Optional[ActorEntry] = None
        stop = agent[0] if agent else n
        i = 0
        while i < stop:
            hit = False
            for j in range(min(stop, i + _MAX_NGRAM), i, -1):
                surface = " ".join(tokens[i:j])
                key = " ".join(k for k in keys[i:j] if k)
                if not key or (len(key.replace(" ", "")) <= 3 and not surface.replace(".", "").isupper()):
                    continue  # "us" in lower case is a pronoun
                iso = self.demonym_country(surface)
                if iso:
                    country = country or iso
                    hit = True
                else:
                    e = self.lookup(surface)
                    if e is not None:
                        if e.kind == "state" and e.sector is None:
                            country = country or e.country
                        else:
                            named = named or e
                        hit = True
                if hit:
                    i = j
                    break
            if not hit:
                i += 1
        if named is not None and named.kind != "person":
            return named  # "Hezbollah fighters" -> Hezbollah
        if agent is None:
            if country is None:
                return None
            return self.state(country) or ActorEntry(name=country, country=country, kind="state", source="described")
        sector = agent[2]
        label = self.sector_label(sector)
        if sector in STATE_SECTORS:
            kind: Kind = "state" if country else "unknown"
        else:
            kind = "non_state"
        if country:
            st = self.state(country)
            cname = st.name if st is not None else country
            name = f"{cname} {label}"
        else:
            # "12 civilians", "at least 30 soldiers": the people are the name, the count is a toll
            bare = _DETERMINER.sub("", text.strip()).strip()
            name = _QUANTITY.sub("", bare).strip() or bare
        return ActorEntry(name=name, aliases=(text.strip(),), country=country, sector=sector, kind=kind,
                          affiliation=tuple(affiliation), source="described")

    # -- spaCy patterns
    def entity_ruler_patterns(self, nlp: Any = None, include_business: bool = False,
                              label: str = "ACTOR") -> list[dict]:
        """Token patterns for a spaCy EntityRuler/SpanRuler (``id`` = canonical name).

        Multi-word aliases match case-insensitively; single-word aliases match in any case
        but all-lower-case ("hamas" yes, "us" no); aliases of 3 letters or fewer match only
        as written in upper case ("US", "KH", "U.S."); stop-listed aliases and
        multinational businesses (unless ``include_business``) are left out.
        """
        if self._patterns is not None and nlp is None and not include_business:
            return self._patterns
        cached = self._cached_patterns_path() if nlp is None and not include_business and label == "ACTOR" else None
        if cached is not None and cached.is_file():
            try:
                self._patterns = json.loads(cached.read_text(encoding="utf-8"))
                return self._patterns
            except (OSError, ValueError) as exc:
                log.warning("actor patterns cache %s unreadable (%s); rebuilding it", cached, exc)
        patterns = self._build_patterns(nlp, include_business, label)
        if nlp is None and not include_business:
            self._patterns = patterns
        if cached is not None:
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
                tmp.write_text(json.dumps(patterns, ensure_ascii=False), encoding="utf-8")
                tmp.replace(cached)  # atomic: a concurrent reader sees the old file or the whole new one
            except OSError as exc:
                log.warning("could not write the actor patterns cache %s: %s", cached, exc)
        return patterns

    def _cached_patterns_path(self) -> Optional[Path]:
        """Where the patterns of the dictionary as loaded are kept (None once its entries changed)."""
        if self._source_digest is None:
            return None
        from importlib.metadata import version

        from strife.settings import get_settings

        # spaCy's tokenizer and stop words shape the patterns: its version is part of the key
        return get_settings().cache_dir / f"actor-patterns-{self._source_digest}-spacy{version('spacy')}.json"

    def _build_patterns(self, nlp: Any, include_business: bool, label: str) -> list[dict]:
        import spacy
        from spacy.lang.en.stop_words import STOP_WORDS

        tokenizer = (nlp or spacy.blank("en")).tokenizer
        seen: set[tuple] = set()
        patterns: list[dict] = []
        for e in self.entries:
            business = e.source == "phoenix" and (e.sector in ("BUS",) or any(c.startswith("MNC") for c in e.codes))
            if business and not include_business:
                continue
            for alias in e.all_names:
                key = normalize(alias)
                if not key or key in self.stoplist or _DATE_ALIAS.fullmatch(key):
                    continue  # (a day of a month reads as a date: "murdered last Friday (17 November)")
                if _PLAIN.fullmatch(alias):
                    toks = alias.split()  # nothing for the tokenizer to split
                else:
                    toks = [t.text for t in tokenizer(alias)]
                if not toks:
                    continue
                letters = compact_key(key)
                if len(toks) == 1 or len(letters) <= 3:
                    if len(letters) <= 3:
                        if not any(c.isupper() for c in alias) or len(letters) < 2:
                            continue
                        pat: list[dict] = [{"TEXT": t} for t in toks]
                    else:
                        if key in STOP_WORDS or (e.source == "phoenix" and e.sector in ("NGO", "BUS")):
                            continue  # single common words ("CARE", "ACTION") are too risky
                        pat = [{"LOWER": t.lower(), "IS_LOWER": False} for t in toks]
                else:
                    if all(t.lower() in STOP_WORDS or not t.isalnum() for t in toks):
                        continue
                    pat = [{"LOWER": t.lower()} for t in toks]
                sig = (e.name, tuple(tuple(sorted(d.items())) for d in pat))
                if sig in seen:
                    continue
                seen.add(sig)
                patterns.append({"label": label, "pattern": pat, "id": e.name})
        return patterns


@lru_cache(maxsize=1)
def get_actor_dictionary() -> ActorDictionary:
    """The shipped dictionary, loaded once per process."""
    return ActorDictionary.load()
