"""Load (or update) the seeds' national implementation activities; idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from activities.reference import load_activities


class Command(BaseCommand):
    help = "Load the national implementation activities of seeds 000 and 004 (reference data)."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, counts in load_activities().items():
            self.stdout.write(
                f"{name}: {counts['created']} created, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged, {counts['deleted']} removed"
            )
