"""The report's other sections on hand-built data: appraisal grades and successful
litigation, outreach by kind and commune, materials placed, trainings per officer; each
cell counted by hand, a constant number of queries, and the drill-down scoped (a Sở
reviewer gets figures, never a list small enough to point at a person)."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from cases.models import Appraisal, AppraisalPlan, CaseCriterion, CaseCriterionMark
from cases.states import AppraisalStatus, CaseStatus, Form, Outcome
from outreach.models import Activity, Attendance, Material, Placement, TrainingSession
from reports import services
from reports.figures import appraisal as A
from reports.figures import outreach as O
from reports.figures import trainings as T
from reports.rules.periods import Kind
from tests.clock import VN
from tests.factories import UserFactory
from tgpl.roles import Role

from .factories import make_case

pytestmark = pytest.mark.django_db

BA_SON, KY_LUA = 6202, 6187


def moment(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=VN)


def appraised(director, case, grade, approved_on, *, plan=None, status=AppraisalStatus.APPROVED):
    plan = plan or AppraisalPlan.objects.create(
        centre=case.centre, title="Kế hoạch thẩm định", period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31), seed="s", created_by=director,
        created_at=moment(date(2026, 6, 1)),
    )  # fmt: skip
    Appraisal.objects.create(plan=plan, case=case, status=status, criteria_on=approved_on,
                             grade=grade, approved_at=moment(approved_on))  # fmt: skip
    return plan


def mark(case, catalogue, who):
    criterion = CaseCriterion.objects.filter(catalogue=catalogue).first()
    CaseCriterionMark.objects.create(case=case, criterion=criterion, recorded_by=who,
                                     recorded_at=moment(date(2026, 8, 1)))  # fmt: skip


def test_appraisal_grades_and_successful_litigation_by_hand(
    staff, professional_office, director, q3
):
    dept = professional_office

    def closed(form=Form.LITIGATION, ended=date(2026, 8, 1), field="hinh_su"):
        return make_case(staff, dept, accepted=date(2026, 5, 1), form=form, field=field,
                         status=CaseStatus.CLOSED, ended=ended, outcome=Outcome.DONE)  # fmt: skip

    a, b, c = closed(), closed(), closed(form=Form.ADVICE, field="dan_su")
    late = closed(ended=date(2026, 9, 20))
    plan = appraised(director, a, "excellent", date(2026, 7, 1))
    appraised(director, a, "good", date(2026, 8, 1))  # a second plan: once in "all"
    appraised(director, b, "fail", date(2026, 9, 14), plan=plan)
    appraised(director, c, "good", date(2026, 8, 2), plan=plan)
    appraised(director, late, "pass", date(2026, 9, 15), plan=plan)  # after the period
    d = closed()
    appraised(director, d, "pass", date(2026, 8, 2), plan=plan, status=AppraisalStatus.SUBMITTED)
    s = A.appraisal_results(q3)
    lit = f"form:{Form.LITIGATION}"
    assert s.row("total").cells == [3, 1, 2, 0, 1]  # a, b, c | tốt a, khá a c, không đạt b
    assert s.row(lit).cells == [2, 1, 1, 0, 1]
    assert s.row(f"form:{Form.ADVICE}").cells == [1, 0, 1, 0, 0]
    assert set(A.appraisal_records(q3, lit, "grade:good")) == {a}
    assert set(A.appraisal_records(q3, "total", "all")) == {a, b, c}

    mark(a, CaseCriterion.Catalogue.SUCCESSFUL, director)
    mark(b, CaseCriterion.Catalogue.COMPLEX, director)
    mark(late, CaseCriterion.Catalogue.SUCCESSFUL, director)  # ended after the period
    s = A.successful_cases(q3)
    assert s.row("total").cells == [3, 1, 1]  # a, b, d (c is advice, late after)
    assert [r.level for r in s.rows] == [0, 2]
    assert set(A.successful_records(q3, "total", "successful")) == {a}
    assert set(A.successful_records(q3, s.rows[1].key, "complex")) == {b}


def activity(actor, day, kind=Activity.Kind.COMMUNE_SESSION, commune=BA_SON, **counts):
    return Activity.objects.create(centre=actor.centre, kind=kind, title="Truyền thông",
                                   starts_at=moment(day), commune_code=commune,
                                   created_by=actor, **counts)  # fmt: skip


def test_outreach_by_kind_and_commune_by_hand(staff, q3, other_centre_staff):
    one = activity(staff, date(2026, 6, 15), participants_male=10, participants_female=5,
                   ethnic_minority=7, children=2)  # fmt: skip
    activity(staff, date(2026, 9, 14), commune=KY_LUA, participants_female=4, poor_households=3)
    radio = activity(staff, date(2026, 7, 1), kind=Activity.Kind.RADIO_TV, commune=None)
    activity(staff, date(2026, 9, 15), participants_male=50)  # after the period
    activity(other_centre_staff, date(2026, 7, 1), participants_male=50)  # not ours
    s = O.activities_by_kind(q3)
    # activities, participants, male, female, DTTS, poor, disabled, children
    assert s.row("total").cells == [3, 19, 10, 9, 7, 3, 0, 2]
    assert s.row(f"kind:{Activity.Kind.COMMUNE_SESSION}").cells == [2, 19, 10, 9, 7, 3, 0, 2]
    assert s.row(f"kind:{Activity.Kind.RADIO_TV}").cells[0] == 1
    assert set(O.activity_records(q3, "total", "ethnic_minority")) == {one}
    communes = O.activities_by_commune(q3)
    assert [r.key for r in communes.rows] == [
        "total",
        f"commune:{KY_LUA}",
        f"commune:{BA_SON}",
        "commune:none",
    ]  # fmt: skip  (by name: Phường Kỳ Lừa, Xã Ba Sơn)
    assert communes.row(f"commune:{KY_LUA}").cells[:2] == [1, 4]
    assert set(O.activity_records(q3, "commune:none", "activities")) == {radio}


def test_materials_placed_by_hand(staff, q3):
    board = Material.objects.create(centre=staff.centre, kind=Material.Kind.INFO_BOARD,
                                    title="Bảng", quantity_produced=50,
                                    produced_on=date(2026, 1, 5))  # fmt: skip
    leaflet = Material.objects.create(centre=staff.centre, kind=Material.Kind.LEAFLET,
                                      title="Tờ gấp", quantity_produced=900,
                                      produced_on=date(2026, 1, 5))  # fmt: skip

    def place(material, day, n, commune=BA_SON):
        return Placement.objects.create(material=material, on=day, quantity=n,
                                        commune_code=commune, received_by="Công chức tư pháp",
                                        created_by=staff)  # fmt: skip

    place(board, date(2026, 6, 15), 2)
    place(leaflet, date(2026, 7, 1), 300)
    place(leaflet, date(2026, 8, 1), 100, commune=KY_LUA)
    place(leaflet, date(2026, 9, 15), 100)  # after the period
    s = O.materials_placed(q3)
    assert s.row("total").cells == [3, 402, 2]  # Ba Sơn once in the total
    assert s.row(f"kind:{Material.Kind.LEAFLET}").cells == [2, 400, 2]
    assert s.row(f"kind:{Material.Kind.INFO_BOARD}").cells == [1, 2, 1]
    assert O.placement_records(q3, f"kind:{Material.Kind.LEAFLET}", "quantity").count() == 2


@pytest.fixture
def second_officer(professional_office):
    return UserFactory(username="tgv2", full_name="Chu Văn Đức", centre=professional_office.centre,
                       department=professional_office, roles=[Role.LEGAL_AID_OFFICER])  # fmt: skip


def training(actor, ends, hours):
    return TrainingSession.objects.create(centre=actor.centre, title="Tập huấn", content="Kỹ năng",
                                          form=TrainingSession.Form.COURSE, organiser="Cục",
                                          starts_on=ends, ends_on=ends, hours=Decimal(hours),
                                          created_by=actor)  # fmt: skip


def attend(session, person, hours, by):
    return Attendance.objects.create(session=session, person=person, hours=Decimal(hours),
                                     recorded_by=by)  # fmt: skip


def test_trainings_per_officer_and_the_yearly_minimum(staff, officer, second_officer, q3):
    spring, summer = training(staff, date(2026, 3, 2), "4"), training(staff, date(2026, 7, 1), "8")
    autumn = training(staff, date(2026, 9, 20), "8")
    attend(spring, officer, "4", staff)
    attend(summer, officer, "4.5", staff)  # 8,5 h by the period's end: compliant
    attend(summer, second_officer, "7.5", staff)  # short of 8 h
    attend(autumn, second_officer, "8", staff)  # after the period
    s = T.trainings(q3)
    # officers, sessions, hours, hours of the year, compliant, exempt, short
    assert s.row("total").cells == [2, 2, 12, 16, 1, 0, 1]
    assert s.row(f"officer:{officer.pk}").cells == [1, 1, 5, 9, 1, 0, 0]  # 4,5 → 5; 8,5 → 9
    assert s.row(f"officer:{second_officer.pk}").cells == [1, 1, 8, 8, 0, 0, 1]  # 7,5 short
    assert [r.label for r in s.rows[1:]] == ["Chu Văn Đức", "Lăng Thị Mai"]
    short = T.training_records(q3, "total", "standing:short")
    assert {a.person_id for a in short} == {second_officer.pk}
    assert T.training_records(q3, f"officer:{officer.pk}", "hours").count() == 1


@pytest.mark.parametrize("size", [2, 20])
def test_new_sections_take_a_constant_number_of_queries(
    staff, officer, professional_office, director, q3, size, django_assert_num_queries
):
    for i in range(size):
        case = make_case(staff, professional_office, accepted=date(2026, 5, 1),
                         form=Form.LITIGATION, field="hinh_su" if i % 2 else "dan_su",
                         status=CaseStatus.CLOSED, ended=date(2026, 8, 1),
                         outcome=Outcome.DONE)  # fmt: skip
        appraised(director, case, "good", date(2026, 8, 1))
        activity(staff, date(2026, 7, 1), commune=BA_SON + i % 2)
        attend(training(staff, date(2026, 7, 1), "2"), officer, "2", staff)
    for build, queries in [
        (A.appraisal_results, 2), (A.successful_cases, 2), (O.activities_by_kind, 1),
        (O.activities_by_commune, 1), (O.materials_placed, 2), (T.trainings, 4),
    ]:  # fmt: skip
        with django_assert_num_queries(queries):
            build(q3)


def test_a_reviewer_gets_the_figures_never_the_people_behind_small_ones(
    client, staff, officer, director, reviewer, q3
):
    attend(training(staff, date(2026, 7, 1), "8"), officer, "8", staff)
    activity(staff, date(2026, 7, 1))
    report = services.open_report(actor=staff, centre=staff.centre, kind=Kind.QUARTERLY,
                                  year=2026, number=3)  # fmt: skip
    services.sign_off_report(actor=director, report=report)
    services.send_report(actor=staff, report=report)
    url = reverse("reports:drill", args=[report.pk, "trainings"])
    query = {"row": "total", "column": "standing:compliant"}
    client.force_login(reviewer)
    response = client.get(url, query)
    assert response.status_code == 200
    assert response.context["hidden"]
    assert "Lăng Thị Mai" not in response.content.decode()
    client.force_login(director)
    response = client.get(url, query)
    assert not response.context["hidden"]
    assert "Lăng Thị Mai" in response.content.decode()
    response = client.get(reverse("reports:drill", args=[report.pk, "outreach"]),
                          {"row": "total", "column": "activities"})  # fmt: skip
    assert [a.title for a in response.context["page"]] == ["Truyền thông"]
