"""Deterministic synthetic articles and records, for tests and benchmarks of the store.

Each synthetic "real event" is reported by one to three articles from different
outlets with slightly different wording, places a few km apart and differing tolls,
so the merge rule has work to do.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Iterator

from strife.article import Article
from strife.records import (
    Acled, Actor, ArticleRef, DateInfo, Event, Evidence, ExtractorInfo, Location, Plover, Toll, TollClaim,
    make_event_id,
)

_COUNTRIES = [  # (iso3, lat, lon) of a rough centre
    ("IRQ", 33.0, 44.0), ("SYR", 35.0, 38.0), ("NGA", 10.0, 8.0), ("AFG", 34.0, 66.0),
    ("SOM", 5.0, 46.0), ("MLI", 15.0, -3.0), ("YEM", 15.5, 47.5), ("COD", -2.0, 24.0),
]
_SYLLABLES = ["ka", "ri", "mo", "ta", "lu", "sen", "bar", "di", "ol", "ze", "qa", "nu"]


def _places(rng: random.Random, n: int = 240) -> list[tuple[str, str, str, float, float]]:
    """(name, country, admin1, lat, lon) of ``n`` made-up places."""
    out = []
    for i in range(n):
        iso, clat, clon = _COUNTRIES[i % len(_COUNTRIES)]
        name = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        out.append((name, iso, f"{iso}-R{rng.randrange(6)}", clat + rng.uniform(-3, 3), clon + rng.uniform(-3, 3)))
    return out
_TYPES = [
    ("ASSAULT", "190", "Explosions/Remote violence", "Air/drone strike", ["aerial"]),
    ("ASSAULT", "180", "Battles", "Armed clash", ["firearms"]),
    ("ASSAULT", "180", "Violence against civilians", "Attack", ["firearms"]),
    ("PROTEST", "141", "Protests", "Peaceful protest", []),
    ("COERCE", "173", "Strategic developments", "Arrests", []),
]
_ACTORS = [
    ("State Army", "state", "MIL"), ("Northern Militia", "non_state", "MILITIA"),
    ("River Brigade", "non_state", "REB"), ("Civilians", "unknown", "CIV"),
    ("Police", "state", "POLICE"), ("Coalition Forces", "international", "MIL"),
]
_OUTLETS = ["Daily Wire Service", "Global Times Report", "Regional Herald", "World Desk", "Field News"]
_VERBS = ["attacked", "struck", "hit", "raided", "shelled"]


def synthetic_corpus(n_events: int, *, seed: int = 0, start: date = date(2019, 1, 1)) -> Iterator[tuple[Article, list[Event]]]:
    """Yield about ``n_events`` records grouped into (Article, [Event]) pairs.

    Every article carries one or two records; each real event is reported by 1-3 articles.
    """
    rng = random.Random(seed)
    places = _places(rng)
    made = 0
    k = 0
    while made < n_events:
        k += 1
        day = start + timedelta(days=rng.randrange(0, 365))
        place = rng.choice(places)
        ptype, cameo, atype, asub, mode = rng.choice(_TYPES)
        a1, a2 = rng.sample(_ACTORS, 2)
        deaths = rng.randrange(0, 40)
        for r in range(rng.choice([1, 1, 2, 3])):
            if made >= n_events:
                break
            outlet = _OUTLETS[(k + r) % len(_OUTLETS)]
            pub = day + timedelta(days=r)
            verb = rng.choice(_VERBS)
            sentence = f"{a1[0]} {verb} {a2[0]} positions near {place[0]}, killing {deaths + r} people."
            text = f"Report {k}-{r} from {outlet}. {sentence} Officials confirmed the toll on {pub.isoformat()}."
            art = Article(text=text, id=f"syn-{seed}-{k}-{r}", title=f"Clash near {place[0]}", published=pub,
                          source=outlet, url=f"https://example.org/{seed}/{k}/{r}")
            sha = art.text_sha256
            s0 = text.index(sentence)
            ev = Event(
                event_id=make_event_id(sha, f"e0-{k}-{r}"),
                article=ArticleRef(id=art.id, url=art.url, title=art.title, published=pub.isoformat(),
                                   source=outlet, text_sha256=sha),
                plover=Plover(type=ptype, mode=mode, context=["military"]),
                cameo=cameo,
                acled=Acled(event_type=atype, sub_event_type=asub),
                actors=[
                    Actor(role="actor", name=a1[0], text=a1[0], span=(s0, s0 + len(a1[0])), kind=a1[1],
                          sector=a1[2], country=place[1]),
                    Actor(role="recipient", name=a2[0], text=a2[0], span=(s0, s0 + len(a2[0])), kind=a2[1],
                          sector=a2[2], country=place[1]),
                ],
                date=DateInfo(start=day.isoformat(), end=day.isoformat(), precision="day",
                              basis="relative_to_published" if r else "explicit"),
                locations=[Location(name=place[0], text=place[0], span=(s0, s0 + 5), country=place[1],
                                    admin1=place[2], lat=place[3] + rng.uniform(-0.03, 0.03),
                                    lon=place[4] + rng.uniform(-0.03, 0.03), precision="city")],
                fatalities=Toll(low=deaths + r, best=deaths + r, high=deaths + r, claims=[
                    TollClaim(value=deaths + r, qualifier="exact", victims="people", side="recipient",
                              source="officials", text=f"killing {deaths + r} people", span=(s0, s0 + 10))]),
                evidence=[Evidence(text=sentence, span=(s0, s0 + len(sentence)))],
                confidence=round(rng.uniform(0.3, 0.99), 3),
                extractor=ExtractorInfo(version="0.1.0"),
            )
            made += 1
            yield art, [ev]
