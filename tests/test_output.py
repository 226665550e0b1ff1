"""Tests for strife.output: JSONL is exactly Event.to_json_dict() a line; JSON array; flat CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from strife.output import CSV_COLUMNS, FORMATS, dumps_records, open_writer
from strife.records import (
    Actor, ArticleRef, DateInfo, Event, Evidence, ExtractorInfo, Location, Plover, Toll, TollClaim,
)


def sample_event(n: int = 0) -> Event:
    return Event(
        event_id=f"ev_{n:016x}",
        article=ArticleRef(id=f"a{n}", title="Títle", published="2020-01-02", text_sha256="0" * 64),
        plover=Plover(type="ASSAULT", mode=["aerial", "drone"]),
        cameo="195",
        actors=[
            Actor(role="actor", name="Alpha Force", text="Alpha", span=(0, 5), country="AAA"),
            Actor(role="recipient", name="Beta Group", text="Beta", span=(10, 14), country="BBB"),
            Actor(role="recipient", name="Gamma", text="Gamma", span=(20, 25)),
        ],
        date=DateInfo(start="2020-01-01", end="2020-01-01", precision="day", basis="relative_to_published"),
        locations=[Location(name="Rivertown", text="Rivertown", span=(30, 39), country="CCC", lat=1.5, lon=-2.25)],
        fatalities=Toll(low=4, best=4, high=19, claims=[
            TollClaim(value=4, text="four", span=(40, 44)),
            TollClaim(value=19, qualifier="at_least", text="at least 19", span=(50, 61)),
        ]),
        evidence=[Evidence(text="Alpha struck Beta, \"quoted\", in Rivertown.", span=(0, 40))],
        confidence=0.75,
        extractor=ExtractorInfo(version="0.1.0"),
    )


def test_jsonl_is_one_record_dict_per_line() -> None:
    events = [sample_event(1), sample_event(2)]
    out = dumps_records(events, "jsonl")
    lines = out.split("\n")
    assert lines[-1] == "" and len(lines) == 3
    assert [json.loads(line) for line in lines[:-1]] == [e.to_json_dict() for e in events]
    assert json.loads(lines[0])["actors"][0]["span"] == [0, 5]
    assert "Títle" in lines[0]  # UTF-8, not \u escapes


def test_json_array() -> None:
    events = [sample_event(1), sample_event(2)]
    assert json.loads(dumps_records(events, "json")) == [e.to_json_dict() for e in events]
    assert json.loads(dumps_records([], "json")) == []


def test_csv_flattened_columns() -> None:
    out = dumps_records([sample_event(1)], "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0].keys()) == [c.name for c in CSV_COLUMNS]
    row = rows[0]
    assert row["event_id"] == "ev_0000000000000001"
    assert row["plover_mode"] == "aerial; drone"
    assert row["actors"] == "Alpha Force" and row["actor_countries"] == "AAA"
    assert row["recipients"] == "Beta Group; Gamma" and row["recipient_countries"] == "BBB"
    assert (row["lat"], row["lon"]) == ("1.5", "-2.25")
    assert (row["fatalities_low"], row["fatalities_best"], row["fatalities_high"]) == ("4", "4", "19")
    assert row["fatality_claims"] == "2"
    assert row["injuries_low"] == "" and row["acled_event_type"] == ""
    assert row["evidence"] == 'Alpha struck Beta, "quoted", in Rivertown.'
    assert row["background"] == "false"


def test_csv_header_only_when_no_records() -> None:
    assert dumps_records([], "csv") == ",".join(c.name for c in CSV_COLUMNS) + "\n"


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        open_writer("xml", io.StringIO())
    assert FORMATS == ("jsonl", "json", "csv")
