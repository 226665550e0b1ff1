"""Property-based: random and mutated article text never makes `strife.extract` raise."""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import strife

SEED_LIKE = (
    "Gunmen attacked a police station in Peshawar on Monday, killing at least five officers, "
    "a spokesman said. The army said troops killed 12 militants in the clash.\n\n"
    "Protesters marched in Nairobi on Friday; police fired tear gas and arrested 30 people."
)


def _mutate(text: str, cuts: list[int], junk: str) -> str:
    out = text
    for c in cuts:
        c = c % (len(out) + 1)
        out = out[:c] + junk + out[c + len(junk):]
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    events = strife.extract(text, published="2024-03-06")
    assert isinstance(events, list)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=6),
       st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
       st.one_of(st.none(), st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2030, 1, 1))))
def test_mutated_news_never_raises(cuts, junk, published):
    events = strife.extract(_mutate(SEED_LIKE, cuts, junk), published=published)
    for ev in events:
        for a in ev.actors:
            assert 0 <= a.span[0] <= a.span[1]
        if published is None:
            assert ev.date.basis in ("unresolved", "explicit")
