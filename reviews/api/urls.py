"""Reviews API routes (mounted under /api/v1/)."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("reviews/", views.CycleListView.as_view(), name="reviews-api-review-cycle-list"),
    path(
        "reviews/<slug:code>/",
        views.CycleDetailView.as_view(),
        name="reviews-api-review-cycle-detail",
    ),
    path("submissions/", views.SubmissionListView.as_view(), name="reviews-api-submission-list"),
    path(
        "submissions/<int:pk>/",
        views.SubmissionDetailView.as_view(),
        name="reviews-api-submission-detail",
    ),
    path(
        "submissions/<int:pk>/submit/",
        views.SubmissionSubmitView.as_view(),
        name="reviews-api-submission-submit",
    ),
    path(
        "submissions/<int:pk>/attachments/",
        views.SubmissionAttachmentView.as_view(),
        name="reviews-api-submission-attachments",
    ),
    path("pledges/", views.PledgeListView.as_view(), name="reviews-api-pledge-list"),
    path("pledges/<int:pk>/", views.PledgeDetailView.as_view(), name="reviews-api-pledge-detail"),
    path(
        "pledges/<int:pk>/updates/",
        views.PledgeStatusUpdateView.as_view(),
        name="reviews-api-pledge-updates",
    ),
]
