"""Tests for the inputs added by issue 7: .json, CSV/TSV, RSS/Atom feeds (files and URLs), WARC,
.gz of those, and the non-English skip (strife.readers)."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from datetime import date
from pathlib import Path

import pytest

from strife.article import Article
from strife.readers import ReadFailure, english_share, read_inputs
from strife.settings import Settings

BODY = ("Gunmen attacked a police checkpoint on Friday, killing two officers, officials said. "
        "The attack was the third in the province this month, and the police closed the roads into the town.")
SPANISH = ("El ejército lanzó un ataque contra las posiciones de los rebeldes en la provincia, según informaron "
           "fuentes locales. Al menos diez personas murieron y otras veinte resultaron heridas en los bombardeos "
           "que se produjeron durante la noche del martes en la zona norte del país.")

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.org/</link>
<description>news</description>
<item><title>Checkpoint attack</title><link>https://wire.example.org/a1</link><guid>wire-a1</guid>
<pubDate>Fri, 05 Mar 2021 08:00:00 GMT</pubDate>
<description><![CDATA[<p>Gunmen attacked a police checkpoint on Friday.</p><p>Two officers were killed.</p>]]></description>
</item>
<item><title>Market reopens</title><link>https://wire.example.org/a2</link>
<description>The central market reopened on Saturday.</description></item>
<item><title>Empty</title><link>https://wire.example.org/a3</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:atom-desk</id>
<updated>2021-04-02T10:00:00Z</updated>
<entry><title>Clashes in the north</title><id>urn:entry:1</id><link href="https://atom.example.org/1"/>
<updated>2021-04-02T10:00:00Z</updated><published>2021-04-01T09:00:00Z</published>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Fighting broke out between the army and rebels near the border.&lt;/p&gt;</content>
</entry></feed>
"""

HTML = """<!doctype html><html><head><title>Rivertown attack | Example News</title>
<meta property="og:title" content="Rivertown attack">
<meta property="article:published_time" content="2021-03-05T08:00:00Z"></head>
<body><article><h1>Rivertown attack</h1>
<p>Gunmen attacked a police checkpoint in Rivertown on Friday, killing two officers and wounding three
others, the provincial police chief said in a statement on Saturday morning.</p>
<p>No group claimed responsibility for the attack, the third in the province this month. Security forces
closed the main roads into the town and imposed a curfew until further notice.</p></article></body></html>
"""


def read(paths, **kw) -> list:
    kw.setdefault("settings", Settings())
    return list(read_inputs([str(p) for p in paths], **kw))


def articles(items: list) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def failures(items: list) -> list[ReadFailure]:
    return [f for f in items if isinstance(f, ReadFailure)]


# --- .json ------------------------------------------------------------------------------------


def test_json_object_and_array(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "j1", "text": BODY, "published": "2021-03-05", "lang_hint": "en"}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": BODY, "title": "T"}, {"text": 5}, {"text": "  "}]))
    items = read([one, many], published=date(2020, 1, 1))
    a1, a2 = articles(items)
    assert (a1.id, a1.published, a1.meta) == ("j1", date(2021, 3, 5), {"lang_hint": "en"})
    assert (a2.id, a2.title, a2.published, a2.origin) == ("many:0", "T", date(2020, 1, 1), f"{many}:[0]")
    bad, empty = failures(items)
    assert (bad.origin, bad.reason, bad.outcome) == (f"{many}:[1]", "invalid JSON", "failed")
    assert (empty.origin, empty.reason, empty.outcome) == (f"{many}:[2]", "empty", "skipped")


def test_invalid_json_file_fails_with_position(tmp_path: Path) -> None:
    f = tmp_path / "broken.json"
    f.write_text('{"text": "x",')
    (fail,) = read([f])
    assert fail.reason == "invalid JSON" and "line 1" in fail.detail


# --- CSV / TSV --------------------------------------------------------------------------------


def test_csv_with_text_and_date_columns(tmp_path: Path) -> None:
    f = tmp_path / "wire.csv"
    f.write_text(
        "story_id,body,day,source,desk\n"
        f'w1,"{BODY}",2021-03-05,Example Wire,world\n'
        f'w2,"{BODY}",not a date,Example Wire,world\n'
        ",,2021-03-06,,\n",
        encoding="utf-8",
    )
    items = read([f], text_column="body", date_column="day")
    (art,) = articles(items)
    assert (art.id, art.published, art.source, art.origin) == ("wire:2", date(2021, 3, 5), "Example Wire", f"{f}:2")
    assert art.meta == {"story_id": "w1", "desk": "world"}
    bad_date, empty = failures(items)
    assert (bad_date.origin, bad_date.reason) == (f"{f}:3", "invalid date")
    assert (empty.reason, empty.outcome) == ("empty", "skipped")


def test_csv_default_columns_and_tsv(tmp_path: Path) -> None:
    f = tmp_path / "rows.tsv"
    f.write_text(f"id\ttext\tpublished\nr1\t{BODY}\t2021-01-02\n")
    (art,) = read([f])
    assert (art.id, art.published) == ("r1", date(2021, 1, 2))


def test_csv_without_the_text_column_fails_naming_columns(tmp_path: Path) -> None:
    f = tmp_path / "nope.csv"
    f.write_text("headline,body\nx,y\n")
    (fail,) = read([f])
    assert fail.reason == "missing text column" and "headline, body" in fail.detail and "--text-column" in fail.detail
    (fail,) = read([f], text_column="body", date_column="when")
    assert fail.reason == "missing date column"


# --- feeds ------------------------------------------------------------------------------------


def test_rss_file_entries_become_articles(tmp_path: Path) -> None:
    f = tmp_path / "wire.rss"
    f.write_text(RSS, encoding="utf-8")
    items = read([f])
    a1, a2 = articles(items)
    assert a1.text == "Gunmen attacked a police checkpoint on Friday.\n\nTwo officers were killed."
    assert (a1.id, a1.title, a1.url, a1.source, a1.published) == (
        "wire-a1", "Checkpoint attack", "https://wire.example.org/a1", "Example Wire", date(2021, 3, 5))
    assert (a2.id, a2.published, a2.origin) == ("https://wire.example.org/a2", None, f"{f}#2")
    (empty,) = failures(items)
    assert (empty.origin, empty.reason, empty.outcome) == (f"{f}#3", "empty", "skipped")


def test_atom_content_wins_over_summary_and_xml_suffix_is_sniffed(tmp_path: Path) -> None:
    f = tmp_path / "desk.xml"
    f.write_text(ATOM, encoding="utf-8")
    (art,) = read([f])
    assert art.text == "Fighting broke out between the army and rebels near the border."
    assert (art.id, art.published, art.source) == ("urn:entry:1", date(2021, 4, 1), "Atom Desk")
    other = tmp_path / "config.xml"
    other.write_text("<config><a>1</a></config>")
    (skip,) = read([other])
    assert (skip.reason, skip.outcome) == ("not a feed", "skipped")


def test_gzipped_feed(tmp_path: Path) -> None:
    f = tmp_path / "wire.rss.gz"
    f.write_bytes(gzip.compress(RSS.encode()))
    assert len(articles(read([f]))) == 2


def test_feed_url_is_fetched(tmp_path: Path) -> None:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = RSS.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/feed"
        items = read([url])
    finally:
        server.shutdown()
    assert [a.id for a in articles(items)] == ["wire-a1", "https://wire.example.org/a2"]
    assert articles(items)[0].origin == f"{url}#1"


def test_unreachable_feed_url_fails() -> None:
    (fail,) = read(["http://127.0.0.1:9/feed.rss"])
    assert (fail.reason, fail.outcome) == ("unreachable", "failed")


# --- WARC -------------------------------------------------------------------------------------


def _warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))

        def response(url: str, ctype: str, body: bytes, status: str = "200 OK") -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": "2021-03-06T12:00:00Z"})
            w.write_record(rec)

        response("https://news.example.org/rivertown", "text/html; charset=utf-8", HTML.encode())
        response("https://news.example.org/logo.png", "image/png", b"\x89PNG....")
        response("https://news.example.org/gone", "text/html", b"<html>gone</html>", status="404 Not Found")
        undated = HTML.replace('<meta property="article:published_time" content="2021-03-05T08:00:00Z">', "")
        response("https://news.example.org/undated", "text/html", undated.encode())


@pytest.mark.parametrize("name,gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_records_through_trafilatura(tmp_path: Path, name: str, gz: bool) -> None:
    f = tmp_path / name
    _warc(f, gz)
    items = read([f])
    dated, undated = articles(items)
    assert dated.text.startswith("Gunmen attacked a police checkpoint in Rivertown")
    assert (dated.title, dated.url, dated.published) == (
        "Rivertown attack", "https://news.example.org/rivertown", date(2021, 3, 5))
    assert undated.published == date(2021, 3, 6)  # WARC-Date: the crawl date
    assert [(x.reason, x.outcome) for x in failures(items)] == [("not HTML", "skipped")] * 2
    assert "image/png" in failures(items)[0].detail and "404" in failures(items)[1].detail


def test_gzipped_plain_warc_and_directory(tmp_path: Path) -> None:
    plain = tmp_path / "src.warc"
    _warc(plain, False)
    d = tmp_path / "dir"
    d.mkdir()
    (d / "c.warc.gz").write_bytes(gzip.compress(plain.read_bytes()))  # whole-file gzip also works
    (d / "w.json.gz").write_bytes(gzip.compress(json.dumps({"text": BODY}).encode()))
    (d / "r.csv.gz").write_bytes(gzip.compress(f"text\n\"{BODY}\"\n".encode()))
    items = read([d])
    assert len(articles(items)) == 4


def test_not_a_warc_fails(tmp_path: Path) -> None:
    f = tmp_path / "junk.warc"
    f.write_text("this is not a WARC file at all\n")
    (fail,) = read([f])
    assert fail.reason == "invalid WARC"


# --- language ---------------------------------------------------------------------------------


def test_non_english_article_is_skipped_with_a_reason(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in (("en", BODY), ("es", SPANISH))))
    en, es = read([f])
    assert isinstance(en, Article)
    assert (es.reason, es.outcome, es.origin) == ("not English", "skipped", f"{f}:2")
    assert "--lang any" in es.detail
    assert [a.id for a in read([f], lang="any")] == ["en", "es"]


def test_english_share_separates_languages() -> None:
    assert english_share(BODY)[0] > 0.25
    assert english_share(SPANISH)[0] < 0.03
    assert english_share(BODY.upper())[0] > 0.25  # case does not matter (MUC-4 wires are upper case)


def test_short_texts_are_not_judged(tmp_path: Path) -> None:
    f = tmp_path / "short.txt"
    f.write_text("Ataque en la frontera norte.")
    (art,) = read([f])
    assert isinstance(art, Article)


def test_bad_lang_value_raises() -> None:
    with pytest.raises(ValueError, match="lang must be one of"):
        list(read_inputs(["-"], lang="fr", settings=Settings()))  # type: ignore[arg-type]
