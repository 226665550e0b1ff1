"""The service's way into the store: a short read-only connection per request, one writer at a time."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator

import duckdb

from strife.service.rwlock import RWLock
from strife.service.settings import ServiceSettings
from strife.store.db import connect
from strife.store.ingest import IngestItem, IngestReport, ingest_articles


class StoreAccess:
    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self._lock = RWLock()

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection, closed after use (so a `strife ingest` elsewhere can get in)."""
        with self._lock.read():
            con = connect(self.settings.db_path, read_only=True, timeout=self.settings.lock_timeout)
            try:
                yield con
            finally:
                con.close()

    def ingest(self, items: Iterable[IngestItem]) -> IngestReport:
        """Store already-extracted articles; the service's readers wait meanwhile."""
        with self._lock.write():
            return ingest_articles(self.settings.db_path, items, lock_timeout=self.settings.lock_timeout)
