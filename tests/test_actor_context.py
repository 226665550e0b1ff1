"""Actor countries from the name and from context: multi-word demonyms, typing slips in a leader's name,
names without middle names, peoples the tagger calls persons, and groups whose country the dictionary
does not give."""

from __future__ import annotations

from datetime import date

import pytest

from strife.actor_dictionary import ActorDictionary, ActorDictionaryError, ActorEntry, _one_slip, get_actor_dictionary
from strife.article import Article
from strife.pipeline import _make_doc


@pytest.mark.parametrize("a, b, ok", [
    ("mitterand", "mitterrand", True),       # deletion
    ("bouteflicka", "bouteflika", True),     # insertion
    ("abdc", "abcd", True),                  # swap of neighbours
    ("putin", "putim", True),                # substitution
    ("santos", "sontas", False),             # two slips
    ("same", "same", False),                 # not a slip
    ("ab", "abcd", False),
])
def test_one_slip(a, b, ok):
    assert _one_slip(a, b) is ok


def _dict(*entries: ActorEntry) -> ActorDictionary:
    return ActorDictionary(entries=list(entries))


def test_fuzzy_person_needs_one_unambiguous_slip():
    d = _dict(ActorEntry(name="Francois Mitterrand", country="FRA", kind="person"),
              ActorEntry(name="Jean Dupont", country="FRA", kind="person"),
              ActorEntry(name="Jean Dupond", country="BEL", kind="person"))
    assert d.lookup_person_fuzzy("Francois Mitterand").name == "Francois Mitterrand"
    assert d.lookup_person_fuzzy("Jean Dupons") is None        # one slip from two people: no match
    assert d.lookup_person_fuzzy("Mitterand") is None          # one word is too little to go on
    assert d.lookup_person_fuzzy("Francois Mitterrand") is None  # exact names are lookup()'s job


def test_fuzzy_person_slip_in_a_short_surname_beside_a_common_given_name_is_another_person():
    # "Carlos Gomez" is a name of its own, not a slip for "Carlos Gomes"; "Shimon Perez" (a rare given name) is Peres
    common = [ActorEntry(name=f"Carlos Name{i}", country="ESP", kind="person") for i in range(12)]
    d = _dict(ActorEntry(name="Carlos Gomes", country="GNB", kind="person"),
              ActorEntry(name="Shimon Peres", country="ISR", kind="person"), *common)
    assert d.lookup_person_fuzzy("Carlos Gomez") is None
    assert d.lookup_person_fuzzy("Shimon Perez").name == "Shimon Peres"


def test_person_without_middle_name():
    d = _dict(ActorEntry(name="Carlos Saul Menem", country="ARG", kind="person"),
              ActorEntry(name="Juan Carlos Perez", country="ARG", kind="person"),
              ActorEntry(name="Juan Manuel Perez", country="CHL", kind="person"))
    assert d.lookup("Carlos Menem").country == "ARG"
    assert d.lookup("Juan Perez") is None  # two different people shorten to it


def test_shipped_dictionary_has_no_bare_compass_alias():
    d = get_actor_dictionary()
    assert d.lookup("South") is None and d.lookup("North") is None
    assert d.demonym_country("South African") == "ZAF"


def _actors(nlp, text):
    return {m.text: m for m in nlp(text)._.strife_actors}


def test_multiword_demonym_before_a_name(nlp):
    got = _actors(nlp, "South African leader F.W. de Klerk met the press on Monday.")
    assert got["F.W. de Klerk"].country == "ZAF"


def test_people_tagged_as_person_is_a_party(nlp):
    got = _actors(nlp, "Bosnian Serbs demanded new talks.")
    m = got["Bosnian Serbs"]
    assert (m.country, m.kind) == ("BIH", "non_state")


def test_group_without_country_takes_its_sentence_country(nlp):
    got = _actors(nlp, "UNITA rebels attacked the town of Huambo in Angola.")
    assert got["UNITA"].country == "AGO"


def test_transnational_group_keeps_no_country(nlp):
    got = _actors(nlp, "Al-Qaeda claimed the bombing in Baghdad.")
    assert got["Al-Qaeda"].country is None


def test_two_countries_in_context_give_none(nlp):
    got = _actors(nlp, "UNITA fighters crossed from Angola into Namibia.")
    assert got["UNITA"].country is None


def test_compound_agent_noun_gives_way_to_the_phrase_head(nlp):
    got = _actors(nlp, "Landowners demanded property seized by Algerian government forces.")
    m = got["Algerian government forces"]
    assert (m.country, m.sector) == ("DZA", "MIL")


def test_demonym_on_the_head_of_a_compound(nlp):
    got = _actors(nlp, "Thousands fled to a Cambodian refugee camp.")
    assert got["refugee"].country == "KHM"


def test_bracketed_short_name_stands_for_the_full_name(nlp):
    from strife.article import Article
    from strife.pipeline import _make_doc

    text = ("The Nigerian Union of Teachers (NUT) called off a strike on Thursday. "
            "Later the NUT said teachers would return to work.")
    doc = nlp(_make_doc(nlp, Article(text=text)))
    shorts = [m for m in doc._.strife_actors if m.text == "NUT"]
    assert len(shorts) == 2
    assert all(m.name == "The Nigerian Union of Teachers" and m.country == "NGA" for m in shorts)


@pytest.mark.parametrize("text, capital, iso", [
    ("Washington along with its allies demanded that Hamas renounce its armed struggle.", "Washington", "USA"),
    ("Poland's parliament has demanded an immediate admission by Moscow of the killings.", "Moscow", "RUS"),
    ("Tehran rejected the proposal on Monday.", "Tehran", "IRN"),
])
def test_a_capital_in_an_agent_position_is_its_government(nlp, text, capital, iso):
    doc = nlp(text)
    found = [m for m in doc._.strife_actors if m.text == capital]
    assert found and (found[0].country, found[0].sector, found[0].kind, found[0].how) == (iso, "GOV", "state", "metonym")


@pytest.mark.parametrize("text, capital", [
    ("The two delegations met in Washington on Monday.", "Washington"),
    ("Flights from Moscow were cancelled after the storm.", "Moscow"),
])
def test_a_capital_as_a_place_is_no_actor(nlp, text, capital):
    doc = nlp(text)
    assert not [m for m in doc._.strife_actors if m.text == capital and m.how == "metonym"]


@pytest.mark.parametrize("text", [
    "Arab League Secretary General Karim Haddad met the envoy on Monday.",
    "Arab League Secretary-General Karim Haddad met the envoy on Monday.",
])
def test_a_two_word_title_outranks_its_words(nlp, text):
    found = [m for m in nlp(text)._.strife_actors if m.text.endswith("Karim Haddad")]
    assert found and found[0].sector == "GOV"  # a secretary general, not a military general


def test_earlier_coding_by_period_and_by_the_words_used():
    e = ActorEntry.from_json_dict({
        "name": "Zorblat Movement", "country": "AFG", "sector": "GOV", "kind": "state",
        "earlier": {"since": "2001-11-13", "until": "2021-08-15", "sector": "REB", "kind": "non_state"}})
    assert e.coding_on(None) == ("GOV", "state")                      # undated: today's coding
    assert e.coding_on(date(2015, 6, 1)) == ("REB", "non_state")
    assert e.coding_on(date(2021, 8, 15)) == ("GOV", "state")         # 'until' is the first day of the new coding
    assert e.coding_on(date(1998, 1, 1)) == ("GOV", "state")          # before 'since'
    assert e.coding_on(None, as_rebels=True) == ("REB", "non_state")
    assert ActorEntry.from_json_dict(e.to_json_dict()) == e
    with pytest.raises(ActorDictionaryError):
        ActorEntry.from_json_dict({"name": "X", "earlier": {"until": "last year"}})
    with pytest.raises(ActorDictionaryError):
        ActorEntry.from_json_dict({"name": "X", "earlier": {"until": "2020-01-01", "side": "REB"}})


@pytest.mark.parametrize("text, published, sector", [
    ("The Taliban captured a district in Kunduz province, police said.", None, "GOV"),
    ("The Taliban captured a district in Kunduz province, police said.", date(2015, 6, 1), "REB"),
    ("Taliban insurgents captured a district in Kunduz province, police said.", None, "REB"),
])
def test_taliban_coded_for_the_date_of_the_report(nlp, text, published, sector):
    doc = nlp(_make_doc(nlp, Article(text=text, published=published)))
    taliban = [m for m in doc._.strife_actors if m.name == "Taliban"]
    assert taliban and taliban[0].sector == sector


def test_petrarch_dated_codes_give_the_sector_of_the_day():
    e = ActorEntry(name="Zorblat Prime", country="USA", sector="ELI", kind="person",
                   codes=("USAELI 19290101-810120", "USAGOV 810120-890120", "USAELI 890120-040101", "note: x"))
    assert e.coding_on(date(1985, 1, 1)) == ("GOV", "person")
    assert e.coding_on(date(1995, 1, 1)) == ("ELI", "person")
    assert e.coding_on(None) == ("ELI", "person")                               # undated: the entry's own
    assert ActorEntry(name="Q", sector="REB", codes=("AFGREB",)).coding_on(date(1985, 1, 1)) == ("REB", "unknown")


@pytest.mark.parametrize("text, name, sector", [
    ("Russian President Boris Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro Hashimoto.", "Boris Yeltsin", "GOV"),
    ("U.S. Secretary of State Warren Christopher telephoned his Russian counterpart on Tuesday.", "Warren Christopher", "GOV"),
    ("Former President Ronald Reagan spoke in California on Monday.", "Ronald Reagan", "ELI"),
    ("Ousted President Askar Akayev has agreed to resign.", "Askar Akayev", "ELI"),
    ("Palestinian Prime Minister Ismail Haniyeh rejected the offer on Sunday.", "Ismail Haniyeh", "GOV"),
    ("The Bush administration declared Tuesday that China must drop barriers.", "George Bush", "GOV"),
])
def test_a_title_in_the_name_outranks_the_elite_code_unless_former(nlp, text, name, sector):
    found = [m for m in nlp(text)._.strife_actors if m.name == name]
    assert found and found[0].sector == sector


@pytest.mark.parametrize("text, people, iso", [
    ("Palestinians protested in Gaza on Friday.", "Palestinians", "PSE"),
    ("Serbian police attacked Albanians in Pristina.", "Albanians", "ALB"),
])
def test_a_plural_demonym_is_its_peoples_civilians(nlp, text, people, iso):
    got = _actors(nlp, text)[people]
    assert (got.sector, got.kind, got.country) == ("CVL", "non_state", iso)
    assert got.name.endswith("civilians")


def test_intelligence_officials_are_intelligence():
    assert get_actor_dictionary().describe("Israeli intelligence officials").sector == "SPY"


def test_a_title_before_a_name_is_no_actor_of_its_own(nlp):
    doc = nlp("President Omar Hassan al-Bashir has taken several steps to enhance political freedoms in Sudan.")
    texts = [m.text for m in doc._.strife_actors]
    assert "President" not in texts
    bashir = [m for m in doc._.strife_actors if m.text == "Omar Hassan al-Bashir"]
    assert bashir and bashir[0].sector == "GOV"


@pytest.mark.parametrize("text, people, iso", [
    ("Ethnic Albanians in south Serbia demanded autonomy.", "Albanians", "SRB"),
    ("One third of ethnic Albanian guerrillas operating in Macedonia have been demobilized.",
     "ethnic Albanian guerrillas", "MKD"),
    ("Hundreds of ethnic Turks protested in Stockholm on Monday.", "Turks", "SWE"),
    ("Iraqi troops in Syria attacked the town.", "Iraqi troops", "IRQ"),   # troops abroad stay their state's
    ("Albanians protested in Tirana.", "Albanians", "ALB"),
])
def test_an_ethnic_group_is_of_the_country_it_lives_in(nlp, text, people, iso):
    assert _actors(nlp, text)[people].country == iso


def test_an_unknown_person_takes_the_one_country_of_the_sentence(nlp):
    got = _actors(nlp, "Judge Zorbalo Quintanilla opened an inquiry into the killings in Santiago, Chile.")
    person = [m for m in got.values() if m.kind == "person"]
    assert person and person[0].country == "CHL" and person[0].country_from_context


def test_opposition_groups_are_opposition():
    d = get_actor_dictionary()
    assert d.lookup_agent("opposition groups") == "OPP" and d.lookup_agent("opposition supporters") == "OPP"


def test_fullest_name_needs_one_person():
    from strife.components.actors import fullest_name
    names = [(["jorge", "gonzalez", "llucra"], "J"), (["mario", "gonzalez", "llucra"], "M"), (["gonzalez"], "G")]
    assert fullest_name(names, ["gonzalez"]) is None              # two people share the surname
    assert fullest_name(names, ["jorge", "gonzalez"]) == "J"
    assert fullest_name(names, ["jorge", "gonzalez", "llucra"]) is None  # nothing fuller
    assert fullest_name([(["carlos", "pizarro"], "C"), (["carlos", "pizarro", "leongomez"], "L")], ["pizarro"]) == "L"


def test_a_shortened_name_is_the_person_named_in_full(nlp):
    got = _actors(nlp, "Gunmen killed Victor Manuel Veliz Duarte in Guatemala City on Monday. "
                       "Police said Veliz Duarte had received threats.")
    assert got["Veliz Duarte"].name == "Victor Manuel Veliz Duarte"
    got = _actors(nlp, "Jorge Gonzalez Llucra and Mario Gonzalez Llucra were shot. Gonzalez was a judge.")
    assert got["Gonzalez"].name == "Gonzalez"


def test_every_mention_of_a_person_takes_the_country_one_of_them_has(nlp):
    got = _actors(nlp, "EU ministers in Brussels on Monday listed the judge who sentenced activist Ihar Rusetski "
                       "in Paris and Berlin. Rusetski, 41, was sentenced in Homel, Belarus, to seven years.")
    assert got["Ihar Rusetski"].country == "BLR" and got["Rusetski"].country == "BLR"


def test_the_state_named_after_a_person_outranks_a_namesakes_entry(nlp):
    got = _actors(nlp, "King Hassan of Morocco said he would host a meeting.")
    assert got["Hassan"].country == "MAR"


def test_a_possessive_ending_is_not_part_of_the_party(nlp):
    got = _actors(nlp, "The army's delegation said in a statement that the RSF must withdraw from Khartoum.")
    assert "The army" in got and "The army's" not in got
    m = got["The army"]
    assert m.end_char - m.start_char == len("The army")


def test_subject_pronoun_of_a_dependent_clause_is_the_main_clauses_subject(nlp):
    doc = nlp("The Group for the Support of Islam and Muslims (JNIM), an al Qaeda affiliate, claimed "
              "responsibility for the attack, saying it had targeted the base.")
    it = next(m for m in doc._.strife_actors if m.text == "it")
    assert it.name == "Jama'at Nusrat al-Islam wal-Muslimin"  # not al-Qaeda, the last name before it


def test_a_surname_that_is_a_month_in_a_date_is_no_mention(nlp):
    doc = nlp("Prime Minister Theresa May promised a review. Neighbours of the man who carried out the "
              "May 22 concert bombing accused the police. May said the review would start soon.")
    date_at = doc.text.index("May 22")
    assert not [m for m in doc._.strife_actors if m.start_char == date_at]
    said_at = doc.text.index("May said")
    assert [m.text for m in doc._.strife_actors if m.start_char == said_at] == ["May"]


def test_a_name_the_place_recogniser_resolved_as_a_town_is_no_party(nlp):
    doc = nlp("Gunmen killed three soldiers near Gao on Monday.")
    assert [p.text for p in doc._.strife_places if p.place is not None] == ["Gao"]
    assert "Gao" not in [m.text for m in doc._.strife_actors]


def test_it_is_no_plural_description(nlp):
    """"Seven soldiers were wounded and about 20 attackers were killed ..., it added": "it" is the army (it stood
    for "about 20 attackers", the last mention before it)."""
    acts = _actors(nlp, "Fighters attacked an army post on Sunday, the army said in a statement. Seven soldiers "
                        "were wounded and about 20 attackers were killed in the counter-offensive, it added.")
    assert acts["it"].name == "army"


def test_a_group_named_after_no_group_claimed_is_no_antecedent(nlp):
    """"... about 20 attackers were killed ... No group immediately claimed responsibility, but an al Qaeda
    affiliate, JNIM, has carried out similar attacks in the area": the attackers are not JNIM (a suspect the
    article names after them); a group named in the next sentence still counts where nobody disowns a claim."""
    acts = _actors(nlp, "Fighters stormed an army post in Djibo on Sunday and about 20 attackers were killed. No "
                        "group immediately claimed responsibility, but an al Qaeda affiliate, JNIM, has carried out "
                        "similar attacks in the area.")
    att = acts["about 20 attackers"]
    assert att.how != "coref" and att.name == "attackers"
    acts = _actors(nlp, "Fighters stormed an army post in Djibo on Sunday and about 20 attackers were killed. "
                        "JNIM, an al Qaeda affiliate, claimed responsibility.")
    assert acts["about 20 attackers"].how == "coref"


def test_local_clan_militias_are_no_group_named_elsewhere(nlp):
    """"Somali forces backed by local clan militias recaptured the town from al Shabaab": the clan militias are
    the forces' allies, not al-Shabaab (they were resolved to it)."""
    found = _actors(nlp, "Somali government forces backed by local clan militias recaptured the town from "
                         "al Shabaab militants on Friday.")
    assert found["local clan militias"].name != "al-Shabaab"


def test_its_of_a_subject_no_party_names_is_no_earlier_party(nlp):
    """"The Libyan health ministry said ... The fighting erupted after the 444 Brigade detained one of its rivals":
    "its" is the brigade's (it was the health ministry's, the last party named, and the detainee "Libya
    government")."""
    doc = nlp("At least 18 people were killed in clashes in Tripoli, the Libyan health ministry said on Tuesday. "
              "The fighting erupted after the 444 Brigade detained one of its rivals at Mitiga airport.")
    assert not any(a.text == "its" for a in doc._.strife_actors)


def test_a_country_named_as_where_is_no_antecedent_of_they(nlp):
    """"The American military operations in Panama were clumsy: there they set a whole neighborhood on fire":
    "they" is the American military, not Panama, the place after "in"."""
    doc = nlp("The American military operations in Panama were clumsy: there they set a whole neighborhood on fire.")
    they = next(m for m in doc._.strife_actors if m.text == "they")
    assert they.name == "United States Armed Forces"


def test_a_day_of_a_month_is_no_group(nlp):
    """Phoenix lists "17 November" as an alias of Greece's Revolutionary Organization 17 November: in running
    text it is a date."""
    acts = _actors(nlp, "The Jesuits were murdered last Friday (17 November) by uniformed men in San Salvador.")
    assert "17 November" not in acts
    assert not any(m.name == "Revolutionary Organization 17 November" for m in acts.values())
    assert _actors(nlp, "Revolutionary Organization 17 November claimed the bombing.")[
        "Revolutionary Organization 17 November"].country == "GRC"


def test_people_the_text_does_not_identify_are_no_group_named_before(nlp):
    acts = _actors(nlp, "The ELN guerrillas attacked a pipeline. Uniformed men murdered six priests on Thursday. "
                        "Masked gunmen later shot a judge.")
    assert acts["Uniformed men"].name == "Uniformed men"
    assert acts["Masked gunmen"].name == "Masked gunmen"
