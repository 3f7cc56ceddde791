"""Import initiatives from a CSV or XLSX spreadsheet (the template in docs/initiatives-import.md).

Every row is checked first; a file with any broken row changes nothing. A re-import matches
rows on ``external_id`` and updates them, so running the same file twice is harmless.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from core.errors import DomainError, ForbiddenError
from core.uploads import SPREADSHEET_EXTENSIONS, validate_upload
from countries.models import Country, M49Region
from objectives.models import (
    ActivityType,
    Constituency,
    GuidingPrinciple,
    Objective,
    ObjectiveAction,
    OrganisationType,
)

from . import permissions
from .models import (
    CATEGORY_FIELDS,
    ActivityStatus,
    CrisisResponse,
    DatePrecision,
    FundingStatus,
    GeoLevel,
    Initiative,
    ModerationState,
    PartnerRole,
    Source,
)
from .services import ObjectiveChoice, _apply, _log

COLUMNS = [
    "external_id",
    "organisation",
    "organisation_acronym",
    "organisation_type",
    "organisation_country",
    "title",
    "summary",
    "description",
    "expected_outcomes",
    "categories",
    "activity_types",
    "status",
    "start",
    "end",
    "timeline",
    "geo_level",
    "host_country",
    "countries",
    "regions",
    "regions_text",
    "objectives",
    "primary_objective",
    "actions",
    "objectives_raw",
    "covers_whole_gcm",
    "principles",
    "constituencies",
    "partners",
    "other_stakeholders",
    "engages_states",
    "names_gcm",
    "crisis_response",
    "funding_status",
    "source_reference",
    "reporting_year",
]
REQUIRED = ["external_id", "organisation", "title", "objectives"]
MAX_ROWS = 5000
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0", ""}


@dataclass
class RowResult:
    number: int
    external_id: str
    title: str
    organisation: str
    objectives: str
    action: str = ""  # "create" or "update"
    errors: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict, repr=False)


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


# --- reading ----------------------------------------------------------------------------------


def read_rows(upload: UploadedFile) -> Iterator[dict[str, str]]:
    """Rows of a CSV or XLSX upload as {column: text}; raises DomainError on an unreadable file."""
    suffix = Path(upload.name or "").suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(upload, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a broken file
            raise DomainError(_("The XLSX file cannot be read."), field="file") from exc
        sheet = book.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        header = [str(h or "").strip().lower() for h in next(values, ())]
        for cells in values:
            yield {h: _cell_text(v) for h, v in zip(header, cells, strict=False) if h}
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
        raise DomainError(
            _("The CSV file cannot be read: %(e)s") % {"e": exc}, field="file"
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


# --- checking ---------------------------------------------------------------------------------


class _Lookups:
    """Every vocabulary loaded once, so checking a row costs no query."""

    def __init__(self) -> None:
        self.countries = {c.alpha3: c for c in Country.objects.all()}
        self.regions = {r.code: r for r in M49Region.objects.all()}
        self.objectives = {o.number: o for o in Objective.objects.all()}
        self.actions = set(ObjectiveAction.objects.values_list("objective__number", "letter"))
        self.activity_types = {a.code: a for a in ActivityType.objects.all()}
        self.constituencies = {c.code: c for c in Constituency.objects.all()}
        self.principles = {p.letter: p for p in GuidingPrinciple.objects.all()}
        self.org_types = {t.code: t for t in OrganisationType.objects.all()}
        self.existing = dict(
            Initiative.objects.filter(external_id__isnull=False).values_list("external_id", "pk")
        )


def _split(value: str) -> list[str]:
    return [x.strip() for x in re.split(r"[;\n]", value) if x.strip()]


def _expand(items: list[str]) -> list[str]:
    """Expand ranges such as 5-18 into the numbers they cover."""
    out: list[str] = []
    for item in items:
        m = re.fullmatch(r"(\d{1,2})\s*-\s*(\d{1,2})", item)
        if m and int(m.group(1)) <= int(m.group(2)):
            out.extend(str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1))
        else:
            out.append(item)
    return out


def _bool(value: str, errors: list[str], column: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    errors.append(_("%(col)s: write yes or no, not “%(v)s”.") % {"col": column, "v": value[:40]})
    return False


def _date(value: str, errors: list[str], column: str) -> tuple[dt.date | None, str]:
    v = value.strip()
    if not v or v.lower() in {"tbc", "tbd"}:
        return None, DatePrecision.TBC
    for pattern, precision, fmt in (
        (r"^\d{4}-\d{2}-\d{2}$", DatePrecision.DAY, "%Y-%m-%d"),
        (r"^\d{4}-\d{2}$", DatePrecision.MONTH, "%Y-%m"),
        (r"^\d{4}$", DatePrecision.YEAR, "%Y"),
    ):
        if re.match(pattern, v):
            try:
                return dt.datetime.strptime(v, fmt).date(), precision
            except ValueError:
                break
    errors.append(
        _("%(col)s: “%(v)s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD).")
        % {"col": column, "v": v[:40]}
    )
    return None, DatePrecision.TBC


def _choice(value: str, choices: Any, errors: list[str], column: str, default: str) -> str:
    v = value.strip().lower()
    if not v:
        return default
    if v in dict(choices.choices):
        return v
    errors.append(
        _("%(col)s: unknown value “%(v)s”; use one of %(list)s.")
        % {"col": column, "v": v[:40], "list": ", ".join(k for k, _l in choices.choices if k)}
    )
    return default


def _codes(value: str, table: dict[Any, Any], errors: list[str], column: str) -> list[Any]:
    out = []
    for code in _split(value):
        key: Any = code.upper() if column in {"countries", "host_country"} else code.lower()
        if column == "regions":
            key = code.zfill(3)
        if key in table:
            out.append(table[key])
        else:
            errors.append(_("%(col)s: unknown code “%(v)s”.") % {"col": column, "v": code[:40]})
    return out


def check_row(number: int, raw: dict[str, str], look: _Lookups) -> RowResult:
    """Check one row and build the service data; nothing is written."""
    errors: list[str] = []
    get = lambda key: (raw.get(key) or "").strip()  # noqa: E731
    result = RowResult(
        number=number,
        external_id=get("external_id"),
        title=get("title"),
        organisation=get("organisation"),
        objectives=get("objectives"),
    )
    for column in REQUIRED:
        if not get(column):
            errors.append(_("%(col)s is required.") % {"col": column})
    if len(get("external_id")) > 60:
        errors.append(_("external_id: at most 60 characters."))
    if len(get("title")) > 255:
        errors.append(_("title: at most 255 characters."))
    if len(get("summary")) > 300:
        errors.append(_("summary: at most 300 characters."))
    data: dict[str, Any] = {
        "title": get("title"),
        "summary": get("summary"),
        "description": get("description"),
        "expected_outcomes": get("expected_outcomes"),
        "timeline": get("timeline")[:2000],
        "regions_text": get("regions_text")[:255],
        "other_stakeholders": get("other_stakeholders"),
    }
    cats = [c.lower().replace("-", "_") for c in _split(get("categories"))]
    bad = [c for c in cats if c not in CATEGORY_FIELDS]
    if bad:
        errors.append(_("categories: unknown “%(v)s”.") % {"v": ", ".join(bad)[:80]})
    data["categories"] = [c for c in cats if c in CATEGORY_FIELDS]
    data["activity_types"] = _codes(
        get("activity_types"), look.activity_types, errors, "activity_types"
    )
    data["activity_status"] = _choice(
        get("status"), ActivityStatus, errors, "status", ActivityStatus.ONGOING
    )
    data["start_date"], data["start_precision"] = _date(get("start"), errors, "start")
    data["end_date"], data["end_precision"] = _date(get("end"), errors, "end")
    if data["start_date"] and data["end_date"] and data["end_date"] < data["start_date"]:
        errors.append(_("end: the end cannot be before the start."))
    data["geo_level"] = _choice(get("geo_level"), GeoLevel, errors, "geo_level", "")
    hosts = _codes(get("host_country"), look.countries, errors, "host_country")
    data["host_country"] = hosts[0] if hosts else None
    data["countries"] = _codes(get("countries"), look.countries, errors, "countries")
    data["regions"] = _codes(get("regions"), look.regions, errors, "regions")
    numbers: list[int] = []
    for item in _expand(_split(get("objectives").replace(",", ";"))):
        if item.isdigit() and int(item) in look.objectives and int(item) not in numbers:
            numbers.append(int(item))
        else:
            errors.append(
                _("objectives: “%(v)s” is not an objective number 1-23.") % {"v": item[:20]}
            )
    primary = get("primary_objective")
    primary_number = int(primary) if primary.isdigit() else (numbers[0] if numbers else None)
    if primary and primary_number not in numbers:
        errors.append(_("primary_objective must be one of the objectives."))
    letters: dict[int, list[str]] = {}
    for item in _split(get("actions").replace(",", ";")):
        m = re.fullmatch(r"(\d{1,2})\s*\(\s*([a-z])\s*\)", item.lower())
        if not m or (int(m.group(1)), m.group(2)) not in look.actions:
            errors.append(_("actions: “%(v)s” is not a GCM action like 10(c).") % {"v": item[:20]})
            continue
        if int(m.group(1)) not in numbers:
            errors.append(_("actions: %(v)s belongs to an objective not listed.") % {"v": item})
            continue
        letters.setdefault(int(m.group(1)), []).append(m.group(2))
    data["objectives"] = [
        ObjectiveChoice(look.objectives[n], n == primary_number, tuple(letters.get(n, [])))
        for n in numbers
    ]
    data["covers_whole_gcm"] = _bool(get("covers_whole_gcm"), errors, "covers_whole_gcm")
    data["principles"] = _codes(get("principles"), look.principles, errors, "principles")
    data["constituencies"] = _codes(
        get("constituencies"), look.constituencies, errors, "constituencies"
    )
    partners = []
    for item in _split(get("partners")):
        name, _sep, role = item.partition("|")
        role = role.strip().lower() or PartnerRole.PARTNER
        if role not in dict(PartnerRole.choices):
            errors.append(_("partners: unknown role “%(v)s”.") % {"v": role[:20]})
            continue
        partners.append({"name": name.strip()[:255], "role": role, "is_state": False})
    data["partners"] = partners
    data["engages_states"] = _bool(get("engages_states"), errors, "engages_states")
    data["names_gcm"] = _bool(get("names_gcm"), errors, "names_gcm")
    data["crisis_response"] = _choice(
        get("crisis_response"), CrisisResponse, errors, "crisis_response", CrisisResponse.NONE
    )
    data["funding_status"] = _choice(
        get("funding_status"), FundingStatus, errors, "funding_status", ""
    )
    year = get("reporting_year")
    if year and not (year.isdigit() and 2000 <= int(year) <= 2100):
        errors.append(_("reporting_year: a year such as 2019."))
    data["reporting_year"] = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else None
    org_type = get("organisation_type").lower() or "ngo"
    if org_type not in look.org_types:
        errors.append(_("organisation_type: unknown code “%(v)s”.") % {"v": org_type[:40]})
    org_countries = _codes(
        get("organisation_country"), look.countries, errors, "organisation_country"
    )
    result.data = {
        "fields": data,
        "objectives_raw": get("objectives_raw")[:255] or get("objectives")[:255],
        "source_reference": get("source_reference")[:255],
        "organisation": {
            "name": get("organisation")[:255],
            "acronym": get("organisation_acronym")[:30],
            "type": look.org_types.get(org_type),
            "country": org_countries[0] if org_countries else None,
        },
    }
    result.action = "update" if result.external_id in look.existing else "create"
    result.errors = errors
    return result


def check_rows(rows: Iterable[dict[str, str]]) -> ImportReport:
    look = _Lookups()
    results: list[RowResult] = []
    seen: dict[str, int] = {}
    file_errors: list[str] = []
    for index, raw in enumerate(rows, start=2):  # row 1 is the header
        if not any(raw.values()):
            continue
        if len(results) >= MAX_ROWS:
            file_errors.append(_("At most %(n)d rows per file.") % {"n": MAX_ROWS})
            break
        result = check_row(index, raw, look)
        if result.external_id in seen:
            result.errors.append(
                _("external_id %(id)s repeats row %(row)d.")
                % {"id": result.external_id, "row": seen[result.external_id]}
            )
        seen.setdefault(result.external_id, index)
        results.append(result)
    if not results and not file_errors:
        file_errors.append(_("The file has no rows."))
    return ImportReport(rows=results, file_errors=file_errors)


# --- writing ----------------------------------------------------------------------------------


def _organisation(spec: dict[str, Any]) -> Organisation:
    org = Organisation.objects.filter(name=spec["name"], country=spec["country"]).first()
    if org is None:
        org = Organisation.objects.create(
            name=spec["name"],
            acronym=spec["acronym"],
            type=spec["type"],
            country=spec["country"],
            status=Organisation.Status.APPROVED,
        )
    return org


@transaction.atomic
def apply_rows(report: ImportReport, *, actor: User | None, label: str) -> ImportReport:
    """Write checked rows: create new initiatives as published, update those already imported."""
    if not report.ok:
        raise DomainError(
            _("The file has %(n)d errors; nothing was imported.") % {"n": report.error_count},
            field="file",
        )
    now = timezone.now()
    for row in report.rows:
        org = _organisation(row.data["organisation"])
        initiative = (
            Initiative.objects.select_for_update().filter(external_id=row.external_id).first()
        )
        created = initiative is None
        if initiative is None:
            initiative = Initiative(
                organisation=org,
                created_by=actor,
                external_id=row.external_id,
                source=Source.IMPORT,
                state=ModerationState.PUBLISHED,
                published_at=now,
            )
        else:
            initiative.organisation = org
        initiative.objectives_raw = row.data["objectives_raw"]
        initiative.source_reference = row.data["source_reference"]
        if actor is not None:
            initiative._history_user = actor  # type: ignore[attr-defined]
        _apply(initiative, row.data["fields"])
        if created:
            _log(
                initiative,
                actor=actor,
                to_state=ModerationState.PUBLISHED,
                reason=_("Imported from %(file)s") % {"file": label},
                notify=False,
            )
            report.created += 1
        else:
            report.updated += 1
    report.applied = True
    return report


def import_initiatives(*, actor: User, upload: UploadedFile, dry_run: bool) -> ImportReport:
    """A moderator imports a spreadsheet; a dry run only checks and previews the rows."""
    if not permissions.is_moderator(actor):
        raise ForbiddenError(_("Only moderators import initiatives."))
    try:
        validate_upload(upload, allowed=SPREADSHEET_EXTENSIONS)
    except ValidationError as exc:
        raise DomainError(errors={"file": exc.messages}) from exc
    report = check_rows(read_rows(upload))
    if dry_run or not report.ok:
        return report
    return apply_rows(report, actor=actor, label=upload.name or "")


def import_file(path: Path, *, actor: User | None = None) -> ImportReport:
    """Import a CSV file from disk (the shipped fixtures, the demo loader)."""
    with path.open("rb") as fh:
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile(path.name, fh.read(), content_type="text/csv")
    report = check_rows(read_rows(upload))
    return apply_rows(report, actor=actor, label=path.name)
