"""Demo plans: both sample plans (plans.samples), approved, with some progress,
and this year's thematic plan copied from the 2025 one so the board has live deadlines."""

import datetime

from django.utils import timezone

from tgpl.models import Centre, User

from . import services
from .models import Plan, PlanItem
from .reader import parse_plan
from .samples import samples_dir

SAMPLES = samples_dir()
SAMPLE_FILES = [
    ("ke-hoach-2021-trien-khai-cong-tac-tgpl.txt", Plan.Kind.ANNUAL),
    ("ke-hoach-2025-chuyen-de-tgpl.txt", Plan.Kind.THEMATIC),
]


def seed_demo_plans(centre: Centre, stdout) -> None:
    director = User.objects.get(username="giamdoc")
    drafter = User.objects.get(username="vienchuc")
    imported = []
    for filename, kind in SAMPLE_FILES:
        path = SAMPLES / filename
        if not path.is_file():
            stdout.write(f"  (không thấy {path}: bỏ qua kế hoạch mẫu)")
            continue
        parsed = parse_plan(path.read_text(encoding="utf-8"))
        existing = Plan.objects.filter(centre=centre, year=parsed.year, title=parsed.title).first()
        if existing is None:
            existing = services.create_plan_from_parsed(
                centre=centre,
                plan=parsed,
                kind=kind,
                actor=drafter,
                source_text=path.read_text(encoding="utf-8"),
            )
            services.approve_plan(plan=existing, actor=director)
            _add_progress(existing)
        imported.append(existing)
    thematic = next((p for p in imported if p.kind == Plan.Kind.THEMATIC), None)
    year = timezone.localdate().year
    if (
        thematic
        and thematic.year < year
        and not Plan.objects.filter(centre=centre, year=year, copied_from__isnull=False).exists()
    ):
        current = thematic
        while current.year < year:
            current = services.copy_plan_to_next_year(plan=current, actor=drafter)
        services.approve_plan(plan=current, actor=director)
        _add_progress(current, only_past=True)
    stdout.write(f"  Kế hoạch mẫu: {Plan.objects.filter(centre=centre).count()} kế hoạch.")


def _add_progress(plan: Plan, only_past: bool = False) -> None:
    """Realistic progress: tasks due in the past are mostly done, some are late."""
    today = timezone.localdate()
    tasks = list(
        plan.items.filter(kind=PlanItem.Kind.TASK)
        .order_by("position")
        .prefetch_related("units__department", "quantities")
    )
    for index, item in enumerate(tasks):
        actor = _owner(item, plan.centre)
        due = item.due or datetime.date(plan.year, 12, 31)
        on = min(due, today)
        if only_past and due >= today:
            if index % 2 == 0:
                services.record_progress(
                    item=item,
                    actor=actor,
                    on=today - datetime.timedelta(days=3),
                    note="Đang phân công viên chức xây dựng dự thảo.",
                    percent=30,
                )
            continue
        if index % 5 == 3:  # left late on purpose: the board shows it overdue
            services.record_progress(
                item=item, actor=actor, on=on, note="Đã triển khai một phần.", percent=40
            )
            continue
        quantity = item.quantities.first()
        services.record_progress(
            item=item,
            actor=actor,
            on=on,
            note="Đã hoàn thành theo kế hoạch.",
            quantity=quantity,
            quantity_achieved=quantity.target if quantity else None,
            evidence_number=f"{10 + index:02d}/BC-TGPL",
            done=True,
        )


def _owner(item: PlanItem, centre: Centre) -> User:
    from .services.tasks import owner_departments

    for dept in owner_departments(item):
        member = dept.members.filter(is_active=True).first()
        if member is not None:
            return member
    return User.objects.get(username="giamdoc")
