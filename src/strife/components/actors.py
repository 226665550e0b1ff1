"""Actor mentions: named actors, descriptions, titles and within-article coreference.

Component ``strife_actors`` reads ``doc.ents`` (including the ``ACTOR`` spans the actor-dictionary
ruler adds before NER), noun chunks and the parse; it writes ``doc._.strife_actors``: a list of
:class:`ActorMention`, each resolved to a canonical actor where the dictionary or the article allows.
"""



import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import Optional, TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import strife.doc_ext  # noqa: F401
from strife.dateline import in_dateline
from strife.doc_ext import doc_text, token_table
from strife.factuality import claim_disowned, is_responsibility_claim, opens_separately
from strife.lexicon import load_wordlists
from strife.actor_dictionary import get_actor_dictionary

_PRONOUNS_PERSON = {"he", "him", "his", "she", "her"}
_STATE_FORCE_SECTORS = frozenset({"MIL", "COP"})
# a person's government or forces ("Cristiani's government", "Duarte's army"): parties of their own
_PERSON_OWNED_SECTORS = frozenset({"GOV", "MIL", "COP"})
_PRONOUNS_GROUP = {"it", "its", "they", "them", "their"}
_PRONOUNS_SINGULAR = {"it", "its"}
_NOT_AGENT_ENTS = frozenset({"TIME", "DATE", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})
GROUP_ANAPHOR_CHARS = 1500
_INDEFINITE = frozenset({"a", "an", "some", "several", "unidentified", "unknown", "suspected", "other"})
# words that say who the people are is not known ("the uniformed men", "two masked gunmen")
_UNIDENTIFIED = frozenset({"unidentified", "unknown", "uniformed", "masked", "hooded", "unnamed"})
T = TypeVar("T")
_GROUP_SECTORS = {"MILITIA", "REB", "INS", "TER", "SEP", "UAF", "PTY"}
_CONTEXT_SECTORS = _GROUP_SECTORS | {"OPP"}
_TRANSNATIONAL = ("IMG", "IGO", "NGO", "MNC")
_ARMED_MEN_SECTORS = frozenset({"REB", "UAF", "MILITIA"})  # what "gunmen", "fighters", "members" alone are read as


SUBJECT_ANTECEDENT_SENTENCES = 4
_SITE_PREPS = frozenset({"in", "near", "outside"})


_WHERE_PREPS = frozenset({"in", "at", "near", "inside", "within", "throughout", "across"})


def _named_town(head: Token) -> bool:
    """Is the name the one "the town of" / "the village of" gives, or where a site is ("the base in El Dheere",
    "a market near Gwoza")?"""
    prep = head.head
    if head.dep_ != "pobj" or prep.head is prep:
        return False
    words = load_wordlists("factuality")
    site = prep.head.lemma_.lower()
    return (prep.lower_ == "of" and site in words["anaphoric_town_nouns"]) or (
        prep.lower_ in _SITE_PREPS and prep.head.pos_ == "NOUN"
        and (site in words["site_nouns"] or site in words["anaphoric_town_nouns"] or site in words["camp_nouns"]))


@dataclass
class ActorMention:
    start_char: int
    end_char: int
    text: str
    head_i: int
    name: str
    country: Optional[str] = None
    sector: Optional[str] = None
    kind: str = "unknown"
    affiliation: list[str] = field(default_factory=list)
    how: str = "ner"  # dictionary | metonym | ner | description | person | surname | coref | pronoun
    named: bool = True  # a name (not a description or pronoun)
    also_countries: list[str] = field(default_factory=list)  # "Hungarian and Romanian officials": the others
    country_from_context: bool = False  # the country is the sentence's or article's, not the name's
    # a pronoun's antecedent in its own sentence, (start_char, end_char, text): the words a record shows
    # for it ("Syria says it will withdraw": "Syria", not "it")
    antecedent: Optional[tuple[int, int, str]] = None
    # the canonical name of whoever a possessive pronoun makes the owner ("its forces" -> Russia)
    owner: Optional[str] = None

    def covers(self, tok: Token) -> bool:
        return self.start_char <= tok.idx < self.end_char


def _entry_fields(entry, day=None, as_rebels: bool = False) -> dict:
    """Mention fields of a dictionary entry, coded as of ``day`` (the publication date; see
    ``ActorEntry.coding_on``)."""
    sector, kind = entry.coding_on(day, as_rebels)
    return dict(
        name=entry.name, country=entry.country, sector=sector,
        kind=kind or "unknown", affiliation=list(entry.affiliation or []),
    )


def _np_span(tok: Token) -> Span:
    """The noun phrase a token heads, without relative clauses and trailing punctuation."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "nummod", "amod"):  # (not a possessive's "'s": "the government's decision")
            right = max(right, c.right_edge.i)
    while left < tok.i and (doc[left].is_punct or _resultative(doc[left])):
        left += 1
    return doc[left:right + 1]


def _resultative(tok: Token) -> bool:
    """ "dead" in "shooting dead two villagers", "alive" in "burned alive three people": what the verb did to
    them, parsed as their adjective."""
    return tok.lower_ in ("dead", "alive") and tok.dep_ == "amod" and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "VERB"


def _place_country(tok: Token) -> Optional[str]:
    """The country of a geocoded place mention covering ``tok`` ("Darfur" → SDN)."""
    for pm in tok.doc._.strife_places or []:
        if pm.start_char <= tok.idx < pm.end_char:
            return pm.place.country if pm.place is not None else pm.country
    return None


def _modifier_country(tok: Token) -> Optional[str]:
    """Country from demonym/country/place modifiers of a head noun ("Iraqi soldiers", "U.S. forces",
    "Darfur rebels", "rebels in Darfur", "a missionary from Calgary")."""
    d = get_actor_dictionary()
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") and c.i < tok.i:
            iso = d.demonym_country(c.text) or _place_country(c)
            if iso:
                return iso
            e = d.lookup(c.text)
            if e is not None and e.kind == "state" and e.country:
                return e.country
            sub = _modifier_country(c)
            if sub:
                return sub
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "from", "throughout", "across") and c.i > tok.i:
            # "the president of Armenia", "forces of the Syrian government", "rebels in Darfur", "students
            # throughout Indonesia"
            for g in c.children:
                if g.dep_ == "pobj":
                    e = d.lookup(g.text)
                    if e is not None and e.kind == "state" and e.country:
                        return e.country
                    if _place_country(g):
                        return _place_country(g)
                    sub = _modifier_country(g)
                    if sub:
                        return sub
    return None


def _entity_text(tok: Token) -> str:
    """The text of the NORP/GPE entity ``tok`` is part of, else the token's own text."""
    if tok.ent_type_ in ("NORP", "GPE"):
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.text
    return tok.text


def _modifier_countries(tok: Token) -> list[str]:
    """Every country named by coordinated demonyms ("Hungarian and Romanian officials")."""
    d = get_actor_dictionary()
    out: list[str] = []
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
            for x in [c, *c.conjuncts]:
                iso = d.demonym_country(x.text)
                if iso and iso not in out:
                    out.append(iso)
    return out


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> "re.Pattern[str]":
    """``word`` as a whole word (not inside another word or a hyphenated compound), compiled once."""
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")


# where a capital's name stands for its government: the subject of a clause, a passive's agent ("by
# Moscow"), the object of a verb, a possessor ("Tehran's decision"); not a place after "in", "to", "from"
_AGENTIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})


def _agentive(head) -> bool:
    """A position where a capital stands for its government: subject, object, possessor, "by" agent, or
    whom a statement or a talk is addressed to ("called on Washington to investigate", "talks with Moscow")."""
    if head.dep_ in _AGENTIVE_DEPS:
        return True
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ == "by":
        return True
    return prep.lower_ in ("on", "with", "against") and prep.head.pos_ == "VERB" \
        and prep.head.lemma_.lower() in load_wordlists("factuality")["addressed_verbs"]


def _matrix_subject_token(tok: Token) -> Optional[Token]:
    """The subject a subject pronoun in a clause that another clause of its sentence takes (a complement, an
    adverbial clause, a conjunct) refers to: that clause's subject, not the last name before it ("JNIM, an
    al Qaeda affiliate, claimed responsibility ..., saying it had targeted ..." is JNIM). The nearest clause
    with a subject decides, a name or not."""
    verb = tok.head
    steps = 0
    while verb.dep_ in ("ccomp", "advcl", "xcomp", "conj", "parataxis") and verb.head is not verb and steps < 4:
        verb = verb.head
        steps += 1
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
    return None


def _own_clause_subject(tok: Token) -> Optional[Token]:
    """The subject of the clause a possessive is in (climbing noun phrases to the clause's verb): a noun, else
    None ("the 444 Brigade detained one of its rivals" -> "Brigade")."""
    cur, steps = tok.head, 0
    while cur.pos_ not in ("VERB", "AUX") and cur.head is not cur and steps < 6:
        cur, steps = cur.head, steps + 1
    subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None) if cur.pos_ in ("VERB", "AUX") else None
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def _clause_subjects(obj: Token) -> list[Token]:
    """The subjects of the clause an object pronoun is in, through control ("Police fired tear gas to disperse
    them": the police disperse): a pronoun object never refers to its own clause's subject (that is
    "themselves")."""
    verb = obj.head.head if obj.dep_ == "pobj" else obj.head
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs or verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head is verb:
            return subs
        verb = verb.head
    return []


def publication_day(doc: Doc):
    """The doc's publication date as a date (``doc._.published`` may be a datetime), or None: actors are
    coded as of that day (None: as of today)."""
    published = doc._.published
    return published.date() if isinstance(published, datetime) else published


class ActorResolver:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.dict = get_actor_dictionary()
        self.mentions: list[ActorMention] = []
        self.day = publication_day(doc)

    # -- collection -----------------------------------------------------------------------------
    def _covered(self, start: int, end: int) -> bool:
        return any(m.start_char < end and start < m.end_char for m in self.mentions)

    def _add(self, m: ActorMention) -> None:
        if in_dateline(doc_text(self.doc), m.start_char):
            return  # "NAIROBI, June 25 (AP) —": where and by whom the report was filed, not a party
        clitic = next((c for c in ("'s", "’s", "'", "’") if m.text.endswith(c) and len(m.text) > len(c) + 1), None)
        if clitic is not None and m.text[-len(clitic) - 1].isalpha():
            # "The army's delegation": the party is "The army", without the possessive ending
            n = len(clitic)
            m = replace(m, text=m.text[:-n], end_char=m.end_char - n,
                        name=m.name[:-n] if m.name == m.text else m.name)
        if not self._covered(m.start_char, m.end_char):
            self.mentions.append(m)

    def from_entities(self) -> None:
        # names the place recogniser read as towns it resolved ("killed three soldiers near Gao", tagged a person)
        towns = {(pm.start_char, pm.end_char) for pm in self.doc._.strife_places or [] if pm.place is not None}
        countries = {(pm.start_char, pm.end_char) for pm in self.doc._.strife_places or []
                     if pm.place is not None and pm.place.precision == "country"}
        # a name "the town of" gives is a place wherever the text uses it ("in full control of Adan Yabaal")
        town_names = {ent.text for ent in self.doc.ents if ent.label_ in ("PERSON", "ORG") and _named_town(ent.root)}
        for ent in self.doc.ents:
            label = ent.label_
            if label not in ("ACTOR", "PERSON", "ORG", "GPE", "NORP"):
                continue
            if label in ("ACTOR", "ORG", "PERSON") and self._affiliation_modifier(ent.end):
                continue  # "the al Qaeda-linked group JNIM", "the U.S.-backed SDF": whose side, not a party here
            key = ent.ent_id_ if (label == "ACTOR" and ent.ent_id_) else ent.text
            entry = self.dict.lookup(key) or self.dict.lookup(ent.text)
            if entry is None and ent.text.endswith("s"):
                entry = self.dict.lookup(ent.text[:-1])  # "the Kataeb Hezbollahs"
            if entry is None and label == "PERSON":
                entry = self.dict.lookup_person_fuzzy(ent.text)  # "Francois Mitterand"
            if entry is not None and entry.kind == "person" and len(ent) == 1 \
                    and (full := self._longer_name(ent)) is not None:
                ent, label, entry = full, "PERSON", None  # "Major Abdullahi Hassan" is no namesake "Hassan"
            if label in ("PERSON", "ORG") and (entry is None or (entry.kind == "state" and (
                    ent.start_char, ent.end_char) not in countries)) and (
                    (ent.start_char, ent.end_char) in towns or ent.text in town_names):
                continue  # a place, not a party ("the town of Adan Yabaal", tagged a person; "the cities of Mombasa")
            if label in ("PERSON", "ORG") and any(s < ent.start_char and ent.end_char <= e for s, e in towns):
                continue  # the end of a place's name ("Pakistan's Dera Ismail Khan district"): no namesake
            if label in ("PERSON", "ORG") and entry is None and ent.root.dep_ == "compound" and ent.root.head.i == ent.end \
                    and self.dict.lookup_agent(f"{ent.text.lower()} {ent.root.head.lower_}"):
                continue  # "Riot police used pepper spray" (the first word tagged a person): a kind of force
            if label in ("PERSON", "ORG") and entry is None and len(ent) == 1 and ent[0].is_sent_start \
                    and ent.root.dep_ in ("compound", "amod") and ent.root.head.i == ent.end \
                    and ent.root.head.tag_ == "NNS" and self.dict.lookup_agent(ent.root.head.lower_):
                continue  # "Urban guerrillas sabotaged pylons": a sentence's first word, capitalised, describes them
            if label in ("PERSON", "ORG") and entry is None and _names_an_act_or_weapon(ent.root):
                continue  # "the serious situation created by the U.S. Invasion", "took away his Rifle" (capitalised)
            if (label == "PERSON" or (entry is not None and entry.kind == "person")) and ent.root.dep_ == "compound" \
                    and ent.root.head.i >= ent.end \
                    and any(t.lower_ in load_wordlists("factuality")["unit_nouns"] for t in self.doc[ent.end:ent.root.head.i + 1]):
                continue  # "Belloso battalion troops", "the Nelson Mandela cell": the unit's name, no person
            head = ent.root
            base = dict(start_char=ent.start_char, end_char=ent.end_char, text=ent.text, head_i=head.i)
            if label == "NORP" and not (head.pos_ in ("PROPN", "NOUN") and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")):
                continue  # a demonym as a modifier ("Iraqi soldiers", "Iranian-backed"): descriptions use it
            shared = self._shared_institution(ent, entry) if entry is not None else None
            if shared is not None:
                # "Opposition Congress party leaders" in an Indian story, "the Congress" in Lima: many states
                # have one; the dictionary's (the United States') only when the story is there
                country, from_context = shared
                self._add(ActorMention(**base, name=ent.text, country=country, sector=entry.sector, kind="unknown",
                                       how="description", named=False, country_from_context=from_context))
            elif entry is not None:
                fields = _entry_fields(entry, self.day, self._called_rebels(head))
                if label == "NORP" and entry.kind == "state" and entry.sector is None and (
                        head.tag_ in ("NNPS", "NNS") or any(c.dep_ == "det" for c in head.children)):
                    # a people ("Palestinians protested", "attacks on Albanians") or one of them ("shot dead a
                    # 16-year-old Palestinian"): its civilians, as PLOVER and CAMEO coders code them, not its state
                    fields.update(name=f"{entry.name} {self.dict.sector_label('CVL')}", sector="CVL", kind="non_state")
                if fields["kind"] == "person":
                    t_country, t_sector = self._person_context(ent)
                    t_sector = t_sector or self._title_in_name(ent) or self._governing_suffix(ent)
                    # the office outranks a generic "elite" code, and a head of government's title any code
                    # ("Palestinian Prime Minister Ismail Haniyeh" governs, whatever his party's armed wing)
                    if t_sector and (fields["sector"] in (None, "ELI", "UAF") or t_sector == "GOV") \
                            and not self._former(ent):
                        fields["sector"] = t_sector
                    if t_country and not fields["country"]:
                        fields["country"] = t_country
                    of_state = self._of_state(ent)
                    if of_state and of_state != fields["country"]:
                        # "King Hassan of Morocco": the state the text names outranks a namesake's entry
                        fields.update(country=of_state, name=ent.text)
                if not fields["country"]:
                    fields["country"] = _modifier_country(head) or next(
                        (iso for t in ent if (iso := self.dict.demonym_country(t.text))), None)
                self._add(ActorMention(**base, **fields, how="dictionary"))
            elif label == "GPE" and _agentive(head) and (
                    (state := self.dict.lookup(ent.text, metonyms=True)) is not None and state.kind == "state"):
                # a capital standing for its government ("Washington demanded", "an admission by Moscow")
                self._add(ActorMention(**base, name=state.name, country=state.country, sector="GOV", kind="state",
                                       how="metonym"))
            elif label == "PERSON" and head.tag_ in ("NNPS", "NNS") and (
                    iso := next((c for t in ent if (c := self.dict.demonym_country(t.text))), None)):
                # a people the tagger took for a person ("Bosnian Serbs"): a party, like NORP below
                self._add(ActorMention(**base, name=ent.text, country=iso, sector="CVL", kind="non_state", how="ner"))
            elif label == "PERSON":
                country, sector = self._person_context(ent)
                self._add(ActorMention(**base, name=ent.text, country=country, sector=sector, kind="person", how="person"))
            elif label == "ORG":
                # a named body the dictionary lacks is of the kind its head noun names ("the Latvian Constitutional
                # Court" JUD, "Israel's Cabinet" GOV)
                self._add(ActorMention(**base, name=ent.text, country=_modifier_country(head), kind="unknown", how="ner",
                                       sector=self._agent_sector(head) if head.i == ent.end - 1 else None))
            elif label == "NORP":
                # a people as a party ("Bosnian Serbs demanded ..."): its country from the demonym in it
                iso = next((c for t in ent if (c := self.dict.demonym_country(t.text))), None)
                if iso:
                    self._add(ActorMention(**base, name=ent.text, country=iso, sector="CVL", kind="non_state",
                                           how="ner"))

    def _longer_name(self, ent: Span) -> Optional[Span]:
        """The whole name a one-word dictionary name is part of ("Abdullahi Hassan", "Hassan Sheikh"): capitalised
        proper nouns either side that are no title, state or demonym ("King Hassan" is the king); else None."""
        doc = self.doc

        def part(t: Token) -> bool:
            if t.pos_ != "PROPN" or not (t.is_title and t.is_alpha) or t.ent_type_ in ("GPE", "NORP", "ACTOR"):
                return False
            e = self.dict.lookup(t.text)
            return self.dict.lookup_agent(t.lower_) is None and self.dict.demonym_country(t.text) is None \
                and (e is None or e.kind == "person")

        start, end = ent.start, ent.end
        while start > max(0, ent.start - 3) and not doc[start].is_sent_start and part(doc[start - 1]):
            start -= 1
        while end < min(len(doc), ent.end + 3) and not doc[end].is_sent_start and part(doc[end]):
            end += 1
        return doc[start:end] if (start, end) != (ent.start, ent.end) else None

    def _of_state(self, ent: Span) -> Optional[str]:
        """The state named right after a person's name by "of" ("King Hassan of Morocco")."""
        doc = self.doc
        if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of" or doc[ent.end].head.i != ent.root.i:
            return None
        state = next((e for e in doc.ents if e.start == ent.end + 1 and e.label_ == "GPE"), None)
        entry = self.dict.lookup(state.text) if state is not None else None
        return entry.country if entry is not None and entry.kind == "state" else None

    def _person_context(self, ent: Span) -> tuple[Optional[str], Optional[str]]:
        """Title words around a person's name: "Nigerian President Bola Tinubu"."""
        doc = self.doc
        country = sector = None
        i = ent.start - 1
        words = []
        if i >= 0:
            # doc[i].sent == ent.sent, for i before the entity: i in the entity's sentence, and the entity
            # within one sentence (spaCy's token.sent scans the doc on every call)
            sent = ent.sent
            tt = token_table(doc)
            lo = sent.start if not any(doc[k].is_sent_start for k in range(ent.start + 1, ent.end)) else i + 1
            while i >= 0 and i >= ent.start - 6 and i >= lo:
                if tt.text[i] == "-" and words and i - 1 >= lo and tt.pos[i - 1] in ("PROPN", "NOUN", "ADJ"):
                    i -= 1  # "Secretary-General": the words either side of a hyphen make one title
                    continue
                if tt.is_punct[i] or tt.pos[i] not in ("PROPN", "NOUN", "ADJ"):
                    break
                words.append(doc[i])
                i -= 1
        places = {}
        for pm in self.doc._.strife_places or []:
            if pm.place is not None or pm.country:
                places[pm.start_char] = pm.place.country if pm.place is not None else pm.country
        for before, w in zip(words[1:], words):
            # a two-word title outranks its words ("Secretary General" is not a general)
            s = self.dict.lookup_agent(f"{before.lower_} {w.lemma_.lower()}")
            if s:
                sector = s
                break
        for w in words:
            # a word inside a multi-word NORP/GPE entity counts as that entity ("South African", not "South")
            name = _entity_text(w)
            iso = self.dict.demonym_country(name) or places.get(w.idx)
            if iso and not country:
                country = iso
            e = self.dict.lookup(name)
            if e is not None and e.kind == "state" and e.country and not country:
                country = e.country
            s = self.dict.lookup_agent(w.lemma_.lower())
            if s and not sector:
                sector = s
        return country, sector

    def _title_of_a_person(self, np: Span, compound_head: Optional[int]) -> bool:
        """A title phrase right before a person's name, or a compound of it ("President Omar al-Bashir",
        "King Hassan")."""
        idx = self.doc[compound_head].idx if compound_head is not None else None
        nxt = np.end_char + 1
        return any(m.kind == "person" and ((idx is not None and m.start_char <= idx < m.end_char)
                                           or m.start_char in (np.end_char, nxt))
                   for m in self.mentions)

    def _title_in_name(self, ent: Span) -> Optional[str]:
        """The sector of a title the entity itself begins with ("President Boris Yeltsin", "Secretary of
        State Warren Christopher", as the dictionary's aliases write them)."""
        words = [t.lower_ for t in ent[:4]]
        for n in (3, 2, 1):
            if len(words) > n:
                s = self.dict.lookup_agent(" ".join(words[:n]))
                if s:
                    return s
        return None

    def _governing_suffix(self, ent: Span) -> Optional[str]:
        """GOV for a leader's name that ends in the government it heads ("the Bush administration", as the
        dictionary's aliases write it)."""
        return "GOV" if len(ent) > 1 and self._agent_sector(ent[-1]) == "GOV" and ent[-1].pos_ == "NOUN" else None

    def _former(self, ent: Span) -> bool:
        """A former office holder ("former President Reagan", "ousted President Askar Akayev"): the title
        names no current office (words in factuality.json's former_title_words)."""
        words = load_wordlists("factuality")["former_title_words"]
        lo = max(ent.sent.start, ent.start - 3)
        return any(t.lower_ in words for t in self.doc[lo:ent.end])

    def from_proper_nouns(self) -> None:
        """Runs of proper nouns the ruler and NER missed, looked up as written or without a plural
        "s" ("the Kataeb Hezbollahs")."""
        doc, i = self.doc, 0
        tt = token_table(doc)
        pos, idx, n = tt.pos, tt.idx, tt.n

        def covered(k: int) -> bool:
            return any(m.start_char <= idx[k] < m.end_char for m in self.mentions)  # ActorMention.covers

        while i < n:
            if pos[i] != "PROPN" or covered(i):
                i += 1
                continue
            j = i
            while j < n and pos[j] == "PROPN" and not covered(j):
                j += 1
            span = doc[i:j]
            text = span.text
            if self._affiliation_modifier(j):
                i = j
                continue  # "the al Qaeda-linked group"
            entry = self.dict.lookup(text) or (self.dict.lookup(text[:-1]) if text.endswith("s") and len(text) > 4 else None)
            if entry is not None and entry.kind != "person":
                self._add(ActorMention(span.start_char, span.end_char, text, span.root.i, how="dictionary",
                                       **_entry_fields(entry, self.day, self._called_rebels(span.root))))
            elif entry is None and not span.root.ent_type_ and _agentive(span.root) and (
                    (state := self.dict.lookup(text, metonyms=True)) is not None and state.kind == "state"):
                # a capital the tagger left unlabelled ("Moscow accused Kyiv of ...")
                self._add(ActorMention(span.start_char, span.end_char, text, span.root.i, name=state.name,
                                       country=state.country, sector="GOV", kind="state", how="metonym"))
            i = j

    def _affiliation_modifier(self, end: int) -> bool:
        """Does the name ending before token ``end`` open a hyphenated modifier of affiliation ("al Qaeda-linked",
        "U.S.-backed", "Hamas-run")?"""
        doc = self.doc
        return end + 1 < len(doc) and doc[end].text == "-" \
            and doc[end + 1].lower_ in load_wordlists("factuality")["affiliation_suffixes"]

    def _called_rebels(self, tok: Token) -> bool:
        """A name that modifies a rebel noun ("Taliban insurgents", "Taliban militants")."""
        h = tok.head
        return tok.dep_ == "compound" and h.pos_ in ("NOUN", "PROPN") and self._agent_sector(h) == "REB"

    def _agent_sector(self, tok: Token) -> Optional[str]:
        return self.dict.lookup_agent(tok.lemma_.lower()) or self.dict.lookup_agent(tok.lower_)

    def from_descriptions(self) -> None:
        doc = self.doc
        tt = token_table(doc)
        pos, lemma, lower, head = tt.pos, tt.lemma_lower, tt.lower, tt.head
        agent = self.dict.lookup_agent
        platforms = load_wordlists("factuality")["weapon_platform_nouns"]
        for i, p in enumerate(pos):
            if p not in ("NOUN", "PROPN", "ADJ"):
                continue
            # most nouns name no agent: ask that before scanning mentions (as _agent_sector, from the table)
            sector = agent(lemma[i]) or agent(lower[i])
            if p == "ADJ" and (lemma[i] in _adjective_ranks() or not (sector in _ADJECTIVE_AGENT_SECTORS and tt.dep[i] == "amod"
                                   and pos[head[i]] == "NOUN" and not (agent(lemma[head[i]]) or agent(lower[head[i]]))
                                   and (sector not in _EVENT_ADJECTIVE_SECTORS or lemma[head[i]] in _event_nouns()))):
                continue  # but "a terrorist attack", "terrorist acts": the attack's perpetrators, told by an adjective
                # (not "a general strike": a rank only as a noun)
                # ("a military air strike" too; "a military base" is the base's kind)
            if not sector and i and head[i - 1] == i and tt.dep[i - 1] in ("amod", "compound"):
                sector = agent(f"{lower[i - 1]} {lower[i]}")  # "armed men", "armed group"
            if not sector or any(m.start_char <= tt.idx[i] < m.end_char for m in self.mentions):
                continue
            if tt.ent_type[i] in _NOT_AGENT_ENTS:
                continue  # "10 p.m." is a time, not the prime minister ("PM")
            if p == "PROPN" and i >= 2 and tt.text[i - 1] == "-" and tt.pos[i - 2] in ("PROPN", "ADP", "DET"):
                continue  # "Port-au-Prince": the end of a hyphenated name, not a prince
            tok = doc[i]
            h = head[i]
            compound_of = doc[h] if tt.dep[i] == "compound" and pos[h] in ("NOUN", "PROPN") else None
            if compound_of is not None and (agent(lemma[h]) or agent(lower[h])):
                continue  # "government" in "Algerian government forces": the head noun takes the phrase
            np = _np_span(tok)
            if self._title_of_a_person(np, h if tt.dep[i] == "compound" else None):
                continue  # "President" in "President Omar Hassan al-Bashir": the person's mention holds the title
            # a country named as a modifier of the description ("Algeria army", "U.S. forces") gives way to it
            self.mentions = [m for m in self.mentions if not (
                np.start_char <= m.start_char and m.end_char <= np.end_char and m.end_char <= tok.idx
                and m.kind == "state" and not m.sector)]
            entry = self.dict.describe(np.text)
            # "a Cambodian refugee camp": the demonym modifies the phrase's head
            country = _modifier_country(tok) or (_modifier_country(compound_of) if compound_of is not None else None)
            if entry is not None:
                fields = _entry_fields(entry, self.day, sector == "REB")
                if country and not fields.get("country"):
                    fields["country"] = country
                fields["name"] = fields["name"] or np.text
            else:
                fields = dict(name=np.text, country=country, sector=sector, kind="unknown", affiliation=[])
            if fields.get("sector") in _ARMED_MEN_SECTORS and any(
                    tt.dep[c] == "compound" and c < i and (agent(lemma[c]) or agent(lower[c])) == "CRM"
                    for c in tt.children(i)):
                # "cartel gunmen", "gang members": criminals, whatever the armed men alone would be
                fields.update(name=np.text, sector="CRM", kind="non_state", affiliation=[])
            if not country and (lemma[i] in platforms or lower[i] in platforms):
                continue  # "tanks shelled the town", "a drone strike": a weapon, a party only when a country owns it
            owner = self._person_owner(tok, np) if fields.get("sector") in _PERSON_OWNED_SECTORS else None
            if owner is not None:
                # "Alfredo Cristiani's government", "Putin's army": the government or the forces the person heads,
                # a party of its own, of the person's country, named with its owner
                self.mentions.remove(owner)
                fields["country"] = fields.get("country") or owner.country
            countries = _modifier_countries(tok)
            also = [c for c in countries if c != fields.get("country")] if len(countries) > 1 else []
            self._add(ActorMention(np.start_char, np.end_char, np.text, tok.i, how="description", named=False,
                                   also_countries=also, **fields))

    def _person_owner(self, tok: Token, np: Span) -> Optional["ActorMention"]:
        """The mention of the person whose possessive opens ``np`` ("Alfredo Cristiani's" in "Alfredo Cristiani's
        government"), where the person's country is known."""
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.i < tok.i), None)
        if poss is None:
            return None
        end = poss.right_edge.idx + len(poss.right_edge.text)
        return next((m for m in self.mentions if m.kind == "person" and m.country
                     and np.start_char <= m.start_char and m.end_char <= end), None)

    def surnames(self) -> None:
        """Later bare-surname mentions of a person named in full ("Tinubu")."""
        text = doc_text(self.doc)
        for m in list(self.mentions):
            if m.kind != "person" or " " not in m.text.strip():
                continue
            surname = m.text.split()[-1]
            if len(surname) < 3:
                continue
            for hit in _word_pattern(surname).finditer(text):
                if self._covered(hit.start(), hit.end()):
                    continue
                span = self.doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
                if span is None or any(t.ent_type_ in ("DATE", "TIME") for t in span):
                    continue  # "the May 22 concert bombing": a month, not Theresa May
                self.mentions.append(replace(m, start_char=hit.start(), end_char=hit.end(), text=hit.group(0),
                                             head_i=span.root.i, how="surname"))

    def short_names(self) -> None:
        """A person named in part ("Veliz Duarte", "Pizarro") where the article names them in full ("Victor
        Manuel Veliz Duarte") is that person: the mention takes the fullest name, and with it the title's
        country and sector where its own words gave none."""
        persons = sorted((m for m in self.mentions if m.kind == "person" and m.how == "person"), key=lambda m: m.start_char)
        if len(persons) < 2:
            return
        names = [(name_words(m.text), m) for m in persons]
        for k, m in enumerate(self.mentions):
            if m.kind != "person" or m.how != "person":
                continue
            full = fullest_name(names, name_words(m.text))
            if full is None or full.name == m.name:
                continue
            self.mentions[k] = replace(m, name=full.name, country=m.country or full.country,
                                       sector=m.sector or full.sector)

    def resolve_descriptions(self) -> None:
        """Point unnamed group descriptions ("the Iranian-backed militia") at a named actor of the article."""
        named = [m for m in self.mentions if m.named and m.kind in ("non_state",) and m.sector]
        tt = token_table(self.doc)
        allied = load_wordlists("factuality")["allied_modifiers"]
        for idx, m in enumerate(self.mentions):
            if m.named or m.sector not in _GROUP_SECTORS:
                continue
            first = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if first is not None and (tt.lower[first.start] in _INDEFINITE
                                      or any(tt.lower[k] in _UNIDENTIFIED for k in range(first.start, first.end))):
                continue  # "a suicide bomber", "unidentified gunmen", "the uniformed men": someone new or unknown,
                # not a group named elsewhere
            # "Separately, gunmen shot dead a district commissioner": another matter, not the group named before (but
            # "In a separate incident, ... was kidnapped by armed men who identified themselves as ELN members")
            apart = first.sent if first is not None and opens_separately(first.sent) else None
            if first is not None and any(w.strip(",") in allied for w in first.text.lower().split()):
                continue  # "Syrian troops and allied militiamen": a party on another's side, not a group named elsewhere
            # a group named later only when it is named by the end of the next sentence ("the Iranian-backed
            # militia that was responsible ..." / "... belonging to Kataeb Hezbollah")
            horizon = self._next_sentence_end(m.head_i)
            cands = [n for n in named if (n.sector in _GROUP_SECTORS) and n.start_char < horizon
                     # "No group claimed responsibility, but JNIM has carried out similar attacks": a suspect,
                     # not the group the description before it stands for
                     and (n.start_char < m.start_char or not self._disowned_sentence(n.head_i))
                     and (not m.affiliation or set(m.affiliation) & set(n.affiliation or []) or not n.affiliation)
                     and (not m.country or m.country in (n.country, *(n.affiliation or [])))
                     and (apart is None or apart.start_char <= n.start_char < apart.end_char)]
            if not cands:
                continue
            counts: dict[str, int] = {}
            for n in cands:
                counts[n.name] = counts.get(n.name, 0) + 1
            best = min(cands, key=lambda n: (abs(n.start_char - m.start_char) + (0 if n.start_char < m.start_char else 200)
                                             - (300 if n.sector == m.sector else 0) - 100 * counts[n.name]))
            self.mentions[idx] = replace(m, name=best.name, country=best.country, sector=best.sector, kind=best.kind,
                                         affiliation=list(best.affiliation), how="coref")

    def _disowned_sentence(self, i: int) -> bool:
        """Does the sentence of token ``i`` say that nobody claimed the attack ("No group immediately claimed
        responsibility, but ...")?"""
        return any(t.pos_ in ("VERB", "AUX") and is_responsibility_claim(t) and claim_disowned(t)
                   for t in self.doc[i].sent)

    def context_countries(self) -> None:
        """A named armed or political group the dictionary gives no country (Phoenix codes many by
        region: "UNITA" ANGREB, "Islamic Salvation Front" INTREB), or an organisation it does not know,
        takes the one country of the places, states and persons named in its sentence, else of the whole
        article. Transnational groups (IMG, IGO, NGO, MNC codes) never do."""
        places = [(a, iso) for a, _, iso in self._place_countries()]
        places += [(m.start_char, m.country) for m in self.mentions if m.named and m.kind in ("state", "person")]
        places = [(c, iso) for c, iso in places if iso]
        if not places:
            return
        doc_countries = {iso for _, iso in places}
        for idx, m in enumerate(self.mentions):
            group = (m.kind == "non_state" and m.sector in _CONTEXT_SECTORS) or (m.kind == "unknown" and m.how == "ner") \
                or (m.kind == "person" and m.how == "person")  # a person the dictionary does not know
            if m.country or not m.named or not group or m.affiliation:
                continue
            entry = self.dict.lookup(m.name)
            if entry is not None and any(c.split(":")[-1].startswith(_TRANSNATIONAL) for c in entry.codes):
                continue
            sent = self.doc[m.head_i].sent
            here = {iso for c, iso in places if sent.start_char <= c < sent.end_char}
            pool = here or doc_countries
            if len(pool) == 1:
                self.mentions[idx] = replace(m, country=next(iter(pool)), country_from_context=True)

    def same_person_countries(self) -> None:
        """Every mention of one person takes the country some other mention of them was given ("activist
        Ihar Rusetski" in a sentence of many countries, "Rusetski, 41, ... from Homel" in one)."""
        known: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.kind == "person" and m.country:
                known.setdefault(m.name, set()).add(m.country)
        for idx, m in enumerate(self.mentions):
            pool = known.get(m.name, set()) if m.kind == "person" and not m.country else set()
            if len(pool) == 1:
                self.mentions[idx] = replace(m, country=next(iter(pool)), country_from_context=True)

    def _shared_institution(self, ent: Span, entry) -> Optional[tuple[Optional[str], bool]]:
        """An institution name many states share ("Congress", "Senate"; `generic_institution_names`) that
        is not the dictionary entry's: (its country, whether read from the story) when a modifier names
        another country ("Peru's Congress") or, unqualified, the story's places are all in other countries
        than the entry's; None when it is the entry's ("the U.S. Congress") or no shared name."""
        if ent.text.lower() not in load_wordlists("factuality")["generic_institution_names"] or not entry.country:
            return None
        mod = _modifier_country(ent.root)
        if mod:
            return (mod, False) if mod != entry.country else None
        countries = {iso for _, _, iso in self._place_countries()}
        if not countries or entry.country in countries:
            return None
        return (next(iter(countries)) if len(countries) == 1 else None), True

    def _place_countries(self) -> list[tuple[int, int, str]]:
        """(start_char, end_char, ISO3) of the doc's place mentions whose country is known."""
        out = []
        for pm in self.doc._.strife_places or []:
            iso = pm.place.country if pm.place is not None else pm.country
            if iso:
                out.append((pm.start_char, pm.end_char, iso))
        return out

    def minorities(self) -> None:
        """A people or group named by its ethnicity lives where the text puts it: "ethnic Albanians in south
        Serbia", "Albanians of southern Serbia", "ethnic Albanian guerrillas operating in Macedonia" are of
        Serbia and Macedonia (PLOVER and CAMEO code the country of residence), and "ethnic Turks" with no
        place named take their sentence's one country other than the demonym's."""
        places = self._place_countries()
        if not places:
            return
        doc = self.doc
        for idx, m in enumerate(self.mentions):
            if not m.country or m.kind not in ("non_state", "unknown"):
                continue
            head = doc[m.head_i]
            ethnic = any(t.lower_ == "ethnic" for t in doc[max(head.left_edge.i - 1, 0):head.i])
            if not ethnic and m.sector not in ("CVL", "REF"):
                continue  # "Iraqi troops in Syria" stay Iraq's; "the PKK in Iraq" stays the PKK
            where = None
            for c in head.children:
                preps = [c] if c.dep_ == "prep" and c.lower_ in ("in", "of") else [
                    g for g in c.children if g.dep_ == "prep" and g.lower_ in ("in", "of")] if c.dep_ == "acl" else []
                for prep in preps:
                    lo, hi = prep.idx, prep.right_edge.idx + len(prep.right_edge.text)
                    found = {iso for a, b, iso in places if lo <= a and b <= hi}
                    if len(found) == 1:
                        where = next(iter(found))
            if where is None and ethnic:
                sent = head.sent
                others = {iso for a, _, iso in places if sent.start_char <= a < sent.end_char and iso != m.country}
                where = next(iter(others)) if len(others) == 1 else None
            if where is not None and where != m.country:
                self.mentions[idx] = replace(m, country=where, country_from_context=True)

    def acronyms(self) -> None:
        """"The Nigerian Union of Teachers (NUT)": the bracketed short name, and every later mention of it,
        stands for the full name when the dictionary does not know the short name by itself."""
        text = doc_text(self.doc)
        ordered = sorted(self.mentions, key=lambda m: m.start_char)
        short_for: dict[str, ActorMention] = {}
        for full, short in zip(ordered, ordered[1:]):
            gap = text[full.end_char:short.start_char]
            if gap.strip() != "(" or text[short.end_char:short.end_char + 1] != ")" or not full.named:
                continue
            if short.how == "dictionary" or not short.text.replace(".", "").replace("-", "").isupper():
                continue
            if full.country or full.sector or full.kind != "unknown":
                short_for[short.text] = full
        if not short_for:
            return
        for idx, m in enumerate(self.mentions):
            full = short_for.get(m.text)
            if full is not None and m.how != "dictionary":
                self.mentions[idx] = replace(m, name=full.name, country=full.country, sector=full.sector,
                                             kind=full.kind, affiliation=list(full.affiliation), how="coref")

    def pronouns(self) -> None:
        tt = token_table(self.doc)
        starts = tt.sent_starts
        for i, p in enumerate(tt.pos):
            low = tt.lower[i]
            if p != "PRON" or (low not in _PRONOUNS_PERSON and low not in _PRONOUNS_GROUP):
                continue
            tok = self.doc[i]
            want_person = low in _PRONOUNS_PERSON
            own_subjects = _clause_subjects(tok) if tt.dep[i] in ("dobj", "pobj", "dative") else []
            singular = low in _PRONOUNS_SINGULAR
            prev = [m for m in self.mentions if m.end_char <= tok.idx and m.how != "pronoun"
                    and (m.kind == "person") == want_person and tok.idx - m.end_char < 600
                    and not any(m.covers(s) for s in own_subjects)  # "Police fired tear gas to disperse them"
                    # "about 20 attackers were killed ..., it added": "it" is no plural description
                    and not (singular and not m.named and tt.tag[m.head_i] in ("NNS", "NNPS"))]
            if tt.dep[i] in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl" and tok.head.head.i < i:
                # "released the mayor, whom they had kidnapped": the subject of a relative clause is not the noun the
                # clause is about (its relative pronoun is)
                prev = [m for m in prev if not m.covers(tok.head.head)]
            if not want_person and tt.dep[i] in ("nsubj", "nsubjpass"):
                # "U.S. Military operations in Panama were more clumsy -- there they set a whole neighborhood on
                # fire": a country (or a university, a company) named as where something is, no antecedent of a
                # subject "they" where a party was named before
                prev = [m for m in prev if not self._named_as_where(m)] or prev
            if not prev:
                continue
            if low == "its" and (owner := _own_clause_subject(tok)) is not None and owner.i < i \
                    and not any(m.covers(owner) for m in self.mentions):
                continue  # "the 444 Brigade detained one of its rivals": the brigade's, no party named before
            if tt.dep[i] == "poss":
                # "... said its forces had struck Ukrainian military airfields and that its air defences had shot
                # down": whose forces, not the party a modifier names ("Ukrainian military" of the airfields)
                # (a group's name on its people stays: "the FMLN Assassins ... for their constant attacks"); nor who
                # told it ("captured the town ..., residents and a Congolese army source said, extending their advance")
                reporting = load_wordlists("factuality")["reporting_verbs"]
                prev = [m for m in prev if (tt.dep[m.head_i] not in ("compound", "amod", "nmod")
                                            or not self.doc[m.head_i].head.is_lower
                                            or self.dict.lookup_agent(self.doc[m.head_i].head.lemma_.lower()))
                        and not (tt.dep[m.head_i] == "nsubj" and (said := self.doc[m.head_i].head).lemma_.lower()
                                 in reporting and said.i < i
                                 and any(c.dep_ == "ccomp" and c.i < said.i for c in said.children))] or prev
            ante = max(prev, key=lambda m: m.end_char)
            if low == "it" and tt.dep[i] in ("dobj", "pobj") and self._site_between(ante, tok):
                continue  # "detonated two car bombs at the gate of the base in El Dheere before storming it": the base
            same = starts is not None and bisect_right(starts, ante.head_i) == bisect_right(starts, i)
            subject = _matrix_subject_token(tok) if tt.dep[i] in ("nsubj", "nsubjpass") else None
            hit = next((m for m in prev if m.covers(subject)), None) if subject is not None else None
            if hit is None and low == "it" and subject is not None and subject.tag_ == "NN" \
                    and tok.head.dep_ in ("advcl", "conj") and tok.head.head.i == subject.head.i \
                    and subject.head.lemma_.lower() not in load_wordlists("factuality")["reporting_verbs"] \
                    and not any(m.covers(subject) for m in self.mentions):
                continue  # "The convoy was escorting trucks when it came under attack": the convoy, no party
            if not same and tt.dep[i] in ("nsubj", "nsubjpass"):
                ante = self._subject_antecedent(prev, starts, i) or ante
            elif same and tt.dep[i] in ("nsubj", "nsubjpass"):
                ante = hit or ante
            self.mentions.append(replace(ante, start_char=tok.idx, end_char=tok.idx + len(tok.text), text=tok.text,
                                         head_i=tok.i, how="pronoun", named=False,
                                         antecedent=(ante.start_char, ante.end_char, ante.text) if same else None))

    def _named_as_where(self, m: "ActorMention") -> bool:
        """A party named as the place after "in", "at", "near" ("operations in Panama", "clashes near the University
        of El Salvador")."""
        head = self.doc[m.head_i]
        return m.kind != "person" and head.dep_ == "pobj" and head.head.lower_ in _WHERE_PREPS

    def _site_between(self, ante: "ActorMention", tok: Token) -> bool:
        """A site named after the actor ``ante`` and before the pronoun ``tok`` in its sentence, no party itself."""
        words = load_wordlists("factuality")
        for t in tok.sent:
            if t.i >= tok.i:
                break
            if t.idx >= ante.end_char and t.tag_ == "NN" and (t.lemma_.lower() in words["site_nouns"]
                                                             or t.lemma_.lower() in words["camp_nouns"]) \
                    and not self._covered(t.idx, t.idx + len(t.text)):
                return True
        return False

    def _subject_antecedent(self, prev: list[ActorMention], starts, i: int) -> Optional[ActorMention]:
        """A subject pronoun that opens a new sentence continues the last sentence's agent: the latest
        earlier mention that is the subject of a verb other than a reporting one ("The assailants opened
        fire ... according to residents. "They surrounded the market"": the assailants, not the residents),
        when one is in the two sentences before the pronoun's, else, when the last party named is in a
        prepositional phrase ("including three children"), in the ``SUBJECT_ANTECEDENT_SENTENCES`` before it."""
        if not starts:
            return None
        tt = token_table(self.doc)
        k = bisect_right(starts, i) - 1
        reporting = load_wordlists("factuality")["reporting_verbs"]
        subjects = []
        for m in prev:
            h = m.head_i
            if tt.dep[h] in ("compound", "nmod") and self.doc[h].head.dep_ in ("nsubj", "nsubjpass") \
                    and self.doc[h].head.tag_ in ("NNS", "NNPS"):
                h = self.doc[h].head.i  # "The FMLN rebels burned ...": the group names the subject
            if h < starts[max(0, k - SUBJECT_ANTECEDENT_SENTENCES)] or tt.dep[h] not in ("nsubj", "nsubjpass"):
                continue
            verb = self.doc[h].head
            if verb.lemma_.lower() in reporting:
                continue
            subjects.append(m)
        if not subjects:
            return None
        # the last one in the two sentences before, else the last one further back ("The attackers arrived on
        # motorcycles ... Eight other people were wounded ... Kolo said the toll was 17, including three children.
        # "They came shouting and shooting"": the attackers, not the children)
        near = [m for m in subjects if m.head_i >= starts[max(0, k - 2)]]
        if not near and tt.dep[max(prev, key=lambda m: m.end_char).head_i] != "pobj":
            return None  # (the speaker of the sentence before: "..., Zelensky said. He urged Ukraine's allies"; "There
            # are 30,000 U.S. soldiers in Panama. They have killed many people")
        return max(near or subjects, key=lambda m: m.end_char)

    def _next_sentence_end(self, i: int) -> int:
        starts = token_table(self.doc).sent_starts
        if not starts:
            return len(doc_text(self.doc))
        k = bisect_right(starts, i)  # index of the sentence after token i's
        return self.doc[starts[k + 1]].idx if k + 1 < len(starts) else len(doc_text(self.doc))

    def group_anaphors(self) -> None:
        """"the group", "the Islamist group", "the movement": the armed group named last before it (within
        ``GROUP_ANAPHOR_CHARS``), as the resolver reads "the militia" (no antecedent: no mention)."""
        nouns = load_wordlists("factuality")["group_anaphor_nouns"]
        tt = token_table(self.doc)
        groups = [m for m in self.mentions if m.named and m.kind == "non_state" and m.sector in _GROUP_SECTORS
                  and tt.ent_type[m.head_i] != "PERSON" and tt.dep[m.head_i] != "appos"]  # not "its spokesman, X"
        if not groups:
            return
        for i, lem in enumerate(tt.lemma_lower):
            if lem not in nouns or tt.pos[i] != "NOUN" or self._covered(tt.idx[i], tt.idx[i] + 1):
                continue
            tok = self.doc[i]
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                continue  # "the group of protesters"
            prior = [m for m in groups if m.end_char <= tok.idx and tok.idx - m.end_char <= GROUP_ANAPHOR_CHARS]
            if not prior:
                continue
            ante = max(prior, key=lambda m: m.end_char)
            np = _np_span(tok)
            self._add(replace(ante, start_char=np.start_char, end_char=np.end_char, text=np.text, head_i=i,
                              how="coref", named=False, antecedent=None))

    def possessors(self) -> None:
        """A description owned by a pronoun ("Russia's defence ministry said its forces had hit ...")
        is of the pronoun's antecedent's country, not of the places around it."""
        owners = {m.head_i: m for m in self.mentions if m.how == "pronoun" and m.country}
        if not owners:
            return
        for k, m in enumerate(self.mentions):
            if m.how != "description" or (m.country and not m.country_from_context):
                continue
            owner = next((owners[c.i] for c in self.doc[m.head_i].children if c.dep_ == "poss" and c.i in owners), None)
            if owner is not None:
                self.mentions[k] = replace(m, country=owner.country, country_from_context=False, owner=owner.name)
                # a later pronoun that stands for the description ("their forces had completed their
                # withdrawal") was copied from it before: it takes the owner's country too
                for j, p in enumerate(self.mentions):
                    if p.how == "pronoun" and p.antecedent is not None and p.antecedent[:2] == (m.start_char, m.end_char):
                        self.mentions[j] = replace(p, country=owner.country, country_from_context=False, owner=owner.name)

    def definite_forces(self) -> None:
        """"the military", "the army", "the police" with no country of their own words: the one state whose
        force of that kind the article named before ("Israeli forces killed 12 Palestinians ..., as the military
        pressed on": Israel's), not the country of the places around."""
        named = [m for m in self.mentions if m.kind == "state" and m.sector in _STATE_FORCE_SECTORS and m.country
                 and not m.country_from_context]
        if not named:
            return
        for k, m in enumerate(self.mentions):
            if m.how != "description" or m.country or m.sector not in _STATE_FORCE_SECTORS \
                    or not m.text.lower().startswith("the "):
                continue
            before = {n.country for n in named if n.sector == m.sector and n.end_char <= m.start_char}
            if len(before) == 1:
                self.mentions[k] = replace(m, country=next(iter(before)), kind="state")

    def run(self) -> list[ActorMention]:
        self.from_entities()
        self.from_proper_nouns()
        self.from_descriptions()
        self.surnames()
        self.short_names()
        self.acronyms()
        self.resolve_descriptions()
        self.group_anaphors()
        self.context_countries()
        self.same_person_countries()
        self.minorities()
        self.definite_forces()
        self.pronouns()
        self.possessors()
        self.mentions.sort(key=lambda m: m.start_char)
        return self.mentions


def name_words(text: str) -> list[str]:
    """A name's words for comparing names: lower case, without punctuation and articles."""
    from strife.rolefill.model import normalize

    return normalize(text).split()


def fullest_name(names: list[tuple[list[str], T]], words: list[str]) -> Optional[T]:
    """Of ``names`` ((words, item) pairs, in text order), the item that names the person ``words`` most
    fully: all of its words and more of them, the first of the longest; None where no name is fuller or
    the fuller names are not one person's ("Gonzalez": Jorge and Mario Gonzalez Llucra). Articles
    introduce a person by the full name and shorten it later."""
    if not words:
        return None
    fuller = [(ws, item) for ws, item in names if len(ws) > len(words) and all(w in ws for w in words)]
    if not fuller:
        return None
    best_ws, best = max(enumerate(fuller), key=lambda p: (len(p[1][0]), -p[0]))[1]
    if any(not all(w in best_ws for w in ws) for ws, _ in fuller):
        return None
    return best


# sectors of agent words that, as an adjective on a noun that names no agent, still name who acted
# ("a terrorist attack", "insurgent attacks"): armed groups, militias, criminals
_ADJECTIVE_AGENT_SECTORS = frozenset({"REB", "MILITIA", "CRM", "MIL"})


@lru_cache(maxsize=1)
def _adjective_ranks() -> frozenset[str]:
    """Ranks that are also everyday adjectives ("a general strike"): never an agent as an adjective."""
    return frozenset(load_wordlists("factuality")["adjective_ranks"])

# ... of which these only on an event noun ("a military air strike", "the military operation"; not "a military base")
_EVENT_ADJECTIVE_SECTORS = frozenset({"MIL"})


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """Head words of the trigger lexicon's event nouns ("strike" of "air strike", "operation")."""
    from strife import ontology  # (not at import: the trigger stage imports this module)
    return frozenset(t.lemma.split()[-1] for t in ontology.triggers() if t.pos == "NOUN" and t.is_event_noun)


def actor_for_token(doc: Doc, tok: Token, modifiers: bool = True) -> Optional[ActorMention]:
    """The actor mention a token stands for: one that covers it, else (``modifiers``) one among its modifiers."""
    mentions: list[ActorMention] = doc._.strife_actors or []
    covering = [m for m in mentions if m.covers(tok)]
    if covering:
        return min(covering, key=lambda m: m.end_char - m.start_char)
    if not modifiers:
        return None
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < tok.i:
            hit = actor_for_token(doc, c)
            if hit is not None:
                return hit
    return None


@Language.factory(
    "strife_actors",
    assigns=["doc._.strife_actors"],
    requires=["doc.ents", "token.dep", "token.lemma", "doc._.strife_places"],
)
def make_actors(nlp: Language, name: str) -> "ActorComponent":
    return ActorComponent()


class ActorComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.strife_actors = ActorResolver(doc).run()
        return doc


def actor_ruler_patterns() -> list[dict]:
    """Entity-ruler patterns for named actors, except countries themselves: NER tags those GPE,
    which the places stage needs, and the GPE branch above still resolves them as state actors."""
    d = get_actor_dictionary()
    out = []
    for p in d.entity_ruler_patterns():
        e = d.lookup(p.get("id") or "")
        if e is not None and e.kind == "state" and not e.sector:
            continue
        out.append(p)
    return out


def _names_an_act_or_weapon(root) -> bool:
    """Is a name's head word, lower-cased, a weapon or an attack's or battle's noun of the trigger lexicon ("the U.S.
    Invasion", "his Rifle" written with capitals)? Then the name is no party."""
    from strife.components.triggers import default_lexicon

    lex = default_lexicon()
    low = root.lower_
    lemma = root.lemma_.lower()
    if root.is_lower:
        return False
    if low in lex.weapons or lemma in lex.weapons:
        return True
    # an attack's or a battle's own noun, in its only sense ("Invasion"; not "Operation", "Liberation", "Aid")
    return any(t.plover_type in ("ASSAULT", "FIGHT") and not t.is_ambiguous
               for t in lex.single.get((lemma, "NOUN"), []) + lex.single.get((low, "NOUN"), []))
