"""Load the reference data from fixtures/reference/*.json; idempotent, updates changed rows."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from objectives.reference import load_reference_data


class Command(BaseCommand):
    help = "Load or update the GCM reference data (objectives, countries, process, vocabularies)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet", action="store_true", help="Print nothing on success.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_reference_data()
        if not options["quiet"]:
            for name, counts in report.items():
                self.stdout.write(
                    f"{name}: {counts['created']} created, {counts['updated']} updated, "
                    f"{counts['unchanged']} unchanged"
                )
