"""Intake catches mistakes: a birth date in the future, a category the person's age on
the request date rules out, and a person already known (a warning, not a refusal)."""

from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cases import selectors, services
from cases.models import EligibilityCategory, LegalAidRequest
from cases.rules.eligibility import CategoryRule, age_on, age_problems, birth_problem
from tests.clock import NOW, TODAY, vn, vn_date
from tgpl.errors import BusinessRuleError

from .factories import accepted_case, category, receive
from .test_views import intake_data

REQUEST_DAY = date(2026, 11, 18)  # a Wednesday, the day of the pure tables


def born(age: int, *, birthday_tomorrow: bool = False) -> date:
    """A birth date making the person `age` today (the suite's clock), or `age - 1` with
    the birthday tomorrow."""
    day = TODAY.replace(year=TODAY.year - age)
    return day + timedelta(days=1) if birthday_tomorrow else day


def rule(code, min_age=None, max_age=None):
    return CategoryRule(code, f"Điều 7 ({code})", f"Diện {code}", date(2018, 1, 1), None, (),
                        min_age, max_age)  # fmt: skip


# --- the pure rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "on", "age", "why"),
    [
        (date(2010, 11, 18), date(2026, 11, 18), 16, "đủ tuổi vào đúng ngày sinh nhật"),
        (date(2010, 11, 19), date(2026, 11, 18), 15, "ngày sinh nhật chưa đến"),
        (date(2008, 2, 29), date(2026, 2, 28), 17, "sinh 29/02: năm thường chưa đủ vào 28/02"),
        (date(2008, 2, 29), date(2026, 3, 1), 18, "sinh 29/02: đủ tuổi vào 01/03"),
        (date(1966, 1, 1), date(2026, 1, 1), 60, "người cao tuổi từ đủ 60 tuổi"),
    ],
)
def test_age_is_counted_in_whole_years_on_the_request_date(birth, on, age, why):
    assert age_on(birth, on) == age, why


@pytest.mark.parametrize(
    ("birth_date", "birth_year", "message"),
    [
        (date(2026, 11, 19), None, "Ngày sinh 19/11/2026 ở tương lai."),
        (date(2030, 1, 5), None, "Ngày sinh 05/01/2030 ở tương lai."),
        (date(1899, 12, 31), None, "trước năm 1900"),
        (None, 2027, "Năm sinh 2027 ở tương lai."),
        (None, 1850, "Năm sinh 1850 không hợp lý"),
        (date(2026, 11, 18), None, None),
        (None, 2026, None),
        (date(1900, 1, 1), None, None),
    ],
)
def test_a_birth_date_in_the_future_or_before_1900_is_refused(birth_date, birth_year, message):
    problem = birth_problem(birth_date, birth_year, REQUEST_DAY)
    if message is None:
        assert problem is None
    else:
        assert message in problem


CHILD, ACCUSED_16_18, ELDERLY = rule("3", None, 16), rule("5", 16, 18), rule("7c", 60, None)


@pytest.mark.parametrize(
    ("category", "age", "fits", "article"),
    [
        (CHILD, 0, True, "Điều 7.3, Luật Trẻ em Điều 1: dưới 16 tuổi"),
        (CHILD, 15, True, "Điều 7.3"),
        (CHILD, 16, False, "Điều 7.3"),
        (ACCUSED_16_18, 15, False, "Điều 7.5: từ đủ 16 tuổi"),
        (ACCUSED_16_18, 16, True, "Điều 7.5"),
        (ACCUSED_16_18, 17, True, "Điều 7.5"),
        (ACCUSED_16_18, 18, False, "Điều 7.5: dưới 18 tuổi"),
        (ELDERLY, 59, False, "Điều 7.7.c, Luật Người cao tuổi Điều 2: từ đủ 60 tuổi"),
        (ELDERLY, 60, True, "Điều 7.7.c"),
    ],
)
def test_age_bounds_of_a_category_at_their_boundaries(category, age, fits, article):
    # born on the request day `age` years earlier: exactly `age` on that day
    birth = REQUEST_DAY.replace(year=REQUEST_DAY.year - age)
    problems = age_problems([category], birth, None, REQUEST_DAY)
    assert (problems == []) is fits, article


def test_with_only_a_birth_year_a_category_is_refused_only_when_no_age_of_that_year_fits():
    # born in 2010: 15 or 16 on 18/11/2026, so a child perhaps
    assert age_problems([CHILD], None, 2010, REQUEST_DAY) == []
    # born in 2009: 16 or 17, never under 16
    (problem,) = age_problems([CHILD], None, 2009, REQUEST_DAY)
    assert "16–17 tuổi" in problem


def test_the_message_names_the_category_and_the_age():
    (problem,) = age_problems([CHILD], date(1960, 5, 1), None, REQUEST_DAY)
    assert problem == (
        "Diện 3 “Diện 3” (Điều 7 (3)) dành cho người dưới 16 tuổi; "
        "người này 66 tuổi vào ngày tiếp nhận 18/11/2026."
    )


# --- the catalogue carries the ages ---------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "min_age", "max_age"),
    [("3", None, 16), ("5", 16, 18), ("7c", 60, None), ("7đ", 16, 18), ("2", None, None)],
)
def test_the_catalogue_gives_the_ages_of_the_categories_defined_by_age(code, min_age, max_age):
    for version in EligibilityCategory.objects.filter(code=code):
        assert (version.min_age, version.max_age) == (min_age, max_age)


# --- through the service: the age on the request date --------------------------------------

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "proofs", "age", "birthday_tomorrow", "accepted"),
    [
        ("3", ("giay_to_tuoi",), 16, True, True),  # 15 today
        ("3", ("giay_to_tuoi",), 16, False, False),  # 16 this very day
        ("5", ("vb_to_tung",), 16, True, False),  # 15
        ("5", ("vb_to_tung",), 16, False, True),  # 16
        ("5", ("vb_to_tung",), 18, True, True),  # 17
        ("5", ("vb_to_tung",), 18, False, False),  # 18
        ("7đ", ("ho_can_ngheo", "vb_to_tung"), 18, True, True),  # 17
        ("7đ", ("ho_can_ngheo", "vb_to_tung"), 18, False, False),  # 18
        ("7c", ("tro_cap_xh", "giay_to_tuoi"), 60, True, False),  # 59
        ("7c", ("tro_cap_xh", "giay_to_tuoi"), 60, False, True),  # 60
    ],
)
def test_intake_checks_the_category_against_the_age_on_the_request_date(
    staff, code, proofs, age, birthday_tomorrow, accepted
):
    birth = born(age, birthday_tomorrow=birthday_tomorrow)

    def call():
        return receive(staff, categories=(code,), proofs=proofs, birth_date=birth, birth_year=None)

    if accepted:
        assert call().categories.get().code == code
        return
    with pytest.raises(BusinessRuleError) as exc:
        call()
    assert exc.value.field == "categories"
    assert f"Diện {code}" in exc.value.message
    assert not LegalAidRequest.objects.exists()


def test_the_age_is_taken_on_the_request_date_not_today(staff):
    """A child when the request arrived (received 30 days ago, 15 then) stays a child
    although 16 on the day it is typed in."""
    received = NOW - timedelta(days=30)
    req = receive(
        staff,
        categories=("3",),
        proofs=("giay_to_tuoi",),
        birth_date=born(16) - timedelta(days=10),
        birth_year=None,
        at=received,
    )
    assert req.categories.get().code == "3"


def test_a_birth_date_in_the_future_is_refused_by_the_service(staff):
    with pytest.raises(BusinessRuleError, match="ở tương lai") as exc:
        receive(staff, birth_date=TODAY + timedelta(days=1), birth_year=None)
    assert exc.value.field == "birth_date"


def test_intake_page_refuses_a_birth_date_in_the_future(login, staff):
    future = vn_date(TODAY.replace(year=TODAY.year + 4))
    response = login(staff).post(reverse("cases:request_create"), intake_data(birth_date=future))
    assert response.status_code == 400
    assert f"Ngày sinh {future} ở tương lai." in response.content.decode()
    assert not LegalAidRequest.objects.exists()


def test_intake_page_refuses_a_child_category_for_a_man_born_in_1960(login, staff):
    response = login(staff).post(
        reverse("cases:request_create"),
        intake_data(birth_date="01/05/1960", categories=[category("3").pk], proofs=[], sex="male"),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Diện 3 “Trẻ em”" in page
    assert f"{TODAY.year - 1960} tuổi vào ngày tiếp nhận" in page
    assert not LegalAidRequest.objects.exists()


def test_editing_a_request_checks_the_age_too(login, staff):
    req = receive(staff, categories=("7c",), proofs=("tro_cap_xh", "giay_to_tuoi"), birth_year=1950)
    data = intake_data(birth_date="", birth_year="1990", categories=[category("7c").pk])
    response = login(staff).post(reverse("cases:request_edit", args=[req.pk]), data)
    assert response.status_code == 400
    assert "Diện 7c" in response.content.decode()
    req.refresh_from_db()
    assert req.birth_year == 1950


# --- a person already known -----------------------------------------------------------------


def _known(user, **person):
    return selectors.known_person_requests(user, **person)


def test_a_person_is_known_by_cccd(staff):
    earlier = receive(staff, identity_number="020150000111", full_name="Hoàng Thị Bích")
    (found,) = _known(staff, identity_number="020150000111", full_name="Người Khác")
    assert (found.request, found.reason) == (earlier, "cùng số CCCD")


def test_a_person_is_known_by_name_without_accents_and_birth_year(staff):
    earlier = receive(staff, identity_number="", full_name="Hoàng Thị Bích", birth_year=1950)
    (found,) = _known(staff, full_name="  hoang thi  BICH ", birth_year=1950)
    assert (found.request, found.reason) == (earlier, "cùng họ tên và năm sinh")
    assert _known(staff, full_name="Hoàng Thị Bích", birth_year=1951) == []


def test_people_of_another_centre_are_not_shown(staff, other_centre_staff):
    receive(other_centre_staff, identity_number="020150000111", full_name="Hoàng Thị Bích",
            birth_year=1950)  # fmt: skip
    assert _known(staff, identity_number="020150000111", full_name="Hoàng Thị Bích",
                  birth_year=1950) == []  # fmt: skip


def test_the_known_person_look_up_is_one_query_whatever_the_number_of_matches(
    staff, professional_office, django_assert_num_queries
):
    person = {"identity_number": "020150000111", "full_name": "Hoàng Thị Bích", "birth_year": 1950}
    accepted_case(staff, professional_office, **person)
    with django_assert_num_queries(1):
        found = _known(staff, **person)
        assert [k.case.code for k in found if k.case]
    for n in range(5):
        receive(staff, **{**person, "identity_number": f"02015000020{n}"})
    with django_assert_num_queries(1):
        found = _known(staff, **person)
        assert len(found) == 6
        assert [k.case.code for k in found if k.case]


def test_intake_warns_of_a_known_person_with_links_and_saves_after_confirmation(
    login, staff, professional_office
):
    case = accepted_case(staff, professional_office, identity_number="020150000111")
    client = login(staff)
    response = client.post(reverse("cases:request_create"), intake_data())
    page = response.content.decode()
    assert response.status_code == 200  # a warning, not an error
    assert "Người này có thể đã có yêu cầu tại Trung tâm" in page
    assert reverse("cases:request_detail", args=[case.request.pk]) in page
    assert reverse("cases:case_detail", args=[case.pk]) in page
    assert case.code in page
    assert "Tôi đã kiểm tra" in page
    assert LegalAidRequest.objects.count() == 1

    response = client.post(reverse("cases:request_create"), intake_data(confirm_known="on"))
    assert response.status_code == 302
    assert LegalAidRequest.objects.count() == 2
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Đã tiếp nhận yêu cầu."]


def test_a_new_person_is_saved_without_a_warning(login, staff, other_centre_staff):
    receive(other_centre_staff, identity_number="020150000111")
    response = login(staff).post(reverse("cases:request_create"), intake_data())
    assert response.status_code == 302


def test_editing_warns_only_when_who_the_person_is_changes(login, staff):
    receive(staff, identity_number="020150000999", full_name="Lò Văn Sáng", birth_year=1960)
    req = receive(staff, categories=("7c",), proofs=("tro_cap_xh",), identity_number="020150000111",
                  full_name="Hoàng Thị Bích", birth_year=1950)  # fmt: skip
    client = login(staff)
    url = reverse("cases:request_edit", args=[req.pk])
    base = intake_data(birth_date="", birth_year="1950", identity_number="020150000111")
    response = client.post(url, {**base, "summary": "Nội dung sửa lại"})
    assert response.status_code == 302  # itself is not a duplicate
    response = client.post(url, {**base, "identity_number": "020150000999"})
    assert response.status_code == 200
    assert "cùng số CCCD" in response.content.decode()


def test_services_refuse_a_category_by_age_on_import_of_an_old_register(staff, professional_office):
    with pytest.raises(BusinessRuleError, match="Diện 3"):
        services.import_accepted_case(
            actor=staff,
            fields={**_register_fields(), "birth_year": 1960},
            categories=[category("3")],
            department=professional_office,
            register_year=2024,
            register_number=3,
            code="TT.TV.03.2024",
            accepted_at=vn(2024, 5, 3),
        )


def _register_fields():
    from .factories import request_fields

    return request_fields(received_at=vn(2024, 5, 2))


# --- a message after every save -------------------------------------------------------------


def test_editing_a_request_says_it_was_saved(login, staff):
    req = receive(staff, categories=("7c",), proofs=("tro_cap_xh",), birth_year=1950)
    data = intake_data(birth_date="", birth_year="1950", identity_number=req.identity_number)
    response = login(staff).post(reverse("cases:request_edit", args=[req.pk]), data)
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Đã lưu thông tin yêu cầu."]


def _every_action():
    from cases.views.cases import CASE_ACTIONS
    from cases.views.requests import REQUEST_ACTIONS

    return [*REQUEST_ACTIONS.items(), *CASE_ACTIONS.items()]


@pytest.mark.parametrize(("name", "spec"), _every_action(), ids=[n for n, _ in _every_action()])
def test_every_form_of_the_request_and_case_pages_says_what_it_saved(name, spec):
    assert spec.success.startswith("Đã "), name


def test_recording_a_missing_proof_request_says_so(login, staff):
    req = receive(staff, proofs=())
    response = login(staff).post(
        reverse("cases:request_action", args=[req.pk, "missing-proof"]),
        {"note": "Giấy chứng nhận hộ nghèo"},
    )
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Đã ghi nhận yêu cầu bổ sung giấy tờ."
    ]


def test_the_live_check_of_the_intake_form_says_the_age_rules_a_category_out(login, staff):
    response = login(staff).get(
        reverse("cases:eligibility_check"),
        {
            "categories": [category("3").pk],
            "proofs": [],
            "birth_date": "01/05/1960",
            "received_at": vn_date(TODAY),
        },
    )
    page = response.content.decode()
    assert "Diện 3 “Trẻ em”" in page
    assert "Đủ điều kiện thụ lý" not in page
    assert "Kiểm tra lại ngày sinh" in page


def test_the_live_check_says_a_birth_year_in_the_future(login, staff):
    response = login(staff).get(
        reverse("cases:eligibility_check"),
        {"categories": [category("2").pk], "birth_year": str(TODAY.year + 1)},
    )
    assert f"Năm sinh {TODAY.year + 1} ở tương lai." in response.content.decode()


def test_a_request_recorded_before_the_check_is_not_accepted_with_a_category_its_age_rules_out(
    staff, professional_office
):
    from .factories import RequestFactory

    old = RequestFactory(received_by=staff, birth_year=1960, categories=["3"])
    with pytest.raises(BusinessRuleError, match="Diện 3") as exc:
        services.accept_request(actor=staff, request=old, department=professional_office)
    assert exc.value.field == "categories"
