"""Checks for uploaded files: allowed type (by extension and content) and size."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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
    """Raise ValidationError unless the file has an allowed type and fits the size limit."""
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
        return
    if not head.startswith(_SIGNATURES[suffix]):
        raise ValidationError(
            _("The file’s content does not match its “%(type)s” extension.") % {"type": suffix},
            code="file_content",
        )
