"""Event frames (from the spaCy components) → typed :class:`~strife.records.Event` records.

This is where the three ontology views are filled from one reading, tolls are summarised,
undated events get an honest date range, and an article's records are put in salience order
(main event first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from spacy.tokens import Doc

from strife import __version__, ontology
from strife.article import Article
from strife.components.actors import ActorMention
from strife.components.events import EventFrame, EventMention
from strife.records import (
    Acled, Actor, ArticleRef, DateInfo, Event, Evidence, ExtractorInfo, Location, Plover, Toll, TollClaim,
    make_event_id,
)
from strife.tolls import summarize

FALLBACK_DAYS = 7  # an undated event: the week ending at publication (or at the dated event that mentions it)
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
    return Actor(role=role, name=a.name, text=a.text, span=(a.start_char, a.end_char), country=a.country,
                 sector=a.sector, kind=kind, affiliation=list(a.affiliation or []))


def _actors(frame: EventFrame, frames_by_trigger: dict[int, EventFrame]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[tuple[str, str]] = set()
    actor_names = {a.name for a in frame.roles("actor")}
    for a in frame.roles("actor"):
        if ("actor", a.name) not in seen:
            seen.add(("actor", a.name))
            out.append(_actor_record(a, "actor"))
    recipients = [a for a in frame.roles("recipient") if a.name not in actor_names]
    if not recipients:
        # "condemned the strikes": the recipient is whoever carried out the event acted on
        for m in frame.mentions:
            for i in m.event_refs:
                other = frames_by_trigger.get(i)
                if other is not None and other is not frame:
                    recipients.extend(a for a in other.roles("actor") if a.name not in actor_names)
    for a in recipients:
        if ("recipient", a.name) not in seen:
            seen.add(("recipient", a.name))
            out.append(_actor_record(a, "recipient"))
    return out


def _date_info(res, text: Optional[str], span, basis_override: Optional[str] = None) -> DateInfo:
    basis = basis_override or res.basis
    return DateInfo(start=res.start.isoformat() if res.start else None, end=res.end.isoformat() if res.end else None,
                    precision=res.precision, text=text, span=span, basis=basis)


def _fallback_date(frame: EventFrame, ctx: _Ctx, frames_by_trigger: dict[int, EventFrame]) -> DateInfo:
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
    pub = ctx.article.published
    if pub is None:
        return DateInfo(basis="unresolved")
    start = pub - timedelta(days=FALLBACK_DAYS - 1)
    return DateInfo(start=start.isoformat(), end=pub.isoformat(), precision="week", basis="published_fallback")


_PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
_LEVEL_RANK = {"clause": 0, "sentence": 1, "paragraph": 2, "none": 3}


def _locations(frame: EventFrame) -> list[Location]:
    rows = []
    for m in frame.mentions:
        for p in m.places:
            rows.append((_LEVEL_RANK.get(m.place_level, 3), p))
    out: list[Location] = []
    seen: set = set()
    for _, p in sorted(rows, key=lambda r: (r[0], _PRECISION_RANK.get(getattr(r[1].place, "precision", None) or "country", 6), r[1].start_char)):
        place = p.place
        key = (place.geonames_id or place.name) if place is not None else ("text", p.text.lower())
        if key in seen:
            continue
        seen.add(key)
        if place is None:
            out.append(Location(name=p.text, text=p.text, span=(p.start_char, p.end_char), country=p.country))
        else:
            out.append(Location(name=place.name, text=p.text, span=(p.start_char, p.end_char), country=place.country,
                                admin1=place.admin1, admin2=place.admin2, lat=place.lat, lon=place.lon,
                                geonames_id=place.geonames_id, precision=place.precision))
    return out


def _toll(frame: EventFrame, kinds: set[str]) -> Toll:
    """Claims of one toll kind; low/best/high by :func:`strife.tolls.summarize` over the mentions
    (which know the statement each figure belongs to, so parts of one count add up)."""
    claims: list[TollClaim] = []
    mentions = []
    seen = set()
    for m in frame.mentions:
        for t in m.tolls:
            if t.kind not in kinds:
                continue
            key = (t.start_char, t.end_char, t.value)
            if key in seen:
                continue
            seen.add(key)
            mentions.append(t)
            claims.append(TollClaim(
                value=t.value, qualifier=t.qualifier, victims=t.victims, side=getattr(t, "side", None),
                source=t.source, text=t.text, span=(t.start_char, t.end_char),
                source_span=(t.source_start, t.source_end) if getattr(t, "source_start", None) is not None else None,
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


def _classify(frame: EventFrame, actors: list[Actor]) -> tuple[Plover, Optional[str], Optional[Acled]]:
    ptype = frame.plover_type
    modes = frame.modes
    mode = modes[0] if modes else None
    hints: list[str] = []
    for m in frame.mentions:
        for t in [m.trigger, *m.folded]:
            for h in ([t.acled_hint] if t.acled_hint else []) + list(t.hints):
                if h not in hints:
                    hints.append(h)
    actor_kinds = [a.kind for a in actors if a.role == "actor"]
    recipient_sectors = [a.sector for a in actors if a.role == "recipient" and a.sector]
    contexts: list[str] = []
    for m in frame.mentions:
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
    acled_rec = Acled(event_type=acled[0], sub_event_type=acled[1]) if acled else None
    return Plover(type=ptype, mode=modes, context=contexts), cameo, acled_rec


def _background(frame: EventFrame, date_info: DateInfo, published: Optional[date]) -> bool:
    if all(m.subordinate for m in frame.mentions):
        return True
    if published is not None and date_info.end and date_info.basis != "published_fallback":
        return date.fromisoformat(date_info.end) < published - timedelta(days=30)
    return False


def _confidence(ev: Event, frame: EventFrame) -> float:
    score = 0.35
    if any(a.role == "actor" for a in ev.actors):
        score += 0.15
    if any(a.role == "recipient" for a in ev.actors):
        score += 0.1
    if ev.date.basis in ("explicit", "relative_to_published") and ev.date.text:
        score += 0.1
    if ev.locations and ev.locations[0].lat is not None:
        score += 0.1
    if len(frame.mentions) > 1:
        score += 0.1
    if ev.fatalities.claims or ev.injuries.claims:
        score += 0.05
    return round(min(score, 0.95), 2)


def _salience(ev: Event, frame: EventFrame) -> float:
    first = min(m.sent_start for m in frame.mentions)
    main_clause = any(not m.subordinate for m in frame.mentions)
    return ((0 if ev.background else 10) + 2 * main_clause + len(frame.mentions)
            + (1.5 if frame.plover_type in _VIOLENT else 0) + (1 if ev.fatalities.claims else 0) - first / 2000.0)


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
    for f in frames:
        actors = _actors(f, by_trigger)
        d = f.date
        date_info = (_date_info(d.resolution, d.text, (d.start_char, d.end_char)) if d is not None and d.resolution
                     else _fallback_date(f, ctx, by_trigger))
        plover, cameo, acled = _classify(f, actors)
        ev = Event(
            event_id=make_event_id(ref.text_sha256, f"{f.plover_type}|{f.head.trigger.start_char}"),
            article=ref, plover=plover, cameo=cameo, acled=acled, actors=actors, date=date_info,
            locations=_locations(f), fatalities=_toll(f, _KILLED | {"killed"}), injuries=_toll(f, _INJURED | {"injured"}),
            background=False, evidence=_evidence(f, doc.text), extractor=ExtractorInfo(version=__version__),
        )
        ev.background = _background(f, date_info, article.published)
        ev.confidence = _confidence(ev, f)
        scored.append((_salience(ev, f), ev))
    scored.sort(key=lambda p: -p[0])
    return [ev for _, ev in scored]
