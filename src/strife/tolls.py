"""The low/best/high rule over toll claims (pure functions, no spaCy).

THE RULE (one kind of toll at a time: pass only the fatality claims, or only the injury claims)

1. **Deduplicate.** Identical claims from the same source (same source text after
   normalising case, spaces, apostrophes and a leading "the"; same value, qualifier and
   victims) count once; a claim that is one part of a multi-part statement is kept.
2. **Statements.** A claim may carry a ``statement`` attribute (``TollMention.statement``:
   the clause anchor and source). Claims sharing a statement and naming different victims are
   *parts of one count* and are added up ("left four U.S. service members, as well as two
   Iraqi soldiers, wounded" is one statement of 6 injured). A claim without ``statement`` is
   its own statement.
3. **Bounds of a statement.** Its value is the sum of its parts' values. Its lower bound is
   the sum of the parts' lower bounds, where ``exact``, ``at_least``, ``more_than`` and
   ``about`` give their value as a lower bound ("more than 500" is read as 500, not 501) and
   ``at_most``/``less_than`` give none (0 when other parts give one; a statement whose parts
   are all upper bounds has no lower bound).
4. **low** = the smallest lower bound over statements (None when none has one);
   **high** = the largest value over statements (upper-bound claims count here: "up to 20"
   makes high at least 20); **best** = low: ACLED's "most conservative" figure.
5. **One person singled out is a part.** A statement made only of claims marked ``individual``
   (one person told by age or name: "a 17-year-old campaign volunteer had died in hospital",
   "killing a 63-year-old man") is one of the dead, not a rival count: it gives no lower bound
   when another statement gives one ("killed three people" then "a 12-year-old boy was among
   the dead" keeps low 3).

6. **More besides.** A statement made only of claims marked ``additional`` ("Four soldiers were also
   killed", "two others were wounded") counts victims besides the others: its lower bound and value add to
   every other statement's ("killed 13 militants ... Four soldiers were also killed" is low 17), unless all
   statements are such.

With no claims the result is (None, None, None). A claim of 0 ("no one was hurt") is a real
claim: it makes low 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Hashable, Iterable, Optional, Protocol, Sequence

LOWER_BOUND_QUALIFIERS = frozenset({"exact", "at_least", "more_than", "about"})
UPPER_BOUND_QUALIFIERS = frozenset({"at_most", "less_than"})
_QUALIFIERS = LOWER_BOUND_QUALIFIERS | UPPER_BOUND_QUALIFIERS


class ClaimLike(Protocol):
    """What summarize reads: a TollMention, a records.TollClaim or a `Claim`."""

    value: int
    qualifier: str
    source: Optional[str]


@dataclass(frozen=True)
class Claim:
    """A toll claim as summarize needs it (a convenience for callers and tests)."""

    value: int
    qualifier: str = "exact"
    source: Optional[str] = None
    victims: Optional[str] = None
    statement: Optional[Hashable] = None
    individual: bool = False
    additional: bool = False


@dataclass(frozen=True)
class TollSummary:
    low: Optional[int]
    best: Optional[int]
    high: Optional[int]


def normalise_source(source: Optional[str]) -> Optional[str]:
    """Source text for comparison: lower case, single spaces, straight apostrophes, no "the"."""
    if source is None:
        return None
    s = source.replace("\u2019", "'").replace("\u2018", "'").lower()
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s or None


def _check(claim: ClaimLike) -> None:
    if claim.qualifier not in _QUALIFIERS:
        raise ValueError(f"unknown toll qualifier {claim.qualifier!r} (expected one of "
                         f"{sorted(_QUALIFIERS)})")
    if not isinstance(claim.value, int) or claim.value < 0:
        raise ValueError(f"toll value must be a non-negative int, got {claim.value!r}")


def _statement(claim: ClaimLike, index: int) -> Hashable:
    st = getattr(claim, "statement", None)
    return ("own", index) if st is None else ("stmt", st)


def dedupe(claims: Iterable[ClaimLike]) -> list[ClaimLike]:
    """Claims with identical claims from the same source dropped (first one kept).

    Identical: same normalised source, value, qualifier and victims. A claim that is one
    part of a multi-part statement is never dropped (that would change the statement's sum).
    """
    items = list(claims)
    for c in items:
        _check(c)
    sizes: dict[Hashable, int] = {}
    for i, c in enumerate(items):
        st = _statement(c, i)
        sizes[st] = sizes.get(st, 0) + 1
    out: list[ClaimLike] = []
    seen: set[tuple] = set()
    for i, c in enumerate(items):
        key = (normalise_source(c.source), c.value, c.qualifier,
               (getattr(c, "victims", None) or "").lower())
        if sizes[_statement(c, i)] == 1:
            if key in seen:
                continue
            seen.add(key)
        out.append(c)
    return out


def statements(claims: Sequence[ClaimLike]) -> list[tuple[Optional[int], int]]:
    """(lower bound or None, value) for each statement, in first-seen order."""
    return [(low, value) for low, value, _ in _statements(claims)]


def _statements(claims: Sequence[ClaimLike]) -> list[tuple[Optional[int], int, bool]]:
    """(lower bound or None, value, all its parts single out one person) for each statement, with the
    statements of more victims besides (rule 6) added to each of the others."""
    groups: dict[Hashable, list[ClaimLike]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(_statement(c, i), []).append(c)
    out: list[tuple[Optional[int], int, bool]] = []
    extra: list[tuple[Optional[int], int]] = []
    for parts in groups.values():
        value = sum(p.value for p in parts)
        lows = [p.value for p in parts if p.qualifier in LOWER_BOUND_QUALIFIERS]
        low = sum(lows) if lows else None
        if all(getattr(p, "additional", False) for p in parts):
            extra.append((low, value))
        else:
            out.append((low, value, all(getattr(p, "individual", False) for p in parts)))
    if not out:
        return [(low, value, False) for low, value in extra]
    add_low = sum(lo for lo, _ in extra if lo is not None)
    add_value = sum(v for _, v in extra)
    return [(None if lo is None else lo + add_low, v + add_value, one) for lo, v, one in out]


def summarize(claims: Iterable[ClaimLike]) -> tuple[Optional[int], Optional[int], Optional[int]]:
    """(low, best, high) over the claims of one toll kind, by the rule in this module's doc."""
    unique = dedupe(claims)
    if not unique:
        return (None, None, None)
    stmts = _statements(unique)
    counts = [lo for lo, _, one in stmts if lo is not None and not one]
    lows = counts or [lo for lo, _, _ in stmts if lo is not None]
    low = min(lows) if lows else None
    high = max(v for _, v, _ in stmts)
    return (low, low, high)


def summary(claims: Iterable[ClaimLike]) -> TollSummary:
    """summarize() as a typed record."""
    low, best, high = summarize(claims)
    return TollSummary(low=low, best=best, high=high)
