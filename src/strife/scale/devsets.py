"""Texts from the development sets in ``../shared/data``, read at run time (never copied).

* `gold_event_texts`: per set, the texts whose gold annotation has an event (CASE-2021 snippets,
  PLOVER gold records, IndiaPoliceEvents documents with a label, MUC-4 documents with a filled
  template, SATP dev rows with a label, WikiEvents and RAMS dev documents): what the relevance filter
  must let through.
* `no_event_texts`: per set, texts whose gold has no event (IndiaPoliceEvents documents without a
  label, MUC-4 documents without a template, SATP dev rows without a label) and the geoparsing corpora's
  ordinary news (LGL, GeoVirus): the relevance model's negatives.
* `mixed_corpus`: a mix of conflict and ordinary news (LGL, GeoVirus, IndiaPoliceEvents documents,
  MUC-4 dev documents, CASE-2021 snippets) as `Article`s, for throughput measurements.

Every text falls in one of two fixed halves (`half_of`, from a hash of its text): the relevance model
(`strife.relevance_model`) trains on the ``train`` half only, so that its recall and the throughput
benchmark can be measured on the ``heldout`` half it never saw (``part=`` on the functions here).
"""

from __future__ import annotations

import csv
import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Optional

from strife.article import Article
from strife.settings import get_settings


class DevDataMissing(FileNotFoundError):
    """The shared development data is not where the settings say."""


def data_dir() -> Path:
    d = get_settings().data_dir
    if d is None or not d.is_dir():
        raise DevDataMissing(
            f"development data not found ({d}); set STRIFE_SHARED_DIR to the directory that holds data/"
        )
    return d


def _need(path: Path) -> Path:
    if not path.is_file():
        raise DevDataMissing(f"{path} is missing")
    return path


def _jsonl(path: Path) -> list[dict]:
    with _need(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def case2021_snippets(d: Path) -> list[tuple[str, str]]:
    """``(label, text)`` for every CASE-2021 snippet (each describes an event)."""
    with _need(d / "case2021-task2" / "snippets.tsv").open(encoding="utf-8", newline="") as fh:
        return [(r["SubType"].strip(), r["EventSnippet"].strip()) for r in csv.DictReader(fh, delimiter="\t")]


def plover_gold(d: Path) -> list[tuple[str, str]]:
    rows = json.loads(_need(d / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    return [(r["event"], r["text"]) for r in rows if r.get("event") not in (None, "DOCUMENT") and r.get("text")]


def ipe_docs(d: Path) -> list[tuple[frozenset, str, Optional[str]]]:
    """``(labels, text, date)`` for every IndiaPoliceEvents document here."""
    meta = {r["doc_id"]: r.get("date") for r in _jsonl(d / "IndiaPoliceEvents" / "metadata.jsonl")}
    return [(frozenset(r["doc_labels"]), r["doc_text"], meta.get(r["doc_id"]))
            for r in _jsonl(d / "IndiaPoliceEvents" / "docs.jsonl")]


def muc4_docs(d: Path, split: str = "dev") -> list[tuple[bool, str]]:
    """``(has a filled template, text)`` for every MUC-4 document of ``split``."""
    data = json.loads(_need(d / "muc4-grit" / f"{split}.json").read_text(encoding="utf-8"))
    return [(any(v for v in doc["roles"].values()), doc["doc"]) for doc in data.values()]


def satp_rows(d: Path, split: str = "dev") -> list[tuple[bool, str]]:
    out = []
    with _need(d / "conflibert-satp" / f"{split}.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 5:
                out.append((any(p.strip() == "1" for p in parts[1:5]), parts[0].strip()))
    return out


def geoparsing_articles(d: Path, corpus: str) -> list[str]:
    root = ET.parse(_need(d / "geoparsing-corpora" / corpus)).getroot()
    return [t for t in ((a.findtext("text") or "").strip() for a in root.iter("article")) if t]


PARTS = ("train", "heldout")


def half_of(text: str) -> str:
    """The fixed half a text belongs to: ``train`` or ``heldout`` (module doc)."""
    return PARTS[hashlib.sha256(text.encode("utf-8")).digest()[0] & 1]


def _part(texts: list[str], part: Optional[str]) -> list[str]:
    if part is None:
        return texts
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS} or None, not {part!r}")
    return [t for t in texts if half_of(t) == part]


def gold_event_texts(d: Optional[Path] = None, part: Optional[str] = None) -> dict[str, list[str]]:
    """Per development set, the texts whose gold annotation holds an event (module doc); ``part``:
    only that half (None: all)."""
    d = d or data_dir()
    sets = {
        "case-2021 snippets": [t for _, t in case2021_snippets(d)],
        "plover-gsr records": [t for _, t in plover_gold(d)],
        "IndiaPoliceEvents positives": [t for labels, t, _ in ipe_docs(d) if labels],
        "MUC-4 dev docs with templates": [t for has, t in muc4_docs(d, "dev") if has],
        "MUC-4 train docs with templates": [t for has, t in muc4_docs(d, "train") if has],
        "SATP dev positives": [t for has, t in satp_rows(d, "dev") if has],
        "WikiEvents dev documents": wikievents_docs(d),
        "RAMS dev documents": rams_docs(d),
    }
    return {name: _part(texts, part) for name, texts in sets.items()}


def wikievents_docs(d: Path, split: str = "dev") -> list[str]:
    """WikiEvents documents (every one holds annotated events), as the role evaluation reads them."""
    from strife.evaluation.roles import load_wikievents

    return [a.text for a, _ in load_wikievents(split, d)]


def rams_docs(d: Path, split: str = "dev") -> list[str]:
    """RAMS documents (five-sentence windows around an annotated event), as the role evaluation reads them."""
    from strife.evaluation.roles import load_rams

    return [a.text for a, _ in load_rams(split, d)]


def no_event_texts(d: Optional[Path] = None, part: Optional[str] = None) -> dict[str, list[str]]:
    """Per development set, texts whose gold holds no event, and ordinary news (module doc)."""
    d = d or data_dir()
    sets = {
        "IndiaPoliceEvents negatives": [t for labels, t, _ in ipe_docs(d) if not labels],
        "MUC-4 dev docs without templates": [t for has, t in muc4_docs(d, "dev") if not has],
        "MUC-4 train docs without templates": [t for has, t in muc4_docs(d, "train") if not has],
        "SATP dev negatives": [t for has, t in satp_rows(d, "dev") if not has],
        "LGL news": geoparsing_articles(d, "lgl.xml"),
        "GeoVirus news": geoparsing_articles(d, "GeoVirus.xml"),
    }
    return {name: _part(texts, part) for name, texts in sets.items()}


def mixed_corpus(d: Optional[Path] = None, part: Optional[str] = None) -> list[Article]:
    """LGL, GeoVirus, IndiaPoliceEvents documents, MUC-4 dev documents and CASE-2021 snippets
    (``part``: only that half; None: all)."""
    if part is not None and part not in PARTS:
        raise ValueError(f"part must be one of {PARTS} or None, not {part!r}")
    d = d or data_dir()
    out: list[Article] = []
    for corpus, tag in (("lgl.xml", "lgl"), ("GeoVirus.xml", "geovirus")):
        out += [Article(text=t, id=f"{tag}:{i}", origin=f"{tag}:{i}") for i, t in enumerate(geoparsing_articles(d, corpus))]
    out += [Article(text=t, id=f"ipe:{i}", published=day, origin=f"ipe:{i}") for i, (_, t, day) in enumerate(ipe_docs(d))]
    out += [Article(text=t, id=f"muc4:{i}", origin=f"muc4:{i}") for i, (_, t) in enumerate(muc4_docs(d, "dev"))]
    out += [Article(text=t, id=f"case:{i}", origin=f"case:{i}") for i, (_, t) in enumerate(case2021_snippets(d))]
    return [a for a in out if a.text and (part is None or half_of(a.text) == part)]
