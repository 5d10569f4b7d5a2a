"""Bare cases and requests for report tests: rows written directly (no service), so a
hand-built data set says exactly what each Biểu cell must count, and a thousand cases
are quick to make."""

from __future__ import annotations

import itertools
from datetime import datetime

from cases.models import Case, LegalAidRequest
from cases.states import CaseStatus, Channel, Form, RequestStatus, Sex
from tests.cases.factories import category, legal_field
from tests.clock import VN

_serial = itertools.count(1)


def at(day, hour: int = 9) -> datetime:
    """A moment of a date, in Vietnam."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=VN)


def make_request(
    receiver,
    *,
    form=Form.ADVICE,
    field="dan_su",
    sex=Sex.FEMALE,
    categories=("2",),
    received=None,
    status=RequestStatus.ACCEPTED,
    **extra,
) -> LegalAidRequest:
    n = next(_serial)
    req = LegalAidRequest.objects.create(
        centre=receiver.centre,
        channel=Channel.IN_PERSON,
        received_at=received or datetime(2026, 10, 1, 9, tzinfo=VN),
        received_by=receiver,
        full_name=f"Người được TGPL {n}",
        sex=sex,
        birth_year=1970,
        legal_field=legal_field(field),
        form=form,
        summary="Tư vấn.",
        status=status,
        **extra,
    )
    req.categories.set([category(c) for c in categories])
    return req


def make_case(
    receiver,
    department,
    *,
    accepted,
    form=Form.ADVICE,
    field="dan_su",
    sex=Sex.FEMALE,
    categories=("2",),
    status=CaseStatus.IN_PROGRESS,
    ended=None,
    outcome="",
    performer=None,
) -> Case:
    req = make_request(
        receiver, form=form, field=field, sex=sex, categories=categories, received=at(accepted, 8)
    )
    n = next(_serial)
    LegalAidRequest.objects.filter(pk=req.pk).update(case_department=department)
    return Case.objects.create(
        centre=receiver.centre,
        request=req,
        received_by=receiver,
        department=department,
        register_year=accepted.year,
        register_number=n,
        code=f"TT.{n:05d}",
        form=form,
        status=status,
        accepted_at=at(accepted),
        accepted_by=receiver,
        performer=performer,
        ended_at=at(ended, 10) if ended else None,
        outcome=outcome,
    )


def bulk_cases(receiver, department, n: int, accepted, *, categories=("2", "4")) -> None:
    """`n` cases accepted on `accepted`, written in a few batched queries."""
    forms = [Form.ADVICE, Form.LITIGATION, Form.REPRESENTATION]
    fields = [legal_field("dan_su"), legal_field("hinh_su"), legal_field("dat_dai")]
    start = next(_serial)
    requests = LegalAidRequest.objects.bulk_create(
        [
            LegalAidRequest(
                centre=receiver.centre, channel=Channel.IN_PERSON, received_at=at(accepted, 8),
                received_by=receiver, full_name=f"Người {start + i}",
                sex=Sex.MALE if i % 2 else Sex.FEMALE, birth_year=1970,
                legal_field=fields[i % 3], form=forms[i % 3], summary="Tư vấn.",
                status=RequestStatus.ACCEPTED, case_department=department,
            )
            for i in range(n)
        ]
    )  # fmt: skip
    through = LegalAidRequest.categories.through
    cats = [category(c) for c in categories]
    through.objects.bulk_create(
        [
            through(legalaidrequest_id=r.pk, eligibilitycategory_id=c.pk)
            for r in requests
            for c in cats
        ]
    )
    for _ in range(n):
        next(_serial)
    Case.objects.bulk_create(
        [
            Case(
                centre=receiver.centre, request=r, department=department,
                register_year=accepted.year, register_number=start + i,
                code=f"TT.{start + i:05d}", form=r.form, status=CaseStatus.IN_PROGRESS,
                accepted_at=at(accepted), accepted_by=receiver, received_by=receiver,
            )
            for i, r in enumerate(requests)
        ]
    )  # fmt: skip
