"""URLs of the reference framework pages."""

from django.urls import path

from . import views

app_name = "objectives"

urlpatterns = [
    path("objectives/", views.objective_list, name="objective-list"),
    path("objectives/<int:number>/", views.objective_detail, name="objective-detail"),
    path("principles/", views.principle_list, name="principle-list"),
    path("process/", views.process, name="process"),
]
