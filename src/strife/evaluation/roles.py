"""Who did what to whom: role and actor evaluation on MUC-4, WikiEvents, RAMS and PLOVER gold.

    python -m strife.evaluation.roles [--limit N] [--only muc4,wikievents,rams,plover] [--misses K]

One function per set, each returning a :class:`SetResult` (scores, accuracies and categorised misses):

* :func:`evaluate_muc4` - MUC-4 dev (GRIT format). Entity-level F1 with GRIT's CEAF-REE rule
  (``eval.py`` of xinyadu/grit_doc_event_entity): SQuAD-style string normalisation (lower case, no
  punctuation, no articles), per document and role a maximum bipartite matching between predicted
  and gold entities with phi_strict (a predicted entity matches a gold one when every one of its
  mention strings is among the gold entity's mentions), summed over documents, micro-averaged over
  roles. We predict one mention string per entity. The headline ``perp+target`` is the micro
  average over PerpInd, PerpOrg, Target and Victim (GRIT also averages Weapon, which strife does not
  extract; ``all5`` includes it). The predictions are the roles of strife's ASSAULT records
  (:data:`MUC_TYPES`: a MUC-4 template is a terrorist incident, not a military engagement (FIGHT) or an
  arrest (COERCE)). MUC text is upper case only; by default it is truecased first
  (:func:`truecase`, a table of word casings read from the mixed-case news sets in ``../shared``),
  and single line breaks inside paragraphs are joined.
* :func:`evaluate_wikievents` / :func:`evaluate_rams` - attacker, target, victim, scored per gold
  conflict event (gold trigger given, as in the usual argument-extraction setting): the strife
  records whose evidence covers the trigger and whose PLOVER type is violent supply the predictions.
* :func:`evaluate_plover` - PLOVER gold records: actor country and sector accuracy (gold actor text
  aligned to strife actors by span), actor roles, and the ``dead``/``injured`` counts.

Role mapping (strife -> gold role names; see ``ROLE_MAP_DOC``):

=================  ==========================================================================
gold role          strife prediction
=================  ==========================================================================
MUC PerpOrg        ``actor`` whose text names a dictionary actor (not a person) or a state
                   institution noun (army, police, armed forces, government ...), or an
                   organisation (kind state/non_state/international) by its own name
MUC PerpInd        every other ``actor`` (descriptions: "guerrillas", "terrorists"; persons)
MUC Victim         ``recipient`` of kind ``person`` (hum_tgt_name holds person names only)
MUC Target         ``recipient`` whose text is headed by a facility noun, or that is neither a person
                   nor a recognised party (kind ``unknown``, no sector, not in the dictionary) (phys_tgt_id)
attacker           ``actor`` (KAIROS Attacker, Killer, Injurer; RAMS attacker, killer, injurer)
target             ``recipient`` of an attack event (KAIROS/RAMS Target)
victim             ``recipient`` of a die/injure event, and the victim nouns of its toll claims
=================  ==========================================================================

Every gold item missed is put in one category (:data:`CATEGORIES`) for the error analysis.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import string
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from strife.evaluation.scores import Score
from strife.article import Article
from strife.records import Event

# ------------------------------------------------------------------------------------------------
# shared pieces

CATEGORIES = (
    "no_event",             # no (violent) strife record where the gold event is
    "gated",                # MUC-4: the role model's document gate judged the article to report no incident
    "role_missing",         # a record is there, the gold entity is a recognised actor mention, but in no role
    "wrong_role",           # the gold entity is predicted, in another role
    "wrong_normalisation",  # the actor is found in the right place, its country/sector is wrong
    "wrong_span",           # a prediction overlaps the gold entity but its string/head does not match
    "dictionary_gap",       # the gold entity is not recognised as an actor mention at all
    "facility_target",      # a physical target (building, vehicle): strife's roles hold parties only
    "spurious",             # a prediction matching no gold entity (precision side)
)

VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "FIGHT"})
# the records a MUC-4 template stands for: a MUC-4 incident is a terrorist act (attack, bombing,
# kidnapping, arson, murder: PLOVER ASSAULT, "unconventional violence"); the MUC-4 task definition
# leaves out military engagements between armed forces and guerrillas (PLOVER FIGHT) and arrests,
# seizures or curfews (PLOVER COERCE). MUC-4 dev perp+target F1 0.261 with all three types, 0.274 with ASSAULT.
MUC_TYPES = frozenset({"ASSAULT"})

ROLE_MAP_DOC = {
    "muc4": {"PerpOrg": "actor naming a dictionary organisation or a state institution",
             "PerpInd": "any other actor", "Victim": "recipient of kind person",
             "Target": "recipient headed by a facility noun"},
    "wikievents": {"attacker": "actor (Attacker, Killer, Injurer)", "target": "recipient of an attack (Target)",
                   "victim": "recipient of a die/injure event + toll-claim victim nouns (Victim)"},
    "rams": {"attacker": "actor (attacker, killer, injurer)", "target": "recipient of an attack (target)",
             "victim": "recipient of a die/injure event + toll-claim victim nouns (victim)"},
}


class EvaluationDataError(FileNotFoundError):
    """A development set is missing from ``../shared/data``."""


def data_dir() -> Path:
    """``<shared>/data`` (``$STRIFE_SHARED_DIR`` or ``../shared`` beside the repository)."""
    from strife.settings import discover_shared_dir

    shared = discover_shared_dir()
    if shared is None or not (shared / "data").is_dir():
        raise EvaluationDataError("shared data not found: set STRIFE_SHARED_DIR or place ../shared next to the repository")
    return shared / "data"


def _need(path: Path) -> Path:
    if not path.exists():
        raise EvaluationDataError(f"evaluation data missing: {path}")
    return path


@dataclass
class Miss:
    """One gold item missed (or one spurious prediction), with its category and context."""

    dataset: str
    doc_id: str
    role: str
    category: str
    gold: str
    predicted: Optional[str] = None
    context: str = ""


@dataclass
class SetResult:
    dataset: str
    scores: dict[str, Score] = field(default_factory=dict)
    accuracy: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (correct, total)
    misses: list[Miss] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    n_docs: int = 0
    seconds: float = 0.0

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def acc(self, name: str) -> float:
        ok, n = self.accuracy.get(name, (0, 0))
        return ok / n if n else 0.0

    def bump(self, name: str, ok: bool) -> None:
        c, n = self.accuracy.get(name, (0, 0))
        self.accuracy[name] = (c + int(ok), n + 1)

    def category_counts(self, role: Optional[str] = None) -> Counter:
        return Counter(m.category for m in self.misses if role is None or m.role == role)

    def table(self) -> str:
        lines = [f"## {self.dataset} ({self.n_docs} docs, {self.seconds:.0f} s)",
                 "| field | P | R | F1 | tp | pred | gold |", "|---|---|---|---|---|---|---|"]
        for k, s in self.scores.items():
            lines.append(f"| {k} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp:g} | {s.n_pred:g} | {s.n_gold:g} |")
        if self.accuracy:
            lines += ["", "| accuracy | value | correct/total |", "|---|---|---|"]
            for k, (ok, n) in self.accuracy.items():
                lines.append(f"| {k} | {ok / n if n else 0:.3f} | {ok}/{n} |")
        cats = self.category_counts()
        if cats:
            lines += ["", "misses by category: " + ", ".join(f"{c} {n}" for c, n in cats.most_common())]
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)

    def examples(self, per_category: int = 3) -> str:
        out: list[str] = []
        by: dict[str, list[Miss]] = defaultdict(list)
        for m in self.misses:
            by[m.category].append(m)
        for cat in CATEGORIES:
            ms = by.get(cat)
            if not ms:
                continue
            out.append(f"### {self.dataset}: {cat} ({len(ms)})")
            for m in ms[:per_category]:
                out.append(f"- [{m.doc_id}] {m.role}: gold={m.gold!r} predicted={m.predicted!r}\n    {m.context[:300]!r}")
        return "\n".join(out)


@dataclass
class Extraction:
    """The records of one article, with the actor mentions the resolver found (for error analysis)."""

    article: Article
    events: list[Event]
    mentions: list  # strife.components.actors.ActorMention
    sentences: list[tuple[int, int]]
    gate: Optional[float] = None  # the role model's document gate (doc._.strife_role_gate)

    def sentence_of(self, char: int) -> str:
        for s, e in self.sentences:
            if s <= char < e:
                return self.article.text[s:e]
        return ""

    def mention_at(self, start: int, end: int):
        hits = [m for m in self.mentions if m.start_char < end and start < m.end_char]
        return min(hits, key=lambda m: m.end_char - m.start_char) if hits else None


def run_extraction(articles: Sequence[Article], nlp=None, batch_size: int = 16) -> Iterator[Extraction]:
    """Like :func:`strife.pipeline.extract_many`, also returning the actor mentions of each doc."""
    from strife.assemble import frames_to_events
    from strife.pipeline import _make_doc, get_nlp

    nlp = nlp or get_nlp()
    arts = [a for a in articles]
    docs = (_make_doc(nlp, a) for a in arts)
    for art, doc in zip(arts, nlp.pipe(docs, batch_size=batch_size)):
        events = frames_to_events(doc, art) if art.text.strip() else []
        yield Extraction(art, events, list(doc._.strife_actors or []), [(s.start_char, s.end_char) for s in doc.sents],
                         doc._.strife_role_gate)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


# ------------------------------------------------------------------------------------------------
# MUC-4 (GRIT)

MUC_ROLES = ("perp_individual_id", "perp_organization_id", "phys_tgt_id", "hum_tgt_name", "incident_instrument_id")
MUC_NAMES = {"perp_individual_id": "PerpInd", "perp_organization_id": "PerpOrg", "phys_tgt_id": "Target",
             "hum_tgt_name": "Victim", "incident_instrument_id": "Weapon"}
MUC_HEADLINE = ("perp_individual_id", "perp_organization_id", "phys_tgt_id", "hum_tgt_name")
# scoring map only (not extraction): heads that make a described state actor an organisation
_INSTITUTION_HEADS = frozenset({"army", "military", "police", "government", "forces", "force", "guard",
                                "navy", "command", "battalion", "brigade", "ministry", "cartel", "party", "front"})
_ORG_KINDS = frozenset({"state", "non_state", "international"})
# scoring map only: the members of a force named before them ("Guatemalan army troops")
_MEMBER_NOUNS = frozenset({"troops", "soldiers", "members", "agents", "units", "men", "officers", "commandos",
                           "elements", "personnel", "guardsmen", "policemen"})
# MUC-4 templates are terrorist incidents: an attack whose every target is a combatant (soldiers, a battalion,
# rebel forces) is guerrilla warfare, not one (11 of MUC-4 train's 793 targets are military or police, all
# posts, vehicles or patrols: things, which strife reads as facilities, not as the force)
_COMBATANT_SECTORS = frozenset({"MIL", "REB"})
# nouns that name an organisation, however described
_ORGANISATION_NOUNS = frozenset({"cartel", "cartels", "mafia", "mafias"})
# ... and a site of a combat unit is a military target (1 of MUC-4 train's 793 physical targets names one: "RESIDENCE
# FOR U.S. MILITARY ADVISERS"); so are a force's barracks, convoys, armored or military vehicles, bases, positions
# and outposts (none is among MUC-4 train's 368 physical target entities; police posts and patrols are)
_COMBATANT_SITE = re.compile(r"\b(?:brigade|battalion|regiment|garrison|civil defen[cs]e|military posts?|barracks|"
                             r"armou?red (?:cars?|vehicles?)|convoys?|positions|military (?:bases?|vehicles?|trucks?)|"
                             r"outposts?)\b", re.I)


def normalize_grit(s: str) -> str:
    """GRIT's ``normalize_string``: lower case, no punctuation, no articles, single spaces."""
    s = s.lower()
    s = "".join(ch for ch in s if ch not in set(string.punctuation))
    s = re.sub(r"\b(a|an|the)\b", " ", s)
    return " ".join(s.split())


def ceaf_ree(pred: list[list[str]], gold: list[list[str]]) -> float:
    """GRIT's CEAF-REE with phi_strict over one document and role: the matched similarity."""
    if not pred or not gold:
        return 0.0
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    scores = np.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        gs = set(g)
        for j, p in enumerate(pred):
            scores[i, j] = 1.0 if all(m in gs for m in p) else 0.0
    rows, cols = linear_sum_assignment(-scores)
    return float(scores[rows, cols].sum())


@lru_cache(maxsize=1)
def _case_table() -> dict[str, str]:
    """lower-case word -> its most frequent non-sentence-initial casing in the mixed-case news sets."""
    counts: dict[str, Counter] = defaultdict(Counter)
    d = data_dir()

    def feed(tokens: Iterable[str]) -> None:
        prev = "."
        for t in tokens:
            if t.isalpha() and prev not in (".", "!", "?", '"', "``", "\n"):
                counts[t.lower()][t] += 1
            prev = t

    rams = d / "rams" / "dev.jsonlines"
    if rams.is_file():
        for line in rams.open(encoding="utf-8"):
            for sent in json.loads(line)["sentences"]:
                feed(sent)
    wiki = d / "wikievents" / "dev.jsonl"
    if wiki.is_file():
        for line in wiki.open(encoding="utf-8"):
            rec = json.loads(line)
            for sent in _as_obj(rec["sentences"]):
                feed(t[0] for t in sent[0])
    case = d / "case2021-task2" / "snippets.tsv"
    if case.is_file():
        import csv

        with case.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                feed(re.findall(r"[A-Za-z]+|[.!?]", r["EventSnippet"]))
    return {w: c.most_common(1)[0][0] for w, c in counts.items()}


@lru_cache(maxsize=1)
def _model_words() -> frozenset[str]:
    """The strings of the bare spaCy model (strife's pipeline adds dictionary aliases to its own)."""
    import spacy

    from strife.settings import get_settings

    return frozenset(spacy.load(get_settings().model).vocab.strings)


def truecase(text: str) -> str:
    """Truecase ALL-CAPS text: words take their usual casing in the mixed-case news sets, else
    lower case when the spaCy model knows only the lower-case form, else Title case (taken for
    names); short dictionary acronyms stay upper case; sentences start upper case."""
    from strife.actor_dictionary import get_actor_dictionary

    table = _case_table()
    d = get_actor_dictionary()
    known = _model_words()  # the model's own word list: "substation" yes, "Ellacuria" no

    def word(m: re.Match) -> str:
        w = m.group(0)
        if "." in w:
            return w.upper()  # U.S., U.N.: dotted initials stay capitals
        low = w.lower()
        if low in table:
            return table[low]
        if len(w) <= 5 and (not re.search(r"[AEIOU]", w) or d.lookup(w) is not None):
            return w  # FMLN, ELN, URNG
        title = w[:1] + w[1:].lower()
        if low in known and title not in known:
            return low
        return title

    out = re.sub(r"\b(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:'[A-Za-z]+)?", word, text)
    up = lambda m: m.group(1) + m.group(2).upper()  # noqa: E731
    out = re.sub(r"(^\s*|[.!?]\s+|\n\s*)([a-z])", up, out)
    return re.sub(r"((?:^|\n)\s*[A-Z][A-Za-z' .-]*:\s+)([a-z])", up, out)  # after a speaker label


# FBIS transcription notes, not words of the report: "(WORDS INDISTINCT)", "(BEGIN RECORDING)"
_TRANSCRIPT_NOTE_RE = re.compile(
    r"\s*\((?:(?:words?|passage|question|sentence|name|names|figures?|number)\s+(?:indistinct|omitted)"
    r"|(?:begin|end)\s+recording|continued|changes\s+thought|applause|as\s+heard|laughter)\)", re.I)


def muc_text(raw: str, mode: str = "truecase") -> str:
    """MUC document text as strife reads it: line breaks inside paragraphs joined, the FBIS
    transcription notes dropped; optionally truecased."""
    text = re.sub(r"(?<!\n)\n(?!\n)", " ", raw)
    text = _TRANSCRIPT_NOTE_RE.sub("", text)
    # a speaker label opening a paragraph: "(REPORTER) HOW DID ..." -> "REPORTER: HOW DID ..."
    text = re.sub(r"(^|\n)([ \t]*)\(([A-Za-z][A-Za-z' .-]{0,38})\)[ \t]*", r"\1\2\3: ", text)
    if mode == "truecase":
        return truecase(text)
    if mode == "raw":
        return text
    raise ValueError(f"unknown MUC text mode {mode!r} (expected 'truecase' or 'raw')")


def load_muc4(split: str = "dev") -> dict[str, dict]:
    return json.loads(_need(data_dir() / "muc4-grit" / f"{split}.json").read_text(encoding="utf-8"))


def _head_word(text: str) -> str:
    """The phrase's head noun: its last word, before an "of" phrase ("members of the National police": members)."""
    words = normalize_grit(text).split()
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    return words[-1] if words else ""


def _is_proper_name(text: str) -> bool:
    """Every word capitalised ("FMLN", "Manuel Rodriguez Patriotic Front"; articles and "of" aside):
    the text names something rather than describing it ("the Salvadoran guerrillas")."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if w.lower() not in ("the", "a", "an", "of", "and", "de", "del", "la", "los")]
    return bool(words) and all(w[:1].isupper() for w in words)


def _names_something(text: str) -> bool:
    """Some word of the text is capitalised ("Shining Path", "Tupac Amaru Revolutionary movement"): a name,
    where an all lower-case text ("terrorists", "the rebels") is a description."""
    return any(w[:1].isupper() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text))


def _entity_text(actor) -> Optional[str]:
    """The string an actor record stands for in the MUC scoring: its text (a person's full name where the text
    is its surname), or the name the resolver gave a pronoun ("he" -> "Rodriguez Gacha"); None for an
    unresolved pronoun."""
    from strife.actor_dictionary import get_actor_dictionary
    from strife.components.actors import _PRONOUNS_GROUP, _PRONOUNS_PERSON

    pron = _PRONOUNS_GROUP | _PRONOUNS_PERSON
    if normalize_grit(actor.text) not in pron:
        if getattr(actor, "kind", None) == "person" and actor.name and len(actor.name) > len(actor.text) \
                and normalize_grit(actor.name).endswith(" " + normalize_grit(actor.text)):
            text = actor.name  # a person told by surname ("Marcelo") is the name the record gives ("Carlos Marcelo")
        else:
            text = actor.text
        return _untitled(text) if getattr(actor, "kind", None) == "person" and getattr(actor, "role", None) == "recipient" else text
    if normalize_grit(actor.name) in pron:
        return None
    if getattr(actor, "kind", None) == "unknown" and len(actor.name.split()) == 1 \
            and get_actor_dictionary().lookup(actor.name) is None:
        return None  # "it" read as "Company" or "Evict" (a common word the truecased copy capitalised): no party named
    return actor.name


_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "father", "msgr", "monsignor", "rev", "reverend", "sister", "brother",
                         "don", "dona", "doctor", "engineer", "eng", "attorney", "prof", "professor"})


_QUANTITY_WORDS = frozenset({"many", "several", "some", "various", "numerous"})  # besides numbers (strife.numbers)


def _without_nationality(text: str) -> str:
    """A thing hit named without the count or the nationality before it ("the Salvadoran consulate" -> "consulate",
    "a Honduran helicopter" -> "helicopter", "many houses" -> "houses"): MUC-4 fills a physical target with the thing
    (13 of 500 train mentions keep a nationality)."""
    from strife.actor_dictionary import get_actor_dictionary
    from strife.numbers import is_number_word

    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    bare = words
    if len(bare) >= 2 and (bare[0].lower() in _QUANTITY_WORDS or is_number_word(bare[0])):
        bare = bare[1:]  # "many houses", "six armored vehicles": MUC-4 files the things (9 of 368 train targets count)
    if len(bare) >= 2 and get_actor_dictionary().demonym_country(bare[0]) is not None:
        bare = bare[1:]
    return " ".join(bare) if bare is not words else text


_HEDGES = frozenset({"alleged", "presumed", "suspected", "supposed", "apparent", "purported", "possible"})


def _unhedged(text: str) -> str:
    """A perpetrator described without the hedge before it ("alleged urban guerrillas" -> "urban guerrillas",
    "the presumed guerrillas" -> "guerrillas"): MUC-4 files the description the hedge qualifies (3 of MUC-4 train's
    426 individual perpetrators keep one)."""
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) >= 2 and words[0].lower() in _HEDGES:
        return " ".join(words[1:])
    return text


_RANK_BEFORE = re.compile(r"\b(colonel|col\.?|captain|capt\.?|general|gen\.?|lieutenant|lt\.?|major|sergeant|sgt\.?|"
                          r"corporal|cpl\.?)\s+$", re.I)


def _rank_before(text: str, start: int) -> Optional[str]:
    """The military rank written right before a name ("Colonel" in "Colonel Hector Heriberto Hernandez"): MUC-4 files
    a perpetrator with it (9 of the 15 MUC-4 train perpetrators whose rank the text gives)."""
    m = _RANK_BEFORE.search(text[max(0, start - 14):start]) if text and start > 0 else None
    return m.group(1) if m else None


def _untitled(name: str) -> str:
    """A victim's name without the titles before it ("Dr Jose Antonio Rodriguez Porth", "Col Roberto Ochoa"):
    MUC-4 fills a human target with the bare name (3 of its 480 train and dev victims carry a title). A title before
    one name leaves that name ("MSGR Romero" -> "Romero"; one word, which the mapping then files as no victim: dev
    +0.0007, train +0.0016 against keeping "MSGR Romero")."""
    from strife.actor_dictionary import get_actor_dictionary

    agents = get_actor_dictionary()
    words = name.split()
    while len(words) > 1 and (words[0].lower().rstrip(".") in _HONORIFICS
                              or agents.lookup_agent(words[0].lower().rstrip(".")) is not None):
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _area_nouns() -> frozenset[str]:
    from strife.lexicon import load_wordlists

    words = load_wordlists("factuality")
    return words["anaphoric_town_nouns"] | words["anaphoric_area_nouns"]


def _names_a_country(text: str) -> bool:
    """The text is a nationality or a country's name alone ("Guatemalan", "Hondurans", "the United States", "US")."""
    from strife.actor_dictionary import get_actor_dictionary

    bare = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    return bool(bare) and get_actor_dictionary().demonym_country(bare) is not None


# first words of place and organisation names that are also given names in the actor dictionary ("San Salvador")
_NOT_GIVEN_NAMES = frozenset({"el", "la", "las", "los", "san", "santa", "santo", "the", "de", "del", "national",
                              "general", "saint", "st", "new", "north", "south", "east", "west", "central",
                              "university"})


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The first words of the actor dictionary's people with two names or more ("efrain", "maria")."""
    from strife.actor_dictionary import get_actor_dictionary

    return frozenset(e.name.split()[0].lower() for e in get_actor_dictionary().entries
                     if e.kind == "person" and " " in e.name) - _NOT_GIVEN_NAMES


def _a_persons_name(text: str, facility_nouns: frozenset[str]) -> bool:
    """A name of two to five capitalised words opening with a given name, no building's ("Efrain Rincon Rodriguez",
    a recipient the tagger read as no person): a person."""
    from strife.actor_dictionary import get_actor_dictionary

    words = text.split()
    head = _head_word(text)
    d = get_actor_dictionary()
    sing = head[:-1] if head.endswith("s") else head
    return 2 <= len(words) <= 5 and _is_proper_name(text) and words[0].lower() in _given_names() \
        and head not in facility_nouns and sing not in facility_nouns \
        and d.demonym_country(words[0]) is None and d.lookup_agent(head) is None  # (not "Soviet Marines")


def muc_role_of(actor, facility_nouns: frozenset[str]) -> Optional[str]:
    """The MUC-4 GRIT role a strife actor record maps to (None: not scored)."""
    from strife.actor_dictionary import get_actor_dictionary

    head = _head_word(actor.text)
    if actor.role == "actor":
        if _names_a_country(actor.text):
            return None  # "the Guatemalan violence", "U.S. imperialism", "Let US not say": MUC-4 files no country
            # or nationality as a perpetrator (none of its 415 train and dev organisations is one)
        if head in _ORGANISATION_NOUNS:
            return "perp_organization_id"  # "the cocaine cartels", "drug-trafficking mafias": an organisation, however
            # told (MUC-4 train: 3 more right, dev unchanged)
        if actor.kind == "person" or head in _MEMBER_NOUNS:
            return "perp_individual_id"  # a person, or a force's members ("members of the National police")
        entry = get_actor_dictionary().lookup(actor.text)
        if entry is not None and entry.kind != "person":
            return "perp_organization_id"
        if head in _INSTITUTION_HEADS:
            return "perp_organization_id"
        agent_noun = get_actor_dictionary().lookup_agent(head) is not None
        if actor.kind in _ORG_KINDS and _names_something(actor.text) and (
                (normalize_grit(actor.text) == normalize_grit(actor.name) and not agent_noun)
                or (_is_proper_name(actor.text) and not (agent_noun and len(normalize_grit(actor.text).split()) == 1))):
            # the text names the organisation itself ("FMLN"), not a description of its members; a
            # lower-case description the resolver could give no other name ("terrorists" -> "terrorists", "The
            # kidnappers", "Leftist guerrillas" opening a sentence) names nothing: MUC-4 files it under PerpInd
            return "perp_organization_id"
        return "perp_individual_id"
    if actor.kind == "person" or (actor.kind == "unknown" and _a_persons_name(actor.text, facility_nouns)):
        return "hum_tgt_name"
    sing = head[:-1] if head.endswith("s") else head
    if _COMBATANT_SITE.search(actor.text):
        return None  # "the headquarters of the 1st Infantry Brigade", "the El Triunfo civil defense post"
    if head in _area_nouns() or sing in _area_nouns():
        return None  # "a key mining town", "the Cifuentes border region": where it happened, not a thing hit
    if head in facility_nouns or sing in facility_nouns:
        return "phys_tgt_id"
    d = get_actor_dictionary()
    if actor.kind == "unknown" and not actor.sector and d.lookup(actor.text) is None \
            and d.lookup_agent(head) is None and d.lookup_agent(sing) is None:
        return "phys_tgt_id"  # neither a person, nor people described ("Soviet Marines"), nor a party: a thing hit
    return None


# the kind the scoring map gives a group's members it read off the text ("members of the FMLN"): a PerpInd as written
_MEMBERS_KIND = "members"
_MEMBERS_BEFORE = re.compile(r"\b((?:(?:some|certain|several|presumed|two|three|four|five) )?"
                             r"(?:members|member|officers|guerrillas|troops|soldiers|commandos|units|elements|fighters)"
                             r") of (?:the )?$", re.I)
# a named unit of a group ("the so-called Nelson Mandela cell of the ELN"): MUC-4 files the unit as PerpInd
_NAMED_UNIT_BEFORE = re.compile(r"\b((?:[A-Z][\w'-]* ){1,4}(?:cell|column|front|commando|command|unit|squad))"
                                r" of (?:the )?$")


def _members_of(actor, text: str, mentions: Sequence) -> list:
    """A perpetrator told as members of a group, as MUC-4 files it: the group read for "members of the FMLN" gives
    "members of the FMLN" (PerpInd) beside the group; "certain officers" followed by "of the armed forces" is
    "certain officers of the armed forces", beside the armed forces. Any other actor as it is."""
    if actor.role != "actor" or not text or actor.kind == "person":
        return [actor]
    start, end = actor.span
    if actor.kind in _ORG_KINDS and actor.kind != "state":
        before = text[max(0, start - 60):start]
        m = _MEMBERS_BEFORE.search(before) or _NAMED_UNIT_BEFORE.search(before)
        if m is not None:
            # (with the acronym in brackets after the name, as MUC-4 files it: "members of the FMLN (FMLN)")
            acronym = re.match(r" ?\([A-Za-z][A-Za-z-]{1,9}\)", text[end:end + 13])
            end = end + acronym.end() if acronym else end
            phrase = text[start - len(m.group(0)) + m.start(1) - m.start(0):end]
            return [actor, actor.model_copy(update={"text": phrase, "name": phrase, "kind": _MEMBERS_KIND,
                                                    "span": (end - len(phrase), end)})]
        return [actor]
    words = actor.text.split()
    if not words or words[-1].lower() not in _MEMBER_NOUNS:
        return [actor]
    gap = re.match(r"\s+(?:of|from) ((?:the |that )?)", text[end:end + 12])
    if gap is None:
        return [actor]
    group = next((g for g in mentions if g.start_char in (end + gap.start(1), end + gap.end()) and g.how != "pronoun"),
                 None)
    if group is None:
        return [actor]
    org = actor.model_copy(update={"text": group.text, "name": group.name, "kind": group.kind, "sector": group.sector,
                                   "span": (group.start_char, group.end_char)})
    if org.kind == "state" or muc_role_of(org, frozenset()) != "perp_organization_id":
        return [actor]
    phrase = text[start:group.end_char]
    return [actor.model_copy(update={"text": phrase, "name": phrase, "kind": _MEMBERS_KIND}), org]


def _described_group(actor, mentions: Sequence) -> list:
    """The group a perpetrator told by a description stands for, as the article names it ("the guerrillas" the
    resolver read as the ELN named before: "ELN"): MUC-4 files the group as PerpOrg beside the description."""
    if actor.role != "actor" or actor.kind != "non_state" or _is_proper_name(actor.text) \
            or normalize_grit(actor.text) == normalize_grit(actor.name):
        return []
    named = next((m for m in mentions if m.name == actor.name and m.named), None)
    if named is None:
        return []  # (the dictionary's name for a group the article never names: measured worse, 0.399 -> 0.397)
    return [actor.model_copy(update={"text": named.text, "span": (named.start_char, named.end_char)})]


def _group_and_members(actor) -> list:
    """An actor told as a group's members ("the FMLN urban commandos"): MUC-4 files the group ("FMLN") as the
    perpetrator organisation and the members ("urban commandos") as the individuals; any other actor as it is."""
    from strife.actor_dictionary import get_actor_dictionary

    if actor.role != "actor" or actor.kind == "person":
        return [actor]
    words = actor.text.split()
    if len(words) >= 3 and words[-1].lower() in _MEMBER_NOUNS and words[-2].lower() in _INSTITUTION_HEADS:
        # "Guatemalan army troops", "Atonal battalion troops": MUC-4 files the force as the organisation too
        org = " ".join(words[1:-1] if words[0].lower() in ("the", "a", "an") else words[:-1])
        return [actor.model_copy(update={"text": org, "name": org}), actor]
    d = get_actor_dictionary()
    whole = d.lookup(actor.text)
    if whole is not None and whole.kind not in ("person", "state"):
        return [actor]  # "Tupac Amaru Revolutionary Movement" is one group's name, not "Tupac Amaru"'s members
    for i in range(len(words) - 1):
        for j in range(len(words) - 1, i, -1):
            entry = d.lookup(" ".join(words[i:j]))
            if entry is not None and entry.kind not in ("person", "state"):
                rest = " ".join(words[j:])
                if j == len(words) - 1 and words[-1].lower() in _MEMBER_NOUNS:
                    # "The FARC members": MUC-4 files the members with their group ("Shining Path members")
                    rest = " ".join(words[1:] if words[0].lower() in ("the", "a", "an") else words)
                return [actor.model_copy(update={"text": " ".join(words[i:j])}),
                        actor.model_copy(update={"text": rest, "name": rest, "kind": "unknown"})]
    return [actor]


# ACLED sub-event types of no violence: an ASSAULT record read as one of these ("Military operations continue in the
# rural area", "the FMLN began its 7th day in the capital") is no incident MUC-4 files
_NONVIOLENT_ACLED = frozenset({"Change to group/activity", "Non-violent transfer of territory", "Arrests",
                               "Headquarters or base established", "Agreement", "Other"})


def muc_predictions(events: Sequence[Event], types: frozenset[str] = MUC_TYPES,
                    mentions: Sequence = (), text: str = "") -> dict[str, list[tuple[str, tuple[int, int]]]]:
    """Per MUC role, one (mention text, span) per predicted entity (entities = canonical names). ``mentions``: the
    article's actor mentions, where a description's group is named (see :func:`_described_group`); ``text``: the
    article's, where a group's members are told ("members of the FMLN": :func:`_members_of`)."""
    from strife.lexicon import load_wordlists

    fac = frozenset(load_wordlists("factuality")["facility_nouns"])
    out: dict[str, list[tuple[str, tuple[int, int]]]] = {r: [] for r in MUC_ROLES}
    seen: set[tuple[str, str]] = set()
    for ev in events:
        if ev.plover.type not in types:
            continue
        hit = [a for a in ev.actors if a.role == "recipient"]
        if hit and all(a.sector in _COMBATANT_SECTORS for a in hit):
            continue  # an attack on troops or rebels only: a military engagement, no terrorist incident
        if ev.acled is not None and ev.acled.sub_event_type in _NONVIOLENT_ACLED:
            continue  # an attack word the ACLED view reads as no violence (MUC-4 train: 7 of 40 such fills right)
        for a in (x for actor in ev.actors for y in _members_of(actor, text, mentions)
                  for x in ([y] if y.kind == _MEMBERS_KIND else _described_group(y, mentions) + _group_and_members(y))):
            said = _entity_text(a)
            if said is None:
                continue
            if said != a.text:
                a = a.model_copy(update={"text": said})
            if a.role == "actor" and a.kind == "person" and said == a.text and (rank := _rank_before(text, a.span[0])):
                a = a.model_copy(update={"text": f"{rank} {a.text}"})  # "Colonel Hector Heriberto Hernandez"
            role = "perp_individual_id" if a.kind == _MEMBERS_KIND else muc_role_of(a, fac)
            if role is None or (role == "hum_tgt_name" and len(normalize_grit(a.text).split()) == 1):
                # (a victim named by one word, "Castaneda", "Departed": 13 of MUC-4 train's 425 victims; strife's are
                # mostly words the truecased copy capitalised)
                continue
            if role == "phys_tgt_id" and (bare := _without_nationality(a.text)) != a.text:
                a = a.model_copy(update={"text": bare})
            if role == "perp_individual_id" and (bare := _unhedged(a.text)) != a.text:
                a = a.model_copy(update={"text": bare})
            key = (role, normalize_grit(a.name) or normalize_grit(a.text))
            norm = normalize_grit(a.text)
            if key in seen or not norm or any(_same_entity(norm, normalize_grit(t)) for t, _ in out[role]):
                continue
            seen.add(key)
            out[role].append((a.text, tuple(a.span)))
    return out


def _same_entity(a: str, b: str) -> bool:
    """Two normalised mentions of one role that name one entity: the same words ("embassy", "Embassy"), or one
    the end of the other ("plane" after "the State Department Hercules C-123 cargo plane", "terrorists" after
    "a group of terrorists"). An entity-level answer lists each entity once."""
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle.strip():
        return []
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text, flags=re.I)]


def _gate_threshold() -> float:
    from strife.rolefill.model import RoleModel

    return RoleModel.load().gate_threshold


def muc_gated(ex: Extraction, threshold: Optional[float] = None) -> bool:
    """MUC-4's relevance decision: a document the role model's gate (trained on MUC-4 train to tell the articles
    that report an incident with named parties; ``doc._.strife_role_gate``) scores below its threshold reports no
    terrorist incident and files no template."""
    return ex.gate is not None and ex.gate < (_gate_threshold() if threshold is None else threshold)


def evaluate_muc4(limit: Optional[int] = None, mode: str = "truecase", types: frozenset[str] = MUC_TYPES,
                  split: str = "dev") -> SetResult:
    """MUC-4 (GRIT) entity-level P/R/F1 per role, ``perp+target`` (4 roles) and ``all5`` micro averages."""
    t0 = time.perf_counter()
    docs = list(load_muc4(split).items())[:limit]
    res = SetResult("muc4-" + split)
    res.n_docs = len(docs)
    res.notes.append(f"text mode {mode}; record types {sorted(types)}; CEAF-REE phi_strict, GRIT normalisation")
    arts = [Article(text=muc_text(v["doc"], mode), id=k) for k, v in docs]
    threshold = _gate_threshold()
    res.notes.append(f"documents the role model's gate scores below {threshold:g} file no template")
    for (doc_id, gold_doc), ex in zip(docs, run_extraction(arts)):
        gated = muc_gated(ex, threshold)
        preds = {r: [] for r in MUC_ROLES} if gated else muc_predictions(ex.events, types, ex.mentions, ex.article.text)
        text = ex.article.text
        has_event = any(e.plover.type in types for e in ex.events)
        for role in MUC_ROLES:
            gold = [[normalize_grit(m) for m in ent] for ent in gold_doc["roles"].get(role, [])]
            pred = [[normalize_grit(t)] for t, _ in preds[role]]
            sim = ceaf_ree(pred, gold)
            s = Score(sim, len(pred), len(gold))
            res.score(MUC_NAMES[role]) .__iadd__(s)
            if role in MUC_HEADLINE:
                res.score("perp+target").__iadd__(s)
            res.score("all5").__iadd__(s)
            _muc_misses(res, doc_id, role, gold_doc["roles"].get(role, []), preds, ex, has_event, text, gated)
    res.seconds = time.perf_counter() - t0
    # keep the table order stable
    order = ["perp+target", "all5", *MUC_NAMES.values()]
    res.scores = {k: res.scores[k] for k in order if k in res.scores}
    return res


def _muc_misses(res: SetResult, doc_id: str, role: str, gold_ents: list[list[str]],
                preds: dict[str, list[tuple[str, tuple[int, int]]]], ex: Extraction, has_event: bool, text: str,
                gated: bool = False) -> None:
    if role == "incident_instrument_id":
        return  # strife does not extract weapons as entities: not analysed
    name = MUC_NAMES[role]
    own = {normalize_grit(t) for t, _ in preds[role]}
    matched_pred: set[str] = set()
    for ent in gold_ents:
        norms = {normalize_grit(m) for m in ent}
        hit = own & norms
        if hit:
            matched_pred |= hit
            continue
        occ = [sp for m in ent for sp in _find_all(text, m)]
        ctx = ex.sentence_of(occ[0][0]) if occ else ""
        other = next(((r, t) for r, ps in preds.items() if r != role for t, _ in ps if normalize_grit(t) in norms), None)
        overl = next(((r, t) for r, ps in preds.items() for t, sp in ps if any(_overlap(sp, o) for o in occ)), None)
        if other is not None:
            cat, got = "wrong_role", f"{MUC_NAMES[other[0]]}:{other[1]}"
        elif overl is not None:
            cat, got = ("wrong_span" if overl[0] == role else "wrong_role"), f"{MUC_NAMES[overl[0]]}:{overl[1]}"
        elif gated:
            cat, got = "gated", None
        elif not has_event:
            cat, got = "no_event", None
        elif role == "phys_tgt_id":
            cat, got = "facility_target", None
        elif any(ex.mention_at(*o) is not None for o in occ):
            m = next(ex.mention_at(*o) for o in occ if ex.mention_at(*o) is not None)
            cat, got = "role_missing", f"mention {m.text!r} -> {m.name}"
        else:
            cat, got = "dictionary_gap", None
        res.misses.append(Miss(res.dataset, doc_id, name, cat, ent[0], got, ctx))
    for t, sp in preds[role]:
        if normalize_grit(t) not in matched_pred:
            res.misses.append(Miss(res.dataset, doc_id, name, "spurious", "", t, ex.sentence_of(sp[0])))


# ------------------------------------------------------------------------------------------------
# WikiEvents and RAMS: per gold event, attacker / target / victim

ATTACKER_ROLES = frozenset({"attacker", "killer", "injurer"})


def _as_obj(v):
    """WikiEvents fields in this copy are Python-literal strings; parse them (never ``eval``)."""
    return ast.literal_eval(v) if isinstance(v, str) else v


def _event_class(event_type: str) -> Optional[str]:
    t = event_type.lower()
    if t.startswith("conflict.attack"):
        return "attack"
    if t.startswith("life.die") or t.startswith("life.injure"):
        return "harm"
    return None


def _gold_role(role: str) -> Optional[str]:
    r = role.lower()
    if r in ATTACKER_ROLES:
        return "attacker"
    if r == "target":
        return "target"
    if r == "victim":
        return "victim"
    return None


@dataclass
class GoldEvent:
    doc_id: str
    klass: str                       # attack | harm
    trigger: tuple[int, int]         # char span in the article text we build
    # role -> entities, each a list of char spans (mentions)
    args: dict[str, list[list[tuple[int, int]]]] = field(default_factory=dict)
    arg_text: dict[str, list[str]] = field(default_factory=dict)


def _predicted_args(ex: Extraction, ev: GoldEvent, local: bool = True) -> dict[str, list[tuple[str, tuple[int, int]]]]:
    """The arguments strife gives a gold event mention: the actors (and, for a death or injury, the toll
    claims) of the records whose evidence covers its trigger. With ``local`` (the default), only those read
    from the trigger's own sentence: a record merges every mention of one event, and WikiEvents and RAMS
    annotate each mention's arguments near it, so the lead's parties are not counted again for a later
    "seven people were killed" (``local=False`` gives the record-level count, reported beside it)."""
    recs = [e for e in ex.events if e.plover.type in VIOLENT_TYPES
            and any(_contains(tuple(x.span), ev.trigger) for x in e.evidence)]
    sent = next(((s, e) for s, e in ex.sentences if s <= ev.trigger[0] < e), None)
    out: dict[str, list[tuple[str, tuple[int, int]]]] = {"attacker": [], "target": [], "victim": []}
    seen: set[tuple[str, tuple[int, int]]] = set()

    def put(role: str, text: str, span) -> None:
        if local and sent is not None and not (sent[0] <= span[0] < sent[1]):
            return
        key = (role, tuple(span))
        if key not in seen:
            seen.add(key)
            out[role].append((text, tuple(span)))

    for e in recs:
        for a in e.actors:
            if a.role == "actor":
                put("attacker", a.text, a.span)
            else:
                put("target" if ev.klass == "attack" else "victim", a.text, a.span)
        if ev.klass == "harm":
            for c in [*e.fatalities.claims, *e.injuries.claims]:
                put("victim", c.text, c.span)
    return out


def _first_match(pred: list[tuple[str, tuple[int, int]]], ent: list[tuple[int, int]], used: set[int]) -> Optional[int]:
    """The first prediction not yet used whose span contains one of the gold entity's mentions."""
    return next((j for j, (_, sp) in enumerate(pred) if j not in used and any(_contains(sp, g) for g in ent)), None)


def _score_event(res: SetResult, ex: Extraction, ev: GoldEvent, local: bool = True) -> None:
    preds = _predicted_args(ex, ev, local)
    if local:  # the record-level count, beside the mention-level one
        whole = _predicted_args(ex, ev, local=False)
        for role in (("attacker", "target") if ev.klass == "attack" else ("attacker", "victim")):
            gold = ev.args.get(role, [])
            used: set[int] = set()
            for ent in gold:
                j = _first_match(whole[role], ent, used)
                if j is not None:
                    used.add(j)
            res.score("all roles (record-level: every actor of the record)").add(len(used), len(whole[role]), len(gold))
    has_record = any(e.plover.type in VIOLENT_TYPES and any(_contains(tuple(x.span), ev.trigger) for x in e.evidence)
                     for e in ex.events)
    roles = ("attacker", "target") if ev.klass == "attack" else ("attacker", "victim")
    for role in roles:
        gold = ev.args.get(role, [])
        pred = preds[role]
        used_pred: set[int] = set()
        tp = 0
        for gi, ent in enumerate(gold):
            j = _first_match(pred, ent, used_pred)
            if j is not None:
                used_pred.add(j)
                tp += 1
                continue
            ctx = ex.sentence_of(ent[0][0]) if ent else ""
            gtext = ev.arg_text[role][gi]
            other = next((f"{r}:{t}" for r, ps in preds.items() if r != role for t, sp in ps if any(_contains(sp, g) for g in ent)), None)
            part = next((t for t, sp in pred if any(_overlap(sp, g) for g in ent)), None)
            ment = next((m for g in ent if (m := ex.mention_at(*g)) is not None), None)
            if other is not None:
                cat, got = "wrong_role", other
            elif part is not None:
                cat, got = "wrong_span", part
            elif not has_record:
                cat, got = "no_event", None
            elif ment is not None:
                cat, got = "role_missing", f"mention {ment.text!r} -> {ment.name}"
            else:
                cat, got = "dictionary_gap", None
            res.misses.append(Miss(res.dataset, ev.doc_id, role, cat, gtext, got, ctx))
        for j, (t, sp) in enumerate(pred):
            if j not in used_pred:
                res.misses.append(Miss(res.dataset, ev.doc_id, role, "spurious", "", t, ex.sentence_of(sp[0])))
        s = Score(tp, len(pred), len(gold))
        res.score(role).__iadd__(s)
        res.score("all roles").__iadd__(s)
    # role-agnostic: is the gold entity among any predicted argument of the event?
    allp = [sp for ps in preds.values() for _, sp in ps]
    gold_all = [ent for r in roles for ent in ev.args.get(r, [])]
    hit = sum(1 for ent in gold_all if any(_contains(sp, g) for sp in allp for g in ent))
    res.score("argument found (any role)").add(hit, len(allp), len(gold_all))
    res.bump("gold events with a violent record", has_record)


def _wiki_text(raw: str, sents: list, keep_spacing: bool) -> tuple[str, list[tuple[int, int]]]:
    """Sentences joined by newlines (the copy's ``text`` runs sentences together), and each token's span."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for toks, _ in sents:
        if not toks:
            continue
        if keep_spacing:
            base = toks[0][1]
            src = raw[base:toks[-1][2]]
            spans.extend((pos + s - base, pos + e - base) for _, s, e in toks)
        else:
            src, p = "", pos
            for t, _, _ in toks:
                spans.append((p, p + len(t)))
                src += t + " "
                p += len(t) + 1
            src = src[:-1]
        parts.append(src)
        pos += len(src) + 1
    return "\n".join(parts), spans


def load_wikievents(split: str = "dev", data: Optional[Path] = None) -> list[tuple[Article, list[GoldEvent]]]:
    """WikiEvents documents and their gold events (``data``: the ``data`` directory; default: found)."""
    from strife.article import clean_text

    d = (data or data_dir()) / "wikievents"
    coref: dict[str, list[list[str]]] = {}
    cpath = d / "coref" / f"{split}.jsonlines"
    if cpath.is_file():
        for line in cpath.open(encoding="utf-8"):
            r = json.loads(line)
            coref[r["doc_key"]] = r["clusters"]
    out = []
    for line in _need(d / f"{split}.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        sents = _as_obj(rec["sentences"])
        # our text: sentences joined by newlines (the copy's ``text`` runs sentences together)
        text, tok_spans = _wiki_text(rec["text"], sents, keep_spacing=True)
        if clean_text(text) != text:  # odd whitespace in the source: rebuild from tokens
            text, tok_spans = _wiki_text(rec["text"], sents, keep_spacing=False)
        ents = {e["id"]: e for e in _as_obj(rec["entity_mentions"])}
        cluster_of: dict[str, list[str]] = {}
        for cl in coref.get(rec["doc_id"], []):
            for eid in cl:
                cluster_of[eid] = cl

        def span(eid: str) -> Optional[tuple[int, int]]:
            e = ents.get(eid)
            if e is None or e["end"] > len(tok_spans):
                return None
            return (tok_spans[e["start"]][0], tok_spans[e["end"] - 1][1])

        events = []
        for em in _as_obj(rec["event_mentions"]):
            klass = _event_class(em["event_type"])
            if klass is None:
                continue
            tr = em["trigger"]
            ge = GoldEvent(rec["doc_id"], klass, (tok_spans[tr["start"]][0], tok_spans[tr["end"] - 1][1]))
            seen_cl: set[int] = set()
            for a in em["arguments"]:
                role = _gold_role(a["role"])
                if role is None:
                    continue
                members = cluster_of.get(a["entity_id"], [a["entity_id"]])
                if id(members) in seen_cl:
                    continue
                seen_cl.add(id(members))
                spans = [s for m in members if (s := span(m)) is not None]
                if spans:
                    ge.args.setdefault(role, []).append(spans)
                    ge.arg_text.setdefault(role, []).append(a["text"])
            events.append(ge)
        out.append((Article(text=text, id=rec["doc_id"]), events))
    return out


def evaluate_wikievents(limit: Optional[int] = None, split: str = "dev") -> SetResult:
    """WikiEvents attacker/target/victim, per gold conflict event (gold entity = coreference cluster;
    a prediction matches when its span contains one of the cluster's head spans)."""
    t0 = time.perf_counter()
    items = load_wikievents(split)[:limit]
    res = SetResult("wikievents-" + split)
    res.n_docs = len(items)
    arts = [a for a, _ in items]
    for (art, evs), ex in zip(items, run_extraction(arts)):
        for ev in evs:
            _score_event(res, ex, ev)
    res.notes.append("gold triggers given; records of types " + ",".join(sorted(VIOLENT_TYPES)) + " whose evidence covers the trigger; "
                     "arguments read from the trigger's sentence (record-level row beside)")
    res.seconds = time.perf_counter() - t0
    return res


def load_rams(split: str = "dev", data: Optional[Path] = None) -> list[tuple[Article, list[GoldEvent]]]:
    """RAMS documents and their gold events (``data``: the ``data`` directory; default: found)."""
    out = []
    for line in _need((data or data_dir()) / "rams" / f"{split}.jsonlines").open(encoding="utf-8"):
        rec = json.loads(line)
        trig_s, trig_e, types = rec["evt_triggers"][0]
        klass = _event_class(types[0][0])
        if klass is None:
            continue
        spans, parts, pos = [], [], 0
        for sent in rec["sentences"]:
            for tok in sent:
                spans.append((pos, pos + len(tok)))
                pos += len(tok) + 1
            parts.append(" ".join(sent))
        text = "\n".join(parts)  # one char between tokens either way: offsets above hold
        ge = GoldEvent(rec["doc_key"], klass, (spans[trig_s][0], spans[trig_e][1]))
        for _, (a_s, a_e), role_name in rec["gold_evt_links"]:
            role = _gold_role(re.sub(r"^evt\d+arg\d+", "", role_name))
            if role is None:
                continue
            # RAMS spans are full phrases: match on the phrase's last token (its usual head)
            ge.args.setdefault(role, []).append([spans[a_e]])
            ge.arg_text.setdefault(role, []).append(text[spans[a_s][0]:spans[a_e][1]])
        art = Article(text=text, id=rec["doc_key"])
        if art.text != text:
            continue  # cleaning changed offsets (rare odd whitespace): skip rather than misalign
        out.append((art, [ge]))
    return out


def evaluate_rams(limit: Optional[int] = None, split: str = "dev") -> SetResult:
    """RAMS attacker/target/victim on the conflict.attack / life.die / life.injure examples
    (a prediction matches when its span contains the gold argument's last token)."""
    t0 = time.perf_counter()
    items = load_rams(split)[:limit]
    res = SetResult("rams-" + split)
    res.n_docs = len(items)
    for (art, evs), ex in zip(items, run_extraction([a for a, _ in items])):
        for ev in evs:
            _score_event(res, ex, ev, local=False)  # RAMS asks for arguments across its five sentences
    res.notes.append("gold trigger given; head = last token of the gold span; record-level arguments")
    res.seconds = time.perf_counter() - t0
    return res


# ------------------------------------------------------------------------------------------------
# PLOVER gold records: actor country / sector, roles, dead / injured


@dataclass
class PloverGold:
    id: str
    text: str
    event: str
    actors: list[tuple[str, str, Optional[str], Optional[str]]]  # (role, actorText, country, sector)
    dead: Optional[int] = None
    injured: Optional[int] = None


def load_plover() -> list[PloverGold]:
    from strife.petrarch_dict import decode_cameo

    rows = json.loads(_need(data_dir() / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    out = []
    for r in rows:
        if r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        actors = []
        for key, role in (("source", "actor"), ("target", "recipient")):
            for a in r.get(key) or []:
                if not isinstance(a, dict) or not a.get("actorText"):
                    continue
                code = a.get("code") or ""
                info = decode_cameo(code) if code else None
                actors.append((role, a["actorText"], info.country if info else None,
                               a.get("sector") or (info.sector if info else None)))

        def num(v) -> Optional[int]:
            try:
                return int(v) if v not in (None, "") else None
            except (TypeError, ValueError):
                return None

        out.append(PloverGold(r["id"], r["text"], r["event"], actors, num(r.get("dead")), num(r.get("injured"))))
    return out


def evaluate_plover(limit: Optional[int] = None) -> SetResult:
    """Actor country and sector accuracy on the PLOVER gold records, with roles and toll counts.

    Each gold actor is aligned to the strife actor (any record) whose span overlaps its text in the
    sentence. ``country (aligned)`` = right country among aligned actors with a gold country;
    ``country (end-to-end)`` counts unaligned gold actors as wrong; ``sector (aligned)`` likewise.
    """
    t0 = time.perf_counter()
    rows = load_plover()[:limit]
    res = SetResult("plover-gsr")
    res.n_docs = len(rows)
    arts = [Article(text=r.text, id=r.id) for r in rows]
    for r, ex in zip(rows, run_extraction(arts)):
        text = ex.article.text
        pred = [(a, e) for e in ex.events for a in e.actors]
        for role, atext, country, sector in r.actors:
            occ = _find_all(text, atext) or _find_all(text, atext.split()[-1])
            aligned = [(a, e) for a, e in pred if any(_overlap(tuple(a.span), o) for o in occ)]
            same_role = [a for a, _ in aligned if a.role == role]
            best = same_role[0] if same_role else (aligned[0][0] if aligned else None)
            ment = next((m for o in occ if (m := ex.mention_at(*o)) is not None), None)
            if country:
                res.bump("country (end-to-end)", best is not None and best.country == country)
                if best is not None:
                    res.bump("country (aligned)", best.country == country)
                elif ment is not None:
                    res.bump("country (mention, any)", ment.country == country)
            if sector and best is not None:
                res.bump("sector (aligned)", (best.sector or "") == sector)
            if best is not None:
                res.bump("role (aligned)", best.role == role)
            res.bump("actor aligned", best is not None)
            # categorise
            cat = got = None
            if best is None:
                if not ex.events:
                    cat = "no_event"
                elif ment is not None:
                    cat, got = "role_missing", f"mention {ment.text!r} -> {ment.name} {ment.country}/{ment.sector}"
                else:
                    cat = "dictionary_gap"
            elif country and best.country != country or (sector and (best.sector or "") != sector):
                cat, got = "wrong_normalisation", f"{best.text!r} -> {best.name} {best.country}/{best.sector}"
            elif best.role != role:
                cat, got = "wrong_role", f"{best.role}:{best.text}"
            if cat:
                res.misses.append(Miss(res.dataset, r.id, role, cat, f"{atext} [{country}/{sector}]", got, text))
        for name, gold_n, kind in (("dead", r.dead, "fatalities"), ("injured", r.injured, "injuries")):
            if gold_n is None:
                continue
            vals = [getattr(e, kind).best for e in ex.events if getattr(e, kind).best is not None]
            got_n = max(vals) if vals else None
            res.bump(f"{name} count exact", got_n == gold_n)
            if got_n != gold_n:
                res.misses.append(Miss(res.dataset, r.id, name, "no_event" if not vals else "wrong_span",
                                       str(gold_n), str(got_n), text))
    res.seconds = time.perf_counter() - t0
    return res


# ------------------------------------------------------------------------------------------------

EVALS = {"muc4": evaluate_muc4, "wikievents": evaluate_wikievents, "rams": evaluate_rams, "plover": evaluate_plover}


def run_all(only: Optional[Sequence[str]] = None, limit: Optional[int] = None) -> list[SetResult]:
    unknown = set(only or ()) - set(EVALS)
    if unknown:
        raise ValueError(f"unknown sets {sorted(unknown)}; expected some of {sorted(EVALS)}")
    return [fn(limit=limit) for name, fn in EVALS.items() if not only or name in only]


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m strife.evaluation.roles", description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="documents per set (default: all)")
    ap.add_argument("--only", default=None, help="comma-separated: " + ",".join(EVALS))
    ap.add_argument("--misses", type=int, default=0, help="print this many example misses per category")
    ap.add_argument("--muc-mode", default="truecase", choices=("truecase", "raw"))
    ap.add_argument("--muc-split", default="dev", choices=("dev", "train"),
                    help="MUC-4 split (train: the role model's training set, annotated apart from dev's TST1/TST2)")
    args = ap.parse_args(argv)
    only = args.only.split(",") if args.only else None
    for name, fn in EVALS.items():
        if only and name not in only:
            continue
        r = fn(limit=args.limit, mode=args.muc_mode, split=args.muc_split) if name == "muc4" else fn(limit=args.limit)
        print(r.table())
        if args.misses:
            print(r.examples(args.misses))
        print()
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
