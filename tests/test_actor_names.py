"""Actor names read from news text: a personal name NER finds inside a unit's name is no person."""

from strife.article import Article
from strife.pipeline import extract_article


def _parties(nlp, text, published="1989-11-20"):
    return [(a.role, a.text, a.kind, a.sector) for e in extract_article(Article(text=text, published=published), nlp)
            for a in e.actors]


def test_a_name_compounded_to_a_unit_is_the_unit(nlp):
    # "Belloso" tagged a person: the battalion is named after him, the troops are soldiers
    got = _parties(nlp, "In addition, FMLN fighters attacked Belloso battalion troops in Ayutuxtepeque.")
    assert ("recipient", "Belloso battalion troops", "unknown", "MIL") in got
    assert not any(kind == "person" for _, _, kind, _ in got)
    # a person's name before a noun that is no unit stays a person
    got = _parties(nlp, "Gunmen shot dead Carlos Galan outside his house in Bogota.")
    assert ("recipient", "Carlos Galan", "person", None) in got
