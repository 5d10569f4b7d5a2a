from datetime import date

import pytest

from outreach.home import outreach_panel

from .factories import BA_SON, activity, material, place

pytestmark = pytest.mark.django_db


def test_the_director_is_told_the_communes_not_reached_and_the_boards_overdue(
    director, staff, client
):
    activity(staff, commune_code=BA_SON)
    boards = material(staff, on=date(2025, 1, 2), inspection_months=12)
    place(staff, boards, on=date(2025, 6, 1))  # due 01/06/2026: overdue

    view = outreach_panel(director, date(2026, 11, 18))

    lines = {line.label: line for line in view.lines}
    assert lines["Xã, phường chưa có hoạt động"].count == 64
    assert lines["Bảng, hộp tin đến hạn kiểm tra"].count == 1
    assert lines["Bảng, hộp tin đến hạn kiểm tra"].note == "1 quá hạn"
    client.force_login(director)
    assert "Xã, phường chưa có hoạt động" in client.get("/").content.decode()


def test_staff_have_no_outreach_panel(staff, client):
    client.force_login(staff)
    assert "Xã, phường chưa có hoạt động" not in client.get("/").content.decode()
