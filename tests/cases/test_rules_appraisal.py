"""The 100-point sheet, its grade and the draw (TT 12/2018 Điều 15–17), as pure rules."""

from datetime import date
from decimal import Decimal

import pytest

from cases.rules import appraisal as rules
from cases.rules import appraisal_catalogue as catalogue

ON = date(2026, 11, 18)
CRITERIA = [
    rules.Criterion(code, group, label, maximum, catalogue.TT_03_2021)
    for code, group, label, maximum in catalogue.CRITERIA
]
BANDS = [rules.Band(g, m, catalogue.TT_12_2018) for g, m in catalogue.BANDS]
D = Decimal


def test_the_sheet_of_2021_has_thirty_sixty_and_ten_points():
    totals = rules.group_totals(CRITERIA, {c.code: c.max_points for c in CRITERIA})
    assert totals == {1: 30, 2: 60, 3: 10}
    assert rules.total(CRITERIA, {c.code: c.max_points for c in CRITERIA}) == 100


@pytest.mark.parametrize(
    ("points", "expected", "article"),
    [
        (D("100"), rules.EXCELLENT, "Điều 17: tốt từ 90"),
        (D("90"), rules.EXCELLENT, "Điều 17: 90 là tốt"),
        (D("89.5"), rules.GOOD, "Điều 17: khá 70 – dưới 90"),
        (D("70"), rules.GOOD, "Điều 17: 70 là khá"),
        (D("69.5"), rules.PASS, "Điều 17: đạt 50 – dưới 70"),
        (D("50"), rules.PASS, "Điều 17: 50 là đạt"),
        (D("49.5"), rules.FAIL, "Điều 17: dưới 50 không đạt"),
        (D("0"), rules.FAIL, "Điều 17"),
    ],
)
def test_grade_at_every_boundary(points, expected, article):
    assert rules.grade(points, BANDS) == expected, article


@pytest.mark.parametrize("points", [D("100"), D("90"), D("75"), D("50")])
def test_a_breach_of_article_6_1_fails_whatever_the_score(points):
    assert rules.grade(points, BANDS, breach_6_1=True) == rules.FAIL


@pytest.mark.parametrize(
    ("code", "value", "problem"),
    [
        ("1a", D("10"), None),
        ("1a", D("10.5"), "Điểm tối đa của tiêu chí này là 10."),
        ("2a", D("5.5"), "Điểm tối đa của tiêu chí này là 5."),
        ("2c", D("20"), None),
        ("2c", D("-1"), "Điểm không được âm."),
        ("2d", D("7.25"), "Điểm chấm theo bậc 0,5."),
        ("3", None, "Chưa chấm điểm tiêu chí này."),
        ("3", D("0"), None),
    ],
)
def test_each_sub_score_is_bounded_by_its_maximum(code, value, problem):
    criterion = next(c for c in CRITERIA if c.code == code)
    assert rules.score_problem(criterion, value) == problem


def test_a_total_counts_only_scores_within_bounds():
    scores = {"1a": D("10"), "1b": D("11"), "2a": D("4.5")}
    assert rules.total(CRITERIA, scores) == D("14.5")
    assert set(rules.sheet_problems(CRITERIA, scores)) == {c.code for c in CRITERIA} - {"1a", "2a"}


@pytest.mark.parametrize(("raw", "value"), [("7,5", D("7.5")), (" 8 ", D("8")), ("", None)])
def test_typed_scores_accept_the_vietnamese_comma(raw, value):
    assert rules.parse_score(raw) == value


@pytest.mark.parametrize("raw", ["abc", "nan", "inf"])
def test_typed_scores_refuse_what_is_not_a_number(raw):
    with pytest.raises(ValueError, match="số"):
        rules.parse_score(raw)


def test_criteria_versions_are_judged_on_the_date():
    old = rules.Criterion("1a", 1, "cũ", D(15), date(2018, 10, 12), date(2021, 7, 14))
    new = rules.Criterion("1a", 1, "mới", D(10), date(2021, 7, 15))
    assert rules.in_force([old, new], date(2021, 7, 14)) == [old]
    assert rules.in_force([old, new], date(2021, 7, 15)) == [new]


# --- who may appraise ---------------------------------------------------------------------


def test_the_performer_may_not_appraise_their_own_case():
    assert rules.appraiser_problem(7, performer_ids=[7], chain_ids=[]) == rules.SELF_APPRAISAL


def test_who_proposed_or_approved_the_assignment_may_not_appraise():
    assert rules.appraiser_problem(3, performer_ids=[7], chain_ids=[3, 4]) == rules.CHAIN_APPRAISAL


def test_someone_outside_the_case_may_appraise():
    assert rules.appraiser_problem(9, performer_ids=[7], chain_ids=[3, 4]) is None


# --- the draw -----------------------------------------------------------------------------


def candidates():
    # 20 cases of 4 performers (ids 1–4), most of them by performer 1
    return [rules.Candidate(i, 1 if i <= 14 else 2 + i % 3) for i in range(1, 21)]


def test_the_same_plan_draws_the_same_cases():
    first = rules.draw(candidates(), share_percent=30, seed="abc")
    again = rules.draw(list(reversed(candidates())), share_percent=30, seed="abc")
    assert first == again


def test_another_seed_draws_other_cases():
    assert rules.draw(candidates(), share_percent=30, seed="abc") != rules.draw(
        candidates(), share_percent=30, seed="xyz"
    )


@pytest.mark.parametrize("seed", ["a", "b", "c", "d", "e"])
@pytest.mark.parametrize("share", [1, 10, 30, 60])
def test_a_draw_covers_every_performer_and_takes_the_share(seed, share):
    drawn = rules.draw(candidates(), share_percent=share, seed=seed)
    by_case = {c.case_id: c.performer_id for c in candidates()}
    assert {by_case[i] for i in drawn} == {1, 2, 3, 4}
    assert len(drawn) == max(4, -(-20 * share // 100))
    assert len(set(drawn)) == len(drawn)


def test_all_cases_are_drawn_when_the_plan_says_all():
    assert sorted(rules.draw(candidates(), share_percent=None, seed="x")) == list(range(1, 21))
