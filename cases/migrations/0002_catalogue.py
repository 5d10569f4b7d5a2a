"""Load the default eligibility catalogue, legal fields and quota tiers (cases/rules/catalogue.py)."""

from django.db import migrations

from cases.rules import catalogue


def load(apps, schema_editor):
    LegalField = apps.get_model("cases", "LegalField")
    ProofDocument = apps.get_model("cases", "ProofDocument")
    EligibilityCategory = apps.get_model("cases", "EligibilityCategory")
    CategoryProof = apps.get_model("cases", "CategoryProof")
    QuotaTier = apps.get_model("cases", "QuotaTier")
    for position, (code, name) in enumerate(catalogue.LEGAL_FIELDS, start=1):
        LegalField.objects.update_or_create(code=code, defaults={"name": name, "position": position})
    docs = {}
    for code, name in catalogue.PROOF_DOCUMENTS:
        docs[code], _ = ProofDocument.objects.update_or_create(code=code, defaults={"name": name})
    for position, (code, article, name, valid_from, valid_to, groups) in enumerate(
        catalogue.CATEGORIES, start=1
    ):
        category, _ = EligibilityCategory.objects.update_or_create(
            code=code,
            valid_from=valid_from,
            defaults={"article": article, "name": name, "valid_to": valid_to, "position": position},
        )
        for group_no, group in enumerate(groups, start=1):
            for doc_code in group:
                CategoryProof.objects.get_or_create(
                    category=category, document=docs[doc_code], group=group_no
                )
    for year in (2025, 2026):
        for min_years, max_years, pass_from, good_from, excellent_from in catalogue.QUOTA_TIERS_2022:
            QuotaTier.objects.get_or_create(
                year=year,
                min_years=min_years,
                defaults={
                    "max_years": max_years,
                    "pass_from": pass_from,
                    "good_from": good_from,
                    "excellent_from": excellent_from,
                    "source": "Mặc định theo Công văn 5008/BTP-TGPL (2022) — cập nhật theo công văn của năm",
                },
            )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
