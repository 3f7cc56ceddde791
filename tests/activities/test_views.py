"""Activity pages: list, detail, country section, mapping layer, exports, moderators' commands."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from activities.exports import ANNEX_HEADER
from activities.imports import COLUMNS, MAX_ROWS
from activities.models import NationalActivity

from .factories import make_activity

pytestmark = pytest.mark.django_db


def _csv_rows(response: Any) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


# --- public pages -----------------------------------------------------------------------------


def test_the_list_page_shows_activities_with_kind_initiator_date_and_source(
    client: Any, loaded: Any
) -> None:
    response = client.get("/activities/", {"country": "IDN"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Workshop and socialization on the GCM" in html
    assert "Ministry of Foreign Affairs" in html
    assert "26-27 August 2019" in html  # the date as the source gives it
    assert "Annex 2 – Mapping overview, Asia table, row 6" in html
    assert response.context["page"].paginator.count == 3


def test_the_list_page_filters_by_region_kind_initiator_objective_and_source(
    client: Any, loaded: Any
) -> None:
    response = client.get(
        "/activities/",
        {
            "region": "150",
            "kind": "policy",
            "initiator_type": "government",
            "objective": "4",
            "source_document": "sg_report_2020",
        },
    )
    assert response.status_code == 200
    assert [a.key for a in response.context["page"]] == ["sg2020-para69-prt-1"]


def test_a_bad_filter_on_the_list_page_is_a_400_not_a_500(client: Any, loaded: Any) -> None:
    assert client.get("/activities/", {"objective": "99"}).status_code == 400
    assert client.get("/activities/export.csv", {"kind": "x"}).status_code == 400


def test_the_list_page_costs_the_same_queries_for_any_page(client: Any, loaded: Any) -> None:
    counts = []
    for page in (1, 4):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/activities/", {"page": page}).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 12


def test_the_detail_page_shows_the_source_and_the_note(client: Any, loaded: Any) -> None:
    activity = NationalActivity.objects.get(key="sg2020-para40-npl-1")
    html = client.get(f"/activities/{activity.pk}/").content.decode()
    assert "(A/75/542), para. 40" in html
    assert "Transcription note" in html
    assert "Climate change" in html or "2." in html


def test_a_withdrawn_activity_page_is_a_404_for_the_public(client: Any, moderator: Any) -> None:
    hidden = make_activity(published=False)
    assert client.get(f"/activities/{hidden.pk}/").status_code == 404
    client.force_login(moderator)
    assert client.get(f"/activities/{hidden.pk}/").status_code == 200


def test_the_country_profile_lists_the_countrys_activities(client: Any, loaded: Any) -> None:
    html = client.get("/countries/KEN/").content.decode()
    assert "National implementation activities" in html
    assert "Kenya has created the National Coordination Mechanism on Migration" in html
    assert "Regional Network on Migration for East Africa" in html
    assert "(A/75/542), para. 11" in html


def test_the_mapping_layer_counts_activities_per_country(client: Any, loaded: Any) -> None:
    response = client.get("/activities/mapping/", {"source_document": "mmc_2019_annex"})
    assert response.status_code == 200
    rows = {row["country"].alpha3: row for row in response.context["matrix"]}
    assert rows["CHE"]["total"] == 9
    assert response.context["total"] == 96
    html = response.content.decode()
    assert "Switzerland: 9 activities" in html
    # The annex names no objectives: the objective matrix is empty for it...
    assert response.context["objective_rows"] == []
    # ...and the 2020 report's rows fill it.
    response = client.get("/activities/mapping/", {"source_document": "sg_report_2020"})
    rows = {row["country"].alpha3: dict(row["cells"]) for row in response.context["objective_rows"]}
    portugal = {o.number: n for o, n in rows["PRT"].items()}
    assert portugal[4] == 2
    assert portugal[1] == 1
    # The initiatives mapping links the layer, and the layer links back.
    assert 'href="/initiatives/mapping/"' in html
    assert 'href="/activities/mapping/"' in client.get("/initiatives/mapping/").content.decode()


# --- exports ----------------------------------------------------------------------------------


def test_the_csv_export_streams_the_filtered_list(client: Any, loaded: Any) -> None:
    response = client.get("/activities/export.csv", {"country": "PRT"})
    assert response.status_code == 200
    rows = _csv_rows(response)
    assert rows[0][:3] == ["id", "key", "country"]
    assert len(rows) == 1 + 4
    assert {r[2] for r in rows[1:]} == {"PRT"}


def test_export_cells_cannot_inject_formulas(client: Any) -> None:
    make_activity(description='=HYPERLINK("http://evil")', key="evil")
    rows = _csv_rows(client.get("/activities/export.csv"))
    assert any(r[15].startswith("'=HYPERLINK") for r in rows[1:])


def test_the_xlsx_export_has_the_same_rows(client: Any, loaded: Any) -> None:
    response = client.get("/activities/export.xlsx", {"source_document": "sg_report_2020"})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    assert sum(1 for _ in book.worksheets[0].iter_rows()) == 1 + 95


def test_the_annex_csv_rebuilds_the_seeds_table_by_region(client: Any, loaded: Any) -> None:
    rows = _csv_rows(client.get("/activities/mmc-2019-annex-2.csv"))
    titles = [r[0] for r in rows if r[0].endswith("mapping overview")]
    assert titles == [
        "Global mapping overview",
        "Asia mapping overview",
        "Europe mapping overview",
        "Latin America mapping overview",
        "Africa mapping overview",
        "MENA mapping overview",
    ]
    assert rows[1] == ANNEX_HEADER
    assert ANNEX_HEADER == [
        "Country",
        "Type of action/initiator",
        "Initiator",
        "Description (date)",
        "Info source (date)",
    ]
    body = [r for r in rows if r != ANNEX_HEADER and not r[0].endswith("mapping overview")]
    assert len(body) == 105
    assert body[17] == [
        "Afghanistan",
        "Coordination Mechanism - UN",
        "IOM and UNHCR",
        "Return and reintegration pillar of the UN coordination (predates GCM)",
        "UN network (July 2019)",
    ]
    assert [
        "Zambia*",
        "Meeting - Government and UN",
        "AU, Government of Zambia, REC",
        "Meeting to validate the Draft GCM Implementation Plan and to identify priorities for "
        "resource mobilization (18 June 2019)",
        "Press release",
    ] in body


# --- moderators' pages ------------------------------------------------------------------------


def test_only_moderators_reach_the_write_pages(client: Any, member: Any, moderator: Any) -> None:
    activity = make_activity()
    assert client.get("/activities/new/").status_code == 302  # to the login page
    client.force_login(member)
    for url in ("/activities/new/", f"/activities/{activity.pk}/edit/", "/activities/import/"):
        assert client.get(url).status_code == 403
    assert client.post(f"/activities/{activity.pk}/withdraw/").status_code == 403
    client.force_login(moderator)
    for url in ("/activities/new/", f"/activities/{activity.pk}/edit/", "/activities/import/"):
        assert client.get(url).status_code == 200


def test_a_moderator_records_and_withdraws_through_the_pages(client: Any, moderator: Any) -> None:
    client.force_login(moderator)
    response = client.post(
        "/activities/new/",
        {
            "country": _kenya_pk(),
            "kind": "coordination",
            "initiator_type": "government",
            "description": "National Coordination Mechanism on Migration",
            "source_document": "other",
            "source_reference": "Kenya report, p. 2",
            "objectives": [_objective_pk(23)],
            "order": 0,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    activity = NationalActivity.objects.get(source_reference="Kenya report, p. 2")
    assert [o.number for o in activity.objectives.all()] == [23]
    assert client.post(f"/activities/{activity.pk}/withdraw/").status_code == 302
    activity.refresh_from_db()
    assert activity.published is False


def test_a_page_form_shows_the_services_field_errors(client: Any, moderator: Any) -> None:
    client.force_login(moderator)
    response = client.post(
        "/activities/new/",
        {
            "kind": "meeting",
            "description": "Something",
            "source_document": "other",
            "source_reference": "x",
            "date": "2020-01-01",
            "predates_gcm": "on",
            "order": 0,
        },
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "country" in errors
    assert "predates_gcm" in errors


def _kenya_pk() -> int:
    from countries.models import Country

    return Country.objects.get(alpha3="KEN").pk


def _objective_pk(number: int) -> int:
    from objectives.models import Objective

    return Objective.objects.get(number=number).pk


# --- import -----------------------------------------------------------------------------------

GOOD = {
    "key": "ken-vgr-2021-1",
    "country": "KEN",
    "kind": "Meeting or consultation",
    "initiator_type": "government",
    "initiator": "State Department for Immigration",
    "objectives": "1; 23",
    "description": "National validation workshop of the voluntary GCM review",
    "date": "2021-05-03",
    "date_text": "3 May 2021",
    "source_document": "other",
    "source_reference": "Kenya voluntary GCM review 2021, p. 4",
}


def _upload(rows: list[dict[str, str]], name: str = "activities.csv") -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in COLUMNS})
    return SimpleUploadedFile(name, out.getvalue().encode(), content_type="text/csv")


def test_import_dry_run_checks_every_row_and_changes_nothing(client: Any, moderator: Any) -> None:
    client.force_login(moderator)
    response = client.post("/activities/import/", {"file": _upload([GOOD]), "dry_run": "on"})
    assert response.status_code == 200
    report = response.context["report"]
    assert report.ok
    assert not report.applied
    assert report.created == 1
    assert not NationalActivity.objects.filter(key="ken-vgr-2021-1").exists()


def test_import_applies_then_updates_on_a_second_run(client: Any, moderator: Any) -> None:
    client.force_login(moderator)
    response = client.post("/activities/import/", {"file": _upload([GOOD])})
    assert response.context["report"].applied
    activity = NationalActivity.objects.get(key="ken-vgr-2021-1")
    assert (activity.kind, activity.year) == ("meeting", 2021)
    assert sorted(o.number for o in activity.objectives.all()) == [1, 23]
    response = client.post(
        "/activities/import/", {"file": _upload([{**GOOD, "initiator": "Ministry of Interior"}])}
    )
    report = response.context["report"]
    assert (report.created, report.updated) == (0, 1)
    activity.refresh_from_db()
    assert activity.initiator == "Ministry of Interior"
    assert NationalActivity.objects.filter(key="ken-vgr-2021-1").count() == 1


def test_import_lists_each_rows_problems_and_imports_nothing(client: Any, moderator: Any) -> None:
    client.force_login(moderator)
    rows = [
        GOOD,
        {**GOOD, "key": "bad-1", "country": "XYZ", "kind": "picnic", "objectives": "24"},
        {**GOOD, "key": "bad-2", "date": "2021-05-03", "year": "2019", "predates_gcm": "maybe"},
        {**GOOD, "key": "ken-vgr-2021-1"},
    ]
    response = client.post("/activities/import/", {"file": _upload(rows)})
    assert response.status_code == 400
    report = response.context["report"]
    assert not report.applied
    messages = {r.key: " ".join(r.errors) for r in report.rows}
    assert messages["ken-vgr-2021-1"] != ""  # the duplicate key (the first row is fine)
    assert "XYZ" in messages["bad-1"]
    assert "picnic" in messages["bad-1"]
    assert "maybe" in messages["bad-2"]
    assert not NationalActivity.objects.filter(source_document="other").exists()
    # The service's own check (objective 24, the year) runs once the row parses.
    response = client.post(
        "/activities/import/", {"file": _upload([{**GOOD, "objectives": "24", "year": "2019"}])}
    )
    assert "objective 24" in " ".join(response.context["report"].rows[0].errors)


def test_import_reads_xlsx(client: Any, moderator: Any) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    sheet.append([GOOD.get(c, "") for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    client.force_login(moderator)
    upload = SimpleUploadedFile("a.xlsx", out.getvalue())
    response = client.post("/activities/import/", {"file": upload})
    assert response.context["report"].applied
    assert NationalActivity.objects.filter(key="ken-vgr-2021-1").exists()


def test_import_refuses_a_wrong_type_a_big_file_and_too_many_rows(
    client: Any, moderator: Any, monkeypatch: Any
) -> None:
    client.force_login(moderator)
    response = client.post(
        "/activities/import/", {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")}
    )
    assert response.status_code == 400
    assert "not accepted" in response.content.decode()
    big = SimpleUploadedFile("a.csv", b"key\n" + b"x" * (3 * 1024 * 1024))
    response = client.post("/activities/import/", {"file": big})
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    monkeypatch.setattr("activities.imports.MAX_ROWS", 2)
    response = client.post(
        "/activities/import/",
        {"file": _upload([GOOD, {**GOOD, "key": "b"}, {**GOOD, "key": "c"}])},
    )
    assert response.status_code == 400
    assert "more than 2 rows" in response.content.decode()
    assert MAX_ROWS == 2000


def test_a_member_cannot_import(client: Any, member: Any) -> None:
    client.force_login(member)
    response = client.post("/activities/import/", {"file": _upload([GOOD])})
    assert response.status_code == 403
    assert not NationalActivity.objects.filter(key="ken-vgr-2021-1").exists()


def test_import_rows_outside_a_regional_moderators_region_are_refused(
    client: Any, africa_moderator: Any
) -> None:
    client.force_login(africa_moderator)
    response = client.post(
        "/activities/import/", {"file": _upload([GOOD, {**GOOD, "key": "p", "country": "PRT"}])}
    )
    assert response.status_code == 400
    errors = {r.key: r.errors for r in response.context["report"].rows}
    assert errors[GOOD["key"]] == []
    assert "Portugal" in errors["p"][0]
    assert not NationalActivity.objects.filter(key=GOOD["key"]).exists()


def test_a_regional_moderator_may_not_open_the_edit_page_of_another_region(
    client: Any, africa_moderator: Any
) -> None:
    client.force_login(africa_moderator)
    kenya, portugal = make_activity(country="KEN"), make_activity(country="PRT")
    assert client.get(f"/activities/{kenya.pk}/edit/").status_code == 200
    assert client.get(f"/activities/{portugal.pk}/edit/").status_code == 403
    assert client.post(f"/activities/{portugal.pk}/edit/", {"x": "1"}).status_code == 403
    assert client.post(f"/activities/{portugal.pk}/withdraw/").status_code == 403
    assert "Correct this activity" in client.get(f"/activities/{kenya.pk}/").content.decode()
    assert "Correct this activity" not in client.get(f"/activities/{portugal.pk}/").content.decode()
