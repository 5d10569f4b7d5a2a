"""The user menu offers the documents register to those who may open it: those who issue
or number documents (leaders, heads, staff), not the performers (issue 12.7)."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertNotContains

pytestmark = pytest.mark.django_db

REGISTER = reverse("documents:register")


@pytest.mark.parametrize("persona", ["director", "staff", "admin_head"])
def test_those_who_number_documents_find_the_register_in_the_menu(login, request, persona):
    html = login(request.getfixturevalue(persona)).get(reverse("dashboard")).content.decode()
    assert f'href="{REGISTER}"' in html
    assert "Sổ văn bản" in html
    assert login(request.getfixturevalue(persona)).get(REGISTER).status_code == 200


def test_reviewer_menu_has_no_register(login, reviewer):
    assertNotContains(login(reviewer).get(reverse("dashboard")), "Sổ văn bản", status_code=200)
    assert login(reviewer).get(REGISTER).status_code == 403


@pytest.mark.parametrize("persona", ["officer", "lawyer", "collaborator"])
def test_performers_have_no_register(login, request, persona):
    client = login(request.getfixturevalue(persona))
    assertNotContains(client.get(reverse("dashboard")), "Sổ văn bản", status_code=200)
    assert client.get(REGISTER).status_code == 403
