import factory

from plans.models import Plan, PlanItem, PlanItemUnit
from tests.factories import CentreFactory, UserFactory


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    centre = factory.SubFactory(CentreFactory)
    number = factory.Sequence(lambda n: n + 1)
    symbol = "KH-TGPL"
    kind = Plan.Kind.ANNUAL
    year = 2026
    title = factory.Sequence(lambda n: f"Kế hoạch công tác số {n}")
    created_by = factory.SubFactory(UserFactory, centre=factory.SelfAttribute("..centre"))


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(PlanFactory)
    path = factory.Sequence(lambda n: f"II.{n + 1}")
    number = factory.LazyAttribute(lambda o: o.path.split(".")[-1])
    level = 1
    position = factory.Sequence(lambda n: n)
    kind = PlanItem.Kind.TASK
    title = factory.Sequence(lambda n: f"Nhiệm vụ số {n}")
    timeframe_text = "Cả năm 2026"


def lead(item, department=None, *, collective="", name=None):
    return PlanItemUnit.objects.create(
        item=item,
        role=PlanItemUnit.Role.LEAD,
        department=department,
        collective=collective,
        name=name or (department.name if department else "Các Phòng, Chi nhánh"),
    )
