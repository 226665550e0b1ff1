"""Tests for the actor dictionary, the PETRARCH dictionary parser and the build script."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from strife.actor_dictionary import ActorDictionary, ActorEntry, ActorDictionaryError, get_actor_dictionary, normalize
from strife.petrarch_dict import (
    PetrarchFormatError, decode_cameo, parse_actor_lines, parse_agent_lines, parse_code_block, select_code,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return get_actor_dictionary()


# ---------------------------------------------------------------- aliases

@pytest.mark.parametrize("text", [
    "Kataeb Hezbollah", "Kata'ib Hizballah", "Kata\u2019ib Hizballah", "Kataib Hezbollah", "the Hezbollah Brigades",
    "KH", "KATAEB HEZBOLLAH", "Kataeb Hezbollah's",
])
def test_kataeb_hezbollah_variants(d, text):
    e = d.lookup(text)
    assert e is not None, text
    assert e.name == "Kataeb Hezbollah"
    assert (e.country, e.sector, e.kind, e.affiliation) == ("IRQ", "MILITIA", "non_state", ("IRN",))


def test_pentagon_and_us(d):
    p = d.lookup("the Pentagon")
    assert p.country == "USA" and p.sector == "MIL" and p.kind == "state"
    for t in ("U.S.", "US", "USA", "America", "the United States"):
        us = d.lookup(t)
        assert us.name == "United States" and us.country == "USA" and us.kind == "state" and us.sector is None
    assert d.lookup("UK").country == "GBR" and d.lookup("Britain").country == "GBR"


def test_other_groups(d):
    assert d.lookup("ISIL") is d.lookup("Daesh") is d.lookup("Islamic State")
    assert d.lookup("Ansar Allah").name == "Houthis"
    assert d.lookup("Hashd al-Shaabi").name == "Popular Mobilization Forces"
    assert d.lookup("al-Shabab").country == "SOM"
    assert d.lookup("Naxalites").country == "IND"
    assert d.lookup("NATO").kind == "international"
    assert d.lookup("Hezbollah").country == "LBN"
    assert d.lookup("Hezbollah") is not d.lookup("Kataeb Hezbollah")


def test_canonical_names_are_the_names_groups_go_by(d):
    # the group's own name, as ACLED and UCDP list it, not a disambiguated encyclopedia title
    for alias in ("ELN", "Ejercito de Liberacion Nacional", "National Liberation Army"):
        e = d.lookup(alias)
        assert (e.name, e.country, e.sector) == ("National Liberation Army", "COL", "REB")


def test_phoenix_entries_present(d):
    e = d.lookup("Saddam Hussein")
    assert e is not None and e.kind == "person" and e.country == "IRQ" and e.source == "phoenix"
    assert d.lookup("Abu Nidal Organization").sector == "REB"
    assert len(d) > 20000


def test_place_names_are_not_actors(d):
    assert d.lookup("Kirkuk") is None  # Phoenix lists it as a synonym of IRAQ: dropped
    assert d.lookup("Baghdad") is None
    assert d.lookup("Baghdad", metonyms=True).country == "IRQ"


def test_normalize():
    assert normalize("the Kata\u2019ib Hizballah's") == "kataib hizballah"
    assert normalize("U.S.") == "us"
    assert normalize("Médecins Sans Frontières") == "medecins sans frontieres"
    assert normalize("AL-QAEDA_IN_IRAQ") == "al qaeda in iraq"


# ---------------------------------------------------------------- agents, demonyms, describe

@pytest.mark.parametrize("noun,sector", [
    ("soldiers", "MIL"), ("troops", "MIL"), ("police", "COP"), ("militants", "REB"), ("fighter", "REB"),
    ("protesters", "OPP"), ("civilians", "CVL"), ("contractor", "CVL"), ("militiamen", "MILITIA"),
    # a defence minister or secretary is a member of the government (Phoenix's GOVMIL read as MIL before)
    ("defence secretary", "GOV"), ("defense minister", "GOV"), ("chief of defence staff", "MIL"),
])
def test_lookup_agent(d, noun, sector):
    assert d.lookup_agent(noun) == sector


def test_lookup_agent_unknown(d):
    assert d.lookup_agent("rockets") is None


def test_demonyms_and_affiliation(d):
    assert d.demonym_country("Iraqi") == "IRQ"
    assert d.demonym_country("American") == "USA"
    assert d.demonym_country("Iraqis") == "IRQ"
    assert d.demonym_country("table") is None
    assert d.parse_affiliation("the Iranian-backed militia") == ["IRN"]
    assert d.parse_affiliation("a militia backed by Iran") == ["IRN"]
    assert d.parse_affiliation("the U.S.-led coalition") == ["USA"]
    assert d.parse_affiliation("the militia") == []


def test_describe(d):
    m = d.describe("the Iraqi military")
    assert (m.country, m.sector, m.kind) == ("IRQ", "MIL", "state")
    assert d.describe("Iraqi soldiers").name == m.name  # same canonical name for coreference
    u = d.describe("U.S. forces")
    assert (u.country, u.sector, u.kind) == ("USA", "MIL", "state")
    mil = d.describe("the Iranian-backed militia")
    assert (mil.country, mil.sector, mil.kind, mil.affiliation) == (None, "MILITIA", "non_state", ("IRN",))
    assert d.describe("Hezbollah fighters").name == "Hezbollah"
    assert d.describe("Turkish police").kind == "state"
    assert d.describe("us soldiers").country is None  # lower-case "us" is a pronoun
    assert d.describe("the weather") is None


# ---------------------------------------------------------------- PETRARCH parser

SAMPLE_ACTORS = """\
# comment line
<!-- one-line XML comment -->
GONDOR [GON]
+MINAS_TIRITH
HAMAS_GUNMEN [PSEHMSMIL] # trailing comment
GOLLUM  # pas 27 Apr 03
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
UN_ [IGOUNO]
U.N._
UN_SECRETARY_GENERAL
+UNSG
\t[IGOUNO]
BOROMIR  [---]
"""


def test_parse_actor_sample():
    r = parse_actor_lines(SAMPLE_ACTORS.splitlines(True))
    names = [a.names for a in r.actors]
    assert names[0] == ["GONDOR", "MINAS TIRITH"]
    assert r.actors[1].code_on() == "PSEHMSMIL"
    gollum = r.actors[2]
    assert gollum.names == ["GOLLUM", "SMEAGOL"]
    assert gollum.code_on(date(1990, 1, 1)) == "HOB"
    assert gollum.code_on(date(1997, 1, 1)) == "HOBGOV"
    assert gollum.code_on() == "HOBREB"  # the most recent
    # a codeless primary shares the next code slot, as in PETRARCH
    assert r.actors[4].names == ["U.N.", "UN SECRETARY GENERAL", "UNSG"]
    assert r.actors[4].code_on() == "IGOUNO"
    assert r.actors[5].code_on() is None
    assert r.warnings == []


def test_parse_code_block_errors():
    assert parse_code_block("IRQGOV 20060520-20140908").end == date(2014, 9, 8)
    with pytest.raises(PetrarchFormatError):
        parse_code_block("IRQ 2004017-20061201")
    with pytest.raises(PetrarchFormatError):
        parse_code_block("EGYGOV 20121207-20120802")
    assert select_code([]) is None


def test_parse_agents_sample():
    agents, warnings = parse_agent_lines([
        "!PERSON! = MAN, MEN\n", "POLICE {} [~COP]\n", "GUNMAN {GUNMEN} [~UAF]\n", "FARMER [~AGR]\n",
        "DAIRY!PERSON! [~AGR]\n", "NOCODE\n",
    ])
    got = {a.phrase: a.code for a in agents}
    assert got == {"POLICE": "~COP", "GUNMAN": "~UAF", "GUNMEN": "~UAF", "FARMER": "~AGR", "FARMERS": "~AGR",
                   "DAIRYMAN": "~AGR", "DAIRYMEN": "~AGR"}
    assert len(warnings) == 1


@pytest.mark.parametrize("code,expected", [
    ("IRQGOV", ("IRQ", "GOV", "state")),
    ("USAGOVMIL", ("USA", "MIL", "state")),
    ("IGOUNO", (None, "IGO", "international")),
    ("IMGMUSALQ", (None, "REB", "non_state")),
    ("PSEREBHMS", ("PSE", "REB", "non_state")),
    ("MNCUSA", ("USA", "BUS", "non_state")),
    ("TMP", ("TLS", None, "state")),
    ("~UAF", (None, "REB", "non_state")),
])
def test_decode_cameo(code, expected):
    a = decode_cameo(code)
    assert (a.country, a.sector, a.kind) == expected


# ---------------------------------------------------------------- user dictionaries

def test_user_jsonl_dictionary(tmp_path):
    p = tmp_path / "mine.jsonl"
    p.write_text(json.dumps({"name": "Brigade 313", "aliases": ["B313", "Liwa 313"], "country": "IRQ",
                             "sector": "MILITIA", "kind": "non_state", "affiliation": ["IRN"]}) + "\n"
                 + json.dumps({"name": "Hezbollah (user)", "aliases": ["Hezbollah"], "country": "LBN",
                               "sector": "PTY", "kind": "non_state"}) + "\n", encoding="utf-8")
    ud = ActorDictionary.load(extra_paths=[p])
    e = ud.lookup("Liwa 313")
    assert e.name == "Brigade 313" and e.source == "user:mine.jsonl" and e.affiliation == ("IRN",)
    assert ud.lookup("Hezbollah").sector == "PTY"  # user entries take precedence
    assert ud.lookup("Kataeb Hezbollah").country == "IRQ"  # shipped ones still there


def test_user_petrarch_dictionary(tmp_path):
    p = tmp_path / "extra.actors.txt"
    p.write_text("FROBNIA_LIBERATION_FRONT [IRQREB]\n+FLF_\nJOHN_DOE_\n\t[USAGOV 20010101-20050101]\n\t[USAELI]\n",
                 encoding="utf-8")
    ud = ActorDictionary.load(extra_paths=[p])
    e = ud.lookup("Frobnia Liberation Front")
    assert (e.country, e.sector, e.kind) == ("IRQ", "REB", "non_state")
    assert ud.lookup("FLF") is e
    assert ud.lookup("John Doe").kind == "person"


def test_bad_user_dictionary(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"name": "X", "kind": "martian"}\n', encoding="utf-8")
    with pytest.raises(ActorDictionaryError, match="kind"):
        ActorDictionary.load(extra_paths=[p])
    with pytest.raises(FileNotFoundError):
        ActorDictionary.load(extra_paths=[tmp_path / "missing.jsonl"])
    with pytest.raises(ActorDictionaryError):
        ActorEntry(name="Y", country="Iraq")


# ---------------------------------------------------------------- spaCy patterns

def test_patterns_in_span_ruler(d):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": None, "annotate_ents": True, "overwrite": True})
    ruler.add_patterns(d.entity_ruler_patterns())
    words = ["The", "U.S.", "struck", "Kataeb", "Hezbollah", ",", "which", "told", "us", "that", "the",
             "Pentagon", "and", "KH", "lied", "about", "hamas", "and", "Hamas", "."]
    doc = nlp(Doc(nlp.vocab, words=words))
    ents = [(e.text, e.label_, e.ent_id_) for e in doc.ents]
    assert ("Kataeb Hezbollah", "ACTOR", "Kataeb Hezbollah") in ents
    assert ("U.S.", "ACTOR", "United States") in ents
    assert ("Pentagon", "ACTOR", "United States Department of Defense") in ents
    assert ("KH", "ACTOR", "Kataeb Hezbollah") in ents
    assert ("Hamas", "ACTOR", "Hamas") in ents
    assert not any(e[0] in ("us", "hamas") for e in ents)  # lower-case look-alikes are not matched
    # a tokenizer-split alias still matches through the tokenizer-built pattern
    doc2 = nlp("Fighters of Kata'ib Hizballah fired rockets.")
    assert any(e.ent_id_ == "Kataeb Hezbollah" for e in doc2.ents)


def test_patterns_skip_stoplisted(d):
    pats = d.entity_ruler_patterns()
    assert not any(p["pattern"] == [{"TEXT": "IS"}] for p in pats)
    assert all(p["label"] == "ACTOR" and p["id"] for p in pats)


# ---------------------------------------------------------------- build

def _phoenix_dir() -> Path | None:
    env = os.environ.get("STRIFE_SHARED_DIR")
    base = Path(env) if env else REPO.parent / "shared"
    base = base / "data" if (base / "data").is_dir() else base
    p = base / "phoenix-dictionaries"
    return p if p.is_dir() else None


@pytest.mark.skipif(_phoenix_dir() is None, reason="shared Phoenix dictionaries (../shared/data) not available")
def test_build_is_deterministic(tmp_path):
    import importlib.util
    import shutil

    spec = importlib.util.spec_from_file_location("build_actor_dictionary", REPO / "scripts" / "build_actor_dictionary.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    src = REPO / "src" / "strife" / "data" / "actors"
    for name in ("curated.jsonl", "demonyms_curated.tsv", "agents_curated.tsv"):
        shutil.copy(src / name, tmp_path / name)
    report = mod.build(_phoenix_dir().parent, tmp_path)
    assert report["entries"] > 20000
    assert report["actors_bytes_gz"] < 5_000_000
    for name in ("actors.jsonl.gz", "agents.tsv", "demonyms.tsv"):
        assert (tmp_path / name).read_bytes() == (src / name).read_bytes(), f"{name} differs from a fresh build"


def test_entity_ruler_patterns_are_cached_by_source_digest(tmp_path, monkeypatch, caplog):
    from strife.actor_dictionary import ActorDictionary, ActorEntry
    from strife.settings import get_settings

    monkeypatch.setenv("STRIFE_CACHE_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        d = ActorDictionary.load()
        fresh = d.entity_ruler_patterns()
        files = list(tmp_path.glob("actor-patterns-*.json"))
        assert len(files) == 1 and d._source_digest in files[0].name
        again = ActorDictionary.load()
        assert again._source_digest == d._source_digest and again.entity_ruler_patterns() == fresh
        # a broken cache file is rebuilt, with a warning
        files[0].write_text("{not json", encoding="utf-8")
        with caplog.at_level("WARNING"):
            assert ActorDictionary.load().entity_ruler_patterns() == fresh
        assert "unreadable" in caplog.text
        # entries added after loading: no cache key, patterns built from the entries as they are
        d.add([ActorEntry(name="Zorblat Front", aliases=("Zorblat Liberation Front",), kind="non_state", sector="REB")])
        assert d._source_digest is None
        assert any(p["id"] == "Zorblat Front" for p in d.entity_ruler_patterns())
    finally:
        get_settings.cache_clear()


def test_short_person_names_skip_organisations(d):
    # a person by first and last name without the middle ones
    assert d.lookup("Carlos Menem").name == "Carlos Saul Menem"
    # an organisation the Phoenix files list as a person: its first and last words name no one
    assert d.lookup("Syrian forces") is None
    assert d.describe("the Syrian forces").sector == "MIL"
    extra = ActorDictionary(entries=[
        ActorEntry(name="Zorblat Union of Free Workers", kind="person"),
        ActorEntry(name="Arkadi Petrovich Zorblat", kind="person"),
    ], agents=d.agents)
    assert extra.lookup("Arkadi Zorblat").name == "Arkadi Petrovich Zorblat"
    assert extra.lookup("Zorblat Workers") is None


@pytest.mark.parametrize("noun, sector", [
    ("fundamentalists", "CVL"), ("leaders", "ELI"), ("elders", "ELI"),
    ("inhabitants", "CVL"), ("strikers", "LAB"), ("hostages", "CVL"), ("candidates", "PTY"),
])
def test_generic_agent_nouns_have_a_sector(noun, sector):
    from strife.actor_dictionary import get_actor_dictionary

    assert get_actor_dictionary().lookup_agent(noun) == sector


@pytest.mark.parametrize("text,name", [
    ("12 civilians", "civilians"),
    ("at least 30 soldiers", "soldiers"),
    ("dozens of protesters", "protesters"),
    ("two other civilians", "civilians"),
])
def test_a_counted_description_is_named_without_its_count(d, text, name):
    """The count is the toll's, not the name's: "12 civilians" are "civilians" (gold readings and merging)."""
    e = d.describe(text)
    assert e is not None and e.name == name and text in e.aliases
