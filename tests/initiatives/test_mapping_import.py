"""The mapping page, CSV/XLSX export, the spreadsheet import, the shipped matrix and the demo."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from countries.models import Country
from initiatives import demo
from initiatives.imports import COLUMNS, import_file, import_initiatives
from initiatives.models import Initiative, ModerationState

from .factories import make_initiative

pytestmark = pytest.mark.django_db

MATRIX = Path(settings.BASE_DIR) / "fixtures" / "initiatives" / "activities_matrix_2019.csv"


def _csv(rows: list[dict[str, str]], name: str = "import.csv") -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in COLUMNS})
    return SimpleUploadedFile(name, out.getvalue().encode(), content_type="text/csv")


GOOD = {
    "external_id": "x-1",
    "organisation": "Import Org",
    "organisation_type": "ngo",
    "title": "Imported initiative",
    "categories": "thematic",
    "objectives": "2; 5-7",
    "primary_objective": "5",
    "actions": "5(a)",
    "countries": "PRT;KEN",
    "start": "2019-03",
    "end": "2020",
    "engages_states": "yes",
}


# --- mapping page and export ------------------------------------------------------------------


def test_the_mapping_page_shows_matrices_map_gaps_and_a_table_alternative(
    client: Any, published: Any
) -> None:
    response = client.get("/initiatives/mapping/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Region \u00d7 objective" in html
    assert "Country \u00d7 objective" in html
    assert "Objectives with no initiative in a region" in html
    assert "<svg" in html
    assert "Portugal: 1 initiative" in html
    assert "/initiatives/?country=PRT&amp;objective=6" in html
    assert "/initiatives/?region=150&amp;objective=6" in html


def test_the_mapping_filters_by_objective(client: Any, published: Any) -> None:
    html = client.get("/initiatives/mapping/?objective=1").content.decode()
    assert "Portugal: 0 initiatives" in html


def test_the_mapping_page_runs_a_fixed_number_of_queries(
    client: Any, member: Any, org: Any, moderator: Any
) -> None:
    make_initiative(member, org, "published", moderator)
    with CaptureQueriesContext(connection) as one:
        client.get("/initiatives/mapping/")
    for alpha3 in ("KEN", "BRA", "IND"):
        make_initiative(
            member, org, "published", moderator, countries=[Country.objects.get(alpha3=alpha3)]
        )
    with CaptureQueriesContext(connection) as four:
        client.get("/initiatives/mapping/")
    assert len(one) == len(four)


def test_the_country_matrix_is_one_aggregate_query(published: Any) -> None:
    from initiatives import selectors

    with CaptureQueriesContext(connection) as queries:
        counts = selectors.country_objective_counts(selectors.public_initiatives())
    assert len(queries) == 1
    assert counts == {"PRT": {6: 1, 15: 1}}


def test_the_csv_export_streams_the_filtered_view(
    client: Any, published: Any, member: Any, org: Any, moderator: Any
) -> None:
    make_initiative(
        member,
        org,
        "published",
        moderator,
        title="=HYPERLINK(1)",
        countries=[Country.objects.get(alpha3="KEN")],
        host_country=Country.objects.get(alpha3="KEN"),
    )
    response = client.get("/initiatives/export.csv?country=PRT")
    assert response.status_code == 200
    assert response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:2] == ["id", "title"]
    assert [r[1] for r in rows[1:]] == [published.title]
    assert "focal.point" not in str(rows)
    everything = b"".join(client.get("/initiatives/export.csv").streaming_content).decode()
    assert "'=HYPERLINK(1)" in everything


def test_the_xlsx_export_contains_the_filtered_view(client: Any, published: Any) -> None:
    response = client.get("/initiatives/export.xlsx?objective=6")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[1][1] == published.title
    assert rows[1][11] == "6; 15"


def test_the_export_of_a_bad_filter_is_a_400(client: Any) -> None:
    assert client.get("/initiatives/export.csv?objective=99").status_code == 400


# --- import -----------------------------------------------------------------------------------


def test_a_dry_run_previews_rows_and_changes_nothing(moderator: Any) -> None:
    report = import_initiatives(actor=moderator, upload=_csv([GOOD]), dry_run=True)
    assert report.ok
    assert [(r.external_id, r.action) for r in report.rows] == [("x-1", "create")]
    assert Initiative.objects.count() == 0


def test_an_import_creates_published_initiatives_and_a_reimport_updates_them(
    moderator: Any,
) -> None:
    report = import_initiatives(actor=moderator, upload=_csv([GOOD]), dry_run=False)
    assert (report.created, report.updated) == (1, 0)
    initiative = Initiative.objects.get()
    assert initiative.state == ModerationState.PUBLISHED
    assert [lk.objective.number for lk in initiative.links.all()] == [2, 5, 6, 7]
    assert initiative.links.get(is_primary=True).objective.number == 5
    assert initiative.start_precision == "month"
    assert initiative.objectives_raw == "2; 5-7"
    report = import_initiatives(
        actor=moderator, upload=_csv([{**GOOD, "title": "Renamed"}]), dry_run=False
    )
    assert (report.created, report.updated) == (0, 1)
    assert Initiative.objects.get().title == "Renamed"


def test_broken_rows_are_all_listed_and_nothing_is_imported(moderator: Any) -> None:
    rows = [
        GOOD,
        {**GOOD, "external_id": "x-2", "objectives": "", "countries": "XXX"},
        {**GOOD, "external_id": "x-3", "start": "2020-05-01", "end": "2019-01-01"},
        {**GOOD, "external_id": "x-4", "title": "y" * 10_000, "actions": "5(z)"},
        {**GOOD, "external_id": "x-1"},
    ]
    report = import_initiatives(actor=moderator, upload=_csv(rows), dry_run=False)
    assert not report.ok
    errors = {r.external_id: r.errors for r in report.rows if r.errors}
    assert any("objectives is required" in e for e in errors["x-2"])
    assert any("unknown code “XXX”" in e for e in errors["x-2"])
    assert any("end cannot be before" in e for e in errors["x-3"])
    assert any("title" in e for e in errors["x-4"])
    assert any("5(z)" in e for e in errors["x-4"])
    assert any("repeats row 2" in e for e in report.rows[4].errors)
    assert Initiative.objects.count() == 0


def test_an_xlsx_file_is_imported(moderator: Any) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    sheet.append([GOOD.get(c, "") for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("import.xlsx", out.getvalue())
    report = import_initiatives(actor=moderator, upload=upload, dry_run=False)
    assert report.created == 1


def test_a_broken_xlsx_file_is_refused(moderator: Any) -> None:
    from core.errors import DomainError

    upload = SimpleUploadedFile("import.xlsx", b"PK\x03\x04 not really a zip")
    with pytest.raises(DomainError):
        import_initiatives(actor=moderator, upload=upload, dry_run=True)


def test_a_200_mb_spreadsheet_is_refused(moderator: Any) -> None:
    from core.errors import DomainError

    upload = _csv([GOOD])
    upload.size = 200 * 1024 * 1024
    with pytest.raises(DomainError, match="too large"):
        import_initiatives(actor=moderator, upload=upload, dry_run=True)


def test_only_moderators_import(member: Any) -> None:
    from core.errors import DomainError

    with pytest.raises(DomainError):
        import_initiatives(actor=member, upload=_csv([GOOD]), dry_run=True)


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("official", 403)])
def test_the_import_page_is_for_moderators(
    client: Any, who: str, status: int, request: Any
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.get("/initiatives/import/").status_code == status


def test_the_import_page_lists_row_errors(client: Any, moderator: Any) -> None:
    client.force_login(moderator)
    bad = _csv([{**GOOD, "objectives": "42"}])
    response = client.post("/initiatives/import/", {"file": bad, "dry_run": "on"})
    assert response.status_code == 400
    assert "is not an objective number" in response.content.decode()
    good = _csv([GOOD])
    response = client.post("/initiatives/import/", {"file": good})
    assert response.status_code == 200
    assert "1 created" in response.content.decode()


# --- the shipped Activities Matrix and the demo -----------------------------------------------


def test_the_activities_matrix_has_32_rows_without_emails() -> None:
    text = MATRIX.read_text(encoding="utf-8")
    assert "@" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 32
    assert {r["external_id"][7] for r in rows} == {"N", "T", "C"}


def test_the_activities_matrix_imports_with_normalised_objectives() -> None:
    report = import_file(MATRIX)
    assert report.created == 32
    t1 = Initiative.objects.get(external_id="am2019-T1")
    assert t1.objectives_raw == "10: c,d,h"
    assert t1.links.get().letters == ["c", "d", "h"]
    n1 = Initiative.objects.get(external_id="am2019-N1")
    assert n1.links.count() == 17  # 2, 5-18, 21, 23
    t4 = Initiative.objects.get(external_id="am2019-T4")
    assert t4.covers_whole_gcm
    assert import_file(MATRIX).updated == 32
    assert Initiative.objects.count() == 32


def test_the_demo_loader_is_idempotent_and_creates_submissions_in_each_state() -> None:
    from accounts import demo as accounts_demo

    accounts_demo.load()
    demo.load()
    demo.load()
    assert Initiative.objects.filter(source="import").count() == 32
    states = set(
        Initiative.objects.filter(organisation__name=demo.DEMO_ORG).values_list("state", flat=True)
    )
    assert states == {"published", "submitted", "changes_requested", "draft"}
