"""Each role's home page: a screen of what that person must do now, every line a link,
with a query count that does not grow with the centre."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.states import Form
from tests.cases.factories import accepted_case, make_performer, propose_checked, receive
from tests.cases.test_query_counts import make_rows
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def panels(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    return html, re.findall(r'<h2 class="h6 mb-0"[^>]*>([^<]+)</h2>', html)


def test_reception_sees_what_waits_for_a_decision(login, staff):
    receive(staff)
    receive(staff)
    html, titles = panels(login(staff))
    assert "Tiếp nhận yêu cầu" in titles
    assert re.search(r'href="/cases/requests/\?status=received">Yêu cầu chờ thụ lý', html)
    assert ">2</span>" in html


def test_a_head_sees_proposals_waiting_oldest_first(
    login, staff, head, officer, professional_office
):
    make_performer(officer)
    first = accepted_case(staff, professional_office, form=Form.LITIGATION)
    second = accepted_case(staff, professional_office, form=Form.LITIGATION)
    propose_checked(actor=staff, case=first, performer=officer)
    propose_checked(actor=staff, case=second, performer=officer)
    html, titles = panels(login(head))
    assert "Việc chờ Trưởng phòng" in titles
    assert 'href="/cases/inbox/">Đề xuất cử người chờ duyệt' in html
    assert html.index(first.code) < html.index(second.code)


def test_a_performer_sees_their_cases(login, staff, head, officer, professional_office):
    from tests.cases.factories import assigned_case

    make_performer(officer)
    assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    html, titles = panels(login(officer))
    assert "Vụ việc của tôi" in titles
    assert "Được cử, chưa bắt đầu" in html


def test_the_director_sees_the_whole_centre_and_its_departments(
    login, director, staff, professional_office
):
    accepted_case(staff, professional_office)
    html, titles = panels(login(director))
    assert "Toàn Trung tâm: yêu cầu và vụ việc" in titles
    assert "Các phòng, chi nhánh" in titles
    assert "Chờ cử người" in html


def test_the_departments_table_counts_open_waiting_and_closed_this_year(
    director, staff, officer, head, professional_office, admin_office
):
    from datetime import timedelta

    from django.utils import timezone

    from cases import home
    from cases.models import Case
    from tests.cases.appraisal_factories import closed_case
    from tests.cases.factories import in_progress_case

    make_performer(officer)
    accepted_case(staff, professional_office)  # waiting for a performer
    in_progress_case(staff, professional_office, officer, head)
    closed_case(staff, admin_office, officer, director)  # a department with no head
    last_year = closed_case(staff, admin_office, officer, director)
    Case.objects.filter(pk=last_year.pk).update(ended_at=timezone.now() - timedelta(days=400))
    table = home.departments_side_by_side(director, timezone.localdate()).table
    figures = {row[0].label: row[1:] for row in table["rows"]}
    assert figures[professional_office.name] == [2, 1, 0]
    assert figures[admin_office.name] == [0, 0, 1]


def test_a_reviewer_sees_centres_side_by_side_and_no_person(login, reviewer, staff):
    req = receive(staff)
    html, titles = panels(login(reviewer))
    assert titles == ["Các Trung tâm của tỉnh"]
    assert req.full_name not in html


def test_a_person_with_nothing_waiting_is_told_so(login, collaborator):
    html, titles = panels(login(collaborator))
    assert titles == []
    assert "Không có việc nào đang chờ" in html


# +1 for director, head and staff: the reports panel (issue 16), one aggregate
@pytest.mark.parametrize(
    # director: +12 for the appraisal panels (issue 14), +4 for the outreach panel (communes'
    # annotations, activities, placements, inspections due; issue 15), +4 for trainings (who
    # is behind, issue 14.5); head +4 and officer +4 for trainings (own hours); staff: +1
    # for the online requests waiting (issue 12.8); +1 each for the reports panel (issue 16);
    # the limits are read from the due rows (issue 18.2), a page and a count each: the
    # head's department (2), the officer's own limits and requests (4), the director's
    # late cases, requests and proposals (6, with the reminder settings); the director's
    # departments table counts the open and the year's closed cases apart, each from an
    # index alone (+1)
    ("persona", "pinned"),
    [("director", 42), ("head", 41), ("staff", 14), ("officer", 27)],
)
def test_home_page_query_count_does_not_grow_with_the_centre(
    persona, pinned, request, login, staff, head, officer, professional_office
):
    make_performer(officer)
    for i in range(3):
        make_performer(
            UserFactory(centre=staff.centre, department=professional_office, username=f"tgv{i}")
        )
    client = login(request.getfixturevalue(persona))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        return len(ctx.captured_queries)

    make_rows(
        5, staff=staff, department=professional_office, performer_user=officer, proposer=staff
    )
    small = count()
    make_rows(
        40, staff=staff, department=professional_office, performer_user=officer, proposer=staff
    )
    assert count() == small
    assert small == pinned
