import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tgpl.roles import Role

pytestmark = pytest.mark.django_db


def post_login(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_login_page_is_vietnamese_and_public(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="vi">' in body
    assert "Đăng nhập hệ thống" in body
    assert "Tên đăng nhập" in body
    assert "Mật khẩu" in body


def test_login_lands_on_the_dashboard(client, staff):
    response = post_login(client, "vienchuc", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    page = client.get(reverse("dashboard"))
    assert "Xin chào, Hoàng Văn Nam" in page.content.decode()


def test_wrong_password_keeps_the_username_and_says_why(client, staff):
    response = post_login(client, "vienchuc", "sai-mat-khau-roi")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in body
    assert 'value="vienchuc"' in body


def test_repeated_failures_lock_the_user_at_that_address_only(client, staff, settings):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit):
        post_login(client, "vienchuc", "sai-mat-khau-roi", address="10.0.0.7")
    locked = post_login(client, "vienchuc", PASSWORD, address="10.0.0.7")
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    # The same office address still lets a colleague in ...
    colleague = UserFactory(username="dongnghiep", centre=staff.centre, roles=[Role.STAFF])
    assert post_login(client, colleague.username, PASSWORD, address="10.0.0.7").status_code == 302
    client.logout()
    # ... and the same user from another machine's address.
    assert post_login(client, "vienchuc", PASSWORD, address="10.0.0.8").status_code == 302


def test_logout_needs_post_and_ends_the_session(client, staff):
    client.force_login(staff)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302


def test_password_change_requires_twelve_characters(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "ngan-qua-1", "new_password2": "ngan-qua-1"},
    )
    assert response.status_code == 200
    assert "12" in response.content.decode()
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "mot-mat-khau-du-dai-2026",
            "new_password2": "mot-mat-khau-du-dai-2026",
        },
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("mot-mat-khau-du-dai-2026")


def test_session_expires_after_thirty_idle_minutes(client, staff):
    # The idle timeout with a polling tab: tests/security/test_idle_session.py.
    client.force_login(staff)
    client.get(reverse("dashboard"))
    assert client.session.get_expiry_age() == 30 * 60
