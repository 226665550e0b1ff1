"""Typed event records: the public contract described in RECORD.md.

Every model here serialises to exactly the JSON shape RECORD.md documents
(``Event.to_json_dict()``); fields may be added, never renamed or dropped.
"""

from __future__ import annotations

import hashlib
import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]

ActorRole = Literal["actor", "recipient"]
ActorKind = Literal["state", "non_state", "international", "person", "unknown"]
DatePrecision = Literal["day", "week", "month", "year"]
DateBasis = Literal["explicit", "relative_to_published", "published_fallback", "unresolved"]
PlacePrecision = Literal["point", "city", "admin2", "admin1", "country", "region"]
Qualifier = Literal["exact", "at_least", "at_most", "about", "more_than", "less_than"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class ArticleRef(_Model):
    id: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date YYYY-MM-DD
    source: Optional[str] = None
    text_sha256: str


class Plover(_Model):
    type: str
    mode: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)


class Acled(_Model):
    event_type: str
    sub_event_type: Optional[str] = None


class Actor(_Model):
    role: ActorRole
    name: str
    text: str
    span: Span
    country: Optional[str] = None
    sector: Optional[str] = None
    kind: ActorKind = "unknown"
    affiliation: list[str] = Field(default_factory=list)


class DateInfo(_Model):
    start: Optional[str] = None
    end: Optional[str] = None
    precision: Optional[DatePrecision] = None
    text: Optional[str] = None
    span: Optional[Span] = None
    basis: DateBasis


class Location(_Model):
    name: str
    text: str
    span: Span
    country: Optional[str] = None
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None
    precision: Optional[PlacePrecision] = None


class TollClaim(_Model):
    value: int
    qualifier: Qualifier = "exact"
    victims: Optional[str] = None
    side: Optional[str] = None
    source: Optional[str] = None
    text: str
    span: Span
    source_span: Optional[Span] = None


class Toll(_Model):
    low: Optional[int] = None
    best: Optional[int] = None
    high: Optional[int] = None
    claims: list[TollClaim] = Field(default_factory=list)


class Evidence(_Model):
    text: str
    span: Span


class ExtractorInfo(_Model):
    name: str = "strife"
    version: str


class Event(_Model):
    event_id: str
    article: ArticleRef
    plover: Plover
    cameo: Optional[str] = None
    acled: Optional[Acled] = None
    actors: list[Actor] = Field(default_factory=list)
    date: DateInfo
    locations: list[Location] = Field(default_factory=list)
    fatalities: Toll = Field(default_factory=Toll)
    injuries: Toll = Field(default_factory=Toll)
    # extensions of RECORD.md: the other counts the toll parser reads, as claims in the same shape
    abducted: Toll = Field(default_factory=Toll)
    arrested: Toll = Field(default_factory=Toll)
    missing: Toll = Field(default_factory=Toll)
    background: bool = False
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = 0.5
    cluster_id: Optional[str] = None
    extractor: ExtractorInfo

    def to_json_dict(self) -> dict:
        """The record as RECORD.md shows it (spans as two-element lists)."""
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_json_dict(), ensure_ascii=False)

    @classmethod
    def from_json_dict(cls, data: dict) -> "Event":
        return cls.model_validate(data)


def make_event_id(text_sha256: str, key: str) -> str:
    """Stable id: same article text + same extraction key => same id."""
    digest = hashlib.sha256(f"{text_sha256}|{key}".encode("utf-8")).hexdigest()
    return "ev_" + digest[:16]
