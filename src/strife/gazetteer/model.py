"""Typed records of the gazetteer: a `Place` and a `PlaceMention` of it in text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Precision = Literal["point", "city", "admin2", "admin1", "country", "region"]
PRECISIONS: tuple[str, ...] = ("point", "city", "admin2", "admin1", "country", "region")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country: str | None          # ISO 3166-1 alpha-3
    admin1: str | None
    admin2: str | None
    precision: str               # one of PRECISIONS
    population: int = 0
    place_id: int = 0            # row id in the on-disk index (0 when not from the index)
    capital: bool = False        # a national capital

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"Place.precision must be one of {PRECISIONS}, got {self.precision!r}")

    @property
    def feature(self) -> str:
        """Alias of `precision` (the kind of feature the point stands for)."""
        return self.precision

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class PlaceMention:
    """A place name in a text, resolved (`place`) or not (`place is None`, `country` kept when known)."""

    start_char: int
    end_char: int
    text: str
    place: Place | None
    country: str | None = None
    score: float = 0.0           # 0..1 confidence of the resolution

    @property
    def resolved(self) -> bool:
        return self.place is not None and self.place.lat is not None
