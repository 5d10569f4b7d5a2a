"""Every outreach list page makes the same number of queries with little and more data."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from outreach import services
from outreach.models import Activity, Language, RecurringTarget

from .factories import BA_SON, KY_LUA, THAT_KHE, activity, approved_task, material, place

pytestmark = pytest.mark.django_db

COMMUNES = [BA_SON, KY_LUA, THAT_KHE]


def build(staff, centre, n: int) -> None:
    task = approved_task(centre, staff)
    languages = list(Language.objects.all()[:2])
    for i in range(n):
        a = activity(
            staff,
            on=date(2026, 1, 5) + timedelta(days=i),
            commune_code=COMMUNES[i % 3],
            task_ids=[task.pk],
        )
        services.update_activity(
            actor=staff, activity=a, fields={}, languages=languages, task_ids=[task.pk]
        )
        activity(staff, kind=Activity.Kind.WEB_ARTICLE, on=date(2026, 2, 1) + timedelta(days=i))
        boards = material(staff, quantity=50, on=date(2025, 1, 2))
        place(staff, boards, quantity=5, on=date(2025, 2, 1) + timedelta(days=i))
        services.record_contract(
            actor=staff,
            fields={"number": f"{i}/HĐ", "partner_name": "Đài PT-TH", "start": date(2026, 1, 1),
                    "end": date(2026, 12, 31), "communes_covered": [BA_SON]},
        )  # fmt: skip
        services.record_recurring_target(
            actor=staff,
            fields={"title": f"Chỉ tiêu {i}", "kinds": [Activity.Kind.WEB_ARTICLE],
                    "period": RecurringTarget.Period.WEEK, "per_period": 1,
                    "start": date(2026, 1, 1), "end": date(2026, 12, 31)},
        )  # fmt: skip
        services.save_commune_year(
            actor=staff, commune_code=COMMUNES[i % 3], year=2026 - (i % 2), fields={"poor": True}
        )


PAGES = [
    "outreach:index", "outreach:activities", "outreach:broadcasts", "outreach:contracts",
    "outreach:recurring_list", "outreach:materials", "outreach:inspections_due",
    "outreach:communes", "outreach:review_changes",
]  # fmt: skip


@pytest.fixture
def staff(director):
    return director  # leaders record and review, so every page shows its forms too


@pytest.mark.parametrize("page", PAGES)
def test_list_pages_do_not_grow_with_data(client, staff, centre, page, django_assert_num_queries):
    client.force_login(staff)
    build(staff, centre, 2)
    url = reverse(page) + "?year=2026"
    client.get(url)  # warm the per-process caches (provinces, communes)
    with django_assert_num_queries(EXPECTED[page]) as small:
        assert client.get(url).status_code == 200
    build(staff, centre, 12)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


# Session, user and roles, messages, notifications' bell are part of every page; the rest:
# index 5 figures + due + 3 commune rows; lists: count + page (+ prefetches); recurring: the
# targets and all their activities in one query; communes: annotations, activities,
# placements.
EXPECTED = {
    "outreach:index": 14,
    "outreach:activities": 8,
    "outreach:broadcasts": 8,
    "outreach:contracts": 7,
    "outreach:recurring_list": 9,
    "outreach:materials": 6,
    "outreach:inspections_due": 6,
    "outreach:communes": 8,
    "outreach:review_changes": 5,
}
