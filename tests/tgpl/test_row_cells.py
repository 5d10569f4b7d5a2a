"""The cells of a long list's rows: a row's link and a choice's label, written as
Django's `{% url %}` and get_<field>_display write them (issue 18.5)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.urls import reverse

from cases.models import Case, LegalAidRequest
from cases.states import CaseStatus, RequestStatus
from tgpl.templatetags.tgpl import choice_label, label_of, pk_url


@pytest.mark.parametrize("name", ["cases:case_detail", "cases:request_detail", "plans:detail"])
@pytest.mark.parametrize("pk", [1, 42, 1234567])
def test_a_row_link_is_the_reversed_url(name, pk):
    assert pk_url(pk, name) == reverse(name, args=[pk])


def test_a_row_link_follows_the_script_prefix():
    from django.urls import set_script_prefix

    set_script_prefix("/tgpl/")
    try:
        assert pk_url(7, "cases:case_detail") == reverse("cases:case_detail", args=[7])
        assert pk_url(7, "cases:case_detail").startswith("/tgpl/")
    finally:
        set_script_prefix("/")
    assert pk_url(7, "cases:case_detail") == reverse("cases:case_detail", args=[7])


def test_a_url_without_one_integer_argument_is_refused():
    with pytest.raises(ImproperlyConfigured):
        pk_url(7, "cases:case_list")


def test_a_row_link_in_a_template_is_escaped_like_any_value():
    html = Template("<a href=\"{{ pk|pk_url:'cases:case_detail' }}\">").render(Context({"pk": 5}))
    assert html == f'<a href="{reverse("cases:case_detail", args=[5])}">'


@pytest.mark.parametrize("status", [value for value, _ in CaseStatus.choices])
def test_the_label_of_every_case_status_is_djangos(status):
    case = Case(status=status)
    assert choice_label(case, "status") == case.get_status_display()


@pytest.mark.parametrize("status", [value for value, _ in RequestStatus.choices])
def test_the_label_of_every_request_status_is_djangos(status):
    request = LegalAidRequest(status=status)
    assert choice_label(request, "status") == request.get_status_display()


def test_a_value_outside_the_choices_is_printed_as_it_is():
    case = Case(status="lost")
    assert choice_label(case, "status") == case.get_status_display() == "lost"


def test_the_label_of_a_form_in_a_template():
    case = Case(form=Case._meta.get_field("form").choices[0][0])
    html = Template("{{ c|choice_label:'form' }}").render(Context({"c": case}))
    assert html == case.get_form_display()


@pytest.mark.parametrize(
    ("model", "name"),
    [(Case, "status"), (Case, "form"), (LegalAidRequest, "status"), (LegalAidRequest, "form")],
)
def test_the_label_of_a_plain_value_is_the_label_of_the_instance(model, name):
    """A list's row of values() has no instance: label_of prints what choice_label prints."""
    path = f"{model._meta.label}.{name}"
    for value, _ in model._meta.get_field(name).choices:
        assert label_of(value, path) == choice_label(model(**{name: value}), name)
    assert label_of("lost", path) == "lost"


def test_the_label_of_a_plain_value_in_a_template():
    html = Template('{{ row.status|label_of:"cases.Case.status" }}').render(
        Context({"row": {"status": CaseStatus.CLOSED}})
    )
    assert html == Case(status=CaseStatus.CLOSED).get_status_display()
