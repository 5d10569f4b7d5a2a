"""Reads of the inter-agency council (issue 17.4): its members, meetings and reports, and
the figures of a report from the register of notices (Mẫu 05), by sector and agency, in
one grouped query whatever the number of notices."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from cases.models import CouncilMeeting, CouncilMember, CouncilReport, ProceduralNotice
from cases.rules import council as rules
from tgpl.models import Agency

#: the columns of the figures, in the order of the printed table
COLUMNS = (
    ("notices", "Thông báo (Mẫu 03)"),
    ("information", "Thông tin (Mẫu 04)"),
    ("by_phone", "Trong đó báo trước bằng điện thoại"),
    ("mandatory", "Trong đó chỉ định người bào chữa"),
    ("appointed", "Đã cử người thực hiện TGPL"),
)


@dataclass
class FigureRow:
    label: str
    notices: int = 0
    information: int = 0
    by_phone: int = 0
    mandatory: int = 0
    appointed: int = 0

    @property
    def cells(self) -> list[int]:
        return [getattr(self, key) for key, _ in COLUMNS]

    def add(self, other: FigureRow) -> None:
        for key, _ in COLUMNS:
            setattr(self, key, getattr(self, key) + getattr(other, key))


@dataclass
class SectorFigures:
    total: FigureRow
    agencies: list[FigureRow] = field(default_factory=list)


@dataclass
class CouncilFigures:
    year: int
    round: int
    start: date
    end: date
    sectors: list[SectorFigures]
    total: FigureRow

    @property
    def columns(self) -> list[str]:
        return [label for _, label in COLUMNS]


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period's local days as aware moments: from 00:00 of the first, before 00:00 of
    the day after the last."""
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=tz),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz),
    )


def council_rows(centre_id: int, year: int, round_: int) -> list[list]:
    """The register's notices and information received in the period, counted by the
    sending agency (one query): [sector, agency, *counts in COLUMNS order] per agency,
    plain values, as a numbered report keeps them (CouncilReport.figures)."""
    start, end = rules.period(year, round_)
    since, until = _bounds(start, end)
    notice = ProceduralNotice.Kind.NOTICE
    rows = (
        ProceduralNotice.objects.filter(
            centre_id=centre_id, received_at__gte=since, received_at__lt=until
        )
        .order_by()
        .values_list("agency__kind", "agency_id", "agency__name")
        .annotate(
            notices=Count("pk", filter=Q(kind=notice)),
            information=Count("pk", filter=~Q(kind=notice)),
            by_phone=Count("pk", filter=Q(by_phone=True)),
            mandatory=Count("pk", filter=Q(mandatory_defence=True)),
            appointed=Count("pk", filter=Q(request__case__appointed_at__isnull=False)),
        )
    )
    return [[kind, name, *counts] for kind, _agency, name, *counts in rows]


def figures_from(rows: list[list], year: int, round_: int) -> CouncilFigures:
    """The table of council_rows: agencies grouped by sector, in the sectors' order."""
    start, end = rules.period(year, round_)
    by_kind: dict[str, list[FigureRow]] = {}
    for kind, name, *counts in rows:
        by_kind.setdefault(kind, []).append(FigureRow(name, *counts))
    sectors, total = [], FigureRow("Tổng cộng")
    for kind, label in Agency.Kind.choices:
        agencies = sorted(by_kind.get(kind, []), key=lambda r: r.label)
        if not agencies:
            continue
        sector = FigureRow(label)
        for row in agencies:
            sector.add(row)
        total.add(sector)
        sectors.append(SectorFigures(sector, agencies))
    return CouncilFigures(year, round_, start, end, sectors, total)


def council_figures(centre_id: int, year: int, round_: int) -> CouncilFigures:
    """The figures of a round as the register stands now."""
    return figures_from(council_rows(centre_id, year, round_), year, round_)


def report_figures(report: CouncilReport) -> CouncilFigures:
    """A report's figures: those kept when it was numbered, else the register's now."""
    if report.figures is not None:
        return figures_from(report.figures, report.year, report.round)
    return council_figures(report.centre_id, report.year, report.round)


def freeze_figures(report: CouncilReport) -> None:
    """Keep the register's figures of the moment with the report (at its numbering)."""
    report.figures = council_rows(report.centre_id, report.year, report.round)
    report.figures_at = timezone.now()


# --- members, meetings, reports ------------------------------------------------------


def council_members(user, on: date | None = None):
    """Members of the council of the user's centres; those who left last."""
    return CouncilMember.objects.visible_to(user).select_related("centre")


def active_members(members, on: date) -> list:
    return [m for m in members if m.joined_on <= on and (m.left_on is None or m.left_on > on)]


def meeting_list(user):
    return CouncilMeeting.objects.visible_to(user).select_related("centre", "recorded_by")


def get_meeting_for(user, pk: int) -> CouncilMeeting:
    try:
        return meeting_list(user).get(pk=pk)
    except CouncilMeeting.DoesNotExist:
        raise Http404("Không tìm thấy cuộc họp.") from None


def get_member_for(user, pk: int) -> CouncilMember:
    try:
        return council_members(user).get(pk=pk)
    except CouncilMember.DoesNotExist:
        raise Http404("Không tìm thấy thành viên.") from None


def report_list(user):
    return CouncilReport.objects.visible_to(user).select_related("centre", "prepared_by")


def report_of(user, centre_id: int, year: int, round_: int) -> CouncilReport | None:
    return report_list(user).filter(centre_id=centre_id, year=year, round=round_).first()
