"""Races that matter, run with real parallel transactions (PostgreSQL only; CI).

SQLite serialises writers on the whole database, so these tests are skipped there.
"""

import threading

import pytest
from django.db import close_old_connections, connection

from cases import services
from cases.models import Assignment, Case
from cases.states import AssignmentStatus
from tests.cases.factories import propose_checked
from tests.factories import UserFactory
from tgpl.errors import BusinessRuleError
from tgpl.roles import Role

from .factories import accepted_case, make_performer, receive

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite has no row locks to race on")


def in_parallel(functions):
    """Run each function in its own thread and DB connection, starting together."""
    barrier = threading.Barrier(len(functions))
    results = [None] * len(functions)

    def run(index, fn):
        try:
            barrier.wait()
            results[index] = ("ok", fn())
        except BusinessRuleError as exc:
            results[index] = ("refused", exc.message)
        except Exception as exc:
            results[index] = ("error", repr(exc))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(functions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def test_parallel_acceptances_get_unique_gap_free_serials(staff, professional_office):
    requests = [receive(staff, full_name=f"Người Số {i}") for i in range(8)]
    results = in_parallel(
        [
            lambda r=r: (
                services.accept_request(actor=staff, request=r, department=professional_office).pk
            )
            for r in requests
        ]
    )
    assert [kind for kind, _ in results] == ["ok"] * 8, results
    serials = sorted(Case.objects.values_list("register_number", flat=True))
    assert serials == list(range(1, 9))
    assert Case.objects.values("code").distinct().count() == 8


def test_same_request_accepted_twice_in_parallel_enters_the_register_once(
    staff, director, professional_office
):
    req = receive(staff)
    results = in_parallel(
        [
            lambda: (
                services.accept_request(actor=staff, request=req, department=professional_office).pk
            ),
            lambda: (
                services.accept_request(
                    actor=director, request=req, department=professional_office
                ).pk
            ),
        ]
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"], results
    assert Case.objects.count() == 1
    assert Case.objects.get().register_number == 1


def test_two_deciders_approving_the_same_proposal_one_wins(
    staff, director, officer, branch, centre
):
    """A branch without a head: the director and a deputy both decide at once."""
    make_performer(officer)
    deputy = UserFactory(centre=centre, full_name="Lương Văn Minh", roles=[Role.DEPUTY_DIRECTOR])
    case = accepted_case(staff, branch)
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    results = in_parallel(
        [
            lambda: services.approve_assignment(actor=director, assignment=assignment).pk,
            lambda: services.approve_assignment(actor=deputy, assignment=assignment).pk,
        ]
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"], results
    refused = next(message for kind, message in results if kind == "refused")
    assert "đã được quyết định" in refused
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.APPROVED
