"""`strife geoparse PATH...` and `strife geoparse --spans FILE.jsonl`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from strife.cli import main


def test_geoparse_text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Rockets hit a base in Kirkuk and a village near Mosul, officials in Baghdad said.", encoding="utf-8")
    res = CliRunner().invoke(main, ["geoparse", str(p)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    names = {r["name"] for r in rows}
    assert {"Kirkuk", "Mosul", "Baghdad"} <= names
    for r in rows:
        assert set(r) >= {"article_id", "text", "span", "name", "geonames_id", "lat", "lon", "country", "admin1", "precision"}
        s, e = r["span"]
        assert p.read_text()[s:e] == r["text"]
    assert all(r["country"] == "IRQ" for r in rows)


def test_geoparse_given_spans_and_unknown_names(tmp_path):
    text = "Fighting in Qwertyzstan and in Aleppo."
    f = tmp_path / "spans.jsonl"
    f.write_text(json.dumps({"id": "d1", "text": text, "spans": [[12, 23], [31, 37]]}) + "\n" + "{not json\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["geoparse", "--spans", str(f)])
    rows = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert [r["article_id"] for r in rows] == ["d1", "d1"]
    assert rows[0]["lat"] is None and rows[0]["text"] == "Qwertyzstan"   # kept, unresolved
    assert rows[1]["name"] == "Aleppo" and rows[1]["country"] == "SYR"
    assert res.exit_code == 1 and "spans.jsonl:2" in res.stderr          # the bad line is counted, the rest done
