"""The official documents of outreach, each kind declared once, here (the recipe:
tgpl/documents/kinds.py).

- NOMINATION: the decision sending people of the centre to a training (văn bản cử,
  Quyết định, NĐ 30/2020 Mẫu 1.2), numbered when it is made (services.nominate);
- REPORT: the centre's yearly list of its legal-aid officers' training for the Sở Tư
  pháp (TT 12/2018 Điều 4.5: name, form, content, duration, organiser of each training;
  the reason when exempt), numbered when prepared (services.prepare_compliance_report).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from tgpl import roles
from tgpl.documents import Document, Signer
from tgpl.documents import builders as b
from tgpl.documents.content import Heading, Item, Line, Paragraph, with_end_mark
from tgpl.documents.kinds import DocumentKind
from tgpl.documents.registry import register
from tgpl.documents.selectors import issued_for

from .models import ComplianceReport, Nomination, TrainingSession
from .rules.trainings import Standing, hours_text

FILED = "Lưu: VT, HC-TH"
LAW = "Luật Trợ giúp pháp lý ngày 20 tháng 6 năm 2017"
CIRCULAR = (
    "Thông tư số 12/2018/TT-BTP ngày 28 tháng 8 năm 2018 của Bộ trưởng Bộ Tư pháp hướng dẫn "
    "một số hoạt động nghiệp vụ trợ giúp pháp lý và quản lý chất lượng vụ việc trợ giúp pháp "
    "lý, được sửa đổi, bổ sung bởi Thông tư số 03/2021/TT-BTP"
)


def _signer(user, centre) -> Signer:
    """The leader who decided signs; otherwise the centre's director."""
    if user is not None and roles.is_leadership(user):
        return b.signer_for(user)
    director = roles.director_of(centre)
    return b.signer_for(director) if director else Signer(name="", title="Giám đốc")


def _head(kind: DocumentKind, obj, signer: Signer) -> b.Letterhead:
    return b.letterhead(
        kind.centre(obj),
        kind=kind.number_kind,
        signer=signer,
        issued=issued_for(obj, kind.number_kind),
        year=timezone.localdate().year,
    )


# --- the decision sending staff to a training (văn bản cử) ----------------------------


def _where(session: TrainingSession) -> str:
    when = (
        f"ngày {session.starts_on:%d/%m/%Y}"
        if session.starts_on == session.ends_on
        else f"từ ngày {session.starts_on:%d/%m/%Y} đến ngày {session.ends_on:%d/%m/%Y}"
    )
    return f"{when}{f' tại {session.location}' if session.location else ''}"


def nomination_decision(nomination: Nomination) -> Document:
    session = nomination.session
    people = sorted(nomination.people.all(), key=lambda p: p.full_name)
    names = "; ".join(
        f"{n}. Ông (bà) {p.full_name}{f' – {p.job_title}' if p.job_title else ''}"
        for n, p in enumerate(people, start=1)
    )
    purpose = nomination.purpose or f"Giấy mời, kế hoạch tổ chức lớp của {session.organiser}"
    return b.decision(
        _head(NOMINATION, nomination, _signer(nomination.created_by, session.centre)),
        subject=f"Về việc cử viên chức tham gia {session.title}",
        bases=[LAW, CIRCULAR, purpose],
        proposal="Xét đề nghị của Trưởng phòng Hành chính – Tổng hợp",
        articles=[
            f"Cử các ông (bà) có tên sau đây tham gia {session.title} "
            f"({session.get_form_display().lower()}) do {session.organiser} tổ chức, "
            f"{_where(session)}, thời lượng {hours_text(session.hours)} giờ: {names}.",
            f"Nội dung: {session.content}. Người được cử có trách nhiệm tham gia đầy đủ "
            "chương trình, nộp giấy chứng nhận (nếu có) và báo cáo kết quả với Trung tâm.",
            "Trưởng phòng Hành chính – Tổng hợp, Trưởng các phòng, Chi nhánh có liên quan và "
            "các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ],
        recipients=["Như Điều 3", session.organiser, FILED],
    )


NOMINATION = register(
    DocumentKind(
        name="training-nomination",
        label="quyết định cử tham gia tập huấn",
        model=Nomination,
        number_kind="QĐ",
        visible_to=lambda user: Nomination.objects.filter(session__in=_sessions_visible_to(user)),
        build=nomination_decision,
        subject=lambda n: f"Về việc cử viên chức tham gia {n.session.title}",
        title=lambda n: "Quyết định cử người tham gia lớp tập huấn",
        listed_on=TrainingSession,
        of=lambda session: session.nominations.all(),
        page=lambda n: reverse("outreach:training_detail", args=[n.session_id]),
        centre=lambda n: n.session.centre,
        related=("session__centre__parent_agency", "created_by__department"),
    )
)


def _sessions_visible_to(user):
    from .selectors_trainings import sessions_visible_to

    return sessions_visible_to(user)


# --- the yearly list for the Sở (Điều 4.5) ----------------------------------------------


def compliance_report(report: ComplianceReport) -> Document:
    from .selectors_trainings import minimum_of, officer_years

    centre = report.centre
    years = officer_years(centre.pk, report.year)
    minimum = minimum_of(report.year)
    counts = {s: sum(1 for o in years if o.account.standing == s) for s in Standing}
    head = _head(REPORT, report, _signer(report.created_by, centre))
    body: list = [
        Paragraph(
            f"Thực hiện khoản 5 Điều 4 {CIRCULAR}, {centre.name} báo cáo kết quả thực hiện "
            f"nghĩa vụ bồi dưỡng nghiệp vụ năm {report.year} của Trợ giúp viên pháp lý như sau:"
        ),
        Heading("TÌNH HÌNH CHUNG", number="I."),
        Paragraph(
            f"Số Trợ giúp viên pháp lý: {len(years)}; số giờ bồi dưỡng tối thiểu: "
            f"{hours_text(minimum) or '—'} giờ/năm. Đạt: {counts[Standing.COMPLIANT]}; được "
            f"miễn: {counts[Standing.EXEMPT]}; chưa đủ số giờ: {counts[Standing.SHORT]}."
        ),
        Heading("DANH SÁCH TRỢ GIÚP VIÊN PHÁP LÝ VÀ CÁC LỚP BỒI DƯỠNG", number="II."),
    ]
    for number, officer in enumerate(years, start=1):
        lines = [
            Line(
                f"{attendance.session.get_form_display()}",
                f"{attendance.session.title}: {attendance.session.content}; thời lượng "
                f"{hours_text(attendance.hours)} giờ; đơn vị tổ chức: "
                f"{attendance.session.organiser}",
            )
            for attendance in officer.attendances
        ]
        lines.append(Line("Tổng số giờ", f"{officer.hours_text} giờ ({officer.account.label})"))
        exemption = officer.exemption
        if exemption is not None:
            lines.append(
                Line(
                    "Lý do miễn",
                    f"{exemption.reason.name} ({exemption.reason.legal_basis}), "
                    f"{exemption.dates_text}",
                )
            )
        body.append(Item(number=f"{number}.", title=officer.person.full_name, lines=tuple(lines)))
    return Document(
        kind="BC",
        subject=f"Kết quả thực hiện nghĩa vụ bồi dưỡng nghiệp vụ của Trợ giúp viên pháp lý "
        f"năm {report.year}",
        parent_body=head.parent_body,
        issuer=head.issuer,
        number_text=head.number_text,
        place=head.place,
        date=head.date,
        year=head.date.year if head.date else head.year,
        body=with_end_mark(body),
        signer=head.signer,
        addressees=(centre.parent_agency.name,),
        recipients=("Như trên", "Lãnh đạo Trung tâm", FILED),
    )


def _reports_visible_to(user):
    from .selectors_trainings import reports_visible_to

    return reports_visible_to(user)


REPORT = register(
    DocumentKind(
        name="training-report",
        label="báo cáo thực hiện nghĩa vụ bồi dưỡng",
        model=ComplianceReport,
        number_kind="BC",
        visible_to=_reports_visible_to,
        build=compliance_report,
        subject=lambda r: (
            f"Báo cáo kết quả thực hiện nghĩa vụ bồi dưỡng nghiệp vụ của Trợ giúp viên "
            f"pháp lý năm {r.year}"
        ),
        title=lambda r: f"Báo cáo bồi dưỡng nghiệp vụ năm {r.year} (Điều 4.5)",
        listed_on=ComplianceReport,
        page=lambda r: reverse("outreach:training_compliance") + f"?year={r.year}",
        related=("centre__parent_agency", "created_by__department"),
    )
)
