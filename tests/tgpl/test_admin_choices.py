"""Every foreign-key, many-to-many and raw-id choice of the admin is the centre's (issue 11).

Selects listed every centre's users and departments, and raw ids accepted other centres'
objects. The scoping mixin offers only the administrator's centre's rows and refuses
anything else with a Vietnamese error.
"""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import DepartmentFactory, UserFactory
from tgpl.admin import OrganisationAdmin
from tgpl.admin.scoping import OUTSIDE_CENTRE_CHOICE
from tgpl.models import Department
from tgpl.roles import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def test_user_form_offers_only_own_centres_departments(client, administrator, centre_a, centre_b):
    client.force_login(administrator)
    body = client.get(reverse("admin:tgpl_user_add")).content.decode()
    assert centre_a.department.name in body
    assert centre_b.department.name not in body
    assert "Trung tâm Trợ giúp pháp lý nhà nước số 2" not in body  # B is no centre to pick


def test_department_form_offers_only_own_centres_people_as_head(
    client, administrator, centre_a, centre_b
):
    client.force_login(administrator)
    url = reverse("admin:tgpl_department_change", args=[centre_a.department.pk])
    body = client.get(url).content.decode()
    assert centre_a.director.full_name in body
    assert centre_b.director.full_name not in body


def test_performer_form_offers_only_own_centres_people(client, administrator, centre_a, centre_b):
    client.force_login(administrator)
    body = client.get(reverse("admin:cases_performer_add")).content.decode()
    assert centre_a.director.full_name in body
    assert centre_b.director.full_name not in body


def test_head_from_another_centre_is_refused_in_vietnamese(
    client, administrator, centre_a, centre_b
):
    department = centre_a.department
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_department_change", args=[department.pk]),
        {
            "centre": department.centre_id,
            "kind": department.kind,
            "name": department.name,
            "short_code": department.short_code,
            "head": centre_b.director.pk,
            "position": 0,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert OUTSIDE_CENTRE_CHOICE in response.content.decode()
    department.refresh_from_db()
    assert department.head_id is None


def test_department_cannot_be_moved_into_another_centre(
    client, administrator, centre_a, other_centre
):
    department = centre_a.department
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_department_change", args=[department.pk]),
        {
            "centre": other_centre.pk,
            "kind": department.kind,
            "name": department.name,
            "short_code": department.short_code,
            "position": 0,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert OUTSIDE_CENTRE_CHOICE in response.content.decode()
    department.refresh_from_db()
    assert department.centre_id == centre_a.department.centre_id


def test_person_cannot_be_moved_into_another_centres_department(
    client, administrator, staff, centre_b
):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_user_change", args=[staff.pk]),
        {
            "username": staff.username,
            "full_name": staff.full_name,
            "centre": staff.centre_id,
            "department": centre_b.department.pk,
            "roles": ["staff"],
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert OUTSIDE_CENTRE_CHOICE in response.content.decode()
    staff.refresh_from_db()
    assert staff.department.centre_id == staff.centre_id


def test_performer_of_another_centres_person_is_refused(client, administrator, centre_b):
    from cases.models import Performer

    client.force_login(administrator)
    response = client.post(
        reverse("admin:cases_performer_add"),
        {
            "user": centre_b.director.pk,
            "centre": administrator.centre_id,
            "kind": "legal_aid_officer",
            "is_active": "on",
            "contracts-TOTAL_FORMS": "0",
            "contracts-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert OUTSIDE_CENTRE_CHOICE in response.content.decode()
    assert not Performer.objects.filter(user=centre_b.director).exists()


class RawHeadAdmin(OrganisationAdmin):
    """A department admin with the head as a raw id, built on the same mixin."""

    raw_id_fields = ["head"]
    fields = ["centre", "kind", "name", "short_code", "head", "position", "is_active"]


def _raw_form(user, head):
    request = RequestFactory().get("/")
    request.user = user
    model_admin = RawHeadAdmin(Department, admin.site)
    form_class = model_admin.get_form(request)
    return form_class(
        {
            "centre": user.centre_id,
            "kind": "office",
            "name": "Phòng thử raw id",
            "short_code": "RAW",
            "head": head.pk,
            "position": 0,
        }
    )


def test_raw_id_of_another_centres_person_is_refused_in_vietnamese(
    administrator, centre_a, centre_b
):
    refused = _raw_form(administrator, centre_b.director)
    assert not refused.is_valid()
    assert refused.errors["head"] == [OUTSIDE_CENTRE_CHOICE]
    assert centre_b.director.full_name not in str(refused["head"])  # not even named back
    head = UserFactory(  # a department's head holds the head role (services)
        username="truongphong.a",
        full_name="Trưởng Phòng a",
        centre=centre_a.department.centre,
        department=centre_a.department,
        roles=[Role.DEPARTMENT_HEAD],
    )
    accepted = _raw_form(administrator, head)
    assert accepted.is_valid(), accepted.errors
    assert head.full_name in str(accepted["head"])


def test_changelist_filters_list_only_own_centres_departments(
    client, administrator, centre_a, centre_b
):
    client.force_login(administrator)
    response = client.get(reverse("admin:tgpl_user_changelist"))
    body = response.content.decode()
    assert response.status_code == 200
    assert centre_a.department.name in body
    assert centre_b.department.name not in body


def test_superuser_is_offered_every_centres_rows(client, superuser, centre_a, centre_b):
    client.force_login(superuser)
    body = client.get(reverse("admin:tgpl_user_add")).content.decode()
    assert centre_a.department.name in body
    assert centre_b.department.name in body


def test_contract_renewal_offers_only_own_centres_contracts(
    client, administrator, lawyer, other_centre
):
    from cases.models import Performer
    from tests.cases.factories import make_performer

    own = make_performer(lawyer, Performer.Kind.CONTRACTED_LAWYER)
    stranger = UserFactory(username="luatsu.b", centre=other_centre, roles=["contracted_lawyer"])
    theirs = make_performer(stranger, Performer.Kind.CONTRACTED_LAWYER)
    own_contract, their_contract = own.contracts.get(), theirs.contracts.get()
    DepartmentFactory(centre=other_centre)
    client.force_login(administrator)
    body = client.get(reverse("admin:cases_performer_change", args=[own.pk])).content.decode()
    assert str(own_contract) in body  # offered as what the contract renews
    assert their_contract.number not in body
