"""CSV and XLSX of activities, and the rebuild of seed 000's Annex 2 table as CSV.

The columns are the app's; the writing is the one export module's (``core.exports``:
formula-safe cells, streamed CSV, XLSX with a frozen header).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import HttpRequest

from core.exports import csv_response, xlsx_response

from .models import NationalActivity

__all__ = [
    "ANNEX_HEADER",
    "EXPORT_HEADER",
    "activity_rows",
    "annex_table",
    "csv_response",
    "xlsx_response",
]

EXPORT_HEADER = [
    "id",
    "key",
    "country",
    "country_name",
    "place",
    "regional_scope",
    "kind",
    "initiator_type",
    "initiator",
    "objectives",
    "thematic_area",
    "date_text",
    "date",
    "year",
    "predates_gcm",
    "description",
    "condensed",
    "source_document",
    "source_reference",
    "info_source",
    "note",
    "url",
]

# Seed 000, Annex 2: the columns as printed, in order; one table per region.
ANNEX_HEADER = [
    "Country",
    "Type of action/initiator",
    "Initiator",
    "Description (date)",
    "Info source (date)",
]


def activity_rows(
    activities: Iterable[NationalActivity], request: HttpRequest
) -> Iterator[list[Any]]:
    """One row per activity, in EXPORT_HEADER's order."""
    for a in activities:
        yield [
            a.pk,
            a.key,
            a.country.alpha3 if a.country else "",
            a.country.name if a.country else "",
            a.place,
            "yes" if a.regional_scope else "no",
            a.kind,
            a.initiator_type,
            a.initiator,
            "; ".join(str(o.number) for o in a.objectives.all()),
            a.thematic_area.code if a.thematic_area else "",
            a.date_text,
            a.date.isoformat() if a.date else "",
            a.year or "",
            "yes" if a.predates_gcm else "no",
            a.description,
            "yes" if a.condensed else "no",
            a.source_document,
            a.source_reference,
            a.info_source,
            a.note,
            request.build_absolute_uri(a.get_absolute_url()),
        ]


def annex_table_rows(activities: Sequence[NationalActivity]) -> Iterator[list[str]]:
    """Annex 2 as the seed prints it: per region a title row, the header, then its rows."""
    region = None
    for a in activities:
        if a.annex_region != region:
            region = a.annex_region
            yield [f"{region} mapping overview", "", "", "", ""]
            yield ANNEX_HEADER
        yield [a.place, a.type_of_action, a.initiator, a.description, a.info_source]


def annex_table(activities: Sequence[NationalActivity]) -> tuple[list[str], Iterator[list[str]]]:
    """The annex rebuild as (first row, the other rows), for a writer that takes a header."""
    rows = annex_table_rows(activities)
    return next(rows, ["", "", "", "", ""]), rows
