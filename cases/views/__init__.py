"""Thin views: parse, call a selector or a service, render. Split by page group."""

from .cases import (
    case_action,
    case_detail,
    case_list,
    case_log_attachment,
    change_answer,
    decide_assignment,
    inbox,
    performer_list,
)
from .documents import assignment_detail, number_document
from .io import case_export, case_import, request_export, request_import
from .requests import (
    eligibility_check,
    request_action,
    request_attachment,
    request_create,
    request_detail,
    request_edit,
    request_list,
)
from .statistics import statistics, statistics_export

__all__ = [
    "assignment_detail",
    "case_action",
    "case_detail",
    "case_export",
    "case_import",
    "case_list",
    "case_log_attachment",
    "change_answer",
    "decide_assignment",
    "eligibility_check",
    "inbox",
    "number_document",
    "performer_list",
    "request_action",
    "request_attachment",
    "request_create",
    "request_detail",
    "request_edit",
    "request_export",
    "request_import",
    "request_list",
    "statistics",
    "statistics_export",
]
