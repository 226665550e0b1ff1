#!/usr/bin/env python3
"""Derive ``src/strife/data/ontology/cameo.tsv`` from the PLOVER repository's CAMEO->PLOVER table.

Inputs (read only, never copied):
  <shared>/data/plover-gsr/CAMEO2PLOVER-2021.txt   CAMEO code -> PLOVER type, mode, context (draft 0.8, 2021)
  <shared>/data/phoenix-dictionaries/CAMEO.2.0.txt PETRARCH2 verb dictionary (only to check that every code it
                                                   uses is present in the table)

The crosswalk gives a PLOVER reading for CAMEO 03-20. This script adds:
  * the CAMEO 1.1b3 names of every code (written here from the CAMEO manual; the crosswalk's comments are
    used where present), plus the extension codes PETRARCH2/ICEWS use (176, 1834, 1951, 1952);
  * CAMEO 01 (public statements: PLOVER does not code them, type left empty) and 02 (appeals: PLOVER's
    REQUEST, modes parallel to 10x);
  * a short list of corrections, each with its reason (``OVERRIDES``), where the 2021 crosswalk disagrees
    with the current PLOVER manual or puts a context in the mode slot.

Usage:  python scripts/build_ontology.py            # writes the table
        python scripts/build_ontology.py --check    # exits 1 if the shipped table differs
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from strife.settings import get_settings  # noqa: E402

OUT = REPO / "src" / "strife" / "data" / "ontology" / "cameo.tsv"

# CAMEO 1.1b3 event codes and names (root categories in upper case), plus marked extensions.
CAMEO_NAMES: dict[str, str] = {
    "01": "MAKE PUBLIC STATEMENT",
    "010": "Make statement, not specified below",
    "011": "Decline comment",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
    "02": "APPEAL",
    "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for aid",
    "0231": "Appeal for economic aid",
    "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform",
    "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change",
    "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime",
    "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
    "03": "EXPRESS INTENT TO COOPERATE",
    "030": "Express intent to cooperate, not specified below",
    "031": "Express intent to engage in material cooperation",
    "0311": "Express intent to cooperate economically",
    "0312": "Express intent to cooperate militarily",
    "0313": "Express intent to cooperate on judicial matters",
    "0314": "Express intent to cooperate on intelligence",
    "032": "Express intent to provide diplomatic cooperation (such as policy support)",
    "033": "Express intent to provide material aid",
    "0331": "Express intent to provide economic aid",
    "0332": "Express intent to provide military aid",
    "0333": "Express intent to provide humanitarian aid",
    "0334": "Express intent to provide military protection or peacekeeping",
    "034": "Express intent to institute political reform",
    "0341": "Express intent to change leadership",
    "0342": "Express intent to change policy",
    "0343": "Express intent to provide rights",
    "0344": "Express intent to change institutions, regime",
    "035": "Express intent to yield",
    "0351": "Express intent to ease administrative sanctions",
    "0352": "Express intent to ease popular dissent",
    "0353": "Express intent to release persons or property",
    "0354": "Express intent to ease economic sanctions, boycott, or embargo",
    "0355": "Express intent to allow international involvement (non-mediation)",
    "0356": "Express intent to de-escalate military engagement",
    "036": "Express intent to meet or negotiate",
    "037": "Express intent to settle dispute",
    "038": "Express intent to accept mediation",
    "039": "Express intent to mediate",
    "04": "CONSULT",
    "040": "Consult, not specified below",
    "041": "Discuss by telephone",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a 'third' location",
    "045": "Mediate",
    "046": "Engage in negotiation",
    "05": "ENGAGE IN DIPLOMATIC COOPERATION",
    "050": "Engage in diplomatic cooperation, not specified below",
    "051": "Praise or endorse",
    "052": "Defend verbally",
    "053": "Rally support on behalf of",
    "054": "Grant diplomatic recognition",
    "055": "Apologize",
    "056": "Forgive",
    "057": "Sign formal agreement",
    "06": "ENGAGE IN MATERIAL COOPERATION",
    "060": "Engage in material cooperation, not specified below",
    "061": "Cooperate economically",
    "062": "Cooperate militarily",
    "063": "Engage in judicial cooperation",
    "064": "Share intelligence or information",
    "07": "PROVIDE AID",
    "070": "Provide aid, not specified below",
    "071": "Provide economic aid",
    "072": "Provide military aid",
    "073": "Provide humanitarian aid",
    "074": "Provide military protection or peacekeeping",
    "075": "Grant asylum",
    "08": "YIELD",
    "080": "Yield, not specified below",
    "081": "Ease administrative sanctions",
    "0811": "Ease restrictions on political freedoms",
    "0812": "Ease ban on political parties or politicians",
    "0813": "Ease curfew",
    "0814": "Ease state of emergency or martial law",
    "082": "Ease political dissent",
    "083": "Accede to requests or demands for political reform",
    "0831": "Accede to demands for change in leadership",
    "0832": "Accede to demands for change in policy",
    "0833": "Accede to demands for rights",
    "0834": "Accede to demands for change in institutions, regime",
    "084": "Return, release, not specified below",
    "0841": "Return, release person(s)",
    "0842": "Return, release property",
    "085": "Ease economic sanctions, boycott, embargo",
    "086": "Allow international involvement, not specified below",
    "0861": "Receive deployment of peacekeepers",
    "0862": "Receive inspectors",
    "0863": "Allow delivery of humanitarian aid",
    "087": "De-escalate military engagement",
    "0871": "Declare truce, ceasefire",
    "0872": "Ease military blockade",
    "0873": "Demobilize armed forces",
    "0874": "Retreat or surrender militarily",
    "09": "INVESTIGATE",
    "090": "Investigate, not specified below",
    "091": "Investigate crime, corruption",
    "092": "Investigate human rights abuses",
    "093": "Investigate military action",
    "094": "Investigate war crimes",
    "10": "DEMAND",
    "100": "Demand, not specified below",
    "101": "Demand material cooperation",
    "1011": "Demand economic cooperation",
    "1012": "Demand military cooperation",
    "1013": "Demand judicial cooperation",
    "1014": "Demand intelligence cooperation",
    "102": "Demand diplomatic cooperation (such as policy support)",
    "103": "Demand material aid",
    "1031": "Demand economic aid",
    "1032": "Demand military aid",
    "1033": "Demand humanitarian aid",
    "1034": "Demand military protection or peacekeeping",
    "104": "Demand political reform",
    "1041": "Demand change in leadership",
    "1042": "Demand policy change",
    "1043": "Demand rights",
    "1044": "Demand change in institutions, regime",
    "105": "Demand that target yields",
    "1051": "Demand easing of administrative sanctions",
    "1052": "Demand easing of popular dissent",
    "1053": "Demand release of persons or property",
    "1054": "Demand easing of economic sanctions, boycott, or embargo",
    "1055": "Demand that target allows international involvement (non-mediation)",
    "1056": "Demand de-escalation of military engagement",
    "106": "Demand meeting, negotiation",
    "107": "Demand settling of dispute",
    "108": "Demand mediation",
    "11": "DISAPPROVE",
    "110": "Disapprove, not specified below",
    "111": "Criticize or denounce",
    "112": "Accuse, not specified below",
    "1121": "Accuse of crime, corruption",
    "1122": "Accuse of human rights abuses",
    "1123": "Accuse of aggression",
    "1124": "Accuse of war crimes",
    "1125": "Accuse of espionage, treason",
    "113": "Rally opposition against",
    "114": "Complain officially",
    "115": "Bring lawsuit against",
    "116": "Find guilty or liable (legally)",
    "12": "REJECT",
    "120": "Reject, not specified below",
    "121": "Reject material cooperation",
    "1211": "Reject economic cooperation",
    "1212": "Reject military cooperation",
    "1213": "Reject judicial cooperation",
    "1214": "Reject intelligence cooperation",
    "122": "Reject request or demand for material aid",
    "1221": "Reject request for economic aid",
    "1222": "Reject request for military aid",
    "1223": "Reject request for humanitarian aid",
    "1224": "Reject request for military protection or peacekeeping",
    "123": "Reject request or demand for political reform",
    "1231": "Reject request for change in leadership",
    "1232": "Reject request for policy change",
    "1233": "Reject request for rights",
    "1234": "Reject request for change in institutions, regime",
    "124": "Refuse to yield",
    "1241": "Refuse to ease administrative sanctions",
    "1242": "Refuse to ease popular dissent",
    "1243": "Refuse to release persons or property",
    "1244": "Refuse to ease economic sanctions, boycott, or embargo",
    "1245": "Refuse to allow international involvement (non-mediation)",
    "1246": "Refuse to de-escalate military engagement",
    "125": "Reject proposal to meet, discuss, or negotiate",
    "126": "Reject mediation",
    "127": "Reject plan, agreement to settle dispute",
    "128": "Defy norms, law",
    "129": "Veto",
    "13": "THREATEN",
    "130": "Threaten, not specified below",
    "131": "Threaten non-force, not specified below",
    "1311": "Threaten to reduce or stop aid",
    "1312": "Threaten to boycott, embargo, or sanction",
    "1313": "Threaten to reduce or break relations",
    "132": "Threaten with administrative sanctions, not specified below",
    "1321": "Threaten to impose restrictions on political freedoms",
    "1322": "Threaten to ban political parties or politicians",
    "1323": "Threaten to impose curfew",
    "1324": "Threaten to impose state of emergency or martial law",
    "133": "Threaten political dissent, protest",
    "134": "Threaten to halt negotiations",
    "135": "Threaten to halt mediation",
    "136": "Threaten to halt international involvement (non-mediation)",
    "137": "Threaten with repression",
    "138": "Threaten to use military force, not specified below",
    "1381": "Threaten blockade",
    "1382": "Threaten occupation",
    "1383": "Threaten unconventional violence",
    "1384": "Threaten conventional attack",
    "1385": "Threaten attack with WMD",
    "139": "Give ultimatum",
    "14": "PROTEST",
    "140": "Engage in political dissent, not specified below",
    "141": "Demonstrate or rally",
    "1411": "Demonstrate for leadership change",
    "1412": "Demonstrate for policy change",
    "1413": "Demonstrate for rights",
    "1414": "Demonstrate for change in institutions, regime",
    "142": "Conduct hunger strike",
    "1421": "Conduct hunger strike for leadership change",
    "1422": "Conduct hunger strike for policy change",
    "1423": "Conduct hunger strike for rights",
    "1424": "Conduct hunger strike for change in institutions, regime",
    "143": "Conduct strike or boycott",
    "1431": "Conduct strike or boycott for leadership change",
    "1432": "Conduct strike or boycott for policy change",
    "1433": "Conduct strike or boycott for rights",
    "1434": "Conduct strike or boycott for change in institutions, regime",
    "144": "Obstruct passage, block",
    "1441": "Obstruct passage to demand leadership change",
    "1442": "Obstruct passage to demand policy change",
    "1443": "Obstruct passage to demand rights",
    "1444": "Obstruct passage to demand change in institutions, regime",
    "145": "Protest violently, riot",
    "1451": "Engage in violent protest for leadership change",
    "1452": "Engage in violent protest for policy change",
    "1453": "Engage in violent protest for rights",
    "1454": "Engage in violent protest for change in institutions, regime",
    "15": "EXHIBIT FORCE POSTURE",
    "150": "Demonstrate military or police power, not specified below",
    "151": "Increase police alert status",
    "152": "Increase military alert status",
    "153": "Mobilize or increase police power",
    "154": "Mobilize or increase armed forces",
    "16": "REDUCE RELATIONS",
    "160": "Reduce relations, not specified below",
    "161": "Reduce or break diplomatic relations",
    "162": "Reduce or stop material aid, not specified below",
    "1621": "Reduce or stop economic assistance",
    "1622": "Reduce or stop military assistance",
    "1623": "Reduce or stop humanitarian assistance",
    "163": "Impose embargo, boycott, or sanctions",
    "164": "Halt negotiations",
    "165": "Halt mediation",
    "166": "Expel or withdraw, not specified below",
    "1661": "Expel or withdraw peacekeepers",
    "1662": "Expel or withdraw inspectors, observers",
    "1663": "Expel or withdraw aid agencies",
    "17": "COERCE",
    "170": "Coerce, not specified below",
    "171": "Seize or damage property, not specified below",
    "1711": "Confiscate property",
    "1712": "Destroy property",
    "172": "Impose administrative sanctions, not specified below",
    "1721": "Impose restrictions on political freedoms",
    "1722": "Ban political parties or politicians",
    "1723": "Impose curfew",
    "1724": "Impose state of emergency or martial law",
    "173": "Arrest, detain, or charge with legal action",
    "174": "Expel or deport individuals",
    "175": "Use tactics of violent repression",
    "176": "Attack cybernetically",
    "18": "ASSAULT",
    "180": "Use unconventional violence, not specified below",
    "181": "Abduct, hijack, or take hostage",
    "182": "Physically assault, not specified below",
    "1821": "Sexually assault",
    "1822": "Torture",
    "1823": "Kill by physical assault",
    "183": "Conduct suicide, car, or other non-military bombing, not specified below",
    "1831": "Carry out suicide bombing",
    "1832": "Carry out vehicular bombing",
    "1833": "Carry out roadside bombing",
    "1834": "Carry out location bombing",
    "184": "Use as human shield",
    "185": "Attempt to assassinate",
    "186": "Assassinate",
    "19": "FIGHT",
    "190": "Use conventional military force, not specified below",
    "191": "Impose blockade, restrict movement",
    "192": "Occupy territory",
    "193": "Fight with small arms and light weapons",
    "194": "Fight with artillery and tanks",
    "195": "Employ aerial weapons, not specified below",
    "1951": "Employ precision-guided aerial munitions",
    "1952": "Employ remotely piloted aerial munitions",
    "196": "Violate ceasefire",
    "20": "USE UNCONVENTIONAL MASS VIOLENCE",
    "200": "Use unconventional mass violence, not specified below",
    "201": "Engage in mass expulsion",
    "202": "Engage in mass killings",
    "203": "Engage in ethnic cleansing",
    "204": "Use weapons of mass destruction, not specified below",
    "2041": "Use chemical, biological, or radiological weapons",
    "2042": "Detonate nuclear weapons",
}

# Codes outside the CAMEO 1.1b3 manual that coders in use emit (PETRARCH2 / ICEWS).
EXTENSIONS = {"176", "1834", "1951", "1952"}


@dataclass(frozen=True)
class Reading:
    plover_type: str
    mode: str
    contexts: tuple[str, ...]
    provenance: str


# Corrections to the 2021 crosswalk: code -> (type, mode, contexts, reason).
OVERRIDES: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "195": ("ASSAULT", "aerial", ("military",), "aerial weapons get their own mode (crosswalk: heavy-weapons)"),
    "1951": ("ASSAULT", "aerial", ("military",), "extension code; aerial mode"),
    "1952": ("ASSAULT", "aerial", ("military",), "extension code (drones); aerial mode"),
    "1712": ("ASSAULT", "destroy", ("human_security",), "manual moved 'destroy property' to ASSAULT mode destroy"),
    "1711": ("COERCE", "confiscate", ("human_security",), "manual's COERCE mode is 'confiscate'"),
    "175": ("ASSAULT", "", ("pro_autocracy", "military"), "crosswalk put the context pro_autocracy in the mode slot"),
    "163": ("SANCTION", "sever", ("economic",), "manual lists 'impose embargo, boycott, or sanctions' under SANCTION"),
    "085": ("RETREAT", "", ("economic",), "crosswalk notes 'ease' is no longer a mode"),
    "071": ("AID", "economic", ("economic",), "manual's AID modes: economic, military, humanitarian, asylum"),
    "072": ("AID", "military", ("military",), "manual's AID modes: economic, military, humanitarian, asylum"),
    "073": ("AID", "humanitarian", ("humanitarian",), "manual's AID modes: economic, military, humanitarian, asylum"),
    "074": ("AID", "military", ("peacekeeping",), "manual's AID modes: economic, military, humanitarian, asylum"),
    "075": ("AID", "asylum", ("migration",), "crosswalk put asylum in the context slot; it is an AID mode"),
    "0831": ("RETREAT", "resign", ("political_institutions",), "manual: RETREAT covers resignations (crosswalk: CONCEDE)"),
    "116": ("SANCTION", "convict", ("legal",), "manual moved 'find guilty or liable' from DISAPPROVE to SANCTION mode convict"),
    "1834": ("ASSAULT", "explosives", (), "extension code; location bombing"),
    "176": ("COERCE", "", ("cyber",), "extension code; cyber attack"),
    "142": ("PROTEST", "strike-hun", (), "manual's hunger-strike mode is 'strike-hun'"),
    "1421": ("PROTEST", "strike-hun", ("executive",), "manual's hunger-strike mode is 'strike-hun'"),
    "1422": ("PROTEST", "strike-hun", ("executive",), "manual's hunger-strike mode is 'strike-hun'"),
    "1423": ("PROTEST", "strike-hun", ("rights_freedoms",), "manual's hunger-strike mode is 'strike-hun'"),
    "1424": ("PROTEST", "strike-hun", ("political_institutions",), "manual's hunger-strike mode is 'strike-hun'"),
    "1823": ("ASSAULT", "primitive", (), "killing by physical assault: primitive weapons (knives, clubs)"),
    "184": ("ASSAULT", "", (), "human shields are not abduction"),
    "2041": ("ASSAULT", "cbrn", ("cbrn",), "chemical/biological weapons: mode cbrn"),
    "2042": ("ASSAULT", "cbrn", ("cbrn",), "nuclear weapons: mode cbrn"),
    "204": ("ASSAULT", "cbrn", ("cbrn",), "weapons of mass destruction: mode cbrn"),
}

# CAMEO 02 (appeals) is read as PLOVER REQUEST with the modes of the parallel 10x codes.
APPEAL_MODES = {"021": "assist", "022": "assist", "023": "assist", "024": "change", "025": "yield",
                "026": "meet", "027": "meet", "028": "meet"}

_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*)(?:,([^#]*))?(?:#(.*))?$")


def parse_crosswalk(path: Path) -> dict[str, Reading]:
    """The crosswalk's code lines; a repeated code keeps its first reading."""
    out: dict[str, Reading] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None:
            continue  # root headings such as "03: AGREE" and the closing rule
        code, ptype, mode, ctx = m.group(1), m.group(2), (m.group(3) or "").strip(), (m.group(4) or "")
        contexts = tuple(c.strip() for c in ctx.split(";") if c.strip())
        out.setdefault(code, Reading(ptype, mode.replace(" ", ""), contexts, "crosswalk"))
    return out


def petrarch_codes(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return set(re.findall(r"\[(\d{2,4})\]", text)) | set(re.findall(r"\[:?(\d{2,4})(?::\d{2,4})?\]", text))


def quad_class(code: str) -> int:
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def build_rows(data_dir: Path) -> list[list[str]]:
    cross = parse_crosswalk(data_dir / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    rows = [["code", "name", "plover_type", "plover_mode", "plover_context", "quad_class", "source", "note"]]
    for code, name in CAMEO_NAMES.items():
        source = "extension" if code in EXTENSIONS else "cameo-1.1b3"
        if len(code) == 2:  # root category: reading of its x0 code
            reading_code = code + "0"
        else:
            reading_code = code
        note = ""
        if reading_code in OVERRIDES:
            ptype, mode, ctx, note = OVERRIDES[reading_code]
            reading = Reading(ptype, mode, ctx, "override")
        elif reading_code in cross:
            reading = cross[reading_code]
        elif reading_code.startswith("01"):
            reading = Reading("", "", (), "none")
            note = "PLOVER does not code public statements"
        elif reading_code.startswith("02"):
            reading = Reading("REQUEST", APPEAL_MODES.get(reading_code[:3], ""), (), "derived")
            note = "appeals read as REQUEST, modes as in 10x"
        else:
            parent = reading_code[:3]
            if parent in OVERRIDES:
                ptype, mode, ctx, _ = OVERRIDES[parent]
                reading = Reading(ptype, mode, ctx, "derived")
            elif parent in cross:
                reading = Reading(cross[parent].plover_type, cross[parent].mode, cross[parent].contexts, "derived")
            else:
                raise SystemExit(f"no PLOVER reading for CAMEO {code} and none for its parent {parent}")
            note = f"reading of parent {parent}"
        rows.append([code, name, reading.plover_type, reading.mode, ";".join(reading.contexts),
                     str(quad_class(code)), f"{source}/{reading.provenance}", note])
    missing = sorted(c for c in petrarch_codes(data_dir / "phoenix-dictionaries" / "CAMEO.2.0.txt")
                     if c not in CAMEO_NAMES)
    if missing:
        raise SystemExit(f"PETRARCH2 uses CAMEO codes missing from the table: {missing}")
    unknown = sorted(c for c in cross if c not in CAMEO_NAMES)
    if unknown:
        raise SystemExit(f"crosswalk codes missing from CAMEO_NAMES: {unknown}")
    return rows


def render(rows: list[list[str]]) -> str:
    return "".join("\t".join(r) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped table instead of writing")
    args = ap.parse_args(argv)
    data_dir = get_settings().require_shared_dir() / "data"
    text = render(build_rows(data_dir))
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(REPO)}: {'up to date' if same else 'DIFFERS'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)} ({len(text.splitlines()) - 1} codes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
