# ruff: noqa: E501 - tables read best one case per line
"""Lump sums (khoán chi, TT 02/2021 Điều 10) in a performer's payment file: 3–10 × the base
salary a case, two performers sharing at most 130 % and never more than 10 × base, on a
hand-computed table at every ceiling (issue 17.7)."""

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from cases.models import FeeSession
from cases.rules import fees as rules
from cases.services import fees as svc
from cases.states import Form
from tests.clock import vn
from tgpl.errors import BusinessRuleError

from .factories import in_progress_case

BASE = 2_340_000  # NĐ 73/2024, in force in November 2026


@pytest.mark.parametrize(
    ("coefficient", "performers", "share", "amount", "why"),
    [
        ("3", 1, 100, 7_020_000, "mức thấp nhất: 3 × 2.340.000"),
        ("7.5", 1, 100, 17_550_000, "7,5 × 2.340.000"),
        ("10", 1, 100, 23_400_000, "mức cao nhất: 10 × 2.340.000"),
        ("3", 2, 50, 4_563_000, "hai người: 130 % × 7.020.000 = 9.126.000; một nửa"),
        ("5", 2, 60, 9_126_000, "hai người: 15.210.000 × 60 %"),
        ("7.69", 2, 50, 11_696_490, "130 % × 17.994.600 = 23.392.980, dưới 10 ×; một nửa"),
        ("7.7", 2, 50, 11_700_000, "130 % × 18.018.000 = 23.423.400 vượt 10 × → 23.400.000; một nửa"),
        ("10", 2, 70, 16_380_000, "hai người, mức cao nhất: 23.400.000 × 70 %"),
        ("10", 2, 100, 23_400_000, "một người nhận cả phần khoán của hai người: vẫn 10 ×"),
    ],
)  # fmt: skip
def test_a_performers_share_of_a_lump_sum(coefficient, performers, share, amount, why):
    assert rules.lump_sum_share(BASE, Decimal(coefficient), performers, share) == amount, why


@pytest.mark.parametrize(("performers", "share"), [(1, 50), (2, 0), (2, 101)])
def test_shares_outside_the_rule_are_refused(performers, share):
    with pytest.raises(rules.FeeError):
        rules.lump_sum_share(BASE, Decimal(5), performers, share)


@pytest.fixture
def cases_of(staff, professional_office, lawyer_profile, lawyer, head, officer_profile, officer):
    def make(n):
        with time_machine.travel(vn(2026, 11, 2, 8, 0), tick=False):
            return [in_progress_case(staff, professional_office, lawyer, head, form=Form.LITIGATION)
                    for _ in range(n)]  # fmt: skip

    return make


def test_the_payment_file_has_the_lump_sums_with_their_basis(
    login, cases_of, lawyer, officer, director
):
    sessions_case, lump_a, lump_b = cases_of(3)
    FeeSession.objects.create(case=sessions_case, performer=lawyer, on=date(2026, 11, 3),
                              agency_name="Tòa án", confirmed_at=vn(2026, 11, 10), confirmed_by="Tòa án")  # fmt: skip
    svc.record_lump_sum(actor=director, case=lump_a, performer=lawyer, coefficient=Decimal(10),
                        on=date(2026, 11, 20), basis="Vụ việc phức tạp: nhiều cấp xét xử")  # fmt: skip
    for who, share in ((lawyer, 60), (officer, 40)):
        svc.record_lump_sum(actor=director, case=lump_b, performer=who, coefficient=Decimal(8),
                            performers=2, share_percent=share, on=date(2026, 11, 25),
                            basis="Vụ việc điển hình")  # fmt: skip
    svc.record_lump_sum(actor=director, case=cases_of(1)[0], performer=lawyer,
                        coefficient=Decimal(4), on=date(2026, 12, 1), basis="tháng sau")  # fmt: skip

    pay = svc.month_payment(actor=director, performer=lawyer, year=2026, month=11)
    by_case = {line.case.pk: line for line in pay.lines}
    assert by_case[sessions_case.pk].amount == 889_200  # 0,38 × 2.340.000
    assert by_case[lump_a.pk].amount == 23_400_000  # 10 × 2.340.000
    # 8 × 2.340.000 × 130 % = 24.336.000 > 10 × → 23.400.000; the lawyer's 60 %
    assert by_case[lump_b.pk].amount == 14_040_000
    assert pay.total == 889_200 + 23_400_000 + 14_040_000  # December's lump sum is not here
    officer_pay = svc.month_payment(actor=director, performer=officer, year=2026, month=11)
    assert officer_pay.total == 9_360_000  # the officer's 40 %

    query = f"?performer={lawyer.pk}&year=2026&month=11"
    c = login(director)
    page = c.get(reverse("cases:payment") + query).content.decode()
    assert "Khoán 10 × lương cơ sở" in page
    assert "14.040.000" in page
    xlsx = c.get(reverse("cases:payment_file", args=["xlsx"]) + query)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert (
        rows[lump_b.code][2]
        == "Khoán 8 × lương cơ sở; 2 người (≤ 130 %, ≤ 10 × lương cơ sở); phần 60 %"
    )
    assert rows[lump_b.code][6] == 14_040_000
    assert "Vụ việc điển hình" in rows[lump_b.code][8]
    assert rows[lump_a.code][8] == "TT 02/2021 Điều 10; Vụ việc phức tạp: nhiều cấp xét xử"
    assert rows["Tổng cộng"][6] == pay.total


def test_a_case_is_paid_by_sessions_or_by_a_lump_sum_not_both(cases_of, lawyer, officer, director):
    case, other = cases_of(2)
    FeeSession.objects.create(case=case, performer=lawyer, on=date(2026, 11, 3),
                              agency_name="Tòa án", confirmed_at=vn(2026, 11, 10), confirmed_by="Tòa án")  # fmt: skip
    with pytest.raises(BusinessRuleError, match="buổi làm việc được xác nhận"):
        svc.record_lump_sum(actor=director, case=case, performer=lawyer, coefficient=Decimal(5),
                            on=date(2026, 11, 20), basis="x")  # fmt: skip
    svc.record_lump_sum(actor=director, case=other, performer=lawyer, coefficient=Decimal(5),
                        performers=2, share_percent=70, on=date(2026, 11, 20), basis="x")  # fmt: skip
    with pytest.raises(BusinessRuleError, match="vượt 100 %"):
        svc.record_lump_sum(actor=director, case=other, performer=officer, coefficient=Decimal(5),
                            performers=2, share_percent=40, on=date(2026, 11, 20), basis="x")  # fmt: skip
    with pytest.raises(BusinessRuleError, match="từ 3 đến 10"):
        svc.record_lump_sum(actor=director, case=case, performer=officer,
                            coefficient=Decimal("10.5"), on=date(2026, 11, 20), basis="x")  # fmt: skip
    with pytest.raises(BusinessRuleError, match="đã khoán chi"):
        svc.sessions_from_log(actor=director, case=other)
    with pytest.raises(BusinessRuleError):
        svc.record_lump_sum(actor=officer, case=other, performer=officer, coefficient=Decimal(5),
                            performers=2, share_percent=30, on=date(2026, 11, 20), basis="x")  # fmt: skip


def test_the_lump_sum_form_on_the_sessions_page(login, cases_of, lawyer, director):
    [case] = cases_of(1)
    c = login(director)
    url = reverse("cases:case_sessions_action", args=[case.pk, "lump-sum"])
    response = c.post(url, {"performer": lawyer.pk, "coefficient": "6", "performers": "1",
                            "share_percent": "100", "on": "20/11/2026", "basis": "Phức tạp"})  # fmt: skip
    assert response.status_code == 302
    assert case.lump_sums.get().coefficient == 6
    assert "Phức tạp" in c.get(reverse("cases:case_sessions", args=[case.pk])).content.decode()
