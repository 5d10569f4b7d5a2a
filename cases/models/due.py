"""The running legal time limits of cases, kept as rows for the reminder scan (issue 18.4).

The due moments need working days with Vietnamese holidays, which SQL cannot count: the
services compute them with the pure rules (cases/rules/limits.py) whenever a case changes
(`cases.due.refresh_case_dues`), and the scan filters these rows in SQL. A row is a
limit still open; a met limit has none.
"""

from django.db import models


class CaseDue(models.Model):
    case = models.ForeignKey(
        "cases.Case", verbose_name="vụ việc", on_delete=models.CASCADE, related_name="dues"
    )
    deadline = models.CharField("loại thời hạn", max_length=64)
    due_at = models.DateTimeField("hạn")
    unit = models.CharField("đơn vị", max_length=8, default="days")  # "days" or "hours"

    class Meta:
        verbose_name = "thời hạn đang chạy"
        verbose_name_plural = "thời hạn đang chạy"
        constraints = [
            models.UniqueConstraint(
                fields=["case", "deadline", "due_at"], name="case_due_once_per_moment"
            )
        ]
        indexes = [
            models.Index(fields=["unit", "due_at"], name="case_due_scan"),
            # The home page: the limits due by a moment, soonest first, a page of them.
            models.Index(fields=["due_at", "id"], name="case_due_moment"),
        ]

    def __str__(self) -> str:
        return f"{self.deadline} {self.due_at:%d/%m/%Y %H:%M}"
