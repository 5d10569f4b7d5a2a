"""Every trainings list page makes the same number of queries at two sizes (no N+1)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from outreach.services import trainings as services
from tests.factories import UserFactory
from tgpl.roles import Role

from .factories_trainings import attend, reason, session

pytestmark = pytest.mark.django_db


def grow(staff, department, n: int, offset: int):
    """`n` more officers, each at two new sessions of 2026, every second one exempt; and
    one certificate-less attendance of the persona officer at each session."""
    for i in range(offset, offset + n):
        person = UserFactory(
            username=f"tgv-q{i}", full_name=f"Trợ Giúp Viên {i:03d}", centre=staff.centre,
            department=department, roles=[Role.LEGAL_AID_OFFICER],
        )  # fmt: skip
        for month in (3, 9):
            one = session(staff, on=dt.date(2026, month, 1 + i % 27), hours="4", title=f"Lớp {i}")
            attend(staff, one, person, 4)
        if i % 2:
            services.record_exemption(
                actor=staff, person=person, reason=reason("4b-biet-phai"),
                starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31),
            )  # fmt: skip


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


PAGES = [
    # (url name, persona, query string, pinned)
    ("outreach:training_list", "director", "", 7),
    ("outreach:training_list", "officer", "?year=2026", 7),
    ("outreach:training_list", "reviewer", "", 6),
    ("outreach:training_compliance", "director", "?year=2026", 14),
    ("outreach:training_compliance", "staff", "?year=2026", 14),
    ("outreach:training_compliance", "reviewer", "?year=2026", 13),
    ("outreach:training_mine", "officer", "?year=2026", 9),
]


@pytest.mark.parametrize(("name", "persona", "query", "pinned"), PAGES)
def test_list_page_query_count_does_not_grow_with_rows(
    name, persona, query, pinned, request, login, staff, officer, professional_office
):
    client = login(request.getfixturevalue(persona))
    url = reverse(name) + query
    grow(staff, professional_office, 3, 0)
    small = count(client, url)
    grow(staff, professional_office, 12, 3)
    assert count(client, url) == small
    assert small == pinned


def test_session_page_query_count_does_not_grow_with_attendance(login, staff, professional_office):
    one = session(staff, on=dt.date(2026, 5, 5), hours="8")
    client = login(staff)
    url = reverse("outreach:training_detail", args=[one.pk])

    def add(n, offset):
        people = []
        for i in range(offset, offset + n):
            person = UserFactory(
                username=f"p{i}", full_name=f"Người {i:03d}", centre=staff.centre,
                department=professional_office, roles=[Role.LEGAL_AID_OFFICER],
            )  # fmt: skip
            attend(staff, one, person, 8)
            people.append(person)
        services.nominate(actor=staff, session=one, people=people)

    add(3, 0)
    small = count(client, url)
    add(12, 3)
    assert count(client, url) == small
    assert small == 10
