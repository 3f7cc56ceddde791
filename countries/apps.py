"""Countries app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    name = "countries"
    verbose_name = _("Countries and regions")

    def ready(self) -> None:
        from core.home import register_home_figure

        from .models import Country

        register_home_figure("country_count", lambda: Country.objects.count())
