"""Every list page makes the same number of queries at 5 and at 50 rows (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import Assignment, Case
from cases.states import CaseStatus
from tests.factories import UserFactory

from .factories import RequestFactory, make_performer

pytestmark = pytest.mark.django_db


def make_rows(n, *, staff, department, performer_user, proposer):
    year = timezone.localdate().year
    start = Case.objects.count()
    for i in range(start, start + n):
        req = RequestFactory(
            received_by=staff,
            department=department,
            case_department=department,
            status="accepted",
            search_key=f"nong van so {i}",
        )
        case = Case.objects.create(
            centre=staff.centre, request=req, department=department, received_by=staff,
            register_year=year,
            register_number=i + 1, code=f"TT.TV.{i + 1:02d}.{year}", form=req.form,
            status=CaseStatus.ASSIGNMENT_PROPOSED, accepted_at=timezone.now(), accepted_by=staff,
            performer=performer_user, search_key=f"tt.tv.{i + 1:02d}.{year} nong van so {i}",
        )  # fmt: skip
        Assignment.objects.create(
            case=case, performer=performer_user, proposed_by=proposer, proposed_at=timezone.now()
        )


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


# (page, persona, pinned number of queries); the filter's categories are read without
# their proof documents (one query fewer than the intake form's), and a page opened
# within a minute of the last one writes no session (tests/security/test_idle_session.py).
# The lists' rows print the names of departments, legal fields and performers from the
# catalogue of names (selectors_rows.row_names: three queries when nothing is kept, as here,
# none once kept: KEPT below), not from three joins in the rows' query.
PAGES = [
    ("cases:request_list", "director", 13),
    ("cases:request_list", "staff", 13),
    ("cases:case_list", "director", 13),
    ("cases:case_list", "head", 13),
    ("cases:request_list", "reviewer", 11),
    ("cases:case_list", "reviewer", 11),
    # a searched list reads its page's ids, then their rows (selectors_rows.NamedRows)
    ("cases:request_list?q=nong+van", "director", 14),
    ("cases:case_list?q=nong+van", "head", 14),
    ("cases:inbox", "head", 6),
    ("cases:performer_list", "director", 6),
]


@pytest.mark.parametrize(("page", "persona", "pinned"), PAGES)
def test_list_page_query_count_does_not_grow_with_rows(
    page, persona, pinned, request, login, staff, head, officer, professional_office
):
    make_performer(officer)
    for i in range(5):
        make_performer(
            UserFactory(centre=staff.centre, department=professional_office, username=f"tgv{i}")
        )
    client = login(request.getfixturevalue(persona))
    name, _, query = page.partition("?")
    url = f"{reverse(name)}?{query}" if query else reverse(name)
    make_rows(
        5, staff=staff, department=professional_office, performer_user=officer, proposer=staff
    )
    small = count(client, url)
    make_rows(
        45, staff=staff, department=professional_office, performer_user=officer, proposer=staff
    )
    large = count(client, url)
    assert small == large
    assert small == pinned


# With the catalogues kept in the cache, as in production (tgpl/catalogues.py): the
# filters' legal fields, categories, departments and performers and the page's band are
# read by the first page only, and so are the rows' names (three queries); a Sở
# reviewer's filters have no categories and his band names no centre.
KEPT = [
    ("cases:request_list", "director", 5),
    ("cases:case_list", "head", 5),
    ("cases:case_list", "reviewer", 5),
]


@pytest.mark.usefixtures("catalogues_kept")
@pytest.mark.parametrize(("page", "persona", "pinned"), KEPT)
def test_a_list_page_with_its_catalogues_kept_reads_them_once(
    page, persona, pinned, request, login, staff, head, officer, professional_office
):
    make_performer(officer)
    client = login(request.getfixturevalue(persona))
    name, _, query = page.partition("?")
    url = f"{reverse(name)}?{query}" if query else reverse(name)
    make_rows(
        5, staff=staff, department=professional_office, performer_user=officer, proposer=staff
    )
    first = count(client, url)
    make_rows(
        45, staff=staff, department=professional_office, performer_user=officer, proposer=staff
    )
    assert count(client, url) == pinned
    assert first - pinned == {"director": 8, "head": 8, "reviewer": 6}[persona]
