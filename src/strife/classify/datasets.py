"""Readers for the labelled development sets the event classifier learns from.

Every reader takes the shared data directory (``<shared>/data``, see :func:`shared_data_dir`) and
returns a list of :class:`Example` sorted by ``(source, id)`` so that training is deterministic.
Nothing here is needed at prediction time; the third-party files are read, never copied.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from strife.settings import discover_shared_dir

MODELS_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
LABELS_PATH = MODELS_DIR / "classifier_labels.json"


class SharedDataMissing(FileNotFoundError):
    """The third-party development data (``<shared>/data``) is not available."""


@dataclass(frozen=True)
class Example:
    """One labelled text. ``None`` in a label field means the source says nothing for that head."""

    source: str  # e.g. "case2021", "plover_gsr"
    id: str  # unique within the source; the grouping key for cross-validation
    text: str
    plover: Optional[str] = None
    acled: Optional[str] = None  # ACLED sub-event type name, or NONE_LABEL for "not an ACLED event"
    cameo_root: Optional[str] = None  # "01".."20"
    pentaclass: Optional[int] = None  # 0..4
    raw_label: Optional[str] = None  # the label as the source spells it


NONE_LABEL = "NONE"


@dataclass(frozen=True)
class LabelTables:
    acled_types: dict[str, str]
    case_labels: dict[str, dict[str, Optional[str]]]
    legacy_plover: dict[str, str]
    legacy_plover_cameo_root: dict[str, str]
    cameo_pentaclass: dict[str, int]
    satp_columns: list[str]
    acled_none_plover_types: frozenset[str]
    acled_none_pentaclasses: frozenset[int]

    def current_plover(self, name: str) -> str:
        return self.legacy_plover.get(name, name)


@lru_cache(maxsize=1)
def label_tables() -> LabelTables:
    raw = json.loads(LABELS_PATH.read_text(encoding="utf-8"))
    return LabelTables(
        acled_types=raw["acled_types"],
        case_labels=raw["case_labels"],
        legacy_plover=raw["legacy_plover"],
        legacy_plover_cameo_root=raw["legacy_plover_cameo_root"],
        cameo_pentaclass={k: int(v) for k, v in raw["cameo_pentaclass"].items()},
        satp_columns=list(raw["satp_columns"]),
        acled_none_plover_types=frozenset(raw["acled_none_plover_types"]),
        acled_none_pentaclasses=frozenset(int(x) for x in raw["acled_none_pentaclasses"]),
    )


def shared_data_dir(required: bool = True) -> Optional[Path]:
    """``<shared>/data`` as found by :func:`strife.settings.discover_shared_dir`."""
    shared = discover_shared_dir()
    if shared is not None:
        data = shared / "data" if (shared / "data").is_dir() else shared
        if data.is_dir():
            return data
    if required:
        raise SharedDataMissing(
            "the shared development data was not found: set STRIFE_SHARED_DIR to the folder holding data/"
        )
    return None


def _need(path: Path) -> Path:
    if not path.exists():
        raise SharedDataMissing(f"missing development file {path}")
    return path


def example_key(e: Example) -> tuple:
    """A total order on examples (a few sources repeat an id), so training never depends on input order."""
    return (e.source, e.id, e.text, e.raw_label or "", e.plover or "", e.acled or "", e.cameo_root or "")


def _sorted(examples: list[Example]) -> list[Example]:
    return sorted(examples, key=example_key)


def load_plover_gsr(data: Path) -> list[Example]:
    tables = label_tables()
    records = json.loads(_need(data / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    out = []
    for rec in records:
        event = rec.get("event")
        text = rec.get("text")
        if not text or event == "DOCUMENT" or not event:
            continue
        root = tables.legacy_plover_cameo_root.get(event)
        out.append(
            Example(
                source="plover_gsr",
                id=str(rec["id"]),
                text=text,
                plover=tables.current_plover(event),
                cameo_root=root,
                pentaclass=tables.cameo_pentaclass.get(root) if root else None,
                raw_label=event,
            )
        )
    return _sorted(out)


def load_case2021(data: Path) -> list[Example]:
    tables = label_tables()
    out = []
    with _need(data / "case2021-task2" / "snippets.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            label = row["SubType"].strip()
            if label not in tables.case_labels:
                raise ValueError(f"CASE-2021 label {label!r} is not in {LABELS_PATH.name}")
            spec = tables.case_labels[label]
            root = spec.get("cameo_root")
            out.append(
                Example(
                    source="case2021",
                    id=row["id"].strip().zfill(6),
                    text=row["EventSnippet"].strip(),
                    plover=spec.get("plover"),
                    acled=spec.get("acled") or NONE_LABEL,
                    cameo_root=root,
                    pentaclass=tables.cameo_pentaclass.get(root) if root else None,
                    raw_label=label,
                )
            )
    return _sorted(out)


def load_conflibert_cameo(data: Path) -> list[Example]:
    out = []
    path = _need(data / "conflibert-cameo" / "cameo_class" / "train.tsv")
    with path.open(encoding="utf-8", newline="") as fh:
        for i, line in enumerate(fh):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            text, _, label = line.rpartition("\t")
            if not label.strip().isdigit():
                raise ValueError(f"{path}:{i + 1}: label {label!r} is not a pentacode")
            out.append(
                Example(source="conflibert_cameo", id=f"{i:06d}", text=text.strip(), pentaclass=int(label), raw_label=label)
            )
    return _sorted(out)


def _cameo2plover(data: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _need(data / "plover-gsr" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m and m.group(1) not in table:
            table[m.group(1)] = m.group(2)
    return table


def _prefix_lookup(code: str, table: dict[str, str]) -> Optional[str]:
    """The value of the longest prefix (2+ characters) of a CAMEO code that ``table`` knows."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def load_petrarch(data: Path) -> list[Example]:
    """PETRARCH2 unit-test sentences with one gold CAMEO code (several distinct roots: skipped)."""
    tables = label_tables()
    c2p = _cameo2plover(data)
    root_el = ET.parse(_need(data / "petrarch2-unittest" / "PETR.UnitTest.records.xml")).getroot()
    out = []
    for sent in root_el.iter("Sentence"):
        codes = {c.get("eventcode", "").strip() for c in sent.iter("EventCoding")}
        codes = {c for c in codes if c[:2].isdigit()}
        roots = {c[:2] for c in codes}
        text_el = sent.find("Text")
        if len(roots) != 1 or text_el is None or not (text_el.text or "").strip():
            continue
        code = sorted(codes)[0]
        root = code[:2]
        if root not in tables.cameo_pentaclass:
            continue
        out.append(
            Example(
                source="petrarch2",
                id=str(sent.get("id")),
                text=" ".join(text_el.text.split()),
                plover=_prefix_lookup(code, c2p),
                cameo_root=root,
                pentaclass=tables.cameo_pentaclass[root],
                raw_label=code,
            )
        )
    return _sorted(out)


@dataclass(frozen=True)
class SatpExample:
    id: str
    text: str
    labels: tuple[int, ...]  # one 0/1 per satp_columns entry


def load_satp(data: Path, split: str) -> list[SatpExample]:
    path = _need(data / "conflibert-satp" / f"{split}.tsv")
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, line in enumerate(fh):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 5:
                continue
            out.append(SatpExample(id=f"{split}{i:06d}", text=parts[0].strip(), labels=tuple(int(p) for p in parts[1:5])))
    return out


@dataclass(frozen=True)
class IpeSentence:
    doc_id: str
    sent_id: int
    text: str
    labels: frozenset[str]


def _fix_mojibake(text: str) -> str:
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def load_india_police_events(data: Path) -> tuple[list[IpeSentence], dict[str, frozenset[str]]]:
    """Sentences (sorted by document, sentence) and document labels."""
    sents = []
    with _need(data / "IndiaPoliceEvents" / "sents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            sents.append(
                IpeSentence(
                    doc_id=str(rec["doc_id"]),
                    sent_id=int(rec["sent_id"]),
                    text=_fix_mojibake(rec["sent_text"]).strip(),
                    labels=frozenset(rec["sent_labels"]),
                )
            )
    docs = {}
    with _need(data / "IndiaPoliceEvents" / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            docs[str(rec["doc_id"])] = frozenset(rec["doc_labels"])
    sents.sort(key=lambda s: (s.doc_id, s.sent_id))
    return sents, docs


def verb_inflections(verb: str) -> set[str]:
    """Regular inflections of an English verb ("attack" -> attacks, attacked, attacking)."""
    v = verb.lower()
    forms = {v, v + "s", v + "ed", v + "ing", v + "d"}
    if v.endswith("e"):
        forms |= {v[:-1] + "ing", v + "d"}
    if v.endswith("y"):
        forms |= {v[:-1] + "ies", v[:-1] + "ied"}
    return forms


def load_cameo_verb_lexicon(data: Path, min_share: float = 0.5) -> dict[str, str]:
    """Single-word verbs of the PETRARCH2 CAMEO verb dictionary -> their majority CAMEO root.

    Each ``--- VERB [code] ---`` block contributes its default code (if any) and the codes of its
    patterns to every verb form listed in the block; a form keeps the root that holds at least
    ``min_share`` of its codes.
    """
    path = _need(data / "phoenix-dictionaries" / "CAMEO.2.0.txt")
    from collections import Counter, defaultdict

    counts: dict[str, Counter] = defaultdict(Counter)
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next((i for i, ln in enumerate(lines) if "VERB PATTERNS" in ln), 0)
    block_forms: set[str] = set()
    block_codes: list[str] = []

    def flush() -> None:
        for form in block_forms:
            counts[form].update(block_codes)

    for ln in lines[start:]:
        ln = ln.split("#", 1)[0].rstrip()
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", ln)
        if m:
            flush()
            block_forms, block_codes = set(), []
            code = m.group(2).split(":")[0].strip()
            if code[:2].isdigit():
                block_codes.append(code[:2])
            continue
        if ln.startswith("-"):
            for code in re.findall(r"\[(\d{2,4})", ln):
                block_codes.append(code[:2])
            continue
        m = re.match(r"^([A-Z][A-Z_]*)\s*(\{([^}]*)\})?", ln)
        if m and "_" not in m.group(1):
            block_forms |= verb_inflections(m.group(1))
            if m.group(3):
                block_forms |= {f.lower() for f in m.group(3).split() if "_" not in f}
    flush()
    out = {}
    for form, c in counts.items():
        if not c:
            continue
        root, n = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if n / sum(c.values()) >= min_share and "01" <= root <= "20":
            out[form] = root
    return dict(sorted(out.items()))


WEAK_ACLED_PATH = MODELS_DIR.parent / "ontology" / "weak_acled_labels.tsv"
WEAK_SOURCES = ("satp", "ipe", "petrarch2", "plover_gsr")


def load_weak_acled_crosswalk(path: Path = WEAK_ACLED_PATH) -> dict[str, dict[str, str]]:
    """source -> {source label -> ACLED sub-event type} from ``weak_acled_labels.tsv``."""
    known = set(label_tables().acled_types)
    out: dict[str, dict[str, str]] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        acled = row["acled_sub_event_type"].strip()
        if acled not in known:
            raise ValueError(f"{path.name}: {acled!r} is not an ACLED sub-event type")
        out.setdefault(row["source"].strip(), {})[row["source_label"].strip()] = acled
    return out


def load_weak_acled(data: Path, sources: Sequence[str] = WEAK_SOURCES) -> list[Example]:
    """Distantly labelled ACLED examples from other sets, mapped through ``weak_acled_labels.tsv``.

    Source ``weak_<name>``; only the ``acled`` field is set, so the other heads never see them (weights:
    ``TrainConfig.weak_acled_weights``; ``TrainConfig.weak_max_words`` trims long texts at training time)."""
    walk = load_weak_acled_crosswalk()
    tables = label_tables()
    out: list[Example] = []

    def add(src: str, ident: str, text: str, label: Optional[str]) -> None:
        if label is not None and text:
            out.append(Example(source="weak_" + src, id=ident, text=text, acled=label, raw_label=label))

    for src in sources:
        table = walk.get(src, {})
        if src == "satp":
            for x in load_satp(data, "train"):
                key = "+".join(c for c, v in zip(tables.satp_columns, x.labels) if v)
                add(src, x.id, x.text, table.get(key))
        elif src == "ipe":
            sents, _ = load_india_police_events(data)
            for s in sents:
                key = "+".join(sorted(s.labels - {"ANY_ACTION"}))
                add(src, f"{s.doc_id}:{s.sent_id:04d}", s.text, table.get(key))
        elif src == "petrarch2":
            for e in load_petrarch(data):
                add(src, e.id, e.text, _prefix_lookup(e.raw_label or "", table))
        elif src == "plover_gsr":
            records = json.loads(_need(data / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
            for rec in records:
                if rec.get("event") and rec.get("text") and rec.get("event") != "DOCUMENT":
                    add(src, str(rec["id"]), rec["text"], table.get(f"{rec['event']}/{rec.get('mode') or ''}"))
        else:
            raise ValueError(f"unknown weak ACLED source {src!r} (known: {', '.join(WEAK_SOURCES)})")
    return _sorted(out)
