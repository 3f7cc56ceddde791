"""Plans pages."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "plans"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.plan_list, name="plan-list"),
    path("start/<str:alpha3>/", views.plan_start, name="plan-start"),
    path("<str:alpha3>/", views.plan_detail, name="plan-detail"),
    path("<str:alpha3>/settings/", views.plan_settings, name="plan-settings"),
    path("<str:alpha3>/steps/<int:number>/", views.step_detail, name="step-detail"),
    path(
        "<str:alpha3>/assessment/<int:objective>/",
        views.assessment_edit,
        name="assessment-edit",
    ),
    path("<str:alpha3>/measures/", views.measure_list, name="measure-list"),
    path("<str:alpha3>/measures/new/", views.measure_edit, name="measure-create"),
    path("<str:alpha3>/measures/<int:number>/", views.measure_detail, name="measure-detail"),
    path("<str:alpha3>/measures/<int:number>/edit/", views.measure_edit, name="measure-edit"),
    path("<str:alpha3>/indicators/", views.indicator_list, name="indicator-list"),
    path("<str:alpha3>/monitoring/", views.monitoring, name="monitoring"),
    path("<str:alpha3>/print/", views.plan_print, name="plan-print"),
    path("<str:alpha3>/export.xlsx", views.plan_export, name="plan-export"),
]
