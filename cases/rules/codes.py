"""The case code of TT 12/2018 Điều 11: organisation + form + register serial + year.

e.g. ``TT.TV.01.2026`` at the centre, ``CN1.TGTT.01.2026`` at branch CN1. The
abbreviation for out-of-court representation is unconfirmed ("ĐD" by default);
override with the setting ``CASES_FORM_ABBREVIATIONS``.
"""

FORM_ABBREVIATIONS = {"litigation": "TGTT", "advice": "TV", "representation": "ĐD"}


def case_code(prefix: str, form: str, serial: int, year: int, abbreviations=None) -> str:
    abbreviations = abbreviations or FORM_ABBREVIATIONS
    if serial < 1:
        raise ValueError("serial starts at 1")
    return f"{prefix}.{abbreviations[form]}.{serial:02d}.{year}"
