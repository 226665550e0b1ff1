"""Entities NER cut wrongly, repaired: personal names split in two, names run into a bracketed acronym.

Component ``strife_entity_repair`` runs right after NER and rewrites ``doc.ents``.

*Personal names cut in two.* Small English models often split a Spanish or Portuguese name of four
words into two entities ("Jorge Adolfo" + "Vargas Gonzalez", both PERSON), or give the first word
another label or none ("Eduardo" ORG + "Antonio Lopez Palencia" PERSON; "Hector" + PERSON "Delgado
Parker"). The person is then named by half a name wherever the article uses the full one. Joined here:

* two PERSON entities with nothing but one space between them;
* a PERSON entity and a one-word ORG right after it, with one space between, when the ORG word could be a
  surname (no group or state the dictionary knows, no organisation's head noun: "Oscar Arnulfo" + "Romero");
* one capitalised proper-noun token right before a PERSON entity, with one space between, when it is
  not a name the actor dictionary knows (a group, a state), not a title or rank the dictionary knows
  as an agent ("Senator", "Colonel", "President") and not a title or descriptor (``name_titles`` in
  ``data/nlp/factuality.json``: "Mr", "Father", "Msgr"), and when it carries no entity label or the
  ORG label (never a place, a date or a nationality).

A PERSON entity followed by one or two untagged capitalised words that are another PERSON of the article, or
the last word of one, or that end the run of proper nouns, takes them ("Dr Jose Antonio" + "Rodriguez Porth",
where "Rodriguez Porth" is a PERSON later; "Colonel Roberto Armando" + "Rivera Escobar,"), unless they end an
organisation's, a place's or a period's name ("the Reagan Era", "the Oscar Arnulfo Romero Federation":
``organisation_heads`` with the site, facility, place and unit nouns).
An ORG entity (or WORK_OF_ART, PRODUCT, LAW, EVENT) whose last words are a PERSON the article names
elsewhere, and whose first words could be given names, is that person ("the murder of Jaime Pardo Leal"
tagged ORG, "Pardo Leal" PERSON later).
The joined span takes the PERSON label. A name already four words long takes no further word (a
fifth word before it is a title or a place more often than a name).

A PERSON or ORG entity that takes the word "alias" after the name ("Gonzalo Rodriguez Gacha Alias") is the
person named before it; one that opens with it ('Alias "Aureliano') starts after it.

An ORG or PERSON entity that runs an office's title into a name of two words or more ("American University
Rector Ignacio Ellacuria", tagged ORG) is cut there: the words before the title stay an ORG, the name is a PERSON.

*A nationality run into a name.* A PERSON entity of three words or more that opens with a nationality the actor
dictionary knows ("Spaniard Francisco Puja", "Ecuadoreans Luis Antonio Meneses") starts after it.

*People described, tagged a name.* A one-word PERSON, ORG or GPE entity that is a plural agent noun the
actor dictionary knows, its singular one too, written with a capital ("the 10 paid Assassins", "Guerrillas
attacked" in truecased copy; not "Congress"), is no entity: the actor stage reads it as a description.

*A place tagged a person.* A PERSON entity whose last word is a kind of place ("La Fonda Corregimiento"),
written right before one in lower case ("the bombings that have destroyed Zacamil neighborhood") or followed by
a bracket that ends in one ("Puerto Lopez (Meta Department)") is a place: it takes the GPE label
(``place_type_nouns`` in ``data/nlp/factuality.json``). A name in quotation marks right before the noun of a
site, a facility or a place is that site ('the "La Eminencia" farm': FAC).

*A name run into its bracketed acronym.* An entity that opens a bracket it does not close ("American
University (Uca" in "the Central American University (UCA)") ends before the bracket; the words inside
the brackets become an entity of the same label when the bracket closes right after them. A quotation mark
opened and not closed is cut the same way, the words after it staying the entity ('the "La Eminencia' in
'the "La Eminencia" farm': "La Eminencia").
"""

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

_ALIAS_WORDS = frozenset({"alias", "aka"})  # "Gonzalo Rodriguez Gacha Alias 'the Mexican'": no part of the name
_MAX_WORDS = 4  # four-part names are the longest NER splits (two given names, two surnames)
# labels NER gives a person's full name in a quotation or a list ("the murder of Jaime Pardo Leal" WORK_OF_ART)
_MISTAKEN_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT"})


def _name_titles() -> frozenset[str]:
    from strife.lexicon import load_wordlists

    return frozenset(load_wordlists("factuality")["name_titles"])


def _unbracketed(doc: Doc, ent: Span) -> list[Span]:
    """``ent`` cut before a bracket or a quotation mark it opens and does not close, and the words inside as their own
    entity when the bracket closes right after them, or after a quotation mark ('the "La Eminencia" farm')."""
    texts = [t.text for t in ent]
    if "(" in texts and ")" not in texts:
        cut, close = ent.start + texts.index("("), ")"
    elif texts.count('"') == 1:
        cut, close = ent.start + texts.index('"'), '"'
    else:
        return [ent]
    before = doc[ent.start:cut]
    # the words before it stay an entity when one of them is a name (not "the" before a quotation)
    out = [Span(doc, ent.start, cut, label=ent.label_)] if any(t.is_alpha and not t.is_lower for t in before) else []
    # the words inside: a bracket's when it closes right after them, a quotation's always (the quotation mark
    # may close after a comma: 'the "People's Peruvian bank," the state bank')
    if cut + 1 < ent.end and (close == '"' or (ent.end < len(doc) and doc[ent.end].text == close)):
        out.append(Span(doc, cut + 1, ent.end, label=ent.label_))
    return out


def _without_nationality(doc: Doc, ent: Span) -> Span:
    """A PERSON that opens with a nationality ("Spaniard Francisco Puja", "Ecuadoreans Luis Meneses") is the name
    after it; the nationality stays a word of its own (NER tags it NORP where it stands alone)."""
    from strife.actor_dictionary import get_actor_dictionary

    if ent.label_ != "PERSON" or len(ent) < 3 or not ent[0].is_title or not ent[1].is_title:
        return ent
    if get_actor_dictionary().demonym_country(ent[0].text) is None:
        return ent
    return Span(doc, ent.start + 1, ent.end, label="PERSON")


def _agents_capitalised(ent: Span) -> bool:
    """A one-word PERSON, ORG or GPE entity that is a plural agent noun the actor dictionary knows, written with a
    capital ("the 10 paid Assassins", "Guerrillas attacked" in truecased copy): people described, no name."""
    from strife.actor_dictionary import get_actor_dictionary

    if len(ent) != 1 or ent.label_ not in ("PERSON", "ORG", "GPE"):
        return False
    low = ent[0].lower_
    agents = get_actor_dictionary()
    # (plural, its singular an agent noun too: "Congress" is one body, no people described)
    return ent[0].is_title and low.endswith("s") and agents.lookup_agent(low) is not None \
        and agents.lookup_agent(low[:-1]) is not None


class EntityRepair:
    def __init__(self) -> None:
        self._titles: Optional[frozenset[str]] = None
        self._heads_cache: Optional[frozenset[str]] = None
        self._place_types: Optional[frozenset[str]] = None
        self._sites_cache: Optional[frozenset[str]] = None

    @property
    def _heads(self) -> frozenset[str]:
        """Nouns that end an organisation's, a place's or a period's name, never a surname."""
        if self._heads_cache is None:
            from strife.lexicon import load_wordlists

            w = load_wordlists("factuality")
            self._heads_cache = (w["organisation_heads"] | w["site_nouns"] | w["facility_nouns"] | w["place_heads"]
                                 | w["unit_nouns"])
        return self._heads_cache

    @property
    def _sites(self) -> frozenset[str]:
        """Nouns of a site, a facility or a place (not of a unit: 'the "Atlacatl" battalion' is a party)."""
        if self._sites_cache is None:
            from strife.lexicon import load_wordlists

            w = load_wordlists("factuality")
            self._sites_cache = w["site_nouns"] | w["facility_nouns"] | w["place_heads"]
        return self._sites_cache

    def _is_name_word(self, tok, labels: tuple[str, ...] = ("", "ORG")) -> bool:
        """A word that can be a given name before a surname NER found ("Hector", "Eduardo")."""
        from strife.actor_dictionary import get_actor_dictionary

        if self._titles is None:
            self._titles = _name_titles()
        if tok.tag_ != "NNP" or not tok.is_title or not tok.is_alpha or tok.ent_type_ not in labels:
            return False
        low = tok.lower_
        d = get_actor_dictionary()
        return low not in self._titles and d.lookup_agent(low) is None and d.lookup(tok.text) is None

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        out = self._join(doc, self._split_titles(doc, self._without_alias(doc, ents)))
        out = self._places(doc, self._relabel_persons(self._extend_right(doc, out)))
        out = [e for e in out if not _agents_capitalised(e)]
        if out != ents:
            doc.ents = out
        return doc

    @staticmethod
    def _without_alias(doc: Doc, ents: list[Span]) -> list[Span]:
        """"Gonzalo Rodriguez Gacha Alias" and 'Alias "Aureliano': the person, without the word "alias"."""
        out = []
        for ent in ents:
            if ent.label_ in ("PERSON", "ORG") and len(ent) > 1 and ent[-1].lower_ in _ALIAS_WORDS:
                ent = Span(doc, ent.start, ent.end - 1, label="PERSON")
            if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].lower_ in _ALIAS_WORDS:
                ent = Span(doc, ent.start + 1, ent.end, label="PERSON")
            out.append(ent)
        return out

    def _split_titles(self, doc: Doc, ents: list[Span]) -> list[Span]:
        out: list[Span] = []
        for ent in ents:
            parts = self._titled_person(doc, ent) if ent.label_ in ("ORG", "PERSON") else None
            out.extend(parts or [_without_nationality(doc, ent)])
        return out

    def _join(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Two PERSON entities side by side, or a given name before one, as one PERSON; brackets left open cut."""
        out: list[Span] = []
        for ent in ents:
            prev = out[-1] if out else None
            if ent.label_ == "ORG" and len(ent) == 1 and prev is not None and prev.label_ == "PERSON" \
                    and prev.end == ent.start and doc[prev.end - 1].whitespace_ == " " and len(prev) < _MAX_WORDS \
                    and self._is_name_word(ent[0], ("ORG",)) and ent[0].lower_ not in self._heads:
                out[-1] = Span(doc, prev.start, ent.end, label="PERSON")  # "Oscar Arnulfo" + "Romero" (ORG)
                continue
            if ent.label_ != "PERSON":
                out.extend(_unbracketed(doc, ent))
                continue
            start = ent.start
            if prev is not None and prev.end == ent.start and prev.label_ == "PERSON" \
                    and doc[prev.end - 1].whitespace_ == " " and len(prev) + len(ent) <= _MAX_WORDS:
                out.pop()  # "Jorge Adolfo" + "Vargas Gonzalez"
                start = prev.start
            elif len(ent) < _MAX_WORDS and start > 0 and doc[start - 1].whitespace_ == " " \
                    and self._is_name_word(doc[start - 1]):
                if prev is not None and prev.end > start - 1:
                    if not (prev.label_ == "ORG" and len(prev) == 1):
                        out.append(ent)
                        continue
                    out.pop()  # "Eduardo" (ORG) + "Antonio Lopez Palencia"
                start -= 1
            out.extend([Span(doc, start, ent.end, label="PERSON")] if start != ent.start else _unbracketed(doc, ent))
        return out

    def _extend_right(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A PERSON with the untagged surnames after it ("Dr Jose Antonio" + "Rodriguez Porth")."""
        persons = [e for e in ents if e.label_ == "PERSON"]
        named = {e.text for e in persons} | {e[-1].text for e in persons if len(e) >= 2}
        out = list(ents)
        for k, ent in enumerate(out):
            if ent.label_ != "PERSON":
                continue
            limit = out[k + 1].start if k + 1 < len(out) else len(doc)
            for n in (2, 1):  # "Jose Antonio" + "Rodriguez Porth" (a PERSON later), "Jose Antonio Rodriguez" + "Porth"
                end = ent.end + n
                tail = doc[ent.end:end]
                # the run of proper nouns ends here, with no "Federation" or "Era" in it
                run_ends = (end >= len(doc) or doc[end].tag_ != "NNP") \
                    and not any(t.lower_ in self._heads for t in tail)
                if len(ent) + n <= _MAX_WORDS and end <= limit and len(tail) == n and (tail.text in named or run_ends) \
                        and all(t.whitespace_ == " " for t in doc[ent.end - 1:end - 1]) \
                        and all(self._is_name_word(t, ("",)) for t in tail):
                    out[k] = Span(doc, ent.start, end, label="PERSON")
                    break
        return out

    def _relabel_persons(self, ents: list[Span]) -> list[Span]:
        """A full name tagged otherwise whose last words are a PERSON elsewhere: "the murder of Jaime Pardo Leal"."""
        persons = {e.text for e in ents if e.label_ == "PERSON"}
        return [Span(e.doc, e.start, e.end, label="PERSON")
                if e.label_ in _MISTAKEN_LABELS and 2 <= len(e) <= _MAX_WORDS and self._person_named(e, persons) else e
                for e in ents]

    def _places(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A PERSON that is a place's name ("La Fonda Corregimiento", "Zacamil neighborhood", "Puerto Lopez (Meta
        Department)") takes the GPE label."""
        if self._place_types is None:
            from strife.lexicon import load_wordlists

            self._place_types = frozenset(load_wordlists("factuality")["place_type_nouns"])
        return [Span(doc, e.start, e.end, label="GPE") if e.label_ == "PERSON" and self._names_place(doc, e)
                else Span(doc, e.start, e.end, label="FAC") if self._quoted_site_name(doc, e) else e
                for e in ents]

    def _quoted_site_name(self, doc: Doc, ent: Span) -> bool:
        """A name in quotation marks right before a site's noun: 'the "La Eminencia" farm', 'the "Santo Tomas" farm'."""
        return ent.label_ in ("ORG", "PERSON") and ent.start > 0 and ent.end + 1 < len(doc) \
            and doc[ent.start - 1].text == '"' and doc[ent.end].text == '"' \
            and doc[ent.end + 1].is_lower and (doc[ent.end + 1].lemma_ or doc[ent.end + 1].lower_) in self._sites

    def _names_place(self, doc: Doc, ent: Span) -> bool:
        nouns = self._place_types
        if len(ent) >= 2 and ent[-1].lower_ in nouns:
            return True  # "La Fonda Corregimiento"
        if ent.end >= len(doc):
            return False
        nxt = doc[ent.end]
        if nxt.is_lower and nxt.lower_ in nouns:
            return True  # "the bombings that have destroyed Zacamil neighborhood"
        if nxt.text == "(":  # "Puerto Lopez (Meta Department)": a bracket that says which province
            close = next((t.i for t in doc[ent.end + 1:min(len(doc), ent.end + 6)] if t.text == ")"), None)
            return close is not None and close > ent.end + 1 and doc[close - 1].lower_ in nouns
        return False

    def _titled_person(self, doc: Doc, ent: Span) -> Optional[list[Span]]:
        """An entity that runs an office's title into a person's name ("American University Rector Ignacio
        Ellacuria", tagged ORG): the words before the title stay an ORG, the two or more name words after it are a
        PERSON; None when the entity holds no title followed by a name."""
        from strife.actor_dictionary import get_actor_dictionary

        if self._titles is None:
            self._titles = _name_titles()
        for k in range(len(ent) - 3, -1, -1):
            low = ent[k].lower_
            if (low in self._titles or get_actor_dictionary().lookup_agent(low)) \
                    and all(t.is_title and t.is_alpha and t.lower_ not in self._heads for t in ent[k + 1:]):
                # (not "the National Rifle Association": an organisation's head noun is no part of a name)
                if k == 0 and ent.label_ == "PERSON":
                    return None  # "Colonel Rene Ponce": NER's own person, its title kept as it wrote it
                out = [Span(doc, ent.start, ent.start + k, label=ent.label_)] if k > 0 else []
                return out + [Span(doc, ent.start + k + 1, ent.end, label="PERSON")]
        return None

    def _person_named(self, ent: Span, persons: set[str]) -> bool:
        """An ORG (or a title of a work, a product, a law, an event) whose last words are a person the article
        names elsewhere, and whose other words can be given names: "Jaime Pardo Leal" (ORG) where "Pardo Leal" is
        a PERSON."""
        for k in range(1, len(ent)):
            if ent[k:].text in persons:
                return all(self._is_name_word(t, (ent.label_,)) for t in ent[:k])
        return False


@Language.factory("strife_entity_repair", assigns=["doc.ents"], requires=["doc.ents", "token.tag"])
def make_entity_repair(nlp: Language, name: str) -> EntityRepair:
    return EntityRepair()
