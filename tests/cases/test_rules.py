# ruff: noqa: E501 - tables read best one case per line
"""Pure rules, tables naming the article (no database)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from cases.rules import catalogue, limits, quota
from cases.rules.codes import case_code
from cases.rules.eligibility import CategoryRule, assess
from cases.rules.performers import (
    ContractTerm,
    contract_term_problem,
    performer_problem,
    renewal_problem,
)
from tgpl.workdays import WorkCalendar

VN = ZoneInfo("Asia/Ho_Chi_Minh")
RULES = {
    code: CategoryRule(code, article, name, start, end, tuple(tuple(g) for g in groups))
    for code, article, name, start, end, groups in catalogue.CATEGORIES
}
CAL = WorkCalendar(extra_workdays=[date(2025, 4, 26), date(2026, 8, 22)])


def at(*args):
    return datetime(*args, tzinfo=VN)


@pytest.mark.parametrize(
    ("code", "on", "in_force", "article"),
    [
        ("7g", date(2025, 6, 30), True, "Điều 7.7.g, bãi bỏ bởi Luật 53/2024/QH15"),
        ("7g", date(2025, 7, 1), False, "Điều 7.7.g, bãi bỏ từ 01/07/2025"),
        ("6a", date(2025, 6, 30), False, "Điều 7.6a chưa có hiệu lực"),
        ("6a", date(2025, 7, 1), True, "Điều 7.6a, Luật 53/2024/QH15"),
        ("2", date(2018, 1, 1), True, "Điều 7.2, Luật TGPL có hiệu lực 01/01/2018"),
        ("2", date(2017, 12, 31), False, "trước khi Luật TGPL có hiệu lực"),
    ],
)
def test_category_applies_by_the_rules_at_the_request_date(code, on, in_force, article):
    assert RULES[code].in_force(on) is in_force, article


@pytest.mark.parametrize(
    ("code", "received", "proven", "article"),
    [
        ("2", {"ho_ngheo"}, True, "Điều 7.2: giấy chứng nhận hộ nghèo"),
        ("2", set(), False, "Điều 7.2 thiếu giấy chứng nhận hộ nghèo"),
        ("7d", {"khuyet_tat"}, False, "Điều 7.7.d thiếu chứng minh khó khăn tài chính"),
        ("7d", {"khuyet_tat", "tro_cap_xh"}, True, "NĐ 144/2017 Điều 2: trợ cấp xã hội"),
        ("7d", {"khuyet_tat", "ho_can_ngheo"}, True, "NĐ 144/2017 Điều 2: hộ cận nghèo"),
        ("6", {"ho_can_ngheo"}, False, "Điều 7.6 cần cả văn bản tố tụng"),
        ("6", {"ho_can_ngheo", "vb_to_tung"}, True, "Điều 7.6"),
        ("6a", {"mua_ban_nguoi"}, True, "Điều 7.6a: không cần chứng minh khó khăn tài chính"),
        ("3", {"vb_to_tung"}, True, "Điều 7.3: văn bản của cơ quan tố tụng thay giấy khai sinh"),
    ],
)
def test_proof_is_complete_when_every_group_has_a_document(code, received, proven, article):
    result = assess([RULES[code]], received, date(2026, 1, 5))
    assert result.proven is proven, article


def test_missing_documents_name_the_alternatives():
    result = assess([RULES["7d"]], {"khuyet_tat"}, date(2026, 1, 5))
    names = dict(catalogue.PROOF_DOCUMENTS)
    [missing] = result.missing_documents(names)
    assert missing.startswith("7d: Giấy chứng nhận hộ cận nghèo hoặc")


def test_a_category_out_of_force_makes_no_eligibility():
    result = assess([RULES["7g"]], {"ho_can_ngheo", "mua_ban_nguoi"}, date(2025, 8, 1))
    assert not result.eligible
    assert not result.proven


@pytest.mark.parametrize(
    ("start", "limit_key", "due", "article"),
    [
        (at(2026, 8, 21, 10), "supplement_proof", date(2026, 8, 27), "TT 12/2018 Điều 6.2, Sat 22/08 làm bù"),
        (at(2026, 8, 21, 10), "supplement_proof_disadvantaged", date(2026, 9, 8), "TT 12/2018 Điều 6.2, 10 ngày làm việc qua Quốc khánh"),
        (at(2026, 2, 13, 9), "change_performer_answer", date(2026, 2, 25), "TT 12/2018 Điều 9.1 qua Tết"),
        (at(2026, 2, 13, 9), "appoint_litigation", date(2026, 2, 25), "Luật TGPL Điều 31.2"),
        (at(2026, 4, 23, 9), "written_advice", date(2026, 5, 4), "Luật TGPL Điều 32.2, ngày cuối Chủ nhật → thứ Hai (BLDS Điều 148)"),
        (at(2026, 1, 5, 9), "file_hand_in", date(2026, 2, 4), "Luật TGPL Điều 39"),
        (at(2025, 4, 25, 9), "appoint_representation", date(2025, 4, 29), "Luật TGPL Điều 33.2, 26/04/2025 làm bù"),
    ],
)  # fmt: skip
def test_limit_due_dates(start, limit_key, due, article):
    rule = limits.RULES[limit_key]
    moment = limits.due_moment(start, rule.limit, CAL)
    assert moment.date() == due, article
    assert (moment.hour, moment.minute) == (23, 59)


def test_arrested_person_gets_a_performer_within_twelve_hours():
    rule = limits.appointment_rule("litigation", detained=True)
    assert rule.article == "Luật TGPL Điều 31.2"
    assert limits.due_moment(at(2026, 2, 16, 20), rule.limit, CAL) == at(2026, 2, 17, 8)


@pytest.mark.parametrize(
    ("form", "detained", "key"),
    [
        ("litigation", False, "appoint_litigation"),
        ("litigation", True, "appoint_detained"),
        ("representation", False, "appoint_representation"),
        ("advice", False, None),
    ],
)
def test_appointment_limit_by_form(form, detained, key):
    rule = limits.appointment_rule(form, detained)
    assert (rule.key if rule else None) == key


@pytest.mark.parametrize("days", [9, 31])
def test_advice_limit_stays_between_ten_and_thirty_days(days):
    with pytest.raises(ValueError, match=r"Điều 32.2"):
        limits.advice_rule(days)


@pytest.mark.parametrize(
    ("received", "event", "applies", "article"),
    [
        (date(2026, 11, 23), date(2026, 11, 27), True, "TT 12/2018 Điều 6.1: còn 4 ngày làm việc"),
        (
            date(2026, 11, 23),
            date(2026, 11, 30),
            True,
            "còn 4 ngày làm việc: 24/11 là Ngày Văn hóa",
        ),
        (date(2026, 11, 23), date(2026, 12, 1), False, "còn đúng 5 ngày làm việc"),
        (date(2026, 11, 23), date(2026, 11, 20), True, "đã quá hạn"),
    ],
)
def test_immediate_acceptance_threshold(received, event, applies, article):
    assert limits.immediate_acceptance_applies(received, event, CAL) is applies, article


def test_case_limits_show_what_is_running_and_what_was_met():
    facts = limits.CaseFacts(
        form="litigation",
        accepted_at=at(2026, 11, 2, 9),
        appointed_at=at(2026, 11, 3, 9),
        change_requests=((at(2026, 11, 10, 9), None),),
    )
    running = limits.case_limits(facts, CAL, now=at(2026, 11, 23, 9))
    states = {r.rule.key: r.state for r in running}
    assert states == {"appoint_litigation": "done", "change_performer_answer": "overdue"}


@pytest.mark.parametrize(
    ("ended", "state", "why"),
    [
        (None, "overdue", "03 ngày làm việc từ 10/11 đã qua, chưa trả lời"),
        (at(2026, 11, 12, 9), "done", "vụ việc kết thúc trong hạn trả lời"),
        (at(2026, 11, 20, 9), "late", "vụ việc kết thúc sau hạn trả lời"),
    ],
)
def test_an_unanswered_change_request_stops_at_the_end_of_the_case(ended, state, why):
    facts = limits.CaseFacts(
        form="litigation",
        accepted_at=at(2026, 11, 2, 9),
        appointed_at=at(2026, 11, 3, 9),
        change_requests=((at(2026, 11, 10, 9), None),),
        ended_at=ended,
    )
    running = {r.rule.key: r for r in limits.case_limits(facts, CAL, now=at(2026, 11, 30, 9))}
    assert running["change_performer_answer"].state == state, why
    assert running["change_performer_answer"].is_open is (ended is None)


def test_case_limits_after_end_ask_for_the_file():
    facts = limits.CaseFacts(
        form="advice", accepted_at=at(2026, 11, 2, 9), ended_at=at(2026, 11, 20, 9)
    )
    running = {r.rule.key: r for r in limits.case_limits(facts, CAL, now=at(2026, 11, 23, 9))}
    assert running["written_advice"].state == "late"
    assert running["file_hand_in"].state == "running"


@pytest.mark.parametrize(
    ("prefix", "form", "serial", "code", "article"),
    [
        ("TT", "advice", 1, "TT.TV.01.2026", "TT 12/2018 Điều 11"),
        ("CN1", "litigation", 12, "CN1.TGTT.12.2026", "TT 12/2018 Điều 11, chi nhánh"),
        ("TT", "representation", 3, "TT.ĐD.03.2026", "viết tắt ĐD chưa xác nhận"),
    ],
)
def test_case_code(prefix, form, serial, code, article):
    assert case_code(prefix, form, serial, 2026) == code, article


VALID = (ContractTerm("01/HĐ", date(2026, 1, 1), date(2026, 12, 31)),)


@pytest.mark.parametrize(
    ("kind", "form", "on", "contracts", "message"),
    [
        ("legal_aid_officer", "litigation", date(2026, 6, 1), (), None),
        ("contracted_lawyer", "litigation", date(2026, 6, 1), VALID, None),
        ("contracted_lawyer", "litigation", date(2027, 1, 1), VALID, "không còn hiệu lực"),
        ("contracted_lawyer", "advice", date(2026, 6, 1), (), "không còn hiệu lực"),
        ("collaborator", "advice", date(2026, 6, 1), VALID, None),
        ("collaborator", "litigation", date(2026, 6, 1), VALID, "chỉ thực hiện tư vấn"),
        ("collaborator", "representation", date(2026, 6, 1), VALID, "Điều 24"),
    ],
)
def test_who_may_perform(kind, form, on, contracts, message):
    problem = performer_problem(kind=kind, form=form, on=on, contracts=contracts)
    if message is None:
        assert problem is None
    else:
        assert message in problem


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        (date(2026, 1, 1), date(2028, 12, 31), True),
        (date(2026, 1, 1), date(2029, 1, 1), True),
        (date(2026, 1, 1), date(2029, 1, 2), False),
        (date(2026, 1, 2), date(2026, 1, 1), False),
    ],
)
def test_contract_term_is_at_most_three_years(start, end, ok):
    assert (contract_term_problem(start, end) is None) is ok, "TT 08/2017/TT-BTP"


def test_contract_renews_only_once():
    assert renewal_problem(previous_is_renewal=False) is None
    assert "một lần" in renewal_problem(previous_is_renewal=True)


TIERS = [quota.QuotaTier(*t) for t in catalogue.QUOTA_TIERS_2022]


@pytest.mark.parametrize(
    ("count", "seniority", "level"),
    [
        (5, 1, quota.NOT_MET),
        (6, 1, quota.PASS),
        (12, 2, quota.GOOD),
        (16, 2, quota.EXCELLENT),
        (14, 3, quota.PASS),
        (15, 4, quota.GOOD),
        (26, 5, quota.GOOD),
        (27, 10, quota.EXCELLENT),
    ],
)
def test_quota_level_by_seniority_tier(count, seniority, level):
    assert quota.quota_level(count, seniority, TIERS) == level, "Công văn 5008/BTP-TGPL"
