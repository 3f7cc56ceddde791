"""Import activities from a CSV or XLSX spreadsheet, for later rounds (docs/activities.md).

The moderator uploads a file, checks it in a dry run (per-row messages), then applies it.
Each row goes through the same services as the API (``create_activity`` / ``update_activity``)
inside one transaction: a dry run, or a file with any broken row, is rolled back entirely.
Rows are matched on ``key``: importing the same file again updates instead of duplicating.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import DomainError, ForbiddenError, InvalidInputError
from core.uploads import SPREADSHEET_EXTENSIONS, validate_upload
from countries.models import Country
from objectives.models import ThematicArea

from . import services
from .models import AnnexRegion, InitiatorType, Kind, NationalActivity, SourceDocument
from .permissions import can_manage_activities

COLUMNS = [
    "key",
    "country",
    "place",
    "regional_scope",
    "kind",
    "type_of_action",
    "initiator_type",
    "initiator",
    "objectives",
    "thematic_area",
    "description",
    "condensed",
    "date_text",
    "date",
    "year",
    "predates_gcm",
    "source_document",
    "source_reference",
    "info_source",
    "annex_region",
    "annex_row",
    "note",
]
REQUIRED = ["key", "kind", "description", "source_document", "source_reference"]
MAX_ROWS = 2000
MAX_UPLOAD_SIZE = 2 * 1024 * 1024
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0", ""}
_KEY = re.compile(r"^[-a-zA-Z0-9_]{1,80}$")


@dataclass
class RowResult:
    number: int
    key: str
    country: str
    description: str
    action: str = ""  # "create" or "update"
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list[RowResult]
    file_errors: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    applied: bool = False

    @property
    def error_count(self) -> int:
        return len(self.file_errors) + sum(len(r.errors) for r in self.rows)

    @property
    def ok(self) -> bool:
        return self.error_count == 0


def read_rows(upload: UploadedFile) -> Iterator[dict[str, str]]:
    """Rows of a CSV or XLSX upload as {column: text}; a broken file is an InvalidInputError."""
    suffix = Path(upload.name or "").suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(upload, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a broken file
            raise InvalidInputError(_("The XLSX file cannot be read."), field="file") from exc
        try:
            values = book.worksheets[0].iter_rows(values_only=True)
            header = [str(h or "").strip().lower() for h in next(values, ())]
            for cells in values:
                yield {h: _cell_text(v) for h, v in zip(header, cells, strict=False) if h}
        finally:
            book.close()
        return
    text = io.TextIOWrapper(upload.file, encoding="utf-8-sig", newline="")  # type: ignore[type-var]
    try:
        reader = csv.DictReader(text)
        if reader.fieldnames:
            reader.fieldnames = [str(h or "").strip().lower() for h in reader.fieldnames]
        for raw in reader:
            yield {k: (v or "").strip() for k, v in raw.items() if k}
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InvalidInputError(
            _("The CSV file cannot be read: %(error)s") % {"error": exc}, field="file"
        ) from exc
    finally:
        text.detach()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Lookups:
    """The vocabularies loaded once, so checking a row costs no query."""

    def __init__(self) -> None:
        self.countries = {c.alpha3: c for c in Country.objects.all()}
        self.areas = {a.code: a for a in ThematicArea.objects.all()}
        self.existing = {a.key: a for a in NationalActivity.objects.all()}


def _choice(value: str, choices: Any, column: str, errors: list[str]) -> str:
    """A choice given by its code or its label (any case)."""
    wanted = value.strip().lower()
    for code, label in choices.choices:
        if wanted in (str(code).lower(), str(label).lower()):
            return str(code)
    errors.append(
        _("%(column)s: “%(value)s” is not one of %(allowed)s.")
        % {
            "column": column,
            "value": value,
            "allowed": ", ".join(str(c) for c, _label in choices.choices),
        }
    )
    return ""


def _bool(value: str, column: str, errors: list[str]) -> bool:
    low = value.strip().lower()
    if low in _TRUE:
        return True
    if low not in _FALSE:
        errors.append(
            _("%(column)s: write yes or no (not “%(value)s”).") % {"column": column, "value": value}
        )
    return False


def _int(value: str, column: str, errors: list[str]) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        errors.append(
            _("%(column)s: “%(value)s” is not a whole number.") % {"column": column, "value": value}
        )
        return None


def _row_data(row: dict[str, str], lookups: _Lookups, errors: list[str]) -> dict[str, Any]:
    """The service data for one row; problems are appended to ``errors``."""
    for column in REQUIRED:
        if not row.get(column):
            errors.append(_("%(column)s is required.") % {"column": column})
    key = row.get("key", "")
    if key and not _KEY.match(key):
        errors.append(
            _("key: use up to 80 letters, digits, hyphens or underscores (not “%(value)s”).")
            % {"value": key}
        )
    data: dict[str, Any] = {
        name: row.get(name, "")
        for name in (
            "place",
            "type_of_action",
            "initiator",
            "description",
            "date_text",
            "source_reference",
            "info_source",
            "note",
        )
    }
    country_code = row.get("country", "").upper()
    data["country"] = None
    if country_code:
        data["country"] = lookups.countries.get(country_code)
        if data["country"] is None:
            errors.append(
                _("country: “%(value)s” is not an ISO alpha-3 country code.")
                % {"value": country_code}
            )
    if row.get("kind"):
        data["kind"] = _choice(row["kind"], Kind, "kind", errors)
    if row.get("initiator_type"):
        data["initiator_type"] = _choice(
            row["initiator_type"], InitiatorType, "initiator_type", errors
        )
    if row.get("source_document"):
        data["source_document"] = _choice(
            row["source_document"], SourceDocument, "source_document", errors
        )
    if row.get("annex_region"):
        data["annex_region"] = _choice(row["annex_region"], AnnexRegion, "annex_region", errors)
    area = row.get("thematic_area", "").upper()
    data["thematic_area"] = None
    if area:
        data["thematic_area"] = lookups.areas.get(area)
        if data["thematic_area"] is None:
            errors.append(
                _("thematic_area: “%(value)s” is not one of %(allowed)s.")
                % {"value": area, "allowed": ", ".join(sorted(lookups.areas))}
            )
    for name in ("regional_scope", "condensed", "predates_gcm"):
        data[name] = _bool(row.get(name, ""), name, errors)
    data["year"] = _int(row.get("year", ""), "year", errors)
    data["annex_row"] = _int(row.get("annex_row", ""), "annex_row", errors)
    data["date"] = None
    if row.get("date"):
        try:
            data["date"] = dt.date.fromisoformat(row["date"])
        except ValueError:
            errors.append(
                _("date: write the date as YYYY-MM-DD (not “%(value)s”).") % {"value": row["date"]}
            )
    data["objectives"] = [x for x in re.split(r"[;,\s]+", row.get("objectives", "")) if x]
    return data


def _messages(exc: DomainError) -> list[str]:
    out = []
    for name, messages in exc.errors.items():
        for message in messages:
            out.append(message if name == "non_field_errors" else f"{name}: {message}")
    return out or [str(exc)]


def import_activities(*, actor: Any, upload: UploadedFile, dry_run: bool) -> ImportReport:
    """Check every row through the services; apply them only if none fails and not a dry run."""
    if not can_manage_activities(actor):
        raise ForbiddenError(
            _("Only UN Network moderators and administrators may import activities.")
        )
    try:
        validate_upload(upload, allowed=SPREADSHEET_EXTENSIONS, max_size=MAX_UPLOAD_SIZE)
    except ValidationError as exc:
        raise InvalidInputError(exc.messages[0], field="file") from exc
    report = ImportReport(rows=[])
    rows = list(_limited(read_rows(upload), report))
    if report.file_errors:
        return report
    if not rows:
        report.file_errors.append(_("The file has no rows under its header."))
        return report
    lookups = _Lookups()
    seen: set[str] = set()
    with transaction.atomic():
        for number, row in enumerate(rows, start=2):
            result = RowResult(
                number=number,
                key=row.get("key", ""),
                country=row.get("country", "") or row.get("place", ""),
                description=row.get("description", ""),
            )
            report.rows.append(result)
            data = _row_data(row, lookups, result.errors)
            if result.key in seen:
                result.errors.append(_("key: this key appears twice in the file."))
            seen.add(result.key)
            if result.errors:
                continue
            existing = lookups.existing.get(result.key)
            result.action = "update" if existing else "create"
            try:
                with transaction.atomic():
                    if existing is None:
                        services.create_activity(actor=actor, data={"key": result.key, **data})
                        report.created += 1
                    else:
                        services.update_activity(actor=actor, activity=existing, data=data)
                        report.updated += 1
            except DomainError as exc:
                result.errors.extend(_messages(exc))
        report.applied = not dry_run and report.ok
        if not report.applied:
            transaction.set_rollback(True)
    if not report.ok:
        report.created = report.updated = 0
    return report


def _limited(rows: Iterator[dict[str, str]], report: ImportReport) -> Iterator[dict[str, str]]:
    """Stop at MAX_ROWS with a file error (a bounded import)."""
    try:
        for index, row in enumerate(rows):
            if index >= MAX_ROWS:
                report.file_errors.append(
                    _("The file has more than %(max)d rows; split it.") % {"max": MAX_ROWS}
                )
                return
            if any(row.values()):
                yield row
    except InvalidInputError as exc:
        report.file_errors.extend(_messages(exc))
