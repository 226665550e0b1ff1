"""Shared fixtures: the third-party data directory and the loaded pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def shared_dir() -> Path | None:
    from strife.settings import discover_shared_dir

    return discover_shared_dir()


@pytest.fixture(scope="session")
def shared() -> Path:
    d = shared_dir()
    if d is None or not (d / "data").is_dir():
        pytest.skip("../shared (third-party dev data) is absent: set STRIFE_SHARED_DIR to run this test")
    return d


@pytest.fixture(scope="session")
def nlp():
    from strife.pipeline import get_nlp

    return get_nlp()
