"""Initiatives app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self) -> None:
        from core.demo import register_demo_loader
        from core.downloads import register_file_kind
        from countries.profile import register_section

        from . import demo, profile, selectors

        register_demo_loader(key="initiatives", order=20, loader=demo.load)
        register_file_kind("initiative-evidence", selectors.evidence_file)
        register_section(
            key="initiatives",
            order=20,
            template="initiatives/profile_section.html",
            context=profile.section_context,
        )
