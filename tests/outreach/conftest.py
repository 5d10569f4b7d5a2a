"""Fixtures of the outreach tests over the shared personas."""

import pytest

from tests.factories import UserFactory
from tgpl.roles import Role


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def officer2(professional_office):
    return UserFactory(
        username="tgv2",
        full_name="Chu Văn Đức",
        centre=professional_office.centre,
        department=professional_office,
        roles=[Role.LEGAL_AID_OFFICER],
    )
