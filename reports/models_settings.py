"""A centre's reporting settings, kept by its administrator in the admin (issue 16.1,
16.4): the due dates of the statistical reports at the Sở, the working days a
management report is due after its cut-off, and the narrative template the reports
start from. Every change is recorded in the history; reports/rules/periods.py stays
pure and takes the schedule these give (`to_schedule`).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from reports.narrative import SECTIONS, default_narrative
from reports.rules.periods import DEFAULT_SCHEDULE, Kind, Schedule

_SIX = DEFAULT_SCHEDULE.statistical_due[Kind.SIX_MONTH]
_YEAR = DEFAULT_SCHEDULE.statistical_due[Kind.ANNUAL]
_OFFICIAL = DEFAULT_SCHEDULE.statistical_due[Kind.OFFICIAL_ANNUAL]


def _day(label: str, default: int):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )


def _month(label: str, default: int):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )


class ReportSettings(models.Model):
    centre = models.OneToOneField(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.CASCADE, related_name="+"
    )
    six_month_due_day = _day("hạn báo cáo thống kê 6 tháng: ngày", _SIX[0])
    six_month_due_month = _month("tháng", _SIX[1])
    annual_due_day = _day("hạn báo cáo thống kê năm: ngày", _YEAR[0])
    annual_due_month = _month("tháng", _YEAR[1])
    official_annual_due_day = _day("hạn báo cáo thống kê năm chính thức (năm sau): ngày",
                                   _OFFICIAL[0])  # fmt: skip
    official_annual_due_month = _month("tháng", _OFFICIAL[1])
    workdays_after_cutoff = models.PositiveSmallIntegerField(
        "báo cáo định kỳ (NĐ 09/2019): hạn gửi sau ngày chốt số liệu (ngày làm việc)",
        default=DEFAULT_SCHEDULE.workdays_after_cutoff,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="Ít nhất 01 ngày làm việc sau ngày chốt số liệu (NĐ 09/2019 Điều 8.5).",
    )
    narrative = models.JSONField(
        "mẫu nội dung báo cáo",
        default=default_narrative,
        blank=True,
        help_text=(
            "Nội dung mặc định của từng phần (Mẫu 12-TP-TGPL), theo khóa: "
            + ", ".join(s.key for s in SECTIONS)
            + ". Số liệu viết dạng {b25.total.new}."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "thiết lập báo cáo của Trung tâm"
        verbose_name_plural = "thiết lập báo cáo của Trung tâm"

    def __str__(self) -> str:
        return f"Thiết lập báo cáo – {self.centre}"

    def clean(self):
        errors = {}
        for prefix in ("six_month", "annual", "official_annual"):
            day, month = getattr(self, f"{prefix}_due_day"), getattr(self, f"{prefix}_due_month")
            try:
                date(2001, month or 1, day or 1)  # a year without 29/02
            except ValueError:
                errors[f"{prefix}_due_day"] = f"Không có ngày {day}/{month}."
        if not isinstance(self.narrative, dict) or not all(
            isinstance(v, str) for v in self.narrative.values()
        ):
            errors["narrative"] = "Mẫu nội dung phải là các cặp “khóa”: “nội dung”."
        else:
            unknown = set(self.narrative) - {s.key for s in SECTIONS}
            if unknown:
                errors["narrative"] = "Không có phần báo cáo: " + ", ".join(sorted(unknown)) + "."
        if errors:
            raise ValidationError(errors)

    def to_schedule(self) -> Schedule:
        return Schedule(
            statistical_due={
                Kind.SIX_MONTH: (self.six_month_due_day, self.six_month_due_month),
                Kind.ANNUAL: (self.annual_due_day, self.annual_due_month),
                Kind.OFFICIAL_ANNUAL: (
                    self.official_annual_due_day,
                    self.official_annual_due_month,
                ),
            },
            workdays_after_cutoff=self.workdays_after_cutoff,
            cutoff_day=DEFAULT_SCHEDULE.cutoff_day,
        )

    def narrative_template(self) -> dict[str, str]:
        """The template's texts, the Mẫu 12 default for a section it leaves out."""
        return default_narrative() | dict((self.narrative or {}).items())
