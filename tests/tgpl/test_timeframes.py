"""Tests for tgpl.timeframes (pure Python; run with -p no:django)."""

import unicodedata
from dataclasses import FrozenInstanceError
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tgpl.timeframes import RECURRENCE_CHOICES, Timeframe, parse_timeframe

# No example database: keep the working tree clean.
SETTINGS = settings(max_examples=300)

D = date.fromisoformat
RECURRENCES = {code for code, _ in RECURRENCE_CHOICES}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
QUARTER_START = {1: (1, 1), 2: (4, 1), 3: (7, 1), 4: (10, 1)}
QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def assert_invariants(tf: Timeframe) -> None:
    assert tf.recurrence in RECURRENCES
    if tf.start is not None and tf.end is not None:
        assert tf.start <= tf.end
    assert list(tf.periods) == sorted(tf.periods)
    for start, end in tf.periods:
        assert start <= end
        if tf.start is not None:
            assert tf.start <= start
        if tf.end is not None:
            assert end <= tf.end
    assert tf.parsed == (tf.start is not None or tf.end is not None or tf.recurrence != "none")
    if not tf.parsed:
        assert tf.periods == ()
    as_dict = tf.to_dict()
    assert set(as_dict) == {"text", "start", "end", "recurrence"}
    for key in ("start", "end"):
        value = as_dict[key]
        assert value is None or D(value) == getattr(tf, key)


# --------------------------------------------------------------------------------
# Table of concrete phrases: (text, default_year, start, end, recurrence)
# --------------------------------------------------------------------------------

CASES = [
    # whole years
    ("Cả năm 2021", None, "2021-01-01", "2021-12-31", "none"),
    ("Năm 2024", None, "2024-01-01", "2024-12-31", "none"),
    ("Trong năm 2022", None, "2022-01-01", "2022-12-31", "none"),
    ("Cả năm", 2021, "2021-01-01", "2021-12-31", "none"),
    ("Cả năm", None, None, None, "none"),
    # months
    ("Tháng 01/2021", None, "2021-01-01", "2021-01-31", "none"),
    ("Tháng 3 năm 2024", None, "2024-03-01", "2024-03-31", "none"),
    ("Tháng 11 và tháng 12 năm 2017", None, "2017-11-01", "2017-12-31", "none"),
    ("Từ tháng 3 đến tháng 5 năm 2024", None, "2024-03-01", "2024-05-31", "none"),
    ("Tháng 3, 4/2022", None, "2022-03-01", "2022-04-30", "none"),
    ("Tháng 10 - 12/2021", None, "2021-10-01", "2021-12-31", "none"),
    ("tháng 6", 2021, "2021-06-01", "2021-06-30", "none"),
    ("Tháng 2/2024", None, "2024-02-01", "2024-02-29", "none"),
    ("03/2022", None, "2022-03-01", "2022-03-31", "none"),
    ("Tháng 11 - 2/2022", None, "2021-11-01", "2022-02-28", "none"),
    ("Tháng 12/2021 đến tháng 2/2022", None, "2021-12-01", "2022-02-28", "none"),
    # quarters
    ("Quý I/2025", None, "2025-01-01", "2025-03-31", "none"),
    ("Quý 2 năm 2023", None, "2023-04-01", "2023-06-30", "none"),
    ("Quý II - III năm 2021", None, "2021-04-01", "2021-09-30", "none"),
    ("Quý II, IV", 2021, "2021-04-01", "2021-12-31", "none"),
    ("Quý III và Quý IV năm 2024", None, "2024-07-01", "2024-12-31", "none"),
    ("Quý IV/2021", None, "2021-10-01", "2021-12-31", "none"),
    ("Quý IV/2021 - Quý I/2022", None, "2021-10-01", "2022-03-31", "none"),
    # parts of a year
    ("6 tháng đầu năm", 2021, "2021-01-01", "2021-06-30", "none"),
    ("6 tháng cuối năm 2022", None, "2022-07-01", "2022-12-31", "none"),
    ("6 tháng đầu năm 2023", None, "2023-01-01", "2023-06-30", "none"),
    ("9 tháng đầu năm 2024", None, "2024-01-01", "2024-09-30", "none"),
    # days and deadlines
    ("trước ngày 15/3/2025", None, None, "2025-03-15", "none"),
    ("Hoàn thành trong Quý I/2025", None, "2025-01-01", "2025-03-31", "none"),
    ("Hoàn thành trước 30/6/2024", None, None, "2024-06-30", "none"),
    ("chậm nhất ngày 20/12/2025", None, None, "2025-12-20", "none"),
    ("Ngày 15/01/2021", None, "2021-01-15", "2021-01-15", "none"),
    ("Từ ngày 01/3/2021 đến ngày 30/4/2021", None, "2021-03-01", "2021-04-30", "none"),
    ("trước ngày 15/3", 2021, None, "2021-03-15", "none"),
    ("trước ngày 15/3", None, None, None, "none"),
    ("ngày 15 tháng 3 năm 2025", None, "2025-03-15", "2025-03-15", "none"),
    ("Từ nay đến 30/6/2025", None, None, "2025-06-30", "none"),
    ("Hạn chót Quý II/2025", None, None, "2025-06-30", "none"),
    ("Từ ngày 01/3/2021", None, "2021-03-01", None, "none"),
    # recurring
    ("Hằng tháng", 2021, "2021-01-01", "2021-12-31", "monthly"),
    ("Hàng tháng", 2021, "2021-01-01", "2021-12-31", "monthly"),
    ("Hằng tháng", None, None, None, "monthly"),
    ("Hằng năm", 2021, "2021-01-01", "2021-12-31", "yearly"),
    ("Hàng năm", None, None, None, "yearly"),
    ("Định kỳ hằng quý", 2021, "2021-01-01", "2021-12-31", "quarterly"),
    ("Hằng quý", 2023, "2023-01-01", "2023-12-31", "quarterly"),
    ("Hàng quý", None, None, None, "quarterly"),
    ("Thường xuyên", 2021, "2021-01-01", "2021-12-31", "continuous"),
    ("Thường xuyên", None, None, None, "continuous"),
    ("Hằng tháng, năm 2021", None, "2021-01-01", "2021-12-31", "monthly"),
    ("Hằng tháng, năm 2021", 2030, "2021-01-01", "2021-12-31", "monthly"),
    ("Hằng tháng trong Quý III/2024", None, "2024-07-01", "2024-09-30", "monthly"),
    ("Trước ngày 15 hằng tháng", 2021, "2021-01-01", "2021-12-31", "monthly"),
    ("Hằng năm (từ năm 2021)", None, "2021-01-01", None, "yearly"),
    # open-ended and multi-year
    ("Năm 2021 và những năm tiếp theo", None, "2021-01-01", None, "yearly"),
    ("Thực hiện thường xuyên từ năm 2018", 2021, "2018-01-01", None, "continuous"),
    ("Từ năm 2022", None, "2022-01-01", None, "none"),
    ("Giai đoạn 2021 - 2025", None, "2021-01-01", "2025-12-31", "none"),
    ("2021-2025", None, "2021-01-01", "2025-12-31", "none"),
    ("Từ năm 2021 đến năm 2025", None, "2021-01-01", "2025-12-31", "none"),
    # messy but readable; the year in the text beats default_year
    ("Cả năm 2021.", None, "2021-01-01", "2021-12-31", "none"),
    ("Quý II - III năm 2021 (dự kiến)", 2019, "2021-04-01", "2021-09-30", "none"),
    ("  QUÝ   ii –  iii  NĂM   2021 .. ", None, "2021-04-01", "2021-09-30", "none"),
    ("Tháng 10 — 12 / 2021", None, "2021-10-01", "2021-12-31", "none"),
    ("Năm 2024", 2021, "2024-01-01", "2024-12-31", "none"),
    # unreadable: kept as text only
    ("Theo chỉ đạo của cấp trên", 2021, None, None, "none"),
    ("", 2021, None, None, "none"),
    ("Khi có yêu cầu", 2021, None, None, "none"),
    ("trước ngày 31/2/2025", 2021, None, None, "none"),
    ("Tháng 13/2021", None, None, None, "none"),
    ("Quý V/2021", None, None, None, "none"),
    ("Theo Kế hoạch 1521/KH-UBND", None, None, None, "none"),
]


@pytest.mark.parametrize(("text", "default_year", "start", "end", "recurrence"), CASES)
def test_table(text, default_year, start, end, recurrence):
    tf = parse_timeframe(text, default_year=default_year)
    assert tf.to_dict() == {
        "text": text.strip(),
        "start": start,
        "end": end,
        "recurrence": recurrence,
    }
    assert_invariants(tf)


NOV_2017, DEC_2017 = ("2017-11-01", "2017-11-30"), ("2017-12-01", "2017-12-31")
Q1_2021, Q2_2021 = ("2021-01-01", "2021-03-31"), ("2021-04-01", "2021-06-30")
Q3_2021, Q4_2021 = ("2021-07-01", "2021-09-30"), ("2021-10-01", "2021-12-31")
YEAR_2021 = ("2021-01-01", "2021-12-31")
PERIOD_CASES = [
    ("Tháng 11 và tháng 12 năm 2017", None, [NOV_2017, DEC_2017]),
    ("Tháng 3, 4/2022", None, [("2022-03-01", "2022-03-31"), ("2022-04-01", "2022-04-30")]),
    ("Quý II, IV", 2021, [Q2_2021, Q4_2021]),
    ("Quý II - III năm 2021", None, [("2021-04-01", "2021-09-30")]),
    ("Định kỳ hằng quý", 2021, [Q1_2021, Q2_2021, Q3_2021, Q4_2021]),
    (
        "Hằng tháng trong Quý III/2024",
        None,
        [("2024-07-01", "2024-07-31"), ("2024-08-01", "2024-08-31"), ("2024-09-01", "2024-09-30")],
    ),
    ("Ngày 15/01/2021", None, [("2021-01-15", "2021-01-15")]),
    ("Thường xuyên", 2021, [YEAR_2021]),
    ("Hằng năm", 2021, [YEAR_2021]),
    ("trước ngày 15/3/2025", None, []),  # no start: no concrete period
    ("Từ năm 2022", None, []),  # no end: no concrete period
    ("Hằng tháng", None, []),
]


@pytest.mark.parametrize(("text", "default_year", "periods"), PERIOD_CASES)
def test_periods(text, default_year, periods):
    tf = parse_timeframe(text, default_year)
    assert tf.periods == tuple((D(s), D(e)) for s, e in periods)


def test_monthly_periods_cover_the_year():
    tf = parse_timeframe("Hằng tháng", default_year=2021)
    assert len(tf.periods) == 12
    assert tf.periods[0] == (date(2021, 1, 1), date(2021, 1, 31))
    assert tf.periods[1] == (date(2021, 2, 1), date(2021, 2, 28))
    assert tf.periods[-1] == (date(2021, 12, 1), date(2021, 12, 31))
    assert all(nxt[0] == prev[1] + timedelta(days=1) for prev, nxt in pairwise(tf.periods))


def test_huge_recurring_span_keeps_base_period():
    tf = parse_timeframe("Hằng tháng giai đoạn 1000 - 9999")
    assert (tf.start, tf.end, tf.recurrence) == (date(1000, 1, 1), date(9999, 12, 31), "monthly")
    assert tf.periods == ((date(1000, 1, 1), date(9999, 12, 31)),)


def test_timeframe_api():
    tf = parse_timeframe("  Quý I/2025.  ")
    assert tf.text == "Quý I/2025."
    assert tf.parsed
    assert tf.to_dict() == {
        "text": "Quý I/2025.",
        "start": "2025-01-01",
        "end": "2025-03-31",
        "recurrence": "none",
    }
    with pytest.raises(FrozenInstanceError):
        tf.start = date(2020, 1, 1)
    assert not parse_timeframe("Khi có yêu cầu").parsed
    assert parse_timeframe("Hằng quý").parsed  # recurrence alone counts


def test_recurrence_choices():
    assert RECURRENCE_CHOICES == [
        ("none", "Không lặp"),
        ("monthly", "Hằng tháng"),
        ("quarterly", "Hằng quý"),
        ("yearly", "Hằng năm"),
        ("continuous", "Thường xuyên"),
    ]


@pytest.mark.parametrize("default_year", [0, -1, 10000, 10**30])
def test_out_of_range_default_year_is_ignored(default_year):
    tf = parse_timeframe("Cả năm", default_year=default_year)
    assert not tf.parsed
    assert parse_timeframe("Quý I/2025", default_year).start == date(2025, 1, 1)


@pytest.mark.parametrize("text", ["Năm 0000", "Tháng 12 - 1/0001", "31/12/9999", "Quý IV/9999"])
def test_extreme_years_do_not_raise(text):
    assert_invariants(parse_timeframe(text, default_year=9999))


# --------------------------------------------------------------------------------
# Property-based tests
# --------------------------------------------------------------------------------

years = st.integers(1990, 2100)
default_years = st.none() | years
dashes = st.sampled_from(["-", "–", "—", " - ", " – ", " — "])
day_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def quarter_numeral(draw, q: int) -> str:
    return draw(st.sampled_from([ROMAN[q], str(q)]))


@st.composite
def well_formed(draw):
    """(text, default_year, expected start, expected end, expected recurrence)."""
    y = draw(years)
    default = draw(default_years)
    kind = draw(st.integers(0, 14))
    if kind == 0:
        prefix = draw(st.sampled_from(["Cả năm", "Năm", "Trong năm", "năm"]))
        return f"{prefix} {y}", default, date(y, 1, 1), date(y, 12, 31), "none"
    if kind == 1:
        m = draw(st.integers(1, 12))
        text = draw(st.sampled_from([f"Tháng {m}/{y}", f"Tháng {m:02d}/{y}", f"Tháng {m} năm {y}"]))
        return text, default, date(y, m, 1), month_end(y, m), "none"
    if kind == 2:
        a, b = sorted(draw(st.lists(st.integers(1, 12), min_size=2, max_size=2)))
        dash = draw(dashes)
        text = draw(
            st.sampled_from(
                [
                    f"Từ tháng {a} đến tháng {b} năm {y}",
                    f"Tháng {a}{dash}{b}/{y}",
                    f"Tháng {a:02d}{dash}tháng {b:02d} năm {y}",
                    f"Tháng {a} và tháng {b} năm {y}",
                    f"Tháng {a}, {b}/{y}",
                ]
            )
        )
        return text, default, date(y, a, 1), month_end(y, b), "none"
    if kind == 3:
        q = draw(st.integers(1, 4))
        n = draw(quarter_numeral(q))
        text = draw(
            st.sampled_from([f"Quý {n}/{y}", f"Quý {n} năm {y}", f"Hoàn thành trong Quý {n}/{y}"])
        )
        return text, default, date(y, *QUARTER_START[q]), date(y, *QUARTER_END[q]), "none"
    if kind == 4:
        a, b = sorted(draw(st.lists(st.integers(1, 4), min_size=2, max_size=2)))
        na, nb = draw(quarter_numeral(a)), draw(quarter_numeral(b))
        joiner = draw(dashes | st.sampled_from([", ", " và Quý ", " đến Quý "]))
        text = f"Quý {na}{joiner}{nb} năm {y}"
        return text, default, date(y, *QUARTER_START[a]), date(y, *QUARTER_END[b]), "none"
    if kind == 5:
        n = draw(st.integers(1, 12))
        if draw(st.booleans()):
            return f"{n} tháng đầu năm {y}", default, date(y, 1, 1), month_end(y, n), "none"
        return f"{n} tháng cuối năm {y}", default, date(y, 13 - n, 1), date(y, 12, 31), "none"
    if kind == 6:
        d = draw(day_dates)
        text = draw(
            st.sampled_from(
                [f"Ngày {d.day}/{d.month}/{d.year}", f"ngày {d.day:02d}/{d.month:02d}/{d.year}"]
            )
        )
        return text, default, d, d, "none"
    if kind == 7:
        d = draw(day_dates)
        prefix = draw(st.sampled_from(["trước ngày", "Hoàn thành trước", "chậm nhất ngày"]))
        return f"{prefix} {d.day}/{d.month}/{d.year}", default, None, d, "none"
    if kind == 8:
        a, b = sorted(draw(st.lists(day_dates, min_size=2, max_size=2)))
        text = f"Từ ngày {a.day:02d}/{a.month}/{a.year} đến ngày {b.day}/{b.month:02d}/{b.year}"
        return text, default, a, b, "none"
    if kind == 9:
        a, b = sorted(draw(st.lists(years, min_size=2, max_size=2)))
        dash = draw(dashes)
        text = draw(
            st.sampled_from([f"Giai đoạn {a}{dash}{b}", f"{a}{dash}{b}", f"Từ năm {a} đến năm {b}"])
        )
        return text, default, date(a, 1, 1), date(b, 12, 31), "none"
    if kind == 10:
        word, code = draw(
            st.sampled_from(
                [
                    ("Hằng tháng", "monthly"),
                    ("Hàng tháng", "monthly"),
                    ("Định kỳ hằng quý", "quarterly"),
                    ("Hàng quý", "quarterly"),
                    ("Hằng năm", "yearly"),
                    ("Thường xuyên", "continuous"),
                ]
            )
        )
        return f"{word}, năm {y}", default, date(y, 1, 1), date(y, 12, 31), code
    if kind == 11:
        text, code = draw(
            st.sampled_from(
                [
                    (f"Từ năm {y}", "none"),
                    (f"Thực hiện thường xuyên từ năm {y}", "continuous"),
                    (f"Năm {y} và những năm tiếp theo", "yearly"),
                ]
            )
        )
        return text, default, date(y, 1, 1), None, code
    # kinds 12-14: no year in the text, the default year is used
    if kind == 12:
        m = draw(st.integers(1, 12))
        return f"tháng {m}", y, date(y, m, 1), month_end(y, m), "none"
    if kind == 13:
        q = draw(st.integers(1, 4))
        n = draw(quarter_numeral(q))
        return f"Quý {n}", y, date(y, *QUARTER_START[q]), date(y, *QUARTER_END[q]), "none"
    text, code = draw(
        st.sampled_from(
            [("Cả năm", "none"), ("Hằng tháng", "monthly"), ("Thường xuyên", "continuous")]
        )
    )
    return text, y, date(y, 1, 1), date(y, 12, 31), code


@st.composite
def noisy(draw, text: str) -> str:
    """The same phrase as a person might type it: case, spacing, dots, decomposed Unicode."""
    case = draw(st.sampled_from(["keep", "lower", "upper", "random"]))
    if case == "lower":
        text = text.lower()
    elif case == "upper":
        text = text.upper()
    elif case == "random":
        flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
        text = "".join(c.upper() if flip else c for c, flip in zip(text, flips, strict=True))
    if draw(st.booleans()):
        text = text.replace(" ", draw(st.sampled_from(["  ", " \u00a0", "\t "])))
    text = (
        draw(st.sampled_from(["", " ", "  "]))
        + text
        + draw(st.sampled_from(["", ".", " .", "..", " "]))
    )
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    return text


@SETTINGS
@given(case=well_formed(), data=st.data())
def test_well_formed_phrases(case, data):
    text, default_year, start, end, recurrence = case
    noisy_text = data.draw(noisy(text), label="noisy_text")
    for variant in (text, noisy_text):
        tf = parse_timeframe(variant, default_year=default_year)
        assert (tf.start, tf.end, tf.recurrence) == (start, end, recurrence), variant
        assert tf.parsed
        assert tf.text == variant.strip()
        assert_invariants(tf)
        if start is not None and end is not None:
            assert tf.periods
            assert tf.periods[0][0] == start
            assert max(e for _, e in tf.periods) == end


@SETTINGS
@given(text=st.text(), default_year=st.none() | st.integers())
def test_random_text_never_raises(text, default_year):
    tf = parse_timeframe(text, default_year=default_year)
    assert tf.text == text.strip()
    assert_invariants(tf)


WORDS = [
    "tháng", "Tháng", "quý", "Quý", "năm", "Năm", "ngày", "từ", "Từ", "đến", "tới", "và",
    "hoặc", ",", ";", "-", "–", "—", "/", ".", "(", ")", "trước", "chậm nhất", "hạn chót",
    "hằng", "hàng", "Hằng tháng", "định kỳ", "thường xuyên", "I", "II", "III", "IV", "V",
    "i", "v", "x", "đầu", "cuối", "6 tháng", "những năm tiếp theo", "giai đoạn", "cả",
    "trong", "nay", "31/2/2025", "29/2/2024", "29/2/2023", "0/0", "00/0000",
]  # fmt: skip
numbers = st.integers(0, 10000).map(str) | st.integers(0, 40).map(lambda n: f"{n:02d}")
tokens = st.sampled_from(WORDS) | numbers


@SETTINGS
@given(
    parts=st.lists(st.tuples(tokens, st.sampled_from(["", " ", "  ", "/", "-"])), max_size=14),
    default_year=st.none() | st.integers(1, 9999),
)
def test_grammar_soup_never_raises(parts, default_year):
    text = "".join(token + sep for token, sep in parts)
    tf = parse_timeframe(text, default_year=default_year)
    assert_invariants(tf)
