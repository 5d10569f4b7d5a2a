"""Estimates of the part of a period not yet covered by data (TT 03/2019: the 6-month
report's June, the annual report's November and December): every figure of every section
that counts over the days (`SectionSpec.estimated`), proposed from the same period of last
year pro rata to this year's actual data, overwritable by the centre cell by cell, and
proposed again on newer data without losing what was overwritten (reports/figures/
estimates.py has the shape and the arithmetic)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from reports import figures
from reports.figures import Scope
from reports.figures.base import specs
from reports.figures.estimates import Estimate, propose, sections_of
from reports.models import Report
from reports.states import REPORT_TRANSITIONS
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import check_transition, require, save
from tgpl.models import User

from .review import _locked


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02
        return day.replace(year=day.year + years, day=28)


def propose_estimates(report: Report) -> dict:
    """{section key: Estimate json} for the days after the report's data up to the end of
    its period: three computations of the estimated sections (this year's actual data,
    last year's same span, last year's whole period), a constant number of queries."""
    estimated = {s.key: s for s in specs() if s.estimated}
    keys = list(estimated)
    centres = (report.centre_id,)
    last_start, last_end = _shift(report.start, -1), _shift(report.end, -1)
    now = figures.compute(Scope(centres, report.start, report.end), keys)
    last_part = figures.compute(Scope(centres, last_start, last_end), keys)
    last_full = figures.compute(Scope(centres, last_start, _shift(report.covers_to, -1)), keys)
    start = report.end + timedelta(days=1)
    out = {}
    for this, part, full in zip(now, last_part, last_full, strict=True):
        estimate = propose(estimated[this.key], this, part, full, start=start, end=report.covers_to)
        out[this.key] = estimate.to_json()
    return out


def _editable(actor: User, report: Report) -> Report:
    report = _locked(report)
    require(roles.can_prepare_reports(actor, report.centre), "Bạn không sửa báo cáo này.")
    check_transition(REPORT_TRANSITIONS, "edit", report.status)
    if not report.period.has_estimate:
        raise BusinessRuleError("Kỳ báo cáo này không có phần số liệu ước tính.")
    return report


def _withdraw_sign_off(report: Report) -> None:
    """An edit withdraws the director's sign-off, which was given to the report as it was."""
    report.signed_off_by = None
    report.signed_off_at = None


@transaction.atomic
def save_estimates(
    *, actor: User, report: Report, section: str, values: dict[tuple[str, str], int]
) -> Report:
    """Overwrite estimated figures of one section: (row key, column key) -> a number of
    the rows that are entered; the rows over them are summed again."""
    report = _editable(actor, report)
    stored = sections_of(report.estimates)
    if section not in stored:
        raise BusinessRuleError("Bảng này không có số liệu ước tính.")
    for value in values.values():
        if value is None or int(value) < 0:
            raise BusinessRuleError("Số liệu ước tính là số không âm.")
    estimate = stored[section]
    wrong = estimate.overwrite(values)
    if wrong:
        raise BusinessRuleError(
            "Không sửa được các ô: " + ", ".join(f"{r} / {c}" for r, c in wrong)
            + " (chỉ sửa các dòng chi tiết; dòng tổng được cộng lại)."
        )  # fmt: skip
    report.estimates = {**report.estimates, section: estimate.to_json()}
    _withdraw_sign_off(report)
    save(report, actor=actor, reason=f"Sửa số liệu ước tính ({section})")
    return report


@transaction.atomic
def propose_estimates_again(*, actor: User, report: Report) -> Report:
    """New proposals from the data as they are now (entered late, corrected); the cells the
    centre overwrote keep their figures."""
    report = _editable(actor, report)
    fresh = sections_of(propose_estimates(report))
    old = sections_of(report.estimates)
    merged: dict[str, Estimate] = {
        key: old[key].proposed_again(estimate) if key in old else estimate
        for key, estimate in fresh.items()
    }
    report.estimates = {key: e.to_json() for key, e in merged.items()}
    _withdraw_sign_off(report)
    save(report, actor=actor, reason="Đề xuất lại số liệu ước tính")
    return report
