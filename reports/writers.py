"""File writers: PDF (WeasyPrint from an HTML template), DOCX (python-docx), XLSX and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from docx import Document
from docx.document import Document as DocxDocument
from openpyxl import Workbook
from openpyxl.styles import Font

# Cells must not start with these, or a spreadsheet may run them as a formula (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def pdf_from_template(template: str, context: dict[str, Any]) -> bytes:
    """Render an HTML template and print it to PDF."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    pdf: bytes = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    return pdf


def new_document(title: str, subtitle: str = "") -> DocxDocument:
    document = Document()
    document.core_properties.title = title
    document.add_heading(title, level=0)
    if subtitle:
        document.add_paragraph().add_run(subtitle).italic = True
    return document


def add_table(
    document: DocxDocument, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    rows = list(rows)
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Light Grid Accent 1"
    for cell, name in zip(table.rows[0].cells, columns, strict=True):
        cell.text = str(name)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def add_section(document: DocxDocument, section: dict[str, Any], level: int = 2) -> None:
    """Write a section (see reports.sections) into a Word document."""
    document.add_heading(section["title"], level=level)
    for paragraph in section["paragraphs"]:
        document.add_paragraph(paragraph)
    for label, value in section["facts"]:
        p = document.add_paragraph(style="List Bullet")
        p.add_run(f"{label}: ").bold = True
        p.add_run(str(value))
    if section["table"]:
        add_table(document, section["table"]["columns"], section["table"]["rows"])


def docx_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> bytes:
    """A workbook with one sheet per (title, columns, rows); header row in bold."""
    workbook = Workbook(write_only=False)
    default = workbook.active
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append([str(c) for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
        sheet.freeze_panes = "A2"
    if default is not None and len(workbook.sheetnames) > 1:
        workbook.remove(default)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 CSV with a byte-order mark so spreadsheet programs read accents correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
