"""The home page's figures come from the apps that own them (core imports none of them)."""

import pytest

from core.home import home_figures
from countries.models import Country

pytestmark = pytest.mark.django_db


def test_objectives_and_countries_register_their_home_figures():
    assert home_figures() == {
        "objective_count": 23,
        "principle_count": 10,
        "country_count": Country.objects.count(),
    }


def test_home_page_shows_the_registered_figures(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        text = client.get("/").content.decode()
    assert "23 objectives" in text
    assert "10 guiding principles" in text
    assert f"{Country.objects.count()} countries" in text
