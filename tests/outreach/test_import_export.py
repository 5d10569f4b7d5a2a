"""The placements import is all or nothing; the registers download as .xlsx."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from outreach.models import Placement
from outreach.resources import IMPORT_COLUMNS

from .factories import activity, material, place

pytestmark = pytest.mark.django_db


def xlsx(rows, header=IMPORT_COLUMNS):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("cap-phat.xlsx", buffer.getvalue())


def post(client, upload):
    return client.post(reverse("outreach:placement_import"), {"file": upload})


def test_good_rows_are_all_imported_with_history(client, staff):
    boards = material(staff, quantity=128)
    client.force_login(staff)

    response = post(client, xlsx([
        ["12/03/2026", boards.pk, 10, "Xã Ba Sơn", "", "Nhà văn hóa thôn", "Lý Văn Sơn"],
        [date(2026, 3, 13), boards.pk, 4, "", "Tòa án nhân dân tỉnh Lạng Sơn", "", "Văn thư"],
    ]))  # fmt: skip

    assert response.status_code == 302
    placed = Placement.objects.order_by("on")
    assert [p.quantity for p in placed] == [10, 4]
    assert placed[0].commune_code == 6202
    assert placed[1].agency.short_name == "TAND"
    assert all(p.history.filter(history_user=staff).exists() for p in placed)


def test_one_bad_row_saves_nothing_and_every_bad_row_is_listed(client, staff):
    boards = material(staff, quantity=20)
    client.force_login(staff)

    response = post(client, xlsx([
        ["12/03/2026", boards.pk, 10, "Xã Ba Sơn", "", "", "Lý Văn Sơn"],
        ["31/02/2026", boards.pk, 1, "Xã Ba Sơn", "", "", "Lý Văn Sơn"],
        ["12/03/2026", 999, 1, "Xã Ba Sơn", "", "", "Lý Văn Sơn"],
        ["12/03/2026", boards.pk, 11, "Xã Ba Sơn", "", "", "Lý Văn Sơn"],
        ["12/03/2026", boards.pk, 1, "Xã Không Có", "", "", "Lý Văn Sơn"],
    ]))  # fmt: skip

    page = response.content.decode()
    assert response.status_code == 400
    assert Placement.objects.count() == 0
    for line, words in [(3, "Ngày không hợp lệ"), (4, "Không có tài liệu mã"),
                        (5, "Chỉ còn 10 trong kho"), (6, "Không có xã, phường")]:  # fmt: skip
        assert f"Dòng {line}: {words}" in page


def test_a_file_without_the_columns_is_refused(client, staff):
    client.force_login(staff)
    response = post(client, xlsx([["x"]], header=["Ngày", "Số lượng"]))
    assert "Thiếu cột: Mã tài liệu, Người nhận" in response.content.decode()


@pytest.fixture
def agency_court(db):
    from tests.factories import AgencyFactory
    from tgpl.models import Agency

    return AgencyFactory(
        kind=Agency.Kind.COURT, name="Tòa án nhân dân tỉnh Lạng Sơn", short_name="TAND"
    )


@pytest.fixture(autouse=True)
def _court(agency_court):
    return agency_court


def test_registers_download_without_live_formulas(client, staff):
    activity(staff, title='=HYPERLINK("http://x")')
    place(staff, material(staff))
    client.force_login(staff)

    for url, first in [
        (reverse("outreach:activities") + "?year=2026&format=xlsx", "Thời gian"),
        (reverse("outreach:placement_export") + "?year=2026", "Ngày"),
    ]:
        response = client.get(url)
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.values)
        assert rows[0][0] == first
        assert len(rows) == 2
        assert not any(str(v).startswith("=") for v in rows[1] if v)
