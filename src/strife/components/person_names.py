"""Personal names that NER cut in two, joined again.

Component ``strife_person_names`` runs right after NER and rewrites ``doc.ents``. Small English models
often split a Spanish or Portuguese name of four words into two entities ("Jorge Adolfo" + "Vargas
Gonzalez", both PERSON), or give the first word another label or none ("Eduardo" ORG + "Antonio Lopez
Palencia" PERSON; "Hector" + PERSON "Delgado Parker"). The person is then named by half a name
wherever the article uses the full one. Joined here:

* two PERSON entities with nothing but one space between them;
* one capitalised proper-noun token right before a PERSON entity, with one space between, when it is
  not a name the actor dictionary knows (a group, a state), not a title or rank the dictionary knows
  as an agent ("Senator", "Colonel", "President") and not a courtesy title (``honorifics`` in
  ``data/nlp/factuality.json``: "Mr", "Father", "Msgr"), and when it carries no entity label or the
  ORG label (never a place, a date or a nationality).

The joined span takes the PERSON label. A name already four words long takes no further word (a
fifth word before it is a title or a place more often than a name).
"""

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

_MAX_WORDS = 4  # four-part names are the longest NER splits (two given names, two surnames)


def _honorifics() -> frozenset[str]:
    from strife.lexicon import load_wordlists

    return frozenset(load_wordlists("factuality")["honorifics"])


class PersonNames:
    def __init__(self) -> None:
        self._titles: Optional[frozenset[str]] = None

    def _is_name_word(self, tok) -> bool:
        """A word that can be a given name before a surname NER found ("Hector", "Eduardo")."""
        from strife.actor_dictionary import get_actor_dictionary

        if self._titles is None:
            self._titles = _honorifics()
        if tok.tag_ != "NNP" or not tok.is_title or not tok.is_alpha or tok.ent_type_ not in ("", "ORG"):
            return False
        low = tok.lower_
        d = get_actor_dictionary()
        return low not in self._titles and d.lookup_agent(low) is None and d.lookup(tok.text) is None

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not any(e.label_ == "PERSON" for e in ents):
            return doc
        changed = False
        out: list[Span] = []
        for ent in ents:
            if ent.label_ != "PERSON":
                out.append(ent)
                continue
            start = ent.start
            prev = out[-1] if out else None
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
            if start != ent.start:
                changed = True
                out.append(Span(doc, start, ent.end, label="PERSON"))
            else:
                out.append(ent)
        if changed:
            doc.ents = out
        return doc


@Language.factory("strife_person_names", assigns=["doc.ents"], requires=["doc.ents", "token.tag"])
def make_person_names(nlp: Language, name: str) -> PersonNames:
    return PersonNames()
