"""Lists at scale (issue 18.2): the scopes rewritten for the planner return the rows the
old joins returned, the performers' maintained open-case count follows every change, and
the paginator estimates a long list's count instead of counting it."""

import itertools
from datetime import timedelta

import pytest
import time_machine
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from cases import selectors, services
from cases.models import Case, LegalAidRequest, Performer
from cases.models.case import ASSIGNMENT_STAGE
from cases.states import WORKING, CaseStatus, DiscontinueGround, Form, Outcome
from tgpl import paginate, roles

from .factories import (
    RequestFactory,
    accepted_case,
    assigned_case,
    in_progress_case,
    make_performer,
    old_register_row,
    propose_checked,
    receive,
)

pytestmark = pytest.mark.django_db


# --- the scopes as they were written before issue 18.2 (joins through the departments) ---


def old_request_scope(user):
    qs = LegalAidRequest.objects.filter(centre_id=user.centre_id)
    if roles.can_see_all_cases_of_centre(user) or roles.is_reception_staff(user):
        return qs
    scope = Q(received_by=user) | Q(case__performer=user)
    if roles.is_department_head(user):
        scope |= Q(department__head=user) | Q(case__department__head=user)
    return qs.filter(scope)


def old_case_scope(user):
    qs = Case.objects.filter(centre_id=user.centre_id)
    if roles.can_see_all_cases_of_centre(user):
        return qs
    scope = Q(performer=user) | Q(request__received_by=user)
    if roles.is_department_head(user):
        scope |= Q(department__head=user)
    if roles.is_reception_staff(user):
        scope |= Q(status__in=ASSIGNMENT_STAGE)
    return qs.filter(scope)


STATES = [
    CaseStatus.AWAITING_ASSIGNMENT,
    CaseStatus.ASSIGNMENT_PROPOSED,
    CaseStatus.IN_PROGRESS,
    CaseStatus.CLOSED,
]


@pytest.fixture
def mixed_rows(staff, head, officer, lawyer, branch_head, professional_office, branch):
    """Requests received by different people in different departments, half of them with a
    case handled by another department or performer, in every state: each scope's edge."""
    receivers = [staff, officer, head]
    departments = [professional_office, branch, None]
    performers = [officer, lawyer, head, branch_head, None]
    year = timezone.localdate().year
    combos = itertools.product(receivers, departments, [professional_office, branch, None])
    for n, (receiver, received_in, handled_in) in enumerate(combos):
        req = RequestFactory(received_by=receiver, department=received_in, status="accepted")
        if handled_in is None:
            continue
        performer = performers[n % len(performers)]
        status = STATES[n % len(STATES)] if performer else CaseStatus.AWAITING_ASSIGNMENT
        req.case_department = handled_in  # the copies accept_request writes
        req.save(update_fields=["case_department"])
        Case.objects.create(
            centre=receiver.centre, request=req, department=handled_in, received_by=receiver,
            register_year=year,
            register_number=n + 1, code=f"TT.TV.{n + 1:02d}.{year}", form=req.form,
            status=status, accepted_at=timezone.now(), accepted_by=staff, performer=performer,
        )  # fmt: skip
    return departments


@pytest.mark.parametrize(
    "persona", ["director", "head", "branch_head", "officer", "lawyer", "staff", "admin_head"]
)
def test_scoped_lists_return_the_same_rows_as_before(persona, request, mixed_rows, admin_head):
    user = request.getfixturevalue(persona)
    requests = set(LegalAidRequest.objects.visible_to(user).values_list("pk", flat=True))
    cases = set(Case.objects.visible_to(user).values_list("pk", flat=True))
    assert requests == set(old_request_scope(user).values_list("pk", flat=True))
    assert cases == set(old_case_scope(user).values_list("pk", flat=True))
    listed = selectors.request_list(user, selectors.Filters())
    assert {r.pk for r in listed} == requests  # the list pages start from the same scope
    assert {c.pk for c in selectors.case_list(user, selectors.Filters())} == cases
    if persona == "director":
        assert len(requests) == 27
        assert len(cases) == 18
    if persona in ("officer", "head"):
        assert requests
        assert cases


def test_a_user_of_another_centre_sees_none_of_them(mixed_rows, other_centre_staff):
    assert not LegalAidRequest.objects.visible_to(other_centre_staff).exists()
    assert not Case.objects.visible_to(other_centre_staff).exists()


# --- the performers' open-case count ------------------------------------------------------


def counted() -> dict[int, int]:
    """Each performer's maintained count, and what counting the cases gives."""
    return dict(Performer.objects.values_list("user_id", "open_cases"))


def recounted() -> dict[int, int]:
    truth = dict(
        Case.objects.filter(status__in=WORKING)
        .order_by()
        .values_list("performer_id")
        .annotate(n=Count("pk"))
    )
    return {user_id: truth.get(user_id, 0) for user_id in counted()}


def test_open_case_count_follows_assign_replace_close_and_discontinue(
    staff, head, officer, lawyer, professional_office, performers
):
    first = in_progress_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    second = assigned_case(staff, professional_office, officer, head)
    accepted_case(staff, professional_office)  # waiting for a performer: nobody's work
    assert counted()[officer.pk] == 2
    assert counted() == recounted()

    replacement = propose_checked(actor=staff, case=second, performer=lawyer)
    assert counted()[officer.pk] == 2  # proposed only: still the officer's
    services.approve_assignment(actor=head, assignment=replacement)
    assert (counted()[officer.pk], counted()[lawyer.pk]) == (1, 1)
    assert counted() == recounted()

    services.close_case(actor=officer, case=first, outcome=Outcome.DONE, outcome_note="Xong.")
    assert counted()[officer.pk] == 0
    services.discontinue_case(
        actor=head,
        case=second,
        ground=DiscontinueGround.WITHDRAWN,
        notice_text="Người được trợ giúp rút yêu cầu.",
    )
    assert counted() == recounted() == {p.user_id: 0 for p in performers}


def test_the_performer_choice_reads_the_count_and_agrees_with_the_performer_list(
    staff, head, officer, professional_office, performers
):
    in_progress_case(staff, professional_office, officer, head)
    assigned_case(staff, professional_office, officer, head)
    choices = {p.user_id: p.open_cases for p in selectors.performer_choices(staff.centre_id)}
    rows = {r.performer.user_id: r.open_cases for r in selectors.performer_rows(head, 2026)}
    assert choices[officer.pk] == 2
    assert choices == rows == recounted()


def test_recount_repairs_the_counts_after_a_bulk_load(
    staff, head, officer, professional_office, performers
):
    in_progress_case(staff, professional_office, officer, head)
    Performer.objects.update(open_cases=7)  # as after rows loaded around the services
    services.recount_open_cases()
    assert counted() == recounted()
    assert counted()[officer.pk] == 1


# --- the paginator --------------------------------------------------------------------------


def _page(qs, number, *, exact_up_to):
    paginator = paginate.ListPaginator(qs, 2, exact_up_to=exact_up_to)
    return paginator.get_page(number)


def test_a_short_list_keeps_its_exact_count_and_numbered_pages(staff):
    for _ in range(5):
        RequestFactory(received_by=staff)
    page = _page(LegalAidRequest.objects.order_by("pk"), 3, exact_up_to=10)
    assert (page.paginator.count, page.paginator.num_pages, page.paginator.estimated) == (
        5,
        3,
        False,
    )
    assert not page.has_next()
    assert page.has_previous()


def test_a_long_list_shows_an_estimate_and_walks_by_next_and_previous(staff, monkeypatch):
    for _ in range(5):
        RequestFactory(received_by=staff)
    monkeypatch.setattr(paginate, "estimated_rows", lambda qs: 4)  # the planner's guess
    qs = LegalAidRequest.objects.order_by("pk")
    page = _page(qs, 3, exact_up_to=3)
    assert page.paginator.estimated
    assert page.paginator.count == 4  # never less than the rows counted before stopping
    assert len(page) == 1
    assert not page.has_next()
    assert page.end_index() == 5
    assert _page(qs, 2, exact_up_to=3).has_next()
    assert _page(qs, 9, exact_up_to=3).number == 1  # past the end: the first page


def test_an_estimate_is_kept_for_a_minute_under_its_query(
    staff, monkeypatch, django_assert_num_queries
):
    """The planner is asked once a minute for a list walked page by page; the kept
    estimate is named by the list's query, so another filter (or another user's scope)
    is counted afresh; a short list is always counted exactly."""
    for _ in range(5):
        RequestFactory(received_by=staff)
    asked = []
    monkeypatch.setattr(paginate, "estimated_rows", lambda qs: asked.append(qs) or 40)
    qs = LegalAidRequest.objects.order_by("pk")
    assert _page(qs, 1, exact_up_to=3).paginator.count == 40
    with django_assert_num_queries(1):  # the page's rows, no count
        again = _page(qs, 2, exact_up_to=3)
    assert (again.paginator.count, again.paginator.estimated, len(asked)) == (40, True, 1)
    narrower = qs.filter(pk__gt=0)
    assert _page(narrower, 1, exact_up_to=3).paginator.count == 40
    assert len(asked) == 2
    assert _page(qs, 1, exact_up_to=10).paginator.count == 5  # exact: nothing kept
    later = timezone.now() + timedelta(seconds=paginate.ESTIMATE_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        assert _page(qs, 1, exact_up_to=3).paginator.count == 40
    assert len(asked) == 3


def test_the_kept_estimate_is_named_by_the_scope_and_the_filters(director, head, officer):
    """The same list built twice has one name; another user's scope, another filter or
    another exact limit has another."""
    f = selectors.Filters()
    key = paginate._estimate_key
    assert key(selectors.case_list(head, f), 1000) == key(selectors.case_list(head, f), 1000)
    names = {
        key(selectors.case_list(head, f), 1000),
        key(selectors.case_list(officer, f), 1000),
        key(selectors.case_list(director, f), 1000),
        key(selectors.case_list(head, selectors.Filters(status=CaseStatus.CLOSED)), 1000),
        key(selectors.case_list(head, f), 100),
        key(selectors.request_list(head, f), 1000),
    }
    assert len(names) == 6


@pytest.mark.parametrize("estimate", [None, 4])
def test_a_page_reads_the_rows_and_counts_the_queryset(staff, monkeypatch, estimate):
    """`rows` says what a page reads; the count (and the estimate) is of the queryset,
    so what only the rows print joins nothing to the count."""
    made = [RequestFactory(received_by=staff).pk for _ in range(5)]
    counted = []
    monkeypatch.setattr(paginate, "estimated_rows", lambda qs: counted.append(qs) or estimate)
    qs = LegalAidRequest.objects.order_by("pk")
    paginator = paginate.ListPaginator(qs, 2, exact_up_to=3, rows=lambda q: q.values("pk"))
    page = paginator.get_page(2)
    assert list(page) == [{"pk": made[2]}, {"pk": made[3]}]
    assert counted == [qs]
    assert paginator.estimated == (estimate is not None)
    assert paginator.count == (5 if estimate is None else 4)
    assert page.has_next()


def test_the_list_page_says_about_how_many(login, director, staff, monkeypatch):
    for _ in range(3):
        RequestFactory(received_by=staff)
    monkeypatch.setattr(paginate, "EXACT_UP_TO", 1)
    monkeypatch.setattr(paginate, "estimated_rows", lambda qs: 1_200_000)
    response = login(director).get("/cases/requests/", {"page": 1})
    page = response.content.decode()
    assert "khoảng 1.200.000 bản ghi" in page or "khoảng 1,200,000 bản ghi" in page


def test_a_searched_list_counts_exactly_only_its_first_pages(
    login, director, staff, reviewer, monkeypatch
):
    """A text search of a common name walks tens of thousands of rows to count a
    thousand: past SEARCH_EXACT_UP_TO it shows the estimate, the unsearched list does not."""
    for _ in range(3):
        receive(staff, full_name="Hoàng Thị Lan")  # the service writes the search key
    monkeypatch.setattr(paginate, "SEARCH_EXACT_UP_TO", 2)
    monkeypatch.setattr(paginate, "estimated_rows", lambda qs: 18_000)
    client = login(director)
    searched = client.get("/cases/requests/", {"q": "hoang thi"}).content.decode()
    assert "khoảng 18.000 bản ghi" in searched or "khoảng 18,000 bản ghi" in searched
    assert "khoảng" not in client.get("/cases/requests/").content.decode()
    cases = client.get("/cases/list/", {"q": "hoang thi"})
    assert cases.status_code == 200
    # A Sở reviewer's search is dropped (no look-up of a person): an unsearched list.
    dropped = login(reviewer).get("/cases/requests/", {"q": "hoang thi"})
    assert dropped.status_code == 200
    assert "khoảng" not in dropped.content.decode()


def test_a_searched_page_reads_its_ids_then_the_same_rows_in_the_same_order(director, staff):
    """A searched list reads its page's ids in the list's order (from the order index
    alone on PostgreSQL), then their rows: the page is the one the rows' query gives."""
    from cases import selectors_rows

    for i in range(7):
        receive(staff, full_name=f"Hoàng Thị Số {i}")
    receive(staff, full_name="Lục Văn Khác")
    qs = selectors.request_list(director, selectors.Filters(q="hoang thi"))
    plain = selectors_rows.request_rows(director, qs)[2:6]
    searched = selectors_rows.request_rows(director, qs, searched=True)[2:6]
    assert [r["full_name"] for r in searched] == [f"Hoàng Thị Số {i}" for i in (4, 3, 2, 1)]
    assert searched == plain


def test_a_row_gone_between_the_ids_and_the_rows_is_left_out(director, staff, monkeypatch):
    from cases import selectors_rows

    first, second = (receive(staff, full_name=f"Hoàng Thị Số {i}") for i in range(2))
    qs = selectors.request_list(director, selectors.Filters(q="hoang thi"))
    rows = selectors_rows.request_rows(director, qs, searched=True)
    ids = list(rows.ids)
    # the ids were read; the newer request leaves the list before its row is read
    monkeypatch.setattr(rows, "ids", ids)
    LegalAidRequest.objects.filter(pk=second.pk).update(search_key="")
    assert [r["pk"] for r in rows[0:50]] == [first.pk]


# --- PostgreSQL: the indexes exist and serve the lists ----------------------------------------


@pytest.mark.postgres
def test_the_search_keys_have_trigram_indexes_and_the_search_uses_them(director, staff):
    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm indexes are made on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["%_trgm"])
        names = {row[0] for row in cursor.fetchall()}
    assert {
        "request_search_trgm",
        "case_search_trgm",
        "case_code_trgm",
        "notice_search_trgm",
    } <= names
    qs = selectors.request_list(director, selectors.Filters(q="hoang thi"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: ask for the index
        sql, params = qs.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "request_search_trgm" in plan or "request_centre_order" in plan, plan


def test_every_way_a_case_is_opened_writes_the_scope_copies(staff, officer, branch):
    """The head's scopes read a case's receiver and a request's case department from
    their own row: acceptance, the one-row import and the bulk import all write them."""
    from cases.services.register_bulk import RegisterTaken, check_register_row, save_register_rows

    accepted = accepted_case(officer, branch)
    one = services.import_accepted_case(**old_register_row(staff, 41), department=branch)
    prepared = check_register_row(
        **old_register_row(staff, 42), taken=RegisterTaken(), department=branch
    )
    (bulk,) = save_register_rows(actor=staff, rows=[prepared])
    for case, receiver in ((accepted, officer), (one, staff), (bulk, staff)):
        case = Case.objects.select_related("request").get(pk=case.pk)
        assert case.received_by_id == case.request.received_by_id == receiver.pk
        assert case.request.case_department_id == case.department_id == branch.pk


def test_a_heads_scope_is_read_from_the_rows_own_columns(head):
    """No join decides a head's cases, and a head's requests join only their own case
    (one row by its unique index): the index of the list's order can serve the page
    (issue 18.2)."""
    cases = str(Case.objects.visible_to(head).query)
    requests = str(LegalAidRequest.objects.visible_to(head).query)
    assert "JOIN" not in cases
    assert '"cases_case"."received_by_id"' in cases
    assert requests.count("JOIN") == 1
    assert 'JOIN "cases_case" ON ("cases_legalaidrequest"."id" = "cases_case"."request_id")' in (
        requests
    )
    assert '"cases_legalaidrequest"."case_department_id"' in requests


def _vacuumed(*tables: str) -> None:
    """PostgreSQL: the tables vacuumed, as autovacuum leaves them, so the planner knows
    their rows are visible and may read an index alone (a test's transaction cannot)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"VACUUM ANALYZE {table}")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_years_requests_are_counted_from_an_index(director, staff):
    """The home page's count of the year's requests compares received_at itself and
    counts a column of the index, so the database answers it from an index without
    reading a row on PostgreSQL: (centre, received_at) INCLUDE (status) (migration
    cases/0015). SQLite has no INCLUDE: there the year is still a range searched in an
    index of (centre, received_at), not a scan of the centre's requests."""
    from django.test.utils import CaptureQueriesContext

    from cases import home

    RequestFactory(received_by=staff)
    _vacuumed("cases_legalaidrequest")
    with CaptureQueriesContext(connection) as ctx:
        home.centre_glance(director, timezone.localdate())
    (sql,) = [q["sql"] for q in ctx.captured_queries if 'AS "received"' in q["sql"]]
    with transaction.atomic(), connection.cursor() as cursor:  # SET LOCAL: this block's
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: ask for an index
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Index Only Scan using request_centre_received_cover" in plan, plan
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            assert "SEARCH cases_legalaidrequest USING" in plan, plan
            assert "received_at>? AND received_at<?" in plan, plan


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_years_litigation_is_counted_from_the_partial_indexes(
    head, officer, staff, professional_office
):
    """The performers page's quota count, the centre's count by performer and the
    appraisal results' closed litigation are answered from partial indexes of the cases
    they count (cases/0017), read alone: at 1,000,000 cases
    the rows read were 200 ms of the performers page and 168 ms of the results."""
    if connection.vendor != "postgresql":
        pytest.skip("the planner's choice is PostgreSQL's (SQLite picks by other rules)")
    from django.test.utils import CaptureQueriesContext

    from cases import selectors_appraisal

    make_performer(officer)
    in_progress_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    year = timezone.localdate().year
    _vacuumed("cases_case")
    with CaptureQueriesContext(connection) as ctx:
        selectors.performer_rows(head, year)
        selectors_appraisal.litigation_counts(head.centre_id, year)
        selectors_appraisal.results(head, year=year)
    sql = [q["sql"] for q in ctx.captured_queries]
    (quota,) = [s for s in sql if '"litigation"' in s and "cases_performer" in s]
    (by_performer,) = [s for s in sql if 'AS "n"' in s and "cases_performer" not in s]
    (closed, *_) = [s for s in sql if "COUNT(*)" in s and "'closed'" in s]
    # with no statistics (a test's tables) the planner may take either index of the
    # counted litigation for a count; the closed cases have their own
    counted = ("case_performer_litigation", "case_centre_litigation")
    for query, indexes in ((quota, counted), (by_performer, counted),
                           (closed, ("case_closed_litigation",))):  # fmt: skip
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: ask for an index
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {query}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert any(f"Index Only Scan using {index} on cases_case" in plan for index in indexes), (
            plan
        )
