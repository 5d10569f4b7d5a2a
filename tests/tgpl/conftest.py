"""Personas and a second centre's records for the back-office (admin) tests.

`administrator` keeps the Lạng Sơn centre (A); `other_administrator` keeps the second
centre (B) of the same Sở; `system_administrator` works for the Sở, above the centres,
and keeps the shared catalogues. `centre_b` builds B's records: a department, a director,
a request with its case, a plan with a task, a performer.
"""

from dataclasses import dataclass

import pytest

from tests.factories import DepartmentFactory, UserFactory
from tgpl.roles import Role


@pytest.fixture
def fast_passwords(settings):
    """A cheap hasher for the personas these tests create (use with usefixtures)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def other_administrator(other_centre):
    return UserFactory(
        username="quantri2",
        full_name="Quản Trị Trung Tâm Hai",
        centre=other_centre,
        roles=[Role.ADMINISTRATOR],
    )


@pytest.fixture
def system_administrator(doj):
    return UserFactory(
        username="quantri.tinh",
        full_name="Đặng Thị Thu",
        centre=None,
        agency=doj,
        roles=[Role.SYSTEM_ADMINISTRATOR],
    )


@pytest.fixture
def superuser(db):
    return UserFactory(username="sieuquantri", centre=None, is_superuser=True, is_staff=True)


@dataclass
class CentreRecords:
    department: object
    director: object
    receiver: object
    request: object
    case: object
    plan: object
    task: object
    performer: object


def build_centre_records(centre, *, prefix: str, applicant: str) -> CentreRecords:
    from cases.models import Performer
    from tests.cases.factories import accepted_case, make_performer
    from tests.plans.factories import PlanFactory, PlanItemFactory

    department = DepartmentFactory(centre=centre, name=f"Phòng Nghiệp vụ {prefix}")
    director = UserFactory(
        username=f"giamdoc.{prefix}",
        full_name=f"Giám Đốc {prefix}",
        centre=centre,
        roles=[Role.DIRECTOR],
    )
    receiver = UserFactory(
        username=f"vienchuc.{prefix}",
        full_name=f"Viên Chức {prefix}",
        centre=centre,
        department=department,
        roles=[Role.STAFF, Role.LEGAL_AID_OFFICER],
    )
    case = accepted_case(receiver, department, full_name=applicant)
    plan = PlanFactory(centre=centre, created_by=receiver, title=f"Kế hoạch {prefix}")
    task = PlanItemFactory(plan=plan, title=f"Nhiệm vụ {prefix}")
    performer = make_performer(receiver, Performer.Kind.LEGAL_AID_OFFICER)
    return CentreRecords(
        department=department,
        director=director,
        receiver=receiver,
        request=case.request,
        case=case,
        plan=plan,
        task=task,
        performer=performer,
    )


@pytest.fixture
def centre_a(centre):
    return build_centre_records(centre, prefix="a", applicant="Hoàng Thị Người A")


@pytest.fixture
def centre_b(other_centre):
    return build_centre_records(other_centre, prefix="b", applicant="Lương Văn Người B")
