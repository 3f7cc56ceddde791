"""Objectives app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObjectivesConfig(AppConfig):
    name = "objectives"
    verbose_name = _("GCM reference framework")

    def ready(self) -> None:
        from core.home import register_home_figure

        from .models import GuidingPrinciple, Objective

        register_home_figure("objective_count", lambda: Objective.objects.count())
        register_home_figure("principle_count", lambda: GuidingPrinciple.objects.count())
