"""The band and the menu of every page, printed once per process for the same values
(templates/components/app_header.html, tgpl/templatetags/tgpl.py app_header)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tgpl.templatetags.tgpl import CSRF_SLOT, _remembered

pytestmark = pytest.mark.django_db

NAME = re.compile(r'<i class="bi bi-person-circle"></i> ([^<]+?)\s*</a>')
ACTIVE = re.compile(r'class="nav-link active" href="([^"]+)"')


def _header(html: str) -> str:
    return html[html.index("<header") : html.index("</header>")]


def test_each_person_reads_her_own_name_and_roles(login, director, officer):
    _remembered.cache_clear()
    for person, role in ((director, "Giám đốc"), (officer, "Trợ giúp viên pháp lý")):
        header = _header(login(person).get(reverse("dashboard")).content.decode())
        assert NAME.search(header).group(1) == person.full_name
        assert role in header
    assert _remembered.cache_info().currsize == 2


def test_the_area_of_the_page_is_the_active_one(login, director):
    client = login(director)
    for url, area in (
        (reverse("cases:case_list"), reverse("cases:index")),
        (reverse("plans:index"), reverse("plans:index")),
        (reverse("cases:request_list"), reverse("cases:index")),
    ):
        header = _header(client.get(url).content.decode())
        assert ACTIVE.findall(header) == [area]


def test_a_kept_header_is_the_header_printed_afresh(login, director, settings):
    client = login(director)
    kept = _header(client.get(reverse("dashboard")).content.decode())
    kept = _header(client.get(reverse("dashboard")).content.decode())  # from the memo
    settings.DEBUG = True  # printed afresh
    fresh = _header(client.get(reverse("dashboard")).content.decode())
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", kept) == token.sub("", fresh)
    assert CSRF_SLOT not in kept


def test_the_sign_out_form_carries_the_pages_own_csrf_token(director, password):
    """A kept header holds no token of another page: signing out with the token the
    header printed is accepted by the CSRF check."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(director)
    for _ in range(2):  # the second page's header comes from the memo
        header = _header(client.get(reverse("dashboard")).content.decode())
    (token,) = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', header)
    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_visitor_gets_the_band_without_the_menu(client):
    html = client.get(reverse("login")).content.decode()
    header = _header(html)
    assert "app-band-name" in header
    assert "navbar" not in header
