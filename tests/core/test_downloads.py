"""The one guarded download view: every stored file, with its record's permission; no /media/."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import override_settings
from django.urls import clear_url_caches

from accounts.models import Role
from core.downloads import registered_kinds
from initiatives import services as initiative_services
from tests.initiatives.factories import make_initiative

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 draft evidence"
ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def owner_and_draft_evidence(make_user: Any, make_organisation: Any) -> tuple[Any, Any]:
    org = make_organisation("Migrant Rights Network")
    owner = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org)
    draft = make_initiative(owner, org, title="Unpublished draft")
    evidence = initiative_services.add_evidence_file(
        actor=owner,
        initiative=draft,
        title="Survey results",
        upload=SimpleUploadedFile("survey.pdf", PDF, content_type="application/pdf"),
    )
    return owner, evidence


@override_settings(DEBUG=True)
def test_draft_evidence_is_refused_to_others_even_with_debug_on(
    client: Any, make_user: Any, make_organisation: Any, owner_and_draft_evidence: Any
) -> None:
    _owner, evidence = owner_and_draft_evidence
    url = evidence.get_absolute_url()
    assert url == f"/files/initiative-evidence/{evidence.pk}/"
    assert client.get(url).status_code == 404
    other = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=make_organisation("Another Network"))
    client.force_login(other)
    assert client.get(url).status_code == 404
    # The storage path is not served either, whatever DEBUG says.
    assert client.get(settings.MEDIA_URL + evidence.file.name).status_code == 404


@override_settings(DEBUG=False)
def test_draft_evidence_downloads_for_its_owner_with_debug_off(
    client: Any, owner_and_draft_evidence: Any
) -> None:
    owner, evidence = owner_and_draft_evidence
    client.force_login(owner)
    response = client.get(evidence.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "survey" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF


def test_published_evidence_is_public(client: Any, make_user: Any, make_organisation: Any) -> None:
    org = make_organisation("Migrant Rights Network")
    owner = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org)
    draft = make_initiative(owner, org)
    evidence = initiative_services.add_evidence_file(
        actor=owner,
        initiative=draft,
        title="Survey",
        upload=SimpleUploadedFile("survey.pdf", PDF, content_type="application/pdf"),
    )
    initiative_services.submit_initiative(actor=owner, initiative=draft)
    initiative_services.publish_initiative(actor=make_user(Role.UN_MODERATOR), initiative=draft)
    response = client.get(evidence.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert client.post(evidence.get_absolute_url()).status_code == 405


def test_unknown_kind_or_record_is_404(client: Any, owner_and_draft_evidence: Any) -> None:
    owner, evidence = owner_and_draft_evidence
    client.force_login(owner)
    assert client.get(f"/files/no-such-kind/{evidence.pk}/").status_code == 404
    assert client.get(f"/files/initiative-evidence/{evidence.pk + 1000}/").status_code == 404
    for kind in registered_kinds():  # an id past the column's range is no record, not a 500
        assert client.get(f"/files/{kind}/{10**20}/").status_code == 404


def test_media_is_not_routed_even_when_the_urlconf_loads_with_debug_on() -> None:
    import gcm_tracker.urls

    with override_settings(DEBUG=True):
        module = importlib.reload(gcm_tracker.urls)
        clear_url_caches()
        patterns = [str(p.pattern) for p in module.urlpatterns]
    importlib.reload(gcm_tracker.urls)
    clear_url_caches()
    media = settings.MEDIA_URL.strip("/")
    assert not any(p.lstrip("^").startswith(media) for p in patterns), patterns


def _file_models() -> list[tuple[Any, str]]:
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField) and not model.__name__.startswith("Historical")
    ]


def test_every_model_with_a_stored_file_links_the_guarded_view() -> None:
    kinds = set(registered_kinds())
    file_models = _file_models()
    assert {m.__name__ for m, _f in file_models} >= {
        "ChecklistEvidence",
        "Evidence",
        "ReportFile",
        "SubmissionAttachment",
    }
    for model, field in file_models:
        obj = model(pk=1)
        getattr(obj, field).name = "x.pdf"
        match = re.fullmatch(r"/files/([a-z-]+)/1/", obj.get_absolute_url())
        assert match, model
        assert match.group(1) in kinds, model


def test_plan_evidence_follows_the_plan_visibility(
    client: Any, make_user: Any, make_organisation: Any
) -> None:
    from countries.models import Country
    from objectives.models import ChecklistItem
    from plans import services as plan_services

    coordinator = make_user(Role.NATIONAL_COORDINATOR, country="PRT")
    plan = plan_services.start_plan(
        actor=coordinator, country=Country.objects.get(alpha3="PRT"), title="P", form="standalone"
    )
    item = ChecklistItem.objects.get(step__number=1, order=2)
    evidence = plan_services.add_checklist_evidence(
        actor=coordinator,
        plan=plan,
        step_number=1,
        item_id=item.pk,
        title="Minutes",
        file=SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf"),
    )
    url = evidence.get_absolute_url()
    assert url == f"/files/plan-evidence/{evidence.pk}/"
    assert client.get(url).status_code == 404  # the plan is private
    client.force_login(make_user(Role.NATIONAL_COORDINATOR, country="KEN"))
    assert client.get(url).status_code == 404
    client.force_login(make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT"))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    page = client.get("/plans/PRT/steps/1/").content.decode()
    assert f'href="{url}"' in page


def test_report_files_only_for_their_requester(client: Any, make_user: Any) -> None:
    from django.core.files.base import ContentFile

    from reports.models import ReportFile, ReportJob

    requester = make_user(Role.ANALYST)
    job = ReportJob.objects.create(kind="country_profile", requested_by=requester)
    report = ReportFile(job=job, name="profile.pdf", format="pdf", size=len(PDF))
    report.file.save("profile.pdf", ContentFile(PDF), save=True)
    url = report.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(make_user(Role.ANALYST))
    assert client.get(url).status_code == 404
    client.force_login(requester)
    response = client.get(url)
    assert response.status_code == 200
    assert 'filename="profile.pdf"' in response["Content-Disposition"]


def test_no_template_or_serializer_links_a_storage_url() -> None:
    """No ``<file field>.url`` (nor a serializer FileField with ``use_url``) in the project."""
    names = "|".join(sorted({name for _model, name in _file_models()}))
    pattern = re.compile(rf"\.({names})\.url\b|use_url\s*=\s*True")
    skipped = {".git", ".venv", "node_modules", "static", "tests", "media"}
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ROOT.iterdir()
        if folder.is_dir() and folder.name not in skipped
        for path in folder.rglob("*")
        if path.suffix in {".html", ".py", ".txt"} and pattern.search(path.read_text())
    ]
    assert offenders == []


def test_api_token_opens_the_guarded_url(
    client: Any, make_user: Any, owner_and_draft_evidence: Any
) -> None:
    from accounts.services import create_api_token

    owner, evidence = owner_and_draft_evidence
    url = evidence.get_absolute_url()
    _token, raw = create_api_token(actor=owner, name="script")
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {raw}").status_code == 200
    assert client.get(url, HTTP_AUTHORIZATION="Token wrong").status_code == 404


def test_api_gives_the_guarded_url_of_an_evidence_file(
    api_client: Any, owner_and_draft_evidence: Any
) -> None:
    owner, evidence = owner_and_draft_evidence
    api_client.force_authenticate(owner)
    body = api_client.get(f"/api/v1/initiatives/{evidence.initiative_id}/").json()
    files = [e["file"] for e in body["evidence"]]
    assert files == [f"http://testserver/files/initiative-evidence/{evidence.pk}/"]
    assert api_client.get(files[0]).status_code == 200
