"""The plans admin is read-only: plans change only through the plans' services (issue 10).

The admin could add a progress report to another centre's task and move a task into
another centre's plan; now plans, items, units, targets, milestones and progress reports
are read in the admin and written only by the pages.
"""

import datetime

import pytest
from django.urls import reverse

from plans.models import Milestone, PlanItem, ProgressUpdate, QuantityTarget

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def parts(centre_a):
    task = centre_a.task
    target = QuantityTarget.objects.create(item=task, label="Bảng thông tin", target=10)
    milestone = Milestone.objects.create(item=task, title="Dự thảo")
    update = ProgressUpdate.objects.create(
        item=task, date=datetime.date(2026, 3, 1), note="Đã làm", author=centre_a.receiver
    )
    return {
        "plan": centre_a.plan,
        "task": task,
        "target": target,
        "milestone": milestone,
        "update": update,
    }


def url_of(obj, view):
    opts = obj._meta
    args = [] if view in ("changelist", "add") else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.mark.parametrize("name", ["plan", "task", "target", "milestone", "update"])
def test_plans_admin_shows_but_never_writes(client, administrator, parts, name):
    obj = parts[name]
    client.force_login(administrator)
    assert client.get(url_of(obj, "changelist")).status_code == 200
    page = client.get(url_of(obj, "change"))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get(url_of(obj, "add")).status_code == 403
    assert client.post(url_of(obj, "change"), {}).status_code == 403
    assert client.get(url_of(obj, "delete")).status_code == 403


def test_progress_report_cannot_be_added_to_another_centres_task(client, administrator, centre_b):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:plans_progressupdate_add"),
        {
            "item": centre_b.task.pk,
            "date": "01/03/2026",
            "note": "Báo cáo giả",
            "author": administrator.pk,
        },
    )
    assert response.status_code == 403
    assert not ProgressUpdate.objects.filter(item=centre_b.task).exists()


def test_task_cannot_be_moved_into_another_centres_plan(client, administrator, centre_a, centre_b):
    task = centre_a.task
    client.force_login(administrator)
    response = client.post(
        url_of(task, "change"),
        {
            "plan": centre_b.plan.pk,
            "path": task.path,
            "number": task.number,
            "level": 1,
            "position": 0,
            "kind": task.kind,
            "title": task.title,
            "units-TOTAL_FORMS": "0",
            "units-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 403
    task.refresh_from_db()
    assert task.plan == centre_a.plan


def test_another_centres_task_is_not_found(client, administrator, centre_b):
    client.force_login(administrator)
    response = client.get(url_of(centre_b.task, "change"))
    assert response.status_code == 302  # the admin's "does not exist" redirect
    listing = client.get(reverse("admin:plans_planitem_changelist")).content.decode()
    assert centre_b.task.title not in listing


def test_superuser_cannot_edit_plans_in_the_admin_either(client, superuser, parts):
    client.force_login(superuser)
    assert client.post(url_of(parts["plan"], "change"), {}).status_code == 403
    assert PlanItem.objects.filter(pk=parts["task"].pk).exists()
