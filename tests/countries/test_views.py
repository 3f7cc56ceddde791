"""Country list and profile pages."""

import pytest

from countries import profile

pytestmark = pytest.mark.django_db


def test_country_list_page_lists_all_countries(client):
    response = client.get("/countries/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 195
    assert b"Portugal" in response.content


def test_country_list_filters_by_review_region_and_search(client):
    response = client.get("/countries/", {"review_region": "ESCWA"})
    names = {c.alpha3 for c in response.context["countries"]}
    assert "MAR" in names
    assert "PRT" not in names
    response = client.get("/countries/", {"q": "portu"})
    assert [c.alpha3 for c in response.context["countries"]] == ["PRT"]


def test_country_list_filters_champions(client):
    response = client.get("/countries/", {"champion": "true"})
    # the 14 of October 2020 and Iraq (February 2021); Thailand's later record is not a 2nd row
    assert response.context["page"].paginator.count == 15


def test_country_list_bad_filter_is_a_400_with_a_message(client):
    response = client.get("/countries/", {"region": "999"})
    assert response.status_code == 400
    assert b"Select a valid choice" in response.content


@pytest.mark.parametrize("region", ["", "150", "002"])
def test_country_list_page_query_count_is_fixed(client, django_assert_max_num_queries, region):
    # session/user are anonymous: count, page, review regions, plus the filter form's choices
    with django_assert_max_num_queries(8):
        response = client.get("/countries/", {"region": region} if region else {})
    assert response.status_code == 200


def test_country_profile_page(client):
    response = client.get("/countries/PRT/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Portugal" in content
    assert "GCM champion country" in content
    assert "Economic Commission for Europe" in content


def test_country_profile_accepts_lowercase_and_404s_on_unknown(client):
    assert client.get("/countries/mar/").status_code == 200
    response = client.get("/countries/ZZZ/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_profile_sections_registered_by_apps_are_rendered(client, settings, tmp_path):
    template_dir = tmp_path / "templates"
    (template_dir / "t").mkdir(parents=True)
    (template_dir / "t" / "section.html").write_text("<section>Seen by {{ section.who }}</section>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], template_dir]}
    ]
    profile.register_section(
        key="test-section",
        order=999,
        template="t/section.html",
        context=lambda country, user: {"who": "anonymous" if user.is_anonymous else user.email},
    )
    try:
        response = client.get("/countries/PRT/")
        assert b"Seen by anonymous" in response.content
    finally:
        profile._sections.pop("test-section")
