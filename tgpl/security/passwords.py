"""Password rules, with messages in Vietnamese (settings.AUTH_PASSWORD_VALIDATORS).

Passwords are compared in a folded form: lower case, no accents (tgpl.search.normalize,
so "Mật Khẩu" is "matkhau"), no spaces or punctuation. Refused:

- fewer than 12 characters; only digits;
- a common password (Django's list of 20,000 and the Vietnamese list in
  data/common_passwords_vi.txt), also with digits or symbols around it ("matkhau12345");
- one or two characters repeated, a repeated block, a run such as "abcdefghijkl";
- the user's own name or username, with or without accents, whatever else is around it
  when what is left is short ("HoangBich2026" for Hoàng Thị Bích);
- the published demo password (README), even with something added.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

from django.contrib.auth import password_validation as django_validation
from django.core.exceptions import ValidationError

from tgpl.search import normalize

DATA = Path(__file__).resolve().parent / "data" / "common_passwords_vi.txt"
DEMO_PASSWORD = "tgpl-demo-2026"  # noqa: S105 - the published one (README); refused here
MIN_LENGTH = 12
MIN_REMAINDER = 6  # characters left once the user's names are taken out
MIN_DISTINCT = 5

_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_EDGES = re.compile(r"^[^a-z]+|[^a-z]+$")


def fold(text: str) -> str:
    """Lower case, no accents, letters and digits only: "Mật khẩu 1!" -> "matkhau1"."""
    return _NOT_ALNUM.sub("", normalize(text))


@cache
def common_passwords() -> frozenset[str]:
    """Django's list and the Vietnamese one, folded."""
    words = {fold(word) for word in django_validation.CommonPasswordValidator().passwords}
    with DATA.open(encoding="utf-8") as handle:
        words |= {fold(line) for line in handle if not line.lstrip().startswith("#")}
    words.discard("")
    return frozenset(words)


class MinimumLengthValidator(django_validation.MinimumLengthValidator):
    def __init__(self, min_length: int = MIN_LENGTH):
        super().__init__(min_length)

    def get_error_message(self):
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self):
        return f"Mật khẩu có ít nhất {self.min_length} ký tự."


class NumericPasswordValidator(django_validation.NumericPasswordValidator):
    def get_error_message(self):
        return "Mật khẩu không được chỉ gồm chữ số."

    def get_help_text(self):
        return "Mật khẩu không chỉ gồm chữ số."


class CommonPasswordValidator:
    """Refuses a common password, also with digits or symbols before or after it."""

    def validate(self, password, user=None):
        folded = fold(password)
        core = fold(_EDGES.sub("", normalize(password)))
        if folded in common_passwords() or (len(core) >= 4 and core in common_passwords()):
            raise ValidationError(
                "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn một câu dài hơn, ít gặp hơn.",
                code="password_too_common",
            )

    def get_help_text(self):
        return "Mật khẩu không phải mật khẩu phổ biến (như “matkhau123”, “iloveyou”)."


def _is_run(text: str) -> bool:
    """Every step is +1 or every step is -1 ("abcdef", "987654", "1234567890")."""
    if len(text) < 3:
        return False
    steps = {_step(a, b) for a, b in itertools.pairwise(text)}
    return steps in ({1}, {-1})


def _step(a: str, b: str) -> int:
    if a.isdigit() and b.isdigit():
        return (int(b) - int(a) + 5) % 10 - 5  # 9 -> 0 is +1
    return ord(b) - ord(a)


def _is_repeated_block(text: str) -> bool:
    size = len(text)
    return any(size % n == 0 and text[:n] * (size // n) == text for n in range(1, size // 2 + 1))


class RepetitivePasswordValidator:
    """Refuses "aaaaaaaaaaaa", "abababababab", "matkhaumatkhau", "abcdefghijkl"."""

    def validate(self, password, user=None):
        folded = fold(password) or password.lower()
        if len(set(folded)) < MIN_DISTINCT or _is_repeated_block(folded) or _is_run(folded):
            raise ValidationError(
                "Mật khẩu lặp lại ký tự hoặc là một dãy liên tiếp, dễ bị đoán.",
                code="password_repetitive",
            )

    def get_help_text(self):
        return f"Mật khẩu có ít nhất {MIN_DISTINCT} ký tự khác nhau, không là dãy lặp lại."


def _name_parts(user) -> tuple[list[str], list[str]]:
    """(whole forms, parts): "Hoàng Thị Bích"/"giamdoc" -> hoangthibich, bichhoang, ...;
    hoang, thi, bich, giamdoc."""
    full_name = normalize(getattr(user, "full_name", "") or "").split()
    username = normalize(getattr(user, "username", "") or "")
    user_parts = [p for p in re.split(r"[^a-z0-9]+", username) if p]
    wholes = [
        "".join(full_name),
        "".join(full_name[-1:] + full_name[:-1]),  # given name first
        "".join(full_name[:1] + full_name[-1:]),  # family and given name only
        "".join(full_name[-1:] + full_name[:1]),
        "".join(user_parts),
    ]
    parts = [p for p in full_name + user_parts if len(p) >= 3]
    return [w for w in wholes if len(w) >= 4], sorted(set(parts), key=len, reverse=True)


class PersonalInformationValidator:
    """Refuses the user's full name and username, with or without accents."""

    def validate(self, password, user=None):
        if user is None:
            return
        folded = fold(password)
        wholes, parts = _name_parts(user)
        remainder = folded
        for part in parts:
            remainder = remainder.replace(part, "")
        if any(w in folded for w in wholes) or (
            parts and len(remainder) < MIN_REMAINDER and remainder != folded
        ):
            raise ValidationError(
                "Mật khẩu không được chứa họ tên hay tên đăng nhập của bạn (kể cả viết không dấu).",
                code="password_has_personal_information",
            )

    def get_help_text(self):
        return "Mật khẩu không chứa họ tên hay tên đăng nhập của bạn."


class UserAttributeSimilarityValidator(django_validation.UserAttributeSimilarityValidator):
    """Django's similarity check (the e-mail address above all), in Vietnamese."""

    DEFAULT_USER_ATTRIBUTES = ("username", "full_name", "email")

    def get_error_message(self):
        return "Mật khẩu quá giống %(verbose_name)s của bạn."

    def get_help_text(self):
        return "Mật khẩu không giống các thông tin cá nhân của bạn."


class DemoPasswordValidator:
    """The demo password is published in the README: nobody may keep or choose it."""

    def validate(self, password, user=None):
        if fold(DEMO_PASSWORD) in fold(password):
            raise ValidationError(
                "Không dùng mật khẩu mẫu đã công bố (tgpl-demo-2026); hãy đặt mật khẩu riêng.",
                code="password_is_demo",
            )

    def get_help_text(self):
        return "Mật khẩu không phải mật khẩu mẫu của bản trình diễn."
