import io

import pytest
from django.core.management import call_command

from cases.demo import seed_demo_cases
from cases.models import Case, LegalAidRequest
from cases.states import CaseStatus, RequestStatus
from tgpl.models import Centre


@pytest.mark.django_db
def test_demo_has_requests_and_cases_in_every_state_and_runs_twice():
    call_command("seed_demo", stdout=io.StringIO())
    centre = Centre.objects.get(name__contains="Lạng Sơn")
    seed_demo_cases(centre, io.StringIO())
    request_states = set(LegalAidRequest.objects.values_list("status", flat=True))
    case_states = set(Case.objects.values_list("status", flat=True))
    assert request_states == set(RequestStatus.values)
    assert case_states == set(CaseStatus.values)
    count = LegalAidRequest.objects.count()
    seed_demo_cases(centre, io.StringIO())
    assert LegalAidRequest.objects.count() == count
