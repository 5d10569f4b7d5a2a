"""Plan targets met by work recorded elsewhere: a registry of contribution providers.

A plan's task states counted targets ("128 Bảng thông tin", "04 buổi", "120 xã"); the work
that meets them is recorded by other apps (outreach activities and placements, trainings).
The apps are independent of each other (import-linter), so they meet here:

- an app that records work registers a `ContributionProvider`: for a list of plan task ids
  it returns what was achieved, by unit (`unit_of` below), per task and for the whole list
  with each record counted once (an activity serving two tasks of a plan adds to each
  task, and once to the plan's total);
- plans registers a `TaskSource`: which tasks a user may link work to, and how to name
  them, so an app stores only the task's id (`plan_item_id`, an indexed integer) and never
  imports plans.

Providers are disjoint sources (an activity is recorded once, in one app), so their
figures add up without counting anything twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .search import normalize

# --- units --------------------------------------------------------------------------------

SESSION = "session"
ARTICLE = "article"
PROGRAMME = "programme"
PEOPLE = "people"
COMMUNE = "commune"
INFO_BOARD = "info_board"
INFO_BOX = "info_box"
LEAFLET = "leaflet"
INFO_SHEET = "info_sheet"
POSTER = "poster"
BOOKLET = "booklet"
CLIP = "clip"
USB = "usb"

UNIT_LABELS = {
    SESSION: "buổi, hội nghị, đợt",
    ARTICLE: "tin, bài",
    PROGRAMME: "chương trình, chuyên mục",
    PEOPLE: "lượt người",
    COMMUNE: "xã, phường",
    INFO_BOARD: "bảng thông tin",
    INFO_BOX: "hộp tin",
    LEAFLET: "tờ gấp",
    INFO_SHEET: "tờ thông tin",
    POSTER: "áp phích",
    BOOKLET: "sổ tay, tài liệu",
    CLIP: "video, audio clip",
    USB: "USB",
}

# The words plans write before a number (plans.reader.units.QUANTITY_UNITS), normalised.
_WORDS = {
    SESSION: (
        "buoi", "buoi truyen thong", "buoi tu van", "buoi toa dam", "hoi nghi",
        "hoi nghi truyen thong", "hoi nghi tuyen truyen", "hoi thao", "toa dam", "dot",
        "dot truyen thong", "dot tro giup phap ly luu dong", "cuoc", "diem truyen thong",
    ),
    ARTICLE: ("bai", "bai viet", "tin bai", "tin, bai", "ban tin", "ban tin phap luat"),
    PROGRAMME: (
        "chuong trinh", "chuong trinh phat thanh", "chuong trinh truyen hinh",
        "chuong trinh phat thanh, truyen hinh", "chuyen muc", "chuyen trang", "phong su", "so",
    ),
    PEOPLE: ("luot nguoi", "luot", "nguoi"),
    COMMUNE: (
        "xa", "xa, thon", "xa, phuong", "xa, phuong, thi tran", "xa, thi tran", "phuong",
    ),
    INFO_BOARD: ("bang thong tin", "bang tin", "pano"),
    INFO_BOX: ("hop tin", "hop thu"),
    LEAFLET: ("to gap", "to roi"),
    INFO_SHEET: ("to thong tin",),
    POSTER: ("ap phich",),
    BOOKLET: ("so tay", "so tay phap luat", "cuon", "cuon sach", "cuon so tay", "tai lieu",
              "bo tai lieu"),
    CLIP: ("video clip", "clip", "dia"),
    USB: ("usb",),
}  # fmt: skip
_UNIT_BY_WORD = {word: unit for unit, words in _WORDS.items() for word in words}


def unit_of(label: str) -> str | None:
    """The unit a target's label counts ("128 Bảng thông tin" -> INFO_BOARD), or None when
    no recorded work can meet it (the target is then reported by hand only)."""
    return _UNIT_BY_WORD.get(normalize(label))


# --- contributions ----------------------------------------------------------------------


@dataclass
class Achievement:
    """What was achieved for some plan tasks: per task id, and for all of them together
    with each record counted once."""

    per_item: dict[int, Counter] = field(default_factory=dict)
    overall: Counter = field(default_factory=Counter)

    def add(self, other: Achievement) -> None:
        for item_id, counts in other.per_item.items():
            self.per_item.setdefault(item_id, Counter()).update(counts)
        self.overall.update(other.overall)

    def of(self, item_id: int, unit: str | None) -> int:
        if unit is None:
            return 0
        return self.per_item.get(item_id, Counter()).get(unit, 0)


@dataclass(frozen=True)
class Record:
    """One piece of recorded work linked to a task (shown on the task's page)."""

    on: date
    title: str
    url: str
    where: str = ""
    who: str = ""
    amounts: str = ""  # "35 người", "20 Bảng thông tin"


@dataclass(frozen=True)
class ContributionProvider:
    key: str
    label: str
    achieved: Callable[[Sequence[int]], Achievement]  # (plan item ids) -> Achievement
    records: Callable[[int], list[Record]]  # (plan item id) -> its records, newest first


_providers: dict[str, ContributionProvider] = {}


def register_provider(provider: ContributionProvider) -> None:
    _providers[provider.key] = provider


def achieved_for(item_ids: Iterable[int]) -> Achievement:
    """Everything recorded against these tasks, from every provider (a fixed number of
    queries per provider whatever the number of tasks)."""
    ids = sorted(set(item_ids))
    total = Achievement()
    if not ids:
        return total
    for provider in _providers.values():
        total.add(provider.achieved(ids))
    return total


def records_for(item_id: int) -> list[tuple[str, list[Record]]]:
    """The work recorded against one task, by provider (label, records)."""
    found = []
    for provider in _providers.values():
        rows = provider.records(item_id)
        if rows:
            found.append((provider.label, rows))
    return found


# --- the tasks work can be linked to ----------------------------------------------------


@dataclass(frozen=True)
class TaskRef:
    id: int
    label: str  # "KH 12/KH-TGPL — 3.1. Đặt gia công 128 Bảng thông tin ..."
    url: str = ""


@dataclass(frozen=True)
class TaskSource:
    # (user, year) -> tasks of approved plans of the user's centre that year
    linkable: Callable[..., list[TaskRef]]
    # (ids) -> {id: TaskRef} for the ids that exist
    describe: Callable[[Sequence[int]], dict[int, TaskRef]]


_task_sources: list[TaskSource] = []


def register_task_source(source: TaskSource) -> None:
    if source not in _task_sources:
        _task_sources.append(source)


def linkable_tasks(user, year: int) -> list[TaskRef]:
    return [ref for source in _task_sources for ref in source.linkable(user, year)]


def describe_tasks(ids: Iterable[int]) -> dict[int, TaskRef]:
    wanted = sorted(set(ids))
    found: dict[int, TaskRef] = {}
    if wanted:
        for source in _task_sources:
            found.update(source.describe(wanted))
    return found
