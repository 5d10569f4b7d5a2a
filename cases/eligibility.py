"""The eligibility catalogue read from the database and judged by the pure rules."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from cases.models import CategoryProof, EligibilityCategory, LegalAidRequest, ProofDocument
from cases.rules.eligibility import Assessment, assess


def category_queryset():
    return EligibilityCategory.objects.prefetch_related(
        Prefetch("category_proofs", queryset=CategoryProof.objects.select_related("document"))
    )


def document_names() -> dict[str, str]:
    return dict(ProofDocument.objects.values_list("code", "name"))


def assess_choice(categories, proof_codes, on: date) -> Assessment:
    """Judge categories (model instances with category_proofs prefetched)."""
    return assess([c.to_rule() for c in categories], proof_codes, on)


def assess_request(legal_aid_request: LegalAidRequest) -> Assessment:
    """The request judged by the rules in force on its received date."""
    on = timezone.localtime(legal_aid_request.received_at).date()
    categories = category_queryset().filter(pk__in=legal_aid_request.categories.values("pk"))
    codes = set(legal_aid_request.proofs.values_list("code", flat=True))
    return assess_choice(categories, codes, on)
