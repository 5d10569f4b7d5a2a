"""Who may perform a case (Luật TGPL Điều 17, 24, 25; TT 08/2017 Điều 14-18).

Each check returns a Vietnamese message when the performer may not be appointed,
or None when they may.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LEGAL_AID_OFFICER, CONTRACTED_LAWYER, COLLABORATOR = (
    "legal_aid_officer",
    "contracted_lawyer",
    "collaborator",
)
ADVICE = "advice"
MAX_CONTRACT_YEARS = 3  # TT 08/2017: term ≤ 3 years, renewable once for ≤ 3 years


@dataclass(frozen=True)
class ContractTerm:
    number: str
    start: date
    end: date


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def contract_term_problem(start: date, end: date) -> str | None:
    if end < start:
        return "Ngày kết thúc hợp đồng phải sau ngày bắt đầu."
    if end > _add_years(start, MAX_CONTRACT_YEARS):
        return "Thời hạn hợp đồng không quá 03 năm (TT 08/2017/TT-BTP)."
    return None


def renewal_problem(previous_is_renewal: bool) -> str | None:
    if previous_is_renewal:
        return "Hợp đồng chỉ được gia hạn một lần; cần lựa chọn, ký hợp đồng mới."
    return None


def performer_problem(
    *, kind: str, form: str, on: date, contracts: tuple[ContractTerm, ...] = (), active: bool = True
) -> str | None:
    """Why this performer may not take a case of this form on this date (or None)."""
    if not active:
        return "Người thực hiện này không còn hoạt động."
    if kind == COLLABORATOR and form != ADVICE:
        return "Cộng tác viên chỉ thực hiện tư vấn pháp luật (Luật TGPL Điều 24)."
    if kind in (CONTRACTED_LAWYER, COLLABORATOR) and not any(
        c.start <= on <= c.end for c in contracts
    ):
        return f"Hợp đồng thực hiện TGPL của người này không còn hiệu lực vào ngày {on:%d/%m/%Y}."
    return None


CONFLICT_MESSAGE = (
    "Người này đang thực hiện TGPL cho bên có quyền lợi đối lập trong cùng vụ việc "
    "(Luật TGPL Điều 25.2): phải từ chối."
)
