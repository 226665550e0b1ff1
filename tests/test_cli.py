"""Tests for the `strife` CLI: records on stdout, messages on stderr, exit 1 only on failures.

A fake extractor stands in for the pipeline (`batch.default_extractor` is patched), so these tests
check reading, accounting and output; one test at the end runs the real pipeline when it exists.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from strife import __version__, batch
from strife.article import Article
from strife.cli import main
from strife.output import CSV_COLUMNS
from strife.records import ArticleRef, DateInfo, Event, ExtractorInfo, Plover, make_event_id
from strife.settings import get_settings

BODY = "Gunmen attacked a police checkpoint on Friday, killing two officers, officials said."


def fake_extract(article: Article) -> list[Event]:
    if "EXPLODE" in article.text:
        raise ValueError("pipeline bug")
    return [
        Event(
            event_id=make_event_id(article.text_sha256, f"k{i}"),
            article=ArticleRef(id=article.id, title=article.title, published=article.published_iso,
                               url=article.url, source=article.source, text_sha256=article.text_sha256),
            plover=Plover(type="ASSAULT"),
            date=DateInfo(basis="unresolved" if article.published is None else "published_fallback"),
            extractor=ExtractorInfo(version="test"),
        )
        for i in range(article.text.count("attack"))
    ]


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "default_extractor", lambda: fake_extract)
    monkeypatch.delenv("STRIFE_MAX_CHARS", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def records(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(p)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"strife {__version__}"


def test_help_lists_extract() -> None:
    result = run("--help")
    assert result.exit_code == 0 and "extract" in result.stdout


def test_extract_txt_jsonl_to_stdout(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", "Checkpoint attack\n\n" + BODY)
    result = run("extract", path, "--published", "2021-03-06", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (rec,) = records(result)
    assert rec["article"]["id"] == "story"
    assert rec["article"]["title"] == "Checkpoint attack"
    assert rec["article"]["published"] == "2021-03-06"
    assert Event.from_json_dict(rec).to_json_dict() == rec
    assert result.stderr.strip().splitlines()[-1] == "processed 1, with events 1, no events 0, skipped 0, failed 0"


def test_jsonl_input_keeps_line_id_and_published(tmp_path: Path) -> None:
    lines = [
        {"id": "wire-7", "text": BODY, "published": "2019-12-30"},
        {"id": "wire-8", "text": "Another attack."},
    ]
    path = write(tmp_path, "in.jsonl", "\n".join(json.dumps(x) for x in lines))
    result = run("extract", path, "--published", "2020-02-02")
    assert result.exit_code == 0, result.output
    got = [(r["article"]["id"], r["article"]["published"]) for r in records(result)]
    assert got == [("wire-7", "2019-12-30"), ("wire-8", "2020-02-02")]


def test_stdin(tmp_path: Path) -> None:
    result = run("extract", "-", "--published", "2021-01-01", input="Ambush\n\nAn attack on a convoy.")
    assert result.exit_code == 0, result.output
    (rec,) = records(result)
    assert rec["article"]["title"] == "Ambush" and rec["article"]["published"] == "2021-01-01"


def test_gz_and_directory_recursion(tmp_path: Path) -> None:
    write(tmp_path, "d/2/b.txt", "An attack in b.")
    write(tmp_path, "d/1/a.txt.gz", gzip.compress(b"An attack in a."))
    write(tmp_path, "d/c.jsonl.gz", gzip.compress(json.dumps({"id": "c", "text": "attack c"}).encode()))
    result = run("extract", str(tmp_path / "d"), "--published", "2021-01-01")
    assert result.exit_code == 0, result.output
    assert [r["article"]["id"] for r in records(result)] == ["a", "b", "c"]


def test_output_file_and_formats(tmp_path: Path) -> None:
    path = write(tmp_path, "s.txt", "An attack and an attack.")
    out_json = tmp_path / "out.json"
    result = run("extract", path, "--published", "2021-01-01", "--format", "json", "-o", str(out_json))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert len(data) == 2 and data[0]["article"]["id"] == "s"

    out_csv = tmp_path / "out.csv"
    result = run("extract", path, "--format", "csv", "-o", str(out_csv))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert len(rows) == 2 and list(rows[0]) == [c.name for c in CSV_COLUMNS]
    assert rows[0]["date_basis"] == "unresolved"


def test_stdout_carries_only_records(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "An attack.")
    bad = write(tmp_path, "bad.txt", b"\x00" * 10)
    result = run("extract", good, bad)
    assert len(records(result)) == 1  # every stdout line is a JSON record
    assert "bad.txt" in result.stderr and "bad.txt" not in result.stdout


def test_bad_published_option_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "s.txt", BODY)
    result = run("extract", path, "--published", "last tuesday")
    assert result.exit_code == 2
    assert "last tuesday" in result.stderr


def test_no_paths_is_a_usage_error() -> None:
    assert run("extract").exit_code == 2


# --- bad input: each names the input and the reason, the batch goes on, exit 1 only on failure -----


def _batch_with(tmp_path: Path, name: str, content: str | bytes, *extra: str) -> tuple[Result, str]:
    good = write(tmp_path, "good.txt", "An attack on a market.")
    bad = write(tmp_path, name, content)
    return run("extract", bad, good, *extra), bad


def test_empty_file_is_skipped_exit_0(tmp_path: Path) -> None:
    result, bad = _batch_with(tmp_path, "empty.txt", "", "--published", "2021-01-01")
    assert result.exit_code == 0, result.output
    assert f"skipped: {bad}: empty" in result.stderr
    assert len(records(result)) == 1
    assert "processed 1, with events 1, no events 0, skipped 1, failed 0" in result.stderr


def test_binary_file_fails_exit_1(tmp_path: Path) -> None:
    result, bad = _batch_with(tmp_path, "blob.txt", bytes(range(256)) * 8, "--published", "2021-01-01")
    assert result.exit_code == 1
    assert f"failed: {bad}: binary (contains NUL bytes)" in result.stderr
    assert len(records(result)) == 1
    assert "processed 1, with events 1, no events 0, skipped 0, failed 1" in result.stderr
    assert "failed: binary 1" in result.stderr


def test_non_utf8_bytes_warn_exit_0(tmp_path: Path) -> None:
    result, bad = _batch_with(tmp_path, "latin.txt", "Café attack, “two” dead.".encode("cp1252"),
                              "--published", "2021-01-01")
    assert result.exit_code == 0, result.output
    assert f"warning: {bad}: not UTF-8: decoded as cp1252" in result.stderr
    assert len(records(result)) == 2
    assert "processed 2, with events 2, no events 0, skipped 0, failed 0" in result.stderr


def test_invalid_jsonl_line_among_valid_fails_exit_1(tmp_path: Path) -> None:
    content = "\n".join([json.dumps({"id": "x1", "text": "attack"}), "{not json", json.dumps({"id": "x3", "text": "calm"})])
    result, bad = _batch_with(tmp_path, "lines.jsonl", content, "--published", "2021-01-01")
    assert result.exit_code == 1
    assert f"failed: {bad}:2: invalid JSONL (" in result.stderr
    assert [r["article"]["id"] for r in records(result)] == ["x1", "good"]
    assert "processed 3, with events 2, no events 1, skipped 0, failed 1" in result.stderr


def test_missing_publication_date_warns_exit_0(tmp_path: Path) -> None:
    result, bad = _batch_with(tmp_path, "undated.txt", "An attack last week.")
    assert result.exit_code == 0, result.output
    assert f"warning: {bad}: no publication date: relative dates stay unresolved" in result.stderr
    recs = records(result)
    assert len(recs) == 2 and all(r["article"]["published"] is None for r in recs)
    assert "warnings: no publication date: relative dates stay unresolved 2" in result.stderr


def test_ten_megabyte_text_fails_exit_1(tmp_path: Path) -> None:
    result, bad = _batch_with(tmp_path, "huge.txt", b"An attack. " * 1_000_000, "--published", "2021-01-01")
    assert result.exit_code == 1
    assert f"failed: {bad}: too large (11,000,000 bytes > limit of 2,000,000 characters" in result.stderr
    assert len(records(result)) == 1


def test_max_chars_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIFE_MAX_CHARS", "5")
    get_settings.cache_clear()
    path = write(tmp_path, "s.txt", "An attack.")
    result = run("extract", path)
    assert result.exit_code == 1
    assert "too large (10 characters > limit of 5 characters" in result.stderr


def test_missing_path_fails_exit_1(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "An attack.")
    result = run("extract", str(tmp_path / "absent.txt"), good)
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'absent.txt'}: not found" in result.stderr


def test_extractor_exception_fails_that_article_only(tmp_path: Path) -> None:
    result, bad = _batch_with(tmp_path, "bug.txt", "EXPLODE", "--published", "2021-01-01")
    assert result.exit_code == 1
    assert f"failed: {bad}: extractor error (ValueError) (pipeline bug)" in result.stderr
    assert len(records(result)) == 1


def test_quiet_hides_warnings_not_failures(tmp_path: Path) -> None:
    undated = write(tmp_path, "u.txt", "attack")
    blob = write(tmp_path, "b.txt", b"\x00\x00")
    result = run("extract", "-q", undated, blob)
    assert "warning:" not in result.stderr
    assert f"failed: {blob}: binary" in result.stderr


# --- the real pipeline, once it exists ----------------------------------------------------------


@pytest.mark.skipif(importlib.util.find_spec("strife.pipeline") is None, reason="strife.pipeline not built yet")
def test_real_pipeline_emits_valid_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    get_settings.cache_clear()
    path = write(tmp_path, "story.txt", "Rocket attack on base\n\nA rocket attack on a military base killed two "
                 "soldiers on Friday, officials said.")
    result = run("extract", path, "--published", "2021-03-06")
    assert result.exit_code == 0, result.output
    for rec in records(result):
        assert Event.from_json_dict(rec).to_json_dict() == rec
        assert rec["article"]["id"] == "story" and rec["article"]["published"] == "2021-03-06"


def test_output_file_inside_the_input_directory_is_not_read(tmp_path: Path) -> None:
    write(tmp_path, "in/story.txt", "Checkpoint attack\n\n" + BODY)
    out = tmp_path / "in" / "records.jsonl"
    out.write_text('{"text": "an old run attack attack"}\n', encoding="utf-8")  # a previous run's output
    result = run("extract", str(tmp_path / "in"), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["article"]["id"] == "story"
    assert "processed 1, with events 1, no events 0, skipped 1, failed 0" in result.stderr
    assert "skipped: the run's own output file 1" in result.stderr
