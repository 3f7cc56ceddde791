"""API routes for countries and regions."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("countries", views.CountryViewSet, basename="country")
router.register("regions", views.M49RegionViewSet, basename="region")
router.register("review-regions", views.ReviewRegionViewSet, basename="review-region")

urlpatterns = router.urls
