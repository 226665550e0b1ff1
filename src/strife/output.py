"""Write event records as JSONL, a JSON array or flattened CSV, streaming one record at a time.

* ``jsonl``: one record a line, exactly ``Event.to_json_dict()`` (the RECORD.md shape), UTF-8.
* ``json``: a JSON array of the same objects.
* ``csv``: one row a record with the columns in `CSV_COLUMNS` (header row first). List-valued
  columns join their items with ``"; "``; the first location's coordinates fill ``lat``/``lon``.
  The full record is in the JSON formats; CSV is a flat view for spreadsheets.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Callable, Iterable, Protocol, TextIO

from strife.records import Event

FORMATS = ("jsonl", "json", "csv")
LIST_SEPARATOR = "; "


class RecordWriter(Protocol):
    def write(self, event: Event) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, event: Event) -> None:
        self.stream.write(event.to_json() + "\n")

    def close(self) -> None:
        self.stream.flush()


class JsonArrayWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def write(self, event: Event) -> None:
        self.stream.write(("[\n" if self.count == 0 else ",\n") + event.to_json())
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


def _join(values) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values if v is not None and v != "")


def _opt(value) -> object:
    return "" if value is None else value


@dataclass(frozen=True)
class CsvColumn:
    name: str
    description: str
    get: Callable[[Event], object]


def _role(e: Event, role: str, attr: str) -> str:
    return _join(getattr(a, attr) for a in e.actors if a.role == role)


def _first_location(e: Event, attr: str) -> object:
    return _opt(getattr(e.locations[0], attr)) if e.locations else ""


CSV_COLUMNS: tuple[CsvColumn, ...] = (
    CsvColumn("event_id", "stable record id", lambda e: e.event_id),
    CsvColumn("article_id", "article.id", lambda e: _opt(e.article.id)),
    CsvColumn("article_url", "article.url", lambda e: _opt(e.article.url)),
    CsvColumn("article_title", "article.title", lambda e: _opt(e.article.title)),
    CsvColumn("article_published", "article.published (YYYY-MM-DD)", lambda e: _opt(e.article.published)),
    CsvColumn("article_source", "article.source", lambda e: _opt(e.article.source)),
    CsvColumn("text_sha256", "article.text_sha256", lambda e: e.article.text_sha256),
    CsvColumn("plover_type", "plover.type", lambda e: e.plover.type),
    CsvColumn("plover_mode", "plover.mode, joined", lambda e: _join(e.plover.mode)),
    CsvColumn("plover_context", "plover.context, joined", lambda e: _join(e.plover.context)),
    CsvColumn("cameo", "CAMEO code", lambda e: _opt(e.cameo)),
    CsvColumn("acled_event_type", "acled.event_type", lambda e: e.acled.event_type if e.acled else ""),
    CsvColumn("acled_sub_event_type", "acled.sub_event_type", lambda e: _opt(e.acled.sub_event_type) if e.acled else ""),
    CsvColumn("actors", "names of actors with role 'actor', joined", lambda e: _role(e, "actor", "name")),
    CsvColumn("actor_countries", "their countries, joined", lambda e: _role(e, "actor", "country")),
    CsvColumn("recipients", "names of actors with role 'recipient', joined", lambda e: _role(e, "recipient", "name")),
    CsvColumn("recipient_countries", "their countries, joined", lambda e: _role(e, "recipient", "country")),
    CsvColumn("date_start", "date.start", lambda e: _opt(e.date.start)),
    CsvColumn("date_end", "date.end", lambda e: _opt(e.date.end)),
    CsvColumn("date_precision", "date.precision", lambda e: _opt(e.date.precision)),
    CsvColumn("date_basis", "date.basis", lambda e: e.date.basis),
    CsvColumn("date_text", "date.text", lambda e: _opt(e.date.text)),
    CsvColumn("locations", "location names, joined", lambda e: _join(l.name for l in e.locations)),
    CsvColumn("location_countries", "location countries, joined", lambda e: _join(l.country for l in e.locations)),
    CsvColumn("lat", "first location's latitude", lambda e: _first_location(e, "lat")),
    CsvColumn("lon", "first location's longitude", lambda e: _first_location(e, "lon")),
    CsvColumn("geonames_id", "first location's GeoNames id", lambda e: _first_location(e, "geonames_id")),
    CsvColumn("location_precision", "first location's precision", lambda e: _first_location(e, "precision")),
    CsvColumn("fatalities_low", "fatalities.low", lambda e: _opt(e.fatalities.low)),
    CsvColumn("fatalities_best", "fatalities.best", lambda e: _opt(e.fatalities.best)),
    CsvColumn("fatalities_high", "fatalities.high", lambda e: _opt(e.fatalities.high)),
    CsvColumn("fatality_claims", "number of fatality claims", lambda e: len(e.fatalities.claims)),
    CsvColumn("injuries_low", "injuries.low", lambda e: _opt(e.injuries.low)),
    CsvColumn("injuries_best", "injuries.best", lambda e: _opt(e.injuries.best)),
    CsvColumn("injuries_high", "injuries.high", lambda e: _opt(e.injuries.high)),
    CsvColumn("background", "true if mentioned as past context", lambda e: "true" if e.background else "false"),
    CsvColumn("confidence", "confidence 0..1", lambda e: e.confidence),
    CsvColumn("cluster_id", "cross-article cluster", lambda e: _opt(e.cluster_id)),
    CsvColumn("evidence", "evidence texts, joined with ' | '", lambda e: " | ".join(x.text for x in e.evidence)),
    CsvColumn("extractor_version", "extractor.version", lambda e: e.extractor.version),
)


def csv_row(event: Event) -> list[object]:
    return [column.get(event) for column in CSV_COLUMNS]


class CsvWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.writer = csv.writer(stream, lineterminator="\n")
        self.writer.writerow([column.name for column in CSV_COLUMNS])

    def write(self, event: Event) -> None:
        self.writer.writerow(csv_row(event))

    def close(self) -> None:
        self.stream.flush()


_WRITERS: dict[str, Callable[[TextIO], RecordWriter]] = {
    "jsonl": JsonlWriter,
    "json": JsonArrayWriter,
    "csv": CsvWriter,
}


def open_writer(fmt: str, stream: TextIO) -> RecordWriter:
    """A writer for ``fmt`` (one of `FORMATS`) onto an open text stream; ``close()`` finishes it."""
    try:
        factory = _WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return factory(stream)


def write_records(events: Iterable[Event], fmt: str, stream: TextIO) -> int:
    """Write all ``events`` in ``fmt``; returns how many."""
    writer = open_writer(fmt, stream)
    n = 0
    for event in events:
        writer.write(event)
        n += 1
    writer.close()
    return n


def dumps_records(events: Iterable[Event], fmt: str) -> str:
    """The records as one string in ``fmt``."""
    buf = io.StringIO()
    write_records(events, fmt, buf)
    return buf.getvalue()

