"""Public pages: status, landmarks, translatable layout, demo data."""

import pytest
from django.core.management import call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/", "/about/", "/objectives/", "/objectives/13/", "/principles/", "/process/", "/health/"],
)
def test_public_pages_answer_anonymous(client, url):
    assert client.get(url).status_code == 200


def test_objective_page_shows_paragraph_area_group_and_sdg(client):
    content = client.get("/objectives/1/").content.decode()
    assert "Collect and utilize accurate and disaggregated data" in content
    assert "17" in content
    assert "TA1" in content
    assert "IMRF 2022" in content
    assert "17.18" in content


def test_unknown_objective_page_is_404(client):
    assert client.get("/objectives/24/").status_code == 404


def test_layout_has_landmarks_skip_link_and_language(client):
    content = client.get("/").content.decode()
    assert '<html lang="en">' in content
    assert 'href="#main"' in content
    assert '<main id="main"' in content
    assert 'aria-label="Main"' in content
    assert 'name="language"' in content
    assert "vendor/htmx.min.js" in content


def test_process_page_lists_all_47_checklist_items(client):
    response = client.get("/process/")
    assert response.content.decode().count("<li>") >= 47 + 47 + 19


@pytest.mark.parametrize("url", ["/objectives/", "/principles/", "/process/"])
def test_reference_pages_query_count_is_fixed(client, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(8):
        client.get(url)


def test_load_demo_data_is_idempotent_and_prints_logins(capsys):
    call_command("load_demo_data")
    first = User.objects.count()
    call_command("load_demo_data")
    assert User.objects.count() == first
    out = capsys.readouterr().out
    assert "coordinator.prt@demo.gcm-tracker.test" in out
    assert "demo-gcm-2026" in out
    assert not User.objects.exclude(email__endswith="@demo.gcm-tracker.test").exists()
