"""A department head approves a proposal from the inbox; a Sở reviewer sees no names."""

import pytest

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_head_approves_the_oldest_proposal_from_the_inbox(page, live_server, demo):
    from cases.models import Assignment
    from cases.states import AssignmentStatus

    log_in(page, live_server.url, "truongphong.nv")
    page.goto(f"{live_server.url}/cases/inbox/")
    first_row = page.locator("tbody tr").first
    code = first_row.locator("td").nth(1).locator("a").inner_text()
    waiting = Assignment.objects.filter(case__code=code, status=AssignmentStatus.PROPOSED).get()
    first_row.locator("button", has_text="Duyệt").click()
    page.wait_for_load_state()
    waiting.refresh_from_db()
    assert waiting.status == AssignmentStatus.APPROVED
    assert page.console_errors == []


def test_reviewer_sees_the_lists_without_personal_data(page, live_server, demo):
    from cases.models import LegalAidRequest

    log_in(page, live_server.url, "sotuphap")
    response = page.goto(f"{live_server.url}/cases/")
    assert response.status == 200
    body = page.content()
    some_names = list(LegalAidRequest.objects.values_list("full_name", flat=True)[:20])
    assert some_names, "the demo has requests to look for"
    assert not any(name in body for name in some_names)
    assert page.console_errors == []
