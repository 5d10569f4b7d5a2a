"""The read log page (/audit/reads/) and its admin: the director's and the
administrator's own centre, filtered, paginated, read only."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tgpl.audit import ReadKind, ReadLog, log_read

pytestmark = pytest.mark.django_db

URL = reverse("audit:reads")
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def read(user, obj, kind=ReadKind.VIEW, *, at=None, address="10.0.0.9", label=""):
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    request.user = user
    row = log_read(request, obj, kind, label=label)
    if at is not None:
        ReadLog.objects.filter(pk=row.pk).update(created_at=at)
    return row


def moment(day: int) -> datetime:
    return datetime(2026, 3, day, 10, tzinfo=VN)


@pytest.fixture
def reads(staff, officer, professional_office, admin_office, other_centre_staff, other_centre):
    """Reads of two departments standing in for records (the kernel knows no app)."""
    read(staff, professional_office, at=moment(2), label="Yêu cầu #12 · vụ việc TT.TV.01.2026")
    read(officer, professional_office, ReadKind.ATTACHMENT, at=moment(5), label="Yêu cầu #12")
    read(officer, admin_office, ReadKind.DOCUMENT, at=moment(9), label="Yêu cầu #40")
    read(other_centre_staff, other_centre, at=moment(5), label="Yêu cầu #99")


def labels(response) -> list[str]:
    return [entry.label for entry in response.context["page"]]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("director", 200),
        ("administrator", 200),
        ("head", 403),
        ("staff", 403),
        ("officer", 403),
        ("reviewer", 403),
        ("other_centre_staff", 403),
    ],
)
def test_the_read_log_is_for_the_director_and_the_administrator(login, request, persona, status):
    assert login(request.getfixturevalue(persona)).get(URL).status_code == status


def test_anonymous_goes_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_read_log_is_scoped_to_the_centre(login, director, reads):
    assert sorted(labels(login(director).get(URL))) == [
        "Yêu cầu #12",
        "Yêu cầu #12 · vụ việc TT.TV.01.2026",
        "Yêu cầu #40",
    ]


def test_a_director_of_another_centre_sees_only_their_own(login, other_centre, reads):
    from tests.factories import UserFactory
    from tgpl.roles import Role

    other_director = UserFactory(centre=other_centre, roles=[Role.DIRECTOR])
    assert labels(login(other_director).get(URL)) == ["Yêu cầu #99"]


def test_filter_by_person(login, director, officer, reads):
    response = login(director).get(URL, {"user": officer.pk})
    assert labels(response) == ["Yêu cầu #40", "Yêu cầu #12"]


def test_filter_by_date_range(login, director, reads):
    response = login(director).get(URL, {"date_from": "03/03/2026", "date_to": "06/03/2026"})
    assert labels(response) == ["Yêu cầu #12"]


def test_filter_by_record_number_or_case_code(login, director, professional_office, reads):
    client = login(director)
    by_code = labels(client.get(URL, {"record": "tt.tv.01"}))
    assert by_code == ["Yêu cầu #12 · vụ việc TT.TV.01.2026"]
    by_number = labels(client.get(URL, {"record": f"#{professional_office.pk}"}))
    assert sorted(by_number) == ["Yêu cầu #12", "Yêu cầu #12 · vụ việc TT.TV.01.2026"]


def test_filter_by_kind(login, director, reads):
    assert labels(login(director).get(URL, {"kind": ReadKind.DOCUMENT})) == ["Yêu cầu #40"]


def test_a_wrong_date_range_is_refused_with_a_message(login, director, reads):
    response = login(director).get(URL, {"date_from": "09/03/2026", "date_to": "01/03/2026"})
    assert response.status_code == 400
    assert "phải trước hoặc bằng" in response.content.decode()


def test_a_mistyped_date_filters_nothing_and_the_other_still_does(login, director, reads):
    response = login(director).get(URL, {"date_from": "03/03/2026", "date_to": "31/13/2026"})
    assert response.status_code == 400
    assert "Nhập một ngày hợp lệ" in response.content.decode()
    # read from 3 March on, not the whole log under a filter that looks applied
    assert labels(response) == ["Yêu cầu #40", "Yêu cầu #12"]


def test_the_page_shows_who_when_what_and_from_where(login, director, staff, reads):
    html = login(director).get(URL, {"user": staff.pk}).content.decode()
    assert staff.full_name in html
    assert "10:00:00 02/03/2026" in html  # local time
    assert "Xem hồ sơ" in html
    assert "10.0.0.9" in html


def test_read_log_page_query_count_does_not_grow_with_rows(login, director, staff, admin_office):
    client = login(director)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(5):
        read(staff, admin_office)
    small = count()
    for _ in range(60):
        read(staff, admin_office)
    assert count() == small
    # session, user, roles, centre and Sở of the header, the readers of the filter,
    # the page's count and rows
    assert small == 7


# --- the admin ------------------------------------------------------------------------------


ADMIN_LIST = reverse("admin:tgpl_readlog_changelist")


def test_the_admin_lists_the_centres_reads_only(login, administrator, reads):
    response = login(administrator).get(ADMIN_LIST)
    assert response.status_code == 200
    assert sorted(r.label for r in response.context["cl"].result_list) == [
        "Yêu cầu #12",
        "Yêu cầu #12 · vụ việc TT.TV.01.2026",
        "Yêu cầu #40",
    ]


def test_the_admin_cannot_change_or_delete_a_read(login, administrator, reads):
    row = ReadLog.objects.filter(centre=administrator.centre).first()
    client = login(administrator)
    change = reverse("admin:tgpl_readlog_change", args=[row.pk])
    assert client.get(change).status_code == 200  # view only
    client.post(change, {"label": "đã sửa"})
    row.refresh_from_db()
    assert row.label != "đã sửa"
    assert client.post(reverse("admin:tgpl_readlog_delete", args=[row.pk])).status_code == 403
    assert client.get(reverse("admin:tgpl_readlog_add")).status_code == 403


def test_the_admin_hides_another_centres_read(login, administrator, other_centre, reads):
    row = ReadLog.objects.get(centre=other_centre)
    response = login(administrator).get(reverse("admin:tgpl_readlog_change", args=[row.pk]))
    assert response.status_code == 302  # "does not exist" back to the admin index
