import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tgpl import roles
from tgpl.models import User
from tgpl.roles import Role

pytestmark = pytest.mark.django_db


def test_administrator_enters_the_vietnamese_admin(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Quản trị hệ thống Trợ giúp pháp lý" in response.content.decode()


@pytest.mark.parametrize("persona", ["director", "staff", "officer", "reviewer"])
def test_other_roles_are_kept_out_of_the_admin(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_administrator_sees_only_own_centre_users(client, administrator, other_centre_staff, staff):
    client.force_login(administrator)
    body = client.get(reverse("admin:tgpl_user_changelist")).content.decode()
    assert staff.full_name in body
    assert other_centre_staff.full_name not in body
    response = client.get(reverse("admin:tgpl_user_change", args=[other_centre_staff.pk]))
    assert response.status_code == 302  # "does not exist" redirect of the admin


def test_administrator_gives_roles_through_the_admin(client, administrator, officer, centre):
    client.force_login(administrator)
    url = reverse("admin:tgpl_user_change", args=[officer.pk])
    response = client.post(
        url,
        {
            "username": officer.username,
            "full_name": officer.full_name,
            "email": "",
            "phone": "",
            "job_title": "",
            "centre": centre.pk,
            "department": officer.department_id,
            "agency": "",
            "roles": [Role.LEGAL_AID_OFFICER, Role.DEPARTMENT_HEAD],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    officer.refresh_from_db()
    roles.forget_roles(officer)
    assert roles.is_department_head(officer)


def test_reviewer_role_without_doj_is_refused_in_the_form(client, administrator, centre):
    client.force_login(administrator)
    target = UserFactory(centre=centre)
    response = client.post(
        reverse("admin:tgpl_user_change", args=[target.pk]),
        {
            "username": target.username,
            "full_name": target.full_name,
            "centre": centre.pk,
            "roles": [Role.DOJ_REVIEWER],
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Chuyên viên Sở Tư pháp phải có cơ quan công tác" in response.content.decode()


def test_people_are_filtered_by_role_with_vietnamese_names(client, administrator, officer, staff):
    client.force_login(administrator)
    response = client.get(reverse("admin:tgpl_user_changelist"), {"role": "legal_aid_officer"})
    body = response.content.decode()
    assert "Trợ giúp viên pháp lý" in body
    assert officer.full_name in body
    assert staff.full_name not in body


def test_favicon_is_served_without_login(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("logo.svg")


# --- the back office writes through the organisation services (issues 10 and 11) -----


def test_administrator_adds_a_person_of_their_centre_recorded_with_their_name(
    client, administrator, centre, admin_office
):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_user_add"),
        {
            "username": "nguoimoi",
            "full_name": "Người Mới Đến",
            "email": "",
            "centre": centre.pk,
            "department": admin_office.pk,
            "agency": "",
            "roles": [Role.STAFF],
            "usable_password": "true",
            "password1": "mot-mat-khau-du-dai-2026",
            "password2": "mot-mat-khau-du-dai-2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    person = User.objects.get(username="nguoimoi")
    assert person.centre == centre
    assert person.search_key  # the service fills it
    assert roles.roles_of(person) == {Role.STAFF}
    first = person.history.earliest("history_date")
    assert first.history_user == administrator
    assert "thêm người dùng" in first.history_change_reason


def test_administrator_cannot_add_a_person_outside_any_centre(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_user_add"),
        {
            "username": "khongtrungtam",
            "full_name": "Không Trung Tâm",
            "centre": "",
            "roles": [],
            "usable_password": "true",
            "password1": "mot-mat-khau-du-dai-2026",
            "password2": "mot-mat-khau-du-dai-2026",
        },
    )
    assert response.status_code == 200
    assert "Bạn chỉ quản lý được dữ liệu của Trung tâm mình." in response.content.decode()
    assert not User.objects.filter(username="khongtrungtam").exists()


def test_administrator_cannot_deactivate_themselves(client, administrator, centre):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_user_change", args=[administrator.pk]),
        {
            "username": administrator.username,
            "full_name": administrator.full_name,
            "centre": centre.pk,
            "roles": [Role.ADMINISTRATOR],
        },
    )
    assert response.status_code == 200
    assert "Không thể tự khóa tài khoản của chính mình." in response.content.decode()
    administrator.refresh_from_db()
    assert administrator.is_active


def test_department_edit_is_recorded_with_the_administrator_and_a_reason(
    client, administrator, admin_office
):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_department_change", args=[admin_office.pk]),
        {
            "centre": admin_office.centre_id,
            "kind": admin_office.kind,
            "name": "Phòng Hành chính – Tổng hợp (mới)",
            "short_code": admin_office.short_code,
            "position": 0,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    record = admin_office.history.first()
    assert record.history_user == administrator
    assert record.name == "Phòng Hành chính – Tổng hợp (mới)"
    assert record.history_change_reason.startswith("Trang quản trị: sửa phòng, chi nhánh")


def test_administrator_of_another_centre_cannot_open_our_people(client, other_administrator, staff):
    client.force_login(other_administrator)
    assert client.get(reverse("admin:tgpl_user_change", args=[staff.pk])).status_code == 302
    response = client.post(
        reverse("admin:tgpl_user_change", args=[staff.pk]),
        {"username": staff.username, "full_name": "Bị sửa", "is_active": ""},
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.full_name == "Hoàng Văn Nam"
    assert staff.is_active
