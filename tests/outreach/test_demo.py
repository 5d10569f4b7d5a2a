import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from outreach.demo import seed_demo_outreach
from outreach.models import Activity
from outreach.selectors import communes_not_reached, inspections_due, recurring_rows
from plans.models import PlanItem
from tgpl import targets
from tgpl.models import Centre, User


@pytest.mark.django_db
def test_demo_meets_the_2021_plans_outreach_targets_and_runs_twice():
    call_command("seed_demo", stdout=io.StringIO())
    centre = Centre.objects.get(name__contains="Lạng Sơn")
    director = User.objects.get(username="giamdoc")
    task = PlanItem.objects.get(plan__centre=centre, plan__year=2021, path="II.3.1")

    got = targets.achieved_for([task.pk])

    assert got.of(task.pk, targets.INFO_BOARD) == 96  # of 128: the page shows 75 %
    assert got.of(task.pk, targets.LEAFLET) == 60_000
    assert got.of(task.pk, targets.COMMUNE) == 60
    today = timezone.localdate()
    assert 0 < len(communes_not_reached(director, today.year)) < 65
    assert inspections_due(director, today).exists()
    assert any(met < total for _, met, total in recurring_rows(director, today))
    count = Activity.objects.count()
    seed_demo_outreach(centre, io.StringIO())
    assert Activity.objects.count() == count


@pytest.mark.django_db
def test_demo_attaches_a_file_that_passes_the_upload_check_once(settings):
    from outreach.models import ActivityAttachment
    from tgpl.uploads import upload_problem

    call_command("seed_demo", stdout=io.StringIO())
    centre = Centre.objects.get(name__contains="Lạng Sơn")
    attachment = ActivityAttachment.objects.get(activity__centre=centre)
    content = attachment.file.read()
    assert upload_problem(attachment.file.name, len(content), content[:16]) is None
    assert attachment.file.path.startswith(str(settings.MEDIA_ROOT))
    seed_demo_outreach(centre, io.StringIO())
    assert ActivityAttachment.objects.count() == 1
