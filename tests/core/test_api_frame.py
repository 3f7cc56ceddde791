"""The API frame: error format, default deny, JSON 404s; the upload checks."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIRequestFactory

from core.api.errors import exception_handler
from core.errors import DomainError
from core.uploads import validate_upload


def test_domain_error_renders_as_400_with_field_errors():
    response = exception_handler(DomainError("Too early.", field="end_date"), {})
    assert response.status_code == 400
    assert response.data == {
        "detail": "Too early.",
        "code": "invalid",
        "errors": {"end_date": ["Too early."]},
    }


def test_django_validation_error_renders_as_400():
    exc = ValidationError({"amount": ["Must be positive."]})
    response = exception_handler(exc, {})
    assert response.status_code == 400
    assert response.data["errors"] == {"amount": ["Must be positive."]}


def test_domain_error_goes_onto_the_form_field():
    from django import forms

    class F(forms.Form):
        title = forms.CharField()

    form = F({"title": "x"})
    assert form.is_valid()
    DomainError(errors={"title": ["Taken."], "other": ["General."]}).add_to_form(form)
    assert form.errors["title"] == ["Taken."]
    assert form.non_field_errors() == ["General."]


@pytest.mark.django_db
def test_unknown_api_url_is_a_json_404(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found", "errors": {}}


@pytest.mark.django_db
def test_unknown_page_is_an_html_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_default_permission_denies():
    from django.conf import settings

    assert settings.REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"] == [
        "rest_framework.permissions.IsAdminUser"
    ]
    assert APIRequestFactory  # the API views each name their permission explicitly


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def test_upload_accepts_a_real_pdf():
    validate_upload(_upload("report.pdf", b"%PDF-1.7\n..."))


def test_upload_rejects_oversized_files(settings):
    upload = _upload("report.pdf", b"%PDF-1.7\n")
    upload.size = 200 * 1024 * 1024  # a 200 MB upload, without allocating it
    with pytest.raises(ValidationError, match="too large"):
        validate_upload(upload)


def test_upload_rejects_unknown_types():
    with pytest.raises(ValidationError, match="not accepted"):
        validate_upload(_upload("run.exe", b"MZ\x90\x00"))


def test_upload_rejects_content_that_does_not_match_the_extension():
    with pytest.raises(ValidationError, match="does not match"):
        validate_upload(_upload("report.pdf", b"<html>not a pdf</html>"))


def test_upload_rejects_binary_csv():
    with pytest.raises(ValidationError):
        validate_upload(_upload("data.csv", b"\xff\xfe\x00\x00binary"), allowed=[".csv"])


def test_upload_accepts_utf8_csv():
    validate_upload(_upload("data.csv", "name,country\nÉcole,Côte d'Ivoire\n".encode()))
