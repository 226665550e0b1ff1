"""Whole articles against document-level gold readings (the seed's ``gold.json`` format).

A directory holds ``NAME.txt`` (the article) beside ``NAME.gold.json`` (its reading: ``metadata.published``
and the events a correct extraction must, may, or must not show; scored by
:func:`strife.evaluation.gold.score_gold`). Every record of the article counts:

- a required gold event matched once is a true positive; one it misses is a false negative;
- a second record of a required event (a split: "came out more than once") and a record that matches
  no gold event are false positives; a record matching an optional event counts neither way;
- the field checks of the matched required events (type, actors, date, place, tolls, claims) are
  counted separately, and an article passes when it has no miss, split, false positive or wrong field.

    python -m strife.evaluation.articles [DIR ...] [--show]

With no directory, the packaged development articles (``tests/data/gold_articles``) are read.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from strife.article import Article
from strife.evaluation.gold import GoldReport, score_gold
from strife.evaluation.scores import Score

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "tests" / "data" / "gold_articles"


@dataclass
class ArticleResult:
    name: str
    report: GoldReport
    n_records: int
    n_required: int
    records: list = field(default_factory=list)  # RECORD.md dicts, for --show

    @property
    def splits(self) -> int:
        return sum(len(v) - 1 for v in self.report.duplicates.values())


@dataclass
class ArticlesResult:
    articles: list[ArticleResult] = field(default_factory=list)

    @property
    def events(self) -> Score:
        """Required gold events vs. records (splits and unmatched records are false positives)."""
        s = Score()
        for a in self.articles:
            req_found = a.n_required - len(a.report.missing)
            s.add(req_found, req_found + len(a.report.false_positives) + a.splits, a.n_required)
        return s

    @property
    def fields(self) -> tuple[int, int]:
        checks = [c for a in self.articles for c in a.report.checks]
        return sum(c.ok for c in checks), len(checks)

    def counts(self) -> dict[str, int]:
        return {"articles": len(self.articles),
                "passed": sum(a.report.passed for a in self.articles),
                "records": sum(a.n_records for a in self.articles),
                "required": sum(a.n_required for a in self.articles),
                "missing": sum(len(a.report.missing) for a in self.articles),
                "splits": sum(a.splits for a in self.articles),
                "false_positives": sum(len(a.report.false_positives) for a in self.articles)}

    def table(self) -> str:
        ev = self.events
        ok, n = self.fields
        c = self.counts()
        lines = [f"articles {c['articles']} (passed {c['passed']}), records {c['records']}, required events {c['required']}",
                 f"events: precision {ev.precision:.3f} recall {ev.recall:.3f} F1 {ev.f1:.3f} "
                 f"(missing {c['missing']}, splits {c['splits']}, false positives {c['false_positives']})",
                 f"field checks of matched required events: {ok}/{n} = {ok / n if n else 0:.3f}"]
        return "\n".join(lines)


def gold_pairs(dirs: Sequence[Path]) -> list[tuple[str, Path, dict]]:
    """(name, text path, gold) for every ``NAME.gold.json`` with its ``NAME.txt`` in ``dirs``."""
    out = []
    for d in dirs:
        for g in sorted(Path(d).glob("*.gold.json")):
            name = g.name[: -len(".gold.json")]
            txt = g.with_name(name + ".txt")
            if not txt.exists():
                raise FileNotFoundError(f"{g} has no article {txt.name} beside it")
            out.append((name, txt, json.loads(g.read_text(encoding="utf-8"))))
    return out


def evaluate_articles(dirs: Optional[Sequence[Path]] = None, limit: Optional[int] = None) -> ArticlesResult:
    from strife.pipeline import extract_many

    pairs = gold_pairs(dirs or [DEFAULT_DIR])[:limit]
    arts = [Article(text=txt.read_text(encoding="utf-8"), id=name, published=gold["metadata"]["published"])
            for name, txt, gold in pairs]
    res = ArticlesResult()
    for (name, _, gold), (_, events) in zip(pairs, extract_many(arts)):
        recs = [e.to_json_dict() for e in events]
        res.articles.append(ArticleResult(name, score_gold(gold, recs), len(recs),
                                          sum(1 for g in gold["events"] if g.get("required")), recs))
    return res


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m strife.evaluation.articles", description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, help=f"directories of NAME.txt + NAME.gold.json (default {DEFAULT_DIR})")
    ap.add_argument("--show", action="store_true", help="print each article's failures")
    args = ap.parse_args(argv)
    res = evaluate_articles(args.dirs or None)
    if args.show:
        for a in res.articles:
            fails = a.report.failures()
            print(f"## {a.name}: {a.n_records} records, {a.n_required} required, {'passed' if a.report.passed else ''}")
            for f in fails:
                print("   ", f)
            for i in [*a.report.false_positives, *(j for ix in a.report.duplicates.values() for j in ix[1:])]:
                r = a.records[i]
                ev = (r.get("evidence") or [{}])[0].get("text", "")
                print(f"    record {i}: {r['plover']['type']} {r.get('cameo')} {'bg ' if r.get('background') else ''}"
                      f"{[x['text'] for x in r.get('actors') or []]} | {ev[:140]!r}")
    print(res.table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
