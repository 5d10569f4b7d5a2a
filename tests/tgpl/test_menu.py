"""The user menu offers the documents register to those who may open it."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertNotContains

pytestmark = pytest.mark.django_db

REGISTER = reverse("documents:register")


@pytest.mark.parametrize("persona", ["director", "staff", "officer"])
def test_centre_people_find_the_register_in_the_menu(login, request, persona):
    html = login(request.getfixturevalue(persona)).get(reverse("dashboard")).content.decode()
    assert f'href="{REGISTER}"' in html
    assert "Sổ văn bản" in html
    assert login(request.getfixturevalue(persona)).get(REGISTER).status_code == 200


def test_reviewer_menu_has_no_register(login, reviewer):
    assertNotContains(login(reviewer).get(reverse("dashboard")), "Sổ văn bản", status_code=200)
    assert login(reviewer).get(REGISTER).status_code == 403
