"""The error pages under production settings (DEBUG=false): Vietnamese, in the layout."""

from types import SimpleNamespace

import pytest
from django.test import Client, override_settings
from django.urls import path, reverse

from tgpl import urls as project_urls

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("a bug")


def forbidden(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


urlpatterns = [
    *project_urls.urlpatterns,
    path("test-errors/boom/", boom),
    path("test-errors/forbidden/", forbidden),
]
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500

production = override_settings(DEBUG=False, ROOT_URLCONF=__name__)


def assert_vietnamese_page(response, status, *phrases):
    assert response.status_code == status
    body = response.content.decode()
    assert '<html lang="vi">' in body
    assert "app-band" in body  # the application's layout
    for phrase in phrases:
        assert phrase in body, phrase
    for english in ("Bad Request", "Forbidden", "Not Found", "Server Error", "CSRF verification"):
        assert english not in body


@production
def test_404_page(client, staff):
    client.force_login(staff)
    response = client.get("/khong-co-trang-nay/")
    assert_vietnamese_page(response, 404, "Không tìm thấy trang")


@production
def test_403_page(client, staff):
    client.force_login(staff)
    response = client.get("/test-errors/forbidden/")
    assert_vietnamese_page(response, 403, "Bạn không có quyền truy cập trang này.")


@production
def test_400_page_for_a_request_the_server_cannot_take(client):
    response = client.get(reverse("login"), HTTP_HOST="ten-mien-la.example")
    assert_vietnamese_page(response, 400, "Yêu cầu không hợp lệ")


@production
def test_413_page_for_a_form_over_the_data_limit(client, staff):
    client.force_login(staff)
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024 * 1024):
        response = client.post(reverse("password_change"), {"old_password": "x" * 2 * 1024 * 1024})
    assert_vietnamese_page(response, 413, "Dữ liệu gửi lên quá lớn", "1 MB")


@production
def test_413_page_for_a_body_announced_over_the_request_limit(client, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff)
    upload = SimpleUploadedFile("lon.pdf", b"%PDF-1.4 " + b"0" * (2 * 1024 * 1024))
    with override_settings(REQUEST_MAX_MB=1):
        response = client.post(reverse("password_change"), {"file": upload})
    assert_vietnamese_page(response, 413, "Dữ liệu gửi lên quá lớn", "giới hạn 1 MB")


@production
def test_500_page_needs_no_request_and_no_database(staff):
    client = Client(raise_request_exception=False)
    client.force_login(staff)
    response = client.get("/test-errors/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Hệ thống gặp lỗi" in body
    assert "Dữ liệu của bạn chưa bị thay đổi" in body
    assert "Server Error" not in body


@production
def test_500_page_falls_back_to_plain_vietnamese_when_its_template_fails(staff, monkeypatch):
    from tgpl import error_views

    def broken(name):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(error_views, "loader", SimpleNamespace(get_template=broken))
    client = Client(raise_request_exception=False)
    client.force_login(staff)
    response = client.get("/test-errors/boom/")
    assert response.status_code == 500
    assert "Hệ thống gặp lỗi" in response.content.decode()


@production
def test_csrf_failure_page(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = client.post(reverse("password_change"), {"old_password": "x"})
    assert_vietnamese_page(response, 403, "Biểu mẫu đã hết hạn", "chưa được lưu")
