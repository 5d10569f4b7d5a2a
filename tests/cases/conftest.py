"""Fixtures of the cases tests: performers' profiles and a branch over the shared personas."""

import pytest

from cases.models import Performer
from tests.factories import DepartmentFactory, UserFactory
from tgpl.models import Department
from tgpl.roles import Role

from .factories import make_performer


@pytest.fixture
def branch(centre):
    return DepartmentFactory(
        centre=centre, name="Chi nhánh số 1", short_code="CN1", kind=Department.Kind.BRANCH
    )


@pytest.fixture
def branch_head(branch):
    user = UserFactory(
        username="truongcn1",
        full_name="Hà Văn Dũng",
        centre=branch.centre,
        department=branch,
        roles=[Role.DEPARTMENT_HEAD, Role.LEGAL_AID_OFFICER],
    )
    branch.head = user
    branch.save()
    return user


@pytest.fixture
def officer_profile(officer):
    return make_performer(officer)


@pytest.fixture
def head_profile(head):
    return make_performer(head)


@pytest.fixture
def lawyer_profile(lawyer):
    return make_performer(lawyer, Performer.Kind.CONTRACTED_LAWYER)


@pytest.fixture
def collaborator_profile(collaborator):
    return make_performer(collaborator, Performer.Kind.COLLABORATOR)


@pytest.fixture
def performers(officer_profile, head_profile, lawyer_profile, collaborator_profile):
    return [officer_profile, head_profile, lawyer_profile, collaborator_profile]
