# ruff: noqa: E501 - tables read best one case per line
"""Conflict-of-interest check: names with and without accents, one letter off, exact
identity numbers, over every request of the centre; the decision recorded with what was
found (issue 17)."""

import pytest
from django.urls import reverse

from cases.models import ConflictCheck, PartyKey
from cases.rules import conflicts as rules
from cases.services import conflicts as svc
from tgpl.errors import BusinessRuleError

from .factories import accepted_case, receive


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("nguyen van an", "nguyen van an", True),
        ("nguyen van an", "nguyen van anh", True),  # a letter added
        ("nguyen van an", "nguyen van a", True),  # a letter dropped
        ("nguyen van an", "nguyen ven an", True),  # a letter changed
        ("nguyen van an", "nguyen van", False),
        ("nguyen van an", "ngyuen van an", False),  # two letters swapped: two edits
        ("", "a", True),
        ("ab", "ba", False),
    ],
)
def test_within_one_edit(a, b, close):
    assert rules.within_one_edit(a, b) is close
    assert rules.within_one_edit(b, a) is close


@pytest.mark.parametrize(
    ("query", "other"),
    [
        ("Nguyễn Văn An", "Nguyen Van An"),
        ("Nguyễn Văn An", "nguyễn văn ân"),
        ("Đặng Thị Hoa", "Dang Thi Hoa"),
        ("Hoàng Văn Tú", "Hoàng Văn Tứ"),
        ("Nguyễn Văn An", "Nguyễn Văn Anh"),  # one letter off at the end
        ("Nguyễn Văn An", "Ngyễn Văn An"),  # one letter off at the start
    ],
)
def test_every_key_one_edit_away_shares_a_narrowing_prefix(query, other):
    """The pigeonhole of rules.conflicts: the candidate is in one of the two ranges."""
    q, o = rules.name_key(query), rules.name_key(other)
    head, tail = rules.narrowing_prefixes(q)
    assert rules.within_one_edit(q, o)
    assert o.startswith(head) or rules.reverse_key(o).startswith(tail)


def cand(key, role=rules.AIDED, identity="", rid=1):
    return rules.Candidate(rid, role, key, identity, f"yêu cầu #{rid}")


@pytest.mark.parametrize(
    ("party", "candidate", "how"),
    [
        (rules.Party(rules.OPPOSING, "Nguyen Van An"), cand("nguyen van an"), "same_name"),
        (rules.Party(rules.OPPOSING, "Nguyễn Văn Ann"), cand("nguyen van an"), "one_letter"),
        (rules.Party(rules.AIDED, "Lò Thị Xa", "020158000123"), cand("lo thi xuan", identity="020158000123"), "identity"),
        (rules.Party(rules.AIDED, "Lò Thị Xa", "020158000123"), cand("lo thi xa", identity="020158000124"), "same_name"),
    ],
)  # fmt: skip
def test_find_matches(party, candidate, how):
    [match] = rules.find_matches([party], [candidate])
    assert match.how == how


def test_no_match_two_letters_off_or_a_near_identity_number():
    party = rules.Party(rules.AIDED, "Nguyễn Văn An", "020158000123")
    other = cand("nguyen vam anh", identity="020158000124")
    assert rules.find_matches([party], [other]) == []


def test_the_other_side_of_a_request_being_aided_elsewhere_is_a_conflict():
    [match] = rules.find_matches(
        [rules.Party(rules.OPPOSING, "Nguyễn Văn An")], [cand("nguyen van an")]
    )
    assert rules.is_conflict(match)
    [same] = rules.find_matches(
        [rules.Party(rules.AIDED, "Nguyễn Văn An")], [cand("nguyen van an")]
    )
    assert not rules.is_conflict(same)


# --- over the database ------------------------------------------------------------------


@pytest.mark.django_db
def test_check_finds_the_other_party_aided_in_an_earlier_case_without_accents(
    staff, professional_office
):
    earlier = accepted_case(
        staff, professional_office, full_name="Nguyễn Văn An", identity_number=""
    )
    svc.index_request(earlier.request)
    new = receive(
        staff, full_name="Lý Thị Mến", identity_number="", opposing_parties="Nguyen Van Ann"
    )
    [match] = svc.run_check(actor=staff, request=new)
    assert match.how == "one_letter"
    assert match.candidate.request_id == earlier.request_id
    assert earlier.code in match.description
    assert rules.is_conflict(match)


@pytest.mark.django_db
def test_check_finds_the_same_identity_number_under_another_spelling(staff):
    old = receive(staff, full_name="Hoàng Thị Bích Ngọc", identity_number="020158000999")
    svc.index_request(old)
    new = receive(staff, full_name="Hoang Bich Ngoc", identity_number="020158000999")
    [match] = svc.run_check(actor=staff, request=new)
    assert match.how == "identity"


@pytest.mark.django_db
def test_check_does_not_look_into_another_centre(staff, other_centre_staff):
    theirs = receive(other_centre_staff, full_name="Nguyễn Văn An", identity_number="")
    svc.index_request(theirs)
    mine = receive(
        staff, full_name="Lý Thị Mến", identity_number="", opposing_parties="Nguyễn Văn An"
    )
    assert svc.run_check(actor=staff, request=mine) == []


@pytest.mark.django_db
def test_a_request_is_indexed_when_received(staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        req = receive(staff, full_name="Đinh Thị Thu", opposing_parties="Vi Văn Lả\nLò Văn Bun")
    keys = set(PartyKey.objects.filter(request=req).values_list("role", "key"))
    assert keys == {
        ("aided", "dinh thi thu"),
        ("opposing", "vi van la"),
        ("opposing", "lo van bun"),
    }


@pytest.mark.django_db
def test_a_match_cannot_be_decided_as_no_conflict_and_needs_a_reason(staff):
    old = receive(staff, full_name="Nguyễn Văn An", identity_number="")
    svc.index_request(old)
    new = receive(
        staff, full_name="Lý Thị Mến", identity_number="", opposing_parties="Nguyễn Văn An"
    )
    with pytest.raises(BusinessRuleError, match="trường hợp trùng"):
        svc.record_conflict_check(actor=staff, request=new, stage="intake", decision="no_conflict")
    with pytest.raises(BusinessRuleError, match="lý do"):
        svc.record_conflict_check(actor=staff, request=new, stage="intake", decision="conflict")
    check = svc.record_conflict_check(
        actor=staff, request=new, stage="intake", decision="conflict",
        note="Trung tâm đang trợ giúp ông An trong cùng vụ tranh chấp.",
    )  # fmt: skip
    assert check.found[0]["request"] == old.pk
    assert check.found[0]["conflict"] is True
    assert check.history.count() == 1


@pytest.mark.django_db
def test_no_match_is_recorded_as_no_conflict(staff):
    new = receive(staff, full_name="Lý Thị Mến", identity_number="")
    check = svc.record_conflict_check(
        actor=staff, request=new, stage="intake", decision="no_conflict"
    )
    assert check.found == []
    with pytest.raises(BusinessRuleError, match="Không tìm thấy"):
        svc.record_conflict_check(
            actor=staff, request=new, stage="assignment", decision="proceed", note="x"
        )


@pytest.mark.django_db
def test_a_lawyer_cannot_run_a_check(staff, lawyer):
    new = receive(staff)
    with pytest.raises(BusinessRuleError):
        svc.run_check(actor=lawyer, request=new)


@pytest.mark.django_db
def test_the_check_reads_a_narrow_candidate_set(staff):
    for n in range(30):
        svc.index_request(receive(staff, full_name=f"Phan Văn Số {n:03d}", identity_number=""))
    new = receive(staff, full_name="Lý Thị Mến", identity_number="")
    svc.index_request(new)
    cands = svc.candidates(new)
    assert cands == []  # none of the 30 shares a prefix range with "ly thi men"


@pytest.mark.django_db
def test_conflict_page_permissions_and_decision(login, staff, lawyer, client):
    new = receive(staff, full_name="Lý Thị Mến", identity_number="")
    url = reverse("cases:conflict_check", args=[new.pk])
    assert client.get(url).status_code == 302  # anonymous to login
    assert login(lawyer).get(url).status_code in (403, 404)
    client = login(staff)
    assert client.get(url).status_code == 200
    response = client.post(url, {"stage": "intake", "decision": "no_conflict", "note": ""})
    assert response.status_code == 302
    assert ConflictCheck.objects.filter(request=new).count() == 1
