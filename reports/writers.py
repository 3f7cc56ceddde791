"""File writers: PDF (WeasyPrint from an HTML template), DOCX (python-docx), XLSX and CSV."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from docx import Document
from docx.document import Document as DocxDocument

# Every CSV and XLSX goes through the one export module (formula-safe cells, frozen header).
from core.exports import csv_bytes, xlsx_bytes

__all__ = [
    "add_section",
    "add_table",
    "csv_bytes",
    "docx_bytes",
    "new_document",
    "pdf_from_template",
    "xlsx_bytes",
]


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
