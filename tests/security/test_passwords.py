"""Password rules: the weak passwords the probe set are refused, in Vietnamese."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tgpl.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def director_user(centre):
    return UserFactory(
        username="giamdoc", full_name="Hoàng Thị Bích", centre=centre, roles=[Role.DIRECTOR]
    )


def problems(password, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return exc.messages
    return []


@pytest.mark.parametrize(
    "password",
    [
        "matkhau12345",
        "matkhau123456",
        "Mật khẩu 12345",
        "123456789abc",
        "iloveyou2026",
        "Iloveyou!!!!",
        "anhyeuem1234",
        "qwertyuiop12",
        "password1234",
    ],
)
def test_common_and_vietnamese_common_passwords_are_refused(password):
    assert "Mật khẩu này quá phổ biến, dễ bị đoán." in " ".join(problems(password))


@pytest.mark.parametrize(
    "password", ["aaaaaaaaaaaa", "abababababab", "123123123123", "abcdefghijkl", "matkhaumatkhau"]
)
def test_repeated_characters_blocks_and_runs_are_refused(password):
    assert any("lặp lại ký tự hoặc là một dãy liên tiếp" in p for p in problems(password))


@pytest.mark.parametrize(
    "password",
    [
        "hoangthibich",
        "Hoàng Thị Bích",
        "HoangBich2026",
        "bich.hoang.2026",
        "Bích Hoàng 2026!",
        "giamdoc-2026!",
        "GIAMDOC123456",
    ],
)
def test_the_users_own_name_and_username_are_refused_with_or_without_accents(
    password, director_user
):
    assert any("họ tên hay tên đăng nhập của bạn" in p for p in problems(password, director_user))


@pytest.mark.parametrize("password", ["tgpl-demo-2026", "TGPL-demo-2026!", "tgpl demo 2026 abc"])
def test_the_published_demo_password_is_refused(password):
    assert any("mật khẩu mẫu đã công bố" in p for p in problems(password))


def test_short_and_numeric_passwords_are_refused_in_vietnamese():
    assert problems("ngan-qua-1") == ["Mật khẩu quá ngắn: cần ít nhất 12 ký tự."]
    assert "Mật khẩu không được chỉ gồm chữ số." in problems("730194826150")


@pytest.mark.parametrize(
    "password",
    [
        "mot-mat-khau-du-dai-2026",
        "Sông Kỳ Cùng chảy về phía bắc",
        "hoang-anh-tuan-nho-que",  # shares "hoang" with the user, the rest is long
        "Lạng Sơn mùa hoa đào 1979",
    ],
)
def test_long_personal_passphrases_pass(password, director_user):
    assert problems(password, director_user) == []


def test_every_rule_says_what_it_wants_in_vietnamese():
    from django.contrib.auth.password_validation import password_validators_help_texts

    texts = password_validators_help_texts()
    assert len(texts) == 7
    assert all(text.startswith("Mật khẩu") for text in texts), texts


def test_the_password_change_page_refuses_a_weak_password_and_keeps_the_old_one(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "matkhau12345",
            "new_password2": "matkhau12345",
        },
    )
    assert response.status_code == 200
    assert "Mật khẩu này quá phổ biến" in response.content.decode()
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_the_new_password_must_differ_from_the_current_one(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert "Mật khẩu mới phải khác mật khẩu hiện tại." in response.content.decode()
