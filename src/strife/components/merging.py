"""Merging the mentions of one event within an article into event frames.

:func:`merge_mentions` reads the :class:`~strife.components.frames.EventMention` list the event stage
built (roles, dates, places and tolls attached) and returns :class:`~strife.components.frames.EventFrame`
objects; :func:`merge_score` is the rule, documented in the README ("One event, one record").
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Optional

from strife.components.actors import ActorMention
from strife.components.frames import EventFrame, EventMention
from strife.lexicon import load_wordlists


def _words() -> dict[str, frozenset[str]]:
    return load_wordlists("factuality")


def _names(ms: list[ActorMention]) -> set[str]:
    return {a.name.lower() for a in ms if a.named or a.how in ("coref", "surname", "pronoun")}


_STATE_SIDE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
_NON_STATE_SIDE = frozenset({"REB", "MILITIA", "INS", "TER", "SEP", "OPP", "CRM"})


def _side(a: ActorMention) -> Optional[str]:
    if a.kind == "state" or a.sector in _STATE_SIDE:
        return "state"
    if a.sector in _NON_STATE_SIDE:
        return "non_state"
    return None


def _unnamed(xs: list[ActorMention]) -> bool:
    """Nobody in the list is named ("gunmen", "soldiers", "the attackers"): a description of a party."""
    return not any(a.named or a.how in ("coref", "surname", "pronoun", "dictionary") for a in xs)


def _described_within(xs: list[ActorMention], ys: list[ActorMention], open_sides: bool = False) -> bool:
    """Every party of ``xs`` is an unnamed description, of a country ``ys`` has or none, on a side ``ys``
    has or none ("soldiers" beside "the Somali military" and "al Shabaab"; "armed men" beside "gunmen")."""
    sides = {_side(a) for a in ys}
    countries = {a.country for a in ys}
    # (``open_sides``, for two accounts of a clash: a party of ``ys`` of no known side or country may be the one
    # described: "two of the most powerful armed groups in Libya's capital" beside "the Radaa Deterrence
    # Apparatus" and "the 444th Combat Brigade")
    unknown_side, unknown_country = open_sides and None in sides, open_sides and None in countries
    return _unnamed(xs) and all((_side(a) is None or _side(a) in sides or unknown_side)
                                and (a.country is None or a.country in countries or unknown_country) for a in xs)


def _same_country_side(xs: list[ActorMention], ys: list[ActorMention]) -> bool:
    """Two actor lists share a country on the same side of a conflict ("U.S. forces" / "American jets"),
    not the two sides of one country's war ("the IRA" / "the Parachute Regiment", both GBR); a country
    guessed from the context (:meth:`ActorResolver.context_countries`) does not count."""
    for a in xs:
        for b in ys:
            if a.country and a.country == b.country and not (a.country_from_context or b.country_from_context):
                sa, sb = _side(a), _side(b)
                if sa is None or sb is None or sa == sb:
                    return True
    return False


def _date_range(d):
    r = getattr(d, "resolution", None) if d is not None else None
    if r is None or r.start is None:
        return None
    return (r.start, r.end or r.start)


# two publication days of different weekdays, months and years: an expression that lands the same number of days
# before both counts back from the day of publication alone ("today", "last night", "five days ago"), not from a
# weekday or a month ("on Friday", "in April")
_OFFSET_PROBES = (date(2001, 6, 15), date(2003, 3, 4))


@lru_cache(maxsize=4096)
def _day_offsets(text: str) -> Optional[tuple[int, int]]:
    """The days before publication an expression spans, when it counts back from publication alone, else None."""
    from strife.timeexpr import resolve_date_expression

    spans = set()
    for day in _OFFSET_PROBES:
        r = resolve_date_expression(text, day)
        if r is None or r.start is None or r.basis != "relative_to_published":
            return None
        spans.add(((r.start - day).days, ((r.end or r.start) - day).days))
    return spans.pop() if len(spans) == 1 else None


def _offset_range(d) -> Optional[tuple[int, int]]:
    """For a date the text gives no publication day for (unresolved): the days before publication it spans when it
    counts back from publication alone, so that an undated story's "five days ago" and "today" are still two days."""
    r = getattr(d, "resolution", None) if d is not None else None
    if r is None or r.basis != "unresolved":
        return None
    return _day_offsets(d.text)


PERIOD_MIN_DAYS = 62


def is_period(d) -> bool:
    """A date that spans a period the text counts over ("since 2011", "over the past three years"), not
    the day or month of one event: its mentions are aggregates or background."""
    rng = _date_range(d)
    if rng is None or (rng[1] - rng[0]).days < PERIOD_MIN_DAYS:
        return False
    return period_opener(d.text) is not None


def period_opener(text: str) -> Optional[str]:
    """The words a counted period opens with ("since", "over the past"), the longest that fits, or None."""
    low = text.lower().lstrip()
    return next((w for w in sorted(_words()["period_openers"], key=len, reverse=True) if low.startswith(w + " ")), None)


@lru_cache(maxsize=1)
def _mode_implications() -> tuple[tuple[str, str], ...]:
    return tuple(tuple(w.split(">", 1)) for w in sorted(_words()["mode_implies"]))


def _implied(modes) -> set[str]:
    """The modes and the means they include ("suicide-attack" is an explosion too)."""
    return set(modes) | {b for a, b in _mode_implications() if a in modes}


def _means(modes) -> set[str]:
    return set(modes) & _words()["means_modes"]


def _same_country_kind(a: list[ActorMention], b: list[ActorMention]) -> bool:
    """Recipients of one country and of one kind: people on both sides or sites on both ("Ukrainian
    captives" and "the southern city" of Odesa share a country, which in a war story says nothing)."""
    def keys(xs):
        return {(x.country, x.how == "facility" or (not x.sector and x.kind in ("unknown", None))) for x in xs if x.country}
    return bool(keys(a) & keys(b))


def _on_civilians(frame: EventFrame) -> bool:
    """Did the frame's event act on civilians only (no armed party among its recipients)?"""
    sectors = {a.sector for a in frame.roles("recipient") if a.sector}
    return "CVL" in sectors and not sectors & _ARMED_SECTORS


def _alleged_only(mentions: list[EventMention]) -> bool:
    """Are the mentions' actors only parties held to have done it ("accused Russia of torturing captives")?"""
    return all(r.how == "alleged" for x in mentions for r in x.roles if r.role == "actor")


def merge_score(frame: EventFrame, m: EventMention, parties: bool = True) -> Optional[float]:
    """How strongly mention ``m`` is the same event as ``frame``; None when they conflict.

    (A mention with the same trigger lemma as one of the frame's adds +0.5.)

    Rule: the PLOVER type must match; no conflicting actors (named actors on both sides with no
    name in common, nor a country on the same side: state forces vs. a non-state group of one country
    conflict), no disjoint dates; then evidence adds up: an anaphoric noun
    ("the strikes", "that attack", "Friday's attack") +1.5, a verb coordinated with one of the frame's
    ("stormed the building and set it on fire") +1.5, a shared actor +2, a shared recipient +1,
    overlapping specific dates +1.5, a shared mode +1, disjoint modes -1.5 (not two means
    of attack in coordinated clauses: "came under rifle fire and an explosive device was detonated"). Merged
    when ≥ 1.5.
    ``parties=False`` leaves the actors out (a headline's shorthand for the parties: "Sudan's warring parties").
    """
    if frame.plover_type != m.plover_type:
        return None
    if m.separate and any(x.sent_start < m.sent_start for x in frame.mentions):
        return None  # "Separately, Ukrainian drones attacked ...": not an event told before
    if m.place_first and m.place_level in ("clause", "sentence") and _elsewhere(frame, m):
        return None  # "In Khartoum, army warplanes bombed RSF positions" after a battle for El Fasher
    if m.place_level == "clause" and not m.anaphoric and _elsewhere_told(frame, m):
        return None  # "FMLN units attacked an infantry company at the mouth of the Lempa River" / "Urban guerrillas
        # sabotaged pylons in San Miguel city": each act its own clause's place, neither inside the other's region
    score = 0.0
    fa, ma = frame.roles("actor"), m.actors("actor")
    clash = "reciprocal" in m.trigger.flags and any("reciprocal" in x.trigger.flags for x in frame.mentions)
    if "reciprocal" in m.trigger.flags and not any("reciprocal" in x.trigger.flags for x in frame.mentions) \
            and fa and ma and _on_civilians(frame) and not (_names(fa) & _names(ma) or _same_country_side(fa, ma)
                                                            or _described_within(ma, fa) or _described_within(fa, ma)):
        # "Suspected Islamist militants killed at least 14 worshippers ... The army said troops had pursued the
        # attackers and killed five of them in a gun battle": the response to a massacre is a battle of its own
        return None
    if any("reciprocal" in x.trigger.flags for x in frame.mentions) or "reciprocal" in m.trigger.flags:
        # "government forces fought al Shabaab": both sides act ("40 militants were killed in the battle" after
        # "forces recaptured the town from al Shabaab militants": the battle's side is the recapture's recipient)
        fa = fa + frame.roles("recipient")
    if "reciprocal" in m.trigger.flags:
        ma = ma + m.actors("recipient")
    if fa and ma and parties:
        if _names(fa) & _names(ma) or _same_country_side(fa, ma):
            # (a party held to have done it, "accused Russia of torturing captives", names no act it did)
            score += 1 if _alleged_only([m]) or _alleged_only(frame.mentions) else 2
        elif not (_described_within(ma, fa) or _described_within(fa, ma, open_sides=clash)):
            return None  # two named parties, or two sides ("gunmen" / "the army")
    fr, mr = frame.roles("recipient"), m.actors("recipient")
    if fr and mr and (_names(fr) & _names(mr) or _same_country_kind(fr, mr)
                      or {a.sector for a in fr if a.sector} & {a.sector for a in mr if a.sector}):
        score += 1  # the same party, or the same kind of party ("protesters" / "demonstrators")
    fd, md = _date_range(frame.date), _date_range(m.date)
    if any(m.apart_from in x.tokens or x.apart_from in m.tokens for x in frame.mentions):
        return None  # "killed 12 militants ..., days after an attack killed seven soldiers": two events
    if m.history and (fd is None or md is None) and not any(x.history for x in frame.mentions):
        # an event first told with no date is the news of the day: a mention dated months before is another
        # ("Russian shelling killed a man" / "the war, which it launched with its invasion in February 2022"); so is
        # an attack a claim made months ago was for, whatever the frame's date ("claimed responsibility in August
        # 1988 for the attack against George Shultz" after today's bombing)
        return None
    if fd is None and md is None and (fo := _offset_range(frame.date)) and (mo := _offset_range(m.date)) \
            and (fo[1] < mo[0] or mo[1] < fo[0]):
        return None  # an undated story's "five days ago" and "today": two days, as in a dated one
    if fd and md:
        if fd[1] < md[0] or md[1] < fd[0]:
            return None
        if is_period(frame.date) != is_period(m.date):
            return None  # one event's day and a count over years ("since 2011") are not one event
        score += 1.5
    coordinated = m.coordinated_with is not None and any(m.coordinated_with in (x.i, x.light_verb)
                                                         for x in frame.mentions)
    fm, mm = _implied(frame.modes), _implied(m.modes)
    if fm & mm:
        score += 1
    elif (fm and mm and frame.plover_type != "ASSAULT") or (_means(fm) and _means(mm) and not coordinated):
        # two kinds of measure (an arrest, a curfew), or two means of attack (an airstrike, a shooting); an
        # attack's acts ("abduct", "destroy") go with any means
        score -= 1.5
    if m.anaphoric and not _other_victims(frame, m):
        score += 1.5
        if "reciprocal" not in m.trigger.flags and all("reciprocal" in x.trigger.flags for x in frame.mentions):
            score -= 0.5  # "condemned the attack" after a massacre and the gun battle that followed it: the massacre
        elif "reciprocal" in m.trigger.flags and any("reciprocal" in t.flags for x in frame.mentions
                                                      for t in (x.trigger, *x.folded)):
            score += 0.5  # "The fighting broke out after troops cordoned off a village" after "killed three militants
            # in a gunbattle, ..., a day after a grenade attack": the gunbattle
    if coordinated:
        score += 1.5  # one subject's coordinated acts: "stormed the parliament and set it on fire"

    if any(x.trigger.lemma == m.trigger.lemma for x in frame.mentions):
        score += 0.5
    return score


# two acts told in their own clauses at places this close are one area's (a city and its districts)
SAME_AREA_KM = 30.0

_ARMED_SECTORS = frozenset({"MIL", "REB", "MILITIA", "COP", "INS", "TER", "SPY", "UAF"})
_TOLL_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})  # the types whose record counts dead or held
_PROTESTER_SECTORS = frozenset({"OPP", "LAB", "EDU"})


def _supported(m: EventMention) -> bool:
    """Does something specific back an ambiguous word (a toll, its own date, a place it happened in,
    an armed party to a use of force, protesters to a protest)?"""
    if m.tolls and m.plover_type not in _TOLL_TYPES:
        return False  # a casualty count, no meeting: "a hospital said it had received 40 wounded people"
    if m.tolls or m.place_level == "clause":
        return True
    if m.date is not None and m.trigger.pos == "VERB":
        return True  # a noun takes dates too easily ("the March 7 fire") to count as support
    parties = [r.mention for r in m.roles]
    if m.plover_type in ("ASSAULT", "COERCE", "MOBILIZE"):
        return any(a.sector in _ARMED_SECTORS or (a.kind == "state" and r.role == "actor")
                   for a, r in zip(parties, m.roles))
    if m.plover_type == "PROTEST":
        return any(r.role == "actor" and r.mention.sector in _PROTESTER_SECTORS for r in m.roles)
    return False


CLAIM_GAP = 3  # sentences: a quote of two sentences often stands between the lead and a second toll


def _continues_lead(lead: EventFrame, m: EventMention) -> bool:
    """A clause right after the lead event of its type (one or two sentences on), with no time of its own,
    that only adds to it: an attributed casualty claim ("A Somali military commander told Reuters that
    soldiers had killed 27 militants"), or the acting side's own account ("the army had targeted a base of
    the resistance forces", after "An airstrike by Myanmar's military ... killed at least 40")."""
    if m.date is not None or m.separate:
        return False
    gap = m.sent_i - max(x.sent_i for x in lead.mentions)
    if "casualty" in m.trigger.flags and m.tolls and all(t.source for t in m.tolls) and (
            ((m.roles or _same_site(lead, m)) and 0 < gap <= CLAIM_GAP) or m.sent_i == lead.mentions[0].sent_i):
        # (in the lead's own sentence too: "..., AFRICOM said, but local elders said seven people died"; with
        # no victim named, at the lead's place: "Hospital staff in Masisi said they had treated more than 40 wounded")
        return True
    if "casualty" in m.trigger.flags and m.tolls and not m.roles and gap == 1:
        return True  # the toll in the very next sentence: "... opened fire at houses ... Two men ... were killed on the spot"
    if m.tolls and _no_party_named(m) and gap == 0 and all(t.source for t in m.tolls):
        # a sentence the lead already holds a casualty of: "said 14 civilians had been killed and nine wounded
        # in a 'cowardly terrorist attack' on Sokolo" (the killed in the lead, the wounded on the attack)
        return True
    if not m.roles or not 0 < gap <= 2:
        return False
    ma, fa = m.actors("actor"), lead.roles("actor")
    return bool(ma and fa) and m.reported and (_names(ma) & _names(fa) or _described_within(ma, fa))


def _no_party_named(m: EventMention) -> bool:
    """No party but one an adjective describes ("a 'cowardly terrorist attack'": terrorists, no one named)."""
    return all(r.how == "modifier" and not r.mention.named for r in m.roles)


def _same_site(lead: EventFrame, m: EventMention) -> bool:
    """``m`` names a place (below a country) that the lead names too."""
    mine = _place_keys(m.places)
    return bool(mine) and bool(mine & _place_keys([p for x in lead.mentions for p in x.places]))


def _place_keys(places) -> set[str]:
    """The sites a list of place mentions names (gazetteer id, else name, else text); countries and unresolved
    streets, parks and buildings left out."""
    out = set()
    for p in places:
        if p.place is None:
            if p.text.lower().split()[-1:] and p.text.lower().split()[-1] in _words()["site_nouns"]:
                continue  # "Jevanjee Gardens", "Moi Avenue": a site in some town, no other town
            out.add(p.text.lower())
        elif p.place.precision != "country":  # a country names no other site
            out.add(str(p.place.geonames_id or p.place.name).lower())
    return out


def _names_the_target_again(lead: EventFrame, m: EventMention) -> bool:
    """Does ``m`` name one of the lead's recipients again with a definite article ("the monastery" after "a
    Buddhist monastery"), itself or through a pronoun's antecedent in its sentence?"""
    heads = {a.text.lower().split()[-1] for a in lead.roles("recipient") if a.text.split()}
    # (a pronoun by the words it stands for: "The soldiers ... were escorting a crew when they came under fire")
    texts = [(a.antecedent[2] if a.how == "pronoun" and a.antecedent else a.text).lower() for a in m.actors("recipient")]
    return any(t.startswith(("the ", "that ", "this ")) and t.split()[-1] in heads for t in texts)


def _inside_any(places, regions) -> bool:
    """Does one of ``places`` lie in one of the first- or second-level regions of ``regions`` ("Sokolo" in "the Segou
    region"), where ``regions`` name no town (after "Khan Younis in the southern Gaza Strip", Gaza City is
    somewhere else)?"""
    if any(r.place is None or r.place.precision in ("city", "point") for r in regions):
        return False
    areas = {(r.place.country, r.place.admin1) for r in regions
             if r.place is not None and r.place.precision == "admin1" and r.place.admin1}
    # a second-level region ("the province of Negros Oriental"): a place in it, or in its first-level region
    # where the gazetteer gives the place no second-level one ("the town of Guihulngan")
    districts = {(r.place.country, r.place.admin1): r.place.admin2 for r in regions
                 if r.place is not None and r.place.precision == "admin2" and r.place.admin1 and r.place.admin2}
    return any(p.place is not None and ((p.place.country, p.place.admin1) in areas or (
        (p.place.country, p.place.admin1) in districts
        and p.place.admin2 in (None, districts[(p.place.country, p.place.admin1)]))) for p in places)


def _other_victims(frame: EventFrame, m: EventMention) -> bool:
    """Does the mention name its own victims after "of", people none of whom the frame's are ("the killing of two
    aid workers" after the killing of Carlos Galan)? Then "the killing" is no anaphor: its victims say which one."""
    def people(xs):  # (a building is told many ways: "the Murrah Federal Building", "the federal building")
        return [x for x in xs if x.how != "facility" and (x.kind == "person" or x.sector)]

    own = people([r.mention for r in m.roles if r.role == "recipient" and r.how == "prep_of"])
    theirs = people(frame.roles("recipient"))
    return bool(own) and bool(theirs) and not (_names(theirs) & _names(own) or _same_country_kind(theirs, own))


def _restates(lead: EventFrame, m: EventMention) -> bool:
    """A later mention that tells the article's event of its type again, with nothing that makes it
    another: no date or place of its own that differs, no other named party, not opened as separate, not a
    running total ("Seven people were killed," he said; "The Pakistani Taliban claimed responsibility,
    saying its fighters had targeted the police"; "Doctors said they were treating 20 of the wounded")."""
    score = merge_score(lead, m)
    if m.separate or m.aggregate or m.headline or score is None or score < 0 or _other_victims(lead, m):
        return False  # (a negative score: another kind of measure, another means of attack)
    ma, la, lr = m.actors("actor"), lead.roles("actor"), lead.roles("recipient")
    if ma and lr and (_names(ma) & _names(lr) or _same_country_side(ma, lr)) and not (
            _names(ma) & _names(la) or _same_country_side(ma, la)):
        return False  # the side that was hit acts: "Syrian troops launched a search operation" after the bombing
    again = _names_the_target_again(lead, m)
    follows = m.sent_i - max(x.sent_i for x in lead.mentions) == 1
    if m.date is not None and lead.date is None and not again and not follows:
        return False  # a dated mention beside an undated lead: another event, as likely as not (unless it
        # names the lead's target again: "an air strike on a monastery" ... "The monastery was hit on Tuesday",
        # or comes in the sentence right after the lead's and tells when it was: "Heavy fighting ... has killed
        # at least six people. Clashes erupted in the early hours of Saturday ...")
    if m.date is not None and is_period(m.date):
        return False
    if m.place_level in ("clause", "sentence") and not again:
        lead_places = [p for x in lead.mentions for p in x.places]
        mine, theirs = _place_keys(m.places), _place_keys(lead_places)
        if mine and not theirs and m.place_first:
            return False  # "Bombs killed 17 across Iraq" then "In Baghdad, gunmen shot dead ...": one of the round-up
        if mine and theirs and not mine & theirs and not _inside_any(m.places, lead_places):
            return False  # "... in Katsina state": somewhere else (a town in the lead's region, or any
            # place where the lead names only a country, tells where more exactly)
        if mine and len(theirs) > 1 and mine < theirs:
            return False  # "In Odesa, drones struck the port" after "pounded Kyiv and Odesa": one place's event
    return True


def _elsewhere(frame: EventFrame, m: EventMention) -> bool:
    """Do the mention's places and the frame's name different places, neither within the other's region?"""
    frame_places = [p for x in frame.mentions for p in x.places]
    mine, theirs = _place_keys(m.places), _place_keys(frame_places)
    return bool(mine) and bool(theirs) and not mine & theirs and not _inside_any(m.places, frame_places) \
        and not _inside_any(frame_places, m.places)


def _elsewhere_told(frame: EventFrame, m: EventMention) -> bool:
    """Do the mention's own clause and the frame's mentions' own clauses name different places, neither within the
    other's region?"""
    own = [p for x in frame.mentions if x.place_level == "clause" for p in x.places]
    mine, theirs = _located(m.places), _located(own)
    # (only places the gazetteer found: "the Darnytskyi district" it does not know may be in Kyiv)
    return bool(mine) and bool(theirs) and len(mine) == len(m.places) and len(theirs) == len(own) \
        and not _place_keys(mine) & _place_keys(theirs) and not _inside_any(mine, theirs) \
        and not _inside_any(theirs, mine) and not _near(mine, theirs)


def _located(places) -> list:
    """The places the gazetteer resolved below a country, with coordinates."""
    return [p for p in places if p.place is not None and p.place.lat is not None and p.place.lon is not None
            and p.place.precision != "country"]


def _near(places, others, km: float = SAME_AREA_KM) -> bool:
    """Does one of ``places`` lie within ``km`` of one of ``others`` (a city's districts, its suburbs)?"""
    from strife.gazetteer.resolve import haversine_km

    return any(haversine_km(p.place.lat, p.place.lon, o.place.lat, o.place.lon) <= km for p in places for o in others)


def _claims(lead: EventFrame, m: EventMention) -> bool:
    """A claim of responsibility for the article's event of its type, told with no time or place of its own
    ("The Pakistani Taliban claimed responsibility in a statement, saying its fighters had targeted the
    police"): the claimant is the lead's actor, even where the lead's parties name only "militants" and the
    police who fought back."""
    return m.claimed and not m.separate and m.date is None and m.place_level not in ("clause", "sentence")


def _same_toll(frames: list[EventFrame], m: EventMention, of_type: Optional[str] = None) -> Optional[EventFrame]:
    """The first body frame whose toll the headline's repeats ("Bangladesh police clash with protesters, at least
    30 dead" / "At least 30 people were killed ... as police fired rubber bullets at students"), of a type that
    counts dead (``of_type``: of that type), whatever the headline's word made the type."""
    if m.plover_type not in _TOLL_TYPES:
        return None
    told = {(t.kind, t.value) for t in m.tolls}
    return next((f for f in frames if not f.mentions[0].headline and f.plover_type in _TOLL_TYPES
                 and (of_type is None or f.plover_type == of_type)
                 and told & {(t.kind, t.value) for x in f.mentions for t in x.tolls}), None)


def _last_before(f: EventFrame, m: EventMention) -> int:
    return max((x.i for x in f.mentions if x.i < m.i), default=-1)


def _told_last(frames: list[EventFrame], m: EventMention) -> Optional[EventFrame]:
    """The frame of ``m``'s type with the latest mention before ``m``."""
    told = [(max(x.i for x in f.mentions if x.i < m.i), k) for k, f in enumerate(frames)
            if f.plover_type == m.plover_type and any(x.i < m.i for x in f.mentions)]
    return frames[max(told)[1]] if told else None


def merge_mentions(mentions: list[EventMention]) -> list[EventFrame]:
    """Mentions in text order join the frame they score best with (at least 1.5), else open a frame.
    The headline's mentions come last: a headline names the story's main event, so each joins the first
    frame of its type it does not conflict with ("Gunmen kill 12 villagers" / "Armed men ... killed at
    least 12 people ... on Tuesday"), and opens a frame only when there is none."""
    frames: list[EventFrame] = []
    body = [m for m in mentions if not m.headline]
    for m in body + [m for m in mentions if m.headline]:
        if m.headline:
            # the first body event the headline's toll repeats ("Two killed as Indian troops, militants exchange
            # fire" / "Two Indian soldiers were killed ... in a gunfight with militants"), else the first it fits
            first = _same_toll(frames, m, m.plover_type)
            if first is None or merge_score(first, m, parties=False) is None:
                lead = next((f for f in frames if not f.mentions[0].headline and f.plover_type == m.plover_type), None)
                # (the story's first event of the type before any later one that fits: "Sudan's warring parties agree
                # truce" is the delegations' agreement, not the army's acceptance of it told later)
                first = next((f for f in frames if not f.mentions[0].headline and (
                    ((s := merge_score(f, m)) is not None and s >= 0)
                    or (f is lead and (merge_score(f, m, parties=False) or -1) >= 0))), None)
            if first is None:
                # the story's first event of the headline's type, where only the parties differ: a headline
                # names them in shorthand ("Sudan's warring parties agree truce" / "Delegations from Sudan's
                # army and the RSF agreed on Wednesday to a seven-day humanitarian truce")
                first = next((f for f in frames if not f.mentions[0].headline and f.plover_type == m.plover_type), None)
                loose = merge_score(first, m, parties=False) if first is not None else None
                if loose is None or loose < 0:
                    first = _same_toll(frames, m)
            if first is not None:
                first.mentions.append(m)
                continue
        if m.sequel:
            before = [f for f in frames if f.plover_type == m.plover_type and min(x.i for x in f.mentions) < m.i]
            if before:  # a death from wounds joins the latest attack told before it
                max(before, key=lambda f: min(x.i for x in f.mentions)).mentions.append(m)
                continue
        best, best_score = None, 1.5 - 1e-9
        lead = next((f for f in frames if f.plover_type == m.plover_type), None)
        last = _told_last(frames, m)
        for f in frames:
            s = merge_score(f, m)
            # (not past another event of the type told since: "a bulk carrier was struck by a missile ... one
            # crew member suffered minor injuries, UKMTO said" is about the ship)
            if s is not None and f is lead and (last is None or last is lead) and _continues_lead(f, m):
                s += 1.5
            if s is not None and (s > best_score or (best is not None and s == best_score and m.anaphoric
                                                      and _last_before(f, m) > _last_before(best, m))):
                # (an anaphor that fits two frames as well: the one told last, "At least five people were killed
                # in the strikes" after "In Khartoum, army warplanes bombed RSF positions")
                best, best_score = f, s
        if m.distal and best is not None:
            # "... when a bomb exploded outside a teashop. Al-Shabaab also claimed that bombing": the event
            # of its type told last before it
            if last is not None and last is not best and merge_score(last, m) is not None:
                best = last
        if best is None and lead is not None and not m.roles and m.date is None:
            # a bare mention in the sentence after another event of its type ("... entered Solino, shooting
            # people who had not fled. Police said ... dozens of houses had been burned") goes on with that one
            if last is not None and last is not lead and m.sent_i - max(x.sent_i for x in last.mentions if x.i < m.i) <= 1 \
                    and min(x.sent_i for x in last.mentions) < m.sent_i and _restates(last, m):
                best = last
        if best is None and lead is not None and (_restates(lead, m) or _claims(lead, m)):
            best = lead
        if best is not None:
            best.mentions.append(m)
        elif m.history and m.anaphoric and not m.tolls:
            pass  # a past event named in passing ("its full-scale invasion of Ukraine in February 2022") is no record
        elif not m.trigger.weak or _supported(m):
            frames.append(EventFrame([m]))
        # else: an ambiguous word with no cue, nothing specific attached (toll, date, place) and nothing
        # to corefer with is not an event
    frames.sort(key=lambda f: min(m.i for m in f.mentions))
    return frames
