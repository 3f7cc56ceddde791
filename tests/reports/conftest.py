"""Fixtures of the reports tests, and helpers that read the generated files."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import Role


@pytest.fixture
def coordinator(make_user: Any) -> Any:
    return make_user(Role.NATIONAL_COORDINATOR, country="PRT")


@pytest.fixture
def focal_point(make_user: Any) -> Any:
    return make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT")


@pytest.fixture
def organisation(make_organisation: Any) -> Any:
    return make_organisation("Test Coalition")


@pytest.fixture
def member(make_user: Any, organisation: Any) -> Any:
    return make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=organisation)


@pytest.fixture
def cycles(db: Any) -> None:
    from reviews.services import load_review_cycles

    load_review_cycles()


# --- reading generated files --------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    # Table cells wrap lines anywhere: compare with single spaces.
    return " ".join(text.split())


def docx_text(data: bytes) -> tuple[list[str], str]:
    """The headings and the whole text (paragraphs and tables) of a DOCX file."""
    import io

    from docx import Document

    document = Document(io.BytesIO(data))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return headings, "\n".join(parts)


def job_file(job, fmt: str) -> bytes:
    report_file = job.files.get(format=fmt)
    with report_file.file.open("rb") as handle:
        return handle.read()


def pdf_fonts(data: bytes) -> set[str]:
    """The names of the fonts embedded in a PDF (to prove the scripts have real glyphs)."""
    import io

    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont", "")))
    return names
