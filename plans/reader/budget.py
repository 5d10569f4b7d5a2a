"""The amounts of a task's budget kept one by one (issue 17.8). Pure Python.

"Kinh phí: in ấn 30.000.000 đồng; hội nghị 10.000.000 đồng" is two lines, not one sum;
a task whose bullets each name their cost ("Đặt in 80.000 Tờ gấp (kinh phí 40.000.000đ)")
has a line per bullet. "40 triệu đồng (trong đó in ấn 30 triệu)" is one line of 40 million:
the part "trong đó" details the total, it is not another amount. The lines always add up
to the task's `budget_vnd`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .contract import BudgetLineData
from .units import find_money

_DETAIL = re.compile(r"\(|\btrong\s+đó\b", re.I)
_PARTS = re.compile(r";|\s\+\s|,\s+(?=[^\d\s])")
_AMOUNT = re.compile(
    r"\d[\d.,]*\s*(?:(?:tỷ|tỉ|triệu|nghìn|ngàn)(?:\s*(?:đồng|vnđ|vnd|đ))?|đồng|vnđ|vnd|đ)(?!\w)",
    re.I,
)
_WORDS = re.compile(
    r"^\W*(?:tổng\s+)?(?:kinh\s*phí|dự\s*toán)(?:\s+thực\s+hiện)?\s*(?:là)?\W*", re.I
)


def _label(text: str) -> str:
    text = _AMOUNT.sub(" ", _DETAIL.split(text)[0])
    text = _WORDS.sub("", " ".join(text.split())).strip(" :;,.-–")
    return text[:255]


def labelled_lines(values: Iterable[str]) -> list[BudgetLineData]:
    """The lines of labelled "Kinh phí" values (the detail "trong đó" left out)."""
    lines: list[BudgetLineData] = []
    for value in values:
        head = _DETAIL.split(value)[0]
        for part in _PARTS.split(head):
            amount = sum(find_money(part))
            if amount:
                lines.append({"label": _label(part), "amount_vnd": amount})
    return lines


def text_lines(texts: Iterable[str]) -> list[BudgetLineData]:
    """A line per text (title, bullet) that names an amount."""
    lines: list[BudgetLineData] = []
    for text in texts:
        amount = sum(find_money(text))
        if amount:
            lines.append({"label": _label(text), "amount_vnd": amount})
    return lines
