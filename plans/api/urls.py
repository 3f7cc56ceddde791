"""Plans API routes, under /api/v1/plans/."""

from django.urls import URLPattern, URLResolver, path

from . import views

P = "plans/<str:alpha3>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("plans/", views.PlanListView.as_view(), name="plans-api-list"),
    path("plans/start/", views.PlanStartView.as_view(), name="plans-api-start"),
    path(P, views.PlanDetailView.as_view(), name="plans-api-detail"),
    path(P + "publication/", views.PublicationView.as_view(), name="plans-api-publication"),
    path(P + "measures/", views.MeasureListView.as_view(), name="plans-api-measures"),
    path(P + "measures/new/", views.MeasureCreateView.as_view(), name="plans-api-measure-create"),
    path(
        P + "measures/<int:number>/",
        views.MeasureDetailView.as_view(),
        name="plans-api-measure-detail",
    ),
    path(
        P + "measures/<int:number>/edit/",
        views.MeasureUpdateView.as_view(),
        name="plans-api-measure-update",
    ),
    path(
        P + "measures/<int:number>/budget-lines/",
        views.BudgetLineCreateView.as_view(),
        name="plans-api-budget-create",
    ),
    path(
        P + "measures/<int:number>/updates/",
        views.ProgressUpdateCreateView.as_view(),
        name="plans-api-update-create",
    ),
    path(P + "budget-lines/", views.BudgetLineListView.as_view(), name="plans-api-budget"),
    path(P + "budget/", views.BudgetSummaryView.as_view(), name="plans-api-budget-summary"),
    path(P + "indicators/", views.IndicatorListView.as_view(), name="plans-api-indicators"),
    path(
        P + "indicators/<str:code>/values/",
        views.IndicatorValueCreateView.as_view(),
        name="plans-api-value-create",
    ),
    path(
        P + "values/<int:pk>/validate/",
        views.IndicatorValueValidateView.as_view(),
        name="plans-api-value-validate",
    ),
    path(P + "checklist/", views.ChecklistView.as_view(), name="plans-api-checklist"),
    path(
        P + "checklist/<int:item>/",
        views.ChecklistUpdateView.as_view(),
        name="plans-api-checklist-update",
    ),
    path(P + "assessments/", views.AssessmentView.as_view(), name="plans-api-assessment"),
    path(P + "updates/", views.UpdateListView.as_view(), name="plans-api-updates"),
    path(
        P + "updates/<int:pk>/approve/",
        views.ProgressUpdateApproveView.as_view(),
        name="plans-api-update-approve",
    ),
    path(
        P + "updates/<int:pk>/return/",
        views.ProgressUpdateReturnView.as_view(),
        name="plans-api-update-return",
    ),
]
