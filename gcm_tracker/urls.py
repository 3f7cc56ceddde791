"""Root URL configuration."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

# Swagger UI sets inline styles; its script is served from this site by the split view.
api_docs = csp_update({"style-src": [UNSAFE_INLINE], "img-src": [SELF, "data:"]})(
    SpectacularSwaggerSplitView.as_view(url_name="api-schema")
)

urlpatterns = [
    path("", include("core.urls")),
    path("", include("objectives.urls")),
    path("countries/", include("countries.urls")),
    path("account/", include("accounts.urls")),
    path("initiatives/", include("initiatives.urls")),
    path("plans/", include("plans.urls")),
    path("reviews/", include("reviews.urls")),
    # Report pages keep their addresses under /reviews/ (bookmarks, stable bulk download URLs).
    path("reviews/", include("reports.urls")),
    path("activities/", include("activities.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/", include("gcm_tracker.api_urls")),
    path("api/docs/", api_docs, name="api-docs"),
]

handler400 = "core.views.error_400"
handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"
