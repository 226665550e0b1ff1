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
from typing import Mapping, Sequence

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


def cue_features(tokens: list[str], triggers: Mapping[str, Sequence[str]], actors: Mapping[str, str], window: int = 8) -> Counter:
    """Counts of ``k:`` features: trigger classes, actor sectors (``k:s:``), the first actor's sector
    (``k:f:``) and trigger class x sector of the nearest actor ending at most ``window`` tokens before it (``k:j:``)."""
    feats: Counter = Counter()
    if not triggers and not actors:
        return feats
    trig = _match(tokens, triggers, TRIGGER_MAX_LEN) if triggers else []
    acts = _match(tokens, actors, ACTOR_MAX_LEN) if actors else []
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
