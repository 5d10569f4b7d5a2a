"""Estimates used to be kept for the total row of Biểu 24 and 25 only, as
{section: {column: {"proposed": n, "value": n}}}. Every figure of the estimated part now has
its estimate, kept as a table (reports/figures/estimates.py):
{section: {"section": <a section's JSON>, "proposed": [[n, ...], ...]}}.

This turns what was stored, on the reports and on the versions sent, into a one-row table
of the new shape; the stock columns (carried over, open at the end), which are no longer
estimated, are left out. Labels are frozen here as they were: a migration does not read the
live figures' code. Nothing is recomputed: what was sent stays as it was sent."""

from datetime import timedelta

from django.db import migrations

TITLES = {
    "b24": ("Biểu số 24/BTP/TGPL: Số lượt người đã được trợ giúp pháp lý", "Lượt người"),
    "b25": ("Biểu số 25/BTP/TGPL: Số vụ việc trợ giúp pháp lý", "Vụ việc"),
}
LABELS = {
    "total": "Tổng số",
    "sex:male": "Nam",
    "sex:female": "Nữ",
    "poor_ethnic": "Người vừa thuộc hộ nghèo vừa là người dân tộc thiểu số",
    "all": "Tổng số vụ việc trong kỳ",
    "new": "Thụ lý trong kỳ",
    "ended": "Tổng số đã kết thúc trong kỳ",
    "ended:done": "Đã thực hiện xong",
    "ended:suspended": "Bị đình chỉ",
    "ended:discontinued": "Không tiếp tục thực hiện",
}
STOCK = {"carried", "open_end"}
NOTE = "Số liệu ước tính, không phải số liệu thực tế (chỉ dòng tổng số, theo cách tính trước đây)."


def _label(key: str) -> str:
    if key in LABELS:
        return LABELS[key]
    name, _, value = key.partition(":")
    return {"cat": f"Diện {value}", "performer": f"Người thực hiện: {value}"}.get(name, key)


def _converted(old: dict, start, end) -> dict:
    out = {}
    for key, columns in (old or {}).items():
        if "section" in columns:  # already in the new shape
            out[key] = columns
            continue
        kept = [(c, v) for c, v in columns.items() if c not in STOCK]
        title, unit = TITLES.get(key, (key, ""))
        out[key] = {
            "section": {
                "key": key,
                "title": f"{title}: ước tính từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}",
                "unit": unit,
                "note": NOTE,
                "drill": False,
                "columns": [[c, _label(c), ""] for c, _ in kept],
                "rows": [["total", "Tổng số", 0, [int(v.get("value", 0)) for _, v in kept]]],
            },
            "proposed": [[int(v.get("proposed", 0)) for _, v in kept]],
        }
    return out


def forwards(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    ReportVersion = apps.get_model("reports", "ReportVersion")
    for report in Report.objects.exclude(estimates={}).iterator():
        start = report.end + timedelta(days=1)
        report.estimates = _converted(report.estimates, start, report.covers_to)
        report.save(update_fields=["estimates"])
    for version in ReportVersion.objects.exclude(estimates={}).select_related("report"):
        start = version.report.end + timedelta(days=1)
        version.estimates = _converted(version.estimates, start, version.report.covers_to)
        version.save(update_fields=["estimates"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_report_settings")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
