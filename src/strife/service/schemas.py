"""Request and response bodies of the API (their JSON Schemas make the OpenAPI spec)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from strife.records import Event

# GET /events ?format=: a JSON page of records, or one of the store's export formats (parquet left out).
EventFormat = Literal["json", "jsonl", "csv", "acled-csv", "ucdp-csv", "plover-json", "geojson"]
EXPORT_MEDIA_TYPES: dict[str, str] = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "acled-csv": "text/csv; charset=utf-8",
    "ucdp-csv": "text/csv; charset=utf-8",
    "plover-json": "application/json",
    "geojson": "application/geo+json",
}
MAX_TEXT_CHARS = 1_000_000
ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,128}$"


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleIn(_In):
    """One article to extract from: its text and optional metadata."""

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    id: Optional[str] = Field(default=None, max_length=256)
    title: Optional[str] = Field(default=None, max_length=2000)
    url: Optional[str] = Field(default=None, max_length=2000)
    published: Optional[date] = None
    source: Optional[str] = Field(default=None, max_length=500)


class IngestIn(_In):
    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)


class ExtractOut(BaseModel):
    events: list[Event]


class IngestFailure(BaseModel):
    article: str
    reason: str


class IngestOut(BaseModel):
    read: int
    stored: int
    skipped_duplicates: int
    failed: list[IngestFailure]
    events_added: int
    clusters_created: int
    clusters_grown: int


class EventsPage(BaseModel):
    total: int = Field(description="records matching the filters")
    limit: int
    offset: int
    events: list[Event]


class DayCount(BaseModel):
    day: str
    n: int


class PointsOut(BaseModel):
    """Compact map data: one row per record that has coordinates, and records per day."""

    total: int = Field(description="records matching the filters (with or without coordinates)")
    truncated: bool = Field(description="true when more records have coordinates than `rows` holds")
    columns: list[str]
    rows: list[tuple[str, float, float, Optional[str], str, Optional[int]]]
    days: list[DayCount]


class ArticleOut(BaseModel):
    text_sha256: str
    id: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    text: str = Field(description="the cleaned article text; every span in the record is an offset into it")


class ClusterMember(BaseModel):
    event_id: str
    article_sha256: str
    title: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    plover_type: str
    date_start: Optional[str] = None
    fatalities_best: Optional[int] = None


class ClusterOut(BaseModel):
    cluster_id: str
    summary: dict[str, Any] = Field(description="the store's merged cluster view (see `strife cluster`)")
    members: list[ClusterMember]


class EventDetail(BaseModel):
    record: Event
    article: Optional[ArticleOut] = Field(description="the article the record was extracted from")
    cluster: ClusterOut


class KeyCount(BaseModel):
    key: str
    n: int


class StatsOut(BaseModel):
    articles: int
    events: int
    clusters: int
    date_min: Optional[str] = None
    date_max: Optional[str] = None
    countries: list[KeyCount]
    plover_types: list[KeyCount]
    acled_types: list[KeyCount]
    migrations: list[str]
    ingest_enabled: bool


class ErrorOut(BaseModel):
    detail: str
