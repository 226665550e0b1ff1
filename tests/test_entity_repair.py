"""strife_entity_repair: personal names NER cut in two are one PERSON entity again; a name run into its
bracketed acronym ends before the bracket."""

from spacy.tokens import Doc, Span

from strife.pipeline import extract_article
from strife.article import Article


def _ents(nlp, words, tags, ents):
    doc = Doc(nlp.vocab, words=words, tags=tags)
    doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in ents]
    doc = nlp.get_pipe("strife_entity_repair")(doc)
    return [(e.text, e.label_) for e in doc.ents]


def test_two_person_entities_side_by_side_are_one_name(nlp):
    words = ["the", "murder", "of", "Jorge", "Adolfo", "Vargas", "Gonzalez", "."]
    tags = ["DT", "NN", "IN", "NNP", "NNP", "NNP", "NNP", "."]
    assert _ents(nlp, words, tags, [(3, 5, "PERSON"), (5, 7, "PERSON")]) == [("Jorge Adolfo Vargas Gonzalez", "PERSON")]


def test_a_given_name_before_a_person_joins_it(nlp):
    words = ["the", "murder", "of", "Eduardo", "Antonio", "Lopez", "Palencia", "."]
    tags = ["DT", "NN", "IN", "NNP", "NNP", "NNP", "NNP", "."]
    # tagged an organisation
    assert _ents(nlp, words, tags, [(3, 4, "ORG"), (4, 7, "PERSON")]) == [("Eduardo Antonio Lopez Palencia", "PERSON")]
    # or tagged nothing
    words = ["in", "search", "of", "Hector", "Delgado", "Parker", "."]
    tags = ["IN", "NN", "IN", "NNP", "NNP", "NNP", "."]
    assert _ents(nlp, words, tags, [(4, 6, "PERSON")]) == [("Hector Delgado Parker", "PERSON")]


def test_titles_groups_places_and_lists_stay_apart(nlp):
    tags = ["NNP", "NNP", "NNP", "VBD", "."]
    # a rank the actor dictionary knows, a courtesy title
    assert _ents(nlp, ["Colonel", "Rene", "Ponce", "spoke", "."], tags, [(1, 3, "PERSON")]) == [("Rene Ponce", "PERSON")]
    assert _ents(nlp, ["Father", "Ignacio", "Ellacuria", "spoke", "."], tags, [(1, 3, "PERSON")]) \
        == [("Ignacio Ellacuria", "PERSON")]
    # a rank, an office or a descriptor written capitalised before the name (name_titles)
    for title in ("Sergeant", "Jesuit", "Observer", "Secretary"):
        assert _ents(nlp, [title, "Ignacio", "Ellacuria", "spoke", "."], tags, [(1, 3, "PERSON")]) \
            == [("Ignacio Ellacuria", "PERSON")]
    # a group the dictionary knows, a place
    assert _ents(nlp, ["Hamas", "Ismail", "Haniyeh", "spoke", "."], tags, [(0, 1, "ORG"), (1, 3, "PERSON")]) \
        == [("Hamas", "ORG"), ("Ismail Haniyeh", "PERSON")]
    assert _ents(nlp, ["Bogota", "Carlos", "Galan", "spoke", "."], tags, [(0, 1, "GPE"), (1, 3, "PERSON")]) \
        == [("Bogota", "GPE"), ("Carlos Galan", "PERSON")]
    # two people in a list keep their comma; a lower-case or sentence-internal common word is no name
    words = ["Carlos", "Galan", ",", "Jaime", "Pardo", "died", "."]
    assert _ents(nlp, words, ["NNP", "NNP", ",", "NNP", "NNP", "VBD", "."], [(0, 2, "PERSON"), (3, 5, "PERSON")]) \
        == [("Carlos Galan", "PERSON"), ("Jaime Pardo", "PERSON")]
    assert _ents(nlp, ["gunmen", "shot", "Pardo", "Leal", "."], ["NNS", "VBD", "NNP", "NNP", "."], [(2, 4, "PERSON")]) \
        == [("Pardo Leal", "PERSON")]


def test_a_full_name_tagged_otherwise_is_the_person_named_elsewhere(nlp):
    words = ["charged", "with", "the", "murder", "of", "Jaime", "Pardo", "Leal", ".", "Pardo", "Leal", "founded", "it", "."]
    tags = ["VBN", "IN", "DT", "NN", "IN", "NNP", "NNP", "NNP", ".", "NNP", "NNP", "VBD", "PRP", "."]
    for label in ("ORG", "WORK_OF_ART"):
        assert _ents(nlp, words, tags, [(5, 8, label), (9, 11, "PERSON")]) == [("Jaime Pardo Leal", "PERSON"), ("Pardo Leal", "PERSON")]
    # not without the person, not over a group's name or a title
    assert _ents(nlp, words, tags, [(5, 8, "ORG")]) == [("Jaime Pardo Leal", "ORG")]
    words = ["the", "Hamas", "Ismail", "Haniyeh", "office", ".", "Ismail", "Haniyeh", "spoke", "."]
    tags = ["DT", "NNP", "NNP", "NNP", "NN", ".", "NNP", "NNP", "VBD", "."]
    assert _ents(nlp, words, tags, [(1, 4, "ORG"), (6, 8, "PERSON")]) == [("Hamas Ismail Haniyeh", "ORG"), ("Ismail Haniyeh", "PERSON")]


def test_no_name_longer_than_four_words(nlp):
    words = ["Maria", "Elena", "Diaz", "Perez", "Gomez", "died", "."]
    tags = ["NNP"] * 5 + ["VBD", "."]
    assert _ents(nlp, words, tags, [(0, 2, "PERSON"), (2, 5, "PERSON")]) == [("Maria Elena", "PERSON"), ("Diaz Perez Gomez", "PERSON")]


def test_a_name_ends_before_the_bracket_it_does_not_close(nlp):
    words = ["bombed", "the", "Central", "American", "University", "(", "UCA", ")", "today", "."]
    tags = ["VBD", "DT", "NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "NN", "."]
    assert _ents(nlp, words, tags, [(3, 7, "ORG")]) == [("American University", "ORG"), ("UCA", "ORG")]
    # a bracket closed inside the entity stays; one opened at the entity's end leaves nothing of it
    assert _ents(nlp, words, tags, [(2, 8, "ORG")]) == [("Central American University ( UCA )", "ORG")]  # hand-built: spaces
    assert _ents(nlp, ["in", "Kirkuk", "(", "Iraq"], ["IN", "NNP", "-LRB-", "NNP"], [(1, 3, "GPE")]) == [("Kirkuk", "GPE")]


def test_the_victim_is_named_in_full(nlp):
    text = ("GUATEMALA CITY, 10 Feb. The government of Guatemala yesterday strongly condemned the murder of "
            "Jorge Adolfo Vargas Gonzalez, second secretary of the Nicaraguan embassy in Guatemala. Vargas was "
            "murdered yesterday morning in zone 10 of this capital.")
    events = extract_article(Article(text=text, published="1990-02-10"), nlp)
    names = {a.name for e in events for a in e.actors if a.role == "recipient" and a.kind == "person"}
    assert "Jorge Adolfo Vargas Gonzalez" in names and "Vargas Gonzalez" not in names


def test_a_name_takes_the_surnames_after_it(nlp):
    # "Rodriguez Porth" is a PERSON later in the article: NER's "Jose Antonio" takes it
    words = ["of", "Dr", "Jose", "Antonio", "Rodriguez", "Porth", "and", "Rodriguez", "Porth", "died", "."]
    tags = ["IN", "NNP", "NNP", "NNP", "NNP", "NNP", "CC", "NNP", "NNP", "VBD", "."]
    assert _ents(nlp, words, tags, [(2, 4, "PERSON"), (7, 9, "PERSON")]) \
        == [("Jose Antonio Rodriguez Porth", "PERSON"), ("Rodriguez Porth", "PERSON")]
    # untagged surnames that end the run of proper nouns
    words = ["Colonel", "Roberto", "Armando", "Rivera", "Escobar", ",", "who", "died"]
    tags = ["NNP", "NNP", "NNP", "NNP", "NNP", ",", "WP", "VBD"]
    assert _ents(nlp, words, tags, [(1, 3, "PERSON")]) == [("Roberto Armando Rivera Escobar", "PERSON")]
    # not an organisation's or a period's name, not a run that goes on
    words = ["the", "Oscar", "Arnulfo", "Romero", "Federation", "said"]
    tags = ["DT", "NNP", "NNP", "NNP", "NNP", "VBD"]
    assert _ents(nlp, words, tags, [(1, 4, "PERSON")]) == [("Oscar Arnulfo Romero", "PERSON")]
    words = ["Carlos", "Galan", "Zzyq", "Wwrt", "Pplk", "said"]
    tags = ["NNP", "NNP", "NNP", "NNP", "NNP", "VBD"]
    assert _ents(nlp, words, tags, [(0, 2, "PERSON")]) == [("Carlos Galan", "PERSON")]


def test_the_word_alias_is_no_part_of_the_name(nlp):
    words = ["Gonzalo", "Rodriguez", "Gacha", "Alias", '"', "the", "Mexican", '"', "spoke", "."]
    tags = ["NNP", "NNP", "NNP", "NNP", "``", "DT", "NNP", "''", "VBD", "."]
    for label in ("PERSON", "ORG"):
        assert _ents(nlp, words, tags, [(0, 4, label)]) == [("Gonzalo Rodriguez Gacha", "PERSON")]
    words = ["Acevedo", ",", "Alias", "Aureliano", "."]
    assert _ents(nlp, words, ["NNP", ",", "NNP", "NNP", "."], [(2, 4, "PERSON")]) == [("Aureliano", "PERSON")]



def test_a_title_run_into_a_name_cuts_the_entity(nlp):
    words = ["including", "American", "University", "Rector", "Ignacio", "Ellacuria", "and", "two", "women"]
    tags = ["VBG", "NNP", "NNP", "NNP", "NNP", "NNP", "CC", "CD", "NNS"]
    assert _ents(nlp, words, tags, [(1, 6, "ORG")]) == [("American University", "ORG"), ("Ignacio Ellacuria", "PERSON")]
    # a person NER found with its rank keeps it; a title before a single name word is no cut
    words = ["Colonel", "Rene", "Ponce", "spoke", "."]
    assert _ents(nlp, words, ["NNP", "NNP", "NNP", "VBD", "."], [(0, 3, "PERSON")]) == [("Colonel Rene Ponce", "PERSON")]
    words = ["the", "Rector", "Ellacuria", "spoke"]
    assert _ents(nlp, words, ["DT", "NNP", "NNP", "VBD"], [(1, 3, "ORG")]) == [("Rector Ellacuria", "ORG")]
    # an organisation's name is no title and name
    words = ["the", "National", "Rifle", "Association", "said"]
    assert _ents(nlp, words, ["DT", "NNP", "NNP", "NNP", "VBD"], [(1, 4, "ORG")]) == [("National Rifle Association", "ORG")]


def test_a_place_tagged_a_person_is_a_place(nlp):
    # the last word says what kind of place
    words = ["a", "pylon", "in", "La", "Fonda", "Corregimiento", "."]
    tags = ["DT", "NN", "IN", "NNP", "NNP", "NNP", "."]
    assert _ents(nlp, words, tags, [(3, 6, "PERSON")]) == [("La Fonda Corregimiento", "GPE")]
    # a lower-case kind of place after it
    words = ["bombings", "destroyed", "Zacamil", "neighborhood", "."]
    tags = ["NNS", "VBD", "NNP", "NN", "."]
    assert _ents(nlp, words, tags, [(2, 3, "PERSON")]) == [("Zacamil", "GPE")]
    # a bracket that names the province
    words = ["camps", "in", "Puerto", "Lopez", "(", "Meta", "Department", ")", "."]
    tags = ["NNS", "IN", "NNP", "NNP", "-LRB-", "NNP", "NNP", "-RRB-", "."]
    assert _ents(nlp, words, tags, [(2, 4, "PERSON")]) == [("Puerto Lopez", "GPE")]
    # a person stays a person: a bracket with an office, a capitalised word after the name
    words = ["Jose", "Perez", "(", "Meta", "governor", ")", "spoke", "."]
    tags = ["NNP", "NNP", "-LRB-", "NNP", "NN", "-RRB-", "VBD", "."]
    assert _ents(nlp, words, tags, [(0, 2, "PERSON")]) == [("Jose Perez", "PERSON")]
    words = ["Carlos", "Galan", "Village", "Voice", "."]
    assert _ents(nlp, words, ["NNP", "NNP", "NNP", "NNP", "."], [(0, 2, "PERSON")]) == [("Carlos Galan", "PERSON")]


def test_a_quotation_left_open_is_cut_and_a_quoted_site_name_is_a_facility(nlp):
    words = ["guerrillas", "attacked", "the", '"', "La", "Eminencia", '"', "farm", "."]
    tags = ["NNS", "VBD", "DT", "``", "NNP", "NNP", "''", "NN", "."]
    # NER's 'the "La Eminencia' is the name inside the quotation marks, a farm's
    assert _ents(nlp, words, tags, [(2, 6, "ORG")]) == [("La Eminencia", "FAC")]
    # a quoted unit stays a party
    words = ["the", '"', "Atlacatl", '"', "battalion", "attacked", "."]
    tags = ["DT", "``", "NNP", "''", "NN", "VBD", "."]
    assert _ents(nlp, words, tags, [(2, 3, "ORG")]) == [("Atlacatl", "ORG")]


def test_a_nationality_run_into_a_name_is_cut(nlp):
    words = ["with", "Spaniard", "Francisco", "Puja", "."]
    tags = ["IN", "NNP", "NNP", "NNP", "."]
    assert _ents(nlp, words, tags, [(1, 4, "PERSON")]) == [("Francisco Puja", "PERSON")]
    # two words: a nationality and a surname may be all the name there is ("Italian Accurso" stays as NER read it)
    assert _ents(nlp, ["with", "Italian", "Accurso", "."], ["IN", "NNP", "NNP", "."], [(1, 3, "PERSON")]) \
        == [("Italian Accurso", "PERSON")]


def test_a_capitalised_plural_agent_noun_is_no_name(nlp):
    words = ["the", "10", "paid", "Assassins", "opened", "fire", "."]
    tags = ["DT", "CD", "JJ", "NNPS", "VBD", "NN", "."]
    assert _ents(nlp, words, tags, [(3, 4, "PERSON")]) == []
    # a name stays, and so does a nationality or a one-word name that is no agent noun
    assert _ents(nlp, ["Hunter", "spoke", "."], ["NNP", "VBD", "."], [(0, 1, "PERSON")]) == [("Hunter", "PERSON")]
    assert _ents(nlp, ["Kurds", "marched", "."], ["NNPS", "VBD", "."], [(0, 1, "NORP")]) == [("Kurds", "NORP")]
    assert _ents(nlp, ["Congress", "voted", "."], ["NNP", "VBD", "."], [(0, 1, "ORG")]) == [("Congress", "ORG")]


def test_a_surname_tagged_org_after_a_person_joins_the_name(nlp):
    words = ["the", "assassination", "of", "Oscar", "Arnulfo", "Romero", "."]
    tags = ["DT", "NN", "IN", "NNP", "NNP", "NNP", "."]
    assert _ents(nlp, words, tags, [(3, 5, "PERSON"), (5, 6, "ORG")]) == [("Oscar Arnulfo Romero", "PERSON")]
    # an organisation's head noun or a group the dictionary knows stays apart
    words = ["Carlos", "Perez", "Hamas", "spoke", "."]
    assert _ents(nlp, words, ["NNP", "NNP", "NNP", "VBD", "."], [(0, 2, "PERSON"), (2, 3, "ORG")]) \
        == [("Carlos Perez", "PERSON"), ("Hamas", "ORG")]
    words = ["Carlos", "Perez", "Foundation", "spoke", "."]
    assert _ents(nlp, words, ["NNP", "NNP", "NNP", "VBD", "."], [(0, 2, "PERSON"), (2, 3, "ORG")]) \
        == [("Carlos Perez", "PERSON"), ("Foundation", "ORG")]
