"""The one paginator of the lists: an exact count while it is cheap, an estimate beyond.

Counting a million rows to print "Trang 1/20.000" costs more than the page itself
(issue 18.2). `ListPaginator` counts exactly up to `EXACT_UP_TO` rows (a count over a
LIMIT, which stops there); past that the count is the planner's estimate on PostgreSQL
(EXPLAIN of the same query), shown as "khoảng …", and the pages are walked with
"Trước / Sau": a page reads one row more than it shows to know whether another follows.
Small lists (every list in the tests, most filtered lists) keep their exact count.

An estimate is kept by the process for ESTIMATE_SECONDS under the list's query (its
tables, filters and parameters, so the user's scope and filters are in the name): a
list walked page by page, or opened by many, asks the planner once a minute in each
process, not on every page. What is kept is only the "khoảng …" of the count: the rows
are always read.

`rows` turns the list's queryset into what a page shows (e.g. the values its cells
print): the count and the estimate are taken of the queryset itself, which joins
nothing the rows only print, and the page reads the rows.
"""

from __future__ import annotations

import hashlib
import json
import math
import pickle
import time
from collections.abc import Callable

from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.utils.functional import cached_property

EXACT_UP_TO = 1_000  # 20 pages of 50: a head's scope joins each row to its case (issue 18.2)
# A text search is answered by walking the list's order and testing each row's search
# key: a page of a common name reads a few thousand rows, but counting a thousand of them
# reads tens of thousands (330 ms of "hoang thi" at 1,000,000 cases). A searched list
# counts exactly up to two pages, then shows the planner's estimate.
SEARCH_EXACT_UP_TO = 100
ESTIMATE_SECONDS = 60


def estimated_rows(queryset) -> int | None:
    """The planner's estimate of the rows the queryset returns (PostgreSQL), else None."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().query.get_compiler(using=queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str | bytes):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def _estimate_key(queryset, exact_up_to: int) -> bytes:
    """The name of the queryset's kept estimate: its query, as Django pickles a queryset
    (the tables, filters and parameters; a twentieth of the time of compiling its SQL),
    or its SQL and parameters when the query does not pickle. A name of this process:
    a pickle holds sets, whose order differs between processes."""
    try:
        named = pickle.dumps((queryset.db, exact_up_to, queryset.query))
    except (pickle.PicklingError, TypeError, AttributeError):
        sql, params = queryset.order_by().query.get_compiler(using=queryset.db).as_sql()
        named = repr((queryset.db, exact_up_to, sql, tuple(params))).encode()
    return hashlib.sha256(named).digest()


# This process's kept estimates: name -> (kept until, time.time(); rows).
_estimates: dict[bytes, tuple[float, int]] = {}
ESTIMATES_KEPT = 1_000


def _kept_estimate(key: bytes) -> int | None:
    found = _estimates.get(key)
    if found is None or found[0] <= time.time():
        return None
    return found[1]


def _keep_estimate(key: bytes, rows: int) -> None:
    if len(_estimates) >= ESTIMATES_KEPT:  # bounded: the oldest go first
        for old in list(_estimates)[: ESTIMATES_KEPT // 2]:
            del _estimates[old]
    _estimates[key] = (time.time() + ESTIMATE_SECONDS, rows)


def forget_estimates() -> None:
    """Drop this process's kept estimates (the tests, between one and the next)."""
    _estimates.clear()


class ListPage(Page):
    """A page of a list whose count is an estimate: whether another page follows is
    known from the extra row read, not from the count."""

    def __init__(self, object_list, number, paginator, *, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more

    def end_index(self) -> int:
        return self.start_index() + len(self.object_list) - 1


class ListPaginator(Paginator):
    def __init__(
        self,
        object_list,
        per_page,
        exact_up_to: int | None = None,
        rows: Callable | None = None,
        **kwargs,
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.exact_up_to = EXACT_UP_TO if exact_up_to is None else exact_up_to
        self.estimated = False
        self.rows = object_list if rows is None else rows(object_list)

    @cached_property
    def count(self) -> int:
        if not hasattr(self.object_list, "query"):  # a list, not a queryset
            return len(self.object_list)
        key = _estimate_key(self.object_list, self.exact_up_to)
        kept = _kept_estimate(key)
        if kept is not None:
            self.estimated = True
            return kept
        counted = self.object_list[: self.exact_up_to + 1].count()
        if counted <= self.exact_up_to:
            return counted
        guess = estimated_rows(self.object_list)
        if guess is None:  # SQLite: no planner estimate, the exact count
            return self.object_list.count()
        self.estimated = True
        _keep_estimate(key, max(guess, counted))
        return max(guess, counted)

    def validate_number(self, number):
        if not (self.count and self.estimated):
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("Số trang không hợp lệ.") from None
        if number < 1:
            raise EmptyPage("Số trang nhỏ hơn 1.")
        return number

    @property
    def num_pages(self) -> int:  # type: ignore[override]
        if self.count and self.estimated:
            return max(1, math.ceil(self.count / self.per_page))
        return super().num_pages

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if not self.estimated:  # Django's Paginator.page, reading self.rows
            top = bottom + self.per_page
            if top + self.orphans >= self.count:
                top = self.count
            return self._get_page(self.rows[bottom:top], number, self)
        rows = list(self.rows[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage("Trang này không có bản ghi.")
        return ListPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)

    def get_page(self, number):
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except InvalidPage:
            if self.estimated:
                return self.page(1)
            return self.page(self.num_pages)


def paginate(
    request, queryset, per_page: int = 50, *, searched: bool = False, rows: Callable | None = None
):
    """A page of the queryset from ?page=, and the query string without `page` for links.
    `searched`: the list is narrowed by a text search (SEARCH_EXACT_UP_TO); `rows`: what
    a page reads of the queryset (ListPaginator)."""
    paginator = ListPaginator(
        queryset, per_page, exact_up_to=SEARCH_EXACT_UP_TO if searched else None, rows=rows
    )
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
