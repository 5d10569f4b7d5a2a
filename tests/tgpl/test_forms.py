"""tgpl.forms: the selects of the list filters write Django's markup without a template
per option, and read their choices with one plain query (issue 18.5)."""

import pytest
from django import forms
from django.db.models.query import QuerySet
from django.test import SimpleTestCase
from django.utils.safestring import mark_safe

from tgpl.forms import ModelSelect, PlainSelect
from tgpl.models import Department

CHOICES = [("", "Tất cả"), ("a", "Dân sự & <hôn nhân>"), ("b", "Hình sự")]


@pytest.mark.parametrize("value", ["", "b", None])
def test_a_plain_select_writes_what_djangos_select_writes(value):
    attrs = {"class": "form-select form-select-sm", "id": "id_field"}
    ours = PlainSelect(choices=CHOICES).render("field", value, attrs)
    django = forms.Select(choices=CHOICES).render("field", value, attrs)
    SimpleTestCase().assertHTMLEqual(ours, django)
    assert "&lt;hôn nhân&gt;" in ours  # labels are escaped


def test_a_plain_select_escapes_values_selects_once_and_keeps_safe_labels():
    choices = [
        ("", "—"),
        ('a"&b', "A & B"),
        ("x", mark_safe("<b>X</b>")),
        ("x", "lần hai"),
        (None, "Không"),
    ]
    for value in ('a"&b', "x", None, ""):
        ours = PlainSelect(choices=choices).render("field", value, {"required": True})
        theirs = forms.Select(choices=choices).render("field", value, {"required": True})
        SimpleTestCase().assertHTMLEqual(ours, theirs)
    assert PlainSelect(choices=choices).render("field", "x", {}).count("selected") == 1


def test_a_plain_select_keeps_option_groups():
    grouped = [("Nhóm 1", [("a", "A"), ("b", "B")]), ("c", "C")]
    ours = PlainSelect(choices=grouped).render("field", "b", {})
    SimpleTestCase().assertHTMLEqual(ours, forms.Select(choices=grouped).render("field", "b", {}))


@pytest.mark.django_db
def test_a_model_select_reads_its_choices_without_a_streaming_cursor(
    monkeypatch, professional_office, admin_office, django_assert_num_queries
):
    # Django's own iterator calls .iterator(): a server-side cursor on PostgreSQL.
    def streamed(self, *args, **kwargs):
        raise AssertionError("choices read through QuerySet.iterator()")

    monkeypatch.setattr(QuerySet, "iterator", streamed)
    field = ModelSelect(queryset=Department.objects.order_by("name"), empty_label="Tất cả")
    with django_assert_num_queries(1):
        choices = [(str(value), label) for value, label in field.choices]
    assert choices == [
        ("", "Tất cả"),
        (str(admin_office.pk), admin_office.name),
        (str(professional_office.pk), professional_office.name),
    ]
    assert field.clean(str(admin_office.pk)) == admin_office
    assert isinstance(field.widget, PlainSelect)
