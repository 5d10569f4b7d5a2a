"""Provinces and communes of Viet Nam after the 1 July 2025 rearrangement.

Data from the `vietnam-provinces` package (34 provinces, two-level government,
codes of the General Statistics Office). Old district names are kept as free
text on historical records, never here.
"""

from functools import lru_cache

from vietnam_provinces import Province, Ward


@lru_cache(maxsize=1)
def province_choices() -> list[tuple[int, str]]:
    return sorted(((int(p.code), p.name) for p in Province.iter_all()), key=lambda c: c[1])


@lru_cache(maxsize=64)
def commune_choices(province_code: int | None) -> list[tuple[int, str]]:
    if not province_code:
        return []
    try:
        wards = Ward.iter_by_province(province_code)
        return sorted(((int(w.code), w.name) for w in wards), key=lambda c: c[1])
    except ValueError:
        return []


def province_name(code: int | None) -> str:
    if not code:
        return ""
    try:
        return Province.from_code(code).name
    except ValueError:
        return ""


def commune_name(code: int | None) -> str:
    if not code:
        return ""
    try:
        return Ward.from_code(code).name
    except ValueError:
        return ""


def commune_in_province(commune_code: int, province_code: int) -> bool:
    try:
        return int(Ward.from_code(commune_code).province_code) == int(province_code)
    except ValueError:
        return False
