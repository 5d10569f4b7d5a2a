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


@pytest.mark.django_db
def test_demo_shows_coordination_in_proceedings_and_runs_twice(settings, tmp_path):
    from cases.demo_proceedings import seed_demo_proceedings
    from cases.models import Complaint, DefenceRegistration, DutyRoster, ProceduralNotice
    from cases.states import ComplaintStatus
    from tgpl.models import Agency

    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())
    centre = Centre.objects.get(name__contains="Lạng Sơn")
    notices = ProceduralNotice.objects.filter(centre=centre)
    assert set(notices.values_list("kind", flat=True)) == set(ProceduralNotice.Kind.values)
    linked = notices.get(request__isnull=False)
    assert linked.agency.kind == Agency.Kind.POLICE
    assert linked.request.notified_at == linked.received_at
    refused = DefenceRegistration.objects.get(case__centre=centre)
    assert refused.outcome == DefenceRegistration.Outcome.REFUSED
    assert refused.outcome_reason
    complaint = Complaint.objects.get(centre=centre)
    assert complaint.against == Complaint.Against.PERFORMER
    assert complaint.performer_id == complaint.case.performer_id
    assert complaint.status == ComplaintStatus.ACCEPTED
    roster = DutyRoster.objects.get(centre=centre)
    assert roster.agency.kind == Agency.Kind.COURT
    assert roster.status == DutyRoster.Status.ISSUED
    assert roster.shifts.count() >= 2
    assert all(shift.phone for shift in roster.shifts.all())
    counts = [m.objects.count() for m in (ProceduralNotice, DefenceRegistration, Complaint,
                                          DutyRoster, Agency)]  # fmt: skip
    seed_demo_proceedings(centre, io.StringIO())
    assert counts == [m.objects.count() for m in (ProceduralNotice, DefenceRegistration,
                                                  Complaint, DutyRoster, Agency)]  # fmt: skip
