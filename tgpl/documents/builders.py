"""Documents from plain fields: the generic Quyết định and Thông báo, and the legal-aid
forms built on them (TP-TGPL-14/15, 06/07-TP-TGPL, 08-TP-TGPL, the discontinuation
notice). Apps map their objects to these fields (cases/documents.py); nothing here
reads the database, so the wording is tested on its own.

The exact field layout of the official forms is not confirmed (domain.md part 3.4);
these follow the ND 30/2020 models (Mẫu 1.2 Quyết định, Mẫu 1.4 Thông báo) with what
the law requires each to say: who performs, for whom, which case, on what ground.
The Word download lets staff adjust the wording before signing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import formatting
from .content import Document, Paragraph, Signer

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


@dataclass(frozen=True)
class Letterhead:
    """Who issues: the parent body, the centre, where, the number, the day, who signs."""

    parent_body: str
    issuer: str
    place: str
    signer: Signer
    number_text: str  # "05/QĐ-TGPL", or "/QĐ-TGPL" for a draft
    date: datetime.date | None = None
    head_title: str = "Giám đốc"  # "GIÁM ĐỐC TRUNG TÂM ..." above the bases of a decision
    year: int | None = None  # printed in the date line of a draft (no date yet)


def letterhead(centre, *, kind: str, signer: Signer, issued=None, head_title="Giám đốc", year=None):
    """The letterhead of a centre's document; `issued` is its IssuedDocument, if numbered,
    else a draft of `year`."""
    return Letterhead(
        parent_body=centre.parent_agency.name,
        issuer=centre.name,
        place=formatting.place_name(centre.province_name),
        signer=signer,
        number_text=issued.number_text if issued else f"/{kind}-{centre.document_symbol}",
        date=issued.issued_on if issued else None,
        head_title=head_title,
        year=issued.year if issued else year,
    )


def decision(
    head: Letterhead,
    *,
    subject: str,
    bases: list[str],
    articles: list[str],
    proposal: str = "",
    recipients: list[str] = (),
    form_code: str = "",
) -> Document:
    """A Quyết định (ND 30/2020 Mẫu 1.2): authority, bases in italics, "QUYẾT ĐỊNH:",
    then Điều 1, Điều 2 ..., the last one ending with "./."."""
    authority = formatting.upper(
        f"{head.head_title} {formatting.issuer_name(head.issuer, head.parent_body)}"
    )
    lines = [f"Căn cứ {basis}" for basis in bases]
    if proposal:
        lines.append(proposal)
    lines = [
        line.rstrip(" ;.") + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)
    ]
    body = [
        Paragraph(authority, bold=True, centred=True),
        *(Paragraph(line, italic=True) for line in lines),
        Paragraph("QUYẾT ĐỊNH:", bold=True, centred=True),
        *(
            Paragraph(_end(text) if n == len(articles) else text, lead=f"Điều {n}.")
            for n, text in enumerate(articles, start=1)
        ),
    ]
    return _document("QĐ", head, subject, body, recipients, form_code=form_code)


def notice(
    head: Letterhead,
    *,
    subject: str,
    addressees: list[str],
    paragraphs: list[str],
    recipients: list[str] = (),
    form_code: str = "",
) -> Document:
    """A Thông báo (ND 30/2020 Mẫu 1.4) to named addressees ("Kính gửi: ...")."""
    texts = [p for p in paragraphs if p.strip()]
    if texts:
        texts[-1] = _end(texts[-1])
    return _document(
        "TB",
        head,
        subject,
        [Paragraph(t) for t in texts],
        recipients,
        addressees=addressees,
        form_code=form_code,
    )


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


def signer_for(user, *, director_title: str = "Giám đốc") -> Signer:
    """The signature block of a centre person: the director signs as such, a deputy
    "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", anyone else by order ("TL. GIÁM ĐỐC" + own title)."""
    from tgpl import roles

    if roles.is_director(user):
        return Signer(name=user.full_name, title=director_title)
    if roles.has_role(user, roles.Role.DEPUTY_DIRECTOR):
        return Signer(
            name=user.full_name, title=f"Phó {director_title}", authority=f"KT. {director_title}"
        )
    title = user.job_title or (user.department.name if user.department_id else "")
    return Signer(name=user.full_name, title=title, authority=f"TL. {director_title}")


# --- helpers --------------------------------------------------------------------------


def _document(kind, head, subject, body, recipients, *, addressees=(), form_code=""):
    return Document(
        kind=kind,
        subject=subject,
        parent_body=head.parent_body,
        issuer=head.issuer,
        number_text=head.number_text,
        place=head.place,
        date=head.date,
        year=head.date.year if head.date else head.year,
        body=tuple(body),
        signer=head.signer,
        recipients=tuple(recipients),
        addressees=tuple(addressees),
        form_code=form_code,
    )


def _end(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith("./.") else text.rstrip(".;,:") + "./."


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
