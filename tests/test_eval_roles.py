"""Role/actor evaluation (strife.evaluation.roles): scoring rules, loaders, and floors on samples.

Floors are what the current pipeline measures on the same sample, rounded down; full runs:
``python -m strife.evaluation.roles``.
"""

from __future__ import annotations

import pytest

from strife.evaluation import roles
from strife.evaluation.roles import Score, ceaf_ree, normalize_grit

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# ---------------------------------------------------------------- scoring rules (no data needed)

def test_grit_normalisation() -> None:
    assert normalize_grit('THE "EXTRADITABLES"') == "extraditables"
    assert normalize_grit("An  Electric-Power substation.") == "electricpower substation"


def test_ceaf_ree_strict_matching() -> None:
    gold = [["tank truck", "truck"], ["guerrillas"]]
    assert ceaf_ree([["truck"]], gold) == 1.0
    assert ceaf_ree([["truck"], ["tank truck"]], gold) == 1.0  # one gold entity matches one prediction
    assert ceaf_ree([["truck", "bus"]], gold) == 0.0          # phi_strict: every predicted mention must be gold
    assert ceaf_ree([["truck"], ["guerrillas"]], gold) == 2.0
    assert ceaf_ree([], gold) == 0.0


def test_score_arithmetic() -> None:
    s = Score()
    s.add(2, 4, 5)
    s += Score(1, 1, 1)
    assert (s.precision, s.recall) == (0.6, 0.5)
    assert abs(s.f1 - 2 * 0.6 * 0.5 / 1.1) < 1e-9
    assert Score().f1 == 0.0


def test_muc_text_joins_lines_and_rejects_unknown_mode() -> None:
    assert roles.muc_text("THE ARMY\nDENIED IT.\n\nNEXT.", mode="raw") == "THE ARMY DENIED IT.\n\nNEXT."
    with pytest.raises(ValueError, match="unknown MUC text mode"):
        roles.muc_text("X", mode="lower")


def test_muc_text_drops_transcription_notes_and_keeps_speakers() -> None:
    """FBIS notes ("(WORDS INDISTINCT)") are no words of the report (they came out as a victim
    "Indistinct"); a paragraph's speaker label reads as "Name: "; an acronym in parentheses stays."""
    raw = "THE FARABUNDO MARTI FRONT (FMLN) (WORDS\nINDISTINCT) SAID.\n\n   (REPORTER) (BEGIN RECORDING) HOW DID IT OCCUR?"
    assert roles.muc_text(raw, mode="raw") == "THE FARABUNDO MARTI FRONT (FMLN) SAID.\n\n   REPORTER: HOW DID IT OCCUR?"


def test_truecase_keeps_dotted_initials_and_starts_sentences_after_a_speaker() -> None:
    out = roles.truecase("THE U.S. EMBASSY WAS ATTACKED.\n\n   REPORTER: HOW DID IT OCCUR?")
    assert "U.S." in out and "U.s" not in out
    assert "Reporter: How did" in out


def test_muc_predictions_count_assault_records_only() -> None:
    """A MUC-4 template is a terrorist incident: strife's ASSAULT records; the actors of an arrest
    (COERCE) or a military engagement (FIGHT) are no template's fillers."""
    from strife.records import Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    def ev(ptype, text):
        actor = Actor(role="actor", name=text, text=text, span=(0, len(text)), kind="person")
        return Event(event_id=ptype, article=ArticleRef(text_sha256="0"), plover=Plover(type=ptype), actors=[actor],
                     date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))

    events = [ev("ASSAULT", "Hector Oqueli"), ev("COERCE", "Jose Perez"), ev("FIGHT", "Juan Lopez")]
    assert roles.MUC_TYPES == frozenset({"ASSAULT"})
    assert [t for t, _ in roles.muc_predictions(events)["perp_individual_id"]] == ["Hector Oqueli"]
    every = roles.muc_predictions(events, roles.VIOLENT_TYPES)["perp_individual_id"]
    assert [t for t, _ in every] == ["Hector Oqueli", "Jose Perez", "Juan Lopez"]


def test_muc_predictions_leave_out_attacks_on_combatants_only() -> None:
    """An attack whose every target is a combatant (soldiers, rebels) is a military engagement, no MUC-4
    incident; one that hit a civilian, a person or a building beside them is."""
    from strife.records import Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    def ev(actor, *recipients):
        parties = [Actor(role="actor", name=actor, text=actor, span=(0, 1), kind="non_state", sector="REB")] + [
            Actor(role="recipient", name=t, text=t, span=(0, 1), sector=sec) for t, sec in recipients]
        return Event(event_id="e", article=ArticleRef(text_sha256="0"), plover=Plover(type="ASSAULT"), actors=parties,
                     date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))

    assert not any(roles.muc_predictions([ev("FMLN", ("Belloso battalion troops", "MIL"))]).values())
    assert not any(roles.muc_predictions([ev("the army", ("the guerrillas", "REB"))]).values())
    got = roles.muc_predictions([ev("FMLN", ("soldiers", "MIL"), ("a bus", None))])
    assert [t for t, _ in got["perp_organization_id"]] == ["FMLN"] and [t for t, _ in got["phys_tgt_id"]] == ["a bus"]
    assert [t for t, _ in roles.muc_predictions([ev("FMLN")])["perp_organization_id"]] == ["FMLN"]


def test_muc_members_of_a_named_force_give_the_force_as_organisation() -> None:
    from strife.records import Actor

    def a(text):
        return Actor(role="actor", name=text, text=text, span=(0, len(text)), sector="MIL")

    got = roles._group_and_members(a("the Guatemalan army troops"))
    assert [x.text for x in got] == ["Guatemalan army", "the Guatemalan army troops"]
    assert [x.text for x in roles._group_and_members(a("Atonal battalion troops"))] == ["Atonal battalion",
                                                                                      "Atonal battalion troops"]
    assert [x.text for x in roles._group_and_members(a("army troops"))] == ["army troops"]  # no name before
    assert [x.text for x in roles._group_and_members(a("the troops"))] == ["the troops"]


def test_muc_predictions_list_each_entity_once() -> None:
    """An entity-level answer names each entity once: "Embassy" after "embassy", "plane" after "the State
    Department Hercules C-123 cargo plane" and "terrorists" after "a group of terrorists" are the same entity."""
    from strife.records import Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    def ev(*recipients, actors=()):
        parties = [Actor(role="recipient", name=t, text=t, span=(0, len(t))) for t in recipients] + [
            Actor(role="actor", name=t, text=t, span=(0, len(t))) for t in actors]
        return Event(event_id="e", article=ArticleRef(text_sha256="0"), plover=Plover(type="ASSAULT"), actors=parties,
                     date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))

    got = roles.muc_predictions([ev("embassy", "the State Department Hercules C-123 cargo plane",
                                    actors=("a group of terrorists",)),
                                 ev("Embassy", "plane", "a bookstore", actors=("terrorists", "gunmen"))])
    assert [t for t, _ in got["phys_tgt_id"]] == ["embassy", "the State Department Hercules C-123 cargo plane", "a bookstore"]
    assert [t for t, _ in got["perp_individual_id"]] == ["a group of terrorists", "gunmen"]
    assert roles._same_entity("plane", "cargo plane") and not roles._same_entity("plane", "planet")


def test_muc_role_mapping() -> None:
    from strife.records import Actor

    fac = frozenset({"station", "building"})
    def a(role, text, kind="unknown", sector=None, name=None):
        return Actor(role=role, name=name or text, text=text, span=(0, len(text)), kind=kind, sector=sector)
    assert roles.muc_role_of(a("actor", "guerrillas"), fac) == "perp_individual_id"
    assert roles.muc_role_of(a("actor", "the armed forces"), fac) == "perp_organization_id"
    # a cartel or a mafia is an organisation however described
    assert roles.muc_role_of(a("actor", "the cocaine cartels", "non_state", "CRM"), fac) == "perp_organization_id"
    # a nationality or a country alone is no perpetrator MUC-4 files ("the Guatemalan violence", "U.S. imperialism")
    assert roles.muc_role_of(a("actor", "Guatemalan", "state"), fac) is None
    assert roles.muc_role_of(a("actor", "the United States", "state"), fac) is None
    assert roles.muc_role_of(a("actor", "Hondurans", "non_state", "CVL"), fac) is None
    assert roles.muc_role_of(a("actor", "the Honduran army", "state", "MIL"), fac) == "perp_organization_id"
    assert roles.muc_role_of(a("recipient", "Ignacio Ellacuria", "person"), fac) == "hum_tgt_name"
    assert roles.muc_role_of(a("recipient", "the radio stations"), fac) == "phys_tgt_id"
    assert roles.muc_role_of(a("recipient", "soldiers", sector="MIL"), fac) is None
    # people described, of no known sector ("Soviet Marines" tagged a name), are no thing hit; an unknown thing is
    assert roles.muc_role_of(a("recipient", "Soviet Marines"), fac) is None
    assert roles.muc_role_of(a("recipient", "an Ore train"), fac) == "phys_tgt_id"
    # a name opening with a given name the tagger read as no person is a person hit; a place's name is no person
    assert roles.muc_role_of(a("recipient", "Efrain Rincon Rodriguez"), fac) == "hum_tgt_name"
    assert roles.muc_role_of(a("recipient", "San Miguel de Mercedes"), fac) != "hum_tgt_name"
    assert roles.muc_role_of(a("recipient", "Carlos Building"), fac) == "phys_tgt_id"
    # an organisation named by its own name is PerpOrg; a description resolved to it stays PerpInd
    assert roles.muc_role_of(a("actor", "the Medellin Association", "non_state"), fac) == "perp_organization_id"
    assert roles.muc_role_of(a("actor", "the gunmen", "non_state", "REB", name="Medellin Association"), fac) == "perp_individual_id"
    # a lower-case description the resolver named by itself is no organisation's name (MUC-4: PerpInd)
    assert roles.muc_role_of(a("actor", "terrorists", "non_state", "REB"), fac) == "perp_individual_id"
    assert roles.muc_role_of(a("actor", "Shining Path", "non_state", "REB"), fac) == "perp_organization_id"
    # one agent noun capitalised (by the truecased copy or a sentence's start) is a description, not a name
    assert roles.muc_role_of(a("actor", "The Assassins", "non_state", "CRM"), fac) == "perp_individual_id"
    # so is a description that opens a sentence with a capital, and members told before their force
    assert roles.muc_role_of(a("actor", "The kidnappers", "non_state"), fac) == "perp_individual_id"
    assert roles.muc_role_of(a("actor", "Leftist guerrillas", "non_state", "REB"), fac) == "perp_individual_id"
    assert roles.muc_role_of(a("actor", "members of the National police", "non_state", "COP"), fac) == "perp_individual_id"
    # a recipient that is neither a person nor a recognised party is a thing that was hit
    assert roles.muc_role_of(a("recipient", "a power pylon"), fac) == "phys_tgt_id"
    # a town or a region is where it happened, whatever the facility words say
    assert roles.muc_role_of(a("recipient", "a key mining town"), fac | {"town"}) is None
    assert roles.muc_role_of(a("recipient", "the Cifuentes border region"), fac) is None
    # a combat unit's site is a military target, and so are a force's barracks, convoys, armored vehicles and
    # positions; a bus that carries soldiers is not kept out
    assert roles.muc_role_of(a("recipient", "the headquarters of the 1st Infantry Brigade"), fac | {"headquarters"}) is None
    assert roles.muc_role_of(a("recipient", "the El Triunfo civil defense post"), fac | {"post"}) is None
    for thing in ("the Panamanian defense force barracks", "six armored vehicles", "this convoy", "enemy positions"):
        assert roles.muc_role_of(a("recipient", thing), fac | {"barracks", "vehicle", "convoy", "position"}) is None, thing
    assert roles.muc_role_of(a("recipient", "a military bus"), fac | {"bus"}) == "phys_tgt_id"


def test_muc_person_slots_take_the_bare_name() -> None:
    """MUC-4 fills a victim slot with the name alone: "Dr Jose Antonio Rodriguez Porth" is scored as "Jose
    Antonio Rodriguez Porth", "Col Roberto Ochoa" as "Roberto Ochoa", "Father Ignacio" as "Ignacio" (one word: no
    victim the mapping files); a description is left as it is, and so is a perpetrator's rank."""
    from strife.records import Actor

    def a(text, kind="person", role="recipient"):
        return Actor(role=role, name=text, text=text, span=(0, len(text)), kind=kind)

    assert roles._entity_text(a("Dr Jose Antonio Rodriguez Porth")) == "Jose Antonio Rodriguez Porth"
    assert roles._entity_text(a("Col Roberto Ochoa")) == "Roberto Ochoa"
    assert roles._entity_text(a("Father Ignacio")) == "Ignacio"
    assert roles._entity_text(a("Colonel troops", kind="unknown")) == "Colonel troops"
    # a perpetrator keeps the rank MUC-4 often files with the name ("COLONEL GUILLERMO ALFREDO BENAVIDES MORENO")
    assert roles._entity_text(a("Colonel Guillermo Alfredo Benavides", role="actor")) == "Colonel Guillermo Alfredo Benavides"


def test_muc_physical_targets_drop_the_nationality() -> None:
    assert roles._without_nationality("the Salvadoran consulate") == "consulate"
    assert roles._without_nationality("a Honduran helicopter") == "helicopter"
    assert roles._without_nationality("Salvadoran") == "Salvadoran"
    assert roles._without_nationality("the power station") == "the power station"


def test_muc_physical_targets_drop_the_count() -> None:
    assert roles._without_nationality("many houses") == "houses"
    assert roles._without_nationality("six armored vehicles") == "armored vehicles"
    assert roles._without_nationality("several Salvadoran buses") == "buses"
    assert roles._without_nationality("houses") == "houses"


def test_muc_individual_perpetrators_drop_the_hedge() -> None:
    assert roles._unhedged("alleged Urban guerrillas") == "Urban guerrillas"
    assert roles._unhedged("the presumed guerrillas") == "guerrillas"
    assert roles._unhedged("suspected death squad members") == "death squad members"
    assert roles._unhedged("suspected") == "suspected"
    assert roles._unhedged("unidentified gunmen") == "unidentified gunmen"

    from strife.records import Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    guerrillas = Actor(role="actor", name="guerrillas", text="alleged Urban guerrillas", span=(0, 24),
                       kind="non_state", sector="REB")
    ev = Event(event_id="e", article=ArticleRef(text_sha256="0"), plover=Plover(type="ASSAULT"), actors=[guerrillas],
               date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))
    assert [t for t, _ in roles.muc_predictions([ev])["perp_individual_id"]] == ["Urban guerrillas"]


# ---------------------------------------------------------------- loaders and floors (need ../shared)

def test_loaders_align_gold_offsets(shared) -> None:
    wiki = roles.load_wikievents()
    assert len(wiki) == 20
    art, events = wiki[0]
    assert events and all(art.text[s:e].strip() for ev in events for ents in ev.args.values() for ent in ents for s, e in ent)
    rams = roles.load_rams()
    assert len(rams) > 200
    art, (ev,) = rams[0]
    assert art.text[ev.trigger[0]:ev.trigger[1]] == "exterminated"
    plover = roles.load_plover()
    assert len(plover) == 322 and sum(r.dead is not None for r in plover) == 15


def test_the_muc4_train_split_is_scored_on_request(shared, capsys) -> None:
    assert roles.main(["--only", "muc4", "--limit", "2", "--muc-split", "train"]) == 0
    out = capsys.readouterr().out
    assert "## muc4-train (2 docs" in out and "perp+target" in out


def test_muc4_floor(shared) -> None:
    res = roles.evaluate_muc4(limit=25)
    s = res.scores["perp+target"]
    assert s.n_gold > 0
    assert s.f1 >= MUC4_F1_FLOOR, res.table()


def test_plover_floor(shared) -> None:
    res = roles.evaluate_plover(limit=120)
    assert res.acc("country (aligned)") >= PLOVER_COUNTRY_FLOOR, res.table()
    assert res.acc("role (aligned)") >= PLOVER_ROLE_FLOOR, res.table()


def test_wikievents_rams_floor(shared) -> None:
    w = roles.evaluate_wikievents(limit=4)
    assert w.scores["all roles"].f1 >= WIKI_F1_FLOOR, w.table()
    r = roles.evaluate_rams(limit=60)
    assert r.scores["all roles"].f1 >= RAMS_F1_FLOOR, r.table()
    assert set(r.category_counts()) <= set(roles.CATEGORIES)


# measured on the samples above, rounded down
MUC4_F1_FLOOR = 0.44         # first 25 dev docs: 0.444 since the thirty-second session (full dev 0.468 -> 0.475:
                             # attributed attacks, unnamed men, claims, the role model's guesses on the rules' other side);
                             # 0.432 since the thirty-first (full dev 0.456 -> 0.468: no
                             # nationality as a perpetrator organisation, no incident from a non-violent ACLED reading);
                             # 0.411 since the twenty-ninth (the thirtieth, full dev 0.431 -> 0.456,
                             # left it as it was; the twenty-ninth: full dev 0.383 -> 0.431, the role model's
                             # document gate decides MUC-4 relevance, descriptions' groups and members filed as MUC-4 does);
                             # 0.2466 since the twenty-eighth session (full dev 0.324 -> 0.368); 0.234 since the nineteenth session's MUC text cleanup (full dev 0.316 -> 0.319; the sample lost one entity in TST1-MUC3-0019, where "U.S." now reads as the U.S. military); 0.256 before (0.250 before the seventeenth session; 0.230 before only ASSAULT records counted)
PLOVER_COUNTRY_FLOOR = 0.88  # first 120 records: 0.909-0.919 (all 322: 0.869)
PLOVER_ROLE_FLOOR = 0.90     # 0.928-0.942 as the role rules change
WIKI_F1_FLOOR = 0.55         # first 4 docs: 0.583 scored mention by mention (arguments from the trigger's sentence; record-level
                             # 0.241 since restatements join the lead; full dev 0.465 / 0.239). Before: 0.394 record-level
RAMS_F1_FLOOR = 0.23         # first 60 examples: 0.239 since two-word agent nouns ("the armed groups" in a question) are actors and both sides of a fight count as its parties when merging ("are fighting to overthrow" joins a Levant Front attack); 0.263 before (0.252 before rule roles were pruned by the model)


def test_wikievents_arguments_are_read_from_the_mention_s_sentence(nlp) -> None:
    from strife.article import Article

    text = ("Militants stormed a police station in Lakki Marwat on Tuesday, killing six policemen, officials said. "
            "\"Six of our officers were killed,\" the police chief said.")
    (ex,) = list(roles.run_extraction([Article(text=text, id="t", published="2025-11-18")]))
    k = text.index("killed,")
    ev = roles.GoldEvent(doc_id="t", klass="harm", trigger=(k, k + len("killed")))
    local = roles._predicted_args(ex, ev)
    whole = roles._predicted_args(ex, ev, local=False)
    assert not local["attacker"] and whole["attacker"]  # "Militants" acts in the lead's sentence, not this one
    assert all(sp[0] > text.index('"Six') for r in local.values() for _, sp in r)


def test_plover_codes_an_igo_and_its_officials_igo():
    from strife.evaluation.harness import plover_code
    from strife.records import Actor

    def actor(role, **kw):
        return Actor(role=role, name="x", text="x", span=(0, 1), **kw)

    assert plover_code([actor("actor", country="SYR")], "actor") == "SYR"
    assert plover_code([actor("actor", kind="international", sector="IGO")], "actor") == "IGO"
    assert plover_code([actor("recipient", kind="person", sector="IGO")], "recipient") == "IGO"  # a NATO chief
    assert plover_code([actor("actor", kind="person", sector="GOV")], "actor") is None
    assert plover_code([actor("actor", country="SYR")], "recipient") is None


def test_muc_entity_of_a_person_told_by_surname_is_the_full_name() -> None:
    from types import SimpleNamespace
    from strife.evaluation.roles import _entity_text
    person = SimpleNamespace(text="Marcelo", name="Carlos Marcelo", kind="person")
    assert _entity_text(person) == "Carlos Marcelo"
    group = SimpleNamespace(text="the guerrillas", name="Ejército de Liberación Nacional", kind="non_state")
    assert _entity_text(group) == "the guerrillas"  # a description stays the words the text used
    pronoun = SimpleNamespace(text="he", name="Carlos Marcelo", kind="person")
    assert _entity_text(pronoun) == "Carlos Marcelo"
    # a pronoun read as one capitalised word no dictionary knows ("it" -> "Company" in truecased copy) names nobody
    assert _entity_text(SimpleNamespace(text="it", name="Company", kind="unknown")) is None
    assert _entity_text(SimpleNamespace(text="it", name="FMLN", kind="non_state")) == "FMLN"
    assert _entity_text(SimpleNamespace(text="they", name="Extraditables", kind="unknown")) == "Extraditables"


def test_muc_files_a_groups_members_under_the_group_and_the_individuals() -> None:
    from types import SimpleNamespace

    class A(SimpleNamespace):
        def model_copy(self, update):
            return A(**{**self.__dict__, **update})

    a = A(role="actor", kind="armed_group", text="FMLN urban commandos", name="Farabundo Marti National Liberation Front")
    group, members = roles._group_and_members(a)
    assert (group.text, members.text, members.name) == ("FMLN", "urban commandos", "urban commandos")
    b = A(role="recipient", kind="unknown", text="FMLN urban commandos", name="x")
    assert roles._group_and_members(b) == [b]
    # members named by a member noun alone keep their group's name ("Shining Path members", as MUC-4 files them)
    c = A(role="actor", kind="armed_group", text="The FARC members", name="Revolutionary Armed Forces of Colombia")
    assert [x.text for x in roles._group_and_members(c)] == ["The FARC", "FARC members"]
    # a group's full name holding a shorter name of the same group is one name, no members
    d = A(role="actor", kind="non_state", text="Tupac Amaru Revolutionary movement",
          name="Tupac Amaru Revolutionary Movement")
    assert roles._group_and_members(d) == [d]


def test_muc_a_description_resolved_to_a_named_group_files_the_group_too() -> None:
    """"guerrillas of the ELN ... The guerrillas kidnapped ...": PerpInd "The guerrillas" and PerpOrg "ELN", as the
    article names the group (none where the article never names it)."""
    from types import SimpleNamespace

    from strife.records import Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    actor = Actor(role="actor", name="National Liberation Army", text="The guerrillas", span=(50, 64),
                  kind="non_state", sector="REB")
    ev = Event(event_id="e", article=ArticleRef(text_sha256="0"), plover=Plover(type="ASSAULT"), actors=[actor],
               date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))
    eln = SimpleNamespace(name="National Liberation Army", named=True, text="ELN", start_char=10, end_char=13)
    got = roles.muc_predictions([ev], mentions=[eln])
    assert [t for t, _ in got["perp_organization_id"]] == ["ELN"]
    assert [t for t, _ in got["perp_individual_id"]] == ["The guerrillas"]
    assert not roles.muc_predictions([ev])["perp_organization_id"]


def test_muc_members_of_a_group_are_filed_as_written() -> None:
    """"members of the Farabundo Marti National Liberation Front (FMLN) attacked": PerpInd "members of the ... (FMLN)"
    beside the PerpOrg; "blames certain officers of the armed forces": PerpInd "certain officers of the armed
    forces" and PerpOrg "the armed forces"."""
    from types import SimpleNamespace

    from strife.records import Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    def ev(*actors):
        return Event(event_id="e", article=ArticleRef(text_sha256="0"), plover=Plover(type="ASSAULT"), actors=list(actors),
                     date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))

    text = "Fighting raged when members of the Farabundo Marti National Liberation Front (FMLN) attacked a substation."
    start = text.index("Farabundo")
    fmln = Actor(role="actor", name="Farabundo Marti National Liberation Front", kind="non_state", sector="REB",
                 text="Farabundo Marti National Liberation Front", span=(start, start + 41))
    gunmen = Actor(role="actor", name="gunmen", text="gunmen", span=(0, 6), kind="non_state", sector="REB")
    got = roles.muc_predictions([ev(gunmen, fmln)], text=text)  # (the article's text read for every actor)
    assert [t for t, _ in got["perp_individual_id"]] == ["gunmen",
                                                         "members of the Farabundo Marti National Liberation Front (FMLN)"]
    assert [t for t, _ in got["perp_organization_id"]] == ["Farabundo Marti National Liberation Front"]

    text = "The command blames certain officers of the armed forces for the murder of the six Jesuits."
    start = text.index("certain")
    officers = Actor(role="actor", name="certain officers", text="certain officers", span=(start, start + 16), sector="MIL")
    forces = SimpleNamespace(start_char=text.index("the armed"), end_char=text.index(" for the"), text="the armed forces",
                             name="armed forces", kind="unknown", sector="MIL", how="description")
    got = roles.muc_predictions([ev(officers)], mentions=[forces], text=text)
    assert [t for t, _ in got["perp_individual_id"]] == ["certain officers of the armed forces"]
    assert [t for t, _ in got["perp_organization_id"]] == ["the armed forces"]
    # without the article's text, as the record reads
    assert [t for t, _ in roles.muc_predictions([ev(officers)])["perp_individual_id"]] == ["certain officers"]


def test_muc_an_attack_the_acled_view_reads_as_no_violence_is_no_incident() -> None:
    from strife.records import Acled, Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    army = Actor(role="actor", name="Military", text="Military", span=(0, 8), kind="state", sector="MIL")
    town = Actor(role="recipient", name="a bank", text="a bank", span=(20, 26), kind="unknown")

    def ev(sub):
        return Event(event_id="e", article=ArticleRef(text_sha256="0"), plover=Plover(type="ASSAULT"), actors=[army, town],
                     acled=Acled(event_type="Strategic developments" if sub != "Attack" else "Violence against civilians",
                                 sub_event_type=sub),
                     date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))

    assert [t for t, _ in roles.muc_predictions([ev("Change to group/activity")])["phys_tgt_id"]] == []
    assert [t for t, _ in roles.muc_predictions([ev("Attack")])["phys_tgt_id"]] == ["a bank"]


def test_muc_a_named_unit_of_a_group_is_filed_as_written() -> None:
    """"kidnapped by the so-called Nelson Mandela cell of the ELN": PerpInd "Nelson Mandela cell of the ELN" (as
    MUC-4 files a group's named unit) beside the PerpOrg; an unnamed "cell" is no unit name."""
    from strife.records import Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    def ev(*actors):
        return Event(event_id="e", article=ArticleRef(text_sha256="0"), plover=Plover(type="ASSAULT"), actors=list(actors),
                     date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))

    for text, unit in (("Both were kidnapped by the so-called Nelson Mandela cell of the ELN in Medellin.",
                        ["Nelson Mandela cell of the ELN"]),
                       ("Both were kidnapped by an urban cell of the ELN in Medellin.", [])):
        start = text.index("ELN")
        eln = Actor(role="actor", name="National Liberation Army", kind="non_state", sector="REB", text="ELN",
                    span=(start, start + 3))
        got = roles.muc_predictions([ev(eln)], text=text)
        assert [t for t, _ in got["perp_individual_id"]] == unit
        assert [t for t, _ in got["perp_organization_id"]] == ["ELN"]


def test_muc_a_document_the_gate_rejects_files_no_template() -> None:
    from strife.article import Article

    ex = roles.Extraction(Article(text="x"), [], [], [], gate=0.1)
    assert roles.muc_gated(ex, 0.3) and not roles.muc_gated(ex, 0.05)
    assert not roles.muc_gated(roles.Extraction(Article(text="x"), [], [], []), 0.3)  # no violent event, not scored


def test_the_role_stage_records_its_document_gate(nlp) -> None:
    doc = nlp("Gunmen from the FMLN killed two judges in San Salvador on Monday.")
    assert 0.0 <= doc._.strife_role_gate <= 1.0
    assert nlp("The minister met the ambassador on Monday.")._.strife_role_gate is None


def test_muc_files_a_perpetrators_rank_with_the_name() -> None:
    """"Colonel Hector Heriberto Hernandez ordered the killing": NER's person is the name; MUC-4 files a perpetrator
    with the rank the text writes before it (9 of 15 train perpetrators), a victim without it."""
    from strife.records import Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    text = "Colonel Hector Heriberto Hernandez ordered the killing of Captain Jose Lopez."
    s1, s2 = text.index("Hector"), text.index("Jose")
    parties = [Actor(role="actor", name="Hector Heriberto Hernandez", text="Hector Heriberto Hernandez",
                     span=(s1, s1 + 26), kind="person", sector="MIL"),
               Actor(role="recipient", name="Jose Lopez", text="Jose Lopez", span=(s2, s2 + 10), kind="person")]
    ev = Event(event_id="e", article=ArticleRef(text_sha256="0"), plover=Plover(type="ASSAULT"), actors=parties,
               date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))
    got = roles.muc_predictions([ev], text=text)
    assert [t for t, _ in got["perp_individual_id"]] == ["Colonel Hector Heriberto Hernandez"]
    assert [t for t, _ in got["hum_tgt_name"]] == ["Jose Lopez"]
    assert roles._rank_before("the man Jose", 8) is None



def test_muc_files_no_victim_named_by_one_word() -> None:
    """MUC-4 names 412 of its 425 train victims with two words or more; strife's one-word "victims" are mostly words
    the truecased copy capitalised ("Departed", "Somebody") or a surname alone."""
    from strife.records import Actor, ArticleRef, DateInfo, Event, ExtractorInfo, Plover

    parties = [Actor(role="recipient", name=t, text=t, span=(0, len(t)), kind="person") for t in ("Departed", "Jose Lopez")]
    ev = Event(event_id="e", article=ArticleRef(text_sha256="0"), plover=Plover(type="ASSAULT"), actors=parties,
               date=DateInfo(basis="unresolved"), extractor=ExtractorInfo(version="0"))
    assert [t for t, _ in roles.muc_predictions([ev])["hum_tgt_name"]] == ["Jose Lopez"]
