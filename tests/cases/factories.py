"""Factories and builders for requests and cases (through the services where state matters)."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from cases import services
from cases.models import (
    EligibilityCategory,
    LawyerContract,
    LegalAidRequest,
    LegalField,
    Performer,
    ProofDocument,
)
from cases.states import Channel, Form, Sex


def category(code: str) -> EligibilityCategory:
    return EligibilityCategory.objects.filter(code=code).latest("valid_from")


def proof(code: str) -> ProofDocument:
    return ProofDocument.objects.get(code=code)


def legal_field(code: str = "dan_su") -> LegalField:
    return LegalField.objects.get(code=code)


class PerformerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Performer

    user = None
    centre = factory.LazyAttribute(lambda o: o.user.centre)
    kind = Performer.Kind.LEGAL_AID_OFFICER
    appointed_on = date(2020, 1, 1)


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LawyerContract

    performer = None
    number = factory.Sequence(lambda n: f"{n:02d}/HĐ-TGPL")
    start = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=200))
    end = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=300))


def make_performer(user, kind=Performer.Kind.LEGAL_AID_OFFICER, contract=True) -> Performer:
    performer = PerformerFactory(user=user, kind=kind)
    if contract and kind != Performer.Kind.LEGAL_AID_OFFICER:
        ContractFactory(performer=performer)
    return performer


def request_fields(**overrides) -> dict:
    fields = {
        "channel": Channel.IN_PERSON,
        "full_name": "Hoàng Thị Bích Ngọc",
        "sex": Sex.FEMALE,
        "birth_year": 1958,
        "ethnicity": "Tày",
        "identity_number": "020158000123",
        "phone": "0912345678",
        "address": "Thôn Nà Lừa",
        "legal_field": legal_field(),
        "form": Form.ADVICE,
        "summary": "Tranh chấp quyền sử dụng đất với hàng xóm.",
    }
    fields.update(overrides)
    return fields


def receive(actor, *, categories=("2",), proofs=("ho_ngheo",), at=None, **overrides):
    """A request received by `actor` (reception), by default poor household with its proof;
    in the conflict-check index at once, as the request_received subscriber puts it after
    commit (tests run inside one transaction)."""
    from cases.services.conflicts import index_request

    req = services.receive_request(
        actor=actor,
        fields=request_fields(**overrides),
        categories=[category(c) for c in categories],
        proofs=[proof(p) for p in proofs],
        at=at,
    )
    index_request(req)
    return req


def accepted_case(receiver, department, **overrides):
    req = receive(receiver, **overrides)
    return services.accept_request(actor=receiver, request=req, department=department)


def clear_conflicts(actor, case, performer_user, *, at=None):
    """The conflict-of-interest check the assignment services require (issue 17.5), run
    and decided as reception does: no match is "no conflict"; matches (the same test
    person asked before) are decided "not a conflict, proceed" with a reason."""
    from cases.models import ConflictCheck
    from cases.services import conflicts

    matches = conflicts.run_check(actor=actor, request=case.request)
    decision = ConflictCheck.Decision.PROCEED if matches else ConflictCheck.Decision.NO_CONFLICT
    return conflicts.record_conflict_check(
        actor=actor,
        request=case.request,
        stage=ConflictCheck.Stage.ASSIGNMENT,
        decision=decision,
        note="Cùng một người yêu cầu, không phải bên đối lập." if matches else "",
        performer=performer_user,
        at=at,
    )


def propose_checked(*, actor, case, performer, at=None, **kwargs):
    """Propose a performer after the conflict check the service requires."""
    clear_conflicts(actor, case, performer, at=at)
    return services.propose_assignment(actor=actor, case=case, performer=performer, at=at, **kwargs)


def assigned_case(receiver, department, performer_user, approver, **overrides):
    case = accepted_case(receiver, department, **overrides)
    assignment = propose_checked(actor=receiver, case=case, performer=performer_user)
    services.approve_assignment(actor=approver, assignment=assignment)
    case.refresh_from_db()
    return case


def in_progress_case(receiver, department, performer_user, approver, **overrides):
    case = assigned_case(receiver, department, performer_user, approver, **overrides)
    return services.start_case(actor=performer_user, case=case)


class RequestFactory(factory.django.DjangoModelFactory):
    """A bare request row (no service): for list sizes and query counts."""

    class Meta:
        model = LegalAidRequest
        skip_postgeneration_save = True

    centre = factory.LazyAttribute(lambda o: o.received_by.centre)
    received_by = None
    channel = Channel.IN_PERSON
    received_at = factory.LazyFunction(timezone.now)
    full_name = factory.Sequence(lambda n: f"Nông Văn Số {n}")
    sex = Sex.MALE
    birth_year = 1970
    identity_number = factory.Sequence(lambda n: f"{n:012d}")
    legal_field = factory.LazyFunction(legal_field)
    form = Form.ADVICE
    summary = "Tư vấn về thừa kế."

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create:
            self.categories.set([category(c) for c in (extracted or ["2"])])


def old_register_row(actor, number: int) -> dict:
    """The arguments of services.import_accepted_case for one old register row, numbered
    `number` this year (without its department)."""
    year = timezone.localdate().year
    return {
        "actor": actor,
        "fields": {
            "received_at": timezone.now() - timezone.timedelta(hours=2),
            "channel": "in_person",
            "full_name": "Lò Văn Sáng",
            "sex": "male",
            "birth_year": 1960,
            "legal_field": legal_field(),
            "form": Form.ADVICE,
            "summary": "Nhập từ sổ cũ.",
        },
        "register_year": year,
        "register_number": number,
        "code": f"TT.TV.{number}.{year}",
        "accepted_at": timezone.now() - timezone.timedelta(hours=1),
    }
