"""Recurring targets ("một bài/tuần", "Hằng tháng") checked period by period."""

from datetime import date

import pytest

from outreach import services
from outreach.models import Activity, RecurringTarget
from outreach.selectors import periods_between, recurring_check, recurring_rows

from .factories import activity

pytestmark = pytest.mark.django_db

WEEK, MONTH, QUARTER = (RecurringTarget.Period.WEEK, RecurringTarget.Period.MONTH,
                        RecurringTarget.Period.QUARTER)  # fmt: skip


@pytest.mark.parametrize(
    ("period", "start", "end", "expected"),
    [
        # weeks run Monday to Sunday; the first and last are cut to the target's dates
        (WEEK, date(2026, 10, 1), date(2026, 10, 14),
         [(date(2026, 10, 1), date(2026, 10, 4)), (date(2026, 10, 5), date(2026, 10, 11)),
          (date(2026, 10, 12), date(2026, 10, 14))]),
        (MONTH, date(2026, 11, 15), date(2027, 1, 10),
         [(date(2026, 11, 15), date(2026, 11, 30)), (date(2026, 12, 1), date(2026, 12, 31)),
          (date(2027, 1, 1), date(2027, 1, 10))]),
        (QUARTER, date(2026, 2, 1), date(2026, 7, 1),
         [(date(2026, 2, 1), date(2026, 3, 31)), (date(2026, 4, 1), date(2026, 6, 30)),
          (date(2026, 7, 1), date(2026, 7, 1))]),
    ],
)  # fmt: skip
def test_periods_of_a_recurring_target(period, start, end, expected):
    assert periods_between(period, start, end) == expected


def weekly_article(staff, **fields):
    return services.record_recurring_target(
        actor=staff,
        fields={
            "title": "Một tin, bài mỗi tuần trên Trang thông tin điện tử của Sở Tư pháp",
            "kinds": [Activity.Kind.WEB_ARTICLE],
            "channel": "Trang thông tin điện tử Sở Tư pháp",
            "period": WEEK,
            "per_period": 1,
            "start": date(2026, 10, 5),
            "end": date(2026, 12, 31),
            **fields,
        },
    )


def test_a_missed_week_shows_and_the_running_week_is_still_open(staff):
    target = weekly_article(staff)
    site = "Trang thông tin điện tử Sở Tư pháp"
    for day in (date(2026, 10, 6), date(2026, 10, 14), date(2026, 10, 28), date(2026, 11, 4),
                date(2026, 11, 11)):  # fmt: skip
        activity(staff, kind=Activity.Kind.WEB_ARTICLE, on=day, channel=site)
    activity(staff, kind=Activity.Kind.WEB_ARTICLE, on=date(2026, 10, 21), channel="Zalo")

    checks = recurring_check(target, today=date(2026, 11, 18))

    assert [c.start for c in checks if not c.met] == [date(2026, 10, 19), date(2026, 11, 16)]
    assert len(checks) == 7  # 5/10 .. 18/11: the week of 16/11 runs until Sunday


def test_only_the_kinds_counted_by_the_target_meet_it(staff):
    target = weekly_article(staff, channel="", kinds=[Activity.Kind.RADIO_TV])
    activity(staff, kind=Activity.Kind.WEB_ARTICLE, on=date(2026, 10, 6))
    activity(staff, kind=Activity.Kind.RADIO_TV, on=date(2026, 10, 7))

    checks = recurring_check(target, today=date(2026, 10, 11))

    assert [(c.count, c.met) for c in checks] == [(1, True)]


def test_the_list_counts_periods_met_for_every_target(staff):
    weekly_article(staff)
    monthly = weekly_article(staff, title="Hằng tháng", period=MONTH, channel="")
    activity(staff, kind=Activity.Kind.WEB_ARTICLE, on=date(2026, 10, 6))

    rows = {t.pk: (met, total) for t, met, total in recurring_rows(staff, date(2026, 11, 18))}

    assert rows[monthly.pk] == (1, 2)


def test_a_target_needs_a_kind_and_dates_in_order(staff):
    from tgpl.errors import BusinessRuleError

    with pytest.raises(BusinessRuleError, match="hình thức"):
        weekly_article(staff, kinds=[])
    with pytest.raises(BusinessRuleError, match="trước ngày bắt đầu"):
        weekly_article(staff, end=date(2026, 1, 1))
