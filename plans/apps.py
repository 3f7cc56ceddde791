"""Plans app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from core.demo import register_demo_loader
        from core.downloads import register_file_kind
        from countries.profile import register_section

        from .demo import load
        from .profile import profile_context
        from .selectors import evidence_file

        register_section(
            key="plans",
            order=20,
            template="plans/profile_section.html",
            context=profile_context,
        )
        register_demo_loader(key="plans", order=30, loader=load)
        register_file_kind("plan-evidence", evidence_file)
