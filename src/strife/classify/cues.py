"""Class cue tables for the event classifier: phrases of the ontology trigger lexicon and of the
actor dictionaries, read from strife's own data files and stored in the classifier artifact.

* trigger cues (``src/strife/data/ontology/triggers.tsv``): every inflected form of a trigger lemma
  maps to the ACLED sub-event type (``a:``), ACLED hints (``h:``) and PLOVER mode (``m:``) its senses
  suggest, e.g. "grenades" -> ``a:Grenade``, ``h:grenade``, ``m:explosives``;
* actor cues (``src/strife/data/actors/``): agent nouns and named organisations/states map to a
  sector, e.g. "troops" -> ``MIL``, "Islamic State" -> ``REB``, "Syria" -> ``STATE``.

:func:`cue_features` turns a text into counts of these classes, plus the sector of the first actor
named and conjunctions "trigger class | sector of the actor just before it" (who took the town decides
"Government regains territory" against "Non-state actor overtakes territory"). A handful of class
features generalise across the many synonyms that a few hundred training snippets cannot cover.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional, Sequence

from strife.classify.datasets import verb_inflections

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TRIGGERS_PATH = DATA_DIR / "ontology" / "triggers.tsv"
ACTORS_DIR = DATA_DIR / "actors"

TRIGGER_MAX_LEN = 4
ACTOR_MAX_LEN = 5


def _noun_forms(noun: str) -> set[str]:
    forms = {noun, noun + "s", noun + "es"}
    if noun.endswith("y"):
        forms.add(noun[:-1] + "ies")
    return forms


def _key(tokens: Sequence[str]) -> str:
    return " ".join(tokens)


@lru_cache(maxsize=2)
def load_trigger_cues(path: Path = TRIGGERS_PATH) -> dict[str, list[str]]:
    """Token phrase (space-joined, as :func:`strife.classify.features.tokenize` writes it) -> classes."""
    from strife.classify.features import tokenize

    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    table: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(lines, delimiter="\t"):
        classes = set()
        if row.get("acled_sub_event_type"):
            classes.add("a:" + row["acled_sub_event_type"])
        classes |= {"h:" + h for h in (row.get("hints") or "").split(",") if h}
        if row.get("plover_mode"):
            classes.add("m:" + row["plover_mode"])
        words = tokenize(row["lemma"].replace("-", " "))
        if not classes or not words:
            continue
        if row["pos"] == "VERB":  # phrasal verbs: the head verb comes first and inflects
            variants = [[f] + words[1:] for f in verb_inflections(words[0])]
        else:
            variants = [words[:-1] + [f] for f in _noun_forms(words[-1])]
        for v in variants:
            table[_key(v)] |= classes
    return {k: sorted(v) for k, v in sorted(table.items())}


def _agent_rows(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].strip() and parts[1].strip():
                yield parts[0], parts[1].strip()


@lru_cache(maxsize=2)
def load_actor_cues(directory: Path = ACTORS_DIR) -> dict[str, str]:
    """Token phrase -> sector (curated agent nouns first, then Phoenix agents, then named non-person actors)."""
    from strife.classify.features import tokenize

    table: dict[str, str] = {}
    for name in ("agents_curated.tsv", "agents.tsv"):
        for phrase, sector in _agent_rows(directory / name):
            key = _key(tokenize(phrase.replace("-", " ")))
            if key and key not in table:
                table[key] = sector
    with gzip.open(directory / "actors.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("kind") == "person":
                continue
            sector = rec.get("sector") or ("STATE" if rec.get("kind") == "state" else None)
            if sector is None:
                continue
            for alias in [rec["name"], *rec.get("aliases", [])]:
                key = _key(tokenize(alias.replace("-", " ")))
                if key and key not in table:
                    table[key] = sector
    return dict(sorted(table.items()))


@lru_cache(maxsize=2)
def load_actor_acronyms(directory: Path = ACTORS_DIR) -> list[str]:
    """Keys of :func:`load_actor_cues` that only an all-capital alias gives ("AN", "IS", "WHO"): matched only where the
    text writes them in capitals, so the words "an" and "is" are not an armed group."""
    from strife.classify.features import tokenize

    caps: set[str] = set()
    other: set[str] = set()
    for name in ("agents_curated.tsv", "agents.tsv"):
        for phrase, _ in _agent_rows(directory / name):
            other.add(_key(tokenize(phrase.replace("-", " "))))
    with gzip.open(directory / "actors.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for alias in [rec["name"], *rec.get("aliases", [])]:
                key = _key(tokenize(alias.replace("-", " ")))
                (caps if alias.isupper() and " " not in key else other).add(key)
    table = load_actor_cues(directory)
    return sorted(k for k in caps - other if k in table)


def match_actors(
    tokens: list[str], actors: Mapping[str, str], acronyms: frozenset[str] = frozenset(), cased: Optional[Sequence[str]] = None
) -> list[tuple[int, int, str]]:
    """Actor phrase matches (start, end, sector); an acronym key counts only where ``cased`` (the same tokens
    before lower-casing) writes it in capitals."""
    acts = _match(tokens, actors, ACTOR_MAX_LEN) if actors else []
    if acronyms and cased is not None and len(cased) == len(tokens):
        acts = [a for a in acts if tokens[a[0]] not in acronyms or a[1] - a[0] != 1 or cased[a[0]].isupper()]
    return acts


_FIRST_WORDS: dict[int, tuple[Mapping, dict[str, int]]] = {}


def _first_words(table: Mapping) -> dict[str, int]:
    """First word of the table's phrases -> the longest phrase (in words) it starts."""
    hit = _FIRST_WORDS.get(id(table))
    if hit is None or hit[0] is not table:
        first: dict[str, int] = {}
        for key in table:
            words = key.split(" ")
            first[words[0]] = max(first.get(words[0], 0), len(words))
        hit = _FIRST_WORDS[id(table)] = (table, first)
    return hit[1]


def _match(tokens: list[str], table: Mapping, max_len: int) -> list[tuple[int, int, object]]:
    """Longest-first, left-to-right, non-overlapping phrase matches: (start, end, value)."""
    out = []
    first = _first_words(table)
    i, n = 0, len(tokens)
    while i < n:
        longest = first.get(tokens[i])
        if longest is None:  # no phrase starts with this word
            i += 1
            continue
        for length in range(min(max_len, longest, n - i), 0, -1):
            value = table.get(_key(tokens[i : i + length]))
            if value is not None:
                out.append((i, i + length, value))
                i += length
                break
        else:
            i += 1
    return out


def cue_features(
    tokens: list[str], triggers: Mapping[str, Sequence[str]], actors: Mapping[str, str], window: int = 8,
    acronyms: frozenset[str] = frozenset(), cased: Optional[Sequence[str]] = None,
) -> Counter:
    """Counts of ``k:`` features: trigger classes, actor sectors (``k:s:``), the first actor's sector
    (``k:f:``) and trigger class x sector of the nearest actor ending at most ``window`` tokens before it (``k:j:``)."""
    feats: Counter = Counter()
    if not triggers and not actors:
        return feats
    trig = _match(tokens, triggers, TRIGGER_MAX_LEN) if triggers else []
    acts = match_actors(tokens, actors, acronyms, cased)
    for _, _, classes in trig:
        for c in classes:
            feats["k:" + c] += 1
    for _, _, sector in acts:
        feats["k:s:" + sector] += 1
    if acts:
        feats["k:f:" + acts[0][2]] += 1
    for start, _, classes in trig:
        before = [a for a in acts if a[1] <= start and start - a[1] <= window]
        if before:
            sector = before[-1][2]
            for c in classes:
                feats["k:j:" + c + "|" + sector] += 1
    return feats


# ---- ACLED codebook cues (data/ontology/acled_cues.tsv) --------------------------------------------------------
ACLED_CUES_PATH = DATA_DIR / "ontology" / "acled_cues.tsv"
ACLED_CUE_MAX_LEN = 5
SUBJECT_CLASS_PREFIX = "terr_"  # classes conjoined with the side of the actor before them and after "from"
# the cue class of the words after which a new clause (and its subject) starts (kind=clause rows of acled_cues.tsv):
# no feature of its own, it bounds the clause whose first actor is a territory class's subject
CLAUSE_CLASS = "_clause"


@lru_cache(maxsize=2)
def load_acled_cues(path: Path = ACLED_CUES_PATH) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(token phrase -> cue classes, actor sector -> side) from ``acled_cues.tsv``."""
    from strife.classify.features import tokenize

    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    table: dict[str, set[str]] = defaultdict(set)
    sides: dict[str, str] = {}
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        kind, key, pos, phrase = row["kind"], row["key"].strip(), row["pos"].strip(), row["phrase"].strip()
        if kind == "side":
            sides[key] = phrase
            continue
        if kind == "clause":
            table[_key(tokenize(phrase))].add(CLAUSE_CLASS)
            continue
        if kind != "cue":
            raise ValueError(f"{path.name}: row {n} has kind {kind!r} (cue, side or clause)")
        words = tokenize(phrase.replace("-", " "))
        if not words or not key:
            raise ValueError(f"{path.name}: row {n} has no phrase or class")
        if pos == "VERB":
            variants = [[f] + words[1:] for f in verb_inflections(words[0])]
        elif pos == "NOUN":
            variants = [words[:-1] + [f] for f in _noun_forms(words[-1])]
        elif pos == "-":
            variants = [words]
        else:
            raise ValueError(f"{path.name}: row {n} has pos {pos!r} (VERB, NOUN or -)")
        variants += [tokenize(f.replace("-", " ")) for f in (row.get("forms") or "").split("|") if f.strip()]
        for v in variants:
            if len(v) > ACLED_CUE_MAX_LEN:
                raise ValueError(f"{path.name}: row {n}: {' '.join(v)!r} is longer than {ACLED_CUE_MAX_LEN} words")
            table[_key(v)].add(key)
    return {k: sorted(v) for k, v in sorted(table.items())}, dict(sorted(sides.items()))


def acled_cue_features(
    tokens: list[str], cues: Mapping[str, Sequence[str]], actors: Mapping[str, str], sides: Mapping[str, str], window: int = 8,
    acronyms: frozenset[str] = frozenset(), cased: Optional[Sequence[str]] = None, pairs: bool = True, lead: int = 0,
) -> Counter:
    """Counts of ``q:`` features: cue classes (``q:air``), pairs of classes present together (``q:protest&intervene``),
    territory classes with the side of the nearest actor ending at most ``window`` tokens before them
    (``r:terr_take|nonstate``), of the first actor of their clause (``r:terr_take|subj_state``) and of an actor right after
    a following "from" (``r:terr_take|from_state``), and the side of the first actor named (``r:first|state``); ``lead`` > 0: the classes again for phrases starting in the
    first ``lead`` tokens (``q:lead_air``), where a report names its main event."""
    feats: Counter = Counter()
    if not cues:
        return feats
    hits = _match(tokens, cues, ACLED_CUE_MAX_LEN)
    acts = [(s, e, sides[v]) for s, e, v in match_actors(tokens, actors, acronyms, cased) if v in sides]
    present: set[str] = set()
    bounds = [end for _, end, classes in hits if CLAUSE_CLASS in classes]

    def clause_start(i: int) -> int:
        opened = [b for b in bounds if b <= i]
        return opened[-1] if opened else 0

    for start, end, classes in hits:
        for c in classes:
            if c == CLAUSE_CLASS:
                continue
            feats["q:" + c] += 1
            present.add(c)
            if start < lead:
                feats["q:lead_" + c] += 1
            if not c.startswith(SUBJECT_CLASS_PREFIX):
                continue
            before = [a for a in acts if a[1] <= start and start - a[1] <= window]
            if before:
                feats["r:" + c + "|" + before[-1][2]] += 1
            clause = [a for a in acts if a[1] <= start and a[0] >= clause_start(start)]
            if clause:
                feats["r:" + c + "|subj_" + clause[0][2]] += 1
            for j in range(end, min(end + 6, len(tokens))):
                if tokens[j] == "from":
                    after = [a for a in acts if a[0] == j + 1 or (a[0] == j + 2 and tokens[j + 1] == "the")]
                    if after:
                        feats["r:" + c + "|from_" + after[0][2]] += 1
                    break
    if acts:
        feats["r:first|" + acts[0][2]] += 1
    ordered = sorted(present) if pairs else []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            feats["q:" + a + "&" + b] += 1
    return feats
