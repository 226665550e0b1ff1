"""The three event ontologies of strife (PLOVER, CAMEO, ACLED) and the crosswalks between them.

Everything here is read from the data files in ``strife/data/ontology/`` (edit those, not this module):

=============================  ===========================================================================
``plover.json``                PLOVER's 16 types with modes, the contexts, legacy names, mode/context aliases
``cameo.tsv``                  CAMEO codes: name, PLOVER type/mode/context, quad class (built by
                               ``scripts/build_ontology.py`` from the PLOVER repository's crosswalk)
``plover_to_cameo.tsv``        PLOVER type (+ mode) -> default CAMEO code
``acled.tsv``                  ACLED's 6 event types / 25 sub-event types, CASE-2021 label codes, PLOVER reading
``case2021_extra_labels.tsv``  the 5 CASE-2021 labels that are not ACLED types
``plover_to_acled.tsv``        PLOVER reading (+ conditions) -> ACLED sub-event type, first match wins
``acled_hints.tsv``            vocabulary of the ``hint`` conditions
``triggers.tsv``               event trigger lexicon (lemma, POS -> PLOVER/CAMEO/ACLED reading, flags, cues)
=============================  ===========================================================================

The files are loaded once (``load_ontology()`` is cached) and cross-checked on load: a type, mode,
context, code or sub-event type that does not exist raises ``OntologyError`` naming the file and line.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional, Sequence, Union

DATA_DIR = Path(__file__).resolve().parent / "data" / "ontology"

ModeArg = Union[str, Sequence[str], None]


class OntologyError(ValueError):
    """A data file of the ontology is malformed or refers to something that does not exist."""


# --------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class PloverMode:
    name: str
    description: str


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_class: int
    description: str
    requires_recipient: bool
    modes: tuple[PloverMode, ...]
    # a record of this type needs a party named in the text (an actor or a recipient): a statement, a
    # meeting or an offer that nobody makes is no event ("take each meeting as it comes")
    requires_party: bool = False

    @property
    def mode_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.modes)


@dataclass(frozen=True)
class PloverContext:
    name: str
    description: str


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    plover_type: Optional[str]  # None: PLOVER does not code it (CAMEO 01, public statements)
    plover_mode: Optional[str]
    plover_context: tuple[str, ...]
    quad_class: int
    source: str
    note: str

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def pentaclass(self) -> int:
        return cameo_pentaclass(self.code)


@dataclass(frozen=True)
class AcledSubType:
    event_type: str
    sub_event_type: str
    case_label: str
    plover_type: str
    plover_mode: Optional[str]
    plover_context: tuple[str, ...]
    cameo: str
    description: str


@dataclass(frozen=True)
class CaseExtraLabel:
    """A CASE-2021 label outside ACLED's taxonomy (ACLED would not code it)."""

    case_label: str
    description: str
    plover_type: Optional[str]
    plover_mode: Optional[str]
    plover_context: tuple[str, ...]


@dataclass(frozen=True)
class Condition:
    """``key=v1|v2`` (one of the values present) or ``key!=v1|v2`` (none of them present)."""

    key: str
    values: frozenset[str]
    negate: bool = False

    def holds(self, facts: Mapping[str, frozenset[str]]) -> bool:
        present = bool(self.values & facts.get(self.key, frozenset()))
        return not present if self.negate else present


CONDITION_KEYS = ("context", "actor_kind", "recipient_sector", "hint")


@dataclass(frozen=True)
class AcledRule:
    plover_type: str
    modes: frozenset[str]  # empty: any mode
    conditions: tuple[Condition, ...]
    event_type: Optional[str]  # None: ACLED would not code this reading
    sub_event_type: Optional[str]
    note: str
    line: int

    def matches(self, modes: frozenset[str], facts: Mapping[str, frozenset[str]]) -> bool:
        if self.modes and not (self.modes & modes):
            return False
        return all(c.holds(facts) for c in self.conditions)


TRIGGER_FLAGS = frozenset(
    {"needs_object", "is_weapon_noun", "is_event_noun", "participant_noun", "casualty", "reciprocal",
     "one_sided", "speech", "ambiguous", "needs_cue", "object_cue", "counters", "names_weapon"}
)


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB | NOUN
    plover_type: str
    plover_mode: Optional[str]
    plover_context: tuple[str, ...]
    cameo: str
    acled_sub_event_type: Optional[str]
    hints: tuple[str, ...]
    flags: frozenset[str]
    cues: tuple[str, ...]
    line: int

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma.split(" "))

    @property
    def is_multiword(self) -> bool:
        return " " in self.lemma

    @property
    def is_weapon_noun(self) -> bool:
        return "is_weapon_noun" in self.flags

    @property
    def is_event_noun(self) -> bool:
        return "is_event_noun" in self.flags

    @property
    def needs_object(self) -> bool:
        return "needs_object" in self.flags

    @property
    def is_ambiguous(self) -> bool:
        return "ambiguous" in self.flags


@dataclass(frozen=True)
class Ontology:
    types: Mapping[str, PloverType]
    contexts: Mapping[str, PloverContext]
    grammatical_contexts: tuple[str, ...]
    legacy_types: Mapping[str, tuple[str, Optional[str]]]
    mode_aliases: Mapping[str, Mapping[str, Optional[str]]]
    context_aliases: Mapping[str, Optional[str]]
    cameo: Mapping[str, CameoCode]
    plover_to_cameo: Mapping[tuple[str, Optional[str]], str]
    acled: Mapping[str, AcledSubType]  # by sub-event type
    case_extra: Mapping[str, CaseExtraLabel]
    acled_rules: tuple[AcledRule, ...]
    acled_hints: Mapping[str, str]
    triggers: tuple[Trigger, ...]
    _by_case: Mapping[str, AcledSubType] = field(repr=False, default_factory=dict)
    _triggers_by_key: Mapping[tuple[str, str], tuple[Trigger, ...]] = field(repr=False, default_factory=dict)

    @property
    def acled_event_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.event_type for a in self.acled.values()))


# --------------------------------------------------------------------------------------------- loading


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row of a TSV whose first non-comment line is the header."""
    if not path.is_file():
        raise OntologyError(f"ontology data file missing: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        numbered = [(i, ln) for i, ln in enumerate(fh, start=1) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        raise OntologyError(f"{path.name}: no header line")
    header = numbered[0][1].rstrip("\r\n").split("\t")
    for lineno, ln in numbered[1:]:
        values = ln.rstrip("\r\n").split("\t")
        if len(values) != len(header):
            raise OntologyError(f"{path.name}:{lineno}: {len(values)} fields, header has {len(header)}")
        yield lineno, dict(zip(header, values))


def _split(value: str, sep: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(sep) if v.strip())


def _opt(value: str) -> Optional[str]:
    value = value.strip()
    return value or None


def _load_plover(path: Path):
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise OntologyError(f"cannot read {path.name}: {exc}") from exc
    types: dict[str, PloverType] = {}
    for name, t in doc["types"].items():
        modes = tuple(PloverMode(m["name"], m["description"]) for m in t.get("modes", []))
        if len({m.name for m in modes}) != len(modes):
            raise OntologyError(f"{path.name}: duplicate mode in {name}")
        types[name] = PloverType(name, int(t["quad_class"]), t["description"], bool(t.get("requires_recipient")), modes,
                                 bool(t.get("requires_party")))
    contexts = {c["name"]: PloverContext(c["name"], c["description"]) for c in doc["contexts"]}
    legacy = {k: (v["type"], v.get("mode")) for k, v in doc.get("legacy_types", {}).items()}
    mode_aliases = {k: dict(v) for k, v in doc.get("mode_aliases", {}).items()}
    context_aliases = dict(doc.get("context_aliases", {}))
    grammatical = tuple(doc.get("grammatical_contexts", ()))
    for old, (new, mode) in legacy.items():
        if new not in types:
            raise OntologyError(f"{path.name}: legacy type {old} maps to unknown type {new}")
        if mode is not None and mode not in types[new].mode_names:
            raise OntologyError(f"{path.name}: legacy type {old} maps to unknown mode {new}/{mode}")
    for tname, aliases in mode_aliases.items():
        if tname not in types:
            raise OntologyError(f"{path.name}: mode_aliases for unknown type {tname}")
        for alias, target in aliases.items():
            if target is not None and target not in types[tname].mode_names:
                raise OntologyError(f"{path.name}: mode alias {tname}/{alias} -> unknown mode {target}")
    for alias, target in context_aliases.items():
        if target is not None and target not in contexts:
            raise OntologyError(f"{path.name}: context alias {alias} -> unknown context {target}")
    for g in grammatical:
        if g not in contexts:
            raise OntologyError(f"{path.name}: grammatical context {g} is not in the context list")
    return types, contexts, grammatical, legacy, mode_aliases, context_aliases


class _Checker:
    def __init__(self, types: Mapping[str, PloverType], contexts: Mapping[str, PloverContext]):
        self.types = types
        self.contexts = contexts

    def reading(self, where: str, ptype: Optional[str], mode: Optional[str], contexts: Iterable[str] = ()) -> None:
        if ptype is None:
            if mode:
                raise OntologyError(f"{where}: mode {mode!r} without a PLOVER type")
            return
        if ptype not in self.types:
            raise OntologyError(f"{where}: unknown PLOVER type {ptype!r}")
        if mode is not None and mode not in self.types[ptype].mode_names:
            raise OntologyError(f"{where}: {mode!r} is not a mode of {ptype} ({', '.join(self.types[ptype].mode_names) or 'none'})")
        for c in contexts:
            if c not in self.contexts:
                raise OntologyError(f"{where}: unknown PLOVER context {c!r}")


def _parse_condition(text: str, where: str, hints: Mapping[str, str]) -> tuple[Condition, ...]:
    out = []
    for part in _split(text, "&"):
        negate = "!=" in part
        key, sep, vals = part.partition("!=" if negate else "=")
        key = key.strip()
        if not sep or key not in CONDITION_KEYS:
            raise OntologyError(f"{where}: bad condition {part!r} (keys: {', '.join(CONDITION_KEYS)})")
        values = frozenset(_split(vals, "|"))
        if not values:
            raise OntologyError(f"{where}: condition {part!r} has no values")
        if key == "hint":
            unknown = sorted(values - set(hints))
            if unknown:
                raise OntologyError(f"{where}: unknown hint(s) {unknown} (see acled_hints.tsv)")
        out.append(Condition(key, values, negate))
    return tuple(out)


def load_ontology(data_dir: Optional[Path] = None) -> Ontology:
    """Read and cross-check every ontology file in ``data_dir`` (default: the package's own)."""
    d = Path(data_dir) if data_dir is not None else DATA_DIR
    types, contexts, grammatical, legacy, mode_aliases, context_aliases = _load_plover(d / "plover.json")
    check = _Checker(types, contexts)

    cameo: dict[str, CameoCode] = {}
    for ln, r in _rows(d / "cameo.tsv"):
        where = f"cameo.tsv:{ln}"
        code = r["code"].strip()
        if not (code.isdigit() and 2 <= len(code) <= 4 and 1 <= int(code[:2]) <= 20):
            raise OntologyError(f"{where}: malformed CAMEO code {code!r}")
        if code in cameo:
            raise OntologyError(f"{where}: duplicate CAMEO code {code}")
        ctx = _split(r["plover_context"], ";")
        check.reading(where, _opt(r["plover_type"]), _opt(r["plover_mode"]), ctx)
        cameo[code] = CameoCode(code, r["name"], _opt(r["plover_type"]), _opt(r["plover_mode"]), ctx,
                                int(r["quad_class"]), r["source"], r["note"])

    p2c: dict[tuple[str, Optional[str]], str] = {}
    for ln, r in _rows(d / "plover_to_cameo.tsv"):
        where = f"plover_to_cameo.tsv:{ln}"
        key = (r["plover_type"].strip(), _opt(r["plover_mode"]))
        check.reading(where, key[0], key[1])
        if r["cameo"] not in cameo:
            raise OntologyError(f"{where}: unknown CAMEO code {r['cameo']!r}")
        if key in p2c:
            raise OntologyError(f"{where}: duplicate entry {key}")
        p2c[key] = r["cameo"]
    for t in types:
        if (t, None) not in p2c:
            raise OntologyError(f"plover_to_cameo.tsv: no default code for {t}")

    acled: dict[str, AcledSubType] = {}
    by_case: dict[str, AcledSubType] = {}
    for ln, r in _rows(d / "acled.tsv"):
        where = f"acled.tsv:{ln}"
        ctx = _split(r["plover_context"], ";")
        check.reading(where, r["plover_type"], _opt(r["plover_mode"]), ctx)
        if r["cameo"] not in cameo:
            raise OntologyError(f"{where}: unknown CAMEO code {r['cameo']!r}")
        a = AcledSubType(r["event_type"], r["sub_event_type"], r["case_label"], r["plover_type"],
                         _opt(r["plover_mode"]), ctx, r["cameo"], r["description"])
        if a.sub_event_type in acled or a.case_label in by_case:
            raise OntologyError(f"{where}: duplicate sub-event type or CASE label")
        acled[a.sub_event_type] = a
        by_case[a.case_label] = a

    extra: dict[str, CaseExtraLabel] = {}
    for ln, r in _rows(d / "case2021_extra_labels.tsv"):
        where = f"case2021_extra_labels.tsv:{ln}"
        ctx = _split(r["plover_context"], ";")
        check.reading(where, _opt(r["plover_type"]), _opt(r["plover_mode"]), ctx)
        if r["case_label"] in by_case:
            raise OntologyError(f"{where}: {r['case_label']} is already an ACLED label")
        extra[r["case_label"]] = CaseExtraLabel(r["case_label"], r["description"], _opt(r["plover_type"]),
                                                _opt(r["plover_mode"]), ctx)

    hints = {r["hint"]: r["meaning"] for _, r in _rows(d / "acled_hints.tsv")}

    rules: list[AcledRule] = []
    for ln, r in _rows(d / "plover_to_acled.tsv"):
        where = f"plover_to_acled.tsv:{ln}"
        modes = frozenset(_split(r["plover_mode"], "|"))
        check.reading(where, r["plover_type"], None)
        for m in modes:
            check.reading(where, r["plover_type"], m)
        conds = _parse_condition(r["condition"], where, hints)
        for c in conds:
            if c.key == "context":
                for v in c.values:
                    check.reading(where, r["plover_type"], None, [v])
        etype, sub = _opt(r["event_type"]), _opt(r["sub_event_type"])
        if (etype is None) != (sub is None):
            raise OntologyError(f"{where}: give both event_type and sub_event_type, or neither")
        if sub is not None and (sub not in acled or acled[sub].event_type != etype):
            raise OntologyError(f"{where}: {etype!r}/{sub!r} is not an ACLED event/sub-event type pair")
        rules.append(AcledRule(r["plover_type"], modes, conds, etype, sub, r["note"], ln))
    for t in types:
        last = [ru for ru in rules if ru.plover_type == t]
        if not last or last[-1].modes or last[-1].conditions:
            raise OntologyError(f"plover_to_acled.tsv: {t} needs a final catch-all row (no mode, no condition)")

    triggers: list[Trigger] = []
    for ln, r in _rows(d / "triggers.tsv"):
        where = f"triggers.tsv:{ln}"
        lemma = r["lemma"].strip()
        if not lemma or lemma != lemma.lower() or "  " in lemma:
            raise OntologyError(f"{where}: lemma {lemma!r} must be lower-case, single-spaced, non-empty")
        if r["pos"] not in ("VERB", "NOUN"):
            raise OntologyError(f"{where}: pos must be VERB or NOUN, not {r['pos']!r}")
        ctx = _split(r["plover_context"], ";")
        check.reading(where, r["plover_type"], _opt(r["plover_mode"]), ctx)
        if r["cameo"] not in cameo:
            raise OntologyError(f"{where}: unknown CAMEO code {r['cameo']!r}")
        sub = _opt(r["acled_sub_event_type"])
        if sub is not None and sub not in acled:
            raise OntologyError(f"{where}: unknown ACLED sub-event type {sub!r}")
        thints = _split(r["hints"], ",")
        unknown = sorted(set(thints) - set(hints))
        if unknown:
            raise OntologyError(f"{where}: unknown hint(s) {unknown}")
        flags = frozenset(_split(r["flags"], ","))
        if flags - TRIGGER_FLAGS:
            raise OntologyError(f"{where}: unknown flag(s) {sorted(flags - TRIGGER_FLAGS)}")
        triggers.append(Trigger(lemma, r["pos"], r["plover_type"], _opt(r["plover_mode"]), ctx, r["cameo"], sub,
                                thints, flags, tuple(c.lower() for c in _split(r["cues"], "|")), ln))
    by_key: dict[tuple[str, str], list[Trigger]] = {}
    for t in triggers:
        by_key.setdefault((t.lemma, t.pos), []).append(t)

    return Ontology(types=types, contexts=contexts, grammatical_contexts=grammatical, legacy_types=legacy,
                    mode_aliases=mode_aliases, context_aliases=context_aliases, cameo=cameo, plover_to_cameo=p2c,
                    acled=acled, case_extra=extra, acled_rules=tuple(rules), acled_hints=hints,
                    triggers=tuple(triggers), _by_case=by_case,
                    _triggers_by_key={k: tuple(v) for k, v in by_key.items()})


@lru_cache(maxsize=1)
def ontology() -> Ontology:
    """The package's ontology, loaded once."""
    return load_ontology()


# --------------------------------------------------------------------------------------------- PLOVER


def plover_types() -> tuple[str, ...]:
    """The 16 PLOVER event types, in manual order."""
    return tuple(ontology().types)


def plover_type(name: str) -> PloverType:
    try:
        return ontology().types[name]
    except KeyError:
        raise KeyError(f"unknown PLOVER type {name!r}; known: {', '.join(ontology().types)}") from None


def plover_modes(type_name: str) -> tuple[str, ...]:
    """Modes of a PLOVER type (empty for types without modes); KeyError for an unknown type."""
    return plover_type(type_name).mode_names


def plover_contexts() -> tuple[str, ...]:
    return tuple(ontology().contexts)


def is_plover_type(name: str) -> bool:
    return name in ontology().types


def is_plover_mode(type_name: str, mode: str) -> bool:
    t = ontology().types.get(type_name)
    return t is not None and mode in t.mode_names


def is_plover_context(name: str) -> bool:
    return name in ontology().contexts


def legacy_plover(name: str) -> str:
    """Current PLOVER type for a current or older name (FIGHT->ASSAULT, DISAPPROVE->ACCUSE, DEMAND->REQUEST,
    INVESTIGATE->ACCUSE). Case-insensitive; ValueError for a name that is neither."""
    key = name.strip().upper()
    onto = ontology()
    if key in onto.types:
        return key
    if key in onto.legacy_types:
        return onto.legacy_types[key][0]
    raise ValueError(f"{name!r} is neither a PLOVER type nor a known older PLOVER name")


def legacy_plover_mode(name: str) -> Optional[str]:
    """The mode an older PLOVER name implies (DISAPPROVE -> 'disapprove', INVESTIGATE -> 'investigate'), else None."""
    key = name.strip().upper()
    entry = ontology().legacy_types.get(key)
    if entry is None:
        legacy_plover(name)  # raises for unknown names
        return None
    return entry[1]


def normalize_mode(type_name: str, mode: Optional[str]) -> Optional[str]:
    """A mode valid for ``type_name``: the mode itself, its alias target (older or variant spellings such as
    PROTEST 'demo-org' -> 'demo'), or None where the alias drops it or the mode is unknown for the type."""
    if not mode:
        return None
    m = mode.strip().lower()
    if is_plover_mode(type_name, m):
        return m
    return ontology().mode_aliases.get(type_name, {}).get(m)


def normalize_context(name: str) -> Optional[str]:
    """A valid context for ``name`` (itself or its alias, e.g. 'refugees' -> 'migration'), else None."""
    c = name.strip().lower()
    if c in ontology().contexts:
        return c
    return ontology().context_aliases.get(c)


# --------------------------------------------------------------------------------------------- CAMEO


def _clean_code(code: Union[str, int]) -> str:
    if isinstance(code, int):
        raise TypeError("CAMEO codes are strings (leading zeros matter: '041', not 41)")
    return code.strip()


def is_cameo_code(code: str) -> bool:
    return isinstance(code, str) and code.strip() in ontology().cameo


def cameo_code(code: str) -> CameoCode:
    c = _clean_code(code)
    try:
        return ontology().cameo[c]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None


def cameo_codes() -> tuple[str, ...]:
    return tuple(ontology().cameo)


def cameo_name(code: str) -> str:
    return cameo_code(code).name


def cameo_quad_class(code: str) -> int:
    """CAMEO quad class: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    return cameo_code(code).quad_class


def cameo_to_plover(code: str) -> Optional[tuple[str, Optional[str]]]:
    """(PLOVER type, mode or None) for a CAMEO code; None for codes PLOVER does not code (01x statements)."""
    c = cameo_code(code)
    if c.plover_type is None:
        return None
    return c.plover_type, c.plover_mode


def cameo_pentaclass(code: Optional[str]) -> int:
    """ConfliBERT's CAMEO pentaclass: 0 = 01-02 or no event, 1 = 03-05, 2 = 06-08, 3 = 09-13, 4 = 14-20.
    Works from the root, so codes missing from the table still classify; ValueError for a malformed code."""
    if code is None:
        return 0
    c = _clean_code(code)
    if c == "" or c == "---":
        return 0
    if not (c.isdigit() and 2 <= len(c) <= 4):
        raise ValueError(f"malformed CAMEO code {code!r}")
    root = int(c[:2])
    if root < 1 or root > 20:
        raise ValueError(f"CAMEO code {code!r} has no root category 01-20")
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def plover_to_cameo(type_name: str, mode: ModeArg = None) -> str:
    """The most specific default CAMEO code for a PLOVER type (and mode: the first listed mode that has an
    entry wins; otherwise the type's default)."""
    onto = ontology()
    t = legacy_plover(type_name)
    for m in _modes(mode):
        nm = normalize_mode(t, m)
        if nm is not None and (t, nm) in onto.plover_to_cameo:
            return onto.plover_to_cameo[(t, nm)]
    return onto.plover_to_cameo[(t, None)]


# --------------------------------------------------------------------------------------------- ACLED


def _modes(mode: ModeArg) -> tuple[str, ...]:
    if mode is None:
        return ()
    if isinstance(mode, str):
        return (mode,) if mode.strip() else ()
    return tuple(m for m in mode if m)


def acled_sub_event_types() -> tuple[str, ...]:
    return tuple(ontology().acled)


def acled_event_types() -> tuple[str, ...]:
    return ontology().acled_event_types


def acled_sub_type(sub_event_type: str) -> AcledSubType:
    try:
        return ontology().acled[sub_event_type]
    except KeyError:
        raise KeyError(f"unknown ACLED sub-event type {sub_event_type!r}") from None


def acled_event_type(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to."""
    return acled_sub_type(sub_event_type).event_type


def is_acled_sub_event_type(name: str) -> bool:
    return name in ontology().acled


def is_acled_event_type(name: str) -> bool:
    return name in ontology().acled_event_types


def plover_to_acled(
    type_name: str,
    mode: ModeArg = None,
    context: Iterable[str] = (),
    actor_kinds: Iterable[str] = (),
    recipient_sectors: Iterable[str] = (),
    hints: Iterable[str] = (),
) -> Optional[tuple[str, str]]:
    """(ACLED event type, sub-event type) for a PLOVER reading, or None where ACLED would not code it
    (talks, statements, threats, intentions, ...). Rules of ``plover_to_acled.tsv`` are tried in order.

    ``mode`` may be one mode or the record's list; ``actor_kinds`` are the kinds of the acting side
    (state, non_state, ...); ``recipient_sectors`` the recipients' sector codes (CVL, MIL, ...); ``hints``
    cues such as a trigger's hints (grenade, territory, protesters, ...; see ``acled_hints.tsv``).

    ``hints`` may also name ACLED sub-event types (a trigger's ``acled_sub_event_type``): such a suggestion
    is taken when the matching rule has no condition (a mode-only or catch-all row) and some rule of the
    same PLOVER type can yield it with a compatible mode ("murder" suggests Attack over the Armed clash
    default; a suggestion the type can never yield, such as Agreement for ACCUSE, is ignored)."""
    onto = ontology()
    t = legacy_plover(type_name)
    modes = frozenset(nm for m in _modes(mode) if (nm := normalize_mode(t, m)) is not None)
    hint_list = [h for h in hints if h]
    unknown = [h for h in hint_list if h not in onto.acled_hints and h not in onto.acled]
    if unknown:
        raise ValueError(f"unknown ACLED hint(s) {sorted(set(unknown))}; give hint words "
                         f"({', '.join(onto.acled_hints)}) or ACLED sub-event type names")
    suggestions = [h for h in hint_list if h in onto.acled]
    facts = {
        "context": frozenset(c for x in context if (c := normalize_context(x)) is not None),
        "actor_kind": frozenset(actor_kinds),
        "recipient_sector": frozenset(s.upper() for s in recipient_sectors if s),
        "hint": frozenset(h for h in hint_list if h in onto.acled_hints),
    }
    for rule in onto.acled_rules:
        if rule.plover_type == t and rule.matches(modes, facts):
            if not rule.conditions:
                for sub in suggestions:
                    if _reachable(t, sub, modes):
                        a = onto.acled[sub]
                        return a.event_type, a.sub_event_type
            if rule.event_type is None or rule.sub_event_type is None:
                return None
            return rule.event_type, rule.sub_event_type
    raise OntologyError(f"plover_to_acled.tsv has no catch-all row for {t}")  # load_ontology guarantees one


def _reachable(type_name: str, sub_event_type: str, modes: frozenset[str]) -> bool:
    """Whether some rule for ``type_name`` yields ``sub_event_type`` with a mode compatible with ``modes``."""
    return any(
        r.plover_type == type_name and r.sub_event_type == sub_event_type
        and (not r.modes or not modes or bool(r.modes & modes))
        for r in ontology().acled_rules
    )


def case_labels() -> tuple[str, ...]:
    """All 30 CASE-2021 task-2 labels: the 25 ACLED ones, then the 5 outside ACLED."""
    onto = ontology()
    return tuple(onto._by_case) + tuple(onto.case_extra)


@lru_cache(maxsize=None)
def acled_sub_types_of(type_name: str) -> frozenset[str]:
    """The ACLED sub-event types some row of ``plover_to_acled.tsv`` gives a PLOVER type ("ASSAULT" -> Armed clash,
    Attack, ...; never Peaceful protest)."""
    t = legacy_plover(type_name)
    return frozenset(r.sub_event_type for r in ontology().acled_rules if r.plover_type == t and r.sub_event_type)


@lru_cache(maxsize=None)
def acled_event_types_of(type_name: str) -> frozenset[str]:
    """The ACLED event types some row of ``plover_to_acled.tsv`` gives a PLOVER type ("AGREE" -> Strategic
    developments): the views of one reading agree only within these."""
    t = legacy_plover(type_name)
    return frozenset(r.event_type for r in ontology().acled_rules if r.plover_type == t and r.event_type)


def acled_from_case_label(label: str) -> Optional[tuple[str, str]]:
    """(event type, sub-event type) for a CASE-2021 label (AIR_STRIKE -> Explosions/Remote violence,
    Air/drone strike); None for the 5 labels outside ACLED (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER,
    DIPLO, ATTRIB); KeyError for an unknown label."""
    onto = ontology()
    key = label.strip().upper()
    if key in onto._by_case:
        a = onto._by_case[key]
        return a.event_type, a.sub_event_type
    if key in onto.case_extra:
        return None
    raise KeyError(f"unknown CASE-2021 label {label!r}; known: {', '.join(case_labels())}")


def case_label_from_acled(sub_event_type: str) -> str:
    """The CASE-2021 label code of an ACLED sub-event type (Air/drone strike -> AIR_STRIKE)."""
    return acled_sub_type(sub_event_type).case_label


def case_extra_label(label: str) -> CaseExtraLabel:
    try:
        return ontology().case_extra[label.strip().upper()]
    except KeyError:
        raise KeyError(f"{label!r} is not one of the CASE-2021 labels outside ACLED") from None


# --------------------------------------------------------------------------------------------- triggers


def triggers() -> tuple[Trigger, ...]:
    """Every row of the trigger lexicon, in file order."""
    return ontology().triggers


def triggers_for(lemma: str, pos: Optional[str] = None) -> tuple[Trigger, ...]:
    """The senses of a lemma (lower-cased; multi-word lemmas space-separated), default sense first.
    With ``pos`` (VERB/NOUN) only that part of speech; empty when the lemma is not a trigger."""
    key = " ".join(lemma.lower().split())
    onto = ontology()
    if pos is not None:
        return onto._triggers_by_key.get((key, pos.upper()), ())
    return onto._triggers_by_key.get((key, "VERB"), ()) + onto._triggers_by_key.get((key, "NOUN"), ())


def weapon_nouns() -> tuple[Trigger, ...]:
    return tuple(t for t in ontology().triggers if t.is_weapon_noun)


def multiword_triggers() -> tuple[Trigger, ...]:
    """Multi-word entries, longest first (match these before single words)."""
    return tuple(sorted((t for t in ontology().triggers if t.is_multiword), key=lambda t: -len(t.words)))
