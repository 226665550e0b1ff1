"""Parser for PETRARCH/TABARI-format actor and agent dictionaries, and CAMEO actor-code decoding.

Actor dictionaries (``*.actors.txt``)::

    IRAQ_                      # a primary phrase starts an entry; "_" joins words
    +IRAQI_                    # "+" lines are synonyms of the current entry
    	[IRQ <20030320]            # tab-indented code lines, optionally date restricted
    	[IRQ >20060520]
    HAMAS [PSEREBHMS]          # or the code inline after the phrase

A primary phrase without a code that follows another codeless primary joins the same
entry (PETRARCH shares the code slot), exactly as PETRARCH's reader does. ``#`` starts a
comment, ``<!-- ... -->`` are XML comments (possibly spanning lines).

Agent dictionaries (``*.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     # substitution set
    FARMER [~AGR]                                  # plural formed by rule (FARMERS)
    GUNMAN {GUNMEN} [~UAF]                         # explicit plural; "{}" = no plural
    CATTLE!PERSON! [~AGR]                          # expanded over the set

CAMEO codes are sequences of 3-letter blocks: country (ISO 3166-1 alpha-3 or a CAMEO
region/international code) followed by role, religion and organisation blocks. The
meaning of each block is data (``data/actors/cameo_codes.tsv``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Literal, Optional


log = logging.getLogger(__name__)

Kind = Literal["state", "non_state", "international", "person", "unknown"]

# Reference date for "the most recent code": far future, so open-ended codes win.
_FAR_FUTURE = date(9999, 12, 31)


class PetrarchFormatError(ValueError):
    """A PETRARCH dictionary line could not be interpreted."""


@dataclass(frozen=True, slots=True)
class CodeRestriction:
    """One CAMEO code with an optional validity window (inclusive bounds)."""

    code: str
    start: Optional[date] = None
    end: Optional[date] = None
    raw: str = ""

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, day: date) -> bool:
        if self.start is not None and day < self.start:
            return False
        if self.end is not None and day > self.end:
            return False
        return True


@dataclass(slots=True)
class PetrarchActor:
    """One actor entry: its phrases (first is the primary) and its codes."""

    names: list[str]
    codes: list[CodeRestriction] = field(default_factory=list)
    line: int = 0

    def code_on(self, day: Optional[date] = None) -> Optional[str]:
        return select_code(self.codes, day)


@dataclass(frozen=True, slots=True)
class PetrarchAgent:
    phrase: str  # words joined by single spaces, upper case as in the file
    code: str  # e.g. "~MIL", "IGO~"
    plural: bool = False


@dataclass(slots=True)
class ParseResult:
    actors: list[PetrarchActor]
    warnings: list[str]


def phrase_to_text(phrase: str) -> str:
    """``"AL_QAEDA_IN_IRAQ_"`` -> ``"AL QAEDA IN IRAQ"``."""
    return " ".join(phrase.replace("_", " ").split())


# ---------------------------------------------------------------- dates

def parse_petrarch_date(text: str) -> date:
    """YYMMDD (00-30 -> 20xx, else 19xx) or YYYYMMDD."""
    s = text.strip()
    if not s.isdigit() or len(s) not in (6, 8):
        raise PetrarchFormatError(f"not a PETRARCH date: {text!r}")
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(s[2:4]), int(s[4:6])
    else:
        year, month, day = int(s[:4]), int(s[4:6]), int(s[6:8])
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise PetrarchFormatError(f"invalid date {text!r}: {exc}") from exc


_DIGITS = re.compile(r"\d+")


def parse_code_block(block: str) -> CodeRestriction:
    """Interpret the inside of one ``[...]`` block: ``"IRQGOV 20060520-20140908"``."""
    raw = block.strip()
    parts = raw.split(None, 1)
    if not parts:
        raise PetrarchFormatError("empty code block []")
    code = parts[0].strip().upper()
    rest = parts[1].strip() if len(parts) > 1 else ""
    if not rest:
        return CodeRestriction(code=code, raw=raw)
    if rest[0] in "<>":
        m = _DIGITS.search(rest)
        if not m:
            raise PetrarchFormatError(f"date restriction without a date: [{raw}]")
        d = parse_petrarch_date(m.group())
        if rest[0] == "<":
            return CodeRestriction(code=code, end=d, raw=raw)
        return CodeRestriction(code=code, start=d, raw=raw)
    if "-" in rest:
        a, _, b = rest.partition("-")
        d1, d2 = parse_petrarch_date(a), parse_petrarch_date(b)
        if d2 < d1:
            raise PetrarchFormatError(f"interval ends before it starts: [{raw}]")
        return CodeRestriction(code=code, start=d1, end=d2, raw=raw)
    raise PetrarchFormatError(f"unreadable date restriction: [{raw}]")


def select_code(codes: Iterable[CodeRestriction], day: Optional[date] = None) -> Optional[str]:
    """The code valid on ``day`` (default: the most recent code).

    Date-restricted codes valid on the day win over the default (unrestricted) code; when
    none is valid, the default applies; without a default, the restriction that ended last.
    Null codes (``---``) yield None.
    """
    day = day or _FAR_FUTURE
    codes = list(codes)
    chosen: Optional[CodeRestriction] = None
    for c in codes:
        if c.restricted and c.valid_on(day):
            chosen = c  # later lines win, as in PETRARCH
    if chosen is None:
        defaults = [c for c in codes if not c.restricted]
        if defaults:
            chosen = defaults[-1]
        elif codes:
            chosen = max(codes, key=lambda c: (c.end or _FAR_FUTURE, c.start or date.min))
    if chosen is None or chosen.code in ("---", "+++", ""):
        return None
    return chosen.code


# ---------------------------------------------------------------- line reading

def _clean_lines(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) with comments removed; keeps a leading tab."""
    in_xml_comment = False
    for n, line in enumerate(lines, start=1):
        line = line.rstrip("\n\r")
        if in_xml_comment:
            if "-->" in line:
                in_xml_comment = False
                line = line[line.index("-->") + 3:]
            else:
                continue
        while "<!--" in line:
            pre, _, post = line.partition("<!--")
            if "-->" in post:
                line = pre + post[post.index("-->") + 3:]
            else:
                line = pre
                in_xml_comment = True
        if "#" in line:
            line = line[: line.index("#")]
        if not line.strip():
            continue
        yield n, line


_BRACKETS = re.compile(r"\[([^\]]*)\]")


def parse_actor_lines(lines: Iterable[str], source: str = "<text>") -> ParseResult:
    """Parse an actor dictionary given as lines of text."""
    actors: list[PetrarchActor] = []
    warnings: list[str] = []
    current: Optional[PetrarchActor] = None

    def add_codes(target: PetrarchActor, text: str, n: int) -> None:
        for block in _BRACKETS.findall(text):
            try:
                target.codes.append(parse_code_block(block))
            except PetrarchFormatError as exc:
                warnings.append(f"{source}:{n}: {exc}; code skipped")

    for n, line in _clean_lines(lines):
        if line[0] in "\t " and line.lstrip().startswith("["):
            if current is None:
                warnings.append(f"{source}:{n}: code line before any actor; skipped")
                continue
            add_codes(current, line, n)
            continue
        stripped = line.strip()
        if stripped.startswith("---STOP---"):
            break
        if stripped.startswith("+"):
            if current is None:
                warnings.append(f"{source}:{n}: synonym before any actor; skipped")
                continue
            name = phrase_to_text(stripped[1:].split("[", 1)[0])
            if name:
                current.names.append(name)
            if "[" in stripped:
                add_codes(current, stripped, n)
            continue
        name = phrase_to_text(stripped.split("[", 1)[0])
        if not name:
            warnings.append(f"{source}:{n}: no phrase on line; skipped")
            continue
        if current is not None and not current.codes:
            # PETRARCH: a primary phrase after a codeless one shares its code slot
            current.names.append(name)
        else:
            current = PetrarchActor(names=[name], line=n)
            actors.append(current)
        if "[" in stripped:
            add_codes(current, stripped, n)
    return ParseResult(actors=[a for a in actors if a.names], warnings=warnings)


def parse_actor_file(path: str | Path) -> ParseResult:
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"PETRARCH actor dictionary not found: {p}")
    with p.open(encoding="utf-8", errors="replace") as fh:
        return parse_actor_lines(fh, source=p.name)


def _plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "CH", "SH", "Z")):
        return word + "ES"
    return word + "S"


def parse_agent_lines(lines: Iterable[str], source: str = "<text>") -> tuple[list[PetrarchAgent], list[str]]:
    """Parse an agent dictionary; plurals are generated as PETRARCH does."""
    subs: dict[str, list[str]] = {}
    agents: list[PetrarchAgent] = []
    warnings: list[str] = []
    for n, line in _clean_lines(lines):
        s = line.strip()
        if "!" in s and "=" in s and "[" not in s:
            m = re.match(r"!(\w+)!\s*=\s*(.*)$", s)
            if not m:
                warnings.append(f"{source}:{n}: bad substitution set; skipped")
                continue
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        if "[" not in s:
            warnings.append(f"{source}:{n}: agent without code; skipped")
            continue
        head, _, tail = s.partition("[")
        code = tail.partition("]")[0].replace(" ", "").upper()
        explicit: Optional[list[str]] = None
        if "{" in head:
            if "}" not in head:
                warnings.append(f"{source}:{n}: missing '}}'; skipped")
                continue
            inner = head[head.index("{") + 1: head.index("}")]
            explicit = [phrase_to_text(x) for x in inner.split(",") if phrase_to_text(x)]
            head = head[: head.index("{")]
        phrases = [head.strip()]
        if "!" in head:
            m = re.search(r"!(\w+)!", head)
            if not m or m.group(1) not in subs:
                warnings.append(f"{source}:{n}: unknown substitution marker; skipped")
                continue
            phrases = [head.replace(m.group(0), w) for w in subs[m.group(1)]]
            explicit = []  # the set already lists singular and plural forms
        for ph in phrases:
            text = phrase_to_text(ph)
            if not text:
                continue
            agents.append(PetrarchAgent(phrase=text, code=code))
            plurals = explicit if explicit is not None else [" ".join(text.split()[:-1] + [_plural(text.split()[-1])])]
            for pl in plurals:
                agents.append(PetrarchAgent(phrase=pl, code=code, plural=True))
    return agents, warnings


def parse_agent_file(path: str | Path) -> tuple[list[PetrarchAgent], list[str]]:
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"PETRARCH agent dictionary not found: {p}")
    with p.open(encoding="utf-8", errors="replace") as fh:
        return parse_agent_lines(fh, source=p.name)


# ---------------------------------------------------------------- CAMEO code decoding

@dataclass(frozen=True, slots=True)
class CodeBlock:
    code: str
    category: str
    sector: Optional[str]
    label: Optional[str]
    iso3: Optional[str]


@dataclass(frozen=True, slots=True)
class CameoActor:
    """What a CAMEO actor code says in strife's terms."""

    code: str
    country: Optional[str]
    sector: Optional[str]
    kind: Kind
    religion: Optional[str] = None


@lru_cache(maxsize=1)
def cameo_blocks() -> dict[str, CodeBlock]:
    text = resources.files("strife").joinpath("data/actors/cameo_codes.tsv").read_text(encoding="utf-8")
    table: dict[str, CodeBlock] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise ValueError(f"cameo_codes.tsv:{n}: expected 5 tab-separated columns, got {len(cols)}")
        code, cat, sector, label, iso3 = (None if c == "-" and i > 0 else c for i, c in enumerate(cols))
        table[code] = CodeBlock(code, cat, sector, label, iso3)
    return table


def _iso3(block: str) -> Optional[str]:
    info = cameo_blocks().get(block)
    if info is not None:
        return info.iso3 if info.category == "country_alias" else None
    import pycountry  # imported lazily: only decoding needs it

    if pycountry.countries.get(alpha_3=block) is not None:
        return block
    return None


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def decode_cameo(code: str) -> CameoActor:
    """Decode a CAMEO actor code (``IRQGOV``, ``IGOUNO``, ``~MIL``, ``IMGMUSALQ``)."""
    c = code.strip().upper().replace("~", "")
    blocks = cameo_blocks()
    parts = [c[i: i + 3] for i in range(0, len(c), 3)]
    if not parts or parts[0] in ("---", "+++", ""):
        return CameoActor(code=code, country=None, sector=None, kind="unknown")
    country: Optional[str] = None
    sector: Optional[str] = None
    religion: Optional[str] = None
    kind: Kind = "unknown"
    first = blocks.get(parts[0])
    rest = parts[1:]
    iso = _iso3(parts[0])
    if iso is not None:
        country = iso
        kind = "state"
    elif first is not None and first.category == "international":
        sector = first.sector
        if parts[0] == "IGO":
            kind = "international"
        elif parts[0] in ("NGO", "NGM", "MNC", "IMG"):
            kind = "non_state"
            if parts[0] in ("NGO", "MNC") and rest and _iso3(rest[0]):
                country = _iso3(rest[0])
                rest = rest[1:]
        elif parts[0] == "INT":
            kind = "international"
    elif first is not None and first.category in ("role", "religion"):
        rest = parts  # agent-style code without a country
    roles: list[str] = []
    for b in rest:
        info = blocks.get(b)
        if info is None:
            continue
        if info.category == "role" and info.sector:
            roles.append(info.sector)
        elif info.category == "religion" and religion is None:
            religion = b
    if roles and (sector is None or parts[0] in ("INT",)):
        sector = "MIL" if roles[0] == "GOV" and "MIL" in roles else roles[0]
    if parts[0] != "IGO" and sector is not None:
        if sector in _STATE_SECTORS:
            kind = "state" if country or kind == "state" else "unknown"
        else:
            kind = "non_state"
    if kind == "unknown" and parts[0] == "IGO":
        kind = "international"
    return CameoActor(code=code, country=country, sector=sector, kind=kind, religion=religion)
