"""tgpl.days: a local day's range of moments selects what the `__date` lookups select,
at the moments where the two could part (local midnight, which is 17:00 UTC the day
before), while comparing the column itself so that an index on it serves."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import LegalAidRequest
from tests.cases.factories import RequestFactory
from tgpl import days

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST, LAST = dt.date(2026, 3, 1), dt.date(2026, 3, 31)

# (the moment a request was received, local time; whether it falls on 1-31 March)
MOMENTS = [
    (dt.datetime(2026, 2, 28, 23, 59, 59, 999999, tzinfo=HANOI), False),
    (dt.datetime(2026, 3, 1, 0, 0, tzinfo=HANOI), True),  # 28/02 17:00 UTC
    (dt.datetime(2026, 3, 1, 6, 59, tzinfo=HANOI), True),  # still 28/02 in UTC
    (dt.datetime(2026, 3, 31, 23, 59, 59, 999999, tzinfo=HANOI), True),
    (dt.datetime(2026, 4, 1, 0, 0, tzinfo=HANOI), False),
    (dt.datetime(2026, 4, 1, 6, 0, tzinfo=HANOI), False),  # still 31/03 in UTC
]


def test_the_first_moment_of_a_day_is_local_midnight():
    assert days.start_of(FIRST) == dt.datetime(2026, 3, 1, tzinfo=HANOI)
    assert days.start_of(FIRST).astimezone(dt.UTC) == dt.datetime(2026, 2, 28, 17, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_each_range_selects_what_the_date_lookup_selects(staff):
    made = {RequestFactory(received_by=staff, received_at=at).pk: inside for at, inside in MOMENTS}
    qs = LegalAidRequest.objects.filter(pk__in=made)

    def pks(q):
        return set(qs.filter(q).values_list("pk", flat=True))

    inside = {pk for pk, yes in made.items() if yes}
    assert pks(days.on_days("received_at", FIRST, LAST)) == inside
    pairs = [
        (days.since("received_at", FIRST), {"received_at__date__gte": FIRST}),
        (days.until("received_at", LAST), {"received_at__date__lte": LAST}),
        (days.before("received_at", FIRST), {"received_at__date__lt": FIRST}),
        (days.on_days("received_at", FIRST, LAST), {"received_at__date__range": (FIRST, LAST)}),
    ]
    for ours, django_lookup in pairs:
        assert pks(ours) == set(qs.filter(**django_lookup).values_list("pk", flat=True))


@pytest.mark.django_db
def test_the_range_compares_the_column_itself_not_a_converted_date():
    with CaptureQueriesContext(connection) as ctx:
        list(LegalAidRequest.objects.filter(days.on_days("received_at", FIRST, LAST)))
    where = ctx.captured_queries[-1]["sql"].split("WHERE", 1)[1]
    assert 'received_at" >=' in where
    assert 'received_at" <' in where
    # Django's __date wraps the column in a time-zone conversion, which no index serves.
    assert "django_datetime_cast_date" not in where
    assert "AT TIME ZONE" not in where
