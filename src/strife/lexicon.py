"""Loading of the small NLP word lists kept as data files under ``strife/data/nlp``."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_wordlists(name: str) -> dict[str, frozenset[str]]:
    """A JSON file of ``{key: [words]}`` as frozensets (keys starting with ``_`` are comments)."""
    path = resources.files("strife") / "data" / "nlp" / f"{name}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
