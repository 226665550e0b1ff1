"""Run the extractor over a stream of inputs and account for every one of them.

Each input ends as exactly one of: *with events*, *no events* (both "processed"), *skipped* (with a
reason: nothing to do, e.g. an empty file) or *failed* (with a reason: it could not be read, or the
extractor raised). Warnings (e.g. a missing publication date) do not stop an article. An extractor
exception on one article is caught, reported with the article's origin and the exception, counted
as failed, and the batch goes on.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Literal, Optional, Union

from strife.article import Article
from strife.readers import ReadFailure
from strife.records import Event

log = logging.getLogger(__name__)

Extractor = Callable[[Article], list[Event]]
NoticeKind = Literal["warning", "skipped", "failed"]
NO_PUBLISHED_WARNING = "no publication date: relative dates stay unresolved"


@dataclass(frozen=True)
class Notice:
    """A message about one input, for the user (the CLI prints these to stderr)."""

    kind: NoticeKind
    origin: str
    reason: str
    detail: Optional[str] = None

    def __str__(self) -> str:
        return f"{self.kind}: {self.origin}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class RunReport:
    read: int = 0  # inputs seen: articles read plus inputs that failed or were skipped
    processed: int = 0  # articles the extractor ran on without error
    with_events: int = 0
    without_events: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    failed: Counter = field(default_factory=Counter)  # reason -> count
    warnings: Counter = field(default_factory=Counter)  # reason -> count (articles still processed)
    events: int = 0  # records emitted
    elapsed_s: float = 0.0

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    @property
    def n_failed(self) -> int:
        return sum(self.failed.values())

    @property
    def n_warnings(self) -> int:
        return sum(self.warnings.values())

    @property
    def ok(self) -> bool:
        """True when nothing failed (skips and warnings are not failures)."""
        return self.n_failed == 0

    def summary_line(self) -> str:
        return (
            f"processed {self.processed}, with events {self.with_events}, no events {self.without_events}, "
            f"skipped {self.n_skipped}, failed {self.n_failed}"
        )

    def breakdown(self) -> str:
        """Reasons behind the counts, e.g. ``skipped: empty 1; failed: binary 1; warnings: ...``; '' if none."""
        parts = []
        for label, counts in (("skipped", self.skipped), ("failed", self.failed), ("warnings", self.warnings)):
            if counts:
                parts.append(f"{label}: " + ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items())))
        return "; ".join(parts)

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "processed": self.processed,
            "with_events": self.with_events,
            "without_events": self.without_events,
            "skipped": dict(self.skipped),
            "failed": dict(self.failed),
            "warnings": dict(self.warnings),
            "events": self.events,
            "elapsed_s": round(self.elapsed_s, 3),
        }


def default_extractor() -> Extractor:
    """strife's own pipeline (imported on first use: loading spaCy is slow)."""
    from strife.pipeline import extract_article

    return extract_article


def run_batch(
    inputs: Iterable[Union[Article, ReadFailure]],
    extractor: Optional[Extractor] = None,
    on_record: Optional[Callable[[Event], None]] = None,
    on_notice: Optional[Callable[[Notice], None]] = None,
) -> RunReport:
    """Extract events from every input, handing each record to ``on_record`` as it comes.

    ``inputs`` is what `strife.readers.read_inputs` yields. ``on_notice`` receives a `Notice` for
    every warning, skip and failure (default: logged on the ``strife.batch`` logger).
    """
    extract = extractor or default_extractor()
    report = RunReport()
    notify = on_notice or _log_notice
    started = time.perf_counter()
    for item in inputs:
        report.read += 1
        if isinstance(item, ReadFailure):
            counts = report.skipped if item.outcome == "skipped" else report.failed
            counts[item.reason] += 1
            notify(Notice(item.outcome, item.origin, item.reason, item.detail))
            continue
        _run_one(item, extract, report, on_record, notify)
    report.elapsed_s = time.perf_counter() - started
    return report


def _run_one(
    article: Article,
    extract: Extractor,
    report: RunReport,
    on_record: Optional[Callable[[Event], None]],
    notify: Callable[[Notice], None],
) -> None:
    origin = article.origin or article.id or "<article>"
    if not article.text:
        report.skipped["empty"] += 1
        notify(Notice("skipped", origin, "empty"))
        return
    warnings = list(article.warnings)
    if article.published is None:
        warnings.append(NO_PUBLISHED_WARNING)
    for reason in warnings:
        report.warnings[reason] += 1
        notify(Notice("warning", origin, reason))
    try:
        events = list(extract(article))
    except Exception as exc:  # one article's extractor error must not end the batch
        reason = f"extractor error ({type(exc).__name__})"
        report.failed[reason] += 1
        log.debug("extractor failed on %s", origin, exc_info=True)
        notify(Notice("failed", origin, reason, str(exc) or None))
        return
    report.processed += 1
    if events:
        report.with_events += 1
    else:
        report.without_events += 1
    report.events += len(events)
    if on_record is not None:
        for event in events:
            on_record(event)


def _log_notice(notice: Notice) -> None:
    log.warning("%s", notice)
