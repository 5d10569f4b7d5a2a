"""The web import with the plan reader: Word's numbers in the preview, the kind read from
the text, PDFs, and a preview that gives back the reading it was built from."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.import_preview import (
    PreviewHeaderForm,
    PreviewItemFormSet,
    plan_from_preview,
    preview_forms,
)
from plans.models import Plan
from plans.reader import parse_plan, read_plan_text
from tests.plans.reader.test_pdf import blank_pdf
from tests.plans.reader.unseen import cao_bang_2023, lang_son_2017

pytestmark = pytest.mark.django_db


def post_data(header, items) -> dict:
    """What the browser sends back for an unchanged preview."""
    data = {}
    for name in header.fields:
        value = header.initial.get(name)
        if hasattr(value, "strftime"):
            value = value.strftime("%d/%m/%Y")
        data[name] = "" if value is None else value
    data["form-TOTAL_FORMS"] = data["form-INITIAL_FORMS"] = str(len(items.forms))
    for i, form in enumerate(items.forms):
        for name in form.fields:
            value = form.initial.get(name)
            if name == "keep":
                if value:
                    data[f"form-{i}-keep"] = "on"
                continue
            data[f"form-{i}-{name}"] = "" if value is None else value
    return data


@pytest.mark.parametrize("module", [cao_bang_2023, lang_son_2017])
def test_an_unchanged_preview_gives_back_the_reading(module):
    reading = parse_plan(read_plan_text(module.document(), module.FILENAME))
    header, items = preview_forms(reading, default_symbol="KH-TGPL")
    data = post_data(header, items)
    bound_header, bound_items = PreviewHeaderForm(data), PreviewItemFormSet(data)
    assert bound_header.is_valid(), bound_header.errors
    assert bound_items.is_valid(), bound_items.errors
    corrected, kind = plan_from_preview(
        reading, bound_header.cleaned_data, bound_items.cleaned_data
    )
    assert kind == reading.kind
    assert corrected == reading


def test_word_list_numbers_show_in_the_preview_and_are_saved(client, staff):
    client.force_login(staff)
    upload = SimpleUploadedFile(cao_bang_2023.FILENAME, cao_bang_2023.document())
    response = client.post(reverse("plans:import"), {"kind": "", "document": upload})
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(form.initial["path"], source.number) for form, source in rows][:6] == [
        ("I", "I"),
        ("I.1", "1"),
        ("I.2", "2"),
        ("II", "II"),
        ("II.1", "1"),
        ("II.1.1", "1.1"),
    ]
    assert response.context["header"].initial["kind"] == Plan.Kind.ANNUAL
    data = post_data(response.context["header"], response.context["items"])
    saved = client.post(reverse("plans:import_confirm"), data)
    assert saved.status_code == 302
    plan = Plan.objects.get()
    assert plan.issuing_body == "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng"
    assert plan.items.get(path="II.2.2").periods.count() == 2
    assert {q.label for q in plan.items.get(path="II.2.2").quantities.all()} == {
        "huyện",
        "xã, thôn",
    }


def test_the_kind_is_read_from_the_text_unless_the_user_chooses_one(client, staff):
    client.force_login(staff)
    guessed = client.post(reverse("plans:import"), {"kind": "", "text": lang_son_2017.TEXT})
    assert guessed.context["header"].initial["kind"] == Plan.Kind.LAW
    assert guessed.context["header"].initial["year"] == 2017  # from the body, not today
    chosen = client.post(reverse("plans:import"), {"kind": "other", "text": lang_son_2017.TEXT})
    assert chosen.context["header"].initial["kind"] == Plan.Kind.OTHER


def test_a_scanned_pdf_upload_is_refused_with_a_clear_message(client, staff):
    client.force_login(staff)
    upload = SimpleUploadedFile("ban-scan.pdf", blank_pdf(1), "application/pdf")
    response = client.post(reverse("plans:import"), {"kind": "", "document": upload})
    assert response.status_code == 200
    assert "không có lớp chữ" in response.content.decode()
    assert Plan.objects.count() == 0
