"""The wording of the legal-aid forms, from plain fields: the decision appointing
(TP-TGPL-14 for litigation, 06-TP-TGPL for out-of-court representation) or replacing
(TP-TGPL-15, 07-TP-TGPL) the performer, the refusal notice (08-TP-TGPL) and the notice
that a case is not continued (Luật TGPL Điều 37).

They are written on the generic Quyết định and Thông báo of Nghị định 30/2020
(tgpl/documents/builders.py); cases/documents.py maps requests and cases to these
fields and declares each kind. Nothing here reads the database, so the wording is
tested on its own (tests/documents/test_builders.py).

The exact field layout of the official forms is not confirmed (domain.md part 3.4);
these follow the ND 30/2020 models (Mẫu 1.2 Quyết định, Mẫu 1.4 Thông báo) with what
the law requires each to say: who performs, for whom, which case, on what ground.
The Word download lets staff adjust the wording before signing.
"""

from __future__ import annotations

import datetime

from tgpl.documents import Document, formatting
from tgpl.documents.builders import Letterhead, decision, notice

LAW = "Luật Trợ giúp pháp lý ngày 20 tháng 6 năm 2017"
TT_08_2017 = (
    "Thông tư số 08/2017/TT-BTP ngày 15 tháng 11 năm 2017 của Bộ trưởng Bộ Tư pháp quy định "
    "chi tiết một số điều của Luật Trợ giúp pháp lý và hướng dẫn giấy tờ trong hoạt động "
    "trợ giúp pháp lý"
)
TT_12_2018 = (
    "Thông tư số 12/2018/TT-BTP ngày 28 tháng 8 năm 2018 của Bộ trưởng Bộ Tư pháp hướng dẫn "
    "một số hoạt động nghiệp vụ trợ giúp pháp lý và quản lý chất lượng vụ việc trợ giúp pháp lý"
)
LITIGATION, REPRESENTATION = "litigation", "representation"
FORM_NAMES = {LITIGATION: "tham gia tố tụng", REPRESENTATION: "đại diện ngoài tố tụng"}
# (form, replacing) -> (form code, legal basis); TT 08/2017 Điều 34 and TT 12/2018 Điều 13.
DECISION_FORMS = {
    (LITIGATION, False): ("Mẫu TP-TGPL-14", TT_08_2017),
    (LITIGATION, True): ("Mẫu TP-TGPL-15", TT_08_2017),
    (REPRESENTATION, False): ("Mẫu số 06-TP-TGPL", TT_12_2018),
    (REPRESENTATION, True): ("Mẫu số 07-TP-TGPL", TT_12_2018),
}
FILED = "Lưu: VT, hồ sơ vụ việc"


def performer_decision(
    head: Letterhead,
    *,
    form: str,
    performer: str,
    performer_title: str,
    aided_person: str,
    case_code: str,
    case_summary: str = "",
    replaces: str = "",
    reason: str = "",
    proposer: str = "",
    procedural_body: str = "",
    card_number: str = "",
) -> Document:
    """The decision appointing (TP-TGPL-14, 06-TP-TGPL) or replacing (TP-TGPL-15,
    07-TP-TGPL) the performer of a litigation or out-of-court representation case.

    `performer` and `aided_person` are written with their honorific ("bà Lăng Thị Mai").
    Advice (tư vấn pháp luật) has no decision: asking for one is an error.
    """
    if form not in FORM_NAMES:
        raise ValueError("Tư vấn pháp luật không có quyết định cử người thực hiện.")
    form_code, rule = DECISION_FORMS[(form, bool(replaces))]
    what = f"thực hiện trợ giúp pháp lý {FORM_NAMES[form]}"
    who = f"{performer}, {performer_title}" + (f" (thẻ số {card_number})" if card_number else "")
    case = f"vụ việc {case_code}" + (
        f" ({case_summary.strip().rstrip('.')})" if case_summary else ""
    )
    if replaces:
        subject = f"Về việc thay thế người {what}"
        first = f"Thay thế {replaces} bằng {who}, {what} cho {aided_person} trong {case}."
        if reason:
            first += f" Lý do thay thế: {reason.strip().rstrip('.')}."
    else:
        subject = f"Về việc cử người {what}"
        first = f"Cử {who} {what} cho {aided_person} trong {case}."
    duty = "pháp luật về trợ giúp pháp lý" + (
        " và pháp luật về tố tụng" if form == LITIGATION else " và pháp luật có liên quan"
    )
    articles = [
        first,
        f"{_capital(performer)} có trách nhiệm thực hiện trợ giúp pháp lý theo quy định "
        f"của {duty}.",
        f"Quyết định này có hiệu lực kể từ ngày ký. {_capital(performer)}, {aided_person} và "
        "các cá nhân, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.",
    ]
    recipients = ["Như Điều 3", *([procedural_body] if procedural_body else []), FILED]
    return decision(
        head,
        subject=subject,
        bases=[LAW, rule],
        proposal=f"Theo đề nghị của {proposer}" if proposer else "",
        articles=articles,
        recipients=recipients,
        form_code=form_code,
    )


def refusal_notice(
    head: Letterhead,
    *,
    requester: str,
    aided_person: str,
    received_on: datetime.date,
    request_summary: str,
    ground: str,
    reasons: str,
) -> Document:
    """Thông báo từ chối thụ lý yêu cầu trợ giúp pháp lý (08-TP-TGPL; Luật TGPL Điều 30.3)."""
    centre = formatting.issuer_name(head.issuer, head.parent_body)
    for_whom = "" if aided_person == requester else f" cho {aided_person}"
    paragraphs = [
        f"Ngày {received_on:%d/%m/%Y}, {centre} nhận được yêu cầu trợ giúp pháp lý của "
        f"{requester}{for_whom} về việc: {request_summary.strip().rstrip('.')}.",
        f"Sau khi xem xét, {centre} từ chối thụ lý yêu cầu trợ giúp pháp lý nêu trên vì lý do: "
        f"{_ground(ground)} (khoản 3 Điều 30 Luật Trợ giúp pháp lý).",
        *_lines(reasons),
        f"{centre} thông báo để {requester} được biết.",
    ]
    return notice(
        head,
        subject="Về việc từ chối thụ lý yêu cầu trợ giúp pháp lý",
        addressees=[_capital(requester)],
        paragraphs=paragraphs,
        recipients=["Như trên", FILED],
        form_code="Mẫu số 08-TP-TGPL",
    )


def discontinuation_notice(
    head: Letterhead,
    *,
    aided_person: str,
    case_code: str,
    form_name: str,
    ground: str,
    reasons: str,
    performer: str = "",
) -> Document:
    """Thông báo không tiếp tục thực hiện trợ giúp pháp lý (Luật TGPL Điều 37)."""
    centre = formatting.issuer_name(head.issuer, head.parent_body)
    by = f", do {performer} thực hiện" if performer else ""
    paragraphs = [
        f"{centre} đang thực hiện trợ giúp pháp lý bằng hình thức {form_name.lower()} cho "
        f"{aided_person} trong vụ việc {case_code}{by}.",
        f"Căn cứ Điều 37 Luật Trợ giúp pháp lý, {centre} thông báo không tiếp tục thực hiện "
        f"trợ giúp pháp lý đối với vụ việc nêu trên vì lý do: {_ground(ground)}.",
        *_lines(reasons),
        f"{centre} thông báo để {aided_person} được biết.",
    ]
    return notice(
        head,
        subject="Về việc không tiếp tục thực hiện trợ giúp pháp lý",
        addressees=[_capital(aided_person)],
        paragraphs=paragraphs,
        recipients=["Như trên", *([performer] if performer else []), FILED],
    )


# --- helpers ------------------------------------------------------------------


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ground(label: str) -> str:
    """ "a) Người được trợ giúp pháp lý đã chết" -> "người được trợ giúp pháp lý đã chết"."""
    label = label.strip()
    if len(label) > 2 and label[1] == ")":
        label = label[2:].strip()
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
