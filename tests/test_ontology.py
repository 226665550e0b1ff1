"""Tests for strife.ontology: the PLOVER/CAMEO/ACLED data files and the crosswalks between them."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

from strife import ontology as ont
from strife.ontology import (
    OntologyError,
    acled_event_type,
    acled_from_case_label,
    acled_sub_event_types,
    cameo_code,
    cameo_codes,
    cameo_name,
    cameo_pentaclass,
    cameo_to_plover,
    case_label_from_acled,
    case_labels,
    is_cameo_code,
    is_plover_context,
    is_plover_mode,
    is_plover_type,
    legacy_plover,
    legacy_plover_mode,
    load_ontology,
    normalize_context,
    normalize_mode,
    plover_contexts,
    plover_modes,
    plover_to_acled,
    plover_to_cameo,
    plover_types,
    triggers,
    triggers_for,
    weapon_nouns,
)
from strife.settings import get_settings

REPO = Path(__file__).resolve().parents[1]

PLOVER_16 = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
             "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]

ACLED_25 = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}

CASE_SEEN = ["ABDUCT_DISSAP", "AGREEMENT", "AIR_STRIKE", "ARMED_CLASH", "ARREST", "ART_MISS_ATTACK", "ATTACK",
             "CHANGE_TO_GROUP_ACT", "CHEM_WEAP", "DISR_WEAP", "FORCE_AGAINST_PROTEST", "GOV_REGAINS_TERIT", "GRENADE",
             "HQ_ESTABLISHED", "MOB_VIOL", "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER", "OTHER",
             "PEACE_PROTEST", "PROPERTY_DISTRUCT", "PROTEST_WITH_INTER", "REM_EXPLOS", "SEX_VIOL", "SUIC_BOMB",
             "VIOL_DEMONSTR"]
CASE_UNSEEN = ["ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"]


def _shared_data() -> Path | None:
    shared = get_settings().shared_dir
    return shared / "data" if shared is not None and (shared / "data").is_dir() else None


needs_shared = pytest.mark.skipif(_shared_data() is None,
                                  reason="shared data directory not found (set STRIFE_SHARED_DIR)")


# ------------------------------------------------------------------------------------------ PLOVER


def test_sixteen_plover_types_in_manual_order():
    assert list(plover_types()) == PLOVER_16


def test_modes_and_contexts():
    assert "aerial" in plover_modes("ASSAULT")
    assert {"heavy-weapons", "explosives", "suicide-attack", "firearms", "abduct", "sexual"} <= set(plover_modes("ASSAULT"))
    assert plover_modes("AGREE") == ()
    assert set(plover_modes("CONSULT")) >= {"visit", "phone", "third-party"}
    assert {"military", "cbrn", "terrorism", "future", "hypothetical"} <= set(plover_contexts())
    assert is_plover_mode("PROTEST", "riot") and not is_plover_mode("PROTEST", "aerial")
    assert is_plover_type("ASSAULT") and not is_plover_type("FIGHT")
    assert is_plover_context("military") and not is_plover_context("refugees")
    with pytest.raises(KeyError):
        plover_modes("FIGHT")


@pytest.mark.parametrize("old,new,mode", [("FIGHT", "ASSAULT", None), ("DISAPPROVE", "ACCUSE", "disapprove"),
                                          ("DEMAND", "REQUEST", None), ("INVESTIGATE", "ACCUSE", "investigate"),
                                          ("assault", "ASSAULT", None)])
def test_legacy_names(old, new, mode):
    assert legacy_plover(old) == new
    assert legacy_plover_mode(old) == mode


def test_legacy_unknown_raises():
    with pytest.raises(ValueError, match="neither"):
        legacy_plover("BOMBARD")


def test_mode_and_context_aliases():
    assert normalize_mode("PROTEST", "demo-org") == "demo"
    assert normalize_mode("PROTEST", "hunger") == "strike-hun"
    assert normalize_mode("COERCE", "detain") == "arrest"
    assert normalize_mode("ASSAULT", "other") is None
    assert normalize_mode("ASSAULT", "Aerial") == "aerial"
    assert normalize_context("refugees") == "migration"
    assert normalize_context("nonsense") is None


# ------------------------------------------------------------------------------------------ CAMEO


def test_every_cameo_code_maps_to_a_valid_plover_type():
    for code in cameo_codes():
        reading = cameo_to_plover(code)
        if code.startswith("01"):
            assert reading is None, code  # PLOVER does not code public statements
            continue
        assert reading is not None, code
        ptype, mode = reading
        assert ptype in PLOVER_16, code
        assert mode is None or mode in plover_modes(ptype), (code, mode)
        for c in cameo_code(code).plover_context:
            assert is_plover_context(c), (code, c)


def test_cameo_table_is_complete():
    codes = set(cameo_codes())
    assert len(codes) > 300
    for root in range(1, 21):
        assert f"{root:02d}" in codes
        assert f"{root:02d}0" in codes
    assert {"0871", "1823", "1831", "2041", "173", "057"} <= codes


def test_cameo_names():
    assert cameo_name("195") == "Employ aerial weapons, not specified below"
    assert cameo_name("041") == "Discuss by telephone"
    assert cameo_name("111") == "Criticize or denounce"
    assert is_cameo_code("0871") and not is_cameo_code("999") and not is_cameo_code("87")
    with pytest.raises(KeyError):
        cameo_name("999")
    with pytest.raises(TypeError):
        cameo_name(41)  # type: ignore[arg-type]


def test_cameo_quad_classes():
    assert cameo_code("041").quad_class == 1
    assert cameo_code("073").quad_class == 2
    assert cameo_code("111").quad_class == 3
    assert cameo_code("195").quad_class == 4


@pytest.mark.parametrize("code,cls", [(None, 0), ("", 0), ("010", 0), ("0214", 0), ("02", 0), ("030", 1), ("057", 1),
                                      ("060", 2), ("0871", 2), ("090", 3), ("1385", 3), ("140", 4), ("195", 4),
                                      ("2042", 4)])
def test_pentaclass(code, cls):
    assert cameo_pentaclass(code) == cls


@pytest.mark.parametrize("bad", ["21", "00", "abc", "1", "19512"])
def test_pentaclass_rejects_malformed(bad):
    with pytest.raises(ValueError):
        cameo_pentaclass(bad)


def test_plover_to_cameo_defaults_exist_for_every_type_and_read_back():
    for t in PLOVER_16:
        code = plover_to_cameo(t)
        assert is_cameo_code(code)
        assert cameo_to_plover(code)[0] == t, (t, code)
        for m in plover_modes(t):
            code = plover_to_cameo(t, m)
            back = cameo_to_plover(code)
            assert back is not None and back[0] == t, (t, m, code, back)


def test_plover_to_cameo_specific():
    assert plover_to_cameo("ASSAULT", "aerial") == "195"
    assert plover_to_cameo("ASSAULT", ["aerial"]) == "195"
    assert plover_to_cameo("ASSAULT", "suicide-attack") == "1831"
    assert plover_to_cameo("CONSULT", "phone") == "041"
    assert plover_to_cameo("ACCUSE", "disapprove") == "111"
    assert plover_to_cameo("FIGHT") == plover_to_cameo("ASSAULT")
    assert plover_to_cameo("ASSAULT", "no-such-mode") == plover_to_cameo("ASSAULT")


# ------------------------------------------------------------------------------------------ round trips


def test_round_trip_195_aerial_air_strike():
    assert cameo_to_plover("195") == ("ASSAULT", "aerial")
    assert plover_to_acled("ASSAULT", "aerial") == ("Explosions/Remote violence", "Air/drone strike")
    assert case_label_from_acled("Air/drone strike") == "AIR_STRIKE"
    assert acled_from_case_label("AIR_STRIKE") == ("Explosions/Remote violence", "Air/drone strike")
    assert plover_to_cameo("ASSAULT", "aerial") == "195"


def test_round_trip_111_and_041():
    assert cameo_to_plover("111") == ("ACCUSE", "disapprove")
    assert plover_to_acled("ACCUSE", "disapprove") is None
    assert cameo_to_plover("041") == ("CONSULT", "phone")
    assert plover_to_acled("CONSULT", "phone") is None


def test_acled_sub_types_read_back_through_their_plover_reading():
    """Each ACLED sub-type's own PLOVER reading, plus the cue that separates it, maps back to it."""
    cues = {
        "Government regains territory": dict(hints=["regain"]),
        "Non-state actor overtakes territory": dict(hints=["territory"], actor_kinds=["non_state"]),
        "Grenade": dict(hints=["grenade"]),
        "Attack": dict(recipient_sectors=["CVL"]),
        "Protest with intervention": dict(hints=["intervention"]),
        "Excessive force against protesters": dict(hints=["protesters"]),
        "Mob violence": dict(hints=["mob"]),
        "Agreement": dict(hints=["agreement"]),
        "Disrupted weapons use": dict(hints=["disrupted"]),
        "Headquarters or base established": dict(hints=["hq"]),
        "Change to group/activity": dict(),
        "Other": None,  # ACLED's residual class: reached from specific readings, not its own
    }
    for sub in acled_sub_event_types():
        a = ont.acled_sub_type(sub)
        extra = cues.get(sub, {})
        if extra is None:
            continue
        got = plover_to_acled(a.plover_type, a.plover_mode, context=a.plover_context, **extra)
        assert got == (a.event_type, sub), (sub, got)


def test_other_is_reachable():
    assert plover_to_acled("COERCE", "curfew") == ("Strategic developments", "Other")


# ------------------------------------------------------------------------------------------ ACLED


def test_all_25_acled_sub_types_present():
    assert len(acled_sub_event_types()) == 25
    for etype, subs in ACLED_25.items():
        for s in subs:
            assert acled_event_type(s) == etype
    assert set(ont.acled_event_types()) == set(ACLED_25)


def test_case_labels_map_to_acled():
    assert len(case_labels()) == 30
    seen = set()
    for label in CASE_SEEN:
        pair = acled_from_case_label(label)
        assert pair is not None, label
        assert case_label_from_acled(pair[1]) == label
        seen.add(pair[1])
    assert seen == set(acled_sub_event_types())
    for label in CASE_UNSEEN:
        assert acled_from_case_label(label) is None
    assert acled_from_case_label("air_strike") == ("Explosions/Remote violence", "Air/drone strike")
    with pytest.raises(KeyError):
        acled_from_case_label("NOT_A_LABEL")


@needs_shared
def test_case_labels_cover_the_shared_note():
    note = (_shared_data() / "case2021-task2" / "event_types_note.txt").read_text(encoding="utf-8")
    labels = {ln.strip() for ln in note.splitlines() if ln.strip().isupper() and " " not in ln.strip()
              and not ln.strip().endswith(":")}
    labels = {x for x in labels if "_" in x or x in {"ATTACK", "ARREST", "AGREEMENT", "GRENADE", "OTHER", "DIPLO", "ATTRIB"}}
    assert labels and labels <= set(case_labels())


@pytest.mark.parametrize("args,expected", [
    (dict(type_name="CONSULT"), None),
    (dict(type_name="AGREE"), None),
    (dict(type_name="AGREE", hints=["ceasefire"]), ("Strategic developments", "Agreement")),
    (dict(type_name="ACCUSE", mode="allege"), None),
    (dict(type_name="THREATEN", mode="violence"), None),
    (dict(type_name="REQUEST"), None),
    (dict(type_name="ASSAULT", mode="heavy-weapons", recipient_sectors=["CVL"]),
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    (dict(type_name="ASSAULT", mode="explosives"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    (dict(type_name="ASSAULT", mode="explosives", hints=["grenade"]), ("Explosions/Remote violence", "Grenade")),
    (dict(type_name="ASSAULT", mode="suicide-attack"), ("Explosions/Remote violence", "Suicide bomb")),
    (dict(type_name="ASSAULT", mode="cbrn"), ("Explosions/Remote violence", "Chemical weapon")),
    (dict(type_name="ASSAULT", mode="firearms"), ("Battles", "Armed clash")),
    (dict(type_name="ASSAULT", mode="firearms", recipient_sectors=["cvl"]), ("Violence against civilians", "Attack")),
    (dict(type_name="ASSAULT", mode=["sexual"]), ("Violence against civilians", "Sexual violence")),
    (dict(type_name="FIGHT"), ("Battles", "Armed clash")),
    (dict(type_name="PROTEST", mode="demo"), ("Protests", "Peaceful protest")),
    (dict(type_name="PROTEST", mode="riot"), ("Riots", "Violent demonstration")),
    (dict(type_name="PROTEST", mode="demo-org"), ("Protests", "Peaceful protest")),
    (dict(type_name="COERCE", mode="arrest"), ("Strategic developments", "Arrests")),
    (dict(type_name="COERCE", mode="deport"), None),
    (dict(type_name="COERCE", mode="seize", context=["military"], actor_kinds=["state"]),
     ("Battles", "Government regains territory")),
    (dict(type_name="COERCE", mode="seize", context=["military"], actor_kinds=["non_state"]),
     ("Battles", "Non-state actor overtakes territory")),
    (dict(type_name="RETREAT", mode="withdraw"), ("Strategic developments", "Non-violent transfer of territory")),
    (dict(type_name="MOBILIZE", mode="troops", hints=["hq"]), ("Strategic developments", "Headquarters or base established")),
])
def test_plover_to_acled(args, expected):
    assert plover_to_acled(**args) == expected


def test_plover_to_acled_rejects_unknown_hint():
    with pytest.raises(ValueError, match="hint"):
        plover_to_acled("ASSAULT", hints=["bazooka"])


def test_every_plover_type_has_an_acled_answer():
    for t in PLOVER_16:
        r = plover_to_acled(t)
        assert r is None or ont.is_acled_sub_event_type(r[1])


# ------------------------------------------------------------------------------------------ triggers


def test_trigger_lexicon_is_broad_and_valid():
    rows = triggers()
    assert len(rows) >= 400
    types_covered = {t.plover_type for t in rows}
    assert types_covered == set(PLOVER_16)
    for t in rows:
        assert t.plover_type in PLOVER_16
        assert t.plover_mode is None or t.plover_mode in plover_modes(t.plover_type), t
        assert is_cameo_code(t.cameo), t
        assert cameo_to_plover(t.cameo)[0] == t.plover_type, (t.lemma, t.cameo)
        if t.acled_sub_event_type:
            assert ont.is_acled_sub_event_type(t.acled_sub_event_type)
        if t.is_ambiguous and len(triggers_for(t.lemma, t.pos)) > 1 and t is not triggers_for(t.lemma, t.pos)[0]:
            assert t.cues, f"non-default sense of {t.lemma}/{t.pos} needs cues"
    keys = [(t.lemma, t.pos, t.plover_type, t.plover_mode, t.cues) for t in rows]
    assert len(keys) == len(set(keys)), "duplicate trigger rows"


REQUIRED = ["kill", "attack", "strike", "airstrike", "bomb", "shell", "fire", "ambush", "clash", "fight", "raid",
            "abduct", "kidnap", "arrest", "detain", "execute", "behead", "massacre", "assassinate", "shoot", "stab",
            "loot", "torch", "burn", "destroy", "protest", "demonstrate", "rally", "march", "riot", "condemn",
            "denounce", "criticize", "accuse", "blame", "threaten", "warn", "call", "meet", "visit", "talk",
            "negotiate", "sign", "agree", "ceasefire", "sanction", "designate", "ban", "expel", "impose", "aid",
            "deliver", "support", "withdraw", "retreat", "release", "free", "deploy", "mobilize", "seize", "capture",
            "recapture", "take control", "surrender", "rape"]


@pytest.mark.parametrize("lemma", REQUIRED)
def test_required_vocabulary(lemma):
    assert triggers_for(lemma), lemma


def test_strike_is_marked_ambiguous_with_a_labour_sense():
    senses = triggers_for("strike", "NOUN")
    assert {s.plover_type for s in senses} == {"ASSAULT", "PROTEST"}
    assert all(s.is_ambiguous for s in senses)
    labour = [s for s in senses if s.plover_type == "PROTEST"][0]
    assert "workers" in labour.cues


@pytest.mark.parametrize("lemma,mode,sub", [
    ("rocket", "heavy-weapons", "Shelling/artillery/missile attack"),
    ("missile", "heavy-weapons", "Shelling/artillery/missile attack"),
    ("mortar", "heavy-weapons", "Shelling/artillery/missile attack"),
    ("artillery", "heavy-weapons", "Shelling/artillery/missile attack"),
    ("airstrike", "aerial", "Air/drone strike"),
    ("drone", "aerial", "Air/drone strike"),
    ("air raid", "aerial", "Air/drone strike"),
    ("warplane", "aerial", "Air/drone strike"),
    ("ied", "explosives", "Remote explosive/landmine/IED"),
    ("car bomb", "explosives", "Remote explosive/landmine/IED"),
    ("landmine", "explosives", "Remote explosive/landmine/IED"),
    ("explosion", "explosives", "Remote explosive/landmine/IED"),
    ("suicide bomber", "suicide-attack", "Suicide bomb"),
    ("grenade", "explosives", "Grenade"),
    ("chlorine", "cbrn", "Chemical weapon"),
    ("sarin", "cbrn", "Chemical weapon"),
])
def test_weapon_nouns_drive_mode(lemma, mode, sub):
    t = triggers_for(lemma, "NOUN")[0]
    assert t.is_weapon_noun
    assert t.plover_mode == mode
    assert t.acled_sub_event_type == sub
    got = plover_to_acled(t.plover_type, t.plover_mode, context=t.plover_context, hints=t.hints)
    assert got == (acled_event_type(sub), sub)


def test_weapon_nouns_listed():
    assert len(weapon_nouns()) >= 60


# ------------------------------------------------------------------------------------------ validation


def _copy_data(tmp_path: Path) -> Path:
    dst = tmp_path / "ontology"
    shutil.copytree(ont.DATA_DIR, dst)
    return dst


def test_loader_rejects_unknown_mode_in_triggers(tmp_path):
    d = _copy_data(tmp_path)
    p = d / "triggers.tsv"
    p.write_text(p.read_text(encoding="utf-8") + "zap\tVERB\tASSAULT\tlaser\t\t190\t\t\t\t\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="laser"):
        load_ontology(d)


def test_loader_rejects_unknown_type_in_cameo(tmp_path):
    d = _copy_data(tmp_path)
    p = d / "cameo.tsv"
    p.write_text(p.read_text(encoding="utf-8").replace("\t193\tFight with", "\t193\tFight with", 1)
                 .replace("ASSAULT\tfirearms\tmilitary\t4", "FIGHT\tfirearms\tmilitary\t4", 1), encoding="utf-8")
    with pytest.raises(OntologyError, match="FIGHT"):
        load_ontology(d)


def test_loader_rejects_missing_catch_all(tmp_path):
    d = _copy_data(tmp_path)
    p = d / "plover_to_acled.tsv"
    lines = [ln for ln in p.read_text(encoding="utf-8").splitlines() if not ln.startswith("SANCTION\t")]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="SANCTION"):
        load_ontology(d)


def test_loader_rejects_bad_plover_json(tmp_path):
    d = _copy_data(tmp_path)
    doc = json.loads((d / "plover.json").read_text(encoding="utf-8"))
    doc["legacy_types"]["FIGHT"]["type"] = "BRAWL"
    (d / "plover.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(OntologyError, match="BRAWL"):
        load_ontology(d)


# ------------------------------------------------------------------------------------------ shared data


@needs_shared
def test_cameo_table_is_up_to_date_with_the_crosswalk():
    spec = importlib.util.spec_from_file_location("build_ontology", REPO / "scripts" / "build_ontology.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.modules.pop(spec.name, None)
    built = mod.render(mod.build_rows(_shared_data()))
    assert built == (ont.DATA_DIR / "cameo.tsv").read_text(encoding="utf-8"), \
        "cameo.tsv is stale: run python scripts/build_ontology.py"


@needs_shared
def test_gold_record_events_and_modes_are_valid():
    recs = json.loads((_shared_data() / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))[1:]
    assert len(recs) == 322
    for r in recs:
        t = legacy_plover(r["event"])
        mode = r.get("mode")
        if mode and mode != "None":
            nm = normalize_mode(t, mode)
            assert nm is None or is_plover_mode(t, nm)


@needs_shared
def test_gold_record_triggers_mostly_covered():
    """Most gold event phrases contain a lexicon word whose senses include the gold type (a floor, not a model)."""
    recs = json.loads((_shared_data() / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))[1:]
    lemmas = {t.lemma for t in triggers()}
    covered = 0
    for r in recs:
        words = r["eventText"].lower().replace("-", " ").split()
        # crude lemma-free match: word or word minus common inflections
        cands = set()
        for w in words:
            for suf in ("", "s", "es", "ed", "d", "ing"):
                if suf and w.endswith(suf):
                    cands.add(w[: -len(suf)])
                cands.add(w)
        if cands & lemmas:
            covered += 1
    assert covered / len(recs) >= 0.6


@pytest.mark.parametrize("args,expected", [
    (dict(type_name="ASSAULT", hints=["Attack"]), ("Violence against civilians", "Attack")),
    (dict(type_name="ASSAULT", mode="explosives", hints=["Grenade"]), ("Explosions/Remote violence", "Grenade")),
    (dict(type_name="ASSAULT", mode="firearms", hints=["Air/drone strike"]), ("Battles", "Armed clash")),
    (dict(type_name="AGREE", hints=["Agreement"]), ("Strategic developments", "Agreement")),
    (dict(type_name="ACCUSE", hints=["Agreement"]), None),
    (dict(type_name="ASSAULT", hints=["protesters", "Attack"]), ("Protests", "Excessive force against protesters")),
])
def test_acled_sub_type_suggestions(args, expected):
    """A trigger's ACLED sub-type may be passed as a hint; it refines mode-only and default rows only."""
    assert plover_to_acled(**args) == expected


def test_trigger_acled_column_agrees_with_the_crosswalk():
    """Passing a trigger's own reading and hints (and its ACLED column as a suggestion) yields its ACLED column,
    except where the column needs context the lexicon cannot know (recipients, actor kinds)."""
    mismatches = []
    for t in triggers():
        if not t.acled_sub_event_type:
            continue
        got = plover_to_acled(t.plover_type, t.plover_mode, context=t.plover_context,
                              hints=[*t.hints, t.acled_sub_event_type])
        if got is None or got[1] != t.acled_sub_event_type:
            mismatches.append((t.lemma, t.pos, t.acled_sub_event_type, got))
    assert not mismatches, mismatches[:20]
