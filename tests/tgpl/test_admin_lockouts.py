"""Unlocking a locked account from the admin (issue 11): the lockout page tells people
to ask their administrator, who got 403. Now the centre's administrator lifts the lock
of their own centre's people, and the person's history records who did it and when."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tgpl import services
from tgpl.errors import BusinessRuleError
from tgpl.roles import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

ADDRESS = "10.0.0.7"


def try_login(username, password):
    return Client().post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ADDRESS
    )


def lock_out(user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        try_login(user.username, "sai-mat-khau-roi")
    assert try_login(user.username, PASSWORD).status_code == 429


def test_centre_admin_unlocks_a_locked_person_and_it_is_recorded(
    client, administrator, staff, settings
):
    lock_out(staff, settings)
    client.force_login(administrator)
    listing = client.get(reverse("admin:tgpl_user_changelist"), {"locked_out": "yes"})
    assert staff.full_name in listing.content.decode()
    response = client.post(
        reverse("admin:tgpl_user_changelist"),
        {"action": "unlock_accounts", "_selected_action": [staff.pk]},
        follow=True,
    )
    assert "Đã mở khóa đăng nhập: vienchuc." in response.content.decode()
    record = staff.history.first()
    assert record.history_user == administrator
    assert record.history_change_reason == f"Mở khóa đăng nhập (từ địa chỉ {ADDRESS})"
    assert try_login(staff.username, PASSWORD).status_code == 302
    history = client.get(reverse("admin:tgpl_user_history", args=[staff.pk])).content.decode()
    assert "Mở khóa đăng nhập" in history


def test_lockout_list_opens_for_the_centre_admin_with_only_their_people(
    client, administrator, staff, other_centre_staff, settings
):
    lock_out(staff, settings)
    lock_out(other_centre_staff, settings)
    client.force_login(administrator)
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    body = response.content.decode()
    assert response.status_code == 200
    assert staff.username in body
    assert other_centre_staff.username not in body


def test_lockout_list_unlocks_through_its_action(client, administrator, staff, settings):
    lock_out(staff, settings)
    attempt = AccessAttempt.objects.get(username=staff.username)
    client.force_login(administrator)
    client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "unlock_accounts", "_selected_action": [attempt.pk]},
    )
    assert not AccessAttempt.objects.filter(username=staff.username).exists()
    assert try_login(staff.username, PASSWORD).status_code == 302


def test_centre_admin_cannot_unlock_another_centres_person(
    client, administrator, other_centre_staff, settings
):
    lock_out(other_centre_staff, settings)
    with pytest.raises(BusinessRuleError):
        services.unlock_account(user=other_centre_staff, actor=administrator)
    client.force_login(administrator)
    client.post(
        reverse("admin:tgpl_user_changelist"),
        {"action": "unlock_accounts", "_selected_action": [other_centre_staff.pk]},
    )
    assert try_login(other_centre_staff.username, PASSWORD).status_code == 429


def test_the_other_centres_admin_unlocks_their_own_person(
    other_administrator, other_centre_staff, settings
):
    lock_out(other_centre_staff, settings)
    services.unlock_account(user=other_centre_staff, actor=other_administrator)
    assert try_login(other_centre_staff.username, PASSWORD).status_code == 302


def test_unlocking_an_account_that_is_not_locked_says_so(administrator, staff):
    with pytest.raises(BusinessRuleError, match="không bị tạm khóa"):
        services.unlock_account(user=staff, actor=administrator)


def test_a_non_administrator_cannot_unlock(director, staff, settings):
    lock_out(staff, settings)
    with pytest.raises(BusinessRuleError):
        services.unlock_account(user=staff, actor=director)


# session, user, the user's roles, the related-only filters (centre, department), the
# count and the filtered count, the page (the lockout flag is a subquery in it), the page's
# roles (no session write within a minute of the last): none grows with the list
USER_LIST_QUERIES = 9


@pytest.mark.parametrize("size", [3, 30])
def test_user_list_with_lockout_flags_has_a_fixed_query_count(
    client, administrator, centre, size, django_assert_num_queries
):
    for n in range(size):
        UserFactory(username=f"nguoi{n}", centre=centre, roles=[Role.STAFF])
    client.force_login(administrator)
    url = reverse("admin:tgpl_user_changelist")
    client.get(url)  # warm caches (content types, session)
    with django_assert_num_queries(USER_LIST_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert "nguoi0" in response.content.decode()
