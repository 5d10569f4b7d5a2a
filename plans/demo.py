"""Demo plans: both sample plans (plans.samples), approved, with some progress,
and this year's thematic plan copied from the 2025 one so the board has live deadlines."""

import datetime

from django.utils import timezone

from tgpl.models import Centre, User

from . import selectors, services
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
            # a plan of an earlier year entered from its text: approved as it was, with
            # the number it carried (none for the unsigned draft of 2025: not numbered now
            # in this year's register)
            services.approve_plan(plan=existing, actor=director, number=False)
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
            current = _cite_this_years_documents(
                services.copy_plan_to_next_year(plan=current, actor=drafter), drafter
            )
        services.approve_plan(plan=current, actor=director)
        _add_progress(current, only_past=True)
    _submit_next_year_draft(centre, drafter, year)
    stdout.write(f"  Kế hoạch mẫu: {Plan.objects.filter(centre=centre).count()} kế hoạch.")


def _add_progress(plan: Plan, only_past: bool = False) -> None:
    """Realistic progress: tasks due in the past are mostly done, some are late. A task
    with quantity targets reports quantities (its percent follows from them)."""
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
                _report(
                    item, actor, today - datetime.timedelta(days=3),
                    "Đang phân công viên chức xây dựng dự thảo.", share=0.3,
                )  # fmt: skip
            continue
        if index % 5 == 3:  # left late on purpose: the board shows it overdue
            _report(item, actor, on, "Đã triển khai một phần.", share=0.4)
            continue
        _report(
            item, actor, on, "Đã hoàn thành theo kế hoạch.", share=1,
            evidence_number=f"{10 + index:02d}/BC-TGPL",
        )  # fmt: skip


def _report(item: PlanItem, actor: User, on, note: str, *, share: float, **extra) -> None:
    """Progress of `share` (0..1): counted on each target, typed for a task without any;
    a share of 1 reports the task done."""
    targets = list(item.quantities.all())
    done = share >= 1
    if not targets:
        services.record_progress(
            item=item, actor=actor, on=on, note=note,
            percent=None if done else round(100 * share), done=done, **extra,
        )  # fmt: skip
        return
    for position, target in enumerate(targets):
        last = position == len(targets) - 1
        services.record_progress(
            item=item, actor=actor, on=on, note=note,
            quantity=target, quantity_achieved=max(1, round(target.target * share)),
            done=done and last, **(extra if last else {}),
        )  # fmt: skip


def close_past_demo_plans(centre: Centre, stdout) -> None:
    """The 2021 annual plan is closed: its late tasks are carried to the next year or
    dropped with a reason (the 2025 thematic plan is left offered for closing).

    A seeder of its own, run after the apps that record the year's work against the
    plan's tasks (outreach's activities of 2021): work is linked to an open plan's
    tasks, and the plan is closed once its year is done."""
    director = User.objects.get(username="giamdoc")
    annual = (
        Plan.objects.filter(
            centre=centre,
            kind=Plan.Kind.ANNUAL,
            status=Plan.Status.APPROVED,
            copied_from__isnull=True,
            year__lt=timezone.localdate().year,
        )
        .order_by("year")
        .first()
    )
    if annual is None:
        return
    outcomes = {}
    for index, task in enumerate(selectors.open_tasks(annual)):
        if index % 2 == 0:
            outcomes[task.pk] = (services.Outcome.CARRIED, "Tiếp tục thực hiện năm sau.")
        else:
            outcomes[task.pk] = (
                services.Outcome.DROPPED,
                "Không bố trí được kinh phí trong năm.",
            )
    services.close_plan(plan=annual, actor=director, outcomes=outcomes)


def _submit_next_year_draft(centre: Centre, drafter: User, year: int) -> None:
    """Next year's thematic plan, copied from this year's and sent to the director: a
    draft ("Dự thảo", no number) waiting for approval."""
    current = (
        Plan.objects.filter(
            centre=centre, year=year, kind=Plan.Kind.THEMATIC, status=Plan.Status.APPROVED
        )
        .order_by("pk")
        .first()
    )
    if current is None or Plan.objects.filter(centre=centre, year=year + 1).exists():
        return
    draft = services.copy_plan_to_next_year(plan=current, actor=drafter)
    services.submit_plan(plan=_cite_this_years_documents(draft, drafter), actor=drafter)


def _cite_this_years_documents(plan: Plan, drafter: User) -> Plan:
    """What the drafter does after a copy: the yearly documents it left blank get this
    year's number and a date already past (demo values), through the service that edits
    a plan."""
    on = min(datetime.date(plan.year, 1, 13), timezone.localdate() - datetime.timedelta(days=3))
    for field in ("legal_bases", "budget_section"):
        text = getattr(plan, field).replace("số …/", "số 29/")
        text = text.replace("ngày …/…/…", f"ngày {on:%d/%m/%Y}")
        text = text.replace("ngày … tháng … năm …", f"ngày {on:%d} tháng {on:%m} năm {on.year}")
        setattr(plan, field, text)
    return services.save_plan(plan=plan, actor=drafter)


def _owner(item: PlanItem, centre: Centre) -> User:
    from .services.tasks import owner_departments

    for dept in owner_departments(item):
        member = dept.members.filter(is_active=True).first()
        if member is not None:
            return member
    return User.objects.get(username="giamdoc")
