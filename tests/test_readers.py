"""Tests for strife.readers: every input kind, and one test per kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from strife.article import Article
from strife.readers import NOT_UTF8_WARNING, ReadFailure, read_inputs, split_title
from strife.settings import Settings

BODY = "Gunmen attacked a police checkpoint on Friday, killing two officers, officials said.\n\nA curfew followed."

HTML_PAGE = """<!doctype html>
<html><head>
<title>Checkpoint attack in Rivertown | Example News</title>
<meta property="og:title" content="Checkpoint attack in Rivertown">
<meta property="og:url" content="https://news.example.org/2021/03/checkpoint-attack">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-03-05T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<article>
<h1>Checkpoint attack in Rivertown</h1>
<p>Gunmen attacked a police checkpoint in Rivertown on Friday, killing two officers and wounding
three others, the provincial police chief said in a statement.</p>
<p>No group claimed responsibility for the attack, the third in the province this month.
Security forces closed the main roads into the town and imposed a curfew.</p>
</article>
<footer>Copyright Example News. All rights reserved. Cookie settings.</footer>
</body></html>
"""


def read(paths, **kw) -> list:
    kw.setdefault("settings", Settings())
    return list(read_inputs([str(p) for p in paths], **kw))


def only(items: list):
    assert len(items) == 1, items
    return items[0]


# --- .txt -------------------------------------------------------------------------------------


def test_txt_first_line_and_blank_line_is_title(tmp_path: Path) -> None:
    f = tmp_path / "checkpoint-2021.txt"
    f.write_text("Gunmen kill two police officers at checkpoint\n\n" + BODY, encoding="utf-8")
    art = only(read([f], published=date(2021, 3, 6)))
    assert isinstance(art, Article)
    assert art.title == "Gunmen kill two police officers at checkpoint"
    assert art.text.startswith("Gunmen attacked a police checkpoint")
    assert "kill two police officers at checkpoint" not in art.text
    assert art.id == "checkpoint-2021"
    assert art.published == date(2021, 3, 6)
    assert art.origin == str(f)
    assert art.warnings == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen kill two police officers\n" + BODY,  # no blank line after the first line
        BODY,  # first line is a sentence ending with a full stop
        "A headline with nothing after it\n\n",
    ],
)
def test_txt_without_title(text: str) -> None:
    title, body = split_title(text)
    assert title is None
    assert body == text


def test_split_title_skips_leading_blank_lines_and_crlf() -> None:
    title, body = split_title("\r\n\r\nClashes in the north\r\n\r\nFighting continued.\r\n")
    assert title == "Clashes in the north"
    assert body.strip() == "Fighting continued."


# --- .html ------------------------------------------------------------------------------------


def test_html_main_text_and_metadata_via_trafilatura(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML_PAGE, encoding="utf-8")
    art = only(read([f], published=date(2030, 1, 1)))
    assert isinstance(art, Article), art
    assert art.title == "Checkpoint attack in Rivertown"
    assert art.published == date(2021, 3, 5)  # the page's own date wins over the default
    assert art.url == "https://news.example.org/2021/03/checkpoint-attack"
    assert art.source == "Example News"
    assert art.id == "page"
    assert "Gunmen attacked a police checkpoint in Rivertown" in art.text
    assert "curfew" in art.text
    assert "Subscribe now" not in art.text and "Cookie settings" not in art.text
    assert not art.text.startswith("Checkpoint attack in Rivertown")  # title line not repeated


def test_html_without_date_takes_default_and_ignores_dates_in_text(tmp_path: Path) -> None:
    page = "<html><head><title>Clashes</title></head><body><article><p>" + (
        "Fighting broke out on 3 March 2021 between two armed groups in the northern town, officials said. " * 3
    ) + "</p></article></body></html>"
    f = tmp_path / "nodate.htm"
    f.write_text(page, encoding="utf-8")
    art = only(read([f], published=date(2021, 3, 9)))
    assert isinstance(art, Article)
    assert art.published == date(2021, 3, 9)
    art = only(read([f]))
    assert art.published is None  # not guessed from the text, nor set to today


def test_html_without_main_text_is_skipped(tmp_path: Path) -> None:
    f = tmp_path / "blank.html"
    f.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    fail = only(read([f]))
    assert isinstance(fail, ReadFailure)
    assert fail.outcome == "skipped" and fail.reason == "no main text"


# --- .jsonl -----------------------------------------------------------------------------------


def test_jsonl_fields_propagate(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a-1", "title": "T1", "text": BODY, "published": "2020-01-02", "url": "https://x.example/1",
         "source": "Wire", "lang": "en"},
        {"id": 17, "text": "Second article text about an ambush."},
        {"text": "Third article, no id."},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    arts = read([f], published=date(2020, 5, 5))
    assert [a.id for a in arts] == ["a-1", "17", "batch:3"]
    assert [a.published for a in arts] == [date(2020, 1, 2), date(2020, 5, 5), date(2020, 5, 5)]
    first = arts[0]
    assert (first.title, first.url, first.source) == ("T1", "https://x.example/1", "Wire")
    assert first.meta == {"lang": "en"}
    assert [a.origin for a in arts] == [f"{f}:1", f"{f}:2", f"{f}:3"]


def test_invalid_jsonl_line_among_valid_ones(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": "First."}),
                '{"id": "broken", "text": "no closing brace"',
                json.dumps(["not", "an", "object"]),
                json.dumps({"id": "notext"}),
                json.dumps({"id": "baddate", "text": "x", "published": "yesterday"}),
                json.dumps({"id": "ok2", "text": "Last."}),
            ]
        ),
        encoding="utf-8",
    )
    items = read([f])
    assert [type(x).__name__ for x in items] == ["Article", "ReadFailure", "ReadFailure", "ReadFailure",
                                                 "ReadFailure", "Article"]
    assert [x.id for x in items if isinstance(x, Article)] == ["ok1", "ok2"]
    failures = [x for x in items if isinstance(x, ReadFailure)]
    assert [x.origin for x in failures] == [f"{f}:2", f"{f}:3", f"{f}:4", f"{f}:5"]
    assert all(x.reason == "invalid JSONL" and x.outcome == "failed" for x in failures)
    assert "column" in failures[0].detail
    assert "JSON object" in failures[1].detail
    assert "text" in failures[2].detail
    assert "yesterday" in failures[3].detail
    assert failures[0].message.startswith(f"{f}:2: invalid JSONL (")


# --- stdin, .gz, directories ------------------------------------------------------------------


def test_stdin_is_read_as_text() -> None:
    art = only(read(["-"], stdin=io.BytesIO(("Ambush on convoy\n\n" + BODY).encode()), published=date(2021, 1, 1)))
    assert isinstance(art, Article)
    assert art.origin == "<stdin>"
    assert art.title == "Ambush on convoy"
    assert art.published == date(2021, 1, 1)


def test_gz_of_txt_and_jsonl(tmp_path: Path) -> None:
    t = tmp_path / "story.txt.gz"
    t.write_bytes(gzip.compress(("Headline here\n\n" + BODY).encode()))
    j = tmp_path / "lines.jsonl.gz"
    j.write_bytes(gzip.compress((json.dumps({"id": "z", "text": "Zed."}) + "\n").encode()))
    h = tmp_path / "page.html.gz"
    h.write_bytes(gzip.compress(HTML_PAGE.encode()))
    a, b, c = read([t, j, h])
    assert (a.id, a.title) == ("story", "Headline here")
    assert (b.id, b.text) == ("z", "Zed.")
    assert c.title == "Checkpoint attack in Rivertown"


def test_corrupt_gz_fails_with_reason(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt.gz"
    f.write_bytes(b"this is not gzip at all")
    fail = only(read([f]))
    assert isinstance(fail, ReadFailure)
    assert (fail.origin, fail.reason, fail.outcome) == (str(f), "unreadable", "failed")
    assert "gzip" in fail.detail


def test_directory_recursion_sorted(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "deep" / "z.txt").write_text("Z text.")
    (tmp_path / "b" / "a.txt").write_text("BA text.")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j", "text": "J text."}))
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"C text."))
    (tmp_path / ".hidden" / "h.txt").write_text("hidden")
    (tmp_path / ".dotfile.txt").write_text("hidden")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = read([tmp_path])
    articles = [x for x in items if isinstance(x, Article)]
    assert [a.text for a in articles] == ["J text.", "BA text.", "Z text.", "C text."]
    skipped = [x for x in items if isinstance(x, ReadFailure)]
    assert [(Path(x.origin).name, x.reason, x.outcome) for x in skipped] == [
        ("image.png", "unsupported file type", "skipped")
    ]


def test_explicit_file_with_other_suffix_is_text(tmp_path: Path) -> None:
    f = tmp_path / "notes.md"
    f.write_text("Some text.")
    assert only(read([f])).text == "Some text."


# --- bad input, one test each -----------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    fail = only(read([tmp_path / "nope.txt"]))
    assert isinstance(fail, ReadFailure)
    assert fail.message == f"{tmp_path / 'nope.txt'}: not found"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \r\n"])
def test_empty_file_is_skipped(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    fail = only(read([f]))
    assert isinstance(fail, ReadFailure)
    assert (fail.origin, fail.reason, fail.outcome) == (str(f), "empty", "skipped")


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html"])
def test_binary_file_fails(tmp_path: Path, suffix: str) -> None:
    f = tmp_path / f"blob{suffix}"
    f.write_bytes(bytes(range(256)) * 40)
    fail = only(read([f]))
    assert isinstance(fail, ReadFailure)
    assert (fail.origin, fail.reason, fail.outcome) == (str(f), "binary", "failed")
    assert "NUL" in fail.detail


def test_control_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    f = tmp_path / "ctl.txt"
    f.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]) * 100)
    fail = only(read([f]))
    assert isinstance(fail, ReadFailure) and fail.reason == "binary"


def test_non_utf8_bytes_decoded_with_warning(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Clashes near Saint-Étienne \u2013 “three” killed.".encode("cp1252"))
    art = only(read([f]))
    assert isinstance(art, Article)
    assert art.text == "Clashes near Saint-Étienne \u2013 “three” killed."
    assert art.warnings == [NOT_UTF8_WARNING]


def test_non_utf8_jsonl_line_decoded_with_warning(tmp_path: Path) -> None:
    f = tmp_path / "latin.jsonl"
    f.write_bytes(b'{"id": "l", "text": "Caf\xe9 bombing."}\n')
    art = only(read([f]))
    assert art.text == "Café bombing."
    assert art.warnings == [NOT_UTF8_WARNING]


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes("Title\n\nBody text.".encode("utf-16"))
    art = only(read([f]))
    assert isinstance(art, Article)
    assert (art.title, art.text) == ("Title", "Body text.")


def test_missing_publication_date_still_reads(tmp_path: Path) -> None:
    f = tmp_path / "undated.txt"
    f.write_text(BODY)
    art = only(read([f]))
    assert isinstance(art, Article)
    assert art.published is None


def test_ten_megabyte_text_fails_as_too_large(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_bytes(b"Shelling continued overnight. " * (10_000_000 // 30 + 1))
    fail = only(read([f]))
    assert isinstance(fail, ReadFailure)
    assert (fail.origin, fail.reason, fail.outcome) == (str(f), "too large", "failed")
    assert "10,000,020 bytes" in fail.detail and "2,000,000 characters" in fail.detail
    assert "STRIFE_MAX_CHARS" in fail.detail


def test_char_limit_applies_to_decoded_text_and_jsonl_lines(tmp_path: Path) -> None:
    small = Settings(max_chars=10)
    t = tmp_path / "t.txt"
    t.write_text("é" * 11)  # 22 bytes <= 40-byte cap, but 11 characters > 10
    fail = only(read([t], settings=small))
    assert fail.reason == "too large" and "11 characters" in fail.detail
    j = tmp_path / "j.jsonl"
    j.write_text(json.dumps({"text": "x" * 11}) + "\n" + json.dumps({"text": "short"}) + "\n")
    fail, art = read([j], settings=small)
    assert (fail.origin, fail.reason) == (f"{j}:1", "too large")
    assert art.text == "short"
