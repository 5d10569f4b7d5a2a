import datetime
from zoneinfo import ZoneInfo

import pytest

from plans import services as plan_services
from tests.plans.factories import PlanFactory, PlanItemFactory, lead

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: datetime.date, hour: int = 7) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=VN)


@pytest.fixture
def approved_plan(centre, staff, director, admin_office, admin_head):
    plan = PlanFactory(centre=centre, created_by=staff, year=2026)
    item = PlanItemFactory(plan=plan, path="II.1", title="In tờ gấp", timeframe_text="Tháng 6/2026")
    lead(item, admin_office)
    plan_services.save_item(item=item, actor=staff)  # parses the time frame: due 30/06/2026
    plan_services.approve_plan(plan=plan, actor=director)
    return plan


def add_tasks(plan, department, count, due=datetime.date(2026, 6, 30)):
    from plans.models import PlanItem

    items = []
    for n in range(count):
        item = PlanItemFactory(
            plan=plan, path=f"III.{n + 1}", title=f"Việc {n}", timeframe_text="Tháng 6/2026"
        )
        lead(item, department)
        items.append(item)
    PlanItem.objects.filter(pk__in=[i.pk for i in items]).update(due=due)
    return items
