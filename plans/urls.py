"""Plans pages: one URL per page and one per command posted from it (mirroring the API)."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "plans"

P = "<str:alpha3>/"
STEP = P + "steps/<int:number>/"
MEASURE = P + "measures/<int:number>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.plan_list, name="plan-list"),
    path("start/<str:alpha3>/", views.plan_start, name="plan-start"),
    path(P, views.plan_detail, name="plan-detail"),
    # settings: one page, four commands
    path(P + "settings/", views.plan_settings, name="plan-settings"),
    path(P + "settings/description/", views.plan_update, name="plan-update"),
    path(P + "settings/adoption/", views.plan_adopt, name="plan-adopt"),
    path(P + "settings/revision/", views.plan_revise, name="plan-revise"),
    path(P + "settings/publication/", views.plan_publication, name="plan-publication"),
    # the step pages and their nine commands
    path(STEP, views.step_detail, name="step-detail"),
    path(STEP + "status/", views.step_status, name="step-status"),
    path(STEP + "checklist/<int:item>/", views.checklist_update, name="checklist-update"),
    path(
        STEP + "checklist/<int:item>/evidence/",
        views.checklist_evidence_add,
        name="checklist-evidence-add",
    ),
    path(STEP + "questions/<int:question>/", views.question_answer, name="question-answer"),
    path(STEP + "consultations/new/", views.consultation_create, name="consultation-create"),
    path(P + "stakeholders/new/", views.stakeholder_create, name="stakeholder-create"),
    path(P + "bodies/new/", views.coordination_body_create, name="body-create"),
    path(P + "bodies/<int:body>/meetings/new/", views.meeting_create, name="meeting-create"),
    path(P + "selection/validate/", views.selection_validate, name="selection-validate"),
    path(P + "assessment/<int:objective>/", views.assessment_edit, name="assessment-edit"),
    # measures and budget
    path(P + "measures/", views.measure_list, name="measure-list"),
    path(P + "measures/new/", views.measure_create, name="measure-create"),
    path(MEASURE, views.measure_detail, name="measure-detail"),
    path(MEASURE + "edit/", views.measure_edit, name="measure-edit"),
    path(MEASURE + "budget-lines/", views.budget_line_create, name="budget-line-create"),
    path(MEASURE + "updates/", views.progress_update_create, name="progress-update-create"),
    # indicators
    path(P + "indicators/", views.indicator_list, name="indicator-list"),
    path(P + "indicators/new/", views.indicator_create, name="indicator-create"),
    path(
        P + "indicators/<int:pk>/values/",
        views.indicator_value_create,
        name="indicator-value-create",
    ),
    path(
        P + "values/<int:pk>/validate/",
        views.indicator_value_validate,
        name="indicator-value-validate",
    ),
    # monitoring
    path(P + "monitoring/", views.monitoring, name="monitoring"),
    path(
        P + "updates/<int:pk>/approve/",
        views.progress_update_approve,
        name="progress-update-approve",
    ),
    path(
        P + "updates/<int:pk>/return/",
        views.progress_update_return,
        name="progress-update-return",
    ),
    path(P + "print/", views.plan_print, name="plan-print"),
    path(P + "export.xlsx", views.plan_export, name="plan-export"),
]
