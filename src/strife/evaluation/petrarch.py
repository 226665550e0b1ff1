"""The PETRARCH2 validation suite: how many unit-test codings (source, target, CAMEO code) strife reproduces.

    python -m strife.evaluation.petrarch [--limit N] [--misses K]

The records (``PETR.UnitTest.records.xml``) and dictionaries (``PETR.Validate.*.txt``) are read from
``../shared/data/petrarch2-unittest`` at run time. Strife runs with the validation actor dictionary
loaded as a user dictionary (``ActorDictionary.load(extra_paths=[...])``, which takes precedence over
the shipped one) and the validation agents added to its generic-noun table, in a pipeline built for
the purpose; the process-wide dictionary is restored afterwards.

Each strife record yields (source, target, event) triples: every ``actor`` x every ``recipient``
(``---`` where a side is empty) with the record's CAMEO code. An actor's CAMEO code is read back from
what strife resolved, never from the raw text: the validation-dictionary code of its canonical name
(as of the sentence date), else its country and sector as code blocks (``ISR`` + ``MIL``), else none.

Counts printed (over gold codings of the non-ERROR records):
``exact`` source, target and event code all equal; ``source+target`` both actor codes equal (any
event); ``source+target+root`` also the CAMEO root (first two digits); ``event code`` / ``event
root`` (actors ignored); ``actor roots`` source and target agree on their first 3-letter block.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator, Optional, Sequence

from strife.article import Article
from strife.evaluation.roles import EvaluationDataError, data_dir, run_extraction

ACTORS_FILE = "PETR.Validate.actors.txt"
AGENTS_FILE = "PETR.Validate.agents.txt"
RECORDS_FILE = "PETR.UnitTest.records.xml"
NONE_CODE = "---"

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Coding:
    source: str
    target: str
    event: str

    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.event)


@dataclass
class UnitTest:
    id: str
    category: str
    date: Optional[date]
    text: str
    codings: list[Coding]
    expects_error: bool = False  # ERROR records: an error or no event is expected


def _code(c: str) -> str:
    return c.strip().upper().replace("~", "")


def load_unit_tests(path: Optional[Path] = None) -> list[UnitTest]:
    """The <Sentence> records of the PETRARCH2 unit-test file (comments stripped, regex-parsed:
    the file is not strict XML)."""
    p = path or data_dir() / "petrarch2-unittest" / RECORDS_FILE
    if not p.is_file():
        raise EvaluationDataError(f"PETRARCH2 unit tests missing: {p}")
    raw = _COMMENT.sub("", p.read_text(encoding="utf-8", errors="replace"))
    out: list[UnitTest] = []
    for m in _SENTENCE.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        body = m.group(2)
        t = _TEXT.search(body)
        if t is None:
            raise ValueError(f"unit test {attrs.get('id')!r} has no <Text>")
        d = attrs.get("date", "")
        day = date(int(d[:4]), int(d[4:6]), int(d[6:8])) if re.fullmatch(r"\d{8}", d) else None
        codings, error = [], attrs.get("category") == "ERROR"
        for c in _CODING.finditer(body):
            ca = dict(_ATTR.findall(c.group(1)))
            if "eventcode" in ca:
                codings.append(Coding(_code(ca.get("sourcecode", NONE_CODE)), _code(ca.get("targetcode", NONE_CODE)),
                                      ca["eventcode"].strip()))
            elif "error" in ca:
                error = True
        out.append(UnitTest(attrs.get("id", f"#{len(out)}"), attrs.get("category", ""), day,
                            " ".join(t.group(1).split()), codings, error))
    if not out:
        raise ValueError(f"{p}: no <Sentence> records found")
    return out


@contextmanager
def validation_dictionaries(folder: Optional[Path] = None) -> Iterator[object]:
    """A strife pipeline with the PETRARCH validation dictionaries loaded; restores the shipped ones.

    Yields the spaCy ``Language`` to pass to :func:`run_extraction`.
    """
    from strife.actor_dictionary import ActorDictionary, get_actor_dictionary
    from strife.petrarch_dict import decode_cameo, parse_agent_file
    from strife.pipeline import build_nlp

    folder = folder or data_dir() / "petrarch2-unittest"
    actors, agents = folder / ACTORS_FILE, folder / AGENTS_FILE
    for p in (actors, agents):
        if not p.is_file():
            raise EvaluationDataError(f"PETRARCH validation dictionary missing: {p}")
    shared = get_actor_dictionary()
    saved_entries, saved_agents = list(shared.entries), dict(shared.agents)
    loaded = ActorDictionary.load(extra_paths=[actors])
    parsed, _warnings = parse_agent_file(agents)
    try:
        shared.entries = loaded.entries
        from strife.actor_dictionary import normalize

        for a in parsed:
            sector = decode_cameo(a.code).sector
            if sector:
                shared.agents.setdefault(normalize(a.phrase), sector)
        shared._reindex()
        yield build_nlp()
    finally:
        shared.entries = saved_entries
        shared.agents.clear()
        shared.agents.update(saved_agents)
        shared._reindex()


@dataclass
class CodeBook:
    """Reads a CAMEO actor code back from a strife actor (validation dictionary first)."""

    by_name: dict[str, object]  # normalised alias -> PetrarchActor

    @classmethod
    def load(cls, folder: Optional[Path] = None) -> "CodeBook":
        from strife.actor_dictionary import normalize, split_parenthetical
        from strife.petrarch_dict import parse_actor_file

        folder = folder or data_dir() / "petrarch2-unittest"
        table: dict[str, object] = {}
        for a in parse_actor_file(folder / ACTORS_FILE).actors:
            for n in a.names:
                for part in split_parenthetical(n):
                    table.setdefault(normalize(part), a)
        return cls(table)

    def code(self, actor, day: Optional[date]) -> Optional[str]:
        from strife.actor_dictionary import normalize

        if actor is None:
            return NONE_CODE
        for key in (normalize(actor.name), normalize(actor.text)):
            a = self.by_name.get(key)
            if a is not None:
                c = a.code_on(day)
                if c:
                    return _code(c)
        if actor.country:
            return actor.country + (actor.sector if actor.sector and len(actor.sector) == 3 else "")
        if actor.sector and len(actor.sector) == 3:
            return NONE_CODE + actor.sector
        return None


def predicted_codings(events, book: CodeBook, day: Optional[date]) -> list[Coding]:
    out: list[Coding] = []
    for e in events:
        if not e.cameo:
            continue
        src = [a for a in e.actors if a.role == "actor"] or [None]
        tgt = [a for a in e.actors if a.role == "recipient"] or [None]
        for s in src:
            for t in tgt:
                cs, ct = book.code(s, day), book.code(t, day)
                out.append(Coding(cs or "?", ct or "?", e.cameo))
    return out


@dataclass
class PetrarchResult:
    n_records: int = 0
    n_gold: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, tuple[int, int]] = field(default_factory=dict)  # category -> (exact, gold)
    error_records_with_output: int = 0
    n_error_records: int = 0
    n_predicted: int = 0
    misses: list[tuple[str, str, Coding, list[Coding], str]] = field(default_factory=list)  # id, category, gold, preds, why
    seconds: float = 0.0

    def rate(self, name: str) -> float:
        return self.counts.get(name, 0) / self.n_gold if self.n_gold else 0.0

    def report(self) -> str:
        lines = [f"PETRARCH2 unit tests: {self.n_records} records, {self.n_gold} gold codings "
                 f"({self.n_error_records} ERROR records excluded; strife coded {self.error_records_with_output} of them)",
                 f"strife predicted {self.n_predicted} codings ({self.seconds:.0f} s)",
                 "| match | reproduced | of gold | rate |", "|---|---|---|---|"]
        for k in MATCHES:
            lines.append(f"| {k} | {self.counts.get(k, 0)} | {self.n_gold} | {self.rate(k):.3f} |")
        lines += ["", "| category | exact | gold |", "|---|---|---|"]
        for cat, (ok, n) in sorted(self.by_category.items()):
            lines.append(f"| {cat} | {ok} | {n} |")
        why: dict[str, int] = {}
        for *_, w in self.misses:
            why[w] = why.get(w, 0) + 1
        lines.append("")
        lines.append("misses (exact) by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(why.items(), key=lambda x: -x[1])))
        return "\n".join(lines)


MATCHES = ("exact", "source+target", "source+target+root", "event code", "event root", "actor roots")


def _why(g: Coding, preds: list[Coding]) -> str:
    if not preds:
        return "no_event"
    if not any(p.event[:2] == g.event[:2] for p in preds):
        return "wrong_event_code"
    if any(p.source == g.target and p.target == g.source for p in preds):
        return "wrong_role"
    if any("?" in (p.source, p.target) for p in preds):
        return "dictionary_gap"
    if any(p.source[:3] == g.source[:3] and p.target[:3] == g.target[:3] for p in preds):
        return "wrong_actor_normalisation"
    if any(NONE_CODE in (p.source, p.target) for p in preds):
        return "role_missing"
    if any(p.event[:2] == g.event[:2] for p in preds):
        return "wrong_actor"
    return "other"


def evaluate_petrarch(limit: Optional[int] = None, folder: Optional[Path] = None) -> PetrarchResult:
    """Run strife over the unit tests with the validation dictionaries; count reproduced codings."""
    t0 = time.perf_counter()
    tests = load_unit_tests(folder / RECORDS_FILE if folder else None)[:limit]
    book = CodeBook.load(folder)
    res = PetrarchResult(n_records=len(tests))
    with validation_dictionaries(folder) as nlp:
        arts = [Article(text=t.text, id=t.id, published=t.date) for t in tests]
        exs = list(run_extraction(arts, nlp=nlp))
    for t, ex in zip(tests, exs):
        preds = predicted_codings(ex.events, book, t.date)
        res.n_predicted += len(preds)
        if t.expects_error:
            res.n_error_records += 1
            res.error_records_with_output += bool(preds)
            continue
        for g in t.codings:
            res.n_gold += 1
            hit = {
                "exact": any(p.key() == g.key() for p in preds),
                "source+target": any(p.source == g.source and p.target == g.target for p in preds),
                "source+target+root": any(p.source == g.source and p.target == g.target and p.event[:2] == g.event[:2] for p in preds),
                "event code": any(p.event == g.event for p in preds),
                "event root": any(p.event[:2] == g.event[:2] for p in preds),
                "actor roots": any(p.source[:3] == g.source[:3] and p.target[:3] == g.target[:3] for p in preds),
            }
            for k, v in hit.items():
                res.counts[k] = res.counts.get(k, 0) + int(v)
            ok, n = res.by_category.get(t.category, (0, 0))
            res.by_category[t.category] = (ok + hit["exact"], n + 1)
            if not hit["exact"]:
                res.misses.append((t.id, t.category, g, preds, _why(g, preds)))
    res.seconds = time.perf_counter() - t0
    return res


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m strife.evaluation.petrarch", description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="unit-test records (default: all)")
    ap.add_argument("--misses", type=int, default=0, help="print this many missed codings per reason")
    args = ap.parse_args(list(argv) if argv is not None else None)
    res = evaluate_petrarch(limit=args.limit)
    print(res.report())
    if args.misses:
        tests = {t.id: t for t in load_unit_tests()}
        shown: dict[str, int] = {}
        for tid, cat, g, preds, why in res.misses:
            if shown.get(why, 0) >= args.misses:
                continue
            shown[why] = shown.get(why, 0) + 1
            print(f"- {why} [{tid} {cat}] gold {g.source}/{g.target}/{g.event} got "
                  f"{[f'{p.source}/{p.target}/{p.event}' for p in preds][:4]}\n    {tests[tid].text[:200]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
