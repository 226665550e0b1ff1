"""Read input paths into `Article`s, or into a `ReadFailure` that says which input and why.

Accepted inputs (``read_inputs``):

* ``.txt`` / ``.text``: plain text. A first line followed by a blank line is the title (when it is at
  most 300 characters, does not end with a full stop, and text follows); the article id is the file
  stem; the rest is the article text.
* ``.html`` / ``.htm`` / ``.xhtml``: main text and metadata (title, date, url, site name) through
  trafilatura. The page's own date wins over ``published``; a leading line equal to the title is
  dropped from the text, as for ``.txt``.
* ``.jsonl`` / ``.ndjson``: one article a line, keys ``id``, ``title``, ``text``, ``published``,
  ``url``, ``source`` (other keys go to ``Article.meta``). A line's own ``published`` wins. A bad
  line is a failure naming ``path:line``; the other lines go on.
* ``.json``: one JSON object with the JSONL keys above, or an array of such objects (a bad element
  is a failure naming ``path:[index]``).
* ``.csv`` / ``.tsv``: one article a row. The text column is ``text`` unless ``text_column`` names
  another; the date column is ``date_column``, else ``published`` or ``date`` when present; ``id``,
  ``title``, ``url`` and ``source`` columns are used when present, the other columns go to ``meta``.
  A row is ``path:row`` (row 2 is the first data row); a file without the text column fails.
* ``.rss`` / ``.atom`` (and ``.xml`` files that are feeds; other XML is skipped): one article per
  entry through feedparser, from the entry's content (else its summary; HTML reduced to text), with
  its title, link, id and date. ``http://`` / ``https://`` arguments are fetched as feeds (only the
  feed itself: linked pages are not fetched).
* ``.warc`` (``.warc.gz``, e.g. Common Crawl CC-NEWS): every HTML ``response`` (or ``resource``)
  record through trafilatura, as for ``.html``; the page's date wins, else ``published``, else the
  record's ``WARC-Date`` (the crawl date). Non-HTML responses are skipped as "not HTML"; request,
  metadata and warcinfo records are not articles and are not counted.
* ``-``: standard input, read as plain text.
* a directory: every file below it with one of the suffixes above (recursive, sorted by path,
  hidden files and directories left out); other files are *skipped* as "unsupported file type".
* any of these compressed as ``.gz``.
* an explicitly named file with another suffix is read as plain text.

How bad input ends (each names the input as ``origin``):

==========================  ==========  ========================================================
input                       outcome     reason
==========================  ==========  ========================================================
missing path                failed      not found
unreadable file / bad gzip  failed      unreadable
NUL bytes / control chars   failed      binary
over ``max_chars``          failed      too large
invalid JSONL line          failed      invalid JSONL
empty or blank text         skipped     empty
HTML without main text      skipped     no main text
not UTF-8                   processed   warning "not UTF-8: decoded as cp1252"
invalid JSON file/element   failed      invalid JSON
CSV without the text column failed      missing text column
not a feed / bad feed       skipped     not a feed / failed: invalid feed
feed URL unreachable        failed      unreachable
WARC record not HTML        skipped     not HTML
not English (``lang="en"``) skipped     not English
==========================  ==========  ========================================================

**Language.** With ``lang="en"`` (the default) an article whose text is at least
``MIN_LANG_WORDS`` words long and whose share of English function words
(``data/lang/english_function_words.txt``) is under ``MIN_ENGLISH_SHARE`` is skipped as
"not English" (a stopword-ratio heuristic: offline and deterministic. On the development sets
English articles score 8-45 % (median about 33 %); Spanish, French and German news score 0-2 %). ``lang="any"`` keeps every article.

Nothing here raises for a bad input; an unexpected error while reading one source ends that source
with a "read error" failure and the others go on.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import logging
import os
import re
import sys
import zlib
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Callable, ContextManager, Iterable, Iterator, Literal, Optional, Union

from strife.article import Article, parse_published
from strife.settings import Settings, get_settings

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
SNIFF_BYTES = 8192
MAX_TITLE_CHARS = 300
# share of C0 control bytes (other than tab, newline, carriage return, form feed, vertical tab,
# escape) above which a text file is taken for binary
BINARY_CONTROL_SHARE = 0.05
NOT_UTF8_WARNING = "not UTF-8: decoded as cp1252"

Outcome = Literal["failed", "skipped"]


@dataclass(frozen=True)
class ReadFailure:
    """An input that yields no article: ``reason`` is a short category (counted), ``detail`` says more."""

    origin: str
    reason: str
    detail: Optional[str] = None
    outcome: Outcome = "failed"

    @property
    def message(self) -> str:
        return f"{self.origin}: {self.reason}" + (f" ({self.detail})" if self.detail else "")

    def __str__(self) -> str:
        return self.message


ReadResult = Union[Article, ReadFailure]


Lang = Literal["en", "any"]
LANGS: tuple[str, ...] = ("en", "any")


@dataclass(frozen=True)
class ReadOptions:
    """What readers need besides the bytes. ``published`` is the date for inputs that lack one.

    ``text_column`` / ``date_column`` name CSV columns; ``lang`` is "en" (skip non-English
    articles) or "any"; ``url_timeout`` bounds a feed URL fetch (seconds).
    """

    published: Optional[date] = None
    max_chars: int = 2_000_000
    text_column: Optional[str] = None
    date_column: Optional[str] = None
    lang: Lang = "en"
    url_timeout: float = 30.0

    @property
    def max_bytes(self) -> int:
        return 4 * self.max_chars


@dataclass(frozen=True)
class InputSource:
    """One openable input: a file (maybe gzipped) or standard input."""

    origin: str
    stem: str  # the default article id
    open: Callable[[], ContextManager[BinaryIO]]
    size: Optional[int] = None  # raw size when known (plain files)


Reader = Callable[[InputSource, ReadOptions], Iterator[ReadResult]]


# ---------------------------------------------------------------------------------------------
# bytes -> text


def _too_large(origin: str, amount: str, options: ReadOptions) -> ReadFailure:
    return ReadFailure(
        origin,
        "too large",
        f"{amount} > limit of {options.max_chars:,} characters; set STRIFE_MAX_CHARS to raise it",
    )


def _read_capped(src: InputSource, options: ReadOptions) -> Union[bytes, ReadFailure]:
    """All of a source's bytes, or a failure when it is over the byte cap or unreadable."""
    if src.size is not None and src.size > options.max_bytes:
        return _too_large(src.origin, f"{src.size:,} bytes", options)
    try:
        with src.open() as stream:
            data = stream.read(options.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return _unreadable(src.origin, exc)
    if len(data) > options.max_bytes:
        return _too_large(src.origin, f"more than {options.max_bytes:,} bytes", options)
    return data


def _unreadable(origin: str, exc: BaseException) -> ReadFailure:
    if isinstance(exc, FileNotFoundError):
        return ReadFailure(origin, "not found")
    if isinstance(exc, gzip.BadGzipFile):
        return ReadFailure(origin, "unreadable", f"not a valid gzip file: {exc}")
    if isinstance(exc, (EOFError, zlib.error)):
        return ReadFailure(origin, "unreadable", f"corrupt or truncated gzip data: {exc}")
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return ReadFailure(origin, "unreadable", f"{type(exc).__name__}: {text}")


def looks_binary(data: bytes) -> Optional[str]:
    """Why ``data`` is not text (NUL bytes, many control bytes), or None when it looks like text."""
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        return "contains NUL bytes"
    if sample:
        controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 11, 12, 13, 27))
        if controls / len(sample) > BINARY_CONTROL_SHARE:
            return f"{controls / len(sample):.0%} control bytes"
    return None


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode text bytes: a UTF-8/UTF-16 BOM is honoured, else UTF-8, else cp1252 with a warning.

    Never raises: cp1252's five undefined bytes become U+FFFD.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), [NOT_UTF8_WARNING]


def _bytes_to_text(origin: str, data: bytes, options: ReadOptions) -> Union[tuple[str, list[str]], ReadFailure]:
    if not data.strip():
        return ReadFailure(origin, "empty", outcome="skipped")
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        why = looks_binary(data)
        if why:
            return ReadFailure(origin, "binary", why)
    text, warnings = decode_text(data)
    if not text.strip():
        return ReadFailure(origin, "empty", outcome="skipped")
    if len(text) > options.max_chars:
        return _too_large(origin, f"{len(text):,} characters", options)
    return text, warnings


# ---------------------------------------------------------------------------------------------
# formats


def split_title(text: str) -> tuple[Optional[str], str]:
    """``(title, body)``: a first line followed by a blank line is the title (see module doc)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start + 2 >= len(lines) or lines[start + 1].strip():
        return None, text
    title = lines[start].strip()
    body = "\n".join(lines[start + 2 :])
    if len(title) > MAX_TITLE_CHARS or title.endswith(".") or not body.strip():
        return None, text
    return title, body


def _read_decoded(src: InputSource, options: ReadOptions) -> Union[tuple[str, list[str]], ReadFailure]:
    """The input's text and decoding warnings, or why it could not be read."""
    data = _read_capped(src, options)
    if isinstance(data, ReadFailure):
        return data
    return _bytes_to_text(src.origin, data, options)


def read_text(src: InputSource, options: ReadOptions) -> Iterator[ReadResult]:
    decoded = _read_decoded(src, options)
    if isinstance(decoded, ReadFailure):
        yield decoded
        return
    text, warnings = decoded
    title, body = split_title(text)
    yield Article(
        text=body,
        id=src.stem if src.origin != STDIN_ORIGIN else None,
        title=title,
        published=options.published,
        origin=src.origin,
        warnings=warnings,
    )


_HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(src: InputSource, options: ReadOptions) -> Iterator[ReadResult]:
    data = _read_capped(src, options)
    if isinstance(data, ReadFailure):
        yield data
        return
    yield html_article(src.origin, src.stem, data, options)


def html_article(
    origin: str,
    article_id: Optional[str],
    data: bytes,
    options: ReadOptions,
    *,
    url: Optional[str] = None,
    fallback_date: Optional[date] = None,
) -> ReadResult:
    """One HTML page's main text and metadata through trafilatura (see module doc).

    ``url`` is used when the page names none; ``fallback_date`` when neither the page nor
    ``options.published`` gives a date.
    """
    if not data.strip():
        return ReadFailure(origin, "empty", outcome="skipped")
    why = looks_binary(data)
    if why:
        return ReadFailure(origin, "binary", why)
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_HTML_DATE_PARAMS,
        )
    except Exception as exc:  # a third-party parser on arbitrary markup: any error ends this input only
        return ReadFailure(origin, "unparseable HTML", f"{type(exc).__name__}: {exc}")
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        return ReadFailure(origin, "no main text", "trafilatura found no article text", outcome="skipped")
    if len(text) > options.max_chars:
        return _too_large(origin, f"{len(text):,} characters of main text", options)
    title = (doc.title or "").strip() or None
    if title:
        first, _, rest = text.partition("\n")
        if first.strip() == title and rest.strip():
            text = rest
    published = options.published or fallback_date
    page_date = getattr(doc, "date", None)
    if page_date:
        try:
            published = parse_published(page_date) or published
        except ValueError:
            log.debug("%s: ignoring unparseable page date %r", origin, page_date)
    return Article(
        text=text,
        id=article_id,
        title=title,
        published=published,
        url=getattr(doc, "url", None) or url or None,
        source=getattr(doc, "sitename", None) or None,
        origin=origin,
    )


_JSONL_FIELDS = ("id", "title", "text", "published", "url", "source")


class _BadLine(ValueError):
    """A JSONL line that is not an article; the message says why."""


def _optional_str(obj: dict, key: str) -> Optional[str]:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _BadLine(f"field {key!r} must be a string, not {type(value).__name__}")
    value = str(value).strip()
    return value or None


def _article_from_line(
    origin: str, default_id: str, raw: bytes, options: ReadOptions
) -> ReadResult:
    try:
        line, warnings = raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        line, warnings = raw.decode("cp1252", errors="replace"), [NOT_UTF8_WARNING]
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadFailure(origin, "invalid JSONL", f"{exc.msg} at column {exc.colno}")
    return _article_from_obj(origin, default_id, obj, options, warnings, "invalid JSONL")


def _article_from_obj(
    origin: str, default_id: str, obj: object, options: ReadOptions, warnings: list[str], bad: str
) -> ReadResult:
    """An article from a decoded JSON value; ``bad`` is the failure reason when it is not one."""
    try:
        if not isinstance(obj, dict):
            what = "a line" if bad == "invalid JSONL" else "an article"
            raise _BadLine(f"{what} must be a JSON object, not {type(obj).__name__}")
        text = obj.get("text")
        if not isinstance(text, str):
            raise _BadLine("no 'text' string" if text is None else f"'text' must be a string, not {type(text).__name__}")
        try:
            published = parse_published(obj.get("published"))
        except ValueError as exc:
            raise _BadLine(str(exc)) from None
        fields = {key: _optional_str(obj, key) for key in ("id", "title", "url", "source")}
    except _BadLine as exc:
        return ReadFailure(origin, bad, str(exc))
    if not text.strip():
        return ReadFailure(origin, "empty", "'text' is empty", outcome="skipped")
    if len(text) > options.max_chars:
        return _too_large(origin, f"{len(text):,} characters", options)
    return Article(
        text=text,
        id=fields["id"] or default_id,
        title=fields["title"],
        published=published or options.published,
        url=fields["url"],
        source=fields["source"],
        origin=origin,
        meta={k: v for k, v in obj.items() if k not in _JSONL_FIELDS},
        warnings=list(warnings),
    )


def read_jsonl(src: InputSource, options: ReadOptions) -> Iterator[ReadResult]:
    try:
        with src.open() as stream:
            head = stream.read(SNIFF_BYTES)
            why = looks_binary(head)
            if why:
                yield ReadFailure(src.origin, "binary", why)
                return
            seen = False
            lines = _lines(head, stream)
            for lineno, raw in enumerate(lines, start=1):
                if not raw.strip():
                    continue
                seen = True
                origin = f"{src.origin}:{lineno}"
                if len(raw) > options.max_bytes:
                    yield _too_large(origin, f"{len(raw):,} bytes", options)
                    continue
                yield _article_from_line(origin, f"{src.stem}:{lineno}", raw, options)
            if not seen:
                yield ReadFailure(src.origin, "empty", outcome="skipped")
    except (OSError, EOFError, zlib.error) as exc:
        yield _unreadable(src.origin, exc)


def _lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head`` + the rest of ``stream`` (head was read to sniff for binary data)."""
    parts: list[bytes] = []  # pieces of the line being assembled (a list: long lines stay linear)
    for chunk in _chain_chunks(head, stream):
        pieces = chunk.split(b"\n")
        if len(pieces) == 1:
            parts.append(chunk)
            continue
        parts.append(pieces[0])
        yield b"".join(parts)
        yield from pieces[1:-1]
        parts = [pieces[-1]]
    rest = b"".join(parts)
    if rest:
        yield rest


def _chain_chunks(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    yield head
    yield from iter(lambda: stream.read(1 << 16), b"")


# --- .json -----------------------------------------------------------------------------------


def read_json(src: InputSource, options: ReadOptions) -> Iterator[ReadResult]:
    decoded = _read_decoded(src, options)
    if isinstance(decoded, ReadFailure):
        yield decoded
        return
    text, warnings = decoded
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadFailure(src.origin, "invalid JSON", f"{exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    if isinstance(value, list):
        if not value:
            yield ReadFailure(src.origin, "empty", "an empty array", outcome="skipped")
        for i, obj in enumerate(value):
            yield _article_from_obj(f"{src.origin}:[{i}]", f"{src.stem}:{i}", obj, options, warnings, "invalid JSON")
    else:
        yield _article_from_obj(src.origin, src.stem, value, options, warnings, "invalid JSON")


# --- .csv / .tsv ------------------------------------------------------------------------------

_CSV_DATE_COLUMNS = ("published", "date")


def read_csv(src: InputSource, options: ReadOptions) -> Iterator[ReadResult]:
    decoded = _read_decoded(src, options)
    if isinstance(decoded, ReadFailure):
        yield decoded
        return
    text, warnings = decoded
    delimiter = "\t" if src.origin.lower().removesuffix(".gz").endswith(".tsv") else ","
    csv.field_size_limit(max(options.max_chars, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [c for c in (reader.fieldnames or []) if c is not None]
    text_col = options.text_column or "text"
    if text_col not in columns:
        yield ReadFailure(
            src.origin, "missing text column",
            f"no column {text_col!r} (columns: {', '.join(columns) or 'none'}); name it with --text-column",
        )
        return
    if options.date_column is not None and options.date_column not in columns:
        yield ReadFailure(src.origin, "missing date column", f"no column {options.date_column!r}")
        return
    date_col = options.date_column or next((c for c in _CSV_DATE_COLUMNS if c in columns), None)
    used = {text_col, date_col, "id", "title", "url", "source"}
    seen = False
    try:
        for row in reader:
            seen = True
            rowno = reader.line_num
            origin = f"{src.origin}:{rowno}"
            body = row.get(text_col) or ""
            if not body.strip():
                yield ReadFailure(origin, "empty", f"column {text_col!r} is empty", outcome="skipped")
                continue
            if len(body) > options.max_chars:
                yield _too_large(origin, f"{len(body):,} characters", options)
                continue
            try:
                published = parse_published(row.get(date_col)) if date_col else None
            except ValueError as exc:
                yield ReadFailure(origin, "invalid date", str(exc))
                continue
            yield Article(
                text=body,
                id=(row.get("id") or "").strip() or f"{src.stem}:{rowno}",
                title=(row.get("title") or "").strip() or None,
                published=published or options.published,
                url=(row.get("url") or "").strip() or None,
                source=(row.get("source") or "").strip() or None,
                origin=origin,
                meta={k: v for k, v in row.items() if k not in used and k is not None},
                warnings=list(warnings),
            )
    except csv.Error as exc:
        yield ReadFailure(f"{src.origin}:{reader.line_num}", "invalid CSV", str(exc))
        return
    if not seen:
        yield ReadFailure(src.origin, "empty", "no data rows", outcome="skipped")


# --- RSS / Atom feeds -------------------------------------------------------------------------

_FEED_SNIFF = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article")


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): block elements become paragraphs."""
    if "<" not in fragment:
        return fragment
    import lxml.html  # installed with trafilatura

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n\n" + (el.tail or "")
    return root.text_content()


def _entry_date(entry: dict) -> Optional[date]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def read_feed(src: InputSource, options: ReadOptions) -> Iterator[ReadResult]:
    data = _read_capped(src, options)
    if isinstance(data, ReadFailure):
        yield data
        return
    yield from feed_articles(src.origin, data, options)


def feed_articles(origin: str, data: bytes, options: ReadOptions) -> Iterator[ReadResult]:
    """One article per entry of an RSS/Atom feed (``data``: the feed's bytes)."""
    if not data.strip():
        yield ReadFailure(origin, "empty", outcome="skipped")
        return
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        why = str(parsed.get("bozo_exception") or "no RSS/Atom root element")
        yield ReadFailure(origin, "invalid feed", why)
        return
    source = (parsed.feed.get("title") or "").strip() or None
    if not parsed.entries:
        yield ReadFailure(origin, "empty", "the feed has no entries", outcome="skipped")
        return
    for i, entry in enumerate(parsed.entries):
        where = f"{origin}#{i + 1}"
        contents = [c.get("value") or "" for c in entry.get("content") or []]
        raw = max(contents, key=len) if contents else (entry.get("summary") or entry.get("description") or "")
        text = html_fragment_text(raw)
        if not text.strip():
            yield ReadFailure(where, "empty", "the entry has no content or summary", outcome="skipped")
            continue
        if len(text) > options.max_chars:
            yield _too_large(where, f"{len(text):,} characters", options)
            continue
        title = html_fragment_text(entry.get("title") or "").strip() or None
        yield Article(
            text=text,
            id=(entry.get("id") or entry.get("link") or "").strip() or f"{origin}#{i + 1}",
            title=title,
            published=_entry_date(entry) or options.published,
            url=(entry.get("link") or "").strip() or None,
            source=source,
            origin=where,
        )


def read_xml(src: InputSource, options: ReadOptions) -> Iterator[ReadResult]:
    """``.xml``: a feed when it looks like one (an ``<rss>``, ``<feed>`` or ``<rdf:RDF>`` root), else skipped."""
    data = _read_capped(src, options)
    if isinstance(data, ReadFailure):
        yield data
        return
    if not _FEED_SNIFF.search(data[:SNIFF_BYTES]):
        yield ReadFailure(src.origin, "not a feed", "XML without an RSS/Atom root element", outcome="skipped")
        return
    yield from feed_articles(src.origin, data, options)


def fetch_url(url: str, options: ReadOptions) -> Union[bytes, ReadFailure]:
    """The bytes at a feed URL the user named (bounded by the byte cap and ``url_timeout``)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "strife feed reader"})
    try:
        with urllib.request.urlopen(request, timeout=options.url_timeout) as response:
            data = response.read(options.max_bytes + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return ReadFailure(url, "unreachable", f"{type(exc).__name__}: {getattr(exc, 'reason', None) or exc}")
    if len(data) > options.max_bytes:
        return _too_large(url, f"more than {options.max_bytes:,} bytes", options)
    return data


# --- WARC -------------------------------------------------------------------------------------


def _warc_date(value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc).date()
    except ValueError:
        return None


def read_warc(src: InputSource, options: ReadOptions) -> Iterator[ReadResult]:
    """HTML pages of a WARC file (see module doc); warcio reads ``.warc`` and per-record ``.warc.gz``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    seen = False
    try:
        with src.open() as stream:
            for n, record in enumerate(ArchiveIterator(stream), start=1):
                if record.format != "warc":  # warcio reads any text as a legacy ARC header line
                    yield ReadFailure(src.origin, "invalid WARC", f"record {n} is not a WARC record")
                    return
                if record.rec_type not in ("response", "resource"):
                    continue
                seen = True
                uri = record.rec_headers.get_header("WARC-Target-URI") or None
                origin = f"{src.origin}#{n}" + (f" ({uri})" if uri else "")
                if record.rec_type == "response" and record.http_headers is not None:
                    status = record.http_headers.get_statuscode()
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    status, ctype = "200", record.rec_headers.get_header("Content-Type") or ""
                if status and not str(status).startswith("2"):
                    yield ReadFailure(origin, "not HTML", f"HTTP status {status}", outcome="skipped")
                    continue
                if "html" not in ctype.lower():
                    yield ReadFailure(origin, "not HTML", ctype or "no content type", outcome="skipped")
                    continue
                data = record.content_stream().read(options.max_bytes + 1)
                if len(data) > options.max_bytes:
                    yield _too_large(origin, f"more than {options.max_bytes:,} bytes", options)
                    continue
                record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
                yield html_article(
                    origin, record_id.removeprefix("urn:uuid:") or f"{src.stem}#{n}", data, options,
                    url=uri, fallback_date=_warc_date(record.rec_headers.get_header("WARC-Date")),
                )
    except (OSError, EOFError, zlib.error) as exc:
        yield _unreadable(src.origin, exc)
        return
    except ArchiveLoadFailed as exc:
        yield ReadFailure(src.origin, "invalid WARC", str(exc))
        return
    if not seen:
        yield ReadFailure(src.origin, "empty", "no response or resource records", outcome="skipped")


# --- language ---------------------------------------------------------------------------------

MIN_LANG_WORDS = 30  # shorter texts are not judged (too few words to tell)
MIN_ENGLISH_SHARE = 0.05
LANG_SAMPLE_CHARS = 4000
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    text = resources.files("strife").joinpath("data/lang/english_function_words.txt").read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


def english_share(text: str) -> tuple[float, int]:
    """``(share of English function words, words looked at)`` in the first few thousand characters."""
    words = _WORD.findall(text[:LANG_SAMPLE_CHARS].lower())
    if not words:
        return 0.0, 0
    vocab = english_function_words()
    return sum(1 for w in words if w in vocab) / len(words), len(words)


def not_english(article: Article) -> Optional[ReadFailure]:
    """A "not English" skip for an article that is long enough to judge and is not English, else None."""
    share, n = english_share(article.text)
    if n < MIN_LANG_WORDS or share >= MIN_ENGLISH_SHARE:
        return None
    return ReadFailure(
        article.origin or article.id or "<article>", "not English",
        f"{share:.0%} English function words in {n} words; use --lang any to keep it", outcome="skipped",
    )


# suffix (lower case, after removing ".gz") -> reader.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_xml,
    ".warc": read_warc,
}


# ---------------------------------------------------------------------------------------------
# paths -> sources


def _split_name(name: str) -> tuple[str, str, bool]:
    """``(stem, suffix, gzipped)`` for a file name: ``a.txt.gz`` -> ``("a", ".txt", True)``."""
    gzipped = name.lower().endswith(".gz")
    base = name[:-3] if gzipped else name
    path = Path(base)
    return path.stem, path.suffix.lower(), gzipped


def _file_source(path: Path, origin: str) -> tuple[InputSource, str]:
    stem, suffix, gzipped = _split_name(path.name)
    if gzipped:
        opener: Callable[[], ContextManager[BinaryIO]] = lambda: gzip.open(path, "rb")  # noqa: E731
        size = None
    else:
        opener = lambda: open(path, "rb")  # noqa: E731
        try:
            size = path.stat().st_size
        except OSError:
            size = None
    return InputSource(origin=origin, stem=stem, open=opener, size=size), suffix


def _walk(root: Path) -> list[Path]:
    """Files below ``root``, sorted by path, hidden entries left out, symlinked dirs not followed."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / f for f in filenames if not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


_URL = re.compile(r"^https?://", re.IGNORECASE)


def read_feed_url(src: InputSource, options: ReadOptions) -> Iterator[ReadResult]:
    """A feed named by URL (``src.origin``): fetched, then read as a feed."""
    data = fetch_url(src.origin, options)
    if isinstance(data, ReadFailure):
        yield data
        return
    yield from feed_articles(src.origin, data, options)


def _same_file(path: Path, others: frozenset[Path]) -> bool:
    try:
        return path.resolve() in others
    except OSError:
        return False


def iter_sources(
    paths: Iterable[Union[str, Path]], stdin: Optional[BinaryIO] = None, exclude: Iterable[Union[str, Path]] = ()
) -> Iterator[Union[tuple[InputSource, Reader], ReadFailure]]:
    """Each input as ``(source, reader)``, or a failure/skip for paths that cannot be read at all.
    Files in ``exclude`` (the run's own output file) are skipped with a reason, never read."""
    excluded = frozenset(Path(p).resolve() for p in exclude)
    for raw_path in paths:
        name = str(raw_path)
        if name == STDIN:
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:
                yield ReadFailure(STDIN_ORIGIN, "unreadable", "standard input is not available")
                continue
            bound = stream
            yield InputSource(STDIN_ORIGIN, "stdin", lambda: contextlib.nullcontext(bound)), read_text
            continue
        if _URL.match(name):
            yield InputSource(name, name, lambda: contextlib.nullcontext(io.BytesIO())), read_feed_url
            continue
        path = Path(name)
        if path.is_dir():
            try:
                files = _walk(path)
            except OSError as exc:
                yield _unreadable(name, exc)
                continue
            for file in files:
                if excluded and _same_file(file, excluded):
                    yield ReadFailure(str(file), "the run's own output file", outcome="skipped")
                    continue
                source, suffix = _file_source(file, str(file))
                reader = READERS.get(suffix)
                if reader is None:
                    yield ReadFailure(source.origin, "unsupported file type", suffix or "no suffix", outcome="skipped")
                else:
                    yield source, reader
        elif path.is_file() and excluded and _same_file(path, excluded):
            yield ReadFailure(name, "the run's own output file", outcome="skipped")
        elif path.is_file():
            source, suffix = _file_source(path, name)
            yield source, READERS.get(suffix, read_text)
        elif path.exists():
            yield ReadFailure(name, "unreadable", "not a regular file or directory")
        else:
            yield ReadFailure(name, "not found")


def read_inputs(
    paths: Iterable[Union[str, Path]],
    *,
    published: Optional[date] = None,
    settings: Optional[Settings] = None,
    stdin: Optional[BinaryIO] = None,
    text_column: Optional[str] = None,
    date_column: Optional[str] = None,
    lang: Lang = "en",
    exclude: Iterable[Union[str, Path]] = (),
) -> Iterator[ReadResult]:
    """Articles from ``paths`` (files, directories, feed URLs, ``-``), or a `ReadFailure` for each bad input.

    ``published`` is the publication date for inputs that carry none of their own; ``text_column``
    and ``date_column`` name CSV columns; ``lang="en"`` skips articles that are not English;
    ``exclude`` names files never to read (the run's own output, when it lies among the inputs).
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    settings = settings or get_settings()
    options = ReadOptions(
        published=published, max_chars=settings.max_chars, text_column=text_column,
        date_column=date_column, lang=lang,
    )
    for item in iter_sources(paths, stdin=stdin, exclude=exclude):
        if isinstance(item, ReadFailure):
            yield item
            continue
        source, reader = item
        try:
            for result in reader(source, options):
                if lang == "en" and isinstance(result, Article):
                    result = not_english(result) or result
                yield result
        except Exception as exc:  # a reader bug must not end the batch: this source fails, the rest go on
            log.debug("reading %s failed", source.origin, exc_info=True)
            yield ReadFailure(source.origin, "read error", f"{type(exc).__name__}: {exc}")
