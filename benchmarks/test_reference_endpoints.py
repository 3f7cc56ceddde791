"""Speed of the hot public reference reads (measured, never asserted)."""

import pytest

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]


def test_bench_country_list_full_page(benchmark, api_client):
    response = benchmark(api_client.get, "/api/v1/countries/", {"page_size": 200})
    assert response.status_code == 200


def test_bench_objective_detail(benchmark, api_client):
    response = benchmark(api_client.get, "/api/v1/objectives/13/")
    assert response.status_code == 200


def test_bench_country_profile_page(benchmark, client):
    response = benchmark(client.get, "/countries/PRT/")
    assert response.status_code == 200
