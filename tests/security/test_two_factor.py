"""Two-factor sign-in (TOTP) for administrators and the director."""

import datetime as dt

import pytest
import time_machine
from django.contrib import admin
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, UserFactory
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.roles import Role
from tgpl.security import two_factor
from tgpl.security.admin_actions import reset_two_factor_action

pytestmark = [pytest.mark.django_db, pytest.mark.two_factor]

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def code_for(device, at=None) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = (at or dt.datetime.now(dt.UTC)).timestamp()
    return f"{totp.token():06d}"


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def test_administrators_and_the_director_need_two_factors_and_others_do_not(
    director, administrator, staff, head, reviewer, centre
):
    deputy = UserFactory(username="phogiamdoc", centre=centre, roles=[Role.DEPUTY_DIRECTOR])
    superuser = UserFactory(username="goc", centre=None, is_superuser=True)
    assert roles.requires_two_factor(director)
    assert roles.requires_two_factor(administrator)
    assert roles.requires_two_factor(superuser)
    for user in (staff, head, reviewer, deputy):
        assert not roles.requires_two_factor(user), user.username


@pytest.mark.parametrize("page", ["dashboard", "cases:index", "plans:index", "admin:index"])
def test_after_the_password_the_director_must_enrol_before_any_other_page(client, director, page):
    client.force_login(director)
    response = client.get(reverse(page))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_enrol") + "?next=")


def test_the_password_login_of_an_administrator_leads_to_the_enrolment(client, administrator):
    response = client.post(
        reverse("login"), {"username": "quantri", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(reverse("two_factor_enrol"))
    assert "Đăng ký xác thực hai lớp" in response.content.decode()


def test_people_without_the_requirement_go_straight_in(client, staff):
    client.force_login(staff)
    assert client.get(reverse("dashboard")).status_code == 200


def test_the_enrolment_page_draws_the_qr_code_here_and_gives_the_key(client, director):
    client.force_login(director)
    body = client.get(reverse("two_factor_enrol")).content.decode()
    assert 'src="data:image/svg+xml;base64,' in body
    assert "http://" not in body.split("<body", 1)[1].replace("http://www.w3.org", "")
    device = TOTPDevice.objects.get(user=director, confirmed=False)
    assert two_factor.secret_of(device) in body
    # A reload keeps the same key, so a code scanned before still works.
    client.get(reverse("two_factor_enrol"))
    assert TOTPDevice.objects.filter(user=director).count() == 1


def test_a_right_code_confirms_the_enrolment_and_opens_the_pages(client, director):
    client.force_login(director)
    client.get(reverse("two_factor_enrol"))
    device = TOTPDevice.objects.get(user=director)
    response = client.post(
        reverse("two_factor_enrol"), {"code": code_for(device), "next": reverse("cases:index")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:index")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("dashboard")).status_code == 200
    last = director.history.order_by("-history_id").first()
    assert last.history_change_reason == "Đăng ký xác thực hai lớp"
    assert last.history_user_id == director.pk


def test_a_wrong_code_does_not_confirm_and_says_why(client, director):
    client.force_login(director)
    client.get(reverse("two_factor_enrol"))
    response = client.post(reverse("two_factor_enrol"), {"code": "000000"})
    assert response.status_code == 400
    assert "Mã không đúng" in response.content.decode()
    assert not TOTPDevice.objects.get(user=director).confirmed
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_code_must_be_six_digits(client, director):
    client.force_login(director)
    response = client.post(reverse("two_factor_enrol"), {"code": "12ab"})
    assert "Mã xác thực gồm đúng 6 chữ số." in response.content.decode()


def test_an_enrolled_director_types_a_code_at_each_sign_in(client, director, clock):
    device = enrolled(director)
    client.force_login(director)
    response = client.get(reverse("plans:index"))
    assert response["Location"].startswith(reverse("two_factor_verify"))
    # The enrolment page cannot replace the device with the password alone.
    assert client.get(reverse("two_factor_enrol"))["Location"].startswith(
        reverse("two_factor_verify")
    )
    wrong = client.post(reverse("two_factor_verify"), {"code": "000000"})
    assert "Mã không đúng" in wrong.content.decode()
    clock.shift(dt.timedelta(seconds=2))  # django-otp waits 1 s after one failure
    ok = client.post(
        reverse("two_factor_verify"), {"code": code_for(device), "next": reverse("plans:index")}
    )
    assert ok["Location"] == reverse("plans:index")
    assert client.get(reverse("plans:index")).status_code == 200


def test_wrong_codes_slow_the_next_tries_down_and_the_count_is_kept(client, director):
    """Each failure is committed although the service refuses (no rollback of the count)."""
    device = enrolled(director)
    client.force_login(director)
    for _ in range(3):
        client.post(reverse("two_factor_verify"), {"code": "000000"})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the next two came inside the wait
    right_too_soon = client.post(reverse("two_factor_verify"), {"code": code_for(device)})
    assert "chờ 1 giây" in right_too_soon.content.decode()
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_used_code_cannot_be_replayed(client, director, centre):
    device = enrolled(director)
    code = code_for(device)
    client.force_login(director)
    client.post(reverse("two_factor_verify"), {"code": code})
    other = client.__class__()
    other.force_login(director)
    replay = other.post(reverse("two_factor_verify"), {"code": code})
    assert replay.status_code == 400


def test_the_bells_poll_of_an_unverified_session_redirects_the_whole_page(client, director):
    client.force_login(director)
    response = client.get(
        reverse("notifications_bell"),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/cases/",
    )
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("two_factor_enrol"))


def test_signing_out_stays_possible_at_the_gate(client, director):
    client.force_login(director)
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_centres_administrator_resets_a_lost_device_with_a_record(director, administrator):
    enrolled(director)
    removed = two_factor.reset_two_factor(
        user=director, actor=administrator, reason="Mất điện thoại ngày 01/03"
    )
    assert removed == 1
    assert not TOTPDevice.objects.filter(user=director).exists()
    last = director.history.order_by("-history_id").first()
    assert last.history_user_id == administrator.pk
    assert last.history_change_reason == "Đặt lại xác thực hai lớp: Mất điện thoại ngày 01/03"


def test_after_a_reset_the_signed_in_session_must_enrol_again(client, director, administrator):
    device = enrolled(director)
    client.force_login(director)
    client.post(reverse("two_factor_verify"), {"code": code_for(device)})
    assert client.get(reverse("dashboard")).status_code == 200
    two_factor.reset_two_factor(user=director, actor=administrator, reason="Mất điện thoại")
    response = client.get(reverse("dashboard"))
    assert response["Location"].startswith(reverse("two_factor_enrol"))


def test_only_an_administrator_of_the_users_centre_may_reset(director, staff, other_centre):
    other_admin = UserFactory(
        username="quantrikhac", centre=other_centre, roles=[Role.ADMINISTRATOR]
    )
    enrolled(director)
    for actor in (staff, other_admin):
        with pytest.raises(BusinessRuleError):
            two_factor.reset_two_factor(user=director, actor=actor, reason="thử")
    assert TOTPDevice.objects.filter(user=director).exists()


def test_a_reset_needs_a_reason(director, administrator):
    with pytest.raises(BusinessRuleError, match="lý do"):
        two_factor.reset_two_factor(user=director, actor=administrator, reason="  ")


def test_the_admin_action_resets_and_reports_each_user(director, administrator, other_centre):
    stranger = UserFactory(username="nguoikhac", centre=other_centre, roles=[Role.DIRECTOR])
    enrolled(director)
    enrolled(stranger)
    request = RequestFactory().post("/admin/tgpl/user/")
    request.user = administrator
    request.session = {}
    request._messages = FallbackStorage(request)
    model_admin = admin.site._registry[type(director)]
    queryset = type(director).objects.filter(pk__in=[director.pk, stranger.pk])
    reset_two_factor_action(model_admin, request, queryset)
    assert not TOTPDevice.objects.filter(user=director).exists()
    assert TOTPDevice.objects.filter(user=stranger).exists()
    texts = [m.message for m in request._messages]
    assert any("Đã đặt lại xác thực hai lớp cho 1 người dùng." in t for t in texts)
    assert any("không có quyền" in t for t in texts)


def test_the_otp_device_admin_is_not_offered(client):
    """django-otp's admin lists every centre's devices with their keys."""
    assert not admin.site.is_registered(TOTPDevice)
