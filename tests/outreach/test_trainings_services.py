"""Writes of trainings: hours per year, attendance bounds, certificates, exemptions, the
decision sending staff and the yearly report (numbered)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from outreach import selectors_trainings as selectors
from outreach.models import Attendance, Exemption
from outreach.rules.trainings import Standing
from outreach.services import trainings as services
from tgpl.documents.models import IssuedDocument
from tgpl.errors import BusinessRuleError

from .factories_trainings import attend, reason, session

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 chung nhan"


def _year_of(officer, year):
    return next(o for o in selectors.officer_years(officer.centre_id, year) if o.person == officer)


def test_hours_are_summed_across_the_sessions_of_the_year_only(staff, officer):
    march = session(staff, on=dt.date(2026, 3, 10), hours="4")
    june = session(staff, on=dt.date(2026, 6, 10), hours="4")
    last_year = session(staff, on=dt.date(2025, 12, 10), hours="8")
    over_new_year = session(staff, on=dt.date(2026, 12, 30), until=dt.date(2027, 1, 2), hours="8")
    attend(staff, march, officer, "3.5")
    attend(staff, june, officer, 4)
    attend(staff, last_year, officer, 8)
    attend(staff, over_new_year, officer, 8)  # ends in 2027: counts in 2027

    year = _year_of(officer, 2026)
    assert year.account.hours == Decimal("7.5")
    assert year.account.standing == Standing.SHORT
    assert [a.session for a in year.attendances] == [march, june]
    assert _year_of(officer, 2025).account.hours == Decimal("8")
    assert _year_of(officer, 2027).account.hours == Decimal("8")


def test_eight_hours_is_compliant_seven_and_a_half_is_not(staff, officer, officer2):
    one = session(staff, on=dt.date(2026, 4, 1), hours="8")
    attend(staff, one, officer, 8)
    attend(staff, one, officer2, "7.5")
    standings = {
        o.person: o.account.standing for o in selectors.officer_years(officer.centre_id, 2026)
    }
    assert standings[officer] == Standing.COMPLIANT
    assert standings[officer2] == Standing.SHORT


def test_a_nomination_counts_no_hours_until_they_are_recorded(staff, officer):
    one = session(staff, on=dt.date(2026, 4, 1), hours="8")
    services.nominate(actor=staff, session=one, people=[officer], purpose="Giấy mời số 12")
    assert Attendance.objects.get(session=one, person=officer).hours is None
    assert _year_of(officer, 2026).account.hours == 0
    attend(staff, one, officer, 8)
    assert _year_of(officer, 2026).account.standing == Standing.COMPLIANT


def test_hours_above_the_session_length_are_refused(staff, officer):
    one = session(staff, on=dt.date(2026, 4, 1), hours="4")
    with pytest.raises(BusinessRuleError, match="thời lượng"):
        attend(staff, one, officer, "4.5")
    assert not Attendance.objects.exists()


def test_a_person_of_another_centre_cannot_be_recorded(staff, other_centre_staff):
    one = session(staff, on=dt.date(2026, 4, 1))
    with pytest.raises(BusinessRuleError, match="của Trung tâm"):
        attend(staff, one, other_centre_staff, 8)


def test_an_officer_cannot_enter_trainings(officer):
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        session(officer, on=dt.date(2026, 4, 1))


def test_a_certificate_is_kept_with_the_attendance(staff, officer):
    one = session(staff, on=dt.date(2026, 4, 1))
    upload = SimpleUploadedFile("chung-nhan.pdf", PDF, content_type="application/pdf")
    attendance = services.record_attendance(
        actor=staff, session=one, person=officer, hours=Decimal("8"), certificate=upload
    )
    assert attendance.certificate_name == "chung-nhan.pdf"
    assert attendance.certificate.read() == PDF
    assert attendance.history.first().history_user == staff


def test_a_renamed_program_is_not_accepted_as_a_certificate(staff, officer):
    one = session(staff, on=dt.date(2026, 4, 1))
    upload = SimpleUploadedFile("chung-nhan.pdf", b"MZ\x90\x00 program")
    with pytest.raises(BusinessRuleError, match="không đúng định dạng PDF"):
        services.record_attendance(
            actor=staff, session=one, person=officer, hours=Decimal("8"), certificate=upload
        )
    assert not Attendance.objects.exists()


def test_a_six_month_study_exempts_a_shorter_one_is_refused(staff, officer):
    study = reason("4a-hoc-tap")
    with pytest.raises(BusinessRuleError, match="06 tháng"):
        services.record_exemption(
            actor=staff, person=officer, reason=study,
            starts_on=dt.date(2026, 1, 5), ends_on=dt.date(2026, 7, 3),
        )  # fmt: skip
    services.record_exemption(
        actor=staff, person=officer, reason=study,
        starts_on=dt.date(2026, 1, 5), ends_on=dt.date(2026, 7, 4),
    )  # fmt: skip
    officer_year = _year_of(officer, 2026)
    assert officer_year.account.standing == Standing.EXEMPT
    assert officer_year.exemption.reason == study


@pytest.mark.parametrize(
    "code", ["4a-hoc-tap", "4a-om-dau", "4b-biet-phai", "4c-thai-san", "4c-nuoi-con", "4c-bhxh"]
)
def test_each_reason_of_the_catalogue_makes_the_officer_compliant(code, staff, officer):
    services.record_exemption(
        actor=staff, person=officer, reason=reason(code),
        starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31), note="Quyết định số 5",
    )  # fmt: skip
    officer_year = _year_of(officer, 2026)
    assert officer_year.account.compliant
    assert officer_year.account.standing == Standing.EXEMPT


def test_only_officers_are_exempted(staff, lawyer):
    with pytest.raises(BusinessRuleError, match="Trợ giúp viên pháp lý"):
        services.record_exemption(
            actor=staff, person=lawyer, reason=reason("4c-thai-san"),
            starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 6, 1),
        )  # fmt: skip
    assert not Exemption.objects.exists()


def test_a_head_cannot_record_an_exemption(head, officer):
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        services.record_exemption(
            actor=head, person=officer, reason=reason("4c-thai-san"),
            starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 6, 1),
        )  # fmt: skip


def test_the_nomination_decision_takes_its_number_when_made(staff, officer, officer2):
    one = session(staff, on=dt.date(2026, 4, 1))
    nomination = services.nominate(actor=staff, session=one, people=[officer, officer2])
    issued = IssuedDocument.objects.get(object_id=nomination.pk, kind="QĐ")
    assert issued.number_text == "01/QĐ-TGPL"
    assert "cử viên chức tham gia" in issued.subject
    assert set(nomination.people.all()) == {officer, officer2}


def test_the_yearly_report_is_numbered_once(staff, officer):
    first = services.prepare_compliance_report(actor=staff, centre=staff.centre, year=2026)
    again = services.prepare_compliance_report(actor=staff, centre=staff.centre, year=2026)
    assert first == again
    assert IssuedDocument.objects.filter(kind="BC").count() == 1


def test_no_report_for_a_year_to_come(staff):
    with pytest.raises(BusinessRuleError, match="năm chưa tới"):
        services.prepare_compliance_report(actor=staff, centre=staff.centre, year=2027)
