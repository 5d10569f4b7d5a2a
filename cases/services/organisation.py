"""The back office's writes of cases' organisation data and catalogue links.

Performers and their contracts are organisation data of a centre (its administrator
keeps them); the documents each eligibility category needs are part of a shared
catalogue (the system administrator keeps it). Both record who changed what.
"""

from __future__ import annotations

from django.db import transaction

from cases.models import CategoryProof, LawyerContract, Performer
from tgpl import kernel, services
from tgpl.models import User


def _centre_of_contract(contract: LawyerContract) -> int | None:
    return contract.performer.centre_id


@transaction.atomic
def save_performer(*, performer: Performer, actor: User) -> Performer:
    """Record a performer of the actor's centre (the person must work for that centre)."""
    return services.save_organisation_record(obj=performer, actor=actor)


@transaction.atomic
def save_lawyer_contract(*, contract: LawyerContract, actor: User) -> LawyerContract:
    return services.save_organisation_record(
        obj=contract, actor=actor, centre_of=_centre_of_contract
    )


@transaction.atomic
def delete_lawyer_contract(*, contract: LawyerContract, actor: User) -> None:
    services.delete_organisation_record(obj=contract, actor=actor, centre_of=_centre_of_contract)


@transaction.atomic
def save_category_proof(*, link: CategoryProof, actor: User) -> CategoryProof:
    """A document an eligibility category needs; the category's history records the new
    set of documents (its many-to-many history), with who changed it."""
    services.check_catalogue_change(actor=actor)
    link.save()
    _record_documents(link, actor, "Trang quản trị: sửa giấy tờ chứng minh của diện")
    return link


@transaction.atomic
def delete_category_proof(*, link: CategoryProof, actor: User) -> None:
    services.check_catalogue_change(actor=actor)
    link.delete()
    _record_documents(link, actor, "Trang quản trị: bỏ giấy tờ chứng minh của diện")


def _record_documents(link: CategoryProof, actor: User, reason: str) -> None:
    category = type(link.category).objects.get(pk=link.category_id)
    kernel.save(category, actor=actor, reason=reason)
