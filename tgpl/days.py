"""Local calendar days as ranges of moments, in filters an index can serve.

`accepted_at__date__gte=day` makes the database turn every row's moment into a local
date before comparing, so no index on `accepted_at` serves it and a quarter's figures
read every case of the centre (issue 18: 0.8 s a count at 1,000,000 cases). These
compare the moment itself with the first moment of a local day, which selects the same
rows: `on_days("accepted_at", first, last)` is `accepted_at__date__range=(first, last)`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone


def start_of(day: date) -> datetime:
    """The first moment of a local day (the current time zone, Asia/Ho_Chi_Minh)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def since(field: str, day: date) -> Q:
    """`field__date__gte=day`."""
    return Q(**{f"{field}__gte": start_of(day)})


def until(field: str, day: date) -> Q:
    """`field__date__lte=day`."""
    return Q(**{f"{field}__lt": start_of(day + timedelta(days=1))})


def before(field: str, day: date) -> Q:
    """`field__date__lt=day`."""
    return Q(**{f"{field}__lt": start_of(day)})


def on_days(field: str, first: date, last: date) -> Q:
    """`field__date__range=(first, last)`: both days included."""
    return since(field, first) & until(field, last)
