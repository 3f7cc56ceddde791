"""Initiatives API routes."""

from django.urls import path

from . import views

urlpatterns = [
    path("initiatives/", views.InitiativeListView.as_view(), name="initiative-list"),
    path("initiatives/create/", views.InitiativeCreateView.as_view(), name="initiative-create"),
    path(
        "initiatives/mapping/countries/",
        views.CountryMatrixView.as_view(),
        name="initiative-mapping-countries",
    ),
    path(
        "initiatives/mapping/regions/",
        views.RegionMatrixView.as_view(),
        name="initiative-mapping-regions",
    ),
    path("initiatives/<int:pk>/", views.InitiativeDetailView.as_view(), name="initiative-detail"),
    path(
        "initiatives/<int:pk>/update/",
        views.InitiativeUpdateView.as_view(),
        name="initiative-update",
    ),
    path(
        "initiatives/<int:pk>/submit/",
        views.InitiativeSubmitView.as_view(),
        name="initiative-submit",
    ),
    path(
        "initiatives/<int:pk>/publish/",
        views.InitiativePublishView.as_view(),
        name="initiative-publish",
    ),
    path(
        "initiatives/<int:pk>/request-changes/",
        views.InitiativeRequestChangesView.as_view(),
        name="initiative-request-changes",
    ),
    path(
        "initiatives/<int:pk>/reject/",
        views.InitiativeRejectView.as_view(),
        name="initiative-reject",
    ),
    path("organisations/", views.OrganisationListView.as_view(), name="organisation-list"),
    path(
        "organisations/<int:pk>/",
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path("calls/", views.CallListView.as_view(), name="call-list"),
]
