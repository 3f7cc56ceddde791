"""The one export module: formula-safe cells, streamed CSV, XLSX with a frozen, filtered header."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Role
from core import exports
from tests.initiatives.factories import make_initiative

HYPERLINK = '=HYPERLINK("http://x","y")'
DANGEROUS = [HYPERLINK, "+1+2", "-3+4", "@SUM(A1)", "\tcmd", "\rcmd"]


def _book(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def assert_no_formula_cells(book: Any) -> int:
    """Every cell of every sheet is a value, never a formula; returns the number of cells."""
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                cells += 1
    return cells


def test_csv_cells_that_start_like_a_formula_get_an_apostrophe() -> None:
    text = exports.csv_bytes(["title", "n"], [[v, 1] for v in DANGEROUS]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["title", "n"]
    assert [r[0] for r in rows[1:]] == ["'" + v for v in DANGEROUS]
    assert exports.safe_text("plain") == "plain"
    assert exports.safe_text(-5) == -5  # numbers are not text: they stay numbers
    assert exports.safe_text(None) == ""


def test_csv_response_streams_utf8_rows() -> None:
    def rows() -> Any:
        yield ["Ação", "=1"]
        yield ["移民", None]

    response = exports.csv_response("x.csv", ["a", "b"], rows())
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    body = b"".join(response.streaming_content).decode("utf-8")  # type: ignore[arg-type]
    assert body == "\ufeffa,b\r\nAção,'=1\r\n移民,\r\n"


def test_xlsx_text_is_never_a_formula_and_the_header_is_frozen_and_filtered() -> None:
    when = timezone.make_aware(dt.datetime(2024, 5, 1, 12, 30))
    rows = [[v, 1, when] for v in DANGEROUS] + [["bell\x07 removed", dt.date(2024, 1, 1), None]]
    book = _book(exports.xlsx_bytes([exports.Sheet("Measures: 1/2", ["Title", "N", "At"], rows)]))
    sheet = book.worksheets[0]
    assert sheet.title == "Measures  1 2"  # characters Excel forbids in a sheet name go
    assert assert_no_formula_cells(book) == 3 * (len(rows) + 1)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:C{len(rows) + 1}"
    assert [c.value for c in sheet[1]] == ["Title", "N", "At"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet["A2"].value == HYPERLINK  # kept as it was typed, as text
    assert sheet["A2"].quotePrefix
    assert sheet["B2"].value == 1
    assert sheet["C2"].value == timezone.localtime(when).replace(tzinfo=None)
    assert sheet["A8"].value == "bell removed"
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    assert 6 <= widths["B"] < widths["A"] <= 60


def test_xlsx_long_text_gets_a_capped_width_and_duplicate_titles_stay_apart() -> None:
    book = _book(exports.xlsx_bytes([("Data", ["text"], [["x" * 500]]), ("data", ["text"], [])]))
    assert book.sheetnames == ["Data", "data (2)"]
    assert book["Data"].column_dimensions["A"].width == 60
    assert book["data (2)"].auto_filter.ref == "A1:A1"


@pytest.mark.django_db
def test_the_initiatives_xlsx_export_has_no_formula_cells(
    client: Any, make_user: Any, make_organisation: Any
) -> None:
    org = make_organisation("Migrant Rights Network")
    member = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org)
    moderator = make_user(Role.UN_MODERATOR)
    make_initiative(member, org, "published", moderator, title=HYPERLINK, summary="-1+1")
    response = client.get("/initiatives/export.xlsx")
    assert response.status_code == 200
    book = _book(b"".join(response.streaming_content))
    assert assert_no_formula_cells(book) > 0
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == [HYPERLINK]
