"""Click options shared by the commands that read articles (`extract`, `ingest`)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Callable, Iterable, Optional

import click

PROCESSES_KEY = "strife.processes"  # where --processes leaves its value (click's ctx.meta)
AUTO_MIN_BYTES = 512 * 1024  # input size from which the automatic choice uses every usable core
AUTO_MAX_PROCESSES = 8
WORKER_MEMORY = 700 * 2**20  # a worker's own memory, at most (its pages beyond the shared pipeline)

_INPUT_OPTIONS = (
    click.option("--text-column", default=None, metavar="NAME",
                 help="CSV/TSV column holding the article text (default: text)."),
    click.option("--date-column", default=None, metavar="NAME",
                 help="CSV/TSV column holding the publication date (default: published or date when present)."),
    click.option("--lang", type=click.Choice(["en", "any"]), default="en", show_default=True,
                 help="en: skip articles that are not English (counted); any: process every article."),
    click.option("--filter", "relevance", type=click.Choice(["model", "lexical", "none"]), default=None,
                 help="Relevance filter before the parse: model = no event word, or the learned relevance model "
                      "reads the text as not about political events (default, or STRIFE_FILTER); lexical = only "
                      "texts without any word that can be an event trigger; none = parse everything."),
    click.option("--no-filter", is_flag=True, help="Parse every article (same as --filter none)."),
    click.option("--workers", type=click.IntRange(1), default=None, metavar="N",
                 help="Extract on a local Dask cluster of N worker processes."),
    click.option("--scheduler", default=None, metavar="ADDRESS",
                 help="Extract on an existing Dask cluster (e.g. tcp://host:8786); workers need strife installed."),
    click.option("--processes", type=click.IntRange(1), default=None, metavar="N", expose_value=False,
                 callback=lambda ctx, param, value: ctx.meta.__setitem__(PROCESSES_KEY, value),
                 help="Extract in N processes on this machine (1: in this one). Default: STRIFE_PROCESSES, "
                      "else the usable cores when the input files hold at least 512 KB."),
    click.option("--parquet-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
                 help="Also write the records as Parquet, one part-NNNNN.parquet per partition, into DIR."),
)


def input_options(fn: Callable) -> Callable:
    """Decorate a command with the options every article-reading command takes."""
    for opt in reversed(_INPUT_OPTIONS):
        fn = opt(fn)
    return fn


def relevance_keep(no_filter: bool, extractor, model: Optional[str] = None, relevance: Optional[str] = None):
    """The relevance filter for the real pipeline (None with --no-filter, --filter none or another
    extractor): it is derived from the pipeline's trigger lexicon and the development sets, and says
    nothing about other extractors. ``relevance``: --filter (None: the settings' choice)."""
    from strife import batch
    from strife.settings import get_settings

    choice = "none" if no_filter else (relevance or get_settings().relevance_filter)
    if choice == "none" or not isinstance(extractor, batch.PipelineExtractor):
        return None
    from strife.relevance import default_relevance

    try:
        return default_relevance(model, learned=choice == "model")
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(f"the relevance filter could not be built: {exc}; use --no-filter") from None


def parquet_parts(parquet_dir: Optional[str]):
    """The Parquet partition writer for --parquet-dir (None without it)."""
    if parquet_dir is None:
        return None
    from strife.scale.dask_runner import ParquetPartitions

    try:
        return ParquetPartitions(parquet_dir)
    except (FileExistsError, OSError) as exc:
        raise click.ClickException(str(exc)) from None


def usable_cores() -> int:
    """CPU cores this process may run on (its affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def input_bytes(paths: Iterable[str], enough: int = AUTO_MIN_BYTES) -> int:
    """Bytes on disk of the input files (directories walked; stdin and URLs count 0); stops
    counting once ``enough`` is reached."""
    total = 0
    for raw in paths:
        if raw == "-" or "://" in raw:
            continue
        path = Path(raw)
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            for root, _dirs, files in os.walk(path):
                for name in files:
                    with contextlib.suppress(OSError):  # vanished or unreadable: the reader reports it
                        total += (Path(root) / name).stat().st_size
                    if total >= enough:
                        return total
        if total >= enough:
            return total
    return total


def processes_for(paths: Iterable[str], requested: Optional[int] = None) -> int:
    """How many processes extract: ``requested`` (--processes), else ``STRIFE_PROCESSES``, else
    automatic: 1 for small inputs (under ``AUTO_MIN_BYTES``: a pool would not pay for itself) or a
    single core, else the usable cores (at most ``AUTO_MAX_PROCESSES``, and as many as the free
    memory holds)."""
    from strife.settings import get_settings

    if requested is not None:
        return requested
    configured = get_settings().processes
    if configured is not None:
        return configured
    cores = usable_cores()
    if cores < 2 or input_bytes(paths) < AUTO_MIN_BYTES:
        return 1
    import psutil

    fits = max(1, psutil.virtual_memory().available // WORKER_MEMORY)
    return int(min(cores, AUTO_MAX_PROCESSES, fits))


def open_mapper(stack: contextlib.ExitStack, paths: Iterable[str], workers: Optional[int], scheduler: Optional[str]):
    """Where partitions run: a Dask cluster (--workers/--scheduler), a local process pool (see
    `processes_for`), or this process (None)."""
    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers or --scheduler, not both")
    if workers is not None or scheduler is not None:
        from strife.scale.dask_runner import DaskUnavailable, dask_mapper_for

        try:
            return stack.enter_context(dask_mapper_for(workers=workers, scheduler=scheduler))
        except DaskUnavailable as exc:
            raise click.ClickException(str(exc)) from None
    ctx = click.get_current_context(silent=True)
    n = processes_for(list(paths), ctx.meta.get(PROCESSES_KEY) if ctx is not None else None)
    if n <= 1:
        return None
    from strife import batch

    return stack.enter_context(batch.process_pool(n))
