"""The inter-agency council on legal aid in proceedings (issue 17.4): at most 8 members,
its meetings and who may keep them, its reports' figures from the register of notices
(inside and outside 01/01–31/10 and 01/01–31/12, at the year's boundary), in constant
queries, as an official document and as .xlsx."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import CouncilMeeting, CouncilMember, ProceduralNotice
from cases.rules import council as rules
from cases.selectors_council import council_figures, report_figures
from cases.services import council as services
from tests.clock import TODAY, vn
from tests.factories import AgencyFactory
from tgpl.errors import BusinessRuleError
from tgpl.models import Agency

pytestmark = pytest.mark.django_db
SERIAL = count(1)


def member(actor, n: int, position=rules.MEMBER, on=date(2026, 1, 5)):
    return services.add_council_member(
        actor=actor, full_name=f"Thành viên số {n}", job_title="Phó Giám đốc",
        sector=rules.POLICE, position=position, joined_on=on,
    )  # fmt: skip


def notice(centre, actor, agency, at, *, kind=ProceduralNotice.Kind.NOTICE, **extra):
    return ProceduralNotice.objects.create(
        centre=centre, kind=kind, register_year=at.year, register_number=next(SERIAL),
        agency=agency, officer_name="Điều tra viên", received_at=at, person_name="Người bị bắt",
        person_status=ProceduralNotice.PersonStatus.ARRESTED, stage="investigation",
        agency_case_number="01/2026", recorded_by=actor, **extra,
    )  # fmt: skip


@pytest.fixture
def police():
    return AgencyFactory(kind=Agency.Kind.POLICE, name="Cơ quan CSĐT Công an tỉnh")


@pytest.fixture
def court():
    return AgencyFactory(kind=Agency.Kind.COURT, name="Tòa án nhân dân tỉnh")


# --- members ---------------------------------------------------------------------------


def test_the_council_has_at_most_eight_members_and_one_chair(staff):
    member(staff, 0, position=rules.CHAIR)
    with pytest.raises(BusinessRuleError, match="Chủ tịch"):
        member(staff, 1, position=rules.CHAIR)
    for n in range(1, 8):
        member(staff, n)
    assert CouncilMember.objects.count() == rules.MAX_MEMBERS
    with pytest.raises(BusinessRuleError, match="đủ 8 thành viên"):
        member(staff, 9)
    leaving = CouncilMember.objects.filter(position=rules.MEMBER).first()
    services.end_council_membership(actor=staff, member=leaving, on=date(2026, 6, 30))
    member(staff, 9, on=date(2026, 7, 1))  # the seat is free from the day after
    assert leaving.history.count() == 2


def test_only_the_keepers_add_members(head, officer, reviewer):
    for who in (head, officer, reviewer):
        with pytest.raises(BusinessRuleError):
            member(who, 1)


# --- meetings --------------------------------------------------------------------------


def _minutes(body=b"%PDF-1.4\n%%EOF\n", name="bien-ban.pdf"):
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def test_meeting_pages_follow_who_keeps_the_council(login, client, staff, head, officer, reviewer):
    create = reverse("cases:council_meeting_create")
    data = {"held_on": "10/03/2026", "place": "Sở Tư pháp", "agenda": "Sơ kết 6 tháng"}
    assert client.get(create).status_code == 302  # anonymous to the login page
    assert login(head).post(create, data).status_code == 403
    keeper = login(staff)
    assert keeper.post(create, {**data, "minutes": _minutes(b"MZ", "x.pdf")}).status_code == 400
    response = keeper.post(create, {**data, "minutes": _minutes()})
    meeting = CouncilMeeting.objects.get()
    assert response.url == reverse("cases:council_meeting", args=[meeting.pk])
    minutes = reverse("cases:council_meeting_minutes", args=[meeting.pk])
    assert keeper.get(minutes).status_code == 200
    edit = reverse("cases:council_meeting_edit", args=[meeting.pk])
    assert keeper.post(edit, {**data, "place": "UBND tỉnh"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.place == "UBND tỉnh"
    # the Sở follows the meetings, not the minutes (an uploaded file may name a person)
    sở = login(reviewer)
    assert sở.get(reverse("cases:council_meeting", args=[meeting.pk])).status_code == 200
    assert sở.get(minutes).status_code == 403
    assert sở.post(edit, data).status_code == 403
    assert login(officer).get(reverse("cases:council")).status_code == 403
    delete = reverse("cases:council_meeting_delete", args=[meeting.pk])
    assert login(head).post(delete).status_code == 403
    assert login(staff).get(delete).status_code == 405
    assert login(staff).post(delete).status_code == 302
    assert not CouncilMeeting.objects.exists()


# --- the report's figures ---------------------------------------------------------------


@pytest.fixture
def register(centre, staff, police, court):
    """Notices at the edges of the periods (Vietnam's days, received to the minute)."""
    notice(centre, staff, police, vn(2025, 12, 31, 23, 59))  # last year
    notice(centre, staff, police, vn(2026, 1, 1, 0, 0), by_phone=True)  # first minute
    notice(centre, staff, police, vn(2026, 10, 31, 23, 59), mandatory_defence=True)
    notice(centre, staff, court, vn(2026, 11, 1, 0, 0), kind=ProceduralNotice.Kind.INFORMATION)
    notice(centre, staff, court, vn(2026, 12, 31, 23, 59))  # 16:59 UTC: still 2026
    notice(centre, staff, court, vn(2027, 1, 1, 0, 0))  # next year (17:00 UTC of 31/12)


def test_first_report_counts_01_01_to_31_10_and_second_the_whole_year(centre, register):
    first = council_figures(centre.pk, 2026, rules.FIRST)
    assert (first.start, first.end) == (date(2026, 1, 1), date(2026, 10, 31))
    assert [s.total.label for s in first.sectors] == ["Cơ quan Công an"]
    assert first.total.cells == [2, 0, 1, 1, 0]  # notices, information, phone, chỉ định, cử
    second = council_figures(centre.pk, 2026, rules.SECOND)
    assert [s.total.label for s in second.sectors] == ["Tòa án", "Cơ quan Công an"]
    court_row = second.sectors[0]
    assert court_row.total.cells == [1, 1, 0, 0, 0]
    assert [a.label for a in court_row.agencies] == ["Tòa án nhân dân tỉnh"]
    assert second.total.cells == [3, 1, 1, 1, 0]


def test_figures_count_the_notices_whose_person_was_assigned(
    centre, staff, head, officer, professional_office, performers, police
):
    from cases.states import Form
    from tests.cases.factories import assigned_case

    case = assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    notice(centre, staff, police, vn(2026, 3, 2), request=case.request)
    notice(centre, staff, police, vn(2026, 3, 3))
    assert council_figures(centre.pk, 2026, rules.FIRST).total.appointed == 1


def test_the_report_page_reads_the_figures_in_constant_queries(
    login, centre, staff, police, court, django_assert_num_queries
):
    report = services.save_council_report(actor=staff, year=2026, round_=2)
    client = login(staff)
    url = reverse("cases:council_report", args=[report.pk])
    client.get(url)  # warm the session, the roles, the templates
    agencies = [police, court]
    for size in (3, 30):
        for n in range(size):
            agency = agencies[n % 2] if n < 20 else AgencyFactory(kind=Agency.Kind.PROCURACY)
            notice(centre, staff, agency, vn(2026, 2, 1) + timedelta(hours=n))
        with django_assert_num_queries(QUERIES_REPORT_PAGE):
            assert client.get(url).status_code == 200


QUERIES_REPORT_PAGE = 7


def test_the_sở_reviewer_reads_the_reports_and_their_figures(
    login, reviewer, staff, centre, police
):
    notice(centre, staff, police, vn(2026, 5, 4))
    report = services.save_council_report(
        actor=staff, year=2026, round_=1, content="Phối hợp tốt với cơ quan điều tra."
    )
    client = login(reviewer)
    page = client.get(reverse("cases:council_report", args=[report.pk])).content.decode()
    assert "Cơ quan CSĐT Công an tỉnh" in page
    assert "Người bị bắt" not in page
    xlsx = client.get(reverse("cases:council_report_xlsx", args=[report.pk]))
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxml")
    prepare = reverse("cases:council_report_prepare", args=[2026, 1])
    assert client.get(prepare).status_code == 403


def test_the_first_report_needs_its_content_the_second_is_data_only(staff):
    with pytest.raises(BusinessRuleError, match="Mẫu 06A"):
        services.save_council_report(actor=staff, year=2026, round_=1, content=" ")
    second = services.save_council_report(actor=staff, year=2026, round_=2, content="bỏ qua")
    assert second.content == ""
    again = services.save_council_report(actor=staff, year=2026, round_=2)
    assert again.pk == second.pk
    assert again.history.count() == 2


def test_the_report_renders_as_an_official_document(login, staff, director, centre, police):
    from cases.documents_council import council_report

    notice(centre, staff, police, vn(2026, 4, 1), by_phone=True)
    report = services.save_council_report(
        actor=staff, year=2026, round_=1, content="Kết quả phối hợp.\nKiến nghị."
    )
    doc = council_report(report)
    texts = [getattr(block, "text", "") or getattr(block, "title", "") for block in doc.body]
    assert "I. NỘI DUNG (Mẫu 06A)" in texts
    assert "Cơ quan Công an" in texts
    assert doc.form_code.startswith("Mẫu 06A")
    url = reverse(
        "cases:document", kwargs={"kind": "council_report", "pk": report.pk, "fmt": "pdf"}
    )
    response = login(staff).get(url)  # the one PDF render of this file
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"%PDF")


def test_the_allowance_is_a_third_of_the_base_salary_shown_to_the_keepers(login, staff):
    from cases.services.fees import base_salary_on

    salary = base_salary_on(TODAY)
    assert rules.monthly_allowance(2_340_000) == 702_000
    page = login(staff).get(reverse("cases:council")).content.decode()
    assert f"{rules.monthly_allowance(salary)}" in page.replace(".", "")


# --- what the Sở reviewer gets of every council page (tests/cases/test_permissions.py
# counts these as the reviewer's explicit expectations) ----------------------------------


def _at(name: str, key: str | None = None, *, args=()):
    """The page's URL in the council world: by the object under `key`, or fixed args."""
    return lambda w: reverse(name, args=[w[key]] if key else list(args))


REVIEWER = {
    ("cases:council",): ("get", _at("cases:council"), 200),
    ("cases:council_member_create",): ("post", _at("cases:council_member_create"), 403),
    ("cases:council_member_end",): ("post", _at("cases:council_member_end", "member"), 403),
    ("cases:council_meeting_create",): ("get", _at("cases:council_meeting_create"), 403),
    ("cases:council_meeting",): ("get", _at("cases:council_meeting", "meeting"), 200),
    ("cases:council_meeting_edit",): ("post", _at("cases:council_meeting_edit", "meeting"), 403),
    ("cases:council_meeting_delete",): (
        "post",
        _at("cases:council_meeting_delete", "meeting"),
        403,
    ),
    ("cases:council_meeting_minutes",): (
        "get",
        _at("cases:council_meeting_minutes", "meeting"),
        403,
    ),
    ("cases:council_report_prepare",): (
        "get",
        _at("cases:council_report_prepare", args=[2026, 1]),
        403,
    ),
    ("cases:council_report",): ("get", _at("cases:council_report", "report"), 200),
    ("cases:council_report_xlsx",): ("get", _at("cases:council_report_xlsx", "report"), 200),
    ("cases:document", "council_report"): (
        "get",
        lambda w: reverse("cases:document", args=["council_report", w["report"], "pdf"]),
        200,
    ),
    ("cases:number_document", "council_report"): (
        "post",
        lambda w: reverse("cases:number_document", args=["council_report", w["report"]]),
        403,
    ),
}


@pytest.fixture
def council_world(staff, centre, police):
    notice(centre, staff, police, vn(2026, 5, 4))
    meeting = services.record_council_meeting(
        actor=staff, held_on=date(2026, 3, 10), place="Sở Tư pháp", agenda="Sơ kết",
        minutes=_minutes(),
    )  # fmt: skip
    report = services.save_council_report(actor=staff, year=2026, round_=1, content="Tốt.")
    return {"member": member(staff, 0).pk, "meeting": meeting.pk, "report": report.pk}


@pytest.mark.parametrize("signature", list(REVIEWER))
def test_the_reviewer_reads_the_council_and_changes_nothing(
    signature, council_world, login, reviewer
):
    method, url, expected = REVIEWER[signature]
    response = getattr(login(reviewer), method)(url(council_world))
    assert response.status_code == expected


def test_a_numbered_report_keeps_the_figures_of_its_numbering(login, staff, centre, police, court):
    """The văn thư numbers the signed report (Cấp số); a notice entered in the register
    afterwards counts in the register's figures, never in the numbered report: its page
    and its document say what they said that day, and it is no longer edited."""
    notice(centre, staff, police, vn(2026, 4, 1), by_phone=True)
    report = services.save_council_report(actor=staff, year=2026, round_=2)
    page_url = reverse("cases:council_report", args=[report.pk])
    client = login(staff)
    assert "được chốt khi báo cáo được cấp số" in client.get(page_url).content.decode()
    response = client.post(reverse("cases:number_document", args=["council_report", report.pk]))
    assert response["Location"] == page_url
    report.refresh_from_db()
    assert report.figures == [[Agency.Kind.POLICE, "Cơ quan CSĐT Công an tỉnh", 1, 0, 1, 0, 0]]
    assert report.history.latest().history_user == staff
    notice(centre, staff, court, vn(2026, 11, 20))  # entered after the numbering
    assert council_figures(centre.pk, 2026, rules.SECOND).total.cells == [2, 0, 1, 0, 0]
    kept = report_figures(report)
    assert [s.total.label for s in kept.sectors] == ["Cơ quan Công an"]
    assert kept.total.cells == [1, 0, 1, 0, 0]
    page = client.get(page_url).content.decode()
    assert "Tòa án nhân dân tỉnh" not in page
    assert "khi báo cáo được cấp số" in page
    assert reverse("cases:council_report_prepare", args=[2026, 2]) not in page
    from cases.documents_council import council_report

    texts = [getattr(block, "title", "") for block in council_report(report).body]
    assert "Tòa án" not in texts
    assert "Cơ quan Công an" in texts
    with pytest.raises(BusinessRuleError, match="đã được cấp số"):
        services.save_council_report(actor=staff, year=2026, round_=2)
