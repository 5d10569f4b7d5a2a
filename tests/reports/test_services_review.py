"""Opening, sign-off, sending (frozen figures), comments, return, a corrected version and
acceptance: each step by the right role, with its time and person."""

from datetime import date

import pytest

from reports import selectors, services
from reports.models import Report, ReviewStep
from reports.rules.periods import Kind
from reports.states import ReportStatus, ReviewAction
from tgpl.errors import BusinessRuleError
from tgpl.kernel.outbox import OutboxMessage

from .factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(staff, centre):
    return services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                number=3)  # fmt: skip


def sent(report, staff, director):
    services.sign_off_report(actor=director, report=report)
    return services.send_report(actor=staff, report=report)


def test_opening_a_quarter_takes_the_nd09_dates_and_due_date(report):
    assert (report.start, report.end, report.due) == (
        date(2026, 6, 15),
        date(2026, 9, 14),
        date(2026, 9, 15),
    )
    assert report.status == ReportStatus.DRAFT
    assert report.title == "Báo cáo công tác trợ giúp pháp lý Quý III năm 2026"
    assert "{b24.total.total}" in report.narrative["results"]


def test_one_report_per_centre_and_period(report, staff, centre):
    with pytest.raises(BusinessRuleError, match="đã có báo cáo"):
        services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026, number=3)


@pytest.mark.parametrize("persona", ["officer", "lawyer", "reviewer", "other_centre_staff"])
def test_only_the_centres_preparers_open_its_reports(request, centre, persona):
    with pytest.raises(BusinessRuleError):
        services.open_report(actor=request.getfixturevalue(persona), centre=centre,
                             kind=Kind.QUARTERLY, year=2026, number=3)  # fmt: skip


def test_a_report_is_sent_only_once_the_director_signed_it_off(report, staff):
    with pytest.raises(BusinessRuleError, match="chưa được Giám đốc ký duyệt"):
        services.send_report(actor=staff, report=report)


def test_only_leadership_signs_off(report, staff, head):
    for person in (staff, head):
        with pytest.raises(BusinessRuleError, match="Giám đốc"):
            services.sign_off_report(actor=person, report=report)


def test_editing_withdraws_the_sign_off(report, staff, director):
    services.sign_off_report(actor=director, report=report)
    report = services.save_report(actor=staff, report=report, narrative={"next": "Tiếp tục."})
    assert report.signed_off_by is None


def test_sent_figures_stay_as_sent_when_the_data_change(report, staff, director,
                                                        professional_office):  # fmt: skip
    make_case(staff, professional_office, accepted=date(2026, 7, 1))
    report = sent(report, staff, director)
    make_case(staff, professional_office, accepted=date(2026, 7, 2))  # entered late
    frozen = selectors.report_figures(report)
    live = selectors.report_figures(Report(pk=report.pk, centre=report.centre, start=report.start,
                                           end=report.end, status=ReportStatus.DRAFT))  # fmt: skip
    assert next(s for s in frozen if s.key == "b24").cell("total", "total") == 1
    assert next(s for s in live if s.key == "b24").cell("total", "total") == 2
    assert report.status == ReportStatus.SENT
    assert report.version == 1


def test_a_sent_report_cannot_be_edited(report, staff, director):
    report = sent(report, staff, director)
    with pytest.raises(BusinessRuleError, match="chỉ sửa được khi Sở trả lại"):
        services.save_report(actor=staff, report=report, narrative={"next": "x"})


def test_the_whole_review_round_with_a_corrected_version(
    report, staff, director, reviewer, professional_office
):
    make_case(staff, professional_office, accepted=date(2026, 7, 1))
    report = sent(report, staff, director)
    services.comment_report(actor=reviewer, report=report, target="b24|total|total",
                            text="Số lượt người chưa khớp với sổ thụ lý.")  # fmt: skip
    report = services.return_report(actor=reviewer, report=report)
    assert report.status == ReportStatus.RETURNED
    assert report.signed_off_by is None  # the correction is signed off again
    make_case(staff, professional_office, accepted=date(2026, 7, 3))  # the missing case
    services.save_report(actor=staff, report=report, narrative={"difficulties": "Đã bổ sung."})
    report = sent(report, staff, director)
    assert report.version == 2
    current, previous, figures, texts = selectors.version_changes(report, 2)
    assert current.number == 2
    assert previous.number == 1
    changed = {(f.row, f.column): (f.before, f.after) for f in figures}
    assert changed[("Tổng số", "Tổng số")] == (1, 2)
    assert [t.section for t in texts] == ["VI. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN"]
    report = services.accept_report(actor=reviewer, report=report)
    assert report.status == ReportStatus.ACCEPTED
    steps = [(s.action, s.version, s.person) for s in selectors.steps_of(report)]
    assert steps == [
        (ReviewAction.SIGN_OFF, 0, director),
        (ReviewAction.SEND, 1, staff),
        (ReviewAction.COMMENT, 1, reviewer),
        (ReviewAction.RETURN, 1, reviewer),
        (ReviewAction.SIGN_OFF, 1, director),
        (ReviewAction.SEND, 2, staff),
        (ReviewAction.ACCEPT, 2, reviewer),
    ]
    topics = list(OutboxMessage.objects.order_by("pk").values_list("topic", flat=True))
    assert [t for t in topics if t.startswith("report_")] == [
        "report_sent", "report_returned", "report_sent", "report_accepted",
    ]  # fmt: skip


def test_returning_needs_a_reason_or_a_comment(report, staff, director, reviewer):
    report = sent(report, staff, director)
    with pytest.raises(BusinessRuleError, match="lý do trả lại"):
        services.return_report(actor=reviewer, report=report, text="  ")


@pytest.mark.parametrize("persona", ["director", "staff", "other_province_reviewer"])
def test_only_the_provinces_reviewer_reviews(request, report, staff, director, persona):
    report = sent(report, staff, director)
    actor = request.getfixturevalue(persona)
    for action in (
        lambda: services.accept_report(actor=actor, report=report),
        lambda: services.return_report(actor=actor, report=report, text="x"),
        lambda: services.comment_report(actor=actor, report=report, text="x"),
    ):
        with pytest.raises(BusinessRuleError):
            action()
    assert ReviewStep.objects.filter(action=ReviewAction.COMMENT).count() == 0


def test_a_draft_cannot_be_accepted_or_commented(report, reviewer):
    with pytest.raises(BusinessRuleError, match="Chỉ góp ý được"):
        services.comment_report(actor=reviewer, report=report, text="x")
    with pytest.raises(BusinessRuleError):
        services.accept_report(actor=reviewer, report=report)


def test_the_reviewer_sees_only_sent_reports_of_the_province(
    report, staff, director, reviewer, other_province_reviewer
):
    assert list(selectors.report_list(reviewer)) == []
    sent(report, staff, director)
    assert list(selectors.report_list(reviewer)) == [report]
    assert list(selectors.report_list(other_province_reviewer)) == []


def test_the_province_table_sums_the_accepted_reports(
    report, staff, director, reviewer, professional_office, other_centre, other_centre_staff
):
    from tests.factories import DepartmentFactory, UserFactory
    from tgpl.roles import Role

    make_case(staff, professional_office, accepted=date(2026, 7, 1))
    services.accept_report(actor=reviewer, report=sent(report, staff, director))
    other_dept = DepartmentFactory(centre=other_centre)
    other_director = UserFactory(centre=other_centre, roles=[Role.DIRECTOR])
    for day in (2, 3):
        make_case(other_centre_staff, other_dept, accepted=date(2026, 7, day))
    other = services.open_report(actor=other_director, centre=other_centre,
                                 kind=Kind.QUARTERLY, year=2026, number=3)  # fmt: skip
    services.accept_report(actor=reviewer, report=sent(other, other_director, other_director))
    reports, table, _estimates = selectors.consolidated(reviewer, Kind.QUARTERLY, 2026, 3)
    assert len(reports) == 2
    assert next(s for s in table if s.key == "b24").cell("total", "total") == 3


def test_six_month_report_proposes_estimates_from_last_year(staff, centre, professional_office):
    # last year: 2 cases to 31/05 and 1 in June; this year 4 to 31/05 → June estimated 2
    for day in (date(2025, 3, 1), date(2025, 4, 1), date(2025, 6, 10)):
        make_case(staff, professional_office, accepted=day)
    for month in (1, 2, 3, 4):
        make_case(staff, professional_office, accepted=date(2026, month, 5))
    report = services.open_report(actor=staff, centre=centre, kind=Kind.SIX_MONTH, year=2026)
    b24 = selectors.report_estimates(report)["b24"]
    assert (b24.cell("total", "total"), b24.proposed[0][0]) == (2, 2)
