"""Quality floors on the development sets (pinned at measured values; floors only go up)."""

from __future__ import annotations

import pytest

from strife.evaluation import harness

# measured with `strife evaluate` (see README); rounded down
FLOORS = {
    ("plover-gsr", "event type (top record)"): 0.78,
    ("plover-gsr", "source actor country"): 0.81,
    ("plover-gsr", "target actor country"): 0.72,
    ("case-2021", "ACLED sub-event type (weighted)"): 0.845,
    ("case-2021", "non-ACLED types get no ACLED type"): 0.91,
    ("gold-articles", "events (required once; splits and extras count against)"): 0.82,
    ("gold-articles", "field checks of matched required events"): 0.92,  # 565 of 614 since the twenty-ninth session
}


@pytest.fixture(scope="module")
def result(shared):
    return harness.run(only=["seed", "articles", "plover", "case"])


def test_seed_passes_in_harness(result):
    assert result.get("seed", "field checks").f1 == 1.0


@pytest.mark.parametrize("key", list(FLOORS))
def test_floor(result, key):
    row = result.get(*key)
    assert row.f1 >= FLOORS[key], f"{key}: F1 {row.f1:.3f} fell below the floor {FLOORS[key]}"
