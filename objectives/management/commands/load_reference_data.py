"""Load the reference data (fixtures/reference/*.json, then the apps' registered loaders).

Idempotent: a second run changes nothing; a changed fixture row updates its database row.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from core.reference import loaders
from objectives.reference import load_reference_data


class Command(BaseCommand):
    help = "Load or update the GCM reference data (objectives, countries, process, vocabularies)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet", action="store_true", help="Print nothing on success.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_reference_data()
        # Then the reference data of the apps built on the framework (see core/reference.py).
        for extra in loaders():
            report.update(extra.loader())
        if not options["quiet"]:
            for name, counts in report.items():
                self.stdout.write(
                    f"{name}: {counts['created']} created, {counts['updated']} updated, "
                    f"{counts['unchanged']} unchanged"
                )
