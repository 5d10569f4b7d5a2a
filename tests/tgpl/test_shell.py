"""Every page of the shell: 200 to a signed-in user, login redirect for anonymous."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SHELL_PAGES = [
    "dashboard",
    "organisation",
    "password_change",
    "password_change_done",
    "plans:index",
    "cases:index",
    "outreach:index",
    "reports:index",
]


@pytest.mark.parametrize("name", SHELL_PAGES)
def test_shell_page_for_a_signed_in_user(client, staff, name):
    client.force_login(staff)
    response = client.get(reverse(name))
    assert response.status_code == 200
    body = response.content.decode()
    for label in ["Kế hoạch", "Yêu cầu &amp; Vụ việc", "Truyền thông", "Báo cáo"]:
        assert label in body


@pytest.mark.parametrize("name", SHELL_PAGES)
def test_shell_page_redirects_anonymous_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_healthz_is_public(client):
    assert client.get(reverse("healthz")).content == b"ok"


def test_pages_are_not_cached_and_carry_a_strict_csp(client, staff):
    client.force_login(staff)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "<script>" not in response.content.decode()  # no inline script


def test_no_asset_comes_from_outside(client, staff):
    client.force_login(staff)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="/static/' in body  # the page links its own assets
    assert "http://" not in body.replace("http://testserver", "")
    assert "https://" not in body


def test_vietnamese_404_page(client, staff, settings):
    settings.DEBUG = False
    client.force_login(staff)
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_organisation_page_shows_only_own_centre(client, staff, professional_office, other_centre):
    from tests.factories import DepartmentFactory

    DepartmentFactory(centre=other_centre, name="Phòng của nơi khác", short_code="X")
    client.force_login(staff)
    body = client.get(reverse("organisation")).content.decode()
    assert "Phòng Nghiệp vụ" in body
    assert "Phòng của nơi khác" not in body


def test_organisation_page_query_count_does_not_grow(
    client, staff, centre, django_assert_num_queries
):
    from tests.factories import DepartmentFactory, UserFactory
    from tgpl.roles import Role

    def add(n):
        for i in range(n):
            dept = DepartmentFactory(centre=centre)
            UserFactory(centre=centre, department=dept, full_name=f"Thành viên {i}")
            UserFactory(centre=centre, full_name=f"Phó Giám đốc {i}", roles=[Role.DEPUTY_DIRECTOR])

    client.force_login(staff)
    add(2)
    # 7, and two for the Ban Giám đốc: the centres and their leaders (issue 12.7)
    with django_assert_num_queries(8):
        client.get(reverse("organisation"))
    add(20)
    with django_assert_num_queries(8):
        client.get(reverse("organisation"))


def test_dates_and_money_are_written_the_vietnamese_way():
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    with translation.override("vi"):
        out = Template("{{ d|date:'SHORT_DATE_FORMAT' }} {{ m|vnd }}").render(
            Context({"d": datetime.date(2021, 1, 20), "m": 177400000})
        )
    assert out == "20/01/2021 177.400.000 đ"


def test_dates_are_typed_as_dd_mm_yyyy():
    import datetime

    from django import forms
    from django.utils import translation

    class F(forms.Form):
        d = forms.DateField()

    with translation.override("vi"):
        form = F({"d": "20/01/2021"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["d"] == datetime.date(2021, 1, 20)
