"""Stock left, placements, inspections and the boards due for inspection."""

from datetime import date

import pytest

from outreach import services
from outreach.models import Inspection, Material
from outreach.selectors import get_material_for, inspections_due
from outreach.services.materials import add_months
from tgpl.errors import BusinessRuleError

from .factories import HONG_LINH, material, place

pytestmark = pytest.mark.django_db


def test_stock_left_is_produced_minus_placed(staff):
    leaflets = material(staff, kind=Material.Kind.LEAFLET, quantity=80000)
    place(staff, leaflets, quantity=30000)
    place(staff, leaflets, quantity=2500)

    assert get_material_for(staff, leaflets.pk).stock == 47500


def test_placing_more_than_the_stock_is_refused(staff):
    boxes = material(staff, kind=Material.Kind.INFO_BOX, quantity=128)
    place(staff, boxes, quantity=120)

    with pytest.raises(BusinessRuleError, match="Chỉ còn 8 trong kho"):
        place(staff, boxes, quantity=9)
    assert get_material_for(staff, boxes.pk).stock == 8


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"on": date(2026, 3, 1)}, "trước ngày nhận"),
        ({"on": date(2026, 11, 19)}, "tương lai"),
        ({"commune_code": HONG_LINH}, "không thuộc tỉnh"),
        ({"commune_code": None}, "Chọn xã, phường hoặc cơ quan"),
        ({"received_by": "  "}, "người nhận"),
    ],
)
def test_a_placement_needs_a_date_a_place_of_the_province_and_a_receiver(staff, bad, message):
    boards = material(staff)
    with pytest.raises(BusinessRuleError, match=message):
        place(staff, boards, **bad)


@pytest.mark.parametrize(
    ("on", "months", "expected"),
    [
        (date(2026, 3, 10), 12, date(2027, 3, 10)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # no 31 February: the month's last day
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
    ],
)
def test_inspection_falls_the_interval_later(on, months, expected):
    assert add_months(on, months) == expected


def test_boards_and_boxes_get_an_inspection_date_leaflets_do_not(staff):
    boards = material(staff, inspection_months=12)
    leaflets = material(staff, kind=Material.Kind.LEAFLET, quantity=1000)

    assert place(staff, boards, on=date(2026, 3, 10)).next_inspection_on == date(2027, 3, 10)
    assert place(staff, leaflets).next_inspection_on is None


def test_the_due_list_shows_overdue_and_soon_due_boards_soonest_first(staff):
    boards = material(staff, inspection_months=6, on=date(2025, 1, 2))
    overdue = place(staff, boards, on=date(2025, 3, 1))  # due 01/09/2025
    soon = place(staff, boards, on=date(2026, 6, 10))  # due 10/12/2026: within 30 days
    place(staff, boards, on=date(2026, 7, 1))  # due 01/01/2027: later

    due = list(inspections_due(staff, date(2026, 11, 18)))

    assert due == [overdue, soon]


def test_an_inspection_sets_the_next_date_and_a_removal_ends_them(staff):
    boards = material(staff, inspection_months=12, on=date(2025, 1, 2))
    placed = place(staff, boards, on=date(2025, 3, 1))

    services.record_inspection(
        actor=staff, placement=placed, on=date(2026, 4, 2), result=Inspection.Result.REPLACED
    )
    placed.refresh_from_db()
    assert placed.next_inspection_on == date(2027, 4, 2)
    assert inspections_due(staff, date(2026, 11, 18)).count() == 0

    services.record_inspection(
        actor=staff, placement=placed, on=date(2026, 11, 18), result=Inspection.Result.REMOVED
    )
    placed.refresh_from_db()
    assert placed.next_inspection_on is None
    assert placed.history.count() == 3  # placed, replaced, removed: every change recorded


def test_leaflets_are_not_inspected(staff):
    leaflets = material(staff, kind=Material.Kind.LEAFLET, quantity=100)
    placed = place(staff, leaflets)
    with pytest.raises(BusinessRuleError, match="Chỉ bảng thông tin, hộp tin"):
        services.record_inspection(
            actor=staff, placement=placed, on=date(2026, 4, 2), result=Inspection.Result.IN_ORDER
        )
