"""Reads of reports: scoped lists, the figures as they stand (live for a draft, frozen
once sent), the differences between versions, the province's consolidated table."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.http import Http404

from tgpl import roles

from . import figures
from .figures import Scope, Section
from .figures.estimates import Estimate, sections_of
from .models import Report, ReportVersion, ReviewStep
from .narrative import TITLES
from .states import ReportStatus


def report_list(user):
    return Report.objects.visible_to(user).select_related("centre").order_by("-end", "centre__name")


def get_report_for(user, pk: int) -> Report:
    """Missing and not-yours give the same 404."""
    report = (
        Report.objects.visible_to(user)
        .select_related("centre", "prepared_by", "signed_off_by", "decided_by")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404("Không tìm thấy báo cáo.")
    return report


def scope_of(report: Report) -> Scope:
    return Scope((report.centre_id,), report.start, report.end)


def latest_version(report: Report) -> ReportVersion | None:
    return report.versions.order_by("-number").first()


def report_figures(report: Report) -> list[Section]:
    """The figures as a reader sees them: computed from the data while the centre may
    edit the report, the stored ones once it is sent (or accepted)."""
    if report.is_frozen:
        version = latest_version(report)
        if version is not None:
            return [Section.from_json(s) for s in version.figures]
    return figures.compute(scope_of(report))


def report_estimates(report: Report) -> dict[str, Estimate]:
    """The estimates beside the figures: as sent once the report is sent, else as edited."""
    if report.is_frozen:
        version = latest_version(report)
        if version is not None:
            return sections_of(version.estimates)
    return sections_of(report.estimates)


def steps_of(report: Report) -> list[ReviewStep]:
    return list(report.steps.select_related("person").order_by("at", "pk"))


# --- differences between versions ----------------------------------------------------------


@dataclass
class FigureChange:
    section: str
    row: str
    column: str
    before: int | None
    after: int | None


@dataclass
class TextChange:
    section: str
    diff: list[tuple[str, str]]  # ("-"|"+"|" ", line)


def diff_figures(before: list[dict], after: list[dict]) -> list[FigureChange]:
    def cells(sections):
        out = {}
        for data in sections:
            s = Section.from_json(data)
            labels = {c.key: c.label for c in s.columns}
            for r in s.rows:
                for c, v in zip(s.columns, r.cells, strict=True):
                    out[(s.key, r.key, c.key)] = (s.title, r.label, labels[c.key], v)
        return out

    old, new = cells(before), cells(after)
    changes = []
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        was, now = (a[3] if a else 0), (b[3] if b else 0)
        if was != now:
            title, row, column, _ = b or a
            changes.append(FigureChange(title, row, column, was, now))
    return changes


def diff_texts(before: dict, after: dict) -> list[TextChange]:
    out = []
    for key in list(TITLES) + sorted((before.keys() | after.keys()) - set(TITLES)):
        a, b = before.get(key, ""), after.get(key, "")
        if a == b:
            continue
        lines = [
            (line[0], line[2:])
            for line in difflib.ndiff(a.splitlines(), b.splitlines())
            if line[:1] in "-+ "
        ]
        out.append(TextChange(TITLES.get(key, key), lines))
    return out


def version_changes(report: Report, number: int):
    """What changed in version `number` against the one before (None for the first)."""
    versions = {v.number: v for v in report.versions.filter(number__in=[number - 1, number])}
    if number not in versions:
        raise Http404("Không có phiên bản này.")
    current, previous = versions[number], versions.get(number - 1)
    if previous is None:
        return current, None, [], []
    return (
        current,
        previous,
        diff_figures(previous.figures, current.figures)
        + diff_figures(_estimated(previous), _estimated(current)),
        diff_texts(previous.narrative, current.narrative),
    )


def _estimated(version: ReportVersion) -> list[dict]:
    """A version's estimates as sections (their titles say they are estimates)."""
    return [e.section.to_json() for e in sections_of(version.estimates).values()]


# --- the province: consolidated table and the reports' state ------------------------------


def consolidated(user, kind: str, year: int, number: int):
    """The sum of the accepted reports of this period of the centres the user may see."""
    reports = list(
        Report.objects.visible_to(user)
        .filter(kind=kind, year=year, number=number, status=ReportStatus.ACCEPTED,
                centre__in=roles.visible_centres(user))
        .select_related("centre")
    )  # fmt: skip
    latest: dict[int, ReportVersion] = {}
    for v in ReportVersion.objects.filter(report__in=reports).order_by("number"):
        latest[v.report_id] = v
    sent = [latest[r.pk] for r in reports if r.pk in latest]
    sections = [[Section.from_json(s) for s in v.figures] for v in sent]
    estimates = figures.consolidate(
        [[e.section for e in sections_of(v.estimates).values()] for v in sent]
    )
    return reports, figures.consolidate(sections), {e.key: e for e in estimates}


# --- the centre's reporting settings (admin data) -------------------------------------


def settings_of(centre_id: int):
    """The centre's settings, or unsaved defaults (the law's dates, Mẫu 12) when its
    administrator never saved any."""
    from .models import ReportSettings

    found = ReportSettings.objects.filter(centre_id=centre_id).first()
    return found or ReportSettings(centre_id=centre_id)
