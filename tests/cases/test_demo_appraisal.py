import io

import pytest
from django.core.management import call_command

from cases.demo_appraisal import seed_demo_appraisal
from cases.models import Appraisal, AppraisalPlan, QuotaDecision, TimeAppraisal
from cases.states import AppraisalStatus
from tgpl.models import Centre


@pytest.mark.django_db
def test_demo_has_appraisals_in_every_grade_quotas_and_runs_twice():
    call_command("seed_demo", stdout=io.StringIO())
    approved = Appraisal.objects.filter(status=AppraisalStatus.APPROVED)
    assert set(approved.values_list("grade", flat=True)) == {"excellent", "good", "pass", "fail"}
    assert approved.filter(breach_6_1=True, grade="fail", total=100).exists()
    assert Appraisal.objects.filter(status=AppraisalStatus.SUBMITTED).exists()
    assert Appraisal.objects.filter(status=AppraisalStatus.ASSIGNED).exists()
    decision = QuotaDecision.objects.get()
    assert decision.status == "issued"
    assert decision.lines.exclude(exempt_reason="").exists()
    assert TimeAppraisal.objects.filter(status="confirmed").exists()
    seed_demo_appraisal(Centre.objects.get(name__contains="Lạng Sơn"), io.StringIO())
    assert AppraisalPlan.objects.count() == 1
