"""The performers' rows count this year's litigation cases of each performer, from an
indexed count per performer (issue 18.2): other forms, other performers and other years
are not counted."""

import pytest
from django.utils import timezone

from cases import selectors
from cases.states import Form
from tests.cases.factories import assigned_case, make_performer

pytestmark = pytest.mark.django_db


def test_litigation_of_the_year_is_counted_per_performer(
    staff, head, officer, lawyer, director, professional_office
):
    make_performer(officer)
    make_performer(lawyer)
    for _ in range(2):
        assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    assigned_case(staff, professional_office, officer, head, form=Form.ADVICE)
    assigned_case(staff, professional_office, lawyer, head, form=Form.LITIGATION)
    year = timezone.localdate().year
    rows = {r.performer.user_id: r for r in selectors.performer_rows(director, year)}
    assert rows[officer.pk].litigation_this_year == 2
    assert rows[lawyer.pk].litigation_this_year == 1
    earlier = {r.performer.user_id: r for r in selectors.performer_rows(director, year - 1)}
    assert earlier[officer.pk].litigation_this_year == 0


def test_own_row_is_the_users_alone_even_for_one_who_rates_colleagues(
    staff, head, officer, lawyer, director, professional_office
):
    """A home page's quota line needs the user's own row: asked with `own`, the deputy
    who sees every performer's row reads and counts only her own."""
    make_performer(officer)
    make_performer(lawyer)
    make_performer(director)
    assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    assigned_case(staff, professional_office, director, head, form=Form.LITIGATION)
    year = timezone.localdate().year
    everyone = selectors.performer_rows(director, year)
    assert {r.performer.user_id for r in everyone} >= {officer.pk, lawyer.pk, director.pk}
    own = selectors.performer_rows(director, year, own=True)
    assert [(r.performer.user_id, r.litigation_this_year) for r in own] == [(director.pk, 1)]
    mine = selectors.performer_rows(officer, year, own=True)
    assert [r.performer.user_id for r in mine] == [officer.pk]
