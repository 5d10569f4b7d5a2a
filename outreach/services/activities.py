"""Recording outreach activities, broadcasts and articles, their contracts and the
recurring targets they meet."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from outreach.models import (
    Activity,
    ActivityAttachment,
    ActivityRequest,
    ActivityTask,
    BroadcastContract,
    RecurringTarget,
)
from tgpl import geography, references, roles, targets, uploads
from tgpl.errors import BusinessRuleError
from tgpl.kernel import create, delete, local_date, require, require_text, save, set_related

ACTIVITY_FIELDS = {
    "department", "kind", "title", "starts_at", "ends_at", "commune_code", "village", "agency",
    "participants_male", "participants_female", "ethnic_minority", "poor_households",
    "disabled", "children", "domestic_violence_victims", "trafficking_victims", "other_groups",
    "cost_vnd", "channel", "contract", "link", "note",
}  # fmt: skip
GROUP_FIELDS = (
    "ethnic_minority", "poor_households", "disabled", "children",
    "domestic_violence_victims", "trafficking_victims", "other_groups",
)  # fmt: skip


def _check(activity: Activity, actor) -> None:
    require_text(activity.title, "Nhập nội dung, chủ đề của hoạt động.", "title")
    department = activity.department if activity.department_id else None
    if department is not None and department.centre_id != actor.centre_id:
        raise BusinessRuleError("Đơn vị thực hiện không thuộc Trung tâm.", field="department")
    if activity.ends_at and activity.ends_at < activity.starts_at:
        raise BusinessRuleError("Thời điểm kết thúc trước thời điểm bắt đầu.", field="ends_at")
    province = actor.centre.province_code
    if (
        activity.commune_code
        and province
        and not geography.commune_in_province(activity.commune_code, province)
    ):
        raise BusinessRuleError("Xã, phường không thuộc tỉnh của Trung tâm.", field="commune_code")
    if activity.is_media:
        if not (activity.channel.strip() or activity.contract_id):
            raise BusinessRuleError(
                "Ghi đài hoặc trang thông tin đã phát sóng, đăng tải.", field="channel"
            )
    elif not (activity.commune_code or activity.agency_id):
        raise BusinessRuleError(
            "Chọn xã, phường hoặc cơ quan, đơn vị nơi tổ chức.", field="commune_code"
        )
    contract = activity.contract if activity.contract_id else None
    if contract is not None:
        if contract.centre_id != actor.centre_id:
            raise BusinessRuleError("Hợp đồng không thuộc Trung tâm.", field="contract")
        on = local_date(activity.starts_at)
        if not contract.start <= on <= contract.end:
            raise BusinessRuleError(
                f"Ngày phát sóng ngoài thời hạn hợp đồng ({contract.start:%d/%m/%Y} – "
                f"{contract.end:%d/%m/%Y}).",
                field="starts_at",
            )
    total = activity.participants
    for name in GROUP_FIELDS:
        if getattr(activity, name) > total:
            label = getattr(Activity._meta.get_field(name), "verbose_name", name)
            raise BusinessRuleError(
                f"Số {label} lớn hơn tổng số người tham dự ({total}).", field=name
            )


def _check_tasks(actor, task_ids: Iterable[int], on: date) -> list[int]:
    ids = sorted({int(i) for i in task_ids})
    if ids:
        linkable = {t.id for t in targets.linkable_tasks(actor, on.year)}
        if set(ids) - linkable:
            raise BusinessRuleError(
                "Chỉ gắn với nhiệm vụ của kế hoạch đã phê duyệt cùng năm của Trung tâm.",
                field="tasks",
            )
    return ids


def _set_tasks(activity: Activity, ids: list[int], actor, reason: str) -> None:
    current = {t.plan_item_id: t for t in activity.tasks.all()}
    for item_id, link in current.items():
        if item_id not in ids:
            delete(link, actor=actor, reason=reason)
    for item_id in ids:
        if item_id not in current:
            create(
                ActivityTask, actor=actor, reason=reason, activity=activity, plan_item_id=item_id
            )


@transaction.atomic
def record_activity(
    *,
    actor,
    fields: dict,
    organisers: Iterable = (),
    partner_agencies: Iterable = (),
    languages: Iterable = (),
    task_ids: Iterable[int] = (),
) -> Activity:
    require(roles.can_record_outreach(actor))
    unknown = set(fields) - ACTIVITY_FIELDS
    if unknown:
        raise ValueError(f"unknown activity fields: {sorted(unknown)}")
    activity = Activity(centre=actor.centre, created_by=actor, **fields)
    _check(activity, actor)
    ids = _check_tasks(actor, task_ids, local_date(activity.starts_at))
    reason = "Ghi nhận hoạt động truyền thông"
    save(activity, actor=actor, reason=reason)
    set_related(activity, "organisers", organisers, actor=actor, reason=reason)
    set_related(activity, "partner_agencies", partner_agencies, actor=actor, reason=reason)
    set_related(activity, "languages", languages, actor=actor, reason=reason)
    _set_tasks(activity, ids, actor, reason)
    return activity


@transaction.atomic
def update_activity(
    *,
    actor,
    activity: Activity,
    fields: dict,
    organisers: Iterable = (),
    partner_agencies: Iterable = (),
    languages: Iterable = (),
    task_ids: Iterable[int] = (),
) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    require(roles.can_record_outreach(actor, activity.centre))
    unknown = set(fields) - ACTIVITY_FIELDS
    if unknown:
        raise ValueError(f"unknown activity fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(activity, name, value)
    _check(activity, actor)
    ids = _check_tasks(actor, task_ids, local_date(activity.starts_at))
    reason = "Sửa hoạt động truyền thông"
    save(activity, actor=actor, reason=reason)
    set_related(activity, "organisers", organisers, actor=actor, reason=reason)
    set_related(activity, "partner_agencies", partner_agencies, actor=actor, reason=reason)
    set_related(activity, "languages", languages, actor=actor, reason=reason)
    _set_tasks(activity, ids, actor, reason)
    return activity


@transaction.atomic
def link_requests(*, actor, activity: Activity, request_ids: Iterable[int]) -> int:
    """Link the legal-aid requests taken at the activity (received by the centre that day)."""
    require(roles.can_record_outreach(actor, activity.centre))
    on = local_date(activity.starts_at)
    received = {r.id for r in references.requests_received_on(actor, on)}
    ids = sorted({int(i) for i in request_ids})
    if set(ids) - received:
        raise BusinessRuleError(
            f"Chỉ gắn yêu cầu được Trung tâm tiếp nhận ngày {on:%d/%m/%Y}.", field="requests"
        )
    taken = ActivityRequest.objects.filter(request_id__in=ids).exclude(activity=activity)
    if taken.exists():
        raise BusinessRuleError("Có yêu cầu đã được gắn với hoạt động khác.", field="requests")
    reason = "Gắn yêu cầu TGPL tiếp nhận tại hoạt động"
    current = {r.request_id: r for r in activity.requests.all()}
    for request_id, link in current.items():
        if request_id not in ids:
            delete(link, actor=actor, reason=reason)
    for request_id in ids:
        if request_id not in current:
            create(
                ActivityRequest,
                actor=actor,
                reason=reason,
                activity=activity,
                request_id=request_id,
            )
    return len(ids)


@transaction.atomic
def add_attachment(*, actor, activity: Activity, file, kind: str, caption: str = ""):
    require(roles.can_record_outreach(actor, activity.centre))
    if not file:
        raise BusinessRuleError("Chọn tệp cần đính kèm.", field="file")
    # bounded in size and judged by its first bytes, as every upload of the house
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    problem = uploads.upload_problem(file.name or "", file.size or 0, head)
    if problem:
        raise BusinessRuleError(problem, field="file")
    return create(
        ActivityAttachment,
        actor=actor,
        reason="Đính kèm ảnh, tài liệu",
        activity=activity,
        kind=kind,
        file=file,
        caption=caption,
        uploaded_by=actor,
    )


@transaction.atomic
def record_contract(*, actor, fields: dict) -> BroadcastContract:
    require(roles.can_record_outreach(actor))
    contract = BroadcastContract(centre=actor.centre, **fields)
    require_text(contract.number, "Nhập số hợp đồng.", "number")
    if not (contract.partner_id or contract.partner_name.strip()):
        raise BusinessRuleError("Chọn hoặc ghi tên đối tác.", field="partner")
    if contract.end < contract.start:
        raise BusinessRuleError("Ngày kết thúc trước ngày bắt đầu.", field="end")
    province = actor.centre.province_code
    codes = [int(c) for c in contract.communes_covered]
    if province and any(not geography.commune_in_province(c, province) for c in codes):
        raise BusinessRuleError("Có xã không thuộc tỉnh của Trung tâm.", field="communes_covered")
    contract.communes_covered = sorted(set(codes))
    return save(contract, actor=actor, reason="Ghi nhận hợp đồng phát sóng, đăng tin")


@transaction.atomic
def record_recurring_target(*, actor, fields: dict) -> RecurringTarget:
    require(roles.can_record_outreach(actor))
    target = RecurringTarget(centre=actor.centre, **fields)
    require_text(target.title, "Nhập tên chỉ tiêu.", "title")
    if not target.kinds:
        raise BusinessRuleError("Chọn ít nhất một hình thức được tính.", field="kinds")
    if target.end < target.start:
        raise BusinessRuleError("Ngày kết thúc trước ngày bắt đầu.", field="end")
    contract = target.contract if target.contract_id else None
    if contract is not None and contract.centre_id != actor.centre_id:
        raise BusinessRuleError("Hợp đồng không thuộc Trung tâm.", field="contract")
    return save(target, actor=actor, reason="Đặt chỉ tiêu định kỳ")
