import pytest
from django.urls import reverse

from .factories import activity, approved_task, material, place

pytestmark = pytest.mark.django_db


def test_pages_render(client, staff, director, centre):
    task = approved_task(centre, staff)
    a = activity(staff, task_ids=[task.pk])
    m = material(staff)
    place(staff, m, plan_item_id=task.pk)
    client.force_login(director)
    for url in [
        reverse("outreach:index"), reverse("outreach:activities"), reverse("outreach:broadcasts"),
        reverse("outreach:activity", args=[a.pk]), reverse("outreach:activity_edit", args=[a.pk]),
        reverse("outreach:activity_create"), reverse("outreach:contracts"),
        reverse("outreach:recurring_list"), reverse("outreach:materials"),
        reverse("outreach:material", args=[m.pk]), reverse("outreach:material_create"),
        reverse("outreach:inspections_due"), reverse("outreach:placement_import"),
        reverse("outreach:communes"), reverse("outreach:commune", args=[6202]),
        reverse("outreach:review_changes"), reverse("plans:item", args=[task.pk]),
        reverse("plans:detail", args=[task.plan_id]),
        reverse("outreach:activities") + "?format=xlsx", reverse("outreach:placement_export"),
    ]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
