"""The reviews demo loader: idempotent, with the calendar, pledges and a submission."""

from __future__ import annotations

from accounts import demo as accounts_demo
from reviews import demo
from reviews.models import Pledge, ReviewCycle, Submission


def test_demo_loader_is_idempotent(db):
    accounts_demo.load()
    demo.load()
    demo.load()
    assert ReviewCycle.objects.count() == 18
    assert Pledge.objects.count() == 3
    matching = Pledge.objects.get(form=Pledge.Form.MATCHING)
    assert matching.organisation.name == "Demo Migrant Rights Coalition"
    assert matching.matches.country.alpha3 == "PRT"
    assert Submission.objects.get().status == Submission.Status.SUBMITTED


def test_demo_pledges_and_review_are_flagged_in_api_and_exports(db, api_client):
    from reports.datasets import pledges_dataset

    accounts_demo.load()
    demo.load()
    assert not Pledge.objects.filter(is_demo=False).exists()
    assert Submission.objects.get().is_demo
    pledges = api_client.get("/api/v1/pledges/").json()
    rows = pledges.get("results", pledges)
    assert rows
    assert all(p["is_demo"] for p in rows)
    columns, data = pledges_dataset()
    assert columns[-1] == "demo data"
    assert all(row[-1] == "yes" for row in data)


def test_demo_data_is_registered_after_accounts():
    from core.demo import loaders

    keys = [loader.key for loader in loaders()]
    assert keys.index("reviews") > keys.index("accounts")
