"""Exports as background jobs (issue 18.3): a register of any size written to a file by a
worker, in constant memory, with a progress bar and a download when ready.

Apps register their kinds of export (`register(ExportKind(...))`, in their AppConfig.ready):
what the user may export, and for a user and the list's filters the scoped queryset and
how a row is written. The kernel imports no app: it only calls what they registered.

    request_export(actor=user, kind="cases.case_register", params={...})  # the service
    ExportJob.objects.visible_to(user)                                      # the owner's
"""

from .registry import ExportKind, ExportTable, get_kind, kinds, register

__all__ = ["ExportKind", "ExportTable", "get_kind", "kinds", "register"]
