"""Country pages."""

from django.urls import path

from . import views

app_name = "countries"

urlpatterns = [
    path("", views.country_list, name="country-list"),
    path("<str:alpha3>/", views.country_detail, name="country-detail"),
]
