"""Activities app configuration: the country profile section and the reference loader."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("National implementation activities")

    def ready(self) -> None:
        from core.reference import register_reference_loader
        from countries.profile import register_section

        from .profile import profile_context
        from .reference import load_activities

        register_section(
            key="activities",
            order=25,
            template="activities/profile_section.html",
            context=profile_context,
        )
        register_reference_loader(key="activities", order=10, loader=load_activities)
