"""What outreach contributes to plan targets (registered in tgpl.targets).

A task is met by the activities and placements linked to it (ActivityTask.plan_item_id,
Placement.plan_item_id). Per task, each linked activity counts once; for a set of tasks
(a plan, a board) an activity linked to two of them counts once in the total. Units:

- sessions (buổi, hội nghị, đợt): activities of the session kinds; programmes: radio, TV
  and loudspeaker broadcasts; articles (tin, bài): web articles and posts;
- people (lượt người): participants of the activities;
- communes (xã): distinct communes of the activities and placements;
- material units (Bảng thông tin, Tờ gấp ...): quantities placed, by material kind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from tgpl import targets

from .models import Activity, Material, Placement

KIND_UNIT = {
    **dict.fromkeys(Activity.SESSION_KINDS, targets.SESSION),
    Activity.Kind.RADIO_TV: targets.PROGRAMME,
    Activity.Kind.LOUDSPEAKER: targets.PROGRAMME,
    Activity.Kind.WEB_ARTICLE: targets.ARTICLE,
    Activity.Kind.SOCIAL_POST: targets.ARTICLE,
}
MATERIAL_UNIT = {
    Material.Kind.INFO_BOARD: targets.INFO_BOARD,
    Material.Kind.INFO_BOX: targets.INFO_BOX,
    Material.Kind.LEAFLET: targets.LEAFLET,
    Material.Kind.INFO_SHEET: targets.INFO_SHEET,
    Material.Kind.POSTER: targets.POSTER,
    Material.Kind.BOOKLET: targets.BOOKLET,
    Material.Kind.CLIP: targets.CLIP,
    Material.Kind.USB: targets.USB,
}
ACTIVITY_VALUES = ("pk", "kind", "commune_code", "participants_male", "participants_female")


def _activity_counts(activity: dict) -> Counter:
    counts = Counter({KIND_UNIT[activity["kind"]]: 1})
    people = activity["participants_male"] + activity["participants_female"]
    if people:
        counts[targets.PEOPLE] = people
    return counts


def achieved(item_ids: Sequence[int]) -> targets.Achievement:
    """Two queries whatever the number of tasks: linked activities, linked placements."""
    links = list(
        Activity.objects.filter(tasks__plan_item_id__in=item_ids).values(
            *ACTIVITY_VALUES, item_id=F("tasks__plan_item_id")
        )
    )
    activities = {a["pk"]: a for a in links}
    placements = list(
        Placement.objects.filter(plan_item_id__in=item_ids).values(
            "pk", "plan_item_id", "quantity", "commune_code", "material__kind"
        )
    )
    result = targets.Achievement()
    communes: dict[int, set[int]] = {}
    for activity in links:
        item_id = activity["item_id"]
        result.per_item.setdefault(item_id, Counter()).update(_activity_counts(activity))
        if activity["commune_code"]:
            communes.setdefault(item_id, set()).add(activity["commune_code"])
    for p in placements:
        unit = MATERIAL_UNIT[p["material__kind"]]
        result.per_item.setdefault(p["plan_item_id"], Counter())[unit] += p["quantity"]
        result.overall[unit] += p["quantity"]
        if p["commune_code"]:
            communes.setdefault(p["plan_item_id"], set()).add(p["commune_code"])
    for activity in activities.values():  # each activity once, however many tasks it serves
        result.overall.update(_activity_counts(activity))
    for item_id, codes in communes.items():
        result.per_item[item_id][targets.COMMUNE] = len(codes)
    all_communes = set().union(*communes.values()) if communes else set()
    if all_communes:
        result.overall[targets.COMMUNE] = len(all_communes)
    return result


def records(item_id: int) -> list[targets.Record]:
    """The activities and placements linked to a task (two queries)."""
    found = []
    activities = (
        Activity.objects.filter(tasks__plan_item_id=item_id)
        .select_related("agency", "department")
        .order_by("-starts_at")
    )
    for a in activities:
        amounts = f"{a.participants} người" if a.participants else ""
        found.append(
            targets.Record(
                on=timezone.localtime(a.starts_at).date(),
                title=f"{a.get_kind_display()}: {a.title}",
                url=reverse("outreach:activity", args=[a.pk]),
                where=a.place,
                who=a.department.name if a.department_id else "",
                amounts=amounts,
            )
        )
    for p in Placement.objects.filter(plan_item_id=item_id).select_related("material", "agency"):
        found.append(
            targets.Record(
                on=p.on,
                title=f"Cấp phát {p.material.get_kind_display()}: {p.material.title}",
                url=reverse("outreach:material", args=[p.material_id]),
                where=p.place,
                who=p.received_by,
                amounts=f"{p.quantity:,}".replace(",", "."),
            )
        )
    return sorted(found, key=lambda r: r.on, reverse=True)


PROVIDER = targets.ContributionProvider(
    key="outreach", label="Hoạt động truyền thông", achieved=achieved, records=records
)
