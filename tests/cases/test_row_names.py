"""The names a list's rows print (department, legal field, performer) come from the kept
catalogue of names, not from joins: a renamed department or person shows at once, and
a row whose name the catalogue lacks still shows it."""

import pytest
from django.urls import reverse

from cases import selectors, selectors_rows
from cases.models import Case
from tgpl import services as organisation
from tgpl.models import Department

from .factories import accepted_case, make_performer

pytestmark = pytest.mark.django_db


def rows(user):
    return list(selectors_rows.case_rows(user, selectors.case_list(user, selectors.Filters())))


@pytest.fixture
def assigned(staff, officer, professional_office):
    make_performer(officer)
    case = accepted_case(staff, professional_office)
    Case.objects.filter(pk=case.pk).update(performer=officer)
    return case


def test_a_row_prints_the_names_of_its_department_field_and_performer(
    director, assigned, officer, professional_office
):
    (row,) = rows(director)
    assert row["department_name"] == professional_office.name
    assert row["performer_name"] == officer.full_name
    assert row["legal_field_name"] == assigned.request.legal_field.name
    assert not {"department_id", "performer_id", "legal_field_id"} & set(row)


@pytest.mark.usefixtures("catalogues_kept")
def test_a_renamed_department_or_person_shows_on_the_next_page(
    login, director, administrator, assigned, officer, professional_office
):
    client = login(director)
    assert professional_office.name in client.get(reverse("cases:case_list")).content.decode()
    professional_office.name = "Phòng Nghiệp vụ và Tố tụng"
    organisation.save_organisation_record(obj=professional_office, actor=administrator)
    officer.full_name = "Lăng Thị Mai Anh"
    organisation.save_organisation_record(obj=officer, actor=administrator)
    page = client.get(reverse("cases:case_list")).content.decode()
    assert "Phòng Nghiệp vụ và Tố tụng" in page
    assert "Lăng Thị Mai Anh" in page


@pytest.mark.usefixtures("catalogues_kept")
def test_a_name_the_kept_catalogue_lacks_is_read(director, assigned, staff, centre):
    rows(director)  # the catalogue of names is kept now
    # written around the ORM's signals: the kept catalogue does not know it
    (branch,) = Department.objects.bulk_create(
        [Department(centre=centre, name="Chi nhánh số 3", short_code="CN3", kind="branch")]
    )
    Case.objects.filter(pk=assigned.pk).update(department=branch)
    (row,) = rows(director)
    assert row["department_name"] == "Chi nhánh số 3"


def test_a_case_without_a_performer_prints_none(director, staff, professional_office):
    accepted_case(staff, professional_office)
    (row,) = rows(director)
    assert row["performer_name"] is None
