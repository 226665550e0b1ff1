"""PETRARCH2 validation suite (strife.evaluation.petrarch): parsing, dictionary loading and restore,
code read-back, and floors on a sample. Full run: ``python -m strife.evaluation.petrarch``."""

from __future__ import annotations

from datetime import date

import pytest

from strife.evaluation import petrarch
from strife.evaluation.petrarch import CodeBook, Coding, predicted_codings


def test_load_unit_tests(shared) -> None:
    tests = petrarch.load_unit_tests()
    assert len(tests) == 284
    demo = next(t for t in tests if t.id == "DEMO-00")
    assert demo.codings == [Coding("ARN", "GON", "064")]
    assert demo.date == date(1995, 1, 1)
    assert demo.text.startswith("Arnor is about to restore full diplomatic ties with Gondor")
    assert sum(t.expects_error for t in tests) == 7
    assert sum(len(t.codings) for t in tests if not t.expects_error) == 359


def test_load_rejects_a_file_without_records(tmp_path) -> None:
    p = tmp_path / "empty.xml"
    p.write_text("<Validation><Sentences></Sentences></Validation>")
    with pytest.raises(ValueError, match="no <Sentence> records"):
        petrarch.load_unit_tests(p)


def test_validation_dictionaries_are_loaded_then_restored(shared) -> None:
    from strife.actor_dictionary import get_actor_dictionary

    d = get_actor_dictionary()
    before = len(d)
    assert d.lookup("Osgiliath") is None
    with petrarch.validation_dictionaries():
        assert d.lookup("Osgiliath") is not None
        assert len(d) > before
    assert len(d) == before and d.lookup("Osgiliath") is None


def test_code_read_back(shared) -> None:
    from strife.records import Actor, Event

    book = CodeBook.load()
    arnor = Actor(role="actor", name="Arnor", text="Arnor", span=(0, 5))
    police = Actor(role="recipient", name="Israel police", text="Israeli police", span=(10, 24), country="ISR", sector="COP")
    assert book.code(arnor, date(1995, 1, 1)) == "ARN"
    assert book.code(police, None) == "ISRCOP"
    assert book.code(None, None) == "---"
    ev = Event.model_validate({
        "event_id": "ev_x", "article": {"text_sha256": "0"}, "plover": {"type": "ASSAULT"}, "cameo": "190",
        "actors": [arnor.model_dump(), police.model_dump()], "date": {"basis": "unresolved"},
        "extractor": {"version": "0"}})
    assert predicted_codings([ev], book, None) == [Coding("ARN", "ISRCOP", "190")]


def test_petrarch_floor(shared) -> None:
    res = petrarch.evaluate_petrarch(limit=PETRARCH_LIMIT)
    assert res.n_gold > 0
    assert res.counts.get("actor roots", 0) >= ACTOR_ROOTS_FLOOR, res.report()
    assert res.counts.get("source+target", 0) >= SOURCE_TARGET_FLOOR, res.report()


# measured on the first PETRARCH_LIMIT records, rounded down
PETRARCH_LIMIT = 80
ACTOR_ROOTS_FLOOR = 10   # measured 10 of 148 gold codings
SOURCE_TARGET_FLOOR = 2  # measured 2
