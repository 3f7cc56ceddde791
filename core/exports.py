"""The one export module: every CSV and XLSX the project writes goes through here.

- **Formula-safe cells.** A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return as a formula (CSV injection). In CSV such text gets a leading
  apostrophe; in XLSX every text is written as a string cell (never a formula), with Excel's
  quote prefix on those that start with a formula character so that editing keeps them text.
- **Streamed CSV.** :func:`csv_response` streams UTF-8 rows (with a byte-order mark, so
  spreadsheet programs read accents) from a generator; :func:`csv_bytes` for stored files.
- **XLSX** in openpyxl's write-only (constant-memory) mode: bold, frozen header row, an
  auto-filter over the data and column widths from the header and the first rows.

A sheet is a :class:`Sheet` ``(title, columns, rows)``; a plain tuple of the three works too.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO, Any, NamedTuple

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# Column widths (in characters) are measured on the header and this many first rows.
_WIDTH_SAMPLE = 200
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class Sheet(NamedTuple):
    """One table of an export: its title, column headings and rows."""

    title: str
    columns: Sequence[Any]
    rows: Iterable[Sequence[Any]]


# --- cells ----------------------------------------------------------------------------------


def safe_text(value: Any) -> Any:
    """A CSV cell: text a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _xlsx_value(value: Any) -> Any:
    """A value openpyxl accepts: numbers, dates and booleans as they are, the rest as text."""
    if value is None or isinstance(value, (bool, int, float, Decimal, dt.date, dt.time)):
        if isinstance(value, dt.datetime) and timezone.is_aware(value):
            return timezone.localtime(value).replace(tzinfo=None)  # Excel has no time zones
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _xlsx_cell(sheet: Any, value: Any, *, bold: bool = False) -> Cell:
    value = _xlsx_value(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text is never a formula, whatever it starts with
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    return cell


# --- CSV ------------------------------------------------------------------------------------


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(columns: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV text, line by line: a byte-order mark, the header, then the formula-safe rows."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([str(c) for c in columns])
    for row in rows:
        yield writer.writerow([safe_text(v) for v in row])


def csv_bytes(columns: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """The whole CSV as UTF-8 bytes (for files that are stored, not streamed)."""
    return "".join(csv_lines(columns, rows)).encode("utf-8")


def csv_response(
    filename: str, columns: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """Stream a CSV download row by row (rows should be a generator over an iterator)."""
    stream = (line.encode("utf-8") for line in csv_lines(columns, rows))
    response = StreamingHttpResponse(stream, content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- XLSX -----------------------------------------------------------------------------------


def _sheet_title(title: Any, taken: set[str]) -> str:
    base = _SHEET_TITLE_FORBIDDEN.sub(" ", str(title)).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _widths(columns: Sequence[Any], sample: list[Sequence[Any]]) -> list[float]:
    widths = [len(str(c)) for c in columns]
    for row in sample:
        for i, value in enumerate(row[: len(widths)]):
            if value is not None:
                longest = max((len(line) for line in str(value).splitlines()), default=0)
                widths[i] = max(widths[i], longest)
    return [min(max(w + 2, _MIN_WIDTH), _MAX_WIDTH) for w in widths]


def write_xlsx(
    sheets: Iterable[Sheet | tuple[Any, Sequence[Any], Iterable[Sequence[Any]]]], target: IO[bytes]
) -> None:
    """Write the sheets to ``target`` (constant memory: rows are consumed as they come)."""
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title=_sheet_title(title, taken))
        row_iter = iter(rows)
        sample = list(itertools.islice(row_iter, _WIDTH_SAMPLE))
        for i, width in enumerate(_widths(columns, sample), start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
        sheet.append([_xlsx_cell(sheet, c, bold=True) for c in columns])
        count = 0
        for row in itertools.chain(sample, row_iter):
            sheet.append([_xlsx_cell(sheet, v) for v in row])
            count += 1
        if columns:
            last = get_column_letter(len(columns))
            sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    if not workbook.worksheets:
        workbook.create_sheet(title="Sheet")
    workbook.save(target)


def xlsx_bytes(
    sheets: Iterable[Sheet | tuple[Any, Sequence[Any], Iterable[Sequence[Any]]]],
) -> bytes:
    """The workbook as bytes (for files that are stored, not served)."""
    with tempfile.TemporaryFile() as out:
        write_xlsx(sheets, out)
        out.seek(0)
        return out.read()


def xlsx_response(
    filename: str, sheets: Iterable[Sheet | tuple[Any, Sequence[Any], Iterable[Sequence[Any]]]]
) -> FileResponse:
    """An XLSX download, written to a temporary file and streamed from it."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    write_xlsx(sheets, out)
    out.seek(0)
    return FileResponse(out, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
