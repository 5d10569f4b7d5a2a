"""Fixtures of the report tests: performers' profiles and the third quarter of 2026."""

from datetime import date

import pytest

from cases.models import Performer
from reports.figures import Scope
from tests.cases.factories import make_performer


@pytest.fixture
def officer_profile(officer):
    return make_performer(officer)


@pytest.fixture
def lawyer_profile(lawyer):
    return make_performer(lawyer, kind=Performer.Kind.CONTRACTED_LAWYER)


@pytest.fixture
def q3(centre):
    """NĐ 09 third quarter of 2026: 15/06 → 14/09."""
    return Scope((centre.pk,), date(2026, 6, 15), date(2026, 9, 14))
