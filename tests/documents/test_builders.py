"""Decisions and notices from plain fields, no database: the generic layout of
tgpl/documents/builders.py and the legal-aid wording of cases/document_wording.py."""

import datetime

import pytest

from cases import document_wording as w
from tgpl.documents import Paragraph, Signer, render_docx, render_pdf
from tgpl.documents import builders as b

from .conftest import pdf_text

HEAD = b.Letterhead(
    parent_body="Sở Tư pháp tỉnh Lạng Sơn",
    issuer="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn",
    place="Lạng Sơn",
    signer=Signer(name="Lương Văn Minh", title="Phó Giám đốc", authority="KT. Giám đốc"),
    number_text="05/QĐ-TGPL",
    date=datetime.date(2026, 3, 5),
)


def texts(doc):
    return [(p.lead + " " if p.lead else "") + p.text for p in doc.body]


def appointment(form=w.LITIGATION, **kwargs):
    fields = {
        "form": form,
        "performer": "Lăng Thị Mai",
        "performer_title": "Trợ giúp viên pháp lý",
        "aided_person": "bà Hoàng Thị Bích Ngọc",
        "case_code": "TT.TGTT.05.2026",
        "case_summary": "lĩnh vực hình sự",
        "proposer": "Trưởng Phòng Nghiệp vụ",
        "procedural_body": "Cơ quan Cảnh sát điều tra Công an tỉnh Lạng Sơn",
        "card_number": "TGV-012",
    }
    return w.performer_decision(HEAD, **(fields | kwargs))


def test_decision_has_authority_bases_and_articles_in_order():
    doc = b.decision(
        HEAD,
        subject="Về việc giao chỉ tiêu",
        bases=["Luật A;", "Thông tư B."],
        proposal="Theo đề nghị của Trưởng Phòng Hành chính – Tổng hợp",
        articles=["Giao chỉ tiêu.", "Hiệu lực.", "Thi hành."],
    )
    assert doc.kind == "QĐ"
    assert doc.title_text == "QUYẾT ĐỊNH"
    assert texts(doc) == [
        "GIÁM ĐỐC TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC",
        "Căn cứ Luật A;",
        "Căn cứ Thông tư B;",
        "Theo đề nghị của Trưởng Phòng Hành chính – Tổng hợp.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Giao chỉ tiêu.",
        "Điều 2. Hiệu lực.",
        "Điều 3. Thi hành./.",
    ]
    bases = [p for p in doc.body if isinstance(p, Paragraph) and p.text.startswith("Căn cứ")]
    assert all(p.italic for p in bases)


@pytest.mark.parametrize(
    ("form", "replaces", "code", "subject"),
    [
        (
            w.LITIGATION,
            "",
            "Mẫu TP-TGPL-14",
            "cử người thực hiện trợ giúp pháp lý tham gia tố tụng",
        ),
        (w.LITIGATION, "Trần Đức Long", "Mẫu TP-TGPL-15", "thay thế người thực hiện"),
        (w.REPRESENTATION, "", "Mẫu số 06-TP-TGPL", "đại diện ngoài tố tụng"),
        (w.REPRESENTATION, "Trần Đức Long", "Mẫu số 07-TP-TGPL", "thay thế người thực hiện"),
    ],
)
def test_each_form_and_replacement_has_its_official_form(form, replaces, code, subject):
    doc = appointment(form, replaces=replaces, reason="theo đề nghị của người được TGPL")
    assert doc.form_code == code
    assert subject in doc.subject
    first = texts(doc)[-3]
    assert "bà Hoàng Thị Bích Ngọc" in first
    assert "TT.TGTT.05.2026" in first
    if replaces:
        assert first.startswith("Điều 1. Thay thế Trần Đức Long bằng Lăng Thị Mai")
        assert "Lý do thay thế: theo đề nghị của người được TGPL." in first
    else:
        assert first.startswith("Điều 1. Cử Lăng Thị Mai, Trợ giúp viên pháp lý (thẻ số TGV-012)")


def test_litigation_decision_cites_tt_08_2017_and_goes_to_the_procedural_body():
    doc = appointment()
    joined = " ".join(texts(doc))
    assert "Thông tư số 08/2017/TT-BTP" in joined
    assert "pháp luật về tố tụng" in joined
    assert doc.recipients == (
        "Như Điều 3",
        "Cơ quan Cảnh sát điều tra Công an tỉnh Lạng Sơn",
        "Lưu: VT, hồ sơ vụ việc",
    )


def test_representation_decision_cites_tt_12_2018():
    joined = " ".join(texts(appointment(w.REPRESENTATION)))
    assert "Thông tư số 12/2018/TT-BTP" in joined
    assert "Thông tư số 08/2017" not in joined


def test_advice_has_no_decision():
    with pytest.raises(ValueError, match="Tư vấn pháp luật"):
        appointment("advice")


def test_refusal_notice_names_the_ground_of_article_30_and_the_reasons():
    doc = w.refusal_notice(
        HEAD,
        requester="ông Nông Văn Tài",
        aided_person="bà Nông Thị Lan",
        received_on=datetime.date(2026, 3, 2),
        request_summary="Tranh chấp đất đai.",
        ground="c) Người được trợ giúp pháp lý đã chết",
        reasons="Bà Lan mất ngày 01/3/2026.",
    )
    assert (doc.kind, doc.form_code) == ("TB", "Mẫu số 08-TP-TGPL")
    assert doc.addressees == ("Ông Nông Văn Tài",)
    body = texts(doc)
    assert body[0].startswith("Ngày 02/03/2026, Trung tâm Trợ giúp pháp lý nhà nước nhận được")
    assert "của ông Nông Văn Tài cho bà Nông Thị Lan về việc: Tranh chấp đất đai." in body[0]
    assert "vì lý do: người được trợ giúp pháp lý đã chết (khoản 3 Điều 30" in body[1]
    assert body[2] == "Bà Lan mất ngày 01/3/2026."
    assert body[-1].endswith("./.")


def test_discontinuation_notice_cites_article_37():
    doc = w.discontinuation_notice(
        HEAD,
        aided_person="ông Hà Văn Sơn",
        case_code="TT.TGTT.07.2026",
        form_name="Tham gia tố tụng",
        ground="c) Người được TGPL rút yêu cầu (Điều 37.1.c)",
        reasons="Ông Sơn rút yêu cầu ngày 04/3/2026.",
        performer="Lăng Thị Mai",
    )
    body = " ".join(texts(doc))
    assert doc.subject == "Về việc không tiếp tục thực hiện trợ giúp pháp lý"
    assert "hình thức tham gia tố tụng cho ông Hà Văn Sơn trong vụ việc TT.TGTT.07.2026" in body
    assert "Căn cứ Điều 37 Luật Trợ giúp pháp lý" in body
    assert "vì lý do: người được TGPL rút yêu cầu" in body
    assert doc.recipients == ("Như trên", "Lăng Thị Mai", "Lưu: VT, hồ sơ vụ việc")


def test_decision_prints_in_pdf_and_word_with_its_signer():
    doc = appointment()
    text = pdf_text(render_pdf(doc))
    for expected in (
        "Mẫu TP-TGPL-14",
        "Số: 05/QĐ-TGPL",
        "Lạng Sơn, ngày 05 tháng 3 năm 2026",
        "QUYẾT ĐỊNH",
        "GIÁM ĐỐC TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC",
        "Điều 1. Cử Lăng Thị Mai",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Lương Văn Minh",
        "- Như Điều 3;",
    ):
        assert expected in text, expected
    assert render_docx(doc)[:2] == b"PK"


def test_draft_keeps_room_for_number_and_day_but_prints_the_year():
    head = b.Letterhead(**{**HEAD.__dict__, "number_text": "/QĐ-TGPL", "date": None, "year": 2026})
    doc = w.performer_decision(
        head,
        form=w.LITIGATION,
        performer="Lăng Thị Mai",
        performer_title="Trợ giúp viên pháp lý",
        aided_person="bà Hoàng Thị Bích Ngọc",
        case_code="TT.TGTT.05.2026",
    )
    text = pdf_text(render_pdf(doc))
    assert "/QĐ-TGPL" in text
    assert "năm 2026" in text
