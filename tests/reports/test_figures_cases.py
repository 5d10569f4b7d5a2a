"""Biểu 24 and 25 and the management figures on a hand-built data set: each cell counted
by hand, a person once per case, and a constant number of queries."""

from datetime import date, datetime

import pytest

from cases.models import LegalField
from cases.states import (
    CaseStatus,
    ChangeRequestStatus,
    Form,
    Outcome,
    RefusalGround,
    RequestStatus,
    Sex,
)
from reports.figures import cases as F
from tests.clock import VN

from .factories import bulk_cases, make_case, make_request

pytestmark = pytest.mark.django_db


def field_id(code: str) -> int:
    return LegalField.objects.get(code=code).pk


@pytest.fixture
def data(staff, professional_office, officer_profile, lawyer_profile, officer, lawyer):
    """Q3 2026 (15/06 → 14/09). In the comment: in Biểu 24? in Biểu 25 as what?"""
    dept = professional_office
    cases = {
        # accepted at 00:30 on the first day (17:30 UTC the day before): in, new
        "A": make_case(staff, dept, accepted=date(2026, 6, 15), sex=Sex.FEMALE,
                       categories=("2", "4")),
        # accepted on the cut-off day: in, new; performed by a legal-aid officer
        "B": make_case(staff, dept, accepted=date(2026, 9, 14), sex=Sex.MALE,
                       categories=("1",), performer=officer),
        # litigation, criminal, by a contracted lawyer: in, new
        "C": make_case(staff, dept, accepted=date(2026, 8, 1), form=Form.LITIGATION,
                       field="hinh_su", sex=Sex.MALE, categories=("5", "6"), performer=lawyer),
        # accepted the day before the period, still open: Biểu 25 carried over
        "D": make_case(staff, dept, accepted=date(2026, 6, 14), form=Form.LITIGATION,
                       field="hinh_su", sex=Sex.MALE),
        # accepted the day after: nowhere
        "E": make_case(staff, dept, accepted=date(2026, 9, 15)),
        # ended before the period: nowhere
        "F": make_case(staff, dept, accepted=date(2026, 5, 1), status=CaseStatus.CLOSED,
                       ended=date(2026, 6, 10), outcome=Outcome.DONE),
        # carried over and ended (done) in the period
        "G": make_case(staff, dept, accepted=date(2026, 5, 1), field="dat_dai",
                       status=CaseStatus.CLOSED, ended=date(2026, 7, 1), outcome=Outcome.DONE),
        # new and discontinued in the period
        "H": make_case(staff, dept, accepted=date(2026, 7, 1), form=Form.REPRESENTATION,
                       status=CaseStatus.DISCONTINUED, ended=date(2026, 8, 20)),
        # new, ended after the period: open at its end
        "I": make_case(staff, dept, accepted=date(2026, 8, 1), status=CaseStatus.CLOSED,
                       ended=date(2026, 9, 20), outcome=Outcome.DONE),
    }  # fmt: skip
    a = cases["A"]
    a.accepted_at = datetime(2026, 6, 15, 0, 30, tzinfo=VN)
    a.save(update_fields=["accepted_at"])
    return cases


def test_biểu_24_counts_each_cell_by_hand(data, q3):
    s = F.biểu_24(q3)
    advice_civil = f"form:{Form.ADVICE}|field:{field_id('dan_su')}"
    expected = {
        # A, B (advice, civil), C (litigation), H (representation), I (advice, civil)
        ("total", "total"): 5,
        ("total", "sex:male"): 2,  # B, C
        ("total", "sex:female"): 3,  # A, H, I
        ("total", "cat:1"): 1,  # B
        ("total", "cat:2"): 3,  # A, H, I (the default category "2")
        ("total", "cat:4"): 1,  # A
        ("total", "poor_ethnic"): 1,  # A: poor household and ethnic minority
        ("total", "cat:5"): 1,  # C
        ("total", "cat:6"): 1,  # C
        ("total", "cat:3"): 0,
        (f"form:{Form.ADVICE}", "total"): 3,  # A, B, I
        (f"form:{Form.LITIGATION}", "total"): 1,  # C
        (f"form:{Form.REPRESENTATION}", "total"): 1,  # H
        (advice_civil, "total"): 3,
        (advice_civil, "sex:male"): 1,  # B
        (advice_civil, "cat:2"): 2,  # A, I
    }
    got = {k: s.cell(*k) for k in expected}
    assert got == expected


def test_biểu_24_counts_a_person_once_per_case_whatever_their_categories(data, q3):
    s = F.biểu_24(q3)
    # A belongs to two categories and the combined column: one lượt in the total
    assert s.cell("total", "total") == 5
    assert s.cell("total", "sex:female") + s.cell("total", "sex:male") == 5


def test_biểu_24_has_a_column_per_category_and_the_combined_one_after_the_ethnic(data, q3):
    keys = [c.key for c in F.biểu_24(q3).columns]
    assert keys[:4] == ["total", "sex:male", "sex:female", "cat:1"]
    assert keys[keys.index("cat:4") + 1] == "poor_ethnic"
    assert {"cat:7a", "cat:6a"} <= set(keys)


def test_biểu_25_counts_each_cell_by_hand(data, q3):
    s = F.biểu_25(q3)
    expected = {
        ("total", "all"): 7,  # A B C D G H I
        ("total", "carried"): 2,  # D, G
        ("total", "new"): 5,  # A B C H I
        ("total", "performer:legal_aid_officer"): 1,  # B
        ("total", "performer:contracted_lawyer"): 1,  # C
        ("total", "performer:collaborator"): 0,
        ("total", "performer:none"): 5,
        ("total", "ended"): 2,  # G, H
        ("total", f"ended:{Outcome.DONE}"): 1,  # G
        ("total", f"ended:{Outcome.SUSPENDED}"): 0,
        ("total", "ended:discontinued"): 1,  # H
        ("total", "open_end"): 5,  # A B C D I
        (f"form:{Form.ADVICE}", "all"): 4,  # A B G I
        (f"form:{Form.LITIGATION}", "carried"): 1,  # D
        (f"form:{Form.ADVICE}|field:{field_id('dat_dai')}", "ended"): 1,  # G
    }
    got = {k: s.cell(*k) for k in expected}
    assert got == expected


@pytest.mark.parametrize(
    ("section", "records", "row", "column", "codes"),
    [
        ("b24", F.biểu_24_records, "total", "poor_ethnic", {"A"}),
        ("b24", F.biểu_24_records, "total", "sex:male", {"B", "C"}),
        ("b25", F.biểu_25_records, "total", "carried", {"D", "G"}),
        ("b25", F.biểu_25_records, "total", "ended:discontinued", {"H"}),
        ("b25", F.biểu_25_records, "total", "open_end", {"A", "B", "C", "D", "I"}),
        ("b25", F.biểu_25_records, "total", "performer:none", {"A", "D", "G", "H", "I"}),
    ],
)
def test_each_cell_leads_to_the_cases_it_counts(data, q3, section, records, row, column, codes):
    found = set(records(q3, row, column).values_list("code", flat=True))
    assert found == {data[c].code for c in codes}


def test_another_centres_cases_are_not_counted(data, q3, other_centre_staff, other_centre):
    from tests.factories import DepartmentFactory

    make_case(other_centre_staff, DepartmentFactory(centre=other_centre),
              accepted=date(2026, 7, 1))  # fmt: skip
    assert F.biểu_24(q3).cell("total", "total") == 5


def test_refused_and_transferred_by_reason(staff, q3):
    decided = datetime(2026, 7, 2, 10, tzinfo=VN)
    for ground in (RefusalGround.NOT_ELIGIBLE, RefusalGround.NOT_ELIGIBLE, RefusalGround.DECEASED):
        make_request(staff, status=RequestStatus.REFUSED, refusal_ground=ground,
                     decided_at=decided)  # fmt: skip
    make_request(staff, status=RequestStatus.TRANSFERRED, decided_at=decided,
                 form=Form.LITIGATION, transferred_to_name="Trung tâm tỉnh Cao Bằng")  # fmt: skip
    make_request(
        staff,
        status=RequestStatus.REFUSED,
        refusal_ground=RefusalGround.UNLAWFUL,
        decided_at=datetime(2026, 9, 15, 10, tzinfo=VN),
    )  # fmt: skip  (next quarter)
    s = F.refused_and_transferred(q3)
    assert s.cell("total", "total") == 4
    assert s.cell("refused", "total") == 3
    assert s.cell(f"ground:{RefusalGround.NOT_ELIGIBLE}", "total") == 2
    assert s.cell(f"ground:{RefusalGround.UNLAWFUL}", "total") == 0
    assert s.cell("transferred", f"form:{Form.LITIGATION}") == 1
    assert F.refused_records(q3, "transferred", "total").count() == 1


def test_limits_met_and_missed_are_judged_at_the_period_end(staff, professional_office, q3):
    # advice accepted 01/07, 10-day limit (Điều 32.2) due in July: one answered in time,
    # one answered late, one never answered (overdue at the end)
    dept = professional_office
    make_case(staff, dept, accepted=date(2026, 7, 1), status=CaseStatus.CLOSED,
              ended=date(2026, 7, 5), outcome=Outcome.DONE)  # fmt: skip
    make_case(staff, dept, accepted=date(2026, 7, 1), status=CaseStatus.CLOSED,
              ended=date(2026, 7, 30), outcome=Outcome.DONE)  # fmt: skip
    make_case(staff, dept, accepted=date(2026, 7, 1))
    s = F.limits_met(q3)
    assert s.cell("written_advice", "done") == 1
    assert s.cell("written_advice", "late") == 1
    assert s.cell("written_advice", "overdue") == 1
    assert F.limits_records(q3, "written_advice", "overdue").count() == 1


def test_each_cases_performer_change_answers_are_judged_with_its_own_requests(
    staff, professional_office, q3
):
    # Điều 30 (change of performer): answered within 03 working days of the request.
    # Each case's requests are read in one query for all the cases and filed by case.
    def change(case, requested, answered=None):
        case.change_requests.create(
            requested_at=requested, reason="Đổi người", recorded_by=staff, answered_at=answered,
            status=ChangeRequestStatus.ACCEPTED if answered else ChangeRequestStatus.PENDING,
        )  # fmt: skip

    monday = datetime(2026, 7, 6, 9, 0, tzinfo=VN)
    in_time, late, waiting, none = (
        make_case(staff, professional_office, accepted=date(2026, 7, 1), form=Form.LITIGATION)
        for _ in range(4)
    )
    change(in_time, monday, datetime(2026, 7, 7, 10, 0, tzinfo=VN))
    change(late, monday, datetime(2026, 7, 20, 10, 0, tzinfo=VN))
    change(waiting, monday)
    change(waiting, datetime(2026, 8, 3, 9, 0, tzinfo=VN), datetime(2026, 8, 4, 9, 0, tzinfo=VN))
    s = F.limits_met(q3)
    row = "change_performer_answer"
    assert (s.cell(row, "done"), s.cell(row, "late"), s.cell(row, "overdue")) == (2, 1, 1)
    assert set(F.limits_records(q3, row, "overdue")) == {waiting}
    assert set(F.limits_records(q3, row, "late")) == {late}
    assert none not in set(F.limits_records(q3, row, "done"))


def _count_queries(django_assert_num_queries, build, scope, n):
    with django_assert_num_queries(n):
        build(scope)


@pytest.mark.parametrize("size", [100, 1000])
@pytest.mark.parametrize(
    ("build", "queries"),
    [(F.biểu_24, 5), (F.biểu_25, 2), (F.refused_and_transferred, 1), (F.limits_met, 3)],
)
def test_tables_take_a_constant_number_of_queries(
    staff, professional_office, q3, django_assert_num_queries, size, build, queries
):
    bulk_cases(staff, professional_office, size, date(2026, 7, 1))
    _count_queries(django_assert_num_queries, build, q3, queries)
    if build is F.biểu_24:
        assert build(q3).cell("total", "poor_ethnic") == size
