"""django-simple-history's admin views, scoped like the pages (issue 11, Critical).

An administrator of centre A opened B's applicant through the history form, and its
POST ("revert") wrote across centres. Now: B's history lists and versions are not found,
a version is read-only, a POST on it changes nothing, and its choices list no other
centre's rows.
"""

import pytest
from django.urls import reverse

from tgpl import roles
from tgpl.models import Centre

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def history_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def version_url(obj, record=None):
    opts = obj._meta
    record = record or obj.history.first()
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[obj.pk, record.history_id],
    )


def b_objects(b):
    return {
        "request": b.request,
        "case": b.case,
        "director": b.director,
        "department": b.department,
        "centre": Centre.objects.get(pk=b.department.centre_id),
        "plan": b.plan,
        "task": b.task,
        "performer": b.performer,
    }


@pytest.mark.parametrize(
    "name", ["request", "case", "director", "department", "centre", "plan", "task", "performer"]
)
def test_centre_admin_cannot_open_another_centres_history_list(
    client, administrator, centre_b, name
):
    obj = b_objects(centre_b)[name]
    client.force_login(administrator)
    assert client.get(history_url(obj)).status_code == 404


@pytest.mark.parametrize(
    "name", ["request", "case", "director", "department", "centre", "plan", "task", "performer"]
)
def test_centre_admin_cannot_open_another_centres_history_version(
    client, administrator, centre_b, name
):
    obj = b_objects(centre_b)[name]
    client.force_login(administrator)
    response = client.get(version_url(obj))
    assert response.status_code == 404
    assert centre_b.request.full_name not in response.content.decode()


def test_centre_admin_reads_own_centres_request_history(client, administrator, centre_a):
    client.force_login(administrator)
    response = client.get(history_url(centre_a.request))
    assert response.status_code == 200
    assert "Hoàng Thị Người A" in response.content.decode()
    response = client.get(version_url(centre_a.request))
    assert response.status_code == 200
    assert "Hoàng Thị Người A" in response.content.decode()


def test_history_of_another_centres_deleted_object_is_not_found(
    client, administrator, other_centre, centre_a
):
    from tests.factories import DepartmentFactory

    gone = DepartmentFactory(centre=other_centre, name="Phòng đã giải thể B")
    own_gone = DepartmentFactory(centre=centre_a.department.centre, name="Phòng đã giải thể A")
    gone_id, own_id = gone.pk, own_gone.pk
    gone.delete()
    own_gone.delete()
    client.force_login(administrator)
    b_url = reverse("admin:tgpl_department_history", args=[gone_id])
    a_url = reverse("admin:tgpl_department_history", args=[own_id])
    assert client.get(b_url).status_code == 404
    assert client.get(a_url).status_code == 200


def test_history_lists_only_records_made_while_the_person_belonged_to_the_centre(
    client, administrator, centre, other_centre
):
    from tests.factories import UserFactory

    person = UserFactory(username="chuyenden", full_name="Người Chuyển Đến", centre=other_centre)
    person.job_title = "Chức danh bí mật ở Trung tâm B"
    person.save()
    person.centre = centre
    person.job_title = "Viên chức"
    person.save()
    client.force_login(administrator)
    response = client.get(history_url(person))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Người Chuyển Đến" in body
    assert "Chức danh bí mật ở Trung tâm B" not in body
    current = person.history.filter(centre=centre).get()
    assert client.get(version_url(person, current)).status_code == 200
    for old in person.history.filter(centre=other_centre):
        assert client.get(version_url(person, old)).status_code == 404


def test_posting_a_history_version_changes_nothing(client, administrator, centre_a, centre_b):
    client.force_login(administrator)
    own = centre_a.request
    theirs = centre_b.request
    for obj in (own, theirs):
        before = obj.history.count()
        response = client.post(
            version_url(obj),
            {"full_name": "Đã bị sửa", "centre": administrator.centre_id, "status": "refused"},
        )
        assert response.status_code == 405
        obj.refresh_from_db()
        assert obj.full_name != "Đã bị sửa"
        assert obj.history.count() == before
    director = centre_b.director
    response = client.post(version_url(director), {"is_active": "", "username": "x"})
    assert response.status_code == 405
    director.refresh_from_db()
    assert director.is_active


def test_a_version_is_read_only_with_no_revert_button(client, administrator, centre_a):
    client.force_login(administrator)
    response = client.get(version_url(centre_a.case))
    body = response.content.decode()
    assert response.status_code == 200
    assert centre_a.case.code in body
    assert 'name="_save"' not in body  # the revert button
    assert "<select" not in body
    assert 'name="code"' not in body


def test_case_version_lists_no_applicant_of_another_centre(
    client, administrator, centre_a, centre_b
):
    client.force_login(administrator)
    response = client.get(version_url(centre_a.case))
    body = response.content.decode()
    assert response.status_code == 200
    assert centre_a.request.full_name in body
    assert centre_b.request.full_name not in body


def test_superuser_reads_every_centres_history(client, superuser, centre_b):
    client.force_login(superuser)
    assert client.get(history_url(centre_b.request)).status_code == 200
    assert client.get(version_url(centre_b.case)).status_code == 200


def test_revert_stays_disabled_for_a_superuser(client, superuser, centre_b):
    client.force_login(superuser)
    case = centre_b.case
    response = client.post(version_url(case), {"code": "TT.SUA.01.2026", "status": "closed"})
    assert response.status_code == 405
    case.refresh_from_db()
    assert case.code != "TT.SUA.01.2026"


def test_applicants_history_is_closed_to_a_role_that_may_not_see_personal_data(
    client, administrator, centre_a, monkeypatch
):
    monkeypatch.setattr(roles, "can_see_personal_data", lambda user: False)
    client.force_login(administrator)
    for obj in (centre_a.request, centre_a.case):
        for url in (history_url(obj), version_url(obj)):
            response = client.get(url)
            assert response.status_code == 403, url
            assert centre_a.request.full_name not in response.content.decode()
    assert client.get(history_url(centre_a.department)).status_code == 200


def test_history_urls_with_a_bad_id_are_not_found(client, administrator, centre_a):
    client.force_login(administrator)
    bad = reverse("admin:cases_case_simple_history", args=[centre_a.case.pk, "abc"])
    assert client.get(bad).status_code == 404
    assert client.get(reverse("admin:cases_case_history", args=["abc"])).status_code == 404
