"""Load the demo data set (idempotent): reference data first, then each app's demo loader."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from core.demo import loaders


class Command(BaseCommand):
    help = "Load reference data and a small demo data set, and print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                _(
                    "Refusing to load demo data: these settings (%(module)s) forbid it. The demo "
                    "data creates users whose passwords are published; load it only with local "
                    "or test settings."
                )
                % {"module": settings.SETTINGS_MODULE}
            )
        call_command("load_reference_data", quiet=True)
        lines: list[str] = []
        for demo in loaders():
            with transaction.atomic():
                lines.extend(demo.loader())
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        for line in lines:
            self.stdout.write(line)
