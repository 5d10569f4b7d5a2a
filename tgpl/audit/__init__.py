"""Audit of reads: `log_read(request, obj, kind)` writes one row of the read log.

    log_read(request, req, ReadKind.VIEW)                                 # a request page
    log_read(request, case, ReadKind.VIEW, record=case.request)           # a case page
    log_read(request, attachment, ReadKind.ATTACHMENT, record=req)        # a file
    log_read(request, LegalAidRequest, ReadKind.EXPORT, rows=n, filters={...})

`record` is the applicant's record the read concerns (default: `obj`); its label is its
`read_log_label` when it has one (a text that names no person), else "<model> #<id>".
"""

from .models import ReadKind, ReadLog
from .services import log_read

__all__ = ["ReadKind", "ReadLog", "log_read"]
