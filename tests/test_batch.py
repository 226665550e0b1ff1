"""Tests for strife.batch: every input is accounted for, one bad article never ends the batch."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest

from strife import batch
from strife.article import Article
from strife.batch import NO_PUBLISHED_WARNING, Notice, RunReport, run_batch
from strife.readers import NOT_UTF8_WARNING, ReadFailure, read_inputs
from strife.records import ArticleRef, DateInfo, Event, ExtractorInfo, Plover, make_event_id
from strife.settings import Settings


def fake_event(article: Article, key: str) -> Event:
    return Event(
        event_id=make_event_id(article.text_sha256, key),
        article=ArticleRef(
            id=article.id, url=article.url, title=article.title, published=article.published_iso,
            source=article.source, text_sha256=article.text_sha256,
        ),
        plover=Plover(type="ASSAULT"),
        date=DateInfo(basis="unresolved" if article.published is None else "published_fallback"),
        extractor=ExtractorInfo(version="test"),
    )


def fake_extract(article: Article) -> list[Event]:
    """One event per occurrence of 'attack'; 'EXPLODE' makes it raise, as a pipeline bug would."""
    if "EXPLODE" in article.text:
        raise RuntimeError("boom in the pipeline")
    return [fake_event(article, f"attack{i}") for i in range(article.text.count("attack"))]


def test_every_outcome_is_counted_and_batch_goes_on() -> None:
    inputs = [
        Article("An attack and another attack.", id="two", origin="a.txt", published=date(2020, 1, 1)),
        ReadFailure("b.txt", "binary", "contains NUL bytes"),
        Article("EXPLODE", id="bad", origin="c.jsonl:3", published=date(2020, 1, 1)),
        Article("Quiet day at the market.", id="none", origin="d.txt", published=date(2020, 1, 1)),
        ReadFailure("e.txt", "empty", outcome="skipped"),
        Article("One attack.", id="one", origin="f.txt", published=date(2020, 1, 1)),
    ]
    records: list[Event] = []
    notices: list[Notice] = []
    report = run_batch(inputs, extractor=fake_extract, on_record=records.append, on_notice=notices.append)

    assert [r.article.id for r in records] == ["two", "two", "one"]
    assert (report.read, report.processed, report.with_events, report.without_events, report.events) == (6, 3, 2, 1, 3)
    assert report.skipped == {"empty": 1}
    assert report.failed == {"binary": 1, "extractor error (RuntimeError)": 1}
    assert report.read == report.with_events + report.without_events + report.n_skipped + report.n_failed
    assert not report.ok
    assert report.summary_line() == "processed 3, with events 2, no events 1, skipped 1, failed 2"
    assert report.breakdown() == "skipped: empty 1; failed: binary 1, extractor error (RuntimeError) 1"

    assert [str(n) for n in notices] == [
        "failed: b.txt: binary (contains NUL bytes)",
        "failed: c.jsonl:3: extractor error (RuntimeError) (boom in the pipeline)",
        "skipped: e.txt: empty",
    ]


def test_extractor_exception_is_logged_with_origin(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="strife.batch"):
        report = run_batch([Article("EXPLODE", origin="x.txt", published=date(2020, 1, 1))], extractor=fake_extract)
    assert report.failed == {"extractor error (RuntimeError)": 1}
    text = caplog.text
    assert "x.txt" in text and "RuntimeError" in text and "boom in the pipeline" in text


def test_keyboard_interrupt_is_not_swallowed() -> None:
    def interrupted(article: Article) -> list[Event]:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch([Article("text", published=date(2020, 1, 1))], extractor=interrupted)


def test_missing_publication_date_is_a_counted_warning_not_a_failure() -> None:
    notices: list[Notice] = []
    records: list[Event] = []
    report = run_batch(
        [Article("An attack.", origin="undated.txt")], extractor=fake_extract, on_record=records.append,
        on_notice=notices.append,
    )
    assert report.ok and report.with_events == 1
    assert report.warnings == {NO_PUBLISHED_WARNING: 1}
    assert [str(n) for n in notices] == [f"warning: undated.txt: {NO_PUBLISHED_WARNING}"]
    assert records[0].article.published is None


def test_reader_warnings_are_counted() -> None:
    art = Article("An attack.", origin="latin.txt", published=date(2020, 1, 1), warnings=[NOT_UTF8_WARNING])
    report = run_batch([art], extractor=fake_extract)
    assert report.warnings == {NOT_UTF8_WARNING: 1}
    assert report.ok


def test_empty_article_is_skipped_without_calling_the_extractor() -> None:
    def never(article: Article) -> list[Event]:
        raise AssertionError("extractor called on an empty article")

    report = run_batch([Article("   \n ", origin="blank")], extractor=never)
    assert report.skipped == {"empty": 1} and report.ok


def test_reads_and_runs_a_directory_of_mixed_inputs(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Title\n\nA rocket attack hit the base.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01" * 100)
    (tmp_path / "lines.jsonl").write_text('{"id": "q", "text": "Calm."}\n{oops\n')
    records: list[Event] = []
    report = run_batch(
        read_inputs([tmp_path], published=date(2021, 5, 1), settings=Settings()),
        extractor=fake_extract,
        on_record=records.append,
        on_notice=lambda n: None,
    )
    assert report.summary_line() == "processed 2, with events 1, no events 1, skipped 1, failed 2"
    assert report.failed == {"binary": 1, "invalid JSONL": 1}
    assert [r.article.id for r in records] == ["good"]
    assert records[0].article.published == "2021-05-01"


def test_default_extractor_is_the_pipeline_imported_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "default_extractor", lambda: fake_extract)
    report = run_batch([Article("attack", published=date(2020, 1, 1))])
    assert report.events == 1


def test_report_to_dict() -> None:
    report = RunReport(read=2, processed=1, with_events=1, events=3)
    report.failed["binary"] += 1
    d = report.to_dict()
    assert d["failed"] == {"binary": 1} and d["events"] == 3 and d["skipped"] == {}
