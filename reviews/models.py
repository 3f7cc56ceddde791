"""Review cycles (regional reviews, IMRF), submissions and pledges."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel

# --- review cycles ------------------------------------------------------------------------------


class ReviewCycleQuerySet(models.QuerySet["ReviewCycle"]):
    def regional(self) -> ReviewCycleQuerySet:
        return self.filter(kind=ReviewCycle.Kind.REGIONAL)

    def imrf(self) -> ReviewCycleQuerySet:
        return self.filter(kind=ReviewCycle.Kind.IMRF)


class ReviewCycle(TimeStampedModel):
    """A regional review round in one review region, or an IMRF edition.

    Regional rounds run every four years from 2020 (2020-2021, 2024-2025, 2028-2029); IMRF
    editions every four years from 2022. Each IMRF ends in a Progress Declaration.
    """

    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regional review")
        IMRF = "imrf", _("International Migration Review Forum")

    code = models.SlugField(_("code"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    review_region = models.ForeignKey(
        "countries.ReviewRegion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_cycles",
        verbose_name=_("review region"),
    )
    title = models.CharField(_("title"), max_length=255)
    year_start = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2018), MaxValueValidator(2100)]
    )
    year_end = models.PositiveSmallIntegerField(
        _("last year"), validators=[MinValueValidator(2018), MaxValueValidator(2100)]
    )
    starts_on = models.DateField(_("meeting starts"), null=True, blank=True)
    ends_on = models.DateField(_("meeting ends"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    organisers = models.TextField(
        _("organisers"),
        blank=True,
        help_text=_("The organising commission or process, one per line."),
    )
    co_facilitators = models.TextField(
        _("co-facilitators"), blank=True, help_text=_("One per line.")
    )
    submissions_open_on = models.DateField(_("submissions open"), null=True, blank=True)
    submissions_close_on = models.DateField(_("submissions close"), null=True, blank=True)
    grouping_cycle = models.CharField(
        _("round-table grouping"),
        max_length=60,
        blank=True,
        help_text=_("The review grouping set used by this cycle, e.g. “IMRF 2022”."),
    )
    outcome_reference = models.CharField(
        _("outcome document"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the Progress Declaration's General Assembly resolution symbol."),
    )
    outcome_url = models.URLField(_("outcome link"), blank=True)
    outcome_commitments = models.TextField(
        _("outcome commitments"), blank=True, help_text=_("One commitment per line.")
    )
    outcome_adopted_on = models.DateField(
        _("outcome adopted on"),
        null=True,
        blank=True,
        help_text=_("E.g. the day the General Assembly endorsed the Progress Declaration."),
    )
    related_events = models.TextField(
        _("related events"),
        blank=True,
        help_text=_(
            "Hearings, consultations and what is not yet known, one per line "
            "(“2022-05-16: informal multi-stakeholder hearing”)."
        ),
    )
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    objects = ReviewCycleQuerySet.as_manager()

    class Meta:
        ordering = ["year_start", "kind", "review_region__code"]
        constraints = [
            models.CheckConstraint(
                name="regional_cycle_has_region",
                condition=(Q(kind="regional") & Q(review_region__isnull=False))
                | (Q(kind="imrf") & Q(review_region__isnull=True)),
            ),
            models.CheckConstraint(
                name="cycle_years_in_order", condition=Q(year_end__gte=models.F("year_start"))
            ),
        ]
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:cycle-detail", args=[self.code])

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.kind == self.Kind.REGIONAL and self.review_region_id is None:
            errors["review_region"] = str(_("A regional review needs its review region."))
        if self.kind == self.Kind.IMRF and self.review_region_id is not None:
            errors["review_region"] = str(_("An IMRF edition is global: leave the region empty."))
        if self.year_start and self.year_end and self.year_end < self.year_start:
            errors["year_end"] = str(_("The last year cannot be before the first year."))
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = str(_("The meeting cannot end before it starts."))
        if (
            self.submissions_open_on
            and self.submissions_close_on
            and self.submissions_close_on < self.submissions_open_on
        ):
            errors["submissions_close_on"] = str(
                _("The submission window cannot close before it opens.")
            )
        if bool(self.submissions_open_on) != bool(self.submissions_close_on):
            errors["submissions_close_on"] = str(
                _("Give both the opening and the closing date of the submission window.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def years_label(self) -> str:
        if self.year_start == self.year_end:
            return str(self.year_start)
        return f"{self.year_start}\u2013{self.year_end}"

    def is_open_on(self, day: datetime.date) -> bool:
        return bool(
            self.submissions_open_on
            and self.submissions_close_on
            and self.submissions_open_on <= day <= self.submissions_close_on
        )

    @property
    def is_open(self) -> bool:
        return self.is_open_on(timezone.localdate())

    @property
    def report_params(self) -> dict[str, str]:
        """The parameters of this cycle's synthesis report."""
        if self.review_region_id is not None and self.review_region is not None:
            return {"region": self.review_region.code, "cycle": self.code}
        return {"cycle": self.code}

    @property
    def commitments(self) -> list[str]:
        return [line.strip() for line in self.outcome_commitments.splitlines() if line.strip()]

    @property
    def organiser_list(self) -> list[str]:
        return [line.strip() for line in self.organisers.splitlines() if line.strip()]

    @property
    def co_facilitator_list(self) -> list[str]:
        return [line.strip() for line in self.co_facilitators.splitlines() if line.strip()]


# --- submissions --------------------------------------------------------------------------------


class Submission(TimeStampedModel):
    """A country's voluntary GCM review, or a stakeholder organisation's input, to a cycle."""

    class Kind(models.TextChoices):
        VOLUNTARY_REVIEW = "voluntary_review", _("Voluntary GCM review")
        STAKEHOLDER_INPUT = "stakeholder_input", _("Stakeholder input")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    cycle = models.ForeignKey(
        ReviewCycle,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("review cycle"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_submissions",
        verbose_name=_("country"),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_submissions",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"))
    progress = models.TextField(_("progress made"), blank=True)
    good_practices = models.TextField(_("good practices"), blank=True)
    challenges = models.TextField(_("challenges and lessons learned"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    objectives = models.ManyToManyField(
        "objectives.Objective",
        related_name="review_submissions",
        blank=True,
        verbose_name=_("objectives covered"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Illustrative record loaded by the demo; shown with a “Demo data” badge."),
    )
    history = HistoricalRecords(m2m_fields=[objectives])

    class Meta:
        ordering = ["-cycle__year_start", "cycle__code", "kind", "title"]
        constraints = [
            models.CheckConstraint(
                name="submission_has_one_author",
                condition=(
                    Q(kind="voluntary_review")
                    & Q(country__isnull=False)
                    & Q(organisation__isnull=True)
                )
                | (
                    Q(kind="stakeholder_input")
                    & Q(organisation__isnull=False)
                    & Q(country__isnull=True)
                ),
            ),
            models.UniqueConstraint(
                fields=["cycle", "country"],
                condition=Q(kind="voluntary_review"),
                name="one_voluntary_review_per_country_and_cycle",
            ),
        ]
        verbose_name = _("review submission")
        verbose_name_plural = _("review submissions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:submission-detail", args=[self.pk])

    @property
    def author(self) -> object:
        return self.country if self.kind == self.Kind.VOLUNTARY_REVIEW else self.organisation


class SubmissionAttachment(TimeStampedModel):
    """A file attached to a submission (checked by core.uploads.validate_upload)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="reviews/submissions/%Y/")
    name = models.CharField(_("name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("submission attachment")
        verbose_name_plural = _("submission attachments")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reviews:submission-attachment", args=[self.submission_id, self.pk])


# --- pledges ------------------------------------------------------------------------------------


class Pledge(TimeStampedModel):
    """A measurable commitment by a State or a stakeholder to advance objectives or principles."""

    class Type(models.TextChoices):
        FINANCIAL = "financial", _("Financial")
        HUMAN_RESOURCE = "human_resource", _("Human resource")
        PROCESS = "process_oriented", _("Process-oriented")
        POLICY = "policy_oriented", _("Policy-oriented")

    class Form(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual pledge")
        COMMON = "common", _("Common pledge")
        PARTNERSHIP = "partnership", _("Pledge in partnership")
        MATCHING = "matching", _("Matching pledge")

    class Status(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        IN_PROGRESS = "in_progress", _("In progress")
        FULFILLED = "fulfilled", _("Fulfilled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"))
    pledge_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    form = models.CharField(_("form"), max_length=20, choices=Form.choices, default=Form.INDIVIDUAL)
    matches = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="matched_by",
        verbose_name=_("matches pledge"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
        verbose_name=_("pledging country"),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
        verbose_name=_("pledging organisation"),
    )
    partner_countries = models.ManyToManyField(
        "countries.Country", related_name="partner_pledges", blank=True
    )
    partner_organisations = models.ManyToManyField(
        "accounts.Organisation", related_name="partner_pledges", blank=True
    )
    cycle = models.ForeignKey(
        ReviewCycle,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
        verbose_name=_("announced at"),
    )
    objectives = models.ManyToManyField("objectives.Objective", related_name="pledges", blank=True)
    principles = models.ManyToManyField(
        "objectives.GuidingPrinciple", related_name="pledges", blank=True
    )
    target = models.TextField(_("measurable target"))
    deadline = models.DateField(_("deadline"))
    amount = models.DecimalField(
        _("amount"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.PLEDGED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Illustrative record loaded by the demo; shown with a “Demo data” badge."),
    )
    history = HistoricalRecords(m2m_fields=[objectives, principles])

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="pledge_has_one_entity",
                condition=(Q(country__isnull=False) & Q(organisation__isnull=True))
                | (Q(country__isnull=True) & Q(organisation__isnull=False)),
            ),
            models.CheckConstraint(
                name="matching_pledge_names_its_match",
                condition=(Q(form="matching") & Q(matches__isnull=False))
                | (~Q(form="matching") & Q(matches__isnull=True)),
            ),
            models.CheckConstraint(
                name="pledge_amount_has_currency",
                condition=Q(amount__isnull=True) | ~Q(currency=""),
            ),
        ]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:pledge-detail", args=[self.pk])

    @property
    def entity(self) -> object:
        return self.country or self.organisation


class PledgeUpdate(TimeStampedModel):
    """A status update on a pledge, posted by its entity."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=15, choices=Pledge.Status.choices)
    note = models.TextField(_("what happened"))
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pledge update")
        verbose_name_plural = _("pledge updates")

    def __str__(self) -> str:
        return f"{self.pledge} \u2013 {self.get_status_display()}"
