"""The generic documents of Nghị định 30/2020 from plain fields: the letterhead, a
Quyết định (Mẫu 1.2) and a Thông báo (Mẫu 1.4), the signature block.

An app writes the wording of its own forms on these (the legal-aid forms are in
cases/document_wording.py) and declares each kind (tgpl/documents/kinds.py); nothing
here reads the database, so the layout is tested on its own.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import formatting
from .content import Document, Paragraph, Signer


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
