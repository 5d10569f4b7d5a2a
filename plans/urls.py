from django.urls import path

from tgpl.documents.views import download

from . import views, views_budget, views_documents, views_import

PLAN_PDF = {"kind": "plan", "fmt": "pdf", "app_label": "plans"}
PLAN_DOCX = {"kind": "plan", "fmt": "docx", "app_label": "plans"}

app_name = "plans"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.plan_create, name="create"),
    path("board/", views.board, name="board"),
    path("import/", views_import.import_document, name="import"),
    path("import/confirm/", views_import.import_confirm, name="import_confirm"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/history/", views.plan_history, name="history"),
    path("<int:pk>/submit/", views.plan_submit, name="submit"),
    path("<int:pk>/approve/", views.plan_approve, name="approve"),
    path("<int:pk>/close/", views.plan_close, name="close"),
    path("<int:pk>/reopen/", views.plan_reopen, name="reopen"),
    path("<int:pk>/copy/", views.plan_copy, name="copy"),
    path("<int:pk>/items/new/", views.item_create, name="item_create"),
    path("<int:pk>/tasks.xlsx", views_import.export_tasks, name="export_tasks"),
    path("<int:pk>/tasks/import/", views_import.import_tasks, name="import_tasks"),
    path("<int:pk>/document.pdf", download, PLAN_PDF, name="document_pdf"),
    path("<int:pk>/document.docx", download, PLAN_DOCX, name="document_docx"),
    path("<int:pk>/issue/", views_documents.plan_issue, name="issue"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/progress/", views.item_progress, name="item_progress"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
    path("updates/<int:pk>/evidence/", views.progress_evidence, name="evidence"),
    path("<int:pk>/closing/", views.plan_closing, name="closing"),
    path("<int:pk>/budget/", views_budget.budget, name="budget"),
    path("<int:pk>/budget/sources/", views_budget.budget_sources, name="budget_sources"),
    path("<int:pk>/budget/<slug:action>/", views_budget.budget_action, name="budget_action"),
]
