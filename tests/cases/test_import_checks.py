"""The .xlsx imports make the intake checks: a birth year in the future or a category the
age rules out is a row error (nothing saved); a person already known is a warning per
row on a preview, saved only once confirmed."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cases.models import Case, LegalAidRequest
from tests.clock import NOW, TODAY, vn_datetime

from . import test_case_import as register
from .factories import receive
from .test_views import HEADER, xlsx

pytestmark = pytest.mark.django_db


def request_row(**overrides):
    values = {
        "Thời điểm tiếp nhận": vn_datetime(NOW - timedelta(days=3)),
        "Họ và tên": "Lò Văn Sáng",
        "Giới tính": "Nam",
        "Năm sinh": 1960,
        "Dân tộc": "Tày",
        "Số CCCD": "020160000222",
        "Điện thoại": "",
        "Địa chỉ": "",
        "Diện": "2",
        "Giấy tờ": "ho_ngheo",
        "Lĩnh vực": "dan_su",
        "Hình thức": "Tư vấn pháp luật",
        "Nội dung": "Hỏi về thừa kế",
    }
    values.update(overrides)
    return [values[name] for name in HEADER]


def post(client, *rows, confirm=False):
    data = {"file": xlsx([HEADER, *rows])}
    if confirm:
        data["confirm_known"] = "on"
    return client.post(reverse("cases:request_import"), data)


def test_a_birth_year_in_the_future_is_a_row_error(login, staff):
    future = TODAY.year + 1
    response = post(login(staff), request_row(), request_row(**{"Năm sinh": future,
                    "Số CCCD": "020160000333", "Họ và tên": "Hà Thị Lan"}))  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 400
    assert f"Dòng 3: Năm sinh {future} ở tương lai." in page
    assert not LegalAidRequest.objects.exists()


def test_a_category_the_age_rules_out_is_a_row_error(login, staff):
    response = post(login(staff), request_row(**{"Diện": "3", "Giấy tờ": "giay_to_tuoi"}))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dòng 2: Diện 3 “Trẻ em”" in page
    assert "dưới 16 tuổi" in page
    assert not LegalAidRequest.objects.exists()


def test_a_known_person_is_a_warning_per_row_on_a_preview(login, staff):
    earlier = receive(staff, identity_number="020160000222", full_name="Lò Văn Sáng")
    client = login(staff)
    newcomer = request_row(**{"Họ và tên": "Hà Thị Lan", "Số CCCD": "020170000444"})
    response = post(client, newcomer, request_row())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chưa nhập" in page
    assert "Dòng 3: Người “Lò Văn Sáng” có thể đã có" in page
    assert f"yêu cầu #{earlier.pk}" in page
    assert "Dòng 2" not in page
    assert LegalAidRequest.objects.count() == 1  # a preview: nothing saved

    response = post(client, newcomer, request_row(), confirm=True)
    assert response.status_code == 302
    assert LegalAidRequest.objects.count() == 3
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Đã nhập 2 yêu cầu."]


def test_the_same_person_twice_in_one_file_is_a_warning(login, staff):
    response = post(login(staff), request_row(), request_row())
    assert response.status_code == 200
    assert "Dòng 3: Người “Lò Văn Sáng” có thể đã có" in response.content.decode()
    assert not LegalAidRequest.objects.exists()


def test_the_old_register_import_refuses_a_future_birth_year_and_an_age_mismatch(
    login, staff, professional_office
):
    future = TODAY.year + 1
    response = register.post(
        login(staff),
        register.register_row(**{"Năm sinh": future}),
        register.register_row(**{"Số thụ lý": 8, "Mã vụ việc": "TT.TV.08.2024", "Diện": "3",
                                 "Số CCCD": "020160000999", "Họ và tên": "Hà Văn Lâm"}),
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 400
    assert f"Dòng 2: Năm sinh {future} ở tương lai." in page
    assert "Dòng 3: Diện 3 “Trẻ em”" in page
    assert not Case.objects.exists()


def test_the_old_register_import_warns_of_a_known_person(login, staff, professional_office):
    receive(staff, identity_number="020160000222")
    client = login(staff)
    response = register.post(client, register.register_row())
    assert response.status_code == 200
    assert "Dòng 2: Người “Lò Văn Sáng” có thể đã có" in response.content.decode()
    assert not Case.objects.exists()
    response = client.post(
        reverse("cases:case_import"),
        {"file": register.xlsx([register.HEADER, register.register_row()]), "confirm_known": "on"},
    )
    assert response.status_code == 302
    assert Case.objects.count() == 1
