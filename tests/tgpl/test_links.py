"""Links made once per process (tgpl/links.py, issue 18.5): {% url %} and the menu
print what Django's reverse() prints, under every urlconf and script prefix."""

import pytest
from django.template import Context, RequestContext, Template
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from tgpl import links


def render(text: str, **context) -> str:
    return Template(text).render(Context(context))


@pytest.mark.parametrize(
    ("tag", "name", "args", "kwargs"),
    [
        ("{% url 'cases:case_list' %}", "cases:case_list", [], {}),
        ("{% url 'cases:case_detail' 42 %}", "cases:case_detail", [42], {}),
        ("{% url 'cases:case_detail' pk %}", "cases:case_detail", [7], {}),
        ("{% url 'cases:case_detail' pk=pk %}", "cases:case_detail", [], {"pk": 7}),
        ("{% url name %}", "plans:index", [], {}),
    ],
)
def test_the_url_tag_prints_what_reverse_prints(tag, name, args, kwargs):
    expected = reverse(name, args=args, kwargs=kwargs)
    assert render(tag, pk=7, name="plans:index") == expected
    assert render(tag, pk=7, name="plans:index") == expected  # kept, the same


def test_as_var_keeps_the_link_and_a_missing_name_stays_silent():
    assert render("{% url 'cases:case_list' as link %}[{{ link }}]") == (
        f"[{reverse('cases:case_list')}]"
    )
    assert render("{% url 'no:such' as link %}[{{ link }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'no:such' %}")


def test_a_kept_link_follows_the_script_prefix():
    plain = render("{% url 'cases:case_detail' 3 %}")
    set_script_prefix("/tgpl/")
    try:
        assert render("{% url 'cases:case_detail' 3 %}") == "/tgpl" + plain
    finally:
        clear_script_prefix()
    assert render("{% url 'cases:case_detail' 3 %}") == plain


def test_a_link_is_escaped_like_any_value():
    assert render("{% url 'cases:request_list' %}?q={{ q }}", q="<a>").endswith("?q=&lt;a&gt;")


def test_a_link_to_an_object_is_made_afresh_not_kept(monkeypatch):
    """A model instance prints its text, which may change: it does not name a link."""

    class Named:
        def __init__(self, text):
            self.text = text

        def __str__(self):
            return self.text

    before = links._kept.cache_info().currsize
    assert links.reverse_kept("cases:case_detail", args=[Named("5")]).endswith("/5/")
    assert links.reverse_kept("cases:case_detail", args=[Named("6")]).endswith("/6/")
    assert links._kept.cache_info().currsize == before


def test_another_urlconf_gets_its_own_links():
    with pytest.raises(NoReverseMatch):
        links.reverse_kept("bench_ping")
    with override_settings(ROOT_URLCONF="tests.bench.load.urls"):
        assert links.reverse_kept("bench_ping") == "/bench/ping/"
        assert links.reverse_kept("cases:case_list") == reverse("cases:case_list")
    with pytest.raises(NoReverseMatch):
        links.reverse_kept("bench_ping")


def test_the_namespace_of_the_page_chooses_the_instance():
    """current_app: Django's rule, from the request's resolver match."""
    request = RequestFactory().get("/")
    request.current_app = "cases"
    printed = Template("{% url 'cases:case_list' %}").render(RequestContext(request))
    assert printed == reverse("cases:case_list", current_app="cases")
