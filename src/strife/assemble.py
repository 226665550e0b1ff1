"""Event frames (from the spaCy components) → typed :class:`~strife.records.Event` records.

This is where the three ontology views are filled from one reading, tolls are summarised,
undated events get an honest date range, and an article's records are put in salience order
(main event first).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from typing import Optional

from spacy.tokens import Doc

from strife import __version__, ontology
from strife.article import Article
from strife.components.actors import _UNIDENTIFIED, ActorMention
from strife.components.frames import EventFrame, EventMention
from strife.components.merging import is_period
from strife.gazetteer.display import admin1_display
from strife.gazetteer.names import POSSESSIVE
from strife.records import (
    Acled, Actor, ArticleRef, DateInfo, Event, Evidence, ExtractorInfo, Location, Plover, Toll, TollClaim,
    make_event_id,
)
from strife.confidence import confidence
from strife.doc_ext import doc_text
from strife.lexicon import load_wordlists
from strife.tolls import summarize

KEEP_CONFIDENCE_FEATURES = False  # scripts/train_confidence.py sets it to read the features back
FALLBACK_DAYS = 7  # an undated event: the week ending at publication (or at the dated event that mentions it)
_AFTER_PREPS = frozenset({"after", "following"})
_VIOLENT = {"ASSAULT", "COERCE", "PROTEST"}
_KILLED = {"killed", "dead", "death", "fatalities"}
_INJURED = {"injured", "wounded"}


@dataclass
class _Ctx:
    doc: Doc
    article: Article
    ref: ArticleRef


def _actor_record(a: ActorMention, role: str) -> Actor:
    kind = a.kind if a.kind in ("state", "non_state", "international", "person", "unknown") else "unknown"
    # a pronoun shows the words it stands for when they are in its sentence ("Syria says it will withdraw")
    start, end, text = a.antecedent if a.antecedent is not None else (a.start_char, a.end_char, a.text)
    return Actor(role=role, name=a.name, text=text, span=(start, end), country=a.country,
                 sector=a.sector, kind=kind, affiliation=list(a.affiliation or []))


# a description with no nationality ("police", "the rebels", "government forces") is taken to be of the
# country where the event happened, as ACLED codes local actors; never for refugees or outside bodies
_LOCAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "REB", "MILITIA", "INS", "CVL", "OPP", "PTY", "UAF",
                            "CRM", "MED", "EDU", "LAB", "HLH", "AGR", "REL", "LEG", "BUS"})


# bodies that act at home: a police force or a court (and a government when it coerces: arrests, bans,
# curfews) works in its own country, so with no place named that country is where the event happened
_HOME_SECTORS = frozenset({"COP", "JUD"})


def _home_country(frame: EventFrame) -> Optional[str]:
    """The country of an actor that acts at home ("Egyptian police opened fire to disperse demonstrators")."""
    for a in frame.roles("actor"):
        if a.country and (a.sector in _HOME_SECTORS or (a.sector == "GOV" and frame.plover_type == "COERCE")):
            return a.country
    return None


def _localise(actors: list[Actor], locations: list[Location], frame: EventFrame,
              story_country: Optional[str] = None) -> None:
    """Descriptions with no nationality take the country of the event's place, else of a body acting at home,
    else of the story's first placed act ("Last week, the government extended a state of emergency" in a story
    from Burkina Faso)."""
    country = next((loc.country for loc in locations if loc.country), None) or _home_country(frame) or story_country
    if country is None:
        return
    # (a pronoun standing for one: "The army said ... it had launched operations")
    descriptive = {id(a) for a in frame.roles("actor") + frame.roles("recipient") if a.how in ("description", "pronoun")}
    names = {a.name for a in frame.roles("actor") + frame.roles("recipient") if id(a) in descriptive}
    # a site or a thing that was hit ("a police station", "an oil refinery", "the town"): where it stands
    sites = {a.name for a in frame.roles("recipient")
             if a.how in ("description", "facility", "model") and not a.sector and a.kind in ("unknown", None)}
    for a in actors:
        if a.country is not None:
            continue
        if (a.name in names and a.sector in _LOCAL_SECTORS) or (a.role == "recipient" and a.name in sites):
            a.country = country


def _host_state(iso3: str, place_mention) -> Optional[ActorMention]:
    from strife.actor_dictionary import get_actor_dictionary

    entry = get_actor_dictionary().state(iso3)
    if entry is None:
        return None
    return ActorMention(place_mention.start_char, place_mention.end_char, place_mention.text, -1, name=entry.name,
                        country=iso3, sector=entry.sector, kind="state", how="host")


# types whose events take no host state as recipient: an attack's recipients are its victims or targets, never
# the country it happened in (measured: WikiEvents arguments 0.465 -> 0.446 with attacks included)
_NO_HOST_RECIPIENT = frozenset({"ASSAULT"})


def _named_recipients(frame: EventFrame, frames_by_trigger: dict[int, EventFrame],
                      doc: Optional[Doc] = None) -> list[ActorMention]:
    """Whom the event acts on, as the text names them (the host state aside)."""
    actor_names = {a.name for a in frame.roles("actor")}
    # "Syria ... withdraw its troops from Lebanon": the actor's own forces are not who it acts on
    recipients = [a for a in frame.roles("recipient") if a.name not in actor_names and a.owner not in actor_names]
    if any(a.how != "facility" for a in recipients):
        # "the headquarters of X": once X is known, the building is evidence, not a party (but not what an act's
        # noun names as its patient: "the bombing of the Oklahoma City federal building")
        patients = {id(r.mention) for m in frame.mentions for r in m.roles if r.how == "prep_of"}
        # nor a building coordinated with a party as the act's object: "bombed a radio station and a drugstore"
        if doc is not None:
            patients |= {id(r.mention) for m in frame.mentions for r in m.roles
                         if r.role == "recipient" and r.mention.how == "facility" and r.mention.head_i >= 0
                         and any(o.role == "recipient" and o.mention.how != "facility" and o.mention.head_i >= 0
                                 and doc[o.mention.head_i] in doc[r.mention.head_i].conjuncts for o in m.roles)}
        recipients = [a for a in recipients if a.how != "facility" or id(a) in patients]
    if not recipients:
        # "condemned the strikes": the recipient is whoever carried out the event acted on
        for m in frame.mentions:
            for i in m.event_refs:
                other = frames_by_trigger.get(i)
                if other is not None and other is not frame:
                    recipients.extend(a for a in other.roles("actor") if a.name not in actor_names)
    return recipients


def _state_named_where(frame: EventFrame) -> set[str]:
    """States named only as a word before the event noun ("in Burkina Faso ambush", "Somalia attack") in an
    event that another party did, where it took place: the place, not a party ("Israel strike" on Gaza keeps
    Israel)."""
    by_modifier = {r.mention.name for m in frame.mentions for r in m.roles
                   if r.role == "actor" and r.how == "modifier" and r.mention.kind == "state" and not r.mention.sector}
    if not by_modifier:
        return set()
    otherwise = {r.mention.name for m in frame.mentions for r in m.roles if r.role == "actor" and r.how != "modifier"}
    countries = {(p.place.country if p.place is not None else p.country) for m in frame.mentions for p in m.places}
    return {a.name for a in frame.roles("actor") if a.name in by_modifier and a.name not in otherwise
            and a.country in countries and any(o != a.name for o in otherwise)}


def _actors(frame: EventFrame, frames_by_trigger: dict[int, EventFrame], doc: Optional[Doc] = None) -> list[Actor]:
    out: list[Actor] = []
    seen: set[tuple] = set()
    actor_names = {a.name for a in frame.roles("actor")}
    # a state's forces named as such ("the Israeli military" -> Israel Defense Forces), not a bare "its forces"
    named_states = {a.country for a in frame.roles("actor") if a.how != "demonym" and a.country and a.name[:1].isupper()}
    named_parties = {(c, a.sector) for a in frame.roles("actor") if a.name[:1].isupper() for c in (a.country, None)}
    where = _state_named_where(frame)
    forces_of = {a.country for a in frame.roles("actor") if a.kind == "state" and a.sector}
    for a in frame.roles("actor"):
        if a.name in where:
            continue  # "Suspected jihadists kill 20 soldiers in Burkina Faso ambush": where, not who
        if a.kind == "state" and not a.sector and a.how == "demonym" and a.country in forces_of:
            continue  # "Russian attack" beside "a Russian guided bomb" (its military): one party
        if a.how == "demonym" and a.country in named_states:
            continue  # "an Israeli airstrike" and "the Israeli military": the named forces say it
        if not a.named and not a.name[:1].isupper() and a.sector and (a.country, a.sector) in named_parties \
                and not _UNIDENTIFIED.intersection(a.text.lower().split()):
            continue  # "soldiers" beside "the Somali military": the named party says who they are (not "uniformed
            # men", whom the text does not identify)
        if a.kind == "state" and a.sector and ("state", a.country, a.sector) in seen:
            continue  # "Myanmar's military" and "the Tatmadaw": one state's one force, named twice
        if ("actor", a.name) not in seen:
            seen.add(("actor", a.name))
            if a.kind == "state" and a.sector:
                seen.add(("state", a.country, a.sector))
            out.append(_actor_record(a, "actor"))
    recipients = _named_recipients(frame, frames_by_trigger, doc)
    if not recipients and frame.plover_type not in _NO_HOST_RECIPIENT:
        # the state where it took place, named in the event's clause, receives it ("a curfew imposed in Sudan",
        # "a peacekeeping force in Liberia", "inspectors to ... in central Iran"); a visit's counterpart is
        # its host, if not the visitor's own
        own = {a.country for a in frame.roles("actor")} if frame.plover_type == "CONSULT" else set()
        for m in frame.mentions:
            for p in m.places:
                iso = p.place.country if p.place is not None else p.country
                if iso and iso not in own and m.place_level == "clause":
                    host = _host_state(iso, p)
                    if host is not None:
                        recipients.append(host)
                    break
            if recipients:
                break
    for a in recipients:
        if ("recipient", a.name) not in seen:
            seen.add(("recipient", a.name))
            out.append(_actor_record(a, "recipient"))
    return out


def _date_info(res, text: Optional[str], span, basis_override: Optional[str] = None) -> DateInfo:
    basis = basis_override or res.basis
    return DateInfo(start=res.start.isoformat() if res.start else None, end=res.end.isoformat() if res.end else None,
                    precision=res.precision, text=text, span=span, basis=basis)


def _body_start(frame: EventFrame) -> int:
    """Where the frame's first mention in the body stands (a headline-only frame comes last)."""
    return min((m.i for m in frame.mentions if not m.headline), default=10**9)


def _lead_dates(frames: list[EventFrame]) -> dict[str, EventFrame]:
    """Per PLOVER type, the article's first frame of that type, where it is dated to the day (first in the
    body: the headline's words come before the body's but are not its lead)."""
    out: dict[str, EventFrame] = {}
    for f in sorted(frames, key=_body_start):
        out.setdefault(f.plover_type, f)
    return {t: f for t, f in out.items()
            if f.date is not None and f.date.resolution is not None and f.date.resolution.precision == "day"
            and f.date.resolution.end is not None and not is_period(f.date)}


def _fallback_date(frame: EventFrame, ctx: _Ctx, frames_by_trigger: dict[int, EventFrame],
                   leads: Optional[dict[str, EventFrame]] = None) -> DateInfo:
    # the event a dated act set out to end ("fired tear gas on Tuesday to break up a protest", "deployed
    # troops on Friday to quell riots"): it was going on that day
    for m in frame.mentions:
        tok = ctx.doc[m.i]
        purpose = tok.head
        if tok.dep_ == "dobj" and purpose.dep_ in ("advcl", "xcomp") and purpose.tag_ == "VB" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in purpose.children):
            other = frames_by_trigger.get(purpose.head.i)
            if other is not None and other is not frame and other.date is not None and other.date.resolution \
                    and other.date.resolution.precision == "day" and not is_period(other.date):
                d = other.date
                return _date_info(d.resolution, d.text, (d.start_char, d.end_char))
    # the nearest governing date: a dated event in the article that acts on this one
    for other in frames_by_trigger.values():
        if other is frame or other.date is None:
            continue
        if any(i in frames_by_trigger and frames_by_trigger[i] is frame for m in other.mentions for i in m.event_refs):
            d = other.date
            res = d.resolution
            if res.end is not None:
                start = res.end - timedelta(days=FALLBACK_DAYS - 1)
                return DateInfo(start=start.isoformat(), end=res.end.isoformat(), precision="week",
                                text=d.text, span=(d.start_char, d.end_char), basis=res.basis)
    # an event told as following a dated one ("Hours after the blast, Syrian troops launched a search
    # operation"): on or after that day, up to a week later (or publication)
    for m in frame.mentions:
        clause = [ctx.doc[m.i]] + ([ctx.doc[m.light_verb]] if m.light_verb is not None else [])
        for tok in clause:
            # "after the blast", or through a measure of time: "Hours after the blast", "shortly after the attack"
            near = [c for c in tok.children] + [g for c in tok.children if c.dep_ in ("npadvmod", "advmod")
                                                 for g in c.children]
            for prep in near:
                if prep.dep_ != "prep" or prep.lower_ not in _AFTER_PREPS:
                    continue
                for g in prep.children:
                    other = next((f for f in frames_by_trigger.values() if any(g.i in x.tokens for x in f.mentions)),
                                 None) if g.dep_ == "pobj" else None
                    if other is None or other is frame or other.date is None or other.date.resolution.start is None:
                        continue
                    d, res = other.date, other.date.resolution
                    end = res.start + timedelta(days=FALLBACK_DAYS - 1)
                    pub = ctx.article.published
                    if pub is not None and end > pub:
                        end = max(pub, res.end or res.start)
                    return DateInfo(start=res.start.isoformat(), end=end.isoformat(), precision="week", text=d.text,
                                    span=(d.start_char, d.end_char), basis=res.basis)
    # a later event of the lead's type, told with no time of its own, happened on the lead's day ("Bombs and
    # shootings killed at least 17 people across Iraq on Thursday. ... In Baghdad, gunmen shot dead a police
    # officer ...")
    lead = (leads or {}).get(frame.plover_type)
    if lead is not None and lead is not frame and min(m.i for m in lead.mentions) < min(m.i for m in frame.mentions) \
            and not all(m.subordinate for m in frame.mentions) \
            and not all(m.apart_from is not None for m in frame.mentions):  # (not "a week after an ambush ...")
        d = lead.date
        return _date_info(d.resolution, d.text, (d.start_char, d.end_char))
    pub = ctx.article.published
    if pub is None:
        return DateInfo(basis="unresolved")
    start = pub - timedelta(days=FALLBACK_DAYS - 1)
    return DateInfo(start=start.isoformat(), end=pub.isoformat(), precision="week", basis="published_fallback")


_PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
_LEVEL_RANK = {"clause": 0, "sentence": 1, "anaphor": 1, "paragraph": 2, "none": 3}


def _locations(frame: EventFrame) -> list[Location]:
    rows = []
    for m in frame.mentions:
        for p in m.places:
            rows.append((_LEVEL_RANK.get(m.place_level, 3), p))
    out: list[Location] = []
    seen: set = set()
    owners = _possessor_places([p for _, p in rows])
    # an unresolved name ranks as a town: gazetteers lack villages far more often than countries; a name the
    # gazetteer lacks that the text puts inside a town or region (its point theirs, no GeoNames id: "Baghdad's
    # Amriya district") is where it happened rather than the town or region around it; of two places of one
    # rank, the one a possessive puts inside the other ("San Francisco's Mission District") comes first
    for _, p in sorted(rows, key=lambda r: (r[0], _PRECISION_RANK.get(getattr(r[1].place, "precision", None) or "city", 6),
                                            not _placed_within(r[1]), id(r[1]) in owners, r[1].start_char)):
        place = p.place
        key = (place.geonames_id or place.name) if place is not None else ("text", p.text.lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(_location(p))
    return out


_POSSESSED_GAP = 16  # characters between "X's" and the place it owns ("Baghdad's northern al-Husseiniya")


def _possessor_places(mentions: list) -> set[int]:
    """The place mentions (by id) that own another one right after them: "San Francisco's" in "San
    Francisco's Mission District", "Sarajevo's" in "Sarajevo's Dobrinja neighbourhood"."""
    out = set()
    for p in mentions:
        if POSSESSIVE.search(p.text) and any(
                q is not p and 0 <= q.start_char - p.end_char <= _POSSESSED_GAP for q in mentions):
            out.add(id(p))
    return out


def _placed_within(p) -> bool:
    """A place mention read as a place inside a town or region the text names (gazetteer.resolve._region_around)."""
    return p.place is not None and p.place.geonames_id is None and p.place.lat is not None and p.place.place_id == 0 \
        and p.place.precision in ("city", "admin2", "admin1")


def _location(p) -> Location:
    """The record location of a place mention: its gazetteer reading, else its text (and country where known)."""
    place = p.place
    if place is None:
        return Location(name=p.text, text=p.text, span=(p.start_char, p.end_char), country=p.country)
    name = admin1_display(place.country, place.name) if place.precision == "admin1" else place.name
    return Location(name=name, text=p.text, span=(p.start_char, p.end_char), country=place.country,
                    admin1=admin1_display(place.country, place.admin1), admin2=place.admin2, lat=place.lat, lon=place.lon,
                    geonames_id=place.geonames_id, precision=place.precision)


def _toll(frame: EventFrame, kinds: set[str]) -> Toll:
    """The frame's claims of one toll kind. A headline's figure ("kills dozens") summarises the body's:
    it counts only when the body gives none of that kind."""
    body = [t for m in frame.mentions if not m.headline for t in m.tolls if t.kind in kinds]
    return _toll_from(body or [t for m in frame.mentions for t in m.tolls], kinds)


def _toll_from(toll_mentions: list, kinds: set[str]) -> Toll:
    """Claims of one toll kind; low/best/high by :func:`strife.tolls.summarize` over the mentions
    (which know the statement each figure belongs to, so parts of one count add up)."""
    claims: list[TollClaim] = []
    mentions = []
    seen = set()
    for t in toll_mentions:
        if t.kind not in kinds:
            continue
        key = (t.start_char, t.end_char, t.value)
        if key in seen:
            continue
        seen.add(key)
        mentions.append(t)
        claims.append(TollClaim(
            value=t.value, qualifier=t.qualifier, victims=t.victims, side=t.side, source=t.source, text=t.text,
            span=(t.start_char, t.end_char),
            source_span=(t.source_start, t.source_end) if t.source_start is not None else None,
        ))
    low, best, high = summarize(mentions)
    return Toll(low=low, best=best, high=high, claims=claims)


def _evidence(frame: EventFrame, text: str) -> list[Evidence]:
    out, seen = [], set()
    for m in frame.mentions:
        s, e = m.sent_start, m.sent_end
        while e > s and text[e - 1].isspace():
            e -= 1
        if (s, e) in seen:
            continue
        seen.add((s, e))
        out.append(Evidence(text=text[s:e], span=(s, e)))
    return out


def _classify(frame: EventFrame, actors: list[Actor], sentence_text: str,
              own_sentence: Optional[str] = None) -> tuple[Plover, Optional[str], Optional[Acled]]:
    ptype = frame.plover_type
    modes = frame.modes
    mode = modes[0] if modes else None
    deadly = _deadly(frame)
    if mode in _PROPERTY_MODES and deadly:
        # "killed six Palestinians during a raid ... bulldozers damaged roads": people were killed, the damage
        # is part of it, not what the event is
        mode = next((x for x in modes if x not in _PROPERTY_MODES), None)
    hints: list[str] = []
    own = [m for m in frame.mentions if m.plover_type == frame.plover_type]  # (not a headline joined for its toll)
    for m in own:
        for t in [m.trigger, *m.folded]:
            if t.plover_type != frame.plover_type:
                continue  # (a roadblock folded into the attack it was part of is no protest's cue)
            if deadly and t.modes and set(t.modes) <= _PROPERTY_MODES:
                continue  # (nor the damage's own ACLED hint)
            for h in ([t.acled_hint] if t.acled_hint else []) + list(t.hints):
                if h not in hints:
                    hints.append(h)
    mob_actor = any(_names_a_mob(a.text) for a in actors if a.role == "actor")
    if mob_actor and "mob" not in hints:
        hints.append("mob")  # "seven people were murdered by vigilantes", "a vigilante group ... killing nine"
    actor_kinds = [a.kind for a in actors if a.role == "actor"]
    recipient_sectors = [a.sector for a in actors if a.role == "recipient" and a.sector]
    contexts: list[str] = []
    for m in own:
        for t in [m.trigger, *m.folded]:
            for c in t.contexts:
                if c not in contexts:
                    contexts.append(c)
    cameo = frame.head.trigger.cameo
    mode_cameo = ontology.plover_to_cameo(ptype, mode) if mode else None
    if mode_cameo and (not cameo or ontology.cameo_to_plover(cameo)[1] != mode):
        cameo = mode_cameo
    cameo = cameo or ontology.plover_to_cameo(ptype, None)
    acled = ontology.plover_to_acled(ptype, mode, context=contexts, actor_kinds=actor_kinds,
                                     recipient_sectors=recipient_sectors, hints=hints)
    acled = _territory_by_side(_blend_acled(frame, acled, sentence_text, mob_actor, own_sentence), actors)
    acled_rec = Acled(event_type=acled[0], sub_event_type=acled[1]) if acled else None
    return Plover(type=ptype, mode=modes, context=contexts), cameo, acled_rec


# modes of harm to property: never what an event that killed or wounded people is
_PROPERTY_MODES = frozenset({"destroy"})


def _deadly(frame: EventFrame) -> bool:
    """Did the event kill or wound people (a toll of either kind)?"""
    return any(t.kind in ("killed", "injured") for m in frame.mentions for t in m.tolls)
# ACLED sub-types the parse decides by itself, from the weapon or the act named in the text
_MODE_DECIDED = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb", "Chemical weapon",
                           "Grenade", "Remote explosive/landmine/IED", "Sexual violence", "Abduction/forced disappearance"})
# ACLED sub-types of a weapon, and the modes that name it: a classifier reading of one needs the weapon in the text
# where the event's own word is a one-sided attack on people ("murdered", "assassinated")
_WEAPON_TYPES_MODES = {"Air/drone strike": {"aerial", "drone"}, "Shelling/artillery/missile attack": {"heavy-weapons"},
                       "Chemical weapon": {"cbrn"}}
# ACLED sub-types the parties decide ("fired at protesters")
_PARTY_DECIDED = frozenset({"Excessive force against protesters"})
# PLOVER types of force and protest: never an ACLED agreement, whatever the sentence also tells
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# PLOVER types whose events ACLED codes (the others never get an ACLED type from the classifier)
_ACLED_CODABLE = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AGREE", "SUPPORT", "CONCEDE"})
# thresholds on the classifier's (softmax over SVM margins) probabilities, chosen on CASE-2021 under 5-fold CV
CLASSIFIER_MIN_PROB = 0.40
CLASSIFIER_NONE_PROB = 0.30
CLASSIFIER_OVERRIDE_PROB = 0.85  # a confident classifier outranks even a named weapon (0.70-0.85 measured equal)
CLASSIFIER_NONE_OVERRIDE_PROB = 0.90  # ... and so does a confident "not an ACLED event" (an industrial blast; 0.80-0.95 measured equal)
# a text up to this long is a short report (a wire brief, a snippet): the classifier reads all of it, as it was
# trained on such reports; a longer article gets the event's sentence (measured on CASE-2021: +0.034 weighted F1)
CLASSIFIER_TEXT_MAX_CHARS = 800


def _classifier_text(doc: Doc, head, lead: bool) -> str:
    """The text the classifier types an event from: the whole short report for its first ACLED-codable
    event (``lead``), else the event's sentence (a second attack in one brief keeps its own reading; a
    weapon the lead event names is not re-read from a text that also reports other events)."""
    text = doc_text(doc)
    if lead and len(text.strip()) <= CLASSIFIER_TEXT_MAX_CHARS:
        return text
    return text[head.sent_start:head.sent_end]


# ACLED's two territory-change sub-types differ only in who takes the place
_TERRITORY_BY_SIDE = {"state": "Government regains territory", "nonstate": "Non-state actor overtakes territory"}


def _territory_by_side(acled: Optional[tuple[str, str]], actors: list[Actor]) -> Optional[tuple[str, str]]:
    """A territory change goes to the side of the record's first actor whose side is known (its sector's
    side in ``acled_cues.tsv``, else a state's or a non-state group's kind): "Afghan security forces
    recaptured the district" is the government's, "al-Shabab militants seized a village" a non-state
    actor's, whatever the words alone suggested."""
    if acled is None or acled[1] not in _TERRITORY_BY_SIDE.values():
        return acled
    from strife.classify.cues import load_acled_cues

    sides = load_acled_cues()[1]
    for a in actors:
        if a.role != "actor":
            continue
        side = sides.get(a.sector) if a.sector else {"state": "state", "non_state": "nonstate"}.get(a.kind)
        if side in _TERRITORY_BY_SIDE:
            return acled[0], _TERRITORY_BY_SIDE[side]
    return acled


def _acled_record(sub_event_type: str) -> Acled:
    sub = ontology.acled_sub_type(sub_event_type)
    return Acled(event_type=sub.event_type, sub_event_type=sub.sub_event_type)


def _sentence_mates(frame: EventFrame, frames: list[EventFrame], plover_type: str) -> list[EventFrame]:
    """The other frames of ``plover_type`` with a mention in one of ``frame``'s sentences."""
    sentences = {m.sent_start for m in frame.mentions}
    return [g for g in frames if g is not frame and g.plover_type == plover_type
            and any(m.sent_start in sentences for m in g.mentions)]


def _path_between(doc: Doc, a: int, b: int) -> Optional[list]:
    """The tokens on the dependency path between tokens ``a`` and ``b``, both ends excluded (None when
    they are not in one tree)."""
    up_a = [doc[a]]
    while up_a[-1].head.i != up_a[-1].i:
        up_a.append(up_a[-1].head)
    index = {t.i: k for k, t in enumerate(up_a)}
    t, up_b = doc[b], []
    while t.i not in index:
        up_b.append(t)
        if t.head.i == t.i:
            return None
        t = t.head
    return [x for x in up_a[:index[t.i] + 1] + up_b[::-1] if x.i not in (a, b)]


def _protest_at_arrests(doc: Doc, arrest: EventMention, protest: EventMention) -> bool:
    """The protest is one the arrests broke up ("detained during unsanctioned protests", "while trying to
    hold demonstrations", "as activists took to the streets"), not the charge or the people's description
    ("detain people who organise demonstrations", "arrested on charges related to organising a protest",
    "in anticipation of mass protests": ACLED's Arrests; words in factuality.json's arrest_reason_words)."""
    words = load_wordlists("factuality")["arrest_reason_words"]
    path = _path_between(doc, arrest.i, protest.i)
    return path is not None and not any(
        t.dep_ == "relcl" or t.lemma_.lower() in words or t.lower_ in words for t in path)


def _arrests_at_a_protest(acled: Optional[Acled], frame: EventFrame, frames: list[EventFrame], doc: Doc) -> Optional[Acled]:
    """Arrests in a sentence that reports a protest they broke up are ACLED's "Protest with intervention"
    ("police detained dozens of protesters as thousands took to the streets"): ACLED codes the protest the
    authorities broke up, not the arrests (:func:`_protest_at_arrests`)."""
    if acled is None or acled.sub_event_type != "Arrests":
        return acled
    mates = _sentence_mates(frame, frames, "PROTEST")
    # (a mob's violence is no protest the police broke up: "arrested 28 people in connection with the violence")
    if not any(_protest_at_arrests(doc, a, p) for a in frame.mentions for g in mates for p in g.mentions
               if a.sent_start == p.sent_start and p.trigger.lexical_type != "ASSAULT"):
        return acled
    return _acled_record("Protest with intervention")


@lru_cache(maxsize=None)
def _participant_words(plover_type: Optional[str] = None, hint: Optional[str] = None) -> frozenset[str]:
    """The trigger lexicon's participant nouns of a type or with a hint ("protester", "demonstrator"; "mob",
    "vigilante"), singular and plural."""
    words = {t.lemma for t in ontology.triggers() if "participant_noun" in t.flags
             and (plover_type is None or t.plover_type == plover_type) and (hint is None or hint in t.hints)}
    return frozenset(words | {w + "s" for w in words})


def _names_a_mob(text: Optional[str]) -> bool:
    return bool(text) and any(w in _participant_words(hint="mob") for w in text.lower().split())


def _names_protesters(text: Optional[str]) -> bool:
    return bool(text) and any(w in _participant_words(plover_type="PROTEST") for w in text.lower().split())


def _protest_violence(acled: Optional[Acled], frame: EventFrame, frames: list[EventFrame]) -> Optional[Acled]:
    """A protest read as peaceful whose sentence also reports violence: against protesters (the attack's
    recipients or casualties are protesters) it is ACLED's "Excessive force against protesters"; by
    protesters (they are the attack's actors) a "Violent demonstration"."""
    if frame.plover_type != "PROTEST" or acled is None or acled.sub_event_type != "Peaceful protest":
        return acled
    against = by = False
    for g in _sentence_mates(frame, frames, "ASSAULT"):
        victims = [t.victims for m in g.mentions for t in m.tolls] + [a.text for a in g.roles("recipient")]
        against = against or any(_names_protesters(v) for v in victims)
        by = by or any(_names_protesters(a.text) for a in g.roles("actor"))
    if against:
        return _acled_record("Excessive force against protesters")
    return _acled_record("Violent demonstration") if by else acled


# withdrawal words (the head token's lemma: "pulled out" is "pull"): alone they move a force; a transfer of
# territory needs someone taking the place
_WITHDRAWAL_LEMMAS = frozenset({"withdraw", "withdrawal", "pull", "pullout", "retreat"})


def _withdrawal_without_taker(acled: Optional[Acled], frame: EventFrame, frames: list[EventFrame]) -> Optional[Acled]:
    """A force withdrawing with no one told taking the place ("Hadi says his forces have withdrawn from the
    port city of Aden") is ACLED's "Change to group/activity" (a relocation), not a "Non-violent transfer of
    territory", which needs an actor acquiring it ("Al Shabaab regained Marka after government forces
    withdrew", "handed control of the camp back"): another record of the report with a territory hint."""
    if acled is None or acled.sub_event_type != "Non-violent transfer of territory":
        return acled
    if frame.head.trigger.lemma not in _WITHDRAWAL_LEMMAS:
        return acled
    takers = [t for g in frames for m in g.mentions for t in [m.trigger, *m.folded]
              if t.lemma not in _WITHDRAWAL_LEMMAS and not t.weak and {"territory", "regain"} & set(t.hints)]
    return acled if takers else _acled_record("Change to group/activity")


def _named_weapon(frame: EventFrame) -> bool:
    return any(t.weapon_modes for m in frame.mentions for t in [m.trigger, *m.folded])


# ACLED sub-types the event's own word decides through its hint: a disruption ("defused", "intercepted
# missiles", "seized weapons"), demonstrators blocking roads (ACLED: a violent demonstration)
_HINT_DECIDED = {"Disrupted weapons use": {"disrupted"}, "Violent demonstration": {"blockade"},
                 "Mob violence": {"mob"}}
# ... or through its mode: the word names rioting itself ("rioted", "rioters", "petrol bombs")
_MODE_WORD_DECIDED = {"Violent demonstration": "riot"}


def _hint_decided(frame: EventFrame, sub_event_type: str) -> bool:
    """The record's head mention carries the hint (not a side mention: a clash story's "seized weapons")."""
    hints, mode = _HINT_DECIDED.get(sub_event_type, set()), _MODE_WORD_DECIDED.get(sub_event_type)
    return any(not t.weak and (hints & set(t.hints) or (mode is not None and t.modes[:1] == [mode]))
               for t in [frame.head.trigger, *frame.head.folded])


def _all_weak(frame: EventFrame) -> bool:
    return all(t.weak for m in frame.mentions for t in [m.trigger, *m.folded])


def _blend_acled(frame: EventFrame, rule: Optional[tuple[str, str]], sentence_text: str,
                 mob_actor: bool = False, own_sentence: Optional[str] = None) -> Optional[tuple[str, str]]:
    """Rule reading first where the text names the weapon; else the learned classifier's
    sub-event type for the sentence, when it is confident and the PLOVER type is one ACLED codes."""
    named_weapon = _named_weapon(frame)
    if frame.plover_type not in _ACLED_CODABLE:
        return rule
    if _all_weak(frame):
        return None  # "intercepted a suspected trafficker": a word with none of its sense's cues is no ACLED event
    pred = classify_text(sentence_text)
    if pred is not None and pred.acled_sub_event_type is None and rule is not None \
            and any(r.how == "claimed" for m in frame.mentions for r in m.roles) \
            and any(not m.claimed_for for m in frame.mentions):
        # a claim of responsibility makes the classifier read a report as no event; an attack the report tells, then
        # claimed, is one (a report of the claim alone is the claim's: CASE-2021 ATTRIB, no ACLED type)
        return rule
    if pred is None:
        return rule
    if own_sentence and own_sentence != sentence_text and frame.plover_type == "ASSAULT" \
            and pred.acled_sub_event_type is not None \
            and pred.acled_sub_event_type not in ontology.acled_sub_types_of(frame.plover_type):
        # an attack in a short report typed whole, read as a sub-type no ASSAULT row has (a shelling's report read
        # as a peaceful protest from its other sentences): the attack's own sentence, where it reads as one ASSAULT
        # has (not for other types: CASE-2021 lost a protest read from its own sentence as violent)
        own = classify_text(own_sentence)
        if own is not None and own.acled_sub_event_type in ontology.acled_sub_types_of(frame.plover_type):
            pred = own
    if rule is not None and (_hint_decided(frame, rule[1]) or (rule[1] == "Mob violence" and mob_actor)):
        return rule  # the event's own word decides ("blocking major thoroughfares", "defused", "a mob lynched")
    if rule is not None and ((rule[1] in _MODE_DECIDED and named_weapon) or rule[1] in _PARTY_DECIDED):
        # "airstrikes", "a rocket attack", "a car bomb": the text names the weapon; only a confident
        # classifier reading of another ACLED type outranks it
        if pred.acled_sub_event_type is not None and pred.acled_prob >= CLASSIFIER_OVERRIDE_PROB:
            return pred.acled_event_type, pred.acled_sub_event_type
        if pred.acled_sub_event_type is None and pred.acled_prob >= CLASSIFIER_NONE_OVERRIDE_PROB:
            return None  # "a tank at the plant exploded": a blast that is no attack
        return rule
    if pred.acled_sub_event_type is None:
        # confidently not an ACLED event (a crime, a disaster, a diplomatic statement)
        return None if pred.acled_prob >= CLASSIFIER_NONE_PROB else rule
    if pred.acled_prob < CLASSIFIER_MIN_PROB:
        return rule
    if pred.acled_event_type not in ontology.acled_event_types_of(frame.plover_type):
        return rule  # "an agreement" read as a chemical attack: the views of one record must agree
    if pred.acled_sub_event_type == "Agreement" and frame.plover_type in _FORCE_TYPES:
        return rule  # "Heavy fighting ... before the government announced a ceasefire": the fighting is no agreement
    if rule is not None and rule[1] == "Attack" and pred.acled_sub_event_type in _WEAPON_TYPES_MODES \
            and not _WEAPON_TYPES_MODES[pred.acled_sub_event_type] & set(frame.modes) \
            and any("one_sided" in t.flags for m in frame.mentions for t in (m.trigger, *m.folded)):
        return rule  # "The mayor of the town was murdered by suspected guerrillas" read as shelling: a murder names no
        # heavy weapon
    if pred.acled_sub_event_type == "Arrests" and frame.plover_type == "ASSAULT":
        return rule  # "arrested a man suspected of taking part in the killing": the killing is no arrest
    if pred.acled_sub_event_type == "Looting/property destruction" and _deadly(frame):
        return rule  # "killed six Palestinians during a raid ... bulldozers damaged roads": people were killed
    return pred.acled_event_type, pred.acled_sub_event_type


_classifier = None  # None: the shipped model; see use_classifier()


def use_classifier(clf) -> None:
    """Swap the learned classifier (anything with ``predict(text)``; None = the shipped model).
    The harness uses this to score on folds the model did not train on."""
    global _classifier
    _classifier = clf
    classify_text.cache_clear()


@lru_cache(maxsize=4096)
def classify_text(text: str):
    if _classifier is not None:
        return _classifier.predict(text)
    from strife.classify import EventClassifier

    return EventClassifier.load().predict(text)


# how old an event may be and still be the news: the story's lead, a month; any other event it tells, under a
# week (an attack "on Oct. 28" recalled in a report of Nov. 18 is context)
BACKGROUND_DAYS_LEAD = 30
BACKGROUND_DAYS_OTHER = 6


def _background(frame: EventFrame, date_info: DateInfo, published: Optional[date], story_lead: bool = True) -> bool:
    if all(m.subordinate or m.aggregate for m in frame.mentions):
        return True
    if frame.date is not None and is_period(frame.date):
        return True  # "have killed thousands since 2011": a count over a period, told as context
    if published is not None and date_info.end and date_info.basis != "published_fallback":
        days = BACKGROUND_DAYS_LEAD if story_lead else BACKGROUND_DAYS_OTHER
        return date.fromisoformat(date_info.end) < published - timedelta(days=days)
    return False


def confidence_features(ev: Event, frame: Optional[EventFrame], sentence_text: str,
                        classifier_only: bool = False) -> dict[str, float]:
    """What a record rests on, as the confidence model reads it (see :mod:`strife.confidence`)."""
    pred = classify_text(sentence_text) if sentence_text else None
    triggers = [t for m in frame.mentions for t in [m.trigger, *m.folded]] if frame is not None else []
    return {
        "has_actor": float(any(a.role == "actor" for a in ev.actors)),
        "has_recipient": float(any(a.role == "recipient" for a in ev.actors)),
        "own_date": float(ev.date.basis in ("explicit", "relative_to_published") and bool(ev.date.text)
                          and (ev.date.span is None or any(e.span[0] <= ev.date.span[0] < e.span[1] for e in ev.evidence))),
        "geocoded": float(bool(ev.locations) and ev.locations[0].lat is not None),
        "several_mentions": float(frame is not None and len(frame.mentions) > 1),
        "has_toll": float(bool(ev.fatalities.claims or ev.injuries.claims)),
        "weak_trigger": float(bool(triggers) and all(t.weak for t in triggers)),
        "modal_reading": float(any(t.modality for t in triggers)),
        "classifier_only": float(classifier_only),
        "background": float(ev.background),
        "classifier_agrees": float(pred is not None and pred.plover == ev.plover.type),
        "classifier_prob": float(pred.plover_prob if pred is not None and pred.plover == ev.plover.type else 0.0),
        "acled_typed": float(ev.acled is not None),
        "violent": float(ev.plover.type in _VIOLENT),
    }


LEAD_BONUS = 2.0  # an event of the lead (the first sentence with any event) outranks a later violent one


def _salience(ev: Event, frame: EventFrame, lead_start: int = -1) -> float:
    first = min(m.sent_start for m in frame.mentions)
    main_clause = any(not m.subordinate for m in frame.mentions)
    return ((0 if ev.background else 10) + 2 * main_clause + len(frame.mentions)
            + (LEAD_BONUS if first == lead_start else 0)
            + (1.5 if frame.plover_type in _VIOLENT else 0) + (1 if ev.fatalities.claims else 0) - first / 2000.0)


# types of events that happen somewhere on the ground (a statement or a talk has no place of its own to inherit)
_PLACED_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AID"})


def _placed_lead(frames: list[EventFrame]) -> Optional[EventFrame]:
    """The story's first act on the ground that names its place."""
    return next((f for f in frames if f.plover_type in _PLACED_TYPES
                 and any(m.places and m.place_level in ("clause", "sentence") for m in f.mentions)), None)


def _story_place(frame: EventFrame, frames: list[EventFrame]) -> list[Location]:
    """An event with no place at all, in a story whose first act on the ground names one ("Police have
    arrested 28 people" after "clashes in Bahraich"): the story's place, as a coder files a follow-up
    where the story happened. Not for a statement, nor for an event dated to another day than the lead."""
    if frame.plover_type not in _PLACED_TYPES:
        return []
    lead = _placed_lead(frames)
    if lead is None or lead is frame:
        return []
    if frame.date is not None and lead.date is not None and frame.date.resolution is not None \
            and lead.date.resolution is not None and frame.date.resolution.start != lead.date.resolution.start:
        return []
    return _locations(lead)[:1]


def _has_subject(tok) -> bool:
    return any(c.dep_ in ("nsubj", "agent") for c in tok.children)


def _nobodys_intent(doc: Doc, frame: EventFrame, actors: list[Actor]) -> bool:
    """A threat or promise read only from a future with nobody who makes it, neither an actor nor a subject
    of its verb ("23 people ... would be charged in court"), is no one's threat or promise: an outcome told; nor
    is an intent a relative clause says of someone ("fighters who were preparing to attack")."""
    if not all(m.trigger.modality in ("intent", "terms") for m in frame.mentions):
        return False
    if all(any(t.dep_ == "relcl" for t in (doc[m.i], *doc[m.i].ancestors)) for m in frame.mentions):
        return True  # "targeted fighters ... who were preparing to attack Somali forces": what the targets were said
        # to intend, nobody's threat
    if any(a.role == "actor" for a in actors):
        return False
    return not any(_told_by_someone(doc, m) for m in frame.mentions)


def _told_by_someone(doc: Doc, m: EventMention) -> bool:
    """The mention's verb has a subject (a noun's maker is its verb's subject: "it would tighten the naval
    blockade")."""
    tok = doc[m.i]
    if _has_subject(tok):
        return True
    if tok.pos_ == "VERB":
        return False
    verb = tok.head
    if tok.dep_ == "pobj" and f"{verb.head.lemma_.lower()} {verb.lower_}" in load_wordlists("factuality")["light_verb_preps"]:
        verb = verb.head  # "left for the Ministry on Wednesday for meetings"
    return tok.dep_ not in ("nsubj", "nsubjpass") and _has_subject(verb)


def _nobodys_act(doc: Doc, frame: EventFrame, frames_by_trigger: dict[int, EventFrame]) -> bool:
    """A type that needs a party (``requires_party`` in ``plover.json``: statements, meetings, offers,
    demands) read with nobody who makes or receives it, neither a party the text names nor a subject
    of its words ("the board would take each meeting as it comes", "the ceasefire, which took effect on
    ..., ended a year of hostilities"), unless the text reports it happening ("talks resumed in Doha").
    The state where it happened does not count."""
    if not ontology.plover_type(frame.plover_type).requires_party or frame.roles("actor"):
        return False
    if _named_recipients(frame, frames_by_trigger):
        return False
    occurrence = load_wordlists("factuality")["occurrence_verbs"]
    for m in frame.mentions:
        tok = doc[m.i]
        if _told_by_someone(doc, m) or any(_names_a_party(c) for c in tok.children):
            return False
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in occurrence:
            return False  # "ceasefire talks resumed in Doha": the text reports them happening
    return True


def _names_a_party(child) -> bool:
    """A noun's owner ("the board's meeting", not "Tuesday's meeting"), or a named subject of a passive ("The
    Philippines was criticized", not "three of which were intercepted")."""
    if child.dep_ == "poss":
        return child.ent_type_ not in ("DATE", "TIME")
    return child.dep_ == "nsubjpass" and child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def frames_to_events(doc: Doc, article: Article) -> list[Event]:
    frames: list[EventFrame] = doc._.strife_events or []
    ref = ArticleRef(id=article.id, url=article.url, title=article.title, published=article.published_iso,
                     source=article.source, text_sha256=article.text_sha256)
    ctx = _Ctx(doc=doc, article=article, ref=ref)
    by_trigger: dict[int, EventFrame] = {}
    for f in frames:
        for m in f.mentions:
            by_trigger[m.i] = f
            for t in m.folded:
                by_trigger[t.i] = f
    scored = []
    lead_start = min((min(m.sent_start for m in f.mentions) for f in frames if f.mentions), default=-1)
    leads = _lead_dates(frames)
    story_lead = min(frames, key=_body_start, default=None)
    codable = [f for f in frames if f.plover_type in _ACLED_CODABLE]
    lead = min(codable, key=lambda f: min(m.i for m in f.mentions)) if codable else None
    if len(codable) > 1 and lead is not None and _named_weapon(lead):
        lead = None  # the brief's other events would sway a whole-text reading of a named weapon
    placed = _placed_lead(frames)
    story_country = next((loc.country for loc in _locations(placed) if loc.country), None) if placed else None
    for f in frames:
        actors = _actors(f, by_trigger, doc)
        if _nobodys_intent(doc, f, actors) or _nobodys_act(doc, f, by_trigger):
            continue
        d = f.date
        date_info = (_date_info(d.resolution, d.text, (d.start_char, d.end_char)) if d is not None and d.resolution
                     else _fallback_date(f, ctx, by_trigger, leads))
        head = f.head
        plover, cameo, acled = _classify(f, actors, _classifier_text(doc, head, f is lead),
                                         _classifier_text(doc, head, False))
        acled = _withdrawal_without_taker(_protest_violence(_arrests_at_a_protest(acled, f, frames, doc), f, frames),
                                          f, frames)
        ev = Event(
            event_id=make_event_id(ref.text_sha256, f"{f.plover_type}|{f.head.trigger.start_char}"),
            article=ref, plover=plover, cameo=cameo, acled=acled, actors=actors, date=date_info,
            locations=_locations(f) or _story_place(f, frames), fatalities=_toll(f, _KILLED | {"killed"}), injuries=_toll(f, _INJURED | {"injured"}),
            abducted=_toll(f, {"abducted"}), arrested=_toll(f, {"arrested"}), missing=_toll(f, {"missing"}),
            background=False, evidence=_evidence(f, doc_text(doc)), extractor=ExtractorInfo(version=__version__),
        )
        _localise(ev.actors, ev.locations, f, story_country)
        ev.background = _background(f, date_info, article.published, story_lead=f is story_lead)
        feats = confidence_features(ev, f, doc_text(doc)[head.sent_start:head.sent_end])
        ev.confidence = confidence(feats)
        if KEEP_CONFIDENCE_FEATURES:
            object.__setattr__(ev, "_features", feats)
        scored.append((_salience(ev, f, lead_start), ev))
    if not any(ev.acled is not None for _, ev in scored):
        extra = _classifier_event(doc, article, ref)
        same = [ev for _, ev in sorted(scored, key=lambda p: -p[0]) if ev.plover.type == extra.plover.type
                and not ev.background] if extra is not None else []
        if same:
            # "Protesters gathered outside the embassy": the parse's protest is the one the classifier reads in
            # the text; one event, one record, with the classifier's ACLED type
            same[0].acled = extra.acled
        elif extra is not None:
            scored.append((-1.0, extra))
    scored.sort(key=lambda p: -p[0])
    return [ev for _, ev in scored]


CLASSIFIER_EVENT_MIN_PROB = 0.5
CLASSIFIER_EVENT_MAX_CHARS = 1500


def _classifier_event(doc: Doc, article: Article, ref: ArticleRef) -> Optional[Event]:
    """A short report the parse found no ACLED event in, which the learned classifier reads as one
    (confidently): one record typed by the classifier, with the text's places, tolls and a fallback
    date. Its evidence is the whole snippet and its confidence is discounted."""
    from strife.components.events import is_locative

    text = doc_text(doc)
    if not text.strip() or len(text) > CLASSIFIER_EVENT_MAX_CHARS:
        return None
    if any(r.plover_type in _ACLED_CODABLE for r in doc._.strife_rejected_triggers or []):
        return None  # the parse read the event words as denied, planned or asked about: not an event
    pred = classify_text(text)
    if pred is None or pred.acled_sub_event_type is None or pred.acled_prob < CLASSIFIER_EVENT_MIN_PROB:
        return None
    sub = ontology.acled_sub_type(pred.acled_sub_event_type)
    ptype = sub.plover_type
    modes = [sub.plover_mode] if sub.plover_mode else []
    cameo = sub.cameo or ontology.plover_to_cameo(ptype, sub.plover_mode)
    first = next((p for p in doc._.strife_places or []
                  if is_locative(doc, p.start_char, p.end_char, p.place is not None and p.place.precision == "country")), None)
    locations = [_location(first)] if first is not None else []  # the first place used locatively
    dates = [d for d in doc._.strife_dates or [] if d.resolution is not None and d.resolution.start is not None]
    if dates:
        d = dates[0]
        date_info = _date_info(d.resolution, d.text, (d.start_char, d.end_char))
    elif article.published is not None:
        start = article.published - timedelta(days=FALLBACK_DAYS - 1)
        date_info = DateInfo(start=start.isoformat(), end=article.published.isoformat(), precision="week",
                             basis="published_fallback")
    else:
        date_info = DateInfo(basis="unresolved")
    tolls = list(doc._.strife_tolls or [])
    end = len(text.rstrip())
    ev = Event(
        event_id=make_event_id(ref.text_sha256, f"classifier|{pred.acled_sub_event_type}"),
        article=ref, plover=Plover(type=ptype, mode=modes, context=[]), cameo=cameo,
        acled=Acled(event_type=sub.event_type, sub_event_type=sub.sub_event_type), actors=[], date=date_info,
        locations=locations, fatalities=_toll_from(tolls, _KILLED), injuries=_toll_from(tolls, _INJURED),
        abducted=_toll_from(tolls, {"abducted"}), arrested=_toll_from(tolls, {"arrested"}),
        missing=_toll_from(tolls, {"missing"}),
        background=False, evidence=[Evidence(text=text[:end], span=(0, end))],
        extractor=ExtractorInfo(version=__version__),
    )
    feats = confidence_features(ev, None, text, classifier_only=True)
    ev.confidence = confidence(feats)
    if KEEP_CONFIDENCE_FEATURES:
        object.__setattr__(ev, "_features", feats)
    return ev
