"""Demo data of coordination in proceedings (issue 17, after the cases seeder): a Thông báo
(Mẫu 03) of a police investigation body linked to the request of an open litigation case,
a Thông tin (Mẫu 04) of the court waiting for an answer, the performer's defence
registration refused (the replacement clock runs), a complaint against a performer
received and accepted, and this month's duty roster at the provincial court, issued.
Everything through the services, as staff would enter it; each part is skipped when the
centre already has one, so a second run adds nothing."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.utils import timezone

from cases.models import Case, Complaint, DefenceRegistration, DutyRoster, ProceduralNotice
from cases.rules.rosters import month_days
from cases.services import complaints, proceedings, rosters
from cases.states import CaseStatus, ComplaintGround, Form, Stage
from tgpl import services as kernel_services
from tgpl.models import Agency, User

INVESTIGATION = "Cơ quan Cảnh sát điều tra Công an tỉnh Lạng Sơn"
COURT = "Tòa án nhân dân tỉnh Lạng Sơn"
# the officers on duty at the court and the phone the court calls them on
ON_DUTY = [("tgv", "0912345601"), ("tgv2", "0912345602"), ("truongphong.nv", "0912345603")]


def _agency(centre, kind: str, name: str, short: str = "") -> Agency:
    agency, created = Agency.objects.get_or_create(
        name=name, province_code=centre.province_code, defaults={"kind": kind, "short_name": short}
    )
    if created:
        kernel_services.refresh_search_keys(agency)
        agency.save(update_fields=["search_key"])
    return agency


def _open_litigation_case(centre) -> Case | None:
    return (
        Case.objects.filter(centre=centre, form=Form.LITIGATION, performer__isnull=False)
        .exclude(status__in=(CaseStatus.CLOSED, CaseStatus.DISCONTINUED))
        .select_related("request")
        .order_by("pk")
        .first()
    )


def seed_demo_proceedings(centre, stdout) -> None:
    staff = User.objects.filter(username="vienchuc", centre=centre).first()
    director = User.objects.filter(username="giamdoc", centre=centre).first()
    if staff is None or director is None:
        stdout.write("Bỏ qua dữ liệu mẫu tố tụng: chưa có người dùng mẫu.")
        return
    police = _agency(centre, Agency.Kind.POLICE, INVESTIGATION, "CQCSĐT CA tỉnh")
    court = _agency(centre, Agency.Kind.COURT, COURT, "TAND tỉnh")
    case = _open_litigation_case(centre)
    now = timezone.now()
    notice = _notices(centre, staff, police, court, case, now)
    if case is not None:
        _registration(centre, staff, police, case, notice, now)
        _complaint(centre, staff, director, case, now)
    _roster(centre, director, court, now)
    stdout.write(
        "Tố tụng: "
        f"{ProceduralNotice.objects.filter(centre=centre).count()} thông báo, thông tin; "
        f"{Complaint.objects.filter(centre=centre).count()} khiếu nại; "
        f"{DutyRoster.objects.filter(centre=centre).count()} lịch trực."
    )


def _notices(centre, staff, police, court, case, now) -> ProceduralNotice | None:
    if ProceduralNotice.objects.filter(centre=centre).exists():
        return ProceduralNotice.objects.filter(centre=centre, request__isnull=False).first()
    request = case.request if case is not None else None
    # the notice came in before the request was recorded from it
    received = (request.received_at if request else now) - timedelta(hours=3)
    notice = proceedings.record_notice(
        actor=staff,
        fields={
            "kind": ProceduralNotice.Kind.NOTICE,
            "agency": police,
            "officer_name": "Đại úy Hoàng Văn Thắng",
            "officer_phone": "0205387001",
            "received_at": received,
            "by_phone": True,
            "person_name": request.full_name if request else "Lộc Văn Páo",
            "person_status": ProceduralNotice.PersonStatus.DETAINED,
            "mandatory_defence": True,
            "stage": Stage.INVESTIGATION,
            "agency_case_number": "27/2026/HS-CQCSĐT",
            "content": "Người bị tạm giữ thuộc diện được TGPL, đề nghị Trung tâm cử người "
            "bào chữa.",
        },
    )
    if request is not None:
        notice = proceedings.link_notice(actor=staff, notice=notice, request=request)
    asked = now - timedelta(days=1, hours=2)
    proceedings.record_notice(
        actor=staff,
        fields={
            "kind": ProceduralNotice.Kind.INFORMATION,
            "agency": court,
            "officer_name": "Thẩm phán Nông Thị Lan",
            "officer_phone": "0205387002",
            "received_at": asked + timedelta(hours=1),
            "person_requested_at": asked,
            "person_name": "Triệu Thị Hằng",
            "person_status": ProceduralNotice.PersonStatus.VICTIM,
            "stage": Stage.FIRST_INSTANCE,
            "agency_case_number": "15/2026/HSST",
            "content": "Bị hại là người dân tộc thiểu số cư trú ở xã đặc biệt khó khăn "
            "yêu cầu TGPL tại phiên tòa.",
        },
    )
    return notice


def _registration(centre, staff, police, case, notice, now) -> None:
    if DefenceRegistration.objects.filter(case__centre=centre).exists():
        return
    submitted = max(case.accepted_at or now, now - timedelta(days=2))
    registration = proceedings.record_registration(
        actor=staff,
        case=case,
        kind=DefenceRegistration.Kind.DEFENCE,
        agency=police,
        submitted_at=submitted,
        notice=notice if notice is not None and notice.request_id == case.request_id else None,
    )
    proceedings.record_registration_outcome(
        actor=staff,
        registration=registration,
        outcome=DefenceRegistration.Outcome.REFUSED,
        reason="Người bị tạm giữ từ chối người bào chữa do Trung tâm cử, đề nghị người khác.",
        at=min(submitted + timedelta(hours=5), now),
    )


def _complaint(centre, staff, director, case, now) -> None:
    if Complaint.objects.filter(centre=centre).exists():
        return
    received = now - timedelta(days=3)
    complaint = complaints.receive_complaint(
        actor=staff,
        fields={
            "complainant_name": "Bế Văn Chiến",
            "complainant_phone": "0987654321",
            "against": Complaint.Against.PERFORMER,
            "ground": ComplaintGround.NON_PERFORMANCE,
            "case": case,
            "request": case.request,
            "content": "Người thực hiện TGPL không liên hệ, không đến gặp người thân tôi "
            "đang bị tạm giữ.",
        },
        at=received,
    )
    accepted = received + timedelta(days=1)
    complaints.accept_complaint(actor=director, complaint=complaint, at=accepted)


def _roster(centre, director, court, now) -> None:
    if DutyRoster.objects.filter(centre=centre).exists():
        return
    today = timezone.localdate(now)
    roster = rosters.create_roster(actor=director, agency=court, year=today.year, month=today.month)
    weekdays = [d for d in month_days(today.year, today.month) if d.weekday() < 5]
    users = {u.username: u for u in User.objects.filter(centre=centre)}
    days: list[date] = weekdays[:: max(1, len(weekdays) // len(ON_DUTY))]
    for (username, phone), day in zip(ON_DUTY, days, strict=False):
        if username in users:
            rosters.add_shift(
                actor=director, roster=roster, performer=users[username], day=day,
                start=time(7, 30), end=time(17, 0), phone=phone,
            )  # fmt: skip
    if roster.shifts.exists():
        rosters.issue_roster(actor=director, roster=roster)
