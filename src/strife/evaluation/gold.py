"""Scorer for article-level gold readings in the format of ``shared/seed/gold.json``.

Each gold event lists what a correct record must show. Required events must each come out exactly
once (mentions merged); optional events may come out or not; any other record is a false positive.
``score_gold`` matches records to gold events one-to-one (best field agreement first) and reports
every field check, so a wrong field is visible and fails the article.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional


@dataclass
class FieldCheck:
    event: str
    field: str
    ok: bool
    detail: str = ""


@dataclass
class GoldReport:
    checks: list[FieldCheck] = field(default_factory=list)
    matched: dict[str, Optional[int]] = field(default_factory=dict)  # gold id -> record index
    duplicates: dict[str, list[int]] = field(default_factory=dict)
    false_positives: list[int] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.missing and not self.false_positives and not self.duplicates and all(c.ok for c in self.checks)

    def failures(self) -> list[str]:
        out = [f"{c.event}.{c.field}: {c.detail}" for c in self.checks if not c.ok]
        out += [f"{g}: required event not found" for g in self.missing]
        out += [f"{g}: came out more than once (records {ix})" for g, ix in self.duplicates.items()]
        out += [f"record {i}: false positive" for i in self.false_positives]
        return out

    def summary(self) -> dict:
        n = len(self.checks)
        ok = sum(c.ok for c in self.checks)
        return {"field_checks": n, "fields_ok": ok, "missing": len(self.missing),
                "duplicates": len(self.duplicates), "false_positives": len(self.false_positives), "passed": self.passed}


def _norm(s: Optional[str]) -> str:
    return " ".join((s or "").replace("’", "'").lower().replace("the ", "", 1 if (s or "").lower().startswith("the ") else 0).split())


def _haversine_km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _actor_ok(spec: dict, actors: list[dict], role: str) -> tuple[bool, str]:
    cands = [a for a in actors if a.get("role") == role]
    for a in cands:
        if "country" in spec and a.get("country") != spec["country"]:
            continue
        if "country_any_of" in spec and a.get("country") not in spec["country_any_of"]:
            continue
        if "name_any_of" in spec:
            names = {_norm(n) for n in spec["name_any_of"]}
            if _norm(a.get("name")) not in names and _norm(a.get("text")) not in names:
                continue
        return True, ""
    return False, f"no {role} matching {spec} among {[(a.get('name'), a.get('country')) for a in cands]}"


def _date_ok(spec: dict, d: dict) -> tuple[bool, str]:
    start, end = d.get("start"), d.get("end")
    if not start or not end:
        return False, f"no date range ({d})"
    s, e = date.fromisoformat(start), date.fromisoformat(end)
    if "on" in spec:
        want = date.fromisoformat(spec["on"])
        return (s == e == want), f"{start}..{end} != {spec['on']}"
    if "contains" in spec:
        want = date.fromisoformat(spec["contains"])
        ok = s <= want <= e and (e - s).days + 1 <= spec.get("max_days", 1)
        return ok, f"{start}..{end} does not contain {spec['contains']} within {spec.get('max_days')} days"
    if "month" in spec:
        y, m = map(int, spec["month"].split("-"))
        ok = (s.year, s.month) == (y, m) and (e.year, e.month) == (y, m)
        return ok, f"{start}..{end} not within {spec['month']}"
    return True, ""


def _toll_ok(spec: dict, toll: dict) -> tuple[bool, str]:
    if "about" in spec:
        ok = any(c.get("value") == spec["about"] for c in toll.get("claims", []))
        return ok, f"no claim of about {spec['about']}"
    for k in ("low", "best", "high"):
        if k in spec and toll.get(k) != spec[k]:
            return False, f"{k}={toll.get(k)} != {spec[k]}"
    return True, ""


def _claims_ok(specs: list[dict], claims: list[dict]) -> tuple[bool, str]:
    used: set[int] = set()
    for spec in specs:
        hit = None
        for i, c in enumerate(claims):
            if i in used or c.get("value") != spec["value"]:
                continue
            if "qualifier" in spec and c.get("qualifier") != spec["qualifier"]:
                continue
            if "source_any_of" in spec:
                src = _norm(c.get("source"))
                if not src or not any(_norm(s) in src for s in spec["source_any_of"]):
                    continue
            hit = i
            break
        if hit is None:
            return False, f"no claim matching {spec} in {[(c.get('value'), c.get('qualifier'), c.get('source')) for c in claims]}"
        used.add(hit)
    return True, ""


def check_event(g: dict, r: dict) -> list[FieldCheck]:
    """Every field check gold event ``g`` asks of record ``r`` (a RECORD.md dict)."""
    gid = g["id"]
    out: list[FieldCheck] = []

    def add(name: str, ok: bool, detail: str = "") -> None:
        out.append(FieldCheck(gid, name, bool(ok), "" if ok else detail))

    plover = r.get("plover") or {}
    add("plover_type", plover.get("type") == g["plover_type"], f"{plover.get('type')} != {g['plover_type']}")
    if "plover_mode_any_of" in g:
        add("plover_mode", bool(set(plover.get("mode") or []) & set(g["plover_mode_any_of"])), f"{plover.get('mode')}")
    if "cameo_any_of" in g:
        add("cameo", r.get("cameo") in g["cameo_any_of"], f"{r.get('cameo')} not in {g['cameo_any_of']}")
    if "acled_sub_event_type" in g:
        got = (r.get("acled") or {}).get("sub_event_type")
        add("acled_sub_event_type", got == g["acled_sub_event_type"], f"{got}")
    for role, key in (("actor", "actor"), ("recipient", "recipient")):
        if key in g:
            ok, why = _actor_ok(g[key], r.get("actors") or [], role)
            add(key, ok, why)
    locs = r.get("locations") or []
    if "location_countries_all_of" in g:
        got = {loc.get("country") for loc in locs}
        add("location_countries", set(g["location_countries_all_of"]) <= got, f"{sorted(c for c in got if c)}")
    if "location" in g:
        spec = g["location"]
        ok, why = False, f"no location matching {spec} in {[(loc.get('name'), loc.get('country')) for loc in locs]}"
        for loc in locs:
            if "country" in spec and loc.get("country") != spec["country"]:
                continue
            if "name" in spec and _norm(loc.get("name")) != _norm(spec["name"]) and _norm(loc.get("text")) != _norm(spec["name"]):
                continue
            if "admin1_any_of" in spec and loc.get("admin1") not in spec["admin1_any_of"]:
                continue
            if "lat" in spec:
                if loc.get("lat") is None or _haversine_km(loc["lat"], loc["lon"], spec["lat"], spec["lon"]) > spec.get("max_km", 25):
                    continue
            ok, why = True, ""
            break
        add("location", ok, why)
    if "date" in g:
        ok, why = _date_ok(g["date"], r.get("date") or {})
        add("date", ok, why)
    for key in ("fatalities", "injuries"):
        if key in g:
            ok, why = _toll_ok(g[key], r.get(key) or {})
            add(key, ok, why)
    if "fatality_claims" in g:
        ok, why = _claims_ok(g["fatality_claims"], (r.get("fatalities") or {}).get("claims", []))
        add("fatality_claims", ok, why)
    if "background" in g and "background_note" not in g:  # a note means either flag is acceptable
        add("background", r.get("background") == g["background"], f"{r.get('background')}")
    return out


def _identity_ok(g: dict, r: dict) -> bool:
    """Could record ``r`` be a reading of gold event ``g`` at all (same type; actor country if given)?"""
    if (r.get("plover") or {}).get("type") != g["plover_type"]:
        return False
    spec = g.get("actor") or {}
    if "country" in spec or "country_any_of" in spec:
        ok, _ = _actor_ok({k: v for k, v in spec.items() if k != "name_any_of"}, r.get("actors") or [], "actor")
        if not ok and any(a.get("role") == "actor" for a in r.get("actors") or []):
            return False
    return True


def score_gold(gold: dict, records: list[dict]) -> GoldReport:
    report = GoldReport()
    events = gold["events"]
    # candidate pairs, best agreement first; required events before optional ones
    pairs = []
    for gi, g in enumerate(events):
        for ri, r in enumerate(records):
            if not _identity_ok(g, r):
                continue
            checks = check_event(g, r)
            pairs.append((not g.get("required", False), -sum(c.ok for c in checks), gi, ri, checks))
    pairs.sort(key=lambda p: (p[0], p[1], p[2], p[3]))
    used_g: dict[int, int] = {}
    used_r: set[int] = set()
    for _, _, gi, ri, checks in pairs:
        if gi in used_g or ri in used_r:
            continue
        used_g[gi] = ri
        used_r.add(ri)
        g = events[gi]
        report.matched[g["id"]] = ri
        if g.get("required", False):
            report.checks.extend(checks)
    # a second record that reads the same required event fully is a duplicate, not a new event
    for gi, g in enumerate(events):
        if g.get("required", False) and gi not in used_g:
            report.missing.append(g["id"])
    for ri, r in enumerate(records):
        if ri in used_r:
            continue
        dup_of = [events[gi]["id"] for gi in used_g if events[gi].get("required", False)
                  and all(c.ok for c in check_event(events[gi], r) if c.field in ("plover_type", "actor", "recipient", "date"))]
        if dup_of:
            report.duplicates.setdefault(dup_of[0], [used_g[[e["id"] for e in events].index(dup_of[0])]]).append(ri)
        else:
            report.false_positives.append(ri)
    return report
