"""The council's report as an official document (Báo cáo, Nghị định 30/2020 Mẫu 1.4):
the 1st report with its content (Mẫu 06A) and its figures (Mẫu 06B), the 2nd with its
figures only (Mẫu 06C); the figures are those of the register of notices (Mẫu 05), by
sector and agency: read live while it is a draft, kept with the report when the văn thư
gives it its number (Cấp số). Declared here, registered through cases/documents.py."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from tgpl.documents import Document, Heading, Item, Line, Paragraph, Signer
from tgpl.documents import builders as b
from tgpl.documents.content import with_end_mark
from tgpl.documents.kinds import DocumentKind
from tgpl.documents.registry import register
from tgpl.documents.selectors import issued_for

from .models import CouncilReport
from .rules import council as rules
from .selectors_council import FigureRow, freeze_figures, report_figures

COUNCIL_NAME = "Hội đồng phối hợp liên ngành về trợ giúp pháp lý trong hoạt động tố tụng"
BASIS = (
    "Thông tư liên tịch số 10/2018/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC quy định về phối hợp "
    "thực hiện trợ giúp pháp lý trong hoạt động tố tụng"
)


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _lines(row: FigureRow, columns: list[str]) -> tuple[Line, ...]:
    return tuple(Line(label, _number(v)) for label, v in zip(columns, row.cells, strict=True))


def council_report(report: CouncilReport) -> Document:
    from tgpl import roles

    figures = report_figures(report)
    centre = report.centre
    period = f"từ ngày {figures.start:%d/%m/%Y} đến ngày {figures.end:%d/%m/%Y}"
    body: list = [
        Paragraph(
            f"Thực hiện {BASIS}, Tổ giúp việc {COUNCIL_NAME} báo cáo kết quả thực hiện "
            f"năm {report.year} ({period}) như sau:"
        )
    ]
    if rules.has_content(report.round):
        body.append(Heading(text="I. NỘI DUNG (Mẫu 06A)", level=0))
        body += [Paragraph(p.strip()) for p in report.content.splitlines() if p.strip()]
        body.append(Heading(text="II. SỐ LIỆU (Mẫu 06B)", level=0))
    else:
        body.append(Heading(text="SỐ LIỆU CHÍNH THỨC (Mẫu 06C)", level=0))
    body.append(
        Paragraph(
            "Số liệu theo Sổ theo dõi vụ việc trợ giúp pháp lý trong hoạt động tố tụng "
            "(Mẫu 05), theo ngành và cơ quan gửi thông báo, thông tin."
        )
    )
    for number, sector in enumerate(figures.sectors, start=1):
        body.append(
            Item(
                number=f"{number}.",
                title=sector.total.label,
                lines=_lines(sector.total, figures.columns),
                bold=True,
            )
        )
        for agency in sector.agencies:
            body.append(
                Item(number="-", title=agency.label, level=2, lines=_lines(agency, figures.columns))
            )
    body.append(
        Item(
            number="",
            title=figures.total.label,
            lines=_lines(figures.total, figures.columns),
            bold=True,
        )
    )
    director = roles.director_of(centre)
    signer = b.signer_for(director) if director else Signer(name="", title="Giám đốc")
    head = b.letterhead(
        centre,
        kind="BC",
        signer=signer,
        issued=issued_for(report, "BC"),
        year=timezone.localdate().year,
    )
    return Document(
        kind="BC",
        subject=f"kết quả thực hiện {COUNCIL_NAME.lower()} năm {report.year} (lần {report.round})",
        parent_body=head.parent_body,
        issuer=head.issuer,
        number_text=head.number_text,
        place=head.place,
        date=head.date,
        year=report.year,
        body=with_end_mark(body),
        signer=head.signer,
        recipients=(f"- {COUNCIL_NAME};", "- Lưu: VT."),
        form_code=rules.forms_of(report.round),
    )


COUNCIL_REPORT = register(
    DocumentKind(
        name="council_report",
        label="báo cáo của Hội đồng phối hợp liên ngành",
        model=CouncilReport,
        number_kind="BC",
        visible_to=lambda user: CouncilReport.objects.visible_to(user),
        build=council_report,
        subject=lambda r: f"Báo cáo lần {r.round} năm {r.year} của Hội đồng phối hợp liên ngành",
        title=lambda r: f"{r.get_round_display()} năm {r.year} ({r.forms})",
        listed_on=CouncilReport,
        page=lambda r: reverse("cases:council_report", args=[r.pk]),
        related=("centre__parent_agency",),
        # the văn thư numbers it when it is signed; its figures are kept from then on
        numbered_later=True,
        on_numbered=freeze_figures,
    )
)
