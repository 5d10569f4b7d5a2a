"""Reads of outreach shared by views, exports, the reports and the plans (scoped by user)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tgpl import geography, roles
from tgpl.models import User

from .models import (
    Activity,
    ActivityAttachment,
    ActivityRequest,
    BroadcastContract,
    CommuneContact,
    CommuneYear,
    Material,
    Placement,
    RecurringTarget,
)


def year_bounds(year: int) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(date(year, 1, 1), time.min, tzinfo=tz),
        datetime.combine(date(year + 1, 1, 1), time.min, tzinfo=tz),
    )


# --- activities ---------------------------------------------------------------------------


def activities_visible_to(user: User) -> QuerySet[Activity]:
    if not roles.can_see_outreach(user):
        return Activity.objects.none()
    return roles.scope_to_centres(Activity.objects.all(), user)


def activity_list(
    user: User, *, year: int | None = None, kind: str = "", commune: int | None = None,
    media: bool | None = None,
) -> QuerySet[Activity]:  # fmt: skip
    rows = activities_visible_to(user).select_related("department", "agency", "contract")
    if year:
        start, end = year_bounds(year)
        rows = rows.filter(starts_at__gte=start, starts_at__lt=end)
    if kind:
        rows = rows.filter(kind=kind)
    if commune:
        rows = rows.filter(commune_code=commune)
    if media is True:
        rows = rows.filter(kind__in=Activity.MEDIA_KINDS)
    elif media is False:
        rows = rows.exclude(kind__in=Activity.MEDIA_KINDS)
    return (
        rows.prefetch_related("languages", "tasks")
        .annotate(request_count=Count("requests", distinct=True))
        .order_by("-starts_at", "-pk")
    )


def get_activity_for(user: User, pk: int) -> Activity:
    return get_object_or_404(
        activities_visible_to(user)
        .select_related("department", "agency", "contract__partner", "created_by")
        .prefetch_related(
            "organisers", "partner_agencies", "languages", "tasks", "requests", "attachments"
        ),
        pk=pk,
    )


def get_attachment_for(user: User, pk: int) -> ActivityAttachment:
    try:
        return ActivityAttachment.objects.select_related("activity").get(
            pk=pk, activity__in=activities_visible_to(user)
        )
    except ActivityAttachment.DoesNotExist as exc:
        raise Http404 from exc


# --- broadcasts: contracts and recurring targets --------------------------------------------


def contracts_visible_to(user: User) -> QuerySet[BroadcastContract]:
    if not roles.can_see_outreach(user):
        return BroadcastContract.objects.none()
    return roles.scope_to_centres(BroadcastContract.objects.select_related("partner"), user)


def get_contract_for(user: User, pk: int) -> BroadcastContract:
    return get_object_or_404(contracts_visible_to(user), pk=pk)


def recurring_targets_visible_to(user: User) -> QuerySet[RecurringTarget]:
    if not roles.can_see_outreach(user):
        return RecurringTarget.objects.none()
    return roles.scope_to_centres(RecurringTarget.objects.select_related("contract"), user)


def get_recurring_target_for(user: User, pk: int) -> RecurringTarget:
    return get_object_or_404(recurring_targets_visible_to(user), pk=pk)


@dataclass(frozen=True)
class PeriodCheck:
    start: date
    end: date
    count: int
    required: int

    @property
    def met(self) -> bool:
        return self.count >= self.required

    @property
    def label(self) -> str:
        return f"{self.start:%d/%m} – {self.end:%d/%m/%Y}"


def periods_between(kind: str, start: date, end: date) -> list[tuple[date, date]]:
    """The weeks (Monday to Sunday), months or quarters from `start` to `end`, each cut to
    [start, end]."""
    spans = []
    if kind == RecurringTarget.Period.WEEK:
        first = start - timedelta(days=start.weekday())
        while first <= end:
            last = first + timedelta(days=6)
            spans.append((max(first, start), min(last, end)))
            first = last + timedelta(days=1)
        return spans
    step = 3 if kind == RecurringTarget.Period.QUARTER else 1
    month = ((start.month - 1) // step) * step + 1
    first = date(start.year, month, 1)
    while first <= end:
        index = first.month - 1 + step
        following = date(first.year + index // 12, index % 12 + 1, 1)
        spans.append((max(first, start), min(following - timedelta(days=1), end)))
        first = following
    return spans


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(first, time.min, tzinfo=tz),
        datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz),
    )


def _checks(target: RecurringTarget, done: list[tuple], today: date) -> list[PeriodCheck]:
    end = min(target.end, today)
    if end < target.start:
        return []
    channel = target.channel.strip().lower()
    days = Counter(
        timezone.localtime(at).date()
        for centre_id, kind, contract_id, on_channel, at in done
        if centre_id == target.centre_id
        and kind in target.kinds
        and (not target.contract_id or contract_id == target.contract_id)
        and (not channel or on_channel.strip().lower() == channel)
    )
    return [
        PeriodCheck(a, b, sum(n for d, n in days.items() if a <= d <= b), target.per_period)
        for a, b in periods_between(target.period, target.start, end)
    ]


def _done_between(centre_ids, first: date, last: date) -> list[tuple]:
    lo, hi = _bounds(first, last)
    return list(
        Activity.objects.filter(
            centre_id__in=centre_ids, starts_at__gte=lo, starts_at__lt=hi
        ).values_list("centre_id", "kind", "contract_id", "channel", "starts_at")
    )


def recurring_check(target: RecurringTarget, today: date) -> list[PeriodCheck]:
    """Each period of the target up to today, with how many activities counted in it: a
    missed week shows as a period not met. The period running today is included (it may
    still be met). One query."""
    if min(target.end, today) < target.start:
        return []
    return _checks(target, _done_between([target.centre_id], target.start, target.end), today)


def recurring_rows(user: User, today: date) -> list[tuple[RecurringTarget, int, int]]:
    """Every recurring target the user sees with (periods met, periods so far): two
    queries whatever the number of targets."""
    rows = list(recurring_targets_visible_to(user))
    if not rows:
        return []
    done = _done_between(
        {t.centre_id for t in rows}, min(t.start for t in rows), max(t.end for t in rows)
    )
    result = []
    for target in rows:
        checks = _checks(target, done, today)
        result.append((target, sum(c.met for c in checks), len(checks)))
    return result


# --- materials ----------------------------------------------------------------------------


def materials_visible_to(user: User) -> QuerySet[Material]:
    if not roles.can_see_outreach(user):
        return Material.objects.none()
    return roles.scope_to_centres(Material.objects.all(), user)


def material_list(user: User, *, kind: str = "") -> QuerySet[Material]:
    rows = materials_visible_to(user).select_related("language")
    if kind:
        rows = rows.filter(kind=kind)
    return (
        rows.annotate(placed=Sum("placements__quantity", default=0))
        .annotate(stock=F("quantity_produced") - F("placed"))
        .order_by("-produced_on", "title", "pk")
    )


def get_material_for(user: User, pk: int) -> Material:
    return get_object_or_404(
        material_list(user).prefetch_related(
            Prefetch("placements", queryset=Placement.objects.select_related("agency"))
        ),
        pk=pk,
    )


def placements_visible_to(user: User) -> QuerySet[Placement]:
    return Placement.objects.filter(material__in=materials_visible_to(user))


def placement_list(user: User, *, year: int | None = None) -> QuerySet[Placement]:
    rows = placements_visible_to(user).select_related("material", "agency")
    if year:
        rows = rows.filter(on__year=year)
    return rows


def get_placement_for(user: User, pk: int) -> Placement:
    return get_object_or_404(
        placements_visible_to(user).select_related("material__centre", "agency"), pk=pk
    )


def inspections_due(user: User, today: date, *, within_days: int = 30) -> QuerySet[Placement]:
    """Boards and boxes whose inspection falls within `within_days` (or is past), soonest
    first."""
    return (
        placement_list(user)
        .filter(
            material__kind__in=Material.INSPECTED_KINDS,
            next_inspection_on__isnull=False,
            next_inspection_on__lte=today + timedelta(days=within_days),
        )
        .order_by("next_inspection_on", "pk")
    )


# --- communes -----------------------------------------------------------------------------


@dataclass
class CommuneRow:
    code: int
    name: str
    info: CommuneYear | None = None
    activities: int = 0
    placements: int = 0
    requests: int = 0
    contacts: int = 0

    @property
    def reached(self) -> bool:
        return bool(self.activities or self.placements)

    @property
    def shade(self) -> int:
        """0-4, the colour step of the map: none, 1, 2-3, 4-7, 8 or more activities."""
        n = self.activities
        return 0 if n == 0 else 1 if n == 1 else 2 if n <= 3 else 3 if n <= 7 else 4


def commune_rows(user: User, year: int) -> list[CommuneRow]:
    """Every commune of the user's province for a year: the centre's annotations and what
    was done there (activities and placements). Three queries whatever the province."""
    centre = user.centre if getattr(user, "centre_id", None) else None
    province = centre.province_code if centre else None
    if province is None and roles.is_doj_reviewer(user) and user.agency_id:
        province = user.agency.province_code
    rows = {
        code: CommuneRow(code=code, name=name) for code, name in geography.commune_choices(province)
    }
    infos = roles.scope_to_centres(CommuneYear.objects.filter(year=year), user)
    if centre is not None:
        infos = infos.filter(centre=centre)
    for info in infos:
        if info.commune_code in rows:
            rows[info.commune_code].info = info
    start, end = year_bounds(year)
    counted = (
        activities_visible_to(user)
        .filter(starts_at__gte=start, starts_at__lt=end, commune_code__isnull=False)
        .values("commune_code")
        .annotate(n=Count("pk", distinct=True), r=Count("requests", distinct=True))
    )
    for c in counted:
        if c["commune_code"] in rows:
            rows[c["commune_code"]].activities = c["n"]
            rows[c["commune_code"]].requests = c["r"]
    placed = (
        placements_visible_to(user)
        .filter(on__year=year, commune_code__isnull=False)
        .values("commune_code")
        .annotate(n=Count("pk"))
    )
    for p in placed:
        if p["commune_code"] in rows:
            rows[p["commune_code"]].placements = p["n"]
    return sorted(rows.values(), key=lambda r: r.name)


def communes_not_reached(user: User, year: int) -> list[CommuneRow]:
    return [r for r in commune_rows(user, year) if not r.reached]


@dataclass
class CommuneChange:
    row: CommuneYear
    before: CommuneYear | None
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (label, was, now)


def _shown(row: CommuneYear, name: str) -> str:
    value = getattr(row, name)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return value or "—"


def review_changes(user: User, year: int) -> list[CommuneChange]:
    """The yearly review's list of changes: communes whose annotations for `year` differ
    from `year - 1`."""
    rows = roles.scope_to_centres(CommuneYear.objects.filter(year__in=[year - 1, year]), user)
    if getattr(user, "centre_id", None):
        rows = rows.filter(centre_id=user.centre_id)
    by_key = {(r.centre_id, r.commune_code, r.year): r for r in rows}
    changes = []
    for (centre_id, code, y), row in sorted(by_key.items(), key=lambda kv: kv[1].commune_name):
        if y != year:
            continue
        before = by_key.get((centre_id, code, year - 1))
        change = CommuneChange(row=row, before=before)
        for name in ("disadvantaged", "disadvantaged_basis", "border", "poor",
                     "ethnic_composition"):  # fmt: skip
            was, now = _shown(before or CommuneYear(), name), _shown(row, name)
            if was != now:
                label = str(CommuneYear._meta.get_field(name).verbose_name)
                change.fields.append((label, was, now))
        if change.fields:
            changes.append(change)
    return changes


def commune_year_for(user: User, commune_code: int, year: int) -> CommuneYear | None:
    rows = roles.scope_to_centres(
        CommuneYear.objects.filter(commune_code=commune_code, year=year), user
    )
    if getattr(user, "centre_id", None):
        rows = rows.filter(centre_id=user.centre_id)
    return rows.first()


def contacts_of(user: User, commune_code: int) -> QuerySet[CommuneContact]:
    if not roles.can_see_commune_contacts(user):
        return CommuneContact.objects.none()
    return roles.scope_to_centres(
        CommuneContact.objects.filter(commune_code=commune_code, is_active=True), user
    )


def get_contact_for(user: User, pk: int) -> CommuneContact:
    if not roles.can_see_commune_contacts(user):
        raise Http404
    return get_object_or_404(roles.scope_to_centres(CommuneContact.objects.all(), user), pk=pk)


def designation_on(centre_id: int | None, commune_code: int, on: date):
    """The kernel's designation provider (tgpl.communes): the centre's row for the commune
    and the year of `on`, as a Designation valid that day."""
    from tgpl.communes import Designation

    rows = CommuneYear.objects.filter(commune_code=commune_code, year=on.year)
    if centre_id is not None:
        rows = rows.filter(centre_id=centre_id)
    row = rows.order_by("pk").first()
    if row is None:
        return None
    return Designation(
        commune_code=commune_code,
        year=row.year,
        disadvantaged=row.disadvantaged_on(on),
        legal_basis=row.disadvantaged_basis,
        border=row.border,
        poor=row.poor,
    )


# --- the yearly outreach figures (read by reports) ------------------------------------------


@dataclass(frozen=True)
class YearFigures:
    year: int
    sessions: int
    participants: int
    participants_female: int
    ethnic_minority: int
    broadcasts: int
    articles: int
    materials_placed: list[tuple[str, int]]  # (kind label, quantity placed)
    communes_reached: int
    requests_taken: int
    cost_vnd: int


def year_figures(user: User, year: int) -> YearFigures:
    """The outreach figures of a year for the reports (the outreach lines of Biểu 24 and
    of the yearly report): each activity counted once. Five queries."""
    start, end = year_bounds(year)
    rows = activities_visible_to(user).filter(starts_at__gte=start, starts_at__lt=end)
    sums = rows.aggregate(
        sessions=Count("pk", filter=Q(kind__in=Activity.SESSION_KINDS)),
        broadcasts=Count("pk", filter=Q(kind__in=[Activity.Kind.RADIO_TV,
                                                  Activity.Kind.LOUDSPEAKER])),
        articles=Count("pk", filter=Q(kind__in=[Activity.Kind.WEB_ARTICLE,
                                                Activity.Kind.SOCIAL_POST])),
        male=Sum("participants_male", default=0),
        female=Sum("participants_female", default=0),
        ethnic=Sum("ethnic_minority", default=0),
        cost=Sum("cost_vnd", default=0),
    )  # fmt: skip
    placed = Counter(
        {
            Material.Kind(r["material__kind"]).label: r["n"]
            for r in placements_visible_to(user)
            .filter(on__year=year)
            .values("material__kind")
            .annotate(n=Sum("quantity"))
        }
    )
    communes = set(
        rows.filter(commune_code__isnull=False).values_list("commune_code", flat=True)
    ) | set(
        placements_visible_to(user)
        .filter(on__year=year, commune_code__isnull=False)
        .values_list("commune_code", flat=True)
    )
    return YearFigures(
        year=year,
        sessions=sums["sessions"],
        participants=sums["male"] + sums["female"],
        participants_female=sums["female"],
        ethnic_minority=sums["ethnic"],
        broadcasts=sums["broadcasts"],
        articles=sums["articles"],
        materials_placed=sorted(placed.items()),
        communes_reached=len(communes),
        requests_taken=ActivityRequest.objects.filter(activity__in=rows).count(),
        cost_vnd=sums["cost"],
    )
