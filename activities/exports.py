"""CSV and XLSX of activities, and the rebuild of seed 000's Annex 2 table as CSV.

Cells are made formula-safe and CSV rows are streamed. (Kept here until a shared export module
exists in core; the columns are the app's, the writing is generic.)
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import FileResponse, HttpRequest, StreamingHttpResponse
from django.utils.translation import gettext as _

from .models import NationalActivity

# A cell starting with one of these may be run as a formula by a spreadsheet program.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

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


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


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


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(
    filename: str, columns: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """Stream ``columns`` then ``rows`` as UTF-8 CSV (a byte-order mark for spreadsheets)."""
    writer = csv.writer(_Echo())

    def stream() -> Iterator[str]:
        yield "\ufeff" + writer.writerow([str(c) for c in columns])
        for row in rows:
            yield writer.writerow([safe_cell(v) for v in row])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(
    filename: str, sheets: Iterable[tuple[str, Sequence[Any], Iterable[Sequence[Any]]]]
) -> FileResponse:
    """Write each (title, columns, rows) sheet in openpyxl's constant-memory mode."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, columns, rows in sheets:
        sheet = book.create_sheet(title=str(title)[:31] or _("Activities"))
        sheet.append([str(c) for c in columns])
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    book.save(out)
    out.seek(0)
    return FileResponse(
        out,
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
