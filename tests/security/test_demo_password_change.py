"""Demo accounts (published password) must change it at first sign-in; seed_demo refuses
to run under production settings unless told --demo."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tgpl.models import User
from tgpl.security.passwords import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Sông Kỳ Cùng mùa nước lên 2026"


@pytest.fixture(autouse=True)
def _organisation_only(monkeypatch):
    """The accounts are what these tests need; the plans and cases take seconds to seed
    (tests/tgpl/test_seed_demo.py seeds everything)."""
    from tgpl import demo

    monkeypatch.setattr(demo, "_seeders", {})


def seed(**options):
    call_command("seed_demo", stdout=io.StringIO(), **options)


def sign_in(client, username, password=DEMO_PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_seed_demo_refuses_under_production_settings(settings):
    settings.DEVELOPMENT = False  # DEBUG=false at start-up
    with pytest.raises(CommandError, match="--demo"):
        seed()
    assert not User.objects.exists()


def test_seed_demo_runs_under_production_settings_when_told_demo(settings):
    settings.DEVELOPMENT = False  # DEBUG=false at start-up
    seed(demo=True)
    assert User.objects.filter(username="quantri").exists()


def test_the_seeder_flags_every_demo_account_to_change_its_password():
    seed()
    assert set(User.objects.values_list("must_change_password", flat=True)) == {True}


def test_a_demo_user_is_sent_to_the_password_change_until_done(client):
    seed()
    assert sign_in(client, "vienchuc").status_code == 302
    for page in ("dashboard", "cases:index", "plans:index", "notifications"):
        response = client.get(reverse(page))
        assert response.status_code == 302, page
        assert response["Location"] == reverse("password_change")
    page = client.get(reverse("password_change")).content.decode()
    assert "Bạn cần đặt mật khẩu mới trước khi làm việc tiếp" in page


def test_the_demo_password_cannot_be_kept(client):
    seed()
    sign_in(client, "vienchuc")
    response = client.post(
        reverse("password_change"),
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": DEMO_PASSWORD + "!",
            "new_password2": DEMO_PASSWORD + "!",
        },
    )
    assert "Không dùng mật khẩu mẫu đã công bố" in response.content.decode()
    assert User.objects.get(username="vienchuc").must_change_password


def test_after_the_change_the_demo_user_works_and_the_flag_is_recorded(client):
    seed()
    sign_in(client, "vienchuc")
    response = client.post(
        reverse("password_change"),
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="vienchuc")
    assert not user.must_change_password
    assert user.check_password(NEW_PASSWORD)
    last = user.history.order_by("-history_id").first()
    assert (last.history_change_reason, last.history_user_id) == ("Đổi mật khẩu", user.pk)
    assert client.get(reverse("dashboard")).status_code == 200  # the session stays signed in


def test_seeding_again_does_not_reset_a_changed_password(client):
    seed()
    user = User.objects.get(username="vienchuc")
    user.set_password(NEW_PASSWORD)
    user.must_change_password = False
    user.save()
    seed()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.must_change_password
