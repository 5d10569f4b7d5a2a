"""Reads of export jobs: the owner's own, nobody else's."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from .models import ExportJob


def jobs_of(user):
    return ExportJob.objects.visible_to(user).order_by("-created_at", "-pk")


def get_export_for(user, pk: int) -> ExportJob:
    """The user's own job; another's and a missing one are the same 404."""
    return get_object_or_404(ExportJob.objects.visible_to(user), pk=pk)
