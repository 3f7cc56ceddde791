"""Spreadsheet bounds: zip bombs, too many rows or columns, refused before any parsing."""

from __future__ import annotations

import io
import time
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.errors import InvalidInputError
from core.uploads import SPREADSHEET_EXTENSIONS, check_spreadsheet_bounds, validate_upload

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture(autouse=True)
def _no_parsing(monkeypatch):
    """Nothing here may parse a workbook: the checks read zip headers and a few KBs only."""

    def _fail(*args, **kwargs):
        raise AssertionError("openpyxl.load_workbook was called")

    monkeypatch.setattr(openpyxl, "load_workbook", _fail)
    monkeypatch.setattr("openpyxl.reader.excel.load_workbook", _fail)


def _workbook(rows: int = 3, columns: int = 3) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for r in range(1, rows + 1):
        sheet.append([f"r{r}c{c}" for c in range(1, columns + 1)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _replace_member(xlsx: bytes, name: str, content: bytes) -> bytes:
    """Rewrite the zip with one member's content replaced (deflated at the highest level)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for item in source.infolist():
            data = content if item.filename == name else source.read(item.filename)
            target.writestr(item.filename, data)
    return out.getvalue()


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def _refused(upload: SimpleUploadedFile) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as caught:
        validate_upload(upload, allowed=SPREADSHEET_EXTENSIONS)
    assert caught.value.code == "file_bounds"
    assert list(caught.value.errors) == ["file"]
    return caught.value


def _bomb_sheet(size: int) -> bytes:
    """A valid-looking, highly repetitive sheet XML of about ``size`` bytes."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:A1"/><sheetData>'
    )
    row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    return head + row * (size // len(row)) + b"</sheetData></worksheet>"


def test_a_small_workbook_is_accepted():
    upload = _upload("initiatives.xlsx", _workbook())
    validate_upload(upload, allowed=SPREADSHEET_EXTENSIONS)
    assert upload.tell() == 0


def test_a_zip_bomb_is_refused_quickly_without_parsing():
    bomb = _replace_member(_workbook(), SHEET, _bomb_sheet(40 * 1024 * 1024))
    assert len(bomb) < 300 * 1024  # a small upload ...
    started = time.monotonic()
    error = _refused(_upload("bomb.xlsx", bomb))
    assert time.monotonic() - started < 2
    assert "compressed more than 100:1" in str(error)
    assert SHEET in str(error)


def _add_member(xlsx: bytes, name: str, content: bytes, *, stored: bool = False) -> bytes:
    out = io.BytesIO(xlsx)
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "a", method) as target:
        target.writestr(name, content)
    return out.getvalue()


def test_a_member_of_zeros_is_refused():
    bomb = _add_member(_workbook(), "xl/media/zeros.bin", b"\0" * (8 * 1024 * 1024))
    error = _refused(_upload("zeros.xlsx", bomb))
    assert "xl/media/zeros.bin" in str(error)


def test_too_much_uncompressed_data_is_refused(settings):
    settings.SPREADSHEET_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    # Random-looking but stored data: no absurd ratio, only too much of it.
    padded = _add_member(_workbook(), "xl/media/big.bin", bytes(range(256)) * 5000, stored=True)
    error = _refused(_upload("big.xlsx", padded))
    assert "too large once uncompressed" in str(error)
    assert "1.0\xa0MB" in str(error)


def test_too_many_members_are_refused(settings):
    settings.SPREADSHEET_MAX_ZIP_MEMBERS = 20
    xlsx = _workbook()
    for i in range(25):
        xlsx = _add_member(xlsx, f"xl/media/part{i}.bin", b"x")
    assert "the limit is 20" in str(_refused(_upload("parts.xlsx", xlsx)))


def test_an_xlsx_that_is_not_a_zip_is_refused():
    # Right signature (a zip local header), then garbage: no central directory.
    error = _refused(_upload("broken.xlsx", b"PK\x03\x04" + b"not really a zip" * 100))
    assert "not a valid XLSX workbook" in str(error)


def test_too_many_rows_in_an_xlsx_are_refused(settings):
    settings.SPREADSHEET_MAX_ROWS = 50
    error = _refused(_upload("rows.xlsx", _workbook(rows=51)))
    assert "51 rows" in str(error)
    assert "the limit is 50 rows" in str(error)
    validate_upload(_upload("rows.xlsx", _workbook(rows=50)), allowed=SPREADSHEET_EXTENSIONS)


def test_the_declared_dimension_is_read_not_the_cells():
    # A tiny sheet declaring a million rows is refused from its <dimension> element alone.
    sheet = _bomb_sheet(1024).replace(b'ref="A1:A1"', b'ref="A1:C1000000"')
    error = _refused(_upload("declared.xlsx", _replace_member(_workbook(), SHEET, sheet)))
    assert "1,000,000 rows" in str(error)
    assert "20,000" in str(error)


def test_too_many_columns_in_an_xlsx_are_refused(settings):
    settings.SPREADSHEET_MAX_COLUMNS = 10
    error = _refused(_upload("wide.xlsx", _workbook(columns=11)))
    assert "11 columns" in str(error)


def test_too_many_rows_in_a_csv_are_refused(settings):
    settings.SPREADSHEET_MAX_ROWS = 100
    ok = b"".join(b"a,b\n" for _ in range(100))
    validate_upload(_upload("rows.csv", ok), allowed=SPREADSHEET_EXTENSIONS)
    error = _refused(_upload("rows.csv", ok + b"a,b"))  # the 101st line, without a newline
    assert "more than 100 lines" in str(error)


def test_a_large_csv_is_counted_in_a_streamed_pass():
    content = b"external_id,title\n" + b"x,y\n" * 25_000
    error = _refused(_upload("big.csv", content))
    assert "20,000" in str(error)


def test_a_too_long_csv_line_is_refused(settings):
    settings.SPREADSHEET_MAX_LINE_BYTES = 1024
    validate_upload(_upload("ok.csv", b"a" * 1024 + b"\n"), allowed=SPREADSHEET_EXTENSIONS)
    error = _refused(_upload("long.csv", b"a,b\n" + b"a" * 1025 + b"\n"))
    assert "longer than 1.0\xa0KB" in str(error)


def test_the_check_rewinds_and_can_be_called_directly():
    upload = _upload("ok.csv", b"a,b\n1,2\n")
    check_spreadsheet_bounds(upload)
    assert upload.read() == b"a,b\n1,2\n"
