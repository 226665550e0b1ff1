"""Opening the store, and the one-writer concurrency rule.

DuckDB lets one process hold a database file open for writing and, while it does,
no other process may open it at all (not even read-only). The store therefore
keeps every lock short:

* the ingest writes whole batches, one transaction each, and after about a second
  (``hold_seconds``) closes the file for ``yield_seconds`` (0.1 s) before going on,
  so readers get in between batches;
* readers (``strife query``/``export``, the web service) open the file
  ``read_only``, run their query and close it;
* both sides retry a lock conflict every few ms (at most every ``READER_POLL_MAX``
  = 50 ms, shorter than the writer's pause) for up to ``timeout`` seconds, then
  raise :class:`StoreLockedError` with a clear message. A query that arrives while
  an ingest holds the file therefore waits up to about ``hold_seconds``.

Migrations are applied whenever a writable connection is opened; a read-only
connection on a store with pending migrations raises :class:`StoreError`.
"""

from __future__ import annotations

import os
import random
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Union

import duckdb

from strife.store.schema import migrate, pending_migrations

DEFAULT_DB_PATH = Path("strife.duckdb")
DB_ENV_VAR = "STRIFE_DB"
DEFAULT_LOCK_TIMEOUT = 30.0
READER_POLL_MAX = 0.05  # longest pause between two attempts to get the lock

DbLike = Union[str, os.PathLike, duckdb.DuckDBPyConnection, None]


class StoreError(RuntimeError):
    """The store cannot be used as asked (missing file, outdated schema...)."""


class StoreLockedError(StoreError):
    """Another process held the store's lock for longer than the timeout."""


def default_db_path() -> Path:
    """``$STRIFE_DB`` if set, else ``./strife.duckdb``."""
    env = os.environ.get(DB_ENV_VAR)
    return Path(env) if env else DEFAULT_DB_PATH


def _is_lock_error(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def connect(
    path: Union[str, os.PathLike, None] = None,
    *,
    read_only: bool = False,
    timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> duckdb.DuckDBPyConnection:
    """Open the store at ``path`` (default: :func:`default_db_path`).

    Writable connections create the file if needed and apply pending migrations.
    Retries lock conflicts for ``timeout`` seconds, then raises StoreLockedError.
    """
    p = Path(path) if path is not None else default_db_path()
    if read_only and not p.exists():
        raise StoreError(f"no store at {p}: run `strife ingest --db {p} ...` first")
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            con = duckdb.connect(str(p), read_only=read_only)
            break
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise StoreError(f"cannot open store {p}: {exc}") from exc
            if time.monotonic() >= deadline:
                raise StoreLockedError(
                    f"store {p} is locked by another process (an ingest or a reader) "
                    f"for more than {timeout:.0f}s; try again when it finishes"
                ) from exc
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, READER_POLL_MAX)
    try:
        if read_only:
            missing = pending_migrations(con)
            if missing:
                raise StoreError(
                    f"store {p} needs migrations {[m.name for m in missing]}; "
                    "open it for writing once (e.g. `strife ingest`) to apply them"
                )
        else:
            migrate(con)
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def open_store(
    db: DbLike = None, *, read_only: bool = False, timeout: float = DEFAULT_LOCK_TIMEOUT
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection: ``db`` itself if it is one (left open), else a new one closed after."""
    if isinstance(db, duckdb.DuckDBPyConnection):
        yield db
        return
    con = connect(db, read_only=read_only, timeout=timeout)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK and re-raise on any exception."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
