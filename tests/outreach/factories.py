"""Builders of outreach data, through the services where rules matter."""

from datetime import date, datetime, time

from django.utils import timezone

from outreach import services
from outreach.models import Activity, Material
from plans.models import Plan, PlanItem, QuantityTarget
from tests.plans.factories import PlanFactory, PlanItemFactory

KY_LUA = 6187  # Phường Kỳ Lừa, Lạng Sơn
BA_SON = 6202  # Xã Ba Sơn, Lạng Sơn
THAT_KHE = 6040
HONG_LINH = 18115  # Hà Tĩnh: another province


def at(day: date, hour: int = 8):
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def activity(actor, *, on=date(2026, 10, 5), kind=Activity.Kind.COMMUNE_SESSION, task_ids=(),
             commune_code=BA_SON, **fields):  # fmt: skip
    data = {
        "kind": kind,
        "title": fields.pop("title", "Truyền thông về TGPL cho người dân tộc thiểu số"),
        "starts_at": at(on),
        "participants_male": fields.pop("participants_male", 20),
        "participants_female": fields.pop("participants_female", 15),
        **fields,
    }
    if kind in Activity.MEDIA_KINDS:
        data.setdefault("channel", "Đài Phát thanh - Truyền hình tỉnh Lạng Sơn")
        data["commune_code"] = None
    else:
        data["commune_code"] = commune_code
    return services.record_activity(actor=actor, fields=data, task_ids=task_ids)


def material(actor, *, kind=Material.Kind.INFO_BOARD, quantity=128, on=date(2026, 3, 2), **f):
    return services.record_material(
        actor=actor,
        fields={
            "kind": kind,
            "title": f.pop("title", "Bảng thông tin về trợ giúp pháp lý"),
            "quantity_produced": quantity,
            "produced_on": on,
            **f,
        },
    )


def place(actor, mat, *, quantity=10, on=date(2026, 3, 10), commune_code=BA_SON, **kw):
    return services.place_material(
        actor=actor,
        material=mat,
        on=on,
        quantity=quantity,
        commune_code=commune_code,
        received_by=kw.pop("received_by", "Hoàng Văn Thụ, công chức tư pháp"),
        **kw,
    )


def approved_task(centre, creator, *, year=2026, targets=(("128", "Bảng thông tin"),), plan=None):
    plan = plan or PlanFactory(
        centre=centre, created_by=creator, year=year, status=Plan.Status.APPROVED
    )
    item = PlanItemFactory(plan=plan, kind=PlanItem.Kind.TASK)
    for number, label in targets:
        QuantityTarget.objects.create(item=item, label=label, target=int(number))
    return item
