"""Run the extractor over a stream of inputs and account for every one of them.

Each input ends as exactly one of: *with events*, *no events* (both "processed"), *skipped* (with a
reason: nothing to do, e.g. an empty file, a non-English article, or no event words for the
relevance filter) or *failed* (with a reason: it could not be read, or the extractor raised).
Warnings (e.g. a missing publication date) do not stop an article. An extractor exception on one
article is caught, reported with the article's origin and the exception, counted as failed, and the
batch goes on.

Articles go to the extractor in *partitions* (``partition_size`` articles). The default extractor,
`PipelineExtractor`, runs a partition through ``nlp.pipe`` (`strife.pipeline.extract_many`); if that
raises, the partition is rerun one article at a time so only the faulty article fails. A *mapper*
decides where partitions run: in this process (default), in a pool of worker processes
(`process_pool`), or on a Dask cluster (`strife.scale.dask_runner`). Results come back in input
order whatever the mapper, so the output is the same.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import sys
import time
from collections import Counter, deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Literal, Optional, Sequence, TypeVar, Union

from strife.article import Article
from strife.readers import ReadFailure
from strife.records import Event

log = logging.getLogger(__name__)

Extractor = Callable[[Article], list[Event]]
DEFAULT_PARTITION_SIZE = 32
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


class PipelineExtractor:
    """strife's own pipeline: one article with ``extract_article``, a partition with ``extract_many``.

    Holds no state (the spaCy pipeline is built once per process by `strife.pipeline.get_nlp`), so it
    pickles to worker processes and Dask workers.
    """

    batch_size: int = 32

    def __call__(self, article: Article) -> list[Event]:
        from strife.pipeline import extract_article

        return extract_article(article)

    def many(self, articles: Sequence[Article]) -> list[list[Event]]:
        from strife.pipeline import extract_many

        return [events for _, events in extract_many(articles, batch_size=self.batch_size)]


def default_extractor() -> Extractor:
    """strife's own pipeline (loaded on first use: loading spaCy is slow)."""
    import strife.pipeline  # noqa: F401  (fail here, with the import error, not in a worker)

    return PipelineExtractor()


@dataclass(frozen=True)
class ArticleOutcome:
    """What extraction did with one article: its records, or why it failed."""

    events: Optional[list[Event]] = None
    error: Optional[str] = None  # exception type name
    detail: Optional[str] = None

    @property
    def failed(self) -> bool:
        return self.events is None


def _one(extract: Extractor, article: Article) -> ArticleOutcome:
    try:
        return ArticleOutcome(events=list(extract(article)))
    except Exception as exc:  # one article's extractor error must not end the batch
        log.debug("extractor failed on %s", article.origin or article.id, exc_info=True)
        return ArticleOutcome(error=type(exc).__name__, detail=str(exc) or None)


def extract_partition(extract: Extractor, articles: Sequence[Article]) -> list[ArticleOutcome]:
    """Extract every article of a partition, batched when the extractor can (``.many``)."""
    many = getattr(extract, "many", None)
    if many is not None and len(articles) > 1:
        try:
            results = many(articles)
        except Exception:  # rerun one by one: only the faulty article fails
            log.debug("batched extraction failed; rerunning the partition one article at a time", exc_info=True)
        else:
            return [ArticleOutcome(events=list(ev)) for ev in results]
    return [_one(extract, a) for a in articles]


# A mapper runs ``fn(partition)`` for every partition and yields the results in input order.
Mapper = Callable[[Callable[[Sequence[Article]], list[ArticleOutcome]], Iterable[list[Article]]], Iterator[list[ArticleOutcome]]]


def in_process(fn, partitions):
    """The default mapper: every partition here, one after the other."""
    for part in partitions:
        yield fn(part)


class _PartitionTask:
    """``extract_partition`` bound to an extractor, picklable for process pools and Dask."""

    def __init__(self, extract: Extractor):
        self.extract = extract

    def __call__(self, articles: Sequence[Article]) -> list[ArticleOutcome]:
        return extract_partition(self.extract, articles)


def ordered_map(submit: Callable[[Any], Future], partitions: Iterable[Any], window: int) -> Iterator[Any]:
    """Submit partitions as they are read, at most ``window`` in flight, and yield results in order."""
    pending: deque = deque()
    for part in partitions:
        pending.append(submit(part))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def shared_map(submit: Callable[[Any], Future], local: Callable[[Any], Any], partitions: Iterable[Any],
               window: int) -> Iterator[Any]:
    """``ordered_map`` in which this process works too: a partition goes to the workers while fewer than
    ``window`` of theirs are unfinished, else this process runs ``local`` on it; results come in order."""
    slots: deque = deque()  # per partition, in input order: a Future, or ("done", result) run here

    def ready(slot) -> bool:
        return not isinstance(slot, Future) or slot.done()

    def take(slot):
        return slot.result() if isinstance(slot, Future) else slot[1]

    for part in partitions:
        busy = sum(1 for x in slots if isinstance(x, Future) and not x.done())
        slots.append(submit(part) if busy < window else ("done", local(part)))
        while slots and (ready(slots[0]) or len(slots) > 4 * window):
            yield take(slots.popleft())
    while slots:
        yield take(slots.popleft())


# A short made-up report: extracting it once loads what the pipeline loads lazily on first use (the
# gazetteer, the actor dictionary, the classifiers), so that forked workers share it.
WARM_UP_TEXT = ("Gunmen attacked a police checkpoint in the north of the country on Monday, killing three "
                "officers and wounding two civilians, a provincial official said.")


def warm_up() -> None:
    """Build the pipeline and run it once (see ``WARM_UP_TEXT``); records do not depend on it."""
    from strife.pipeline import extract_article, get_nlp

    get_nlp()
    extract_article(Article(id="warm-up", text=WARM_UP_TEXT))


def _warm_worker() -> None:
    """Pool initializer for spawned workers: build the pipeline once, before the first partition."""
    warm_up()


def _fork_context() -> Optional[multiprocessing.context.BaseContext]:
    """fork where it is safe (Linux and other POSIX systems but macOS), else None (spawn)."""
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return None


@contextlib.contextmanager
def process_pool(workers: int, warm: bool = True, in_parent: Optional[bool] = None) -> Iterator[Mapper]:
    """A mapper over ``workers`` local processes.

    With fork (Linux), ``warm`` builds and runs the pipeline here, before the workers start, and
    freezes the garbage collector's view of what it loaded (`gc.freeze`): the workers start with
    the loaded pipeline, share its memory pages with this process (collections in the workers do
    not touch them, so they are not copied) and spend their time on articles only. With spawn,
    each worker builds the pipeline as it starts.

    ``in_parent`` (default: with fork and at least 2 workers): this process is one of the ``workers``
    and forks ``workers - 1`` children (`shared_map`), so N cores hold N copies of the working memory,
    not N + 1, and no core waits on a parent that only reads and writes."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    import gc

    fork = _fork_context()
    if in_parent is None:
        in_parent = fork is not None and workers >= 2
    initializer = None
    frozen = warm and fork is not None
    if frozen:
        warm_up()
        gc.collect()
        gc.freeze()
    elif warm:
        initializer = _warm_worker
    ctx = fork or multiprocessing.get_context("spawn")
    children = workers - 1 if in_parent and workers >= 2 else workers
    executor: Executor = ProcessPoolExecutor(children, mp_context=ctx, initializer=initializer)
    try:
        def mapper(fn, partitions):
            if children < workers:
                return shared_map(lambda part: executor.submit(fn, part), fn, partitions, window=2 * children)
            return ordered_map(lambda part: executor.submit(fn, part), partitions, window=2 * workers)

        yield mapper
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        if frozen:
            gc.unfreeze()


T = TypeVar("T")


def partitions_of(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    buf: list[T] = []
    for item in items:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


Keep = Callable[[str], bool]


@dataclass(frozen=True)
class Processed:
    """An article the extractor ran on, with its records, or the failure it raised."""

    article: Article
    outcome: ArticleOutcome
    partition: int


def iter_processed(
    inputs: Iterable[Union[Article, ReadFailure]],
    report: RunReport,
    extractor: Optional[Extractor] = None,
    notify: Optional[Callable[[Notice], None]] = None,
    *,
    keep: Optional[Keep] = None,
    mapper: Optional[Mapper] = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> Iterator[Processed]:
    """The accounting core: counts reads, skips and warnings in ``report`` and yields every article
    the extractor ran on (in input order). ``keep(text)`` is the relevance filter (None: keep all).
    The caller counts the `Processed` items (see `account`)."""
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    extract = extractor or default_extractor()
    notify = notify or _log_notice
    task = _PartitionTask(extract)

    # Notices are emitted in input order: each partition keeps its inputs as slots (an article, or
    # the notices of an input that never reaches the extractor), replayed when its results are in.
    def slots() -> Iterator[Union[Article, list[Notice]]]:
        for item in inputs:
            report.read += 1
            if isinstance(item, ReadFailure):
                counts = report.skipped if item.outcome == "skipped" else report.failed
                counts[item.reason] += 1
                yield [Notice(item.outcome, item.origin, item.reason, item.detail)]
                continue
            origin = item.origin or item.id or "<article>"
            if not item.text:
                report.skipped["empty"] += 1
                yield [Notice("skipped", origin, "empty")]
                continue
            if keep is not None:
                reason = skip_reason(keep, item.text)
                if reason is not None:
                    report.skipped[reason] += 1
                    yield [Notice("skipped", origin, reason)]
                    continue
            warnings = list(item.warnings)
            if item.published is None:
                warnings.append(NO_PUBLISHED_WARNING)
            for reason in warnings:
                report.warnings[reason] += 1
            if warnings:
                yield [Notice("warning", origin, reason) for reason in warnings]
            yield item

    held: deque[list] = deque()

    def partitions() -> Iterator[list[Article]]:
        buf: list = []
        n = 0
        for slot in slots():
            buf.append(slot)
            if isinstance(slot, Article):
                n += 1
                if n >= partition_size:
                    held.append(buf)
                    yield [a for a in buf if isinstance(a, Article)]
                    buf, n = [], 0
        if n:
            held.append(buf)
            yield [a for a in buf if isinstance(a, Article)]
            buf = []
        held.append(buf)  # notices after the last article (never submitted)

    def replay(part: list, outcomes: Optional[list[ArticleOutcome]], index: int) -> Iterator[Processed]:
        results = iter(outcomes or [])
        for slot in part:
            if isinstance(slot, Article):
                yield Processed(slot, next(results), index)
            else:
                for notice in slot:
                    notify(notice)

    index = -1
    for index, outcomes in enumerate((mapper or in_process)(task, partitions())):
        part = held.popleft()
        n_articles = sum(isinstance(a, Article) for a in part)
        if len(outcomes) != n_articles:
            raise RuntimeError(f"partition {index}: {len(outcomes)} results for {n_articles} articles")
        yield from replay(part, outcomes, index)
    while held:
        yield from replay(held.popleft(), None, index + 1)


SKIP_FILTERED = "no event words (relevance filter)"


def skip_reason(keep: Keep, text: str) -> Optional[str]:
    """Why ``keep`` drops the text (None: it keeps it): its own ``skip_reason`` where it has one
    (`strife.relevance.Relevance`), else `SKIP_FILTERED` for a plain predicate."""
    own = getattr(keep, "skip_reason", None)
    if own is not None:
        return own(text)
    return None if keep(text) else SKIP_FILTERED


def account(item: Processed, report: RunReport, notify: Callable[[Notice], None]) -> list[Event]:
    """Count one processed article in ``report``; its records ([] when it failed)."""
    out = item.outcome
    if out.failed:
        reason = f"extractor error ({out.error})"
        report.failed[reason] += 1
        notify(Notice("failed", item.article.origin or item.article.id or "<article>", reason, out.detail))
        return []
    events = out.events or []
    report.processed += 1
    if events:
        report.with_events += 1
    else:
        report.without_events += 1
    report.events += len(events)
    return events


def run_batch(
    inputs: Iterable[Union[Article, ReadFailure]],
    extractor: Optional[Extractor] = None,
    on_record: Optional[Callable[[Event], None]] = None,
    on_notice: Optional[Callable[[Notice], None]] = None,
    *,
    keep: Optional[Keep] = None,
    mapper: Optional[Mapper] = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    on_partition: Optional[Callable[[int, list[Event]], None]] = None,
    on_progress: Optional[Callable[[int], None]] = None,
) -> RunReport:
    """Extract events from every input, handing each record to ``on_record`` as it comes.

    ``inputs`` is what `strife.readers.read_inputs` yields. ``on_notice`` receives a `Notice` for
    every warning, skip and failure (default: logged on the ``strife.batch`` logger). ``keep`` is
    the relevance filter (e.g. `strife.relevance.default_filter()`), ``mapper`` where partitions
    run (default: here), ``on_partition(index, records)`` gets each partition's records once it is
    done (e.g. to write one Parquet file a partition), ``on_progress(n)`` the number of inputs
    finished since its last call.
    """
    report = RunReport()
    notify = on_notice or _log_notice
    started = time.perf_counter()
    current, buffer = -1, []
    done_before = 0

    def flush() -> None:
        if on_partition is not None and current >= 0:
            on_partition(current, buffer)

    for item in iter_processed(inputs, report, extractor, notify, keep=keep, mapper=mapper,
                               partition_size=partition_size):
        if item.partition != current:
            flush()
            current, buffer = item.partition, []
        events = account(item, report, notify)
        buffer.extend(events)
        if on_record is not None:
            for event in events:
                on_record(event)
        if on_progress is not None:
            done = report.read
            on_progress(done - done_before)
            done_before = done
    flush()
    if on_progress is not None and report.read > done_before:
        on_progress(report.read - done_before)
    report.elapsed_s = time.perf_counter() - started
    return report


class Progress:
    """A progress bar on stderr with articles per second (rich); does nothing when disabled."""

    def __init__(self, enabled: bool, label: str = "articles"):
        self.enabled = enabled
        self.label = label
        self._bar = None
        self._task = None

    def __enter__(self) -> "Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = RichProgress(
                SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} done"),
                TextColumn("[cyan]{task.fields[rate]}"), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=None, rate="")
            self._started = time.perf_counter()
        return self

    def advance(self, n: int) -> None:
        if self._bar is not None and n:
            self._bar.advance(self._task, n)
            done = self._bar.tasks[0].completed
            rate = done / max(time.perf_counter() - self._started, 1e-9)
            self._bar.update(self._task, rate=f"{rate:,.1f} {self.label}/s")

    def echo(self, message: str) -> None:
        """Print a line on stderr above the bar (plain stderr when disabled)."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
            self._bar = None


def _log_notice(notice: Notice) -> None:
    log.warning("%s", notice)
