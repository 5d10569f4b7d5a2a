from django.urls import path, register_converter

from . import views


class DocumentFormat:
    regex = "pdf|docx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DocumentFormat, "docfmt")

app_name = "documents"

urlpatterns = [
    path("", views.register, name="register"),
]


def document_urls(app_label: str, *, number=None) -> list:
    """The URLs of the document kinds `app_label` declares, for its urls.py:
    `<app>:document` (documents/<kind>/<pk>.pdf or .docx, every kind of the app) and,
    when the app numbers drafts later, `<app>:number_document` served by its `number`
    view (a POST that calls the app's service)."""
    patterns = [
        path(
            "documents/<slug:kind>/<int:pk>.<docfmt:fmt>",
            views.download,
            {"app_label": app_label},
            name="document",
        ),
    ]
    if number is not None:
        patterns.append(
            path("documents/<slug:kind>/<int:pk>/number/", number, name="number_document")
        )
    return patterns
