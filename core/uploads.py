"""Checks for uploaded files: allowed type (by extension and content), size and bounds.

Spreadsheets (.xlsx, .csv) are also bounded before anything parses them
(:func:`check_spreadsheet_bounds`): an XLSX is a zip, and a 200 KB zip can inflate to gigabytes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.errors import InvalidInputError

# Leading bytes ("magic numbers") that identify each allowed kind of file.
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
}
_TEXT_TYPES = {".csv", ".txt"}

EVIDENCE_EXTENSIONS = (".pdf", ".png", ".jpg", ".jpeg", ".docx", ".xlsx", ".odt", ".ods", ".csv")
SPREADSHEET_EXTENSIONS = (".csv", ".xlsx")


def validate_upload(
    upload: UploadedFile,
    *,
    allowed: Iterable[str] = EVIDENCE_EXTENSIONS,
    max_size: int | None = None,
) -> None:
    """Raise ValidationError unless the file has an allowed type and fits the size limit.

    A spreadsheet (.xlsx, .csv) is then bounded by :func:`check_spreadsheet_bounds`, which
    raises InvalidInputError (on the ``file`` field) for a zip bomb or too many rows.
    """
    limit = max_size if max_size is not None else settings.MAX_UPLOAD_SIZE
    allowed = tuple(allowed)
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in allowed:
        raise ValidationError(
            _("Files of type “%(type)s” are not accepted. Allowed types: %(allowed)s.")
            % {"type": suffix or _("unknown"), "allowed": ", ".join(allowed)},
            code="file_type",
        )
    head = upload.read(2048)
    upload.seek(0)
    if suffix in _TEXT_TYPES:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            # A multi-byte character may be cut at the 2,048-byte boundary; retry shorter.
            try:
                head[:-3].decode("utf-8")
            except UnicodeDecodeError:
                raise ValidationError(
                    _("The file is not UTF-8 text."), code="file_content"
                ) from None
        if b"\x00" in head:
            raise ValidationError(_("The file is not a text file."), code="file_content")
    elif not head.startswith(_SIGNATURES[suffix]):
        raise ValidationError(
            _("The file’s content does not match its “%(type)s” extension.") % {"type": suffix},
            code="file_content",
        )
    if suffix in SPREADSHEET_EXTENSIONS:
        check_spreadsheet_bounds(upload)


# Bounds for spreadsheets, read before any parsing; each may be overridden in the settings.
_DEFAULT_BOUNDS: dict[str, int] = {
    "SPREADSHEET_MAX_UNCOMPRESSED_BYTES": 50 * 1024 * 1024,
    "SPREADSHEET_MAX_ROWS": 20_000,
    "SPREADSHEET_MAX_COLUMNS": 100,
    "SPREADSHEET_MAX_ZIP_MEMBERS": 1_000,
    "SPREADSHEET_MAX_COMPRESSION_RATIO": 100,
    "SPREADSHEET_MAX_LINE_BYTES": 64 * 1024,
}
# The compression ratio is only judged for members that inflate beyond this size.
_RATIO_MIN_MEMBER_BYTES = 1024 * 1024
# The <dimension> element comes right after the sheet's properties: the first KBs hold it.
_DIMENSION_HEAD_BYTES = 8 * 1024
_SHEET_MEMBER = re.compile(r"^xl/worksheets/sheet[^/]*\.xml$")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::([A-Z]+)?(\d+)?)?\"")
_CHUNK = 64 * 1024


def _bound(name: str) -> int:
    return int(getattr(settings, name, _DEFAULT_BOUNDS[name]))


def _refuse(message: str) -> InvalidInputError:
    return InvalidInputError(message, field="file", code="file_bounds")


def check_spreadsheet_bounds(
    upload: IO[bytes] | UploadedFile, *, suffix: str | None = None
) -> None:
    """Refuse a spreadsheet too big to parse safely, before anything parses it.

    XLSX: a valid zip, at most ``SPREADSHEET_MAX_ZIP_MEMBERS`` members, at most
    ``SPREADSHEET_MAX_UNCOMPRESSED_BYTES`` once inflated, no member above 1 MB compressed more
    than ``SPREADSHEET_MAX_COMPRESSION_RATIO``:1, and every sheet's declared dimension within
    ``SPREADSHEET_MAX_ROWS`` rows and ``SPREADSHEET_MAX_COLUMNS`` columns. CSV: at most
    ``SPREADSHEET_MAX_ROWS`` lines (header included), none longer than
    ``SPREADSHEET_MAX_LINE_BYTES``. Only zip headers and the first KBs of each sheet are read
    (CSV: one streamed pass). Raises InvalidInputError on the ``file`` field; rewinds the file.
    """
    if suffix is None:
        suffix = Path(getattr(upload, "name", "") or "").suffix.lower()
    upload.seek(0)
    try:
        if suffix == ".xlsx":
            _check_xlsx(upload)
        elif suffix == ".csv":
            _check_csv(upload)
    finally:
        upload.seek(0)


def _check_xlsx(upload: IO[bytes] | UploadedFile) -> None:
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise _refuse(
            _("The file is not a valid XLSX workbook (it is not a readable zip archive).")
        ) from None
    with archive:
        members = archive.infolist()
        max_members = _bound("SPREADSHEET_MAX_ZIP_MEMBERS")
        if len(members) > max_members:
            raise _refuse(
                _("The workbook holds %(count)d parts; the limit is %(limit)d.")
                % {"count": len(members), "limit": max_members}
            )
        max_total = _bound("SPREADSHEET_MAX_UNCOMPRESSED_BYTES")
        total = sum(member.file_size for member in members)
        if total > max_total:
            raise _refuse(
                _("The workbook is too large once uncompressed (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(total), "limit": filesizeformat(max_total)}
            )
        max_ratio = _bound("SPREADSHEET_MAX_COMPRESSION_RATIO")
        for member in members:
            if member.file_size > _RATIO_MIN_MEMBER_BYTES and member.file_size > max_ratio * max(
                member.compress_size, 1
            ):
                raise _refuse(
                    _(
                        "The workbook part “%(name)s” is compressed more than %(ratio)d:1, "
                        "the limit for a safe spreadsheet (a possible zip bomb)."
                    )
                    % {"name": member.filename, "ratio": max_ratio}
                )
        for member in members:
            if _SHEET_MEMBER.match(member.filename):
                _check_sheet_dimension(archive, member)


def _check_sheet_dimension(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    try:
        with archive.open(member) as stream:
            head = stream.read(_DIMENSION_HEAD_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise _refuse(
            _("The file is not a valid XLSX workbook (a sheet cannot be read).")
        ) from None
    match = _DIMENSION.search(head)
    if match is None:
        return  # No declared dimension: the uncompressed-size limit still bounds the sheet.
    first_col, first_row, last_col, last_row = match.groups()
    last_col = last_col or first_col
    last_row = last_row or first_row
    if first_row and last_row:
        rows = int(last_row) - int(first_row) + 1
        max_rows = _bound("SPREADSHEET_MAX_ROWS")
        if rows > max_rows:
            raise _refuse(
                _("The sheet has %(count)s rows; the limit is %(limit)s rows.")
                % {"count": f"{rows:,}", "limit": f"{max_rows:,}"}
            )
    if first_col and last_col:
        columns = _column_number(last_col.decode()) - _column_number(first_col.decode()) + 1
        max_columns = _bound("SPREADSHEET_MAX_COLUMNS")
        if columns > max_columns:
            raise _refuse(
                _("The sheet has %(count)s columns; the limit is %(limit)s columns.")
                % {"count": f"{columns:,}", "limit": f"{max_columns:,}"}
            )


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (ord(letter) - ord("A") + 1)
    return number


def _check_csv(upload: IO[bytes] | UploadedFile) -> None:
    max_rows = _bound("SPREADSHEET_MAX_ROWS")
    max_line = _bound("SPREADSHEET_MAX_LINE_BYTES")
    lines = 0
    current = 0  # bytes of the line being read
    pending = False  # the last line has content but no newline yet
    while chunk := upload.read(_CHUNK):
        start = 0
        while (end := chunk.find(b"\n", start)) != -1:
            current += end - start
            if current > max_line:
                raise _line_too_long(max_line)
            lines += 1
            current = 0
            start = end + 1
            if lines > max_rows:
                raise _too_many_csv_rows(max_rows)
        current += len(chunk) - start
        if current > max_line:
            raise _line_too_long(max_line)
        pending = current > 0
    if pending and lines + 1 > max_rows:
        raise _too_many_csv_rows(max_rows)


def _line_too_long(limit: int) -> InvalidInputError:
    return _refuse(
        _("A line of the file is longer than %(limit)s; the limit is per line.")
        % {"limit": filesizeformat(limit)}
    )


def _too_many_csv_rows(limit: int) -> InvalidInputError:
    return _refuse(
        _("The file has more than %(limit)s lines (header included); the limit is %(limit)s.")
        % {"limit": f"{limit:,}"}
    )
