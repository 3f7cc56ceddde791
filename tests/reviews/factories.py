"""Factories for the reviews tests."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from countries.models import Country, ReviewRegion
from reviews.models import Pledge, ReviewCycle, Submission


class OpenCycleFactory(factory.django.DjangoModelFactory):
    """A regional cycle of ECE whose submission window is open today."""

    class Meta:
        model = ReviewCycle

    code = factory.Sequence(lambda n: f"test-cycle-{n}")
    kind = ReviewCycle.Kind.REGIONAL
    review_region = factory.LazyFunction(lambda: ReviewRegion.objects.get(code="ECE"))
    title = factory.Sequence(lambda n: f"Test regional review {n}")
    year_start = 2028
    year_end = 2029
    submissions_open_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=10)
    )
    submissions_close_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=10)
    )


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    cycle = factory.SubFactory(OpenCycleFactory)
    kind = Submission.Kind.VOLUNTARY_REVIEW
    country = factory.LazyFunction(lambda: Country.objects.get(alpha3="PRT"))
    organisation = None
    title = factory.Sequence(lambda n: f"Submission {n}")
    summary = "A summary."


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Pledge {n}")
    description = "A pledge."
    pledge_type = Pledge.Type.POLICY
    form = Pledge.Form.INDIVIDUAL
    country = factory.LazyFunction(lambda: Country.objects.get(alpha3="PRT"))
    organisation = None
    target = "A measurable target"
    deadline = datetime.date(2027, 12, 31)

    @factory.post_generation
    def objectives(self, create: bool, extracted: list[int] | None, **_kwargs: object) -> None:
        from objectives.models import Objective

        if create:
            self.objectives.set(Objective.objects.filter(number__in=extracted or [1]))
