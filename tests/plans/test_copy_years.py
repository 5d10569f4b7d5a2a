"""Copying the real 2025 thematic plan to 2026: the plan's years move, cited documents
keep their numbers and dates unless they are yearly ones about the plan's year (the rules
are tabled in test_rules_years.py)."""

import pytest

from plans import services
from plans.models import Plan
from plans.reader import parse_plan

pytestmark = pytest.mark.django_db


def test_copying_the_2025_sample_moves_its_years(sample_2025, centre, staff, offices):
    plan = services.create_plan_from_parsed(
        centre=centre, plan=parse_plan(sample_2025), kind=Plan.Kind.THEMATIC, actor=staff
    )
    copy = services.copy_plan_to_next_year(plan=plan, actor=staff)
    assert copy.title == "Thực hiện chuyên đề về trợ giúp pháp lý năm 2026"
    # it carried out the 2025 annual plan; the copy cites the 2026 one, left for the drafter
    assert copy.legal_bases.startswith(
        "Thực hiện Kế hoạch số …/KH-TGPL ngày …/…/… về triển khai công tác trợ giúp pháp lý "
        "năm 2026"
    ), copy.legal_bases
    assert "29/KH-TGPL" not in copy.legal_bases
    texts = [
        " ".join([i.title, i.body, i.timeframe_text, i.expected_result]) for i in copy.items.all()
    ]
    joined = "\n".join(texts) + "\n".join(
        m.title for i in copy.items.all() for m in i.milestones.all()
    )
    assert "Quý I/2026" in joined
    assert "15/3/2026" in joined
    assert "2025" not in joined
    assert copy.number_text == "Dự thảo"


def test_a_copy_citing_a_blank_document_is_not_submitted_nor_approved_until_filled(
    sample_2025, centre, staff, director, offices
):
    from tgpl.errors import BusinessRuleError

    plan = services.create_plan_from_parsed(
        centre=centre, plan=parse_plan(sample_2025), kind=Plan.Kind.THEMATIC, actor=staff
    )
    copy = services.copy_plan_to_next_year(plan=plan, actor=staff)
    for call, actor in ((services.submit_plan, staff), (services.approve_plan, director)):
        with pytest.raises(BusinessRuleError, match="chưa ghi số, ngày"):
            call(plan=copy, actor=actor)
    copy.refresh_from_db()
    assert copy.status == Plan.Status.DRAFT  # nothing changed
    assert copy.submitted_at is None
    copy.legal_bases = copy.legal_bases.replace(
        "số …/KH-TGPL ngày …/…/…", "số 30/KH-TGPL ngày 12/01/2026"
    )
    services.save_plan(plan=copy, actor=staff)
    services.submit_plan(plan=copy, actor=staff)
    approved = services.approve_plan(plan=copy, actor=director)
    assert approved.status == Plan.Status.APPROVED
    assert approved.legal_bases.startswith("Thực hiện Kế hoạch số 30/KH-TGPL ngày 12/01/2026")
