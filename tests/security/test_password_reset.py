"""Getting a password back (issue 12.7): by e-mail through Django's own reset flow, and
from the administrator, who gives a temporary password to change at the next sign-in."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tgpl.errors import BusinessRuleError
from tgpl.roles import Role
from tgpl.security.reset import set_temporary_password

pytestmark = pytest.mark.django_db

RESET = reverse("password_reset")
NEW_PASSWORD = "Một mật khẩu mới thật dài 2026"


@pytest.fixture(autouse=True)
def _empty_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def person(staff):
    staff.email = "nam.hv@tgpl.langson.gov.vn"
    staff.save()
    return staff


def ask(address, client=None, remote="10.0.0.9"):
    return (client or Client()).post(RESET, {"email": address}, REMOTE_ADDR=remote)


def test_the_login_page_links_to_the_reset(client, db):
    assert RESET in client.get(reverse("login")).content.decode()


def test_reset_by_email_sends_a_link_from_the_site_address_and_sets_the_new_password(
    person, settings
):
    settings.SITE_URL = "http://tgpl.langson.local:8080"
    person.must_change_password = True
    person.save()
    response = ask("Nam.HV@tgpl.langson.gov.vn")
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert "Đặt lại mật khẩu" in message.subject
    link = re.search(
        r"http://tgpl\.langson\.local:8080(/accounts/password/reset/\S+)", message.body
    )
    assert link, message.body
    client = Client()
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    assert "Đặt mật khẩu mới" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    assert done.url == reverse("password_reset_complete")
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert not person.must_change_password
    assert person.history.first().history_change_reason == "Đặt lại mật khẩu qua thư điện tử"
    again = client.get(link.group(1), follow=True)  # the link works once
    assert "không còn dùng được" in again.content.decode()


def test_the_new_password_follows_the_password_rules(person):
    ask(person.email)
    path = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    client = Client()
    form = client.get(path, follow=True)
    response = client.post(
        form.redirect_chain[-1][0], {"new_password1": "12345678", "new_password2": "12345678"}
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(person):
    known = ask(person.email, remote="10.0.0.1")
    unknown = ask("khong-ai-ca@example.vn", remote="10.0.0.2")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert len(mail.outbox) == 1
    page = Client().get(unknown.url).content.decode()
    assert "Nếu địa chỉ vừa nhập thuộc một tài khoản" in page


def test_an_inactive_account_gets_no_mail(person):
    person.is_active = False
    person.save()
    assert ask(person.email).status_code == 302
    assert mail.outbox == []


def test_reset_requests_are_limited_per_address(person, settings):
    settings.PASSWORD_RESET_LIMIT = 2
    for _ in range(2):
        assert ask(person.email, remote="10.0.0.5").status_code == 302
    refused = ask(person.email, remote="10.0.0.5")
    assert refused.status_code == 429
    assert "quá nhiều lần" in refused.content.decode()
    assert len(mail.outbox) == 2
    assert ask(person.email, remote="10.0.0.6").status_code == 302  # another machine


def test_behind_a_proxy_each_client_is_counted_apart(person, settings):
    settings.PASSWORD_RESET_LIMIT = 1
    settings.AXES_IPWARE_PROXY_COUNT = 0
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

    def via_proxy(client_ip):
        return Client().post(
            RESET, {"email": person.email}, REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR=client_ip
        )

    assert via_proxy("192.168.1.20").status_code == 302
    assert via_proxy("192.168.1.21").status_code == 302
    assert via_proxy("192.168.1.20").status_code == 429


def test_admin_gives_a_temporary_password_to_change_at_next_sign_in(client, administrator, staff):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_user_changelist"),
        {"action": "set_temporary_password_action", "_selected_action": [staff.pk]},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    shown = re.search(r"<code>([a-z2-9-]{19})</code>", response.content.decode()).group(1)
    staff.refresh_from_db()
    assert staff.check_password(shown)
    assert staff.must_change_password
    record = staff.history.first()
    assert record.history_user == administrator
    assert record.history_change_reason.startswith("Quản trị cấp mật khẩu tạm thời")
    person = Client()
    signed_in = person.post(
        reverse("login"), {"username": staff.username, "password": shown}, REMOTE_ADDR="10.0.0.3"
    )
    assert signed_in.status_code == 302
    assert person.get(reverse("dashboard")).url == reverse("password_change")


def test_only_the_administrator_of_the_persons_centre_gives_a_temporary_password(
    administrator, director, other_centre_staff, staff
):
    with pytest.raises(BusinessRuleError):
        set_temporary_password(user=other_centre_staff, actor=administrator)
    with pytest.raises(BusinessRuleError):
        set_temporary_password(user=staff, actor=director)
    other_centre_staff.refresh_from_db()
    assert other_centre_staff.check_password(PASSWORD)


def test_a_temporary_password_is_accepted_by_the_password_rules(staff, administrator):
    from django.contrib.auth.password_validation import validate_password

    password = set_temporary_password(user=staff, actor=administrator)
    validate_password(password, staff)  # raises when a rule refuses it


def test_the_organisation_page_shows_the_ban_giam_doc_above_the_departments(
    login, director, head, centre
):
    deputy = UserFactory(
        username="pgd", full_name="Lộc Văn Phó", centre=centre, roles=[Role.DEPUTY_DIRECTOR]
    )
    html = login(head).get(reverse("organisation")).content.decode()
    board = html.index("Ban Giám đốc")
    assert board < html.index(director.full_name) < html.index(deputy.full_name)
    assert html.index(deputy.full_name) < html.index("Phòng Nghiệp vụ")
    assert "Phó Giám đốc" in html[html.index(deputy.full_name) - 200 : html.index(deputy.full_name)]


def test_the_login_page_names_the_software_and_the_centre_not_the_host(client, centre, settings):
    settings.SITE_NAME = "Phần mềm quản lý Trợ giúp pháp lý"
    html = client.get(reverse("login"), HTTP_HOST="localhost").content.decode()
    band = html[html.index("app-band") : html.index("</header>")]
    assert "PHẦN MỀM QUẢN LÝ TRỢ GIÚP PHÁP LÝ" in band
    assert centre.name.upper() in band
    assert "localhost" not in band.lower()


def test_the_login_page_names_the_centre_of_the_setting_among_several(
    client, centre, other_centre, settings
):
    settings.CENTRE_NAME = other_centre.name
    html = client.get(reverse("login")).content.decode()
    assert other_centre.name.upper() in html
    assert centre.name.upper() not in html
