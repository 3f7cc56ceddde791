"""Load the shipped calendar of regional reviews and IMRF editions (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from reviews.services import load_review_cycles


class Command(BaseCommand):
    help = "Load the past and scheduled review cycles from fixtures/reviews/cycles.json."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--update",
            action="store_true",
            help="Also overwrite existing cycles with the shipped values.",
        )

    def handle(self, *_args: Any, **options: Any) -> None:
        counts = load_review_cycles(update=options["update"])
        self.stdout.write(
            "Review cycles: {created} created, {updated} updated, {unchanged} unchanged.".format(
                **counts
            )
        )
