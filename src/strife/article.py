"""The `Article`: one input document, cleaned, with its metadata."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Normalise an article's text: NFC, unified newlines, no control chars, collapsed spaces.

    All record spans are offsets into this cleaned text.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def parse_published(value: object) -> Optional[date]:
    """Parse a publication date (YYYY-MM-DD, or an ISO datetime); None if absent.

    Raises ValueError with a clear message when the value is present but not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        raise ValueError(f"publication date {s!r} is not YYYY-MM-DD")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


@dataclass
class Article:
    text: str
    id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[date] = None
    url: Optional[str] = None
    source: Optional[str] = None
    origin: Optional[str] = None  # where it was read from (path, path:line), for messages
    meta: dict = field(default_factory=dict)
    # reasons for warnings met while reading (e.g. "not UTF-8: decoded as cp1252"), counted by a batch
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = clean_text(self.text or "")
        if not isinstance(self.published, (date, type(None))):
            self.published = parse_published(self.published)

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def published_iso(self) -> Optional[str]:
        return self.published.isoformat() if self.published else None
