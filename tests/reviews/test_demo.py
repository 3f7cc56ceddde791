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


def test_demo_data_is_registered_after_accounts():
    from core.demo import loaders

    keys = [loader.key for loader in loaders()]
    assert keys.index("reviews") > keys.index("accounts")
