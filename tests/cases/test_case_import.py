"""Import of an old Sổ thụ lý: all or nothing, row errors, the register continues after it."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook
from pytest_django.asserts import assertNotContains

from cases import services
from cases.models import Case, LegalAidRequest, RegisterCounter
from cases.resources import CASE_IMPORT_COLUMNS
from cases.states import CaseStatus, Form, RequestStatus

from .factories import accepted_case, old_register_row

pytestmark = pytest.mark.django_db

HEADER = [name for name, _ in CASE_IMPORT_COLUMNS]


def xlsx(rows):
    book = Workbook()
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "so-thu-ly.xlsx"
    return out


def register_row(**overrides):
    values = {
        "Năm thụ lý": 2024,
        "Số thụ lý": 7,
        "Mã vụ việc": "TT.TV.07.2024",
        "Hình thức": "Tư vấn pháp luật",
        "Lĩnh vực": "dan_su",
        "Phòng, chi nhánh": "NV",
        "Họ và tên": "Lò Văn Sáng",
        "Giới tính": "Nam",
        "Năm sinh": 1960,
        "Số CCCD": "020160000222",
        "Ngày tiếp nhận": "02/05/2024",
        "Ngày thụ lý": "03/05/2024",
        "Người thực hiện": "",
        "Trạng thái": "Chờ cử người",
        "Diện": "2",
        "Nội dung": "Hỏi về thừa kế",
    }
    values.update(overrides)
    return [values[name] for name in HEADER]


def post(client, *rows):
    return client.post(reverse("cases:case_import"), {"file": xlsx([HEADER, *rows])})


def test_a_good_register_is_imported_with_its_serials_codes_and_history(
    login, staff, professional_office
):
    response = post(
        login(staff),
        register_row(),
        register_row(**{"Số thụ lý": 9, "Mã vụ việc": "TT.TV.09.2024", "Họ và tên": "Hà Thị Lan",
                        "Giới tính": "Nữ", "Số CCCD": ""}),
    )  # fmt: skip
    assert response.status_code == 302
    assert response.url == reverse("cases:case_list")
    case = Case.objects.get(code="TT.TV.07.2024")
    assert (case.register_year, case.register_number, case.register_book) == (2024, 7, "")
    assert case.status == CaseStatus.AWAITING_ASSIGNMENT
    assert case.department == professional_office
    assert case.request.status == RequestStatus.ACCEPTED
    assert timezone.localtime(case.request.received_at).date().isoformat() == "2024-05-02"
    assert case.history.first().history_change_reason.startswith("Nhập từ sổ thụ lý cũ")
    assert RegisterCounter.objects.get(year=2024, book="").last_number == 9


def test_one_bad_row_saves_nothing_and_every_bad_row_is_listed(login, staff, professional_office):
    rows = [
        register_row(),
        register_row(**{"Số CCCD": "123", "Số thụ lý": 8, "Mã vụ việc": "A"}),
        register_row(**{"Mã vụ việc": "B"}),  # serial 7 again
        register_row(**{"Số thụ lý": 10}),  # code TT.TV.07.2024 again
        register_row(**{"Số thụ lý": 11, "Mã vụ việc": "C", "Phòng, chi nhánh": "XX"}),
        register_row(**{"Số thụ lý": 12, "Mã vụ việc": "D", "Lĩnh vực": "khong_co"}),
        register_row(**{"Số thụ lý": 13, "Mã vụ việc": "E", "Ngày thụ lý": "31/02/2024"}),
        register_row(**{"Số thụ lý": 14, "Mã vụ việc": "F", "Ngày thụ lý": "01/01/2024"}),
        register_row(**{"Số thụ lý": 15, "Mã vụ việc": "G", "Người thực hiện": "khongai",
                        "Trạng thái": "Đang thực hiện"}),
    ]  # fmt: skip
    response = post(login(staff), *rows)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dòng 2" not in page
    for line in range(3, 11):
        assert f"Dòng {line}:" in page
    assert "Số thụ lý 07/2024 đã có" in page
    assert "Mã vụ việc “TT.TV.07.2024” đã có" in page
    assert "Không có phòng, chi nhánh mã “XX”" in page
    assert "Lĩnh vực “khong_co” không có trong danh mục" in page
    assert "Ngày thụ lý “31/02/2024” không đúng dạng" in page
    assert "Ngày thụ lý trước ngày tiếp nhận" in page
    assert "Không tìm thấy người thực hiện “khongai”" in page
    assert not Case.objects.exists()
    assert not LegalAidRequest.objects.exists()
    assert not RegisterCounter.objects.exists()


def test_a_serial_already_in_the_register_is_refused(login, staff, professional_office):
    existing = accepted_case(staff, professional_office)
    row = register_row(
        **{
            "Năm thụ lý": existing.register_year,
            "Số thụ lý": existing.register_number,
            "Mã vụ việc": "KHAC.01",
        }
    )
    on = timezone.localtime(existing.accepted_at - timezone.timedelta(minutes=1)).strftime(
        "%d/%m/%Y"
    )
    row[HEADER.index("Ngày tiếp nhận")] = row[HEADER.index("Ngày thụ lý")] = on
    response = post(login(staff), row)
    assert response.status_code == 400
    assert f"Số thụ lý {existing.register_number:02d}/{existing.register_year} đã có" in (
        response.content.decode()
    )
    assert Case.objects.count() == 1


def test_a_performer_not_allowed_for_the_form_is_refused(
    login, staff, professional_office, collaborator_profile, officer_profile
):
    row = register_row(**{"Hình thức": "Tham gia tố tụng", "Mã vụ việc": "TT.TGTT.07.2024",
                          "Người thực hiện": "ctv", "Trạng thái": "Đã cử người"})  # fmt: skip
    response = post(login(staff), row)
    assert response.status_code == 400
    assert "Cộng tác viên chỉ thực hiện tư vấn pháp luật" in response.content.decode()
    row[HEADER.index("Người thực hiện")] = "tgv"
    assert post(login(staff), row).status_code == 302
    case = Case.objects.get()
    assert case.status == CaseStatus.ASSIGNED
    assert case.performer.username == "tgv"
    assert case.form == Form.LITIGATION


def test_acceptances_after_the_import_continue_after_the_highest_serial(staff, professional_office):
    year = timezone.localdate().year
    services.import_accepted_case(**old_register_row(staff, 41), department=professional_office)
    case = accepted_case(staff, professional_office)
    assert case.register_number == 42
    assert case.code.endswith(f".42.{year}")


def test_who_may_open_the_import_page(login, client, staff, officer, lawyer, reviewer):
    url = reverse("cases:case_import")
    page = login(staff).get(url)
    assert page.status_code == 200
    assert "Số thụ lý" in page.content.decode()
    assert login(officer).get(url).status_code == 403  # reception staff and leaders only
    assert login(lawyer).get(url).status_code == 403
    assert login(reviewer).get(url).status_code == 403
    assert login(lawyer).post(url, {"file": xlsx([HEADER, register_row()])}).status_code == 403
    assert not Case.objects.exists()
    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_case_list_links_to_the_import_for_those_who_may(login, staff, lawyer):
    url = reverse("cases:case_import")
    assert url in login(staff).get(reverse("cases:case_list")).content.decode()
    assertNotContains(login(lawyer).get(reverse("cases:case_list")), url, status_code=200)
