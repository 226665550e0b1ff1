"""Run strife on a Dask cluster: a local one (``--workers N``) or an existing one (``--scheduler ADDRESS``).

The input stream is cut into partitions (`strife.batch`); each partition is a Dask task that runs
`strife.batch.extract_partition` (``strife.pipeline.extract_many``, i.e. the same
``extract_article`` pipeline) on a worker, which builds the spaCy pipeline once and keeps it. At most
``2 x workers`` partitions are in flight, so memory stays flat on any input size, and results come
back in input order: the records are the same as a single-process run's.

Records go where the caller says (`strife.batch.run_batch` callbacks): the CLI writes them to
stdout/``-o``, to the store (``ingest``), and/or one Parquet file per partition (`ParquetPartitions`,
the store's Parquet layout: summary columns plus the full RECORD.md ``record`` JSON, read back with
`strife.store.export.read_parquet`).

Workers of an existing cluster need strife installed (the same version); they read nothing from
disk: articles travel with the tasks.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Iterator, Optional, Union

from strife.batch import Mapper, ordered_map
from strife.records import Event


class DaskUnavailable(RuntimeError):
    """dask.distributed is not installed or the scheduler cannot be reached."""


def _warm() -> str:
    """Build the pipeline on a worker (run once per worker before the first partition)."""
    from strife.pipeline import get_nlp

    get_nlp()
    return "ok"


@contextlib.contextmanager
def dask_client(workers: Optional[int] = None, scheduler: Optional[str] = None, warm: bool = True) -> Iterator["object"]:
    """A ``distributed.Client``: on a new LocalCluster of ``workers`` single-threaded processes, or
    connected to ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``). Closed (and the cluster shut down) on exit."""
    if (workers is None) == (scheduler is None):
        raise ValueError("give exactly one of workers (a local cluster) or scheduler (an existing one)")
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskUnavailable(f"dask.distributed is not installed: {exc}") from None
    cluster = None
    if workers is not None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            memory_limit=0, silence_logs=logging.CRITICAL,
        )
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        if warm:
            client.run(_warm)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def n_workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def dask_mapper(client, window: Optional[int] = None) -> Mapper:
    """A `strife.batch` mapper that runs partitions as Dask tasks (in order, ``window`` in flight)."""
    window = window or 2 * n_workers(client)

    def mapper(fn, partitions):
        return ordered_map(lambda part: client.submit(fn, part, pure=False), partitions, window=window)

    return mapper


@contextlib.contextmanager
def dask_mapper_for(workers: Optional[int] = None, scheduler: Optional[str] = None) -> Iterator[Mapper]:
    with dask_client(workers=workers, scheduler=scheduler) as client:
        yield dask_mapper(client)


class ParquetPartitions:
    """Writes each partition's records to ``DIR/part-NNNNN.parquet`` (partitions without records
    write no file). Use as ``run_batch(..., on_partition=ParquetPartitions(dir))``."""

    def __init__(self, directory: Union[str, os.PathLike]):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        stale = sorted(self.directory.glob("part-*.parquet"))
        if stale:
            raise FileExistsError(f"{self.directory} already holds {len(stale)} part-*.parquet files; use an empty directory")
        self.files: list[Path] = []
        self.records = 0
        self._index: Optional[int] = None
        self._buffer: list[Event] = []

    def add(self, index: int, events: list[Event]) -> None:
        """Streaming use: add one article's records of partition ``index``; a new index writes the
        previous partition. Call `flush` at the end."""
        if index != self._index:
            self.flush()
            self._index = index
        self._buffer.extend(events)

    def flush(self) -> None:
        if self._index is not None:
            self(self._index, self._buffer)
        self._index, self._buffer = None, []

    def __call__(self, index: int, events: list[Event]) -> None:
        if not events:
            return
        from strife.store.export import export_events

        path = self.directory / f"part-{index:05d}.parquet"
        self.records += export_events(events, "parquet", path)
        self.files.append(path)


def read_partitions(directory: Union[str, os.PathLike]) -> list[Event]:
    """Every record of a ``ParquetPartitions`` directory, in partition order."""
    from strife.store.export import read_parquet

    out: list[Event] = []
    for path in sorted(Path(directory).glob("part-*.parquet")):
        out.extend(read_parquet(path))
    return out
