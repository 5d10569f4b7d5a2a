"""Communes by year: coverage, the not-reached list, the yearly review, and the ĐBKK of a
request proposed from its commune's designation on the request date."""

from datetime import date

import pytest

from outreach import services
from outreach.selectors import commune_rows, communes_not_reached, review_changes
from tests.cases.factories import receive
from tgpl import geography
from tgpl.communes import designation_on
from tgpl.errors import BusinessRuleError

from .factories import BA_SON, HONG_LINH, KY_LUA, THAT_KHE, activity, at, material, place

pytestmark = pytest.mark.django_db

BASIS = "Quyết định 861/QĐ-TTg ngày 04/6/2021"


def designate(head, code=BA_SON, year=2026, **fields):
    return services.save_commune_year(
        actor=head,
        commune_code=code,
        year=year,
        fields={"disadvantaged": True, "disadvantaged_basis": BASIS, **fields},
    )


def test_communes_with_nothing_this_year_are_listed_not_reached(staff):
    activity(staff, commune_code=BA_SON)
    place(staff, material(staff), commune_code=KY_LUA)
    activity(staff, commune_code=THAT_KHE, on=date(2025, 6, 2))  # last year

    missing = {r.code for r in communes_not_reached(staff, 2026)}

    assert BA_SON not in missing
    assert KY_LUA not in missing
    assert THAT_KHE in missing
    assert len(missing) == len(geography.commune_choices(20)) - 2


def test_commune_rows_count_activities_and_colour_them(staff):
    for day in range(1, 5):
        activity(staff, commune_code=BA_SON, on=date(2026, 9, day))
    rows = {r.code: r for r in commune_rows(staff, 2026)}

    assert (rows[BA_SON].activities, rows[BA_SON].shade) == (4, 3)
    assert (rows[KY_LUA].activities, rows[KY_LUA].shade) == (0, 0)


@pytest.mark.parametrize(
    ("received", "designated", "expected"),
    [
        (date(2026, 10, 5), {}, True),
        (date(2026, 2, 27), {"designated_from": date(2026, 3, 1)}, False),  # before it applies
        (date(2026, 3, 1), {"designated_from": date(2026, 3, 1)}, True),
        (date(2026, 9, 1), {"designated_until": date(2026, 8, 31)}, False),  # after it ended
    ],
)
def test_designation_on_the_request_date(head, centre, received, designated, expected):
    designate(head, **designated)
    assert designation_on(centre.pk, BA_SON, received).disadvantaged is expected


def test_a_request_from_a_disadvantaged_commune_is_marked_dbkk_without_a_tick(head, staff):
    designate(head)

    req = receive(staff, commune_code=BA_SON, disadvantaged_area=False, at=at(date(2026, 11, 2)))

    assert req.disadvantaged_area is True


def test_a_tick_is_undone_when_the_commune_is_designated_not_disadvantaged(head, staff):
    services.save_commune_year(
        actor=head, commune_code=KY_LUA, year=2026, fields={"disadvantaged": False}
    )
    req = receive(staff, commune_code=KY_LUA, disadvantaged_area=True, at=at(date(2026, 11, 2)))
    assert req.disadvantaged_area is False


def test_with_no_designation_that_year_the_person_decides(head, staff):
    designate(head, year=2025)  # last year's review only

    ticked = receive(staff, commune_code=BA_SON, disadvantaged_area=True, at=at(date(2026, 11, 2)))
    left = receive(staff, commune_code=BA_SON, disadvantaged_area=False, at=at(date(2026, 11, 2)))

    assert (ticked.disadvantaged_area, left.disadvantaged_area) == (True, False)


def test_a_designation_needs_its_legal_basis_and_a_commune_of_the_province(head):
    with pytest.raises(BusinessRuleError, match="căn cứ"):
        designate(head, disadvantaged_basis="")
    with pytest.raises(BusinessRuleError, match="không thuộc tỉnh"):
        designate(head, code=HONG_LINH)


def test_staff_cannot_change_the_designations(staff):
    with pytest.raises(BusinessRuleError):
        designate(staff)


def test_the_yearly_review_starts_from_last_year_and_lists_the_changes(head):
    designate(head, year=2025)
    designate(head, code=KY_LUA, year=2025, border=True)

    added = services.review_year(actor=head, year=2026)
    assert added == len(geography.commune_choices(20))
    assert services.review_year(actor=head, year=2026) == 0  # kept, not copied twice
    services.save_commune_year(
        actor=head, commune_code=BA_SON, year=2026, fields={"disadvantaged": False}
    )

    changes = review_changes(head, 2026)

    assert [c.row.commune_code for c in changes] == [BA_SON]
    assert ("xã đặc biệt khó khăn (ĐBKK)", "Có", "Không") in changes[0].fields


def test_a_contact_is_kept_only_with_consent_and_ending_erases_the_phone(staff):
    with pytest.raises(BusinessRuleError, match="đồng ý"):
        services.add_contact(
            actor=staff, commune_code=BA_SON, name="Nông Văn Dũng", role="Trưởng thôn",
            consent_on=None,
        )  # fmt: skip
    contact = services.add_contact(
        actor=staff, commune_code=BA_SON, name="Nông Văn Dũng", role="Trưởng thôn",
        phone="0912345678", consent_on=date(2026, 5, 4),
    )  # fmt: skip

    services.end_contact(actor=staff, contact=contact)

    contact.refresh_from_db()
    assert (contact.is_active, contact.phone) == (False, "")
