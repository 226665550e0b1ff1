"""The service's settings: where the store is, the ingest token, and the request limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_TOKEN_ENV = "STRIFE_SERVICE_TOKEN"
DEFAULT_MAX_BODY_BYTES = 1_000_000  # POST bodies larger than this get 413
DEFAULT_MAX_PAGE = 1000  # most records one GET /events page returns (limit's upper bound)
DEFAULT_MAX_EXPORT = 100_000  # most records a non-paged export format (csv, geojson...) returns
DEFAULT_MAX_POINTS = 200_000  # most map points GET /points returns
DEFAULT_LOCK_TIMEOUT = 5.0  # seconds a request waits for another process's lock on the store


@dataclass(frozen=True)
class ServiceSettings:
    db_path: Path
    token: Optional[str] = None  # POST /ingest is enabled only when set
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_page: int = DEFAULT_MAX_PAGE
    max_export: int = DEFAULT_MAX_EXPORT
    max_points: int = DEFAULT_MAX_POINTS
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    cors_origins: tuple[str, ...] = field(default_factory=tuple)  # CORS is off unless origins are given

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < 16:
            raise ValueError("the ingest token must be at least 16 characters long")
        for name in ("max_body_bytes", "max_page", "max_export", "max_points"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if "*" in self.cors_origins:
            raise ValueError("CORS origin '*' is not allowed: name the origins that may call the API")

    @property
    def ingest_enabled(self) -> bool:
        return self.token is not None


def token_from_env(var: str = DEFAULT_TOKEN_ENV) -> Optional[str]:
    """The ingest token from environment variable ``var`` (None when unset or empty)."""
    value = os.environ.get(var, "").strip()
    return value or None
