# ruff: noqa: E501 - tables read best one case per line
"""Fee arithmetic at every ceiling on a hand-computed table (NĐ 144/2017, TT 02/2021),
sessions from the work log confirmed by the body, a lawyer's month paid as .xlsx and PDF
(issue 17)."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from cases import services
from cases.models import FeeSession
from cases.rules import fees as rules
from cases.services import fees as svc
from cases.states import Form, Stage
from tests.clock import vn
from tgpl.errors import BusinessRuleError

from .factories import in_progress_case

RATES = {(r.form, r.performer_kind): r for r in rules.DEFAULT_RATES}
LAWYER_LIT = RATES[("litigation", "contracted_lawyer")]
LAWYER_REP = RATES[("representation", "contracted_lawyer")]
TGV_LIT = RATES[("litigation", "legal_aid_officer")]
TGV_REP = RATES[("representation", "legal_aid_officer")]


@pytest.mark.parametrize(
    ("base", "rate", "sessions", "before", "counted", "amount", "capped", "why"),
    [
        (2_340_000, LAWYER_LIT, 1, 0, 1, 889_200, False, "0,38 × 2.340.000 = 889.200 (NĐ 144/2017 Điều 12)"),
        (2_340_000, LAWYER_LIT, 30, 0, 30, 26_676_000, False, "30 buổi = mức tối đa"),
        (2_340_000, LAWYER_LIT, 31, 0, 30, 26_676_000, True, "buổi thứ 31 không được tính"),
        (2_340_000, LAWYER_LIT, 5, 28, 2, 1_778_400, True, "đã tính 28 buổi: chỉ còn 2"),
        (2_340_000, LAWYER_LIT, 3, 30, 0, 0, True, "đã đủ 30 buổi"),
        (2_340_000, LAWYER_REP, 20, 0, 20, 14_508_000, False, "0,31 × 2.340.000 = 725.400; tối đa 20 buổi"),
        (2_340_000, LAWYER_REP, 21, 0, 20, 14_508_000, True, "buổi thứ 21 đại diện không được tính"),
        (2_340_000, TGV_LIT, 30, 0, 30, 10_670_400, False, "TGV 40 %: 355.680 × 30"),
        (2_340_000, TGV_REP, 20, 0, 20, 2_901_600, False, "TGV 20 %: 145.080 × 20"),
        (1_800_000, LAWYER_LIT, 1, 0, 1, 684_000, False, "lương cơ sở 1.800.000 (NĐ 24/2023)"),
        (1_490_000, TGV_LIT, 1, 0, 1, 226_480, False, "1.490.000 × 0,38 × 40 %"),
    ],
)  # fmt: skip
def test_session_fees(base, rate, sessions, before, counted, amount, capped, why):
    fee = rules.session_fee(base, rate, sessions, already_counted=before)
    assert (fee.counted, fee.amount, fee.capped) == (counted, amount, capped), why


@pytest.mark.parametrize(
    ("coefficient", "amount"),
    [(Decimal("0.08"), 187_200), (Decimal("0.15"), 351_000), (Decimal("0.10"), 234_000)],
)
def test_advice_fee_within_its_bounds(coefficient, amount):
    assert rules.advice_fee(2_340_000, coefficient) == amount


@pytest.mark.parametrize("coefficient", [Decimal("0.07"), Decimal("0.16")])
def test_advice_fee_outside_its_bounds_is_refused(coefficient):
    with pytest.raises(rules.FeeError, match="0,08 đến 0,15"):
        rules.advice_fee(2_340_000, coefficient)


@pytest.mark.parametrize(
    ("coefficient", "performers", "amount", "why"),
    [
        (Decimal(3), 1, 7_020_000, "khoán tối thiểu 3 × lương cơ sở"),
        (Decimal(10), 1, 23_400_000, "khoán tối đa 10 × lương cơ sở"),
        (Decimal(5), 2, 15_210_000, "hai người: 130 % của 11.700.000"),
        (Decimal(7), 2, 21_294_000, "hai người: 130 % của 16.380.000, dưới 10 ×"),
        (Decimal(8), 2, 23_400_000, "hai người: 130 % = 24.336.000 vượt 10 × → 23.400.000"),
        (Decimal(10), 2, 23_400_000, "hai người, khoán tối đa: vẫn 10 ×"),
    ],
)
def test_lump_sums_and_the_130_percent_rule(coefficient, performers, amount, why):
    assert rules.lump_sum(2_340_000, coefficient, performers) == amount, why


@pytest.mark.parametrize(
    ("coefficient", "performers"), [(Decimal("2.9"), 1), (Decimal("10.5"), 1), (Decimal(5), 3)]
)
def test_lump_sums_outside_the_decree_are_refused(coefficient, performers):
    with pytest.raises(rules.FeeError):
        rules.lump_sum(2_340_000, coefficient, performers)


def test_rounding_is_to_the_dong_half_up():
    assert rules.vnd(Decimal("2.5")) == 3
    assert rules.vnd(Decimal("2.49")) == 2


def test_the_rate_in_force_is_the_latest_before_the_day():
    rows = rules.DEFAULT_BASE_SALARIES
    assert rules.in_force(rows, date(2024, 6, 30), key=lambda r: r[0])[1] == 1_800_000
    assert rules.in_force(rows, date(2024, 7, 1), key=lambda r: r[0])[1] == 2_340_000


# --- a lawyer's month -----------------------------------------------------------------------


@pytest.fixture
def lawyer_case(staff, professional_office, lawyer_profile, lawyer, head):
    with time_machine.travel(vn(2026, 11, 2, 8, 0), tick=False):  # accepted on Monday 02/11
        return in_progress_case(staff, professional_office, lawyer, head, form=Form.LITIGATION)


def log(case, lawyer, day, agency="Tòa án nhân dân huyện Bảo Lạc"):
    return services.add_log_entry(
        actor=lawyer, case=case, on=day, stage=Stage.FIRST_INSTANCE, agency_name=agency,
        note="Tham gia phiên tòa",
    )  # fmt: skip


def test_a_lawyers_month_is_paid_from_confirmed_sessions(lawyer_case, lawyer, director):
    for day in (date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)):
        log(lawyer_case, lawyer, day)
    services.add_log_entry(actor=lawyer, case=lawyer_case, on=date(2026, 11, 17),
                           stage=Stage.OTHER, agency_name="", note="Nghiên cứu hồ sơ")  # fmt: skip
    made = svc.sessions_from_log(actor=director, case=lawyer_case)
    assert len(made) == 3  # the entry at no body is not a session
    assert svc.sessions_from_log(actor=director, case=lawyer_case) == []  # not taken twice
    for s in made[:2]:
        svc.confirm_session(actor=director, session=s, confirmed_by="Thư ký Tòa án Lê Thị Hà")
    pay = svc.month_payment(actor=director, performer=lawyer, year=2026, month=11)
    [line] = pay.lines
    assert (pay.base, line.sessions, line.unit, line.amount) == (2_340_000, 2, 889_200, 1_778_400)
    assert pay.total == 1_778_400  # the unconfirmed session is not paid


def test_the_ceiling_counts_the_sessions_of_earlier_months(lawyer_case, lawyer, director):
    with time_machine.travel(vn(2026, 11, 18), tick=False):
        for n in range(29):
            FeeSession.objects.create(case=lawyer_case, performer=lawyer, on=date(2026, 10, 1 + n % 28),
                                      agency_name="Tòa án", confirmed_at=vn(2026, 11, 1), confirmed_by="Tòa án")  # fmt: skip
        for n in range(3):
            FeeSession.objects.create(case=lawyer_case, performer=lawyer, on=date(2026, 11, 2 + n),
                                      agency_name="Tòa án", confirmed_at=vn(2026, 11, 10), confirmed_by="Tòa án")  # fmt: skip
    [line] = svc.month_payment(actor=director, performer=lawyer, year=2026, month=11).lines
    assert (line.sessions, line.counted, line.amount, line.capped) == (3, 1, 889_200, True)


def test_advice_cases_are_not_paid_by_sessions(
    staff, professional_office, officer_profile, officer, head, director
):
    case = in_progress_case(staff, professional_office, officer, head)
    with pytest.raises(BusinessRuleError, match="theo buổi"):
        svc.sessions_from_log(actor=director, case=case)


def test_an_officer_cannot_see_fees(lawyer_case, officer, lawyer):
    with pytest.raises(BusinessRuleError):
        svc.month_payment(actor=officer, performer=lawyer, year=2026, month=11)


def test_payment_files_download(login, client, lawyer_case, lawyer, director, officer):
    log(lawyer_case, lawyer, date(2026, 11, 2))
    [s] = svc.sessions_from_log(actor=director, case=lawyer_case)
    svc.confirm_session(actor=director, session=s, confirmed_by="Tòa án")
    query = f"?performer={lawyer.pk}&year=2026&month=11"
    assert client.get(reverse("cases:payment") + query).status_code == 302
    assert login(officer).get(reverse("cases:payment") + query).status_code == 403
    c = login(director)
    page = c.get(reverse("cases:payment") + query).content.decode()
    assert "889.200" in page
    xlsx = c.get(reverse("cases:payment_file", args=["xlsx"]) + query)
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    pdf = c.get(reverse("cases:payment_file", args=["pdf"]) + query)
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_session_pages(login, lawyer_case, director, officer, lawyer):
    log(lawyer_case, lawyer, date(2026, 11, 2))
    url = reverse("cases:case_sessions", args=[lawyer_case.pk])
    assert login(officer).get(url).status_code in (403, 404)
    c = login(director)
    assert c.get(url).status_code == 200
    action = reverse("cases:case_sessions_action", args=[lawyer_case.pk, "from-log"])
    assert c.get(action).status_code == 405
    assert c.post(action).status_code == 302
    assert lawyer_case.sessions.count() == 1


@pytest.mark.parametrize("rows", [1, 4])
def test_payment_page_query_count_is_pinned(
    login, lawyer_case, lawyer, director, rows, django_assert_num_queries
):
    for n in range(rows):
        FeeSession.objects.create(case=lawyer_case, performer=lawyer, on=date(2026, 11, 2 + n),
                                  agency_name="Tòa án", confirmed_at=vn(2026, 11, 10), confirmed_by="Tòa án")  # fmt: skip
    c = login(director)
    with django_assert_num_queries(11):  # and the lump sums of the month
        assert (
            c.get(
                reverse("cases:payment") + f"?performer={lawyer.pk}&year=2026&month=11"
            ).status_code
            == 200
        )
