"""Trigger recall fixes: plural nouns the lemmatizer leaves alone, lexicon rows added for missed event words,
certainty shared along coordinated ASSAULT verbs -- each with a case that must stay a non-event."""

import pytest

from strife.components.triggers import default_lexicon, find_triggers
from strife.pipeline import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def _triggers(nlp, text):
    doc = nlp(text)
    return {doc[t.i].text: t for t in find_triggers(doc, default_lexicon())}


def test_capitalised_plural_noun_found(nlp):
    got = _triggers(nlp, "Shootings in Belfast had continued last night.")
    assert got["Shootings"].plover_type == "ASSAULT"


def test_coordinated_injured_is_not_weak(nlp):
    got = _triggers(nlp, "They killed 23 Afghan soldiers and injured 40 others.")
    assert not got["killed"].weak and got["injured"].plover_type == "ASSAULT" and not got["injured"].weak


def test_coordination_only_shares_assault(nlp):
    got = _triggers(nlp, "The maneuver involves abdominal thrusts, expelling air and forcing objects from the lungs.")
    assert "expelling" not in got or got["expelling"].weak


def test_enter_needs_armed_cue(nlp):
    armed = _triggers(nlp, "A large force of militants entered Rityan on Thursday.")
    assert armed["entered"].plover_type == "ASSAULT" and not armed["entered"].weak
    plain = _triggers(nlp, "The students entered the building on Thursday.")
    assert "entered" not in plain or plain["entered"].weak


def test_injury_noun_reads_by_cue(nlp):
    blast = _triggers(nlp, "The blast caused the injuries of twelve people.")
    assert not blast["injuries"].weak
    sport = _triggers(nlp, "The quarterback missed the game with a knee injury.")
    assert "injury" not in sport or sport["injury"].weak


def test_exterminate(nlp):
    got = _triggers(nlp, "The militia exterminated the villagers in 1994.")
    assert got["exterminated"].plover_type == "ASSAULT" and "massacre" in got["exterminated"].modes


def test_set_up_deploys_only_a_post_or_a_base(nlp):
    got = _triggers(nlp, "The two countries will set up a joint committee on border security.")
    assert "set" not in got  # a committee is no deployment, so no threat of one either
    got = _triggers(nlp, "The rebels set up checkpoints on the main road.")
    assert got["set"].plover_type == "MOBILIZE"


def test_guard_promised_is_no_threat(nlp):
    got = _triggers(nlp, "The governor said the state would reinforce security for candidates.")
    assert "reinforce" not in got
    got = _triggers(nlp, "Russia said it would reinforce its troops on the border.")
    assert got["reinforce"].plover_type == "THREATEN"


def test_halting_a_campaign_is_a_ceasefire_not_a_sanction(nlp):
    got = _triggers(nlp, "Washington halted its air campaign against the Houthis.")
    assert got["halted"].plover_type == "RETREAT" and got["halted"].cameo == "0871"
    got = _triggers(nlp, "The United States halted military aid to Ukraine.")
    assert got["halted"].plover_type == "SANCTION"


def test_participle_describing_a_noun_is_no_event(nlp):
    got = _triggers(nlp, "The group said it had targeted militias collaborating with the junta.")
    assert "collaborating" not in got and got["targeted"].plover_type == "ASSAULT"
    got = _triggers(nlp, "His party has held several protests demanding his release.")
    assert "demanding" not in got and got["protests"].plover_type == "PROTEST"
    got = _triggers(nlp, "The ministry issued a statement condemning the attack.")
    assert got["condemning"].plover_type == "ACCUSE"  # a statement's participle says what it says


def test_a_natural_cause_of_death_is_no_attack(nlp):
    for text in ("159 people have died of alcohol poisoning in five states.",
                 "Three people were killed in a road accident on Monday.",
                 "One man died of a heart attack.", "Two workers died due to heatstroke."):
        assert not [t for t in _triggers(nlp, text).values() if t.plover_type == "ASSAULT"], text
    doc = nlp("159 people have died of alcohol poisoning.")
    find_triggers(doc, default_lexicon(), rejected=(rejected := []))
    assert [r.reason for r in rejected] == ["natural_cause"]  # set aside, so the classifier adds no attack
    assert _triggers(nlp, "Two soldiers died of their wounds in hospital.")["died"].plover_type == "ASSAULT"


def test_an_accidental_explosion_is_no_attack(nlp):
    text = ("Workers were hurt, seven seriously, when a furnace at a cast iron plant exploded on Thursday morning. "
            "The explosion occurred at a metal works in the industrial estate, police said.")
    assert not [t for t in _triggers(nlp, text).values() if t.plover_type == "ASSAULT"]
    assert not [t for t in _triggers(nlp, "A gas cylinder explosion killed three people in a restaurant.").values()
                if t.plover_type == "ASSAULT"]
    got = _triggers(nlp, "A car bomb exploded near the market, killing five.")
    assert got["exploded"].plover_type == "ASSAULT"


def test_a_vow_of_something_harmless_is_no_threat(nlp):
    got = _triggers(nlp, "The president vowed a thorough investigation into the killings.")
    assert "vowed" not in got
    assert _triggers(nlp, "The militia vowed revenge for the killing.")["vowed"].plover_type == "THREATEN"


def test_an_explosion_caused_by_a_gas_leak_is_no_attack(nlp):
    got = _triggers(nlp, "Two explosions rocked the building on Monday, caused by a gas leak in the basement.")
    assert not [t for t in got.values() if t.plover_type == "ASSAULT"]


def test_the_verbs_own_subject_picks_its_sense(nlp):
    got = _triggers(nlp, "Ukraine's General Staff later said its long-range drones had struck the Syzran refinery.")
    assert got["struck"].plover_type == "ASSAULT"  # drones, not the General Staff, did the striking
    assert _triggers(nlp, "Teachers struck for a third day over pay.")["struck"].plover_type == "PROTEST"


def test_an_explosive_charge_is_no_legal_charge(nlp):
    """"a charge of dynamite", "a dynamite charge": the word's own modifiers pick its weapon sense, whatever "of"
    cues an accusation; "charges of corruption against the minister" stays an accusation."""
    assert "charge" not in _triggers(nlp, "The terrorists placed a charge of dynamite under a bus in Lima.")
    assert "charge" not in _triggers(nlp, "Terrorists detonated a powerful dynamite charge near the pipeline.")
    got = _triggers(nlp, "The opposition levelled charges of corruption against the minister.")
    assert got["charges"].plover_type == "ACCUSE"


def test_naming_something_with_no_sense_cue_is_no_event(nlp):
    got = _triggers(nlp, "The army said its drones hit the depot, calling it a key supplier of fuel to the rebels.")
    assert "calling" not in got
    assert _triggers(nlp, "The two leaders spoke by phone after Macron called him on Monday.")["called"].plover_type == "CONSULT"


def test_withdrawing_a_bill_is_a_concession(nlp):
    got = _triggers(nlp, "President William Ruto withdrew the bill the following day.")
    assert (got["withdrew"].plover_type, got["withdrew"].cameo) == ("CONCEDE", "0832")
    assert _triggers(nlp, "Russia withdrew its ambassador from Vilnius.")["withdrew"].plover_type == "SANCTION"
    assert _triggers(nlp, "The army withdrew its troops from the town.")["withdrew"].plover_type == "RETREAT"


def test_a_bodys_own_meeting_is_no_consultation(nlp):
    got = _triggers(nlp, "In a statement after the board's two-day meeting, the central bank said inflation was sticky.")
    assert "meeting" not in got
    assert _triggers(nlp, "Putin's meeting with Xi lasted three hours.")["meeting"].plover_type == "CONSULT"


def test_a_ring_or_a_suspect_named_after_a_crime_is_no_event(nlp):
    got = _triggers(nlp, "The judge ordered the release of major Alfredo Jimenez and other members of the kidnapping ring.")
    assert "kidnapping" not in got
    assert "bombing" not in _triggers(nlp, "Police questioned the bombing suspect for six hours.")
    assert _triggers(nlp, "Gunmen were behind the kidnapping of two engineers.")["kidnapping"].plover_type == "ASSAULT"
