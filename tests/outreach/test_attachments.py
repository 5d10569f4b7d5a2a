"""Photos and papers of an activity are uploads like any other: bounded in size and
judged by their content (tgpl/uploads.py), never by their name alone."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from outreach import services
from outreach.models import ActivityAttachment
from tgpl.errors import BusinessRuleError

from .factories import activity

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def attach(actor, act, name, content):
    return services.add_attachment(
        actor=actor,
        activity=act,
        file=SimpleUploadedFile(name, content),
        kind=ActivityAttachment._meta.get_field("kind").choices[0][0],
    )


def test_a_photo_is_attached(staff):
    act = activity(staff)
    attached = attach(staff, act, "buoi-truyen-thong.png", PNG)
    assert attached.activity == act


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("anh.png", b"MZ\x90\x00 a program", "không đúng định dạng PNG"),
        ("chuong-trinh.exe", b"MZ\x90\x00", "chỉ nhận tệp PDF, JPG, PNG, DOCX"),
        ("rong.pdf", b"", "rỗng"),
    ],
)
def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_is_kept(
    staff, name, content, message
):
    act = activity(staff)
    with pytest.raises(BusinessRuleError, match=message):
        attach(staff, act, name, content)
    assert not ActivityAttachment.objects.exists()


def test_a_file_over_ten_megabytes_is_refused(staff):
    act = activity(staff)
    with pytest.raises(BusinessRuleError, match="vượt quá 10 MB"):
        attach(staff, act, "anh-lon.png", PNG + b"\x00" * (10 * 1024 * 1024))
