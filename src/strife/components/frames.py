"""The records of the event stage: an event mention (one trigger with its folded words, roles, date,
places and tolls) and an event frame (the mentions of one event within an article, merged).

Built by :mod:`strife.components.events`, merged by :mod:`strife.components.merging`, read by
:mod:`strife.components.roles` and :mod:`strife.assemble`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from strife.components.actors import ActorMention
from strife.components.triggers import Trigger


@dataclass
class RoleFill:
    role: str  # actor | recipient
    mention: ActorMention
    how: str


@dataclass
class EventMention:
    trigger: Trigger
    tokens: set[int]
    folded: list[Trigger] = field(default_factory=list)
    light_verb: Optional[int] = None
    roles: list[RoleFill] = field(default_factory=list)
    date: object = None            # components.dates.DateMention
    places: list = field(default_factory=list)  # gazetteer PlaceMention
    place_level: str = "none"      # clause | sentence | anaphor ("near the town") | paragraph | none
    tolls: list = field(default_factory=list)   # components.tolls.TollMention
    anaphoric: bool = False
    distal: bool = False  # "that bombing": the event told just before, not the story's own
    generic: bool = False
    subordinate: bool = False
    headline: bool = False         # in the article's headline (see headline_end)
    separate: bool = False         # its sentence opens "Separately," / "In another attack," (a new event)
    place_first: bool = False      # its sentence opens with where: "In Baghdad, gunmen shot dead ..." (a round-up item)
    reported: bool = False         # told in a clause under a reporting verb ("the army said it had targeted ...")
    claimed: bool = False          # the content of a claim of responsibility ("claimed responsibility, saying its fighters had ...")
    claimed_for: bool = False      # what a claim is for ("claimed responsibility for the bombing", "responsible for")
    aggregate: bool = False        # a running total ("the war has killed tens of thousands"), not one event
    sequel: bool = False           # a death from wounds ("died in hospital overnight"): a casualty of an attack told before
    apart_from: Optional[int] = None  # the event word it is told days apart from ("days after an attack killed seven")
    history: bool = False          # its own date ended months before publication ("its invasion ... in February 2022")
    sent_start: int = 0
    sent_end: int = 0
    sent_i: int = 0                # index of its sentence in the doc
    event_refs: list[int] = field(default_factory=list)  # token indices of other events' triggers it acts on
    coordinated_with: Optional[int] = None  # its clause's verb is coordinated with this token's ("stormed ... and set it on fire")

    @property
    def i(self) -> int:
        return self.trigger.i

    @property
    def plover_type(self) -> str:
        return self.trigger.plover_type

    @property
    def modes(self) -> list[str]:
        out: list[str] = []
        for t in [self.trigger, *self.folded]:
            if t.plover_type != self.trigger.plover_type:
                continue  # a measure folded into another type's event ("lifted the curfew") lends no mode
            if t is not self.trigger and t.weak:
                continue  # an ambiguous word with none of its cues ("starting a fire") names no weapon
            for m in t.modes:
                if m not in out:
                    out.append(m)
        return out

    def actors(self, role: str) -> list[ActorMention]:
        return [r.mention for r in self.roles if r.role == role]


@dataclass
class EventFrame:
    mentions: list[EventMention]

    @property
    def head(self) -> EventMention:
        return self.mentions[0]

    @property
    def plover_type(self) -> str:
        return self.head.plover_type

    @property
    def modes(self) -> list[str]:
        out: list[str] = []
        # most specific first: modes from weapon words outrank a trigger's default
        for m in self.mentions:
            if m.plover_type != self.plover_type:
                continue  # a headline joined for its toll: "police clash with protesters, 30 dead" is no riot's mode
            for mode in m.modes:
                if mode not in out:
                    out.append(mode)
        return out

    def roles(self, role: str) -> list[ActorMention]:
        """The frame's parties in ``role``, one per name, in order of first mention; where a description
        ("fighters", resolved to the ELN) and the name itself ("ELN") both occur, the name's mention."""
        first: dict[str, int] = {}
        out: list[ActorMention] = []
        for m in self.mentions:
            for a in m.actors(role):
                k = first.get(a.name)
                if k is None:
                    first[a.name] = len(out)
                    out.append(a)
                elif a.named and not out[k].named:
                    out[k] = a
        return out

    @property
    def date(self):
        dated = [m.date for m in self.mentions if m.date is not None and m.date.resolution is not None]
        if not dated:
            return None
        order = {"day": 0, "week": 1, "month": 2, "year": 3}
        return min(dated, key=lambda d: order.get(d.resolution.precision, 9))

    @property
    def tolls(self) -> list:
        out = []
        for m in self.mentions:
            out.extend(m.tolls)
        return out
