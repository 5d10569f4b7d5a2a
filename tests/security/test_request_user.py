"""The person of a request reaches the views as the object itself, with the two-factor
state django-otp gives it, and a visitor as the anonymous user."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.functional import LazyObject

from tgpl.models import User

pytestmark = pytest.mark.django_db


def test_a_signed_in_person_reaches_the_page_unwrapped_with_the_second_factor_state(client, staff):
    client.force_login(staff)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    user = response.wsgi_request.user
    assert not isinstance(user, LazyObject)
    assert type(user) is User
    assert user.pk == staff.pk
    assert user.otp_device is None  # set by OTPMiddleware before it was unwrapped
    assert user.is_verified() is False


def test_a_visitor_reaches_a_public_page_as_the_anonymous_user(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    user = response.wsgi_request.user
    assert not isinstance(user, LazyObject)
    assert isinstance(user, AnonymousUser)


def test_signing_out_leaves_the_anonymous_user_on_the_request(client, staff):
    client.force_login(staff)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert isinstance(response.wsgi_request.user, AnonymousUser)
