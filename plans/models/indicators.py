"""Indicators (Tool 6, checked with Tool 7) and their values per period."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel

from .plan import Plan

PERIOD_VALIDATOR = RegexValidator(
    r"^(19|20)\d{2}(-(Q[1-4]|S[12]|0[1-9]|1[0-2]))?$",
    _("Use a year (2024), a quarter (2024-Q1), a half-year (2024-S1) or a month (2024-03)."),
)


class Indicator(TimeStampedModel):
    """A plan indicator with the Tool 6 template fields."""

    class Type(models.TextChoices):
        STRUCTURAL = "structural", _("Structural")
        PROCESS = "process", _("Process")
        OUTCOME = "outcome", _("Outcome")

    class Periodicity(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        TWICE_A_YEAR = "twice_a_year", _("Twice a year")
        ANNUAL = "annual", _("Annual")
        BIENNIAL = "biennial", _("Every two years")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("indicator"), max_length=500)
    indicator_type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    is_human_rights = models.BooleanField(_("human rights indicator"), default=False)
    definition = models.TextField(_("definitions"), blank=True)
    international_standards = models.TextField(_("relevant international standards"), blank=True)
    unit = models.CharField(_("unit of measurement"), max_length=255)
    data_source = models.TextField(_("data sources"), blank=True)
    methodology = models.TextField(_("methodology"), blank=True)
    periodicity = models.CharField(_("periodicity"), max_length=12, choices=Periodicity.choices)
    disaggregations = models.ManyToManyField(
        "objectives.DisaggregationDimension",
        blank=True,
        related_name="+",
        verbose_name=_("disaggregations"),
    )
    lead_entity = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lead actor"),
    )
    other_actors = models.TextField(_("other actors"), blank=True)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    target_value = models.DecimalField(
        _("target"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(
        _("target year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    sdg_target = models.ForeignKey(
        "objectives.SDGTarget",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("linked SDG target"),
    )
    objectives = models.ManyToManyField(
        "objectives.Objective", blank=True, related_name="+", verbose_name=_("objectives")
    )
    actions = models.ManyToManyField(
        "objectives.ObjectiveAction", blank=True, related_name="+", verbose_name=_("GCM actions")
    )
    measures = models.ManyToManyField(
        "plans.Measure", blank=True, related_name="indicators", verbose_name=_("measures")
    )
    quality_checks = models.ManyToManyField(
        "objectives.ToolItem",
        blank=True,
        related_name="+",
        verbose_name=_("Tool 7 checks met"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="unique_indicator_code")
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class IndicatorValue(TimeStampedModel):
    """A value of an indicator for a period, in total or for one disaggregation."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        VALIDATED = "validated", _("Validated")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(_("period"), max_length=7, validators=[PERIOD_VALIDATOR])
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    disaggregation = models.JSONField(
        _("disaggregation"),
        default=dict,
        blank=True,
        help_text=_('Dimension code → category, e.g. {"sex": "female"}; empty for the total.'),
    )
    disaggregation_key = models.CharField(max_length=500, blank=True, editable=False)
    source = models.CharField(_("source"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period", "disaggregation_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "disaggregation_key"],
                name="unique_indicator_value",
            )
        ]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period} {self.disaggregation_key}: {self.value}"
