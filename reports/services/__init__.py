"""Every write to reports: one function per business action (see the modules below)."""

from .estimates import propose_estimates, propose_estimates_again, save_estimates
from .lifecycle import open_report, save_report
from .review import accept_report, comment_report, return_report, send_report, sign_off_report

__all__ = [
    "accept_report",
    "comment_report",
    "open_report",
    "propose_estimates",
    "propose_estimates_again",
    "return_report",
    "save_estimates",
    "save_report",
    "send_report",
    "sign_off_report",
]
