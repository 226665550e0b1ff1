"""Storing articles and their event records, idempotently and batch by batch.

* **Idempotent**: an article is identified by the sha256 of its cleaned text; one
  already stored (or seen earlier in the same run) is skipped as a duplicate.
* **Transactional per batch**: each batch of ``batch_size`` articles is written in
  one transaction. Killing the process loses at most the uncommitted batch, which a
  re-run stores (its articles are not in the store yet); committed batches are
  skipped as duplicates. If a batch fails, it is rolled back and replayed one
  article per transaction so that only the faulty articles are reported failed.
* **Short locks**: given a path, the writer holds the file for about a second at a
  time (whole batches only), then closes it for a moment so readers get in between
  batches (see :mod:`strife.store.db`).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

import duckdb

from strife.batch import partitions_of
from strife.article import Article
from strife.records import Event
from strife.store.cluster import (
    DEFAULT_RULE,
    ClusterIndex,
    EventFeatures,
    MergeRule,
    features_of,
    new_cluster_id,
    primary_location,
)
from strife.store.clusterview import refresh_clusters
from strife.store.db import DbLike, connect, transaction
from strife.store.rows import in_list, insert_rows, json_list

# An item to ingest: the article and its records, or the exception its extraction raised.
IngestItem = tuple[Article, Union[Sequence[Event], BaseException]]
DEFAULT_BATCH_SIZE = 100
DEFAULT_HOLD_SECONDS = 1.0  # longest a writer keeps the file locked between two yields
SLOW_SOURCE_SECONDS = 0.2  # a batch that took longer to produce releases the lock after its commit
DEFAULT_YIELD_SECONDS = 0.1  # how long it lets readers in; more than db.READER_POLL_MAX


@dataclass(frozen=True)
class Failure:
    article: str  # id, origin or sha256 prefix: what a user can find it by
    reason: str


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    skipped_duplicates: int = 0
    failed: list[Failure] = field(default_factory=list)
    events_added: int = 0
    clusters_created: int = 0
    clusters_grown: int = 0
    batches: int = 0

    def summary(self) -> str:
        lines = [
            f"articles read: {self.read}",
            f"stored: {self.stored}",
            f"skipped as duplicates: {self.skipped_duplicates}",
            f"failed: {len(self.failed)}",
            f"events added: {self.events_added}",
            f"clusters created: {self.clusters_created}",
            f"clusters grown: {self.clusters_grown}",
        ]
        lines += [f"  failed {f.article}: {f.reason}" for f in self.failed]
        return "\n".join(lines)


class ArticleRejected(ValueError):
    """An article (or its records) cannot be stored; the message says why."""


def _label(article: Article) -> str:
    return article.id or article.origin or f"sha256:{article.text_sha256[:12]}"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _d(s: Optional[str]) -> Optional[date]:
    return date.fromisoformat(s) if s else None


class _Batch:
    """Rows of one batch, written together at its end."""

    def __init__(self) -> None:
        self.articles: list[list] = []
        self.events: list[list] = []
        self.mentions: list[list] = []
        self.claims: list[list] = []
        self.actors: list[list] = []
        self.places: list[list] = []
        self.shas: set[str] = set()
        self.touched: set[str] = set()


def _validate(article: Article, events: Sequence[Event]) -> None:
    if not article.text:
        raise ArticleRejected("empty text")
    sha = article.text_sha256
    seen: set[str] = set()
    for ev in events:
        if not isinstance(ev, Event):
            raise ArticleRejected(f"expected Event records, got {type(ev).__name__}")
        if ev.article.text_sha256 != sha:
            raise ArticleRejected(
                f"record {ev.event_id} names article sha256 {ev.article.text_sha256[:12]}, "
                f"not this article's {sha[:12]}"
            )
        if ev.event_id in seen:
            raise ArticleRejected(f"event_id {ev.event_id} appears twice in the article's records")
        seen.add(ev.event_id)


def _stage_article(
    con: duckdb.DuckDBPyConnection,
    batch: _Batch,
    index: ClusterIndex,
    article: Article,
    events: Sequence[Event],
    rule: MergeRule,
    seq0: int,
    created: set[str],
    joined_existing: set[str],
) -> int:
    """Add one article's rows to the batch; return the number of events."""
    sha = article.text_sha256
    for ev in events:
        if ev.event_id in index.event_ids:
            raise ArticleRejected(f"event_id {ev.event_id} is already stored for another article")
    now = _now()
    batch.articles.append([
        sha, article.id, article.url, article.title, article.published, article.source, article.origin,
        article.text, len(events), now,
    ])
    for i, ev in enumerate(events):
        feats = features_of(ev)
        cid, _score = index.find_cluster(feats, rule)
        if cid is None:
            cid = new_cluster_id(ev.event_id)
            created.add(cid)
        elif cid not in created:
            joined_existing.add(cid)
        feats = EventFeatures(**{**feats.__dict__, "cluster_id": cid})
        index.add(feats)
        batch.touched.add(cid)
        record = ev.to_json_dict()
        record["cluster_id"] = cid
        loc = primary_location(ev)
        evidence_text = " ".join(e.text for e in ev.evidence)
        search = " ".join(
            [evidence_text, ev.article.title or "", article.title or ""]
            + [f"{a.name} {a.text}" for a in ev.actors]
            + [f"{p.name} {p.text}" for p in ev.locations]
        )
        src = ev.article.source or article.source
        batch.events.append([
            ev.event_id, sha, cid, seq0 + i, ev.plover.type, ev.cameo,
            ev.acled.event_type if ev.acled else None, ev.acled.sub_event_type if ev.acled else None,
            feats.date_start, feats.date_end, ev.date.precision, ev.date.basis,
            loc.country if loc else None, loc.admin1 if loc else None, loc.precision if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, loc is not None,
            ev.fatalities.low, ev.fatalities.best, ev.fatalities.high, ev.background, ev.confidence,
            "|".join(sorted(feats.actors)), evidence_text, search.lower(),
            _d(ev.article.published) or article.published, src, json.dumps(record, ensure_ascii=False),
        ])
        for j, e in enumerate(ev.evidence):
            batch.mentions.append([ev.event_id, j, e.text, e.span[0], e.span[1]])
        for kind, toll in (("fatalities", ev.fatalities), ("injuries", ev.injuries), ("abducted", ev.abducted),
                           ("arrested", ev.arrested), ("missing", ev.missing)):
            for j, c in enumerate(toll.claims):
                batch.claims.append([
                    ev.event_id, kind, j, c.value, c.qualifier, c.victims, c.side, c.source, src,
                    c.text, c.span[0], c.span[1],
                ])
        for j, a in enumerate(ev.actors):
            batch.actors.append([ev.event_id, j, a.role, a.name, a.text, a.country, a.sector, a.kind])
        for j, p in enumerate(ev.locations):
            batch.places.append([
                ev.event_id, j, p.name, p.country, p.admin1, p.admin2, p.lat, p.lon, p.geonames_id, p.precision,
            ])
    batch.shas.add(sha)
    return len(events)


def _flush(con: duckdb.DuckDBPyConnection, batch: _Batch) -> None:
    insert_rows(con, "articles", batch.articles)
    insert_rows(con, "events", batch.events)
    insert_rows(con, "mentions", batch.mentions)
    insert_rows(con, "toll_claims", batch.claims)
    insert_rows(con, "actors", batch.actors)
    insert_rows(con, "places", batch.places)
    refresh_clusters(con, batch.touched)


def _write_batch(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[IngestItem],
    index: ClusterIndex,
    report: IngestReport,
    rule: MergeRule,
    seen: set[str],
    created_run: set[str],
    grown_run: set[str],
) -> None:
    """Write one batch in one transaction. Raises on a store error (the caller replays per article)."""
    batch = _Batch()
    created: set[str] = set()
    joined: set[str] = set()
    stored = skipped = added = 0
    failures: list[Failure] = []
    with transaction(con):
        shas = [a.text_sha256 for a, _ in items]
        stored_shas = {
            r[0]
            for r in con.execute(
                f"SELECT text_sha256 FROM articles WHERE {in_list('text_sha256')}", [json_list(shas)]
            ).fetchall()
        }
        seq0 = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM events").fetchone()[0]
        for article, result in items:
            sha = article.text_sha256
            if sha in stored_shas or sha in batch.shas or sha in seen:
                skipped += 1
                continue
            if isinstance(result, BaseException):
                failures.append(Failure(_label(article), f"extraction failed: {type(result).__name__}: {result}"))
                continue
            try:
                _validate(article, result)
                added += _stage_article(con, batch, index, article, result, rule, seq0, created, joined)
            except ArticleRejected as exc:
                failures.append(Failure(_label(article), str(exc)))
                continue
            seq0 += len(result)
            stored += 1
        _flush(con, batch)
    # committed: only now count it
    index.max_seq = max(index.max_seq, seq0 - 1)
    seen |= batch.shas
    report.stored += stored
    report.skipped_duplicates += skipped
    report.events_added += added
    report.failed += failures
    created_run |= created
    grown_run |= joined - created_run
    report.clusters_created = len(created_run)
    report.clusters_grown = len(grown_run)
    report.batches += 1


def ingest_articles(
    db: DbLike,
    articles_with_events: Iterable[IngestItem],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    rule: MergeRule = DEFAULT_RULE,
    progress: Optional[Callable[[int], None]] = None,
    lock_timeout: float = 60.0,
    hold_seconds: float = DEFAULT_HOLD_SECONDS,
    yield_seconds: float = DEFAULT_YIELD_SECONDS,
) -> IngestReport:
    """Store ``(Article, records)`` pairs; return what happened.

    ``db`` is a path (or None for the default store) or an open writable connection
    (used as is, never closed). The second element of a pair may be the exception
    the extraction raised; that article is then reported failed.

    Every batch is one transaction. Given a path, the store is closed after the
    first batch commit that ends ``hold_seconds`` after opening (or after every
    commit when producing a batch takes longer than ``SLOW_SOURCE_SECONDS``, as with
    the NLP pipeline), and reopened after ``yield_seconds``, so readers (who poll
    more often than that) get in. The store is never held while the extraction runs
    on a slow source.
    ``progress(n)`` is called after each committed batch with its number of articles.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = IngestReport()
    seen: set[str] = set()
    created_run: set[str] = set()
    grown_run: set[str] = set()
    index = ClusterIndex()
    owned = not isinstance(db, duckdb.DuckDBPyConnection)
    con: Optional[duckdb.DuckDBPyConnection] = None if owned else db  # type: ignore[assignment]
    opened_at = time.monotonic()
    batches = partitions_of(articles_with_events, batch_size)
    try:
        while True:
            pulled_at = time.monotonic()
            items = next(batches, None)  # runs the caller's extraction: may be slow
            if items is None:
                break
            slow_source = time.monotonic() - pulled_at > SLOW_SOURCE_SECONDS
            report.read += len(items)
            if con is None:
                con = connect(db, timeout=lock_timeout)  # type: ignore[arg-type]
                opened_at = time.monotonic()
            index.refresh(con)
            try:
                _write_batch(con, items, index, report, rule, seen, created_run, grown_run)
            except duckdb.Error:
                # Rolled back; replay one article per transaction to isolate the faulty ones.
                for item in items:
                    index = ClusterIndex()  # drop what the rolled-back transaction staged
                    index.refresh(con)
                    try:
                        _write_batch(con, [item], index, report, rule, seen, created_run, grown_run)
                    except duckdb.Error as exc1:
                        report.failed.append(Failure(_label(item[0]), f"store error: {exc1}"))
            if progress is not None:
                progress(len(items))
            # Release the lock when held long enough, or when the source is slow (the next batch's
            # extraction would otherwise run with the store locked).
            if owned and (slow_source or time.monotonic() - opened_at >= hold_seconds):
                con.close()
                con = None
                time.sleep(yield_seconds)
    finally:
        if owned and con is not None:
            con.close()
    return report
