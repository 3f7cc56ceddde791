"""Accounts app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from core.demo import register_demo_loader

        from . import demo

        register_demo_loader(key="accounts", order=10, loader=demo.load)
