"""The service's way into the store: one shared read-only connection, held briefly, one writer at a time.

Opening a DuckDB file costs tens of milliseconds, more than a query, so requests
share one read-only connection (a cursor each). Like the store's writer (see
:mod:`strife.store.db`), the service never keeps the file for long, so that a
``strife ingest`` in another process gets in:

* the connection is closed once no request has used it for ``idle_seconds``;
* after ``hold_seconds`` it is closed at the next moment no request is using it, and
  kept closed for ``yield_seconds`` (longer than the writer's poll interval) before
  the next request reopens it.

``POST /ingest`` in this process takes the write side of a readers-writer lock, so
the shared connection is closed while it writes (DuckDB refuses a read-only and a
writable connection to the same file in one process).
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional

import duckdb

from strife.service.rwlock import RWLock
from strife.service.settings import ServiceSettings
from strife.store.db import connect
from strife.store.ingest import IngestItem, IngestReport, ingest_articles

IDLE_SECONDS = 1.0
HOLD_SECONDS = 2.0
YIELD_SECONDS = 0.1


class StoreAccess:
    def __init__(
        self, settings: ServiceSettings, *, idle_seconds: float = IDLE_SECONDS,
        hold_seconds: float = HOLD_SECONDS, yield_seconds: float = YIELD_SECONDS,
    ) -> None:
        self.settings = settings
        self.idle_seconds = idle_seconds
        self.hold_seconds = hold_seconds
        self.yield_seconds = yield_seconds
        self._rw = RWLock()
        self._cond = threading.Condition()
        self._con: Optional[duckdb.DuckDBPyConnection] = None
        self._opened_at = 0.0
        self._last_used = 0.0
        self._closed_at = -1e9
        self._active = 0
        self._reaper: Optional[threading.Thread] = None
        self.opens = 0  # how many times the store was opened (for tests and diagnostics)

    # --- the shared connection -----------------------------------------------------------------

    def _close_locked(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
            self._closed_at = time.monotonic()
            self._cond.notify_all()

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        with self._cond:
            while self._con is not None and time.monotonic() - self._opened_at > self.hold_seconds:
                if self._active == 0:  # held long enough: close and let a writer in
                    self._close_locked()
                else:
                    self._cond.wait(0.05)
            if self._con is None:
                pause = self._closed_at + self.yield_seconds - time.monotonic()
                if pause > 0 and self._closed_at > 0:
                    time.sleep(pause)
                self._con = connect(self.settings.db_path, read_only=True, timeout=self.settings.lock_timeout)
                self._opened_at = self._last_used = time.monotonic()
                self.opens += 1
                self._start_reaper()
            self._active += 1
            try:
                return self._con.cursor()
            except BaseException:
                self._active -= 1
                raise

    def _release(self, cursor: duckdb.DuckDBPyConnection) -> None:
        cursor.close()
        with self._cond:
            self._active -= 1
            self._last_used = time.monotonic()
            self._cond.notify_all()

    def _start_reaper(self) -> None:
        if self._reaper is not None and self._reaper.is_alive():
            return
        self._reaper = threading.Thread(target=self._reap, name="strife-store-reaper", daemon=True)
        self._reaper.start()

    def _reap(self) -> None:
        """Close the connection once idle, or held too long; end when it is closed."""
        while True:
            with self._cond:
                if self._con is None:
                    return
                now = time.monotonic()
                idle = now - self._last_used > self.idle_seconds
                old = now - self._opened_at > self.hold_seconds
                if self._active == 0 and (idle or old):
                    self._close_locked()
                    return
                self._cond.wait(0.05)

    def close(self) -> None:
        with self._cond:
            while self._active:
                self._cond.wait(0.05)
            self._close_locked()

    # --- what the routes use -------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only cursor on the store for one request."""
        with self._rw.read():
            cur = self._acquire()
            try:
                yield cur
            finally:
                self._release(cur)

    def ingest(self, items: Iterable[IngestItem]) -> IngestReport:
        """Store already-extracted articles; the service's readers wait meanwhile."""
        with self._rw.write():
            self.close()
            return ingest_articles(self.settings.db_path, items, lock_timeout=self.settings.lock_timeout)
