from django.db import migrations

ROLE_CODES = [
    "director",
    "deputy_director",
    "department_head",
    "staff",
    "legal_aid_officer",
    "contracted_lawyer",
    "collaborator",
    "doj_reviewer",
    "administrator",
]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for code in ROLE_CODES:
        Group.objects.get_or_create(name=code)


class Migration(migrations.Migration):
    dependencies = [("tgpl", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
