"""Schema-based fuzzing of the web service: no generated request may get a 5xx answer."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from strife.article import Article  # noqa: E402
from strife.records import Event  # noqa: E402
from strife.service import create_app  # noqa: E402
from strife.store import ingest_articles  # noqa: E402
from strife.store.synthetic import synthetic_corpus  # noqa: E402

TOKEN = "fuzz-token-0123456789abcdef"


def _stub_extractor(article: Article) -> list[Event]:
    """Fast stand-in for the spaCy pipeline (the fuzz tests the API, not the extraction)."""
    return []


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    ingest_articles(db, synthetic_corpus(60, seed=5))
    return create_app(db, token=TOKEN, extractor=_stub_extractor)


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_no_server_errors(case):
    headers = {"Authorization": f"Bearer {TOKEN}"} if case.path == "/ingest" else None
    case.call_and_validate(headers=headers, checks=[not_a_server_error])


def test_the_spec_lists_every_route(fuzz_app):
    paths = set(fuzz_app.openapi()["paths"])
    assert {"/events", "/events/{event_id}", "/points", "/clusters/{cluster_id}", "/stats", "/extract",
            "/ingest"} <= paths
