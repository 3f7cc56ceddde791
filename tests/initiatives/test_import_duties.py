"""The importer as a client of the services: the importer is the actor, duties hold per row."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Organisation, Role
from accounts.services import grant_role
from initiatives import services
from initiatives.imports import COLUMNS, apply_rows, check_rows, import_initiatives, read_rows
from initiatives.models import Initiative, ModerationState, Source, Transition

pytestmark = pytest.mark.django_db

OUTSIDE_REGION = (
    "This initiative covers no country of your review region; a moderator of its region must "
    "decide it."
)

ROW = {
    "external_id": "x-1",
    "organisation": "Lisbon Migrant Forum",
    "organisation_type": "ngo",
    "organisation_country": "PRT",
    "title": "Imported initiative",
    "categories": "thematic",
    "objectives": "6",
    "countries": "PRT",
    "start": "2019",
}


def _csv(*rows: dict[str, str]) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in COLUMNS})
    return SimpleUploadedFile("import.csv", out.getvalue().encode(), content_type="text/csv")


@pytest.fixture
def europe_moderator(make_user: Any) -> Any:
    return make_user(Role.UN_MODERATOR, review_region="ECE")


def test_a_regional_moderator_imports_in_their_region_as_the_actor(
    europe_moderator: Any,
) -> None:
    report = import_initiatives(actor=europe_moderator, upload=_csv(ROW), dry_run=False)
    assert (report.applied, report.created) == (True, 1)
    initiative = Initiative.objects.get(external_id="x-1")
    assert initiative.state == ModerationState.PUBLISHED
    assert initiative.source == Source.IMPORT
    assert initiative.created_by == europe_moderator
    assert initiative.history.latest().history_user == europe_moderator
    assert list(initiative.transitions.values_list("to_state", "actor")) == [
        ("draft", europe_moderator.pk),
        ("published", europe_moderator.pk),
    ]
    assert initiative.transitions.last().reason == "Imported from import.csv"


def test_a_new_organisation_from_an_import_is_pending(europe_moderator: Any) -> None:
    import_initiatives(actor=europe_moderator, upload=_csv(ROW), dry_run=False)
    org = Organisation.objects.get(name="Lisbon Migrant Forum")
    assert org.status == Organisation.Status.PENDING
    assert org.country.alpha3 == "PRT"
    assert org.history.latest().history_user == europe_moderator


def test_rows_of_another_region_are_refused_in_the_dry_run_and_the_import(
    africa_moderator: Any,
) -> None:
    kenyan = {**ROW, "external_id": "x-2", "countries": "KEN"}
    upload = _csv(ROW, kenyan)
    preview = import_initiatives(actor=africa_moderator, upload=upload, dry_run=True)
    report = import_initiatives(actor=africa_moderator, upload=_csv(ROW, kenyan), dry_run=False)
    for checked in (preview, report):
        assert [r.errors for r in checked.rows] == [[OUTSIDE_REGION], []]
        assert not checked.applied
    assert not Initiative.objects.exists()
    assert not Organisation.objects.filter(name="Lisbon Migrant Forum").exists()


def test_a_regional_moderator_cannot_overwrite_an_initiative_of_another_region(
    moderator: Any, africa_moderator: Any
) -> None:
    import_initiatives(actor=moderator, upload=_csv(ROW), dry_run=False)
    # Re-homing the row in Kenya would bring it into the Africa moderator's region.
    moved = {**ROW, "countries": "KEN", "title": "Taken over"}
    report = import_initiatives(actor=africa_moderator, upload=_csv(moved), dry_run=True)
    assert report.rows[0].errors == [f"Already imported: {OUTSIDE_REGION}"]
    report = import_initiatives(actor=africa_moderator, upload=_csv(moved), dry_run=False)
    assert not report.applied
    initiative = Initiative.objects.get(external_id="x-1")
    assert (initiative.title, initiative.state) == ("Imported initiative", "published")
    assert [c.alpha3 for c in initiative.countries.all()] == ["PRT"]


def test_an_import_does_not_move_an_initiative_to_another_organisation(moderator: Any) -> None:
    import_initiatives(actor=moderator, upload=_csv(ROW), dry_run=False)
    report = import_initiatives(
        actor=moderator, upload=_csv({**ROW, "organisation": "Someone Else"}), dry_run=False
    )
    assert report.rows[0].errors == [
        "external_id x-1 belongs to Lisbon Migrant Forum; an import does not move an "
        "initiative to another organisation."
    ]
    assert Initiative.objects.get().organisation.name == "Lisbon Migrant Forum"
    assert not Organisation.objects.filter(name="Someone Else").exists()


def test_a_reimport_in_the_region_updates_through_a_revision_and_stays_published(
    europe_moderator: Any,
) -> None:
    import_initiatives(actor=europe_moderator, upload=_csv(ROW), dry_run=False)
    report = import_initiatives(
        actor=europe_moderator, upload=_csv({**ROW, "title": "Renamed"}), dry_run=False
    )
    assert (report.created, report.updated) == (0, 1)
    initiative = Initiative.objects.get()
    assert (initiative.title, initiative.state) == ("Renamed", ModerationState.PUBLISHED)
    assert initiative.history.latest().history_user == europe_moderator
    assert Transition.objects.filter(initiative=initiative, is_revision=True).exists()


def test_a_moderator_cannot_import_for_an_organisation_they_belong_to(
    moderator: Any, make_organisation: Any
) -> None:
    org = make_organisation("Lisbon Migrant Forum", country="PRT")
    grant_role(actor=None, user=moderator, role=Role.CIVIL_SOCIETY_MEMBER, organisation_id=org.pk)
    report = import_initiatives(actor=moderator, upload=_csv(ROW), dry_run=True)
    assert report.rows[0].errors == [
        "You belong to Lisbon Migrant Forum, so another moderator must moderate its initiatives."
    ]


def test_a_row_with_a_pending_revision_is_refused(
    moderator: Any, make_user: Any, make_organisation: Any
) -> None:
    import_initiatives(actor=moderator, upload=_csv(ROW), dry_run=False)
    initiative = Initiative.objects.get()
    member = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=initiative.organisation)
    services.update_initiative(actor=member, initiative=initiative, data={"title": "Member's"})
    report = import_initiatives(actor=moderator, upload=_csv(ROW), dry_run=False)
    assert any("revision pending" in e for e in report.rows[0].errors)
    assert not report.applied


def test_the_services_refuse_a_row_the_check_did_not_see_and_nothing_is_written(
    africa_moderator: Any,
) -> None:
    # Checked without the actor's duties: the services still refuse the Portuguese row.
    kenyan = {**ROW, "external_id": "x-2", "countries": "KEN", "organisation": "Nairobi"}
    report = check_rows(read_rows(_csv(kenyan, ROW)))
    assert report.ok
    report = apply_rows(report, actor=africa_moderator, label="import.csv")
    assert not report.applied
    assert (report.created, report.updated) == (0, 0)
    assert [r.errors for r in report.rows] == [[], [OUTSIDE_REGION]]
    assert not Initiative.objects.exists()
    assert not Organisation.objects.filter(name__in=["Nairobi", "Lisbon Migrant Forum"]).exists()


def test_someone_joins_an_imported_organisation_and_its_approval_approves_it(
    client: Any, europe_moderator: Any, moderator: Any, make_user: Any
) -> None:
    import_initiatives(actor=europe_moderator, upload=_csv(ROW), dry_run=False)
    org = Organisation.objects.get(name="Lisbon Migrant Forum")
    applicant = make_user()
    client.force_login(applicant)
    assert client.post("/initiatives/join/", {"organisation": org.pk}).status_code == 302
    req = applicant.membership_requests.get()
    services.decide_membership(actor=moderator, request=req, approve=True)
    org.refresh_from_db()
    assert org.status == Organisation.Status.APPROVED
    assert applicant.memberships.filter(organisation=org).exists()


def test_the_import_page_lists_the_refused_rows_and_writes_nothing(
    client: Any, africa_moderator: Any
) -> None:
    client.force_login(africa_moderator)
    response = client.post("/initiatives/import/", {"file": _csv(ROW), "dry_run": "on"})
    assert response.status_code == 400
    assert OUTSIDE_REGION in response.content.decode()
    response = client.post("/initiatives/import/", {"file": _csv(ROW)})
    assert response.status_code == 400
    assert OUTSIDE_REGION in response.content.decode()
    assert not Initiative.objects.exists()
