"""The learned role filler: candidates, features, the numpy scorer, decoding, the ``strife_roles``
component on parsed text, and (with ../shared) a small deterministic training run."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

from strife.article import Article
from strife.pipeline import _make_doc
from strife.rolefill import candidates, doc_candidates
from strife.rolefill.model import ROLES, RoleModel, Scored, decode, normalize


def _doc(nlp, text):
    return nlp(_make_doc(nlp, Article(text=text, published=datetime.date(1989, 11, 17))))


KIDNAP = ("Terrorists of the Farabundo Marti National Liberation Front kidnapped Antonio Rodriguez Porth "
          "in San Salvador yesterday. The guerrillas also set fire to a bus on the highway.")


def test_normalize_is_grit_like() -> None:
    assert normalize('The "Extraditables"') == "extraditables"
    assert normalize("an electric-power substation.") == "electricpower substation"


def test_candidates_cover_phrases_and_variants(nlp) -> None:
    doc = _doc(nlp, KIDNAP)
    texts = {doc[c.start:c.end].text: c for c in candidates(doc)}
    assert "Antonio Rodriguez Porth" in texts
    assert "a bus" in texts or "bus" in texts
    # the phrase with its "of" complement and without it
    assert "Terrorists of the Farabundo Marti National Liberation Front" in texts
    assert "Terrorists" in texts
    assert "of" in texts["Terrorists of the Farabundo Marti National Liberation Front"].variants
    for c in texts.values():
        assert c.start <= c.head < c.end
        assert not doc[c.start].is_punct and not doc[c.end - 1].is_punct


def test_features_read_the_parse(nlp) -> None:
    doc = _doc(nlp, KIDNAP)
    cands, feats, info = doc_candidates(doc)
    by_text = {t: f for (t, _, _), f in zip(info, feats)}
    victim = by_text["Antonio Rodriguez Porth"]
    assert "dobj|gov=kidnap" in victim and "all_propn" in victim
    assert "ent=PERSON" in victim
    bus = by_text.get("a bus") or by_text["bus"]
    assert "prep=to|gov=fire" in bus or "facility_noun" in bus
    assert "doc_viol=0" not in bus  # the text reports violent events
    # an organisation found by the actor dictionary is keyed by its canonical name
    keys = {t: k for t, k, _ in info}
    assert keys["Farabundo Marti National Liberation Front"] == keys.get("FMLN", keys["Farabundo Marti National Liberation Front"])


def _toy_model() -> RoleModel:
    vocab = ["bias", "dep=nsubj", "ent=PERSON", "facility_noun"]
    W = np.array([[0, 0, 0, 0], [4, 0, 0, 0], [0, 0, 0, 4], [0, 0, 4, 0]], dtype=np.float32)
    return RoleModel(vocab, list(ROLES), W, np.full(4, -2.0, dtype=np.float32), {r: 0.5 for r in ROLES}, {})


def test_model_scores_and_round_trips(tmp_path) -> None:
    m = _toy_model()
    P = m.proba([["bias", "dep=nsubj"], ["ent=PERSON"], [], ["unknown-feature"]])
    assert P.shape == (4, 4)
    assert P[0, 0] > 0.8 and P[1, 3] > 0.8
    assert np.allclose(P[2], 1 / (1 + np.exp(2.0))) and np.allclose(P[3], P[2])
    path = m.save(tmp_path, "role_toy")
    back = RoleModel.load_from(tmp_path, "role_toy")
    assert np.allclose(back.proba([["dep=nsubj"]]), m.proba([["dep=nsubj"]]), atol=1e-3)
    assert back.thresholds == m.thresholds and path.name == "role_toy.json"
    assert back.gate(["w=anything"]) == 1.0  # no gate: every document passes


def test_gate_round_trips_and_suppresses_fills(tmp_path, nlp) -> None:
    from strife.components.roles import fill_roles

    m = _toy_model()
    m.gate_weights, m.gate_bias, m.gate_threshold, m.max_per_role = {"vt=kidnap": 3.0, "w=weather": -3.0}, -1.0, 0.5, 2
    assert m.gate(["vt=kidnap"]) > 0.8 and m.gate(["w=weather"]) < 0.1 and m.gate([]) < 0.5
    back = RoleModel.load_from(tmp_path, m.save(tmp_path, "role_gate").stem)
    assert back.gate_weights == m.gate_weights and (back.gate_threshold, back.max_per_role) == (0.5, 2)
    art = Article(text=KIDNAP, published=datetime.date(1989, 11, 17))
    with nlp.select_pipes(disable=["strife_roles"]):
        doc = nlp(_make_doc(nlp, art))
    from strife.rolefill.features import gate_features

    assert "vt=kidnap" in gate_features(doc) and any(f.startswith("nviol=") for f in gate_features(doc))
    assert fill_roles(doc, back)  # the gate lets a kidnapping report through
    back.gate_weights = {"vt=kidnap": -5.0}
    assert fill_roles(doc, back) == []  # and a rejected document gets no fillers


def test_decode_suppresses_overlaps_and_repeated_entities() -> None:
    def s(start, end, text, key, p, name_like=False):
        return Scored(start, end, text, key, name_like, np.array(p))

    scored = [
        s(0, 3, "the urban guerrillas", "urban guerrillas", [0.9, 0.1, 0, 0]),
        s(1, 3, "urban guerrillas", "urban guerrillas", [0.8, 0.1, 0, 0]),          # overlaps a better one
        s(10, 11, "guerrillas", "guerrillas", [0.7, 0.2, 0, 0]),
        s(20, 22, "Hector Oqueli", "hector oqueli", [0, 0, 0, 0.6], True),
        s(30, 33, "Hector Oqueli Colindres", "hector oqueli colindres", [0, 0, 0, 0.9], True),  # same person
        s(40, 41, "FMLN", "fmln", [0.3, 0.6, 0, 0]),                                  # its best role only
        s(50, 51, "bus", "bus", [0, 0, 0.2, 0]),                                      # below threshold
    ]
    fills = decode(scored, ROLES, {r: 0.5 for r in ROLES})
    got = {(f.role, scored[f.index].text) for f in fills}
    assert got == {("perp_ind", "the urban guerrillas"), ("perp_ind", "guerrillas"),
                   ("victim", "Hector Oqueli Colindres"), ("perp_org", "FMLN")}


def test_component_puts_fillers_on_violent_records(nlp) -> None:
    from strife.components.roles import RoleComponent, fill_roles
    from strife.assemble import frames_to_events

    assert "strife_roles" in nlp.pipe_names
    art = Article(text=KIDNAP, published=datetime.date(1989, 11, 17))
    with nlp.select_pipes(disable=["strife_roles"]):
        doc = nlp(_make_doc(nlp, art))
    model = _toy_model()
    fills = fill_roles(doc, model)
    assert fills and all(f.prob >= 0.5 for f in fills)
    by_role = {f.role: f for f in fills}
    victim = by_role["victim"]
    assert doc.text[victim.start_char:victim.end_char] == victim.text == "Antonio Rodriguez Porth"
    recs = frames_to_events(doc, art)
    violent = [r for r in recs if r.plover.type in ("ASSAULT", "COERCE", "FIGHT")]
    assert violent
    found = [a for r in violent for a in r.actors if a.text == "Antonio Rodriguez Porth"]
    assert found and found[0].role == "recipient" and found[0].kind == "person"
    assert tuple(found[0].span) == (victim.start_char, victim.end_char)
    # through the registered component, with the shipped model
    doc2 = RoleComponent()(nlp(_make_doc(nlp, art)))
    assert isinstance(doc2._.strife_role_fills, list)


def test_shipped_model_loads() -> None:
    m = RoleModel.load()
    assert m.roles == list(ROLES)
    assert set(m.thresholds) == set(ROLES) and all(0 < v < 1 for v in m.thresholds.values())
    assert len(m.vocab) > 1000 and m.metadata.get("cv_f1", 0) > 0.2
    assert len(m.gate_weights) > 100 and 0 <= m.gate_threshold < 1 and m.max_per_role >= 1


def test_training_is_deterministic(shared) -> None:
    pytest.importorskip("sklearn")
    from strife.rolefill.train import fit, muc_examples

    ex = muc_examples("train", limit=12)
    assert sum(int(e.labels.sum()) for e in ex) > 0  # some candidates match gold fillers
    a, b = fit(ex), fit(ex)
    assert a.vocab == b.vocab and np.array_equal(a.W, b.W)
    from strife.rolefill.train import fit_gate, gate_oof

    assert all(e.gate_feats for e in ex)
    assert fit_gate(ex) == fit_gate(ex) and gate_oof(ex, 3) == gate_oof(ex, 3)
    with pytest.raises(ValueError):
        muc_examples("dev", limit=1)


def test_rule_roles_the_model_would_not_pick_are_dropped_on_its_side(nlp, monkeypatch) -> None:
    import strife.components.roles as comp

    # victims only: the model picks a recipient (the person), no perpetrator
    vocab = ["bias", "ent=PERSON"]
    W = np.array([[0, 0, 0, 0], [0, 0, 0, 6]], dtype=np.float32)
    model = RoleModel(vocab, list(ROLES), W, np.full(4, -3.0, dtype=np.float32), {r: 0.5 for r in ROLES}, {})

    def rule_roles(prune: bool):
        monkeypatch.setattr(comp, "PRUNE_RULE_ROLES", prune)
        with nlp.select_pipes(disable=["strife_roles"]):
            doc = _doc(nlp, "Guerrillas attacked a bus and killed Antonio Rodriguez Porth in San Salvador yesterday.")
        fills = comp.fill_roles(doc, model)
        assert [f.role for f in fills] == ["victim"]
        return [(r.role, r.mention.text) for fr in doc._.strife_events if fr.plover_type in comp.VIOLENT_TYPES
                for m in fr.mentions for r in m.roles if r.how != "model"], doc

    before, _ = rule_roles(False)
    after, doc = rule_roles(True)
    assert any(role == "recipient" for role, _ in before)
    # the actor side, where the model picked nobody, keeps every rule role
    assert [x for x in after if x[0] == "actor"] == [x for x in before if x[0] == "actor"]
    # on the recipient side only what the model would pick (a person) survives
    kept = [t for role, t in after if role == "recipient"]
    assert len(kept) < len([1 for role, _ in before if role == "recipient"])
    assert all(any(e.label_ == "PERSON" and e.start_char <= doc.text.index(t) < e.end_char for e in doc.ents) for t in kept)


def test_decode_per_role_caps() -> None:
    def s(start, text, p):
        return Scored(start, start + 1, text, text, False, np.array(p))

    scored = [s(0, "a", [0, 0, 0.9, 0]), s(2, "b", [0, 0, 0.8, 0]), s(4, "c", [0, 0, 0.7, 0]),
              s(6, "d", [0.9, 0, 0, 0]), s(8, "e", [0.8, 0, 0, 0])]
    th = {r: 0.5 for r in ROLES}
    got = decode(scored, ROLES, th, 6, {"target": 2})
    assert [scored[f.index].text for f in got if f.role == "target"] == ["a", "b"]  # the two best
    assert len([f for f in got if f.role == "perp_ind"]) == 2                       # the common cap
    assert len(decode(scored, ROLES, th, 1)) == 2


def test_person_filler_takes_the_fullest_name() -> None:
    from strife.components.roles import _fullest_name

    persons = [(["federico", "estrada", "velez"], 10, 32, "Federico Estrada Velez"), (["velez"], 50, 55, "Velez")]
    assert _fullest_name(persons, "velez") == (10, 32, "Federico Estrada Velez")
    assert _fullest_name(persons, "federico estrada velez") is None  # already the fullest
    two = [(["jorge", "gonzalez", "llucra"], 0, 20, "Jorge Gonzalez Llucra"),
           (["mario", "gonzalez", "llucra"], 30, 50, "Mario Gonzalez Llucra")]
    assert _fullest_name(two, "gonzalez llucra") is None  # two people: no guess


def test_model_caps_survive_save_and_load(tmp_path) -> None:
    m = RoleModel(["bias"], list(ROLES), np.zeros((1, 4), dtype=np.float32), np.zeros(4, dtype=np.float32),
                  {r: 0.5 for r in ROLES}, {}, {"w=x": 0.5}, 0.0, 0.2, 6, {"perp_org": 1, "target": 3})
    m.save(tmp_path, "rf")
    back = RoleModel.load_from(tmp_path, "rf")
    assert back.caps == {"perp_org": 1, "target": 3} and back.max_per_role == 6


def test_the_speaker_is_no_victim(nlp) -> None:
    """"Police arrested two suspects on Sunday, Governor Diego Sinhue Rodriguez said": the model's person
    filler nearest the arrest was the governor, who told it."""
    from strife.pipeline import extract_article

    recs = extract_article(Article(id="g", text="Gunmen burst into a bar in Guanajuato late Saturday and opened "
                                   "fire, killing 11 people, prosecutors said. Police arrested two suspects on Sunday, "
                                   "Governor Diego Sinhue Rodriguez said on social media.",
                                   published=datetime.date(2024, 6, 25)))
    assert not any("Rodriguez" in a.text and a.role == "recipient" for r in recs for a in r.actors)


def test_names_in_the_attackers_phrase_are_no_victims(nlp) -> None:
    """"mercenaries identified as John Owen, Dave Tomkins, ...": the model's person fillers are the attackers'
    names, inside the rules' actor phrase, not who was hit."""
    from strife.pipeline import extract_article

    recs = extract_article(Article(id="m", text="The report indicates that British and Israeli mercenaries identified "
                                   "as John Owen, Dave Tomkins, R. Paxton, and P. Atherton entered Colombia through "
                                   "Eldorado international airport in July.", published=datetime.date(1989, 9, 1)))
    recipients = {a.text for r in recs for a in r.actors if a.role == "recipient"}
    assert recs and not recipients & {"Dave Tomkins", "R. Paxton", "P. Atherton"}


def test_a_named_unit_that_staged_the_attacks_stays_beside_the_models_actor(nlp) -> None:
    """"Urban Commando units staged simultaneous attacks": the subject of the attack noun's light verb, an armed unit
    the text names, is kept by the role model's pruning like the subject of an attack verb."""
    from strife.pipeline import extract_article

    recs = extract_article(Article(id="u", text="The Farabundo Marti National liberation front (FMLN) reports that Urban "
                                   "Commando units staged simultaneous attacks on the 1St Infantry Brigade headquarters "
                                   "and the National police headquarters at 1830 on Thursday.",
                                   published=datetime.date(1989, 5, 27)))
    actors = {a.text for r in recs if r.plover.type == "ASSAULT" for a in r.actors if a.role == "actor"}
    assert "Urban Commando units" in actors
