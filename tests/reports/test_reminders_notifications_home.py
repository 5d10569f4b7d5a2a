"""Report deadlines in the reminder scan, the notices of sending, return and acceptance,
the home panels of the centre and the Sở, and the demo report."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from reports import home, services
from reports.models import Report
from reports.reminders import report_deadlines
from reports.rules.periods import Kind
from reports.states import ReportStatus
from tests.clock import VN
from tgpl.models import Centre, Notification, Reminder
from tgpl.notifications import scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(staff, centre):
    # Q4 2026 (NĐ 09): data to 14/12, due Tuesday 15/12/2026
    return services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                number=4)  # fmt: skip


def _at(day, hour=7):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=VN)


def test_an_unsent_report_is_a_deadline_of_its_preparer_and_the_director(report, staff,
                                                                         director):  # fmt: skip
    [deadline] = report_deadlines(datetime.date(2026, 12, 1), _at(datetime.date(2026, 12, 1)))
    assert deadline.subject == report
    assert set(deadline.owners) == {staff.pk, director.pk}
    assert deadline.escalate_to == (director.pk,)
    assert deadline.due_at.date() == datetime.date(2026, 12, 15)


def test_a_sent_report_is_no_longer_a_deadline(report, staff, director):
    services.sign_off_report(actor=director, report=report)
    services.send_report(actor=staff, report=report)
    assert list(report_deadlines(datetime.date(2026, 12, 1), _at(datetime.date(2026, 12, 1)))) == []


def test_the_scan_reminds_on_the_due_day(report, staff, director):
    scan.run_scan(now=_at(datetime.date(2026, 12, 15)))
    reminded = set(Reminder.objects.filter(deadline="report").values_list("recipient", flat=True))
    assert reminded == {staff.pk, director.pk}


@pytest.mark.parametrize("size", [2, 20])
def test_deadlines_take_two_queries(staff, centre, size, django_assert_num_queries):
    for month in range(1, min(size, 12) + 1):
        services.open_report(actor=staff, centre=centre, kind=Kind.MONTHLY, year=2026,
                             number=month)  # fmt: skip
    for year in range(2010, 2010 + max(0, size - 12)):
        services.open_report(actor=staff, centre=centre, kind=Kind.OFFICIAL_ANNUAL, year=year)
    with django_assert_num_queries(2):
        list(report_deadlines(datetime.date(2026, 1, 1), _at(datetime.date(2026, 1, 1))))


def test_the_reviewer_is_told_when_a_report_arrives_and_the_centre_when_it_is_returned(
    report, staff, director, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.sign_off_report(actor=director, report=report)
        services.send_report(actor=staff, report=report)
    note = Notification.objects.get(recipient=reviewer)
    assert note.title.startswith("Báo cáo mới:")
    assert note.url == reverse("reports:detail", args=[report.pk])
    with django_capture_on_commit_callbacks(execute=True):
        services.return_report(actor=reviewer, report=report, text="Bổ sung số liệu.")
    told = set(
        Notification.objects.filter(title__startswith="Sở trả lại").values_list(
            "recipient", flat=True
        )
    )
    assert told == {staff.pk, director.pk}


def test_home_panel_of_the_centre_lists_late_and_returned_reports(report, staff):
    view = home.centre_reports(staff, datetime.date(2026, 12, 16))
    assert [(line.label, line.count) for line in view.lines] == [("Báo cáo quá hạn gửi", 1)]


def test_home_panel_of_the_doj_puts_the_centres_side_by_side(report, staff, director,
                                                             reviewer, other_centre):  # fmt: skip
    services.sign_off_report(actor=director, report=report)
    services.send_report(actor=staff, report=report)
    view = home.doj_reports(reviewer, datetime.date(2026, 11, 18))
    assert view.lines[0].count == 1
    assert view.table["rows"] == [[report.centre.name, 1, 0, 0, 0]]


def test_home_page_shows_the_doj_panel(client, reviewer, report, staff, director):
    services.sign_off_report(actor=director, report=report)
    services.send_report(actor=staff, report=report)
    client.force_login(reviewer)
    assert "Báo cáo của các Trung tâm" in client.get(reverse("dashboard")).content.decode()


def test_demo_has_a_sent_quarter_a_draft_and_an_estimated_report_and_runs_twice():
    call_command("seed_demo", stdout=io.StringIO())
    centre = Centre.objects.get(name__contains="Lạng Sơn")
    states = set(Report.objects.filter(centre=centre).values_list("kind", "number", "status"))
    assert states == {
        ("quarterly", 3, ReportStatus.SENT),
        ("quarterly", 4, ReportStatus.DRAFT),
        ("annual", 1, ReportStatus.DRAFT),  # 18/11/2026: the data to 31/10 are in
    }
    annual = Report.objects.get(centre=centre, kind="annual")
    assert "b24" in annual.estimates
    from reports.demo import seed_demo_reports

    seed_demo_reports(centre, io.StringIO())
    assert Report.objects.count() == 3
