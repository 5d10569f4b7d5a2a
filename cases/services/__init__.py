"""Every write of requests and cases: one function per business action.

Keyword-only arguments; each runs in a transaction, locks what races, checks the
state (cases/states.py) and the actor's role (tgpl/roles.py), records history
(who, when, why) and schedules side effects after commit.
"""

from .assignment import (
    answer_performer_change,
    approve_assignment,
    propose_assignment,
    request_performer_change,
    return_assignment,
)
from .casework import (
    add_log_entry,
    close_case,
    discontinue_case,
    extend_advice,
    start_case,
    update_case_file,
)
from .intake import (
    accept_request,
    receive_request,
    record_proof,
    refuse_request,
    request_missing_proof,
    transfer_request,
    update_request,
)
from .numbering import number_discontinuation_later, number_later, number_refusal_later
from .organisation import (
    delete_category_proof,
    delete_lawyer_contract,
    save_category_proof,
    save_lawyer_contract,
    save_performer,
)
from .register import import_accepted_case, next_register_number
from .register_bulk import RegisterTaken, check_register_row, save_register_rows
from .uploads import held_uploads, hold_uploads
from .workload import recount_open_cases

__all__ = [
    "RegisterTaken",
    "accept_request",
    "add_log_entry",
    "answer_performer_change",
    "approve_assignment",
    "check_register_row",
    "close_case",
    "delete_category_proof",
    "delete_lawyer_contract",
    "discontinue_case",
    "extend_advice",
    "held_uploads",
    "hold_uploads",
    "import_accepted_case",
    "next_register_number",
    "number_discontinuation_later",
    "number_later",
    "number_refusal_later",
    "propose_assignment",
    "receive_request",
    "record_proof",
    "recount_open_cases",
    "refuse_request",
    "request_missing_proof",
    "request_performer_change",
    "return_assignment",
    "save_category_proof",
    "save_lawyer_contract",
    "save_performer",
    "save_register_rows",
    "start_case",
    "transfer_request",
    "update_case_file",
    "update_request",
]
