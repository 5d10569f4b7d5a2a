"""Retention: the history of long-closed cases made anonymous, the case file kept."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from cases import services
from cases.models import Case, LegalAidRequest
from cases.retention import ANONYMOUS
from cases.states import Outcome
from tgpl.kernel import emit, events
from tgpl.models import OutboxMessage
from tgpl.operations.retention import run_retention

from .factories import in_progress_case

pytestmark = pytest.mark.django_db
YEAR = timedelta(days=365)


@pytest.fixture
def closed_case(staff, professional_office, officer, head, performers):
    case = in_progress_case(staff, professional_office, officer, head)
    services.close_case(actor=officer, case=case, outcome=Outcome.DONE, outcome_note="Đã xong")
    case.refresh_from_db()
    return case


def test_history_of_a_case_closed_longer_than_the_period_is_made_anonymous(closed_case):
    touched = run_retention(closed_case.ended_at + 5 * YEAR + timedelta(days=2))
    assert touched["closed_case_history"] > 0
    names = set(LegalAidRequest.history.filter(id=closed_case.request_id).values_list(
        "full_name", "identity_number", "phone"
    ))  # fmt: skip
    assert names == {(ANONYMOUS, "", "")}
    assert set(Case.history.filter(id=closed_case.pk).values_list("outcome_note", flat=True)) == {
        ""
    }
    request = LegalAidRequest.objects.get(pk=closed_case.request_id)
    assert request.full_name != ANONYMOUS  # the case file itself is kept
    assert request.identity_number


def test_a_recently_closed_case_keeps_its_history(closed_case):
    run_retention(closed_case.ended_at + 4 * YEAR)
    assert ANONYMOUS not in set(
        LegalAidRequest.history.filter(id=closed_case.request_id).values_list(
            "full_name", flat=True
        )
    )


def test_each_centre_sets_its_own_period(closed_case):
    centre = closed_case.centre
    centre.personal_history_years = 1
    centre.save()
    run_retention(closed_case.ended_at + 1 * YEAR + timedelta(days=2))
    assert LegalAidRequest.history.filter(id=closed_case.request_id, full_name=ANONYMOUS).exists()


def test_running_retention_again_touches_nothing_more(closed_case):
    later = closed_case.ended_at + 6 * YEAR
    run_retention(later)
    assert run_retention(later)["closed_case_history"] == 0


def test_expired_sessions_and_old_handled_outbox_rows_are_removed():
    now = timezone.now()
    store = SessionStore()
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=now - YEAR)
    handled = emit("retention_probe")
    events.deliver(handled.pk)
    OutboxMessage.objects.filter(pk=handled.pk).update(processed_at=now - YEAR)
    waiting = emit("retention_probe_waiting")
    counts = run_retention(now)
    assert counts["sessions"] == 1
    assert counts["outbox"] == 1
    assert not Session.objects.filter(session_key=store.session_key).exists()
    assert OutboxMessage.objects.filter(pk=waiting.pk).exists()  # never an unsent one


def test_read_log_rows_are_kept_for_the_audit_period_then_removed(staff, centre):
    from django.contrib.contenttypes.models import ContentType

    from tgpl.audit.models import ReadLog

    now = timezone.now()
    kind = ContentType.objects.get_for_model(LegalAidRequest)
    old, recent = (
        ReadLog.objects.create(
            user=staff, centre=centre, kind="view", label=f"Yêu cầu #{n}", content_type=kind
        )
        for n in (1, 2)
    )
    ReadLog.objects.filter(pk=old.pk).update(created_at=now - 3 * YEAR)
    assert run_retention(now)["read_logs"] == 1
    assert list(ReadLog.objects.values_list("pk", flat=True)) == [recent.pk]
