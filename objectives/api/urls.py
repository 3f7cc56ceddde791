"""API routes of the reference framework."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("objectives", views.ObjectiveViewSet, basename="objective")
router.register("principles", views.GuidingPrincipleViewSet, basename="principle")
router.register("thematic-areas", views.ThematicAreaViewSet, basename="thematic-area")
router.register("sdg-targets", views.SDGTargetViewSet, basename="sdg-target")
router.register("process-steps", views.ProcessStepViewSet, basename="process-step")

urlpatterns = router.urls
