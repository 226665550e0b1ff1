"""Tests for the hand-written leaders dictionary (src/strife/data/actors/leaders.jsonl) and its merge."""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from strife.actor_dictionary import ActorDictionary, ActorEntry, get_actor_dictionary, normalize, read_actor_jsonl

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "strife" / "data" / "actors"
LEADERS = DATA / "leaders.jsonl"

SECTORS = {"GOV", "MIL", "SPY", "LEG", "JUD", "IGO", "REB", "MILITIA", "INS", "CRM", "OPP", "PTY"}
USER_ASSIGNED_ISO3 = {"XKX"}  # Kosovo: not in ISO 3166-1, used by curated.jsonl too
# bare names far too common to stand for one person
GENERIC = {"ahmed", "ahmad", "mohammed", "mohamed", "muhammad", "ali", "hassan", "hussein", "omar", "abdullah",
           "khan", "kim", "lee", "park", "li", "wang", "singh", "sharif", "saleh", "abbas", "mustafa", "ibrahim",
           "aoun", "barzani", "haqqani", "duterte", "gandhi", "castro", "shinawatra", "rajapaksa", "sadr",
           "houthi", "al houthi", "gaddafi family", "bashir", "al bashir", "maliki", "al maliki", "sudani",
           "al sudani", "baghdadi", "al baghdadi", "mehsud", "maute", "hadi", "cohen", "miller", "allen"}


@pytest.fixture(scope="module")
def leaders() -> list[ActorEntry]:
    return read_actor_jsonl(LEADERS, default_source="curated")


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return get_actor_dictionary()


# ---------------------------------------------------------------- the data file

def test_file_parses_and_size(leaders):
    assert 400 <= len(leaders) <= 1000
    for line in LEADERS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            obj = json.loads(line)
            assert set(obj) <= {"name", "aliases", "country", "sector", "kind", "affiliation"}, obj


def test_entries_are_well_formed(leaders):
    for e in leaders:
        assert e.kind == "person", e.name
        assert e.sector in SECTORS, (e.name, e.sector)
        if e.country is not None:
            assert e.country in USER_ASSIGNED_ISO3 or pycountry.countries.get(alpha_3=e.country), (e.name, e.country)
        for iso in e.affiliation:
            assert pycountry.countries.get(alpha_3=iso), (e.name, iso)
        if e.sector == "IGO":
            assert e.country is None, f"{e.name}: IGO officials act for the organisation, not a country"
        assert e.name == e.name.strip() and "  " not in e.name


def test_no_duplicate_names_or_aliases(leaders):
    names = [normalize(e.name) for e in leaders]
    dupes = {n for n in names if names.count(n) > 1}
    assert not dupes, f"duplicate canonical names: {sorted(dupes)}"
    owners: dict[str, set[str]] = defaultdict(set)
    for e in leaders:
        for a in e.all_names:
            owners[normalize(a)].add(e.name)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared, f"aliases naming two people: {shared}"


def test_no_alias_taken_from_curated(leaders):
    curated = read_actor_jsonl(DATA / "curated.jsonl", default_source="curated")
    taken = {normalize(a): e.name for e in curated for a in e.all_names}
    clash = {a: taken[normalize(a)] for e in leaders for a in e.all_names if normalize(a) in taken}
    assert not clash, f"leaders.jsonl aliases already used in curated.jsonl: {clash}"


def test_no_generic_bare_names(leaders):
    bad = {(e.name, a) for e in leaders for a in e.all_names if normalize(a) in GENERIC}
    assert not bad, f"non-distinctive bare names used as aliases: {sorted(bad)}"


# ---------------------------------------------------------------- lookups in the shipped dictionary

@pytest.mark.parametrize("text,name,country,sector", [
    ("President Donald Trump", "Donald Trump", "USA", "GOV"),
    ("Donald Trump", "Donald Trump", "USA", "GOV"),
    ("Trump", "Donald Trump", "USA", "GOV"),
    ("Defense Secretary Mark Esper", "Mark Esper", "USA", "GOV"),
    ("Mark Esper", "Mark Esper", "USA", "GOV"),
    ("Vladimir Putin", "Vladimir Putin", "RUS", "GOV"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "UKR", "GOV"),
    ("Zelensky", "Volodymyr Zelensky", "UKR", "GOV"),
    ("Benjamin Netanyahu", "Benjamin Netanyahu", "ISR", "GOV"),
    ("Abiy Ahmed", "Abiy Ahmed", "ETH", "GOV"),
    ("Bola Tinubu", "Bola Tinubu", "NGA", "GOV"),
    ("Ebrahim Raisi", "Ebrahim Raisi", "IRN", "GOV"),
    ("Masoud Pezeshkian", "Masoud Pezeshkian", "IRN", "GOV"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "TUR", "GOV"),
    ("Bashar al-Assad", "Bashar al-Assad", "SYR", "GOV"),
    ("Ahmed al-Sharaa", "Ahmed al-Sharaa", "SYR", "GOV"),
    ("Abu Mohammed al-Julani", "Ahmed al-Sharaa", "SYR", "GOV"),
    ("Mohammed Shia al-Sudani", "Mohammed Shia al-Sudani", "IRQ", "GOV"),
    ("Adel Abdul-Mahdi", "Adel Abdul-Mahdi", "IRQ", "GOV"),
    ("Abdul-Mahdi", "Adel Abdul-Mahdi", "IRQ", "GOV"),
    ("Abdul Mahdi", "Adel Abdul-Mahdi", "IRQ", "GOV"),
    ("Abdel-Mahdi", "Adel Abdul-Mahdi", "IRQ", "GOV"),
    ("Abdel Fattah al-Burhan", "Abdel Fattah al-Burhan", "SDN", "MIL"),
    ("Mohamed Hamdan Dagalo (Hemedti)", "Mohamed Hamdan Dagalo", "SDN", "MILITIA"),
    ("Hemedti", "Mohamed Hamdan Dagalo", "SDN", "MILITIA"),
    ("Narendra Modi", "Narendra Modi", "IND", "GOV"),
    ("Shehbaz Sharif", "Shehbaz Sharif", "PAK", "GOV"),
    ("Min Aung Hlaing", "Min Aung Hlaing", "MMR", "MIL"),
    ("Xi Jinping", "Xi Jinping", "CHN", "GOV"),
    ("Kim Jong-un", "Kim Jong Un", "PRK", "GOV"),
    ("António Guterres", "Antonio Guterres", None, "IGO"),
    ("Abu Bakr al-Baghdadi", "Abu Bakr al-Baghdadi", "IRQ", "REB"),
    ("Hassan Nasrallah", "Hassan Nasrallah", "LBN", "MILITIA"),
    ("Yahya Sinwar", "Yahya Sinwar", "PSE", "REB"),
    ("Abdul-Malik al-Houthi", "Abdul-Malik al-Houthi", "YEM", "REB"),
    ("Khalifa Haftar", "Khalifa Haftar", "LBY", "MILITIA"),
    ("Abubakar Shekau", "Abubakar Shekau", "NGA", "REB"),
    ("Qassem Soleimani", "Qassem Soleimani", "IRN", "MIL"),
    ("Abu Mahdi al-Muhandis", "Abu Mahdi al-Muhandis", "IRQ", "MILITIA"),
    ("Muqtada al-Sadr", "Muqtada al-Sadr", "IRQ", "MILITIA"),
    ("Prigozhin", "Yevgeny Prigozhin", "RUS", "MILITIA"),
])
def test_lookup(d, text, name, country, sector):
    e = d.lookup(text)
    assert e is not None, text
    assert (e.name, e.country, e.sector, e.kind) == (name, country, sector, "person")


def test_affiliations_and_precedence(d):
    assert d.lookup("Nasrallah").affiliation == ("IRN",)
    assert d.lookup("Mazloum Abdi").affiliation == ("USA",)
    assert d.lookup("Sultani Makenga").affiliation == ("RWA",)
    # leaders win person names that Phoenix filed under a group or regime
    assert d.lookup("Hezbollah").kind == "non_state"
    assert d.lookup("Assad").kind == "person"
    assert d.lookup("Assad regime").kind == "state"
    for bare in ("Kim", "Ahmed", "Sharif", "Khan"):
        e = d.lookup(bare)
        assert e is None or e.kind != "person" or e.source != "curated", bare


def test_patterns_find_titled_mentions(d):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": None, "annotate_ents": True, "overwrite": True})
    ruler.add_patterns(d.entity_ruler_patterns())
    doc = nlp("Iraqi Prime Minister Adel Abdul-Mahdi spoke to Defense Secretary Mark Esper after Kata'ib "
              "Hizballah fighters attacked. Abdul-Mahdi later met Hemedti.")
    ids = {e.ent_id_ for e in doc.ents}
    assert {"Adel Abdul-Mahdi", "Mark Esper", "Kataeb Hezbollah", "Mohamed Hamdan Dagalo"} <= ids


# ---------------------------------------------------------------- the build merge

def _shared_data() -> Path | None:
    env = os.environ.get("STRIFE_SHARED_DIR")
    base = Path(env) if env else REPO.parent / "shared"
    base = base / "data" if (base / "data").is_dir() else base
    return base if (base / "phoenix-dictionaries").is_dir() else None


@pytest.mark.skipif(_shared_data() is None, reason="shared Phoenix dictionaries (../shared/data) not available")
def test_build_merges_leaders_after_curated(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_actor_dictionary", REPO / "scripts" / "build_actor_dictionary.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name in ("curated.jsonl", "demonyms_curated.tsv", "agents_curated.tsv"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "leaders.jsonl").write_text(
        "# test leaders\n"
        + json.dumps({"name": "Zorblax Quimby", "aliases": ["KH", "Quimby"], "country": "IRQ",
                      "sector": "MILITIA", "kind": "person"}) + "\n", encoding="utf-8")
    mod.build(_shared_data(), tmp_path)
    entries = read_actor_jsonl(tmp_path / "actors.jsonl.gz", default_source="phoenix")
    built = ActorDictionary(entries=entries)
    assert built.lookup("KH").name == "Kataeb Hezbollah"  # curated wins the alias both name
    q = built.lookup("Quimby")
    assert (q.name, q.country, q.kind) == ("Zorblax Quimby", "IRQ", "person")
    assert built.lookup("Donald Trump") is None  # the leaders file in --out-dir replaces the shipped one
