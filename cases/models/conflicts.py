"""Conflict-of-interest checks: an index of the names and identity numbers of every
request of a centre, and each check with what was found and what was decided."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from cases.rules import conflicts as rules


class PartyKey(models.Model):
    """One name of a request (aided person, requester or relative, other party) by its
    search key and reversed key, both indexed for the prefix look-ups of the check."""

    class Role(models.TextChoices):
        AIDED = rules.AIDED, "Người được TGPL"
        REQUESTER = rules.REQUESTER, "Người yêu cầu, người thân thích"
        OPPOSING = rules.OPPOSING, "Bên có quyền lợi đối lập"

    centre = models.ForeignKey("tgpl.Centre", on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(
        "cases.LegalAidRequest", on_delete=models.CASCADE, related_name="party_keys"
    )
    role = models.CharField("vai trò", max_length=16, choices=Role.choices)
    key = models.CharField("khóa tên", max_length=255)
    reversed_key = models.CharField("khóa tên đảo", max_length=255)
    identity = models.CharField("số định danh", max_length=12, blank=True)

    class Meta:
        verbose_name = "khóa tên kiểm tra xung đột"
        verbose_name_plural = "khóa tên kiểm tra xung đột"
        indexes = [
            # prefix look-ups (LIKE 'x%'): pattern operator classes on PostgreSQL, so the
            # index serves them whatever the database's collation; ignored elsewhere
            models.Index(
                fields=["key"], name="partykey_key_prefix", opclasses=["varchar_pattern_ops"]
            ),
            models.Index(
                fields=["reversed_key"],
                name="partykey_rkey_prefix",
                opclasses=["varchar_pattern_ops"],
            ),
            models.Index(fields=["centre", "identity"], name="partykey_centre_identity"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.key}"


class ConflictCheck(models.Model):
    """A check at intake or before assignment: what was found, and the decision."""

    class Stage(models.TextChoices):
        INTAKE = "intake", "Khi tiếp nhận"
        ASSIGNMENT = "assignment", "Trước khi cử người"

    class Decision(models.TextChoices):
        NO_CONFLICT = "no_conflict", "Không có xung đột lợi ích"
        PROCEED = "proceed", "Có trùng nhưng không xung đột, tiếp tục"
        CONFLICT = "conflict", "Có xung đột lợi ích: không cử, từ chối hoặc chuyển"

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    request = models.ForeignKey(
        "cases.LegalAidRequest",
        verbose_name="yêu cầu",
        on_delete=models.CASCADE,
        related_name="conflict_checks",
    )
    stage = models.CharField("thời điểm kiểm tra", max_length=16, choices=Stage.choices)
    checked_at = models.DateTimeField("thời điểm kiểm tra")
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người kiểm tra",
        on_delete=models.PROTECT,
        related_name="+",
    )
    # before an assignment: the performer the check clears (or not) for this request
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện được xem xét",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    found = models.JSONField("kết quả tìm thấy", default=list, blank=True)
    decision = models.CharField("quyết định", max_length=16, choices=Decision.choices)
    note = models.TextField("lý do quyết định", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kiểm tra xung đột lợi ích"
        verbose_name_plural = "kiểm tra xung đột lợi ích"
        ordering = ["-checked_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.get_decision_display()}"
