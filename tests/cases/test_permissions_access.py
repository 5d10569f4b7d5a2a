"""Access that fits the roles (issue 12.7): quota ratings, imports, the inbox."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PERFORMERS = reverse("cases:performer_list")


def _names(client) -> str:
    return client.get(PERFORMERS).content.decode()


@pytest.mark.parametrize("persona", ["director", "head"])
def test_leaders_and_heads_see_every_colleagues_quota(persona, request, login, performers):
    html = _names(login(request.getfixturevalue(persona)))
    for profile in performers:
        assert profile.user.full_name in html


@pytest.mark.parametrize("persona", ["officer", "lawyer", "collaborator"])
def test_a_performer_sees_only_their_own_quota(persona, request, login, performers):
    me = request.getfixturevalue(persona)
    html = _names(login(me))
    assert me.full_name in html
    others = [p.user.full_name for p in performers if p.user != me]
    assert not [name for name in others if name in html]


@pytest.mark.parametrize("persona", ["staff", "administrator", "reviewer"])
def test_who_is_no_performer_nor_leader_has_no_quota_page(persona, request, login, performers):
    assert login(request.getfixturevalue(persona)).get(PERFORMERS).status_code == 403


@pytest.mark.parametrize(
    ("persona", "status"),
    [("staff", 200), ("director", 200), ("officer", 403), ("head", 403), ("lawyer", 403)],
)
def test_request_import_is_for_reception_and_leaders(persona, status, request, login):
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("cases:request_import")).status_code == status
    listed = (
        reverse("cases:request_import")
        in client.get(reverse("cases:request_list")).content.decode()
    )
    assert listed is (status == 200)
