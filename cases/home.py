"""The cases panels of the home page (registered with tgpl.home in apps.py).

Reception sees what waits for a decision; a head the proposals waiting (oldest first)
and the department's limits running out; a performer their cases with the next limit
and their quota; the leadership the centre at a glance; a Sở reviewer the centres side
by side. Every line is a link; no line names an aided person.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from cases import home_limits, selectors
from cases.models import Case, LegalAidRequest
from cases.states import CaseStatus, RequestStatus
from tgpl import home, roles
from tgpl.home import Bar, Line, Panel, PanelView
from tgpl.models import Department

SOON = timedelta(days=3)
# The open states named (not "not closed"), so the index (centre, status, …) serves.
OPEN_STATES = [
    CaseStatus.AWAITING_ASSIGNMENT,
    CaseStatus.ASSIGNMENT_PROPOSED,
    CaseStatus.ASSIGNED,
    CaseStatus.IN_PROGRESS,
]
OPEN = Q(status__in=OPEN_STATES)
REQUESTS = reverse("cases:request_list")
CASES = reverse("cases:case_list")


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def _limit_lines(dues, now) -> list[Line]:
    lines = []
    for d in dues.lines:
        due = timezone.localtime(d.due_at)
        late = d.due_at < now
        when = due.strftime("%H:%M %d/%m") if d.unit == "hours" else due.strftime("%d/%m/%Y")
        lines.append(
            Line(
                d.label,
                url=d.url,
                note=("quá hạn từ " if late else "hạn ") + when,
                tone="danger" if late else "warning",
            )
        )
    return lines


def reception(user, today: date) -> PanelView:
    now = timezone.now()
    # Only the waiting requests are read (the index of centre and state), not every
    # request the centre ever received.
    requests = LegalAidRequest.objects.filter(
        centre_id=user.centre_id,
        status__in=[RequestStatus.RECEIVED, RequestStatus.AWAITING_PROOF],
    ).aggregate(
        received=Count("status", filter=Q(status=RequestStatus.RECEIVED)),
        awaiting=Count("status", filter=Q(status=RequestStatus.AWAITING_PROOF)),
        late=Count("status", filter=Q(status=RequestStatus.AWAITING_PROOF, proof_due_at__lt=now)),
    )
    waiting = Case.objects.filter(
        centre_id=user.centre_id, status=CaseStatus.AWAITING_ASSIGNMENT
    ).count()
    view = PanelView("cases.reception", "Tiếp nhận yêu cầu", "bi-inbox")
    pairs = [
        ("Yêu cầu chờ thụ lý hoặc từ chối", requests["received"], RequestStatus.RECEIVED, ""),
        ("Chờ bổ sung giấy tờ", requests["awaiting"], RequestStatus.AWAITING_PROOF, ""),
    ]
    for label, count, status, _ in pairs:
        if count:
            view.lines.append(Line(label, count, f"{REQUESTS}?status={status}", "primary"))
    if requests["late"]:
        view.lines.append(
            Line(
                "Quá hạn bổ sung giấy tờ: cần từ chối hoặc thụ lý",
                requests["late"],
                f"{REQUESTS}?status={RequestStatus.AWAITING_PROOF}",
                "danger",
            )
        )
    if waiting:
        view.lines.append(
            Line(
                "Vụ việc chờ đề xuất cử người",
                waiting,
                f"{CASES}?status={CaseStatus.AWAITING_ASSIGNMENT}",
                "warning",
            )
        )
    view.link = Line("Tiếp nhận yêu cầu mới", url=reverse("cases:request_create"))
    return view


def head(user, today: date) -> PanelView:
    now = timezone.now()
    view = PanelView("cases.head", "Việc chờ Trưởng phòng", "bi-person-check")
    inbox = selectors.approval_inbox(user)
    total = inbox.count()
    proposals = list(inbox[:5]) if total else []
    if total:
        view.lines.append(
            Line("Đề xuất cử người chờ duyệt", total, reverse("cases:inbox"), "danger")
        )
    for proposal in proposals:
        days = (today - timezone.localtime(proposal.proposed_at).date()).days
        view.lines.append(
            Line(
                f"Vụ việc {proposal.case.code}: đề xuất cử {proposal.performer.full_name}",
                url=reverse("cases:case_detail", args=[proposal.case_id]),
                note="hôm nay" if days == 0 else f"chờ {days} ngày",
                tone="warning" if days else "secondary",
            )
        )
    mine = home_limits.department_dues(
        [user.department_id], until=_end_of(today + SOON), now=now, limit=5
    )
    if mine.count:
        view.lines.append(Line("Vụ việc của phòng sắp hết thời hạn", mine.count, tone="warning"))
        view.lines += _limit_lines(mine, now)
    return view


def performer(user, today: date) -> PanelView:
    now = timezone.now()
    view = PanelView("cases.performer", "Vụ việc của tôi", "bi-briefcase")
    counts = Case.objects.filter(
        performer=user, status__in=[CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS]
    ).aggregate(
        assigned=Count("pk", filter=Q(status=CaseStatus.ASSIGNED)),
        working=Count("pk", filter=Q(status=CaseStatus.IN_PROGRESS)),
    )
    mine = f"{CASES}?performer={user.pk}"
    if counts["assigned"]:
        view.lines.append(
            Line("Được cử, chưa bắt đầu", counts["assigned"], f"{mine}&status=assigned", "warning")
        )
    if counts["working"]:
        view.lines.append(
            Line("Đang thực hiện", counts["working"], f"{mine}&status=in_progress", "primary")
        )
    view.lines += _limit_lines(
        home_limits.owned_dues(user, until=_end_of(today + SOON), now=now, limit=6), now
    )
    row = next(iter(selectors.performer_rows(user, today.year, own=True)), None)
    if row is not None and row.tier is not None:
        view.lines.append(
            Line(
                f"Chỉ tiêu tham gia tố tụng năm {today.year}: {row.litigation_this_year}"
                f"/{row.tier.pass_from} vụ việc (mức đạt)",
                url=reverse("cases:performer_list"),
                note=row.level_label,
                count=row.progress,
                tone="success" if row.progress >= 100 else "info",
            )
        )
    return view


def centre_glance(user, today: date) -> PanelView:
    """The director's and deputies' view of the whole centre."""
    now = timezone.now()
    view = PanelView("cases.centre", "Toàn Trung tâm: yêu cầu và vụ việc", "bi-building")
    # COUNT(*), not COUNT(id): the index of (centre, state, …) answers it alone (at
    # 1,000,000 cases, 18,000 open ones: 8 ms, not 760 reading each row for its id).
    by_state = dict(
        Case.objects.filter(OPEN, centre_id=user.centre_id)
        .values_list("status")
        .annotate(n=Count("*"))
        .order_by()
    )
    tones = {"awaiting_assignment": "warning", "assignment_proposed": "info"}
    for value, label in CaseStatus.choices:
        if value in by_state:
            view.bars.append(
                Bar(label, by_state[value], f"{CASES}?status={value}", tones.get(value, "primary"))
            )
    # COUNT(status), not COUNT(id): the covering index (centre, received_at) INCLUDE
    # (status) answers it alone (migration cases/0015: a year of 90,000 requests in 27 ms,
    # not 480).
    year = LegalAidRequest.objects.filter(
        centre_id=user.centre_id, received_at__year=today.year
    ).aggregate(
        received=Count("status"),
        refused=Count("status", filter=Q(status=RequestStatus.REFUSED)),
    )
    view.lines.append(
        Line(f"Yêu cầu tiếp nhận năm {today.year}", year["received"], REQUESTS, "primary")
    )
    if year["refused"]:
        view.lines.append(
            Line("trong đó từ chối thụ lý", year["refused"], f"{REQUESTS}?status=refused")
        )
    late = home_limits.centre_dues(user.centre_id, until=now, now=now, limit=4)
    if late.count:
        view.lines.append(Line("Thời hạn đã quá", late.count, tone="danger"))
        view.lines += _limit_lines(late, now)
    return view


def departments_side_by_side(user, today: date) -> PanelView:
    view = PanelView("cases.departments", "Các phòng, chi nhánh", "bi-diagram-3")
    # Two counts, each read from the index (centre, status, ended_at, department) alone:
    # the open cases by department and state, and those closed this year. One count of
    # both (an OR) read every counted row from the table: 170 ms at 1,000,000 cases
    # (100,000 of them), now 7 + 29 ms.
    figures: dict[int, dict[str, int]] = {}
    open_by_state = (
        Case.objects.filter(OPEN, centre_id=user.centre_id)
        .values_list("department_id", "status")
        .annotate(n=Count("*"))
        .order_by()
    )
    for department_id, status, n in open_by_state:
        f = figures.setdefault(department_id, {})
        f["open_cases"] = f.get("open_cases", 0) + n
        if status == CaseStatus.AWAITING_ASSIGNMENT:
            f["waiting"] = n
    closed_this_year = (
        Case.objects.filter(
            centre_id=user.centre_id, status=CaseStatus.CLOSED, ended_at__year=today.year
        )
        .values_list("department_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    for department_id, n in closed_this_year:
        figures.setdefault(department_id, {})["closed_year"] = n
    rows = []
    for d in Department.objects.filter(centre_id=user.centre_id, is_active=True).order_by(
        "position", "name"
    ):
        f = figures.get(d.pk, {})
        rows.append(
            [
                Line(d.name, url=f"{CASES}?department={d.pk}"),
                f.get("open_cases", 0),
                f.get("waiting", 0),
                f.get("closed_year", 0),
            ]
        )
    if rows:
        view.table = {
            "head": ["Phòng, chi nhánh", "Đang mở", "Chờ cử người", f"Kết thúc năm {today.year}"],
            "rows": rows,
        }
    return view


def centres_side_by_side(user, today: date) -> PanelView:
    """A Sở reviewer: the centres of the province, counts only."""
    view = PanelView("cases.centres", "Các Trung tâm của tỉnh", "bi-buildings")
    centres = list(roles.visible_centres(user).order_by("name"))
    ids = [c.pk for c in centres]
    received = dict(
        LegalAidRequest.objects.filter(centre_id__in=ids, received_at__year=today.year)
        .values_list("centre_id")
        .annotate(n=Count("*"))  # from the indexes alone, as centre_glance
        .order_by()
    )
    open_cases = dict(
        Case.objects.filter(OPEN, centre_id__in=ids)
        .values_list("centre_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    rows = [[Line(c.name), received.get(c.pk, 0), open_cases.get(c.pk, 0)] for c in centres]
    if rows:
        view.table = {
            "head": ["Trung tâm", f"Yêu cầu năm {today.year}", "Vụ việc đang thực hiện"],
            "rows": rows,
        }
    return view


def register() -> None:
    home.register(
        Panel("cases.reception", "Tiếp nhận", reception, roles.is_reception_staff, order=10)
    )
    home.register(Panel("cases.head", "Trưởng phòng", head, roles.is_department_head, order=20))
    home.register(
        Panel("cases.performer", "Vụ việc của tôi", performer, roles.is_performer, order=30)
    )
    home.register(
        Panel(
            "cases.centre",
            "Toàn Trung tâm",
            centre_glance,
            roles.can_see_all_cases_of_centre,
            order=5,
        )
    )
    home.register(
        Panel(
            "cases.departments",
            "Các phòng",
            departments_side_by_side,
            roles.can_see_all_cases_of_centre,
            order=60,
        )
    )
    home.register(
        Panel(
            "cases.centres", "Các Trung tâm", centres_side_by_side, roles.is_doj_reviewer, order=5
        )
    )
