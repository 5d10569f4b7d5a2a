"""seed_demo's trainings: attendance of the demo year, one officer short of 8 hours, one
exempt, the others compliant; a second run adds nothing."""

import io

import pytest
from django.utils import timezone

from outreach import selectors_trainings as selectors
from outreach.demo_trainings import seed_demo_trainings
from outreach.models import Attendance, Nomination, TrainingSession
from outreach.rules.trainings import Standing
from tgpl.demo import seed_organisation

pytestmark = pytest.mark.django_db


def test_demo_trainings_have_one_officer_short_and_one_exempt_and_run_twice():
    centre = seed_organisation()
    seed_demo_trainings(centre, io.StringIO())
    year = timezone.localdate().year
    standings = {
        o.person.username: o.account.standing for o in selectors.officer_years(centre.pk, year)
    }
    assert standings == {
        "giamdoc": Standing.COMPLIANT,
        "phogiamdoc": Standing.COMPLIANT,
        "truongphong.nv": Standing.COMPLIANT,
        "truongcn1": Standing.COMPLIANT,
        "tgv": Standing.EXEMPT,
        "tgv2": Standing.SHORT,
    }
    assert Nomination.objects.count() == 1
    counts = (TrainingSession.objects.count(), Attendance.objects.count())
    seed_demo_trainings(centre, io.StringIO())
    assert (TrainingSession.objects.count(), Attendance.objects.count()) == counts
