"""Reviews app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Reviews")

    def ready(self) -> None:
        from core.demo import register_demo_loader
        from countries.profile import register_section

        from . import demo, profile

        register_demo_loader(key="reviews", order=40, loader=demo.load)
        register_section(
            key="reviews",
            order=40,
            template="reviews/profile_section.html",
            context=profile.section_context,
        )
