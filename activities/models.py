"""National implementation activities: what a country did to implement the GCM, with its source."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel

# The GCM was adopted in Marrakech on 10 December 2018 and endorsed by the General Assembly
# (resolution 73/195) on 19 December 2018.
GCM_ADOPTED = dt.date(2018, 12, 10)
GCM_ENDORSED = dt.date(2018, 12, 19)


class Kind(models.TextChoices):
    """Kinds of action: seed 000's "Type of action" column, plus policy for seed 004's examples."""

    COORDINATION = "coordination", _("Coordination mechanism")
    MEETING = "meeting", _("Meeting or consultation")
    FUNDING = "funding", _("Funding")
    MEASUREMENT = "measurement", _("Measurement and data")
    IMPLEMENTATION_PLAN = "implementation_plan", _("Implementation plan")
    PROJECT = "project", _("Project or programme")
    POLICY = "policy", _("Policy or legislation")


class InitiatorType(models.TextChoices):
    """Who started the activity (seed 000's initiator types); blank means the source says not."""

    GOVERNMENT = "government", _("Government")
    UN = "un", _("United Nations")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    LOCAL_GOVERNMENT = "local_government", _("City or local government")
    ACADEMIA = "academia", _("Academia")
    JOINT = "joint", _("Joint or multi-stakeholder")
    OTHER = "other", pgettext_lazy("initiator type", "Other")


class SourceDocument(models.TextChoices):
    MMC_2019_ANNEX = "mmc_2019_annex", _("Mixed Migration Centre mapping report 2019")
    SG_REPORT_2020 = "sg_report_2020", _("Secretary-General's report on the GCM 2020 (A/75/542)")
    OTHER = "other", _("Other source")


class AnnexRegion(models.TextChoices):
    """The region tables of seed 000's Annex 2, in the annex's order."""

    GLOBAL = "Global", _("Global")
    ASIA = "Asia", _("Asia")
    EUROPE = "Europe", _("Europe")
    LATIN_AMERICA = "Latin America", _("Latin America")
    AFRICA = "Africa", _("Africa")
    MENA = "MENA", _("Middle East and North Africa")


class NationalActivity(TimeStampedModel):
    """One activity as a source reports it: who did what, where and when, and where it says so."""

    key = models.SlugField(
        _("reference key"),
        max_length=80,
        unique=True,
        help_text=_("A stable identifier; imports and the reference loader match rows on it."),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="national_activities",
        verbose_name=_("country"),
    )
    place = models.CharField(
        _("place as printed"),
        max_length=120,
        blank=True,
        help_text=_("The country or region as the source prints it (e.g. “Pacific Islands*”)."),
    )
    regional_scope = models.BooleanField(_("regional scope"), default=False)
    kind = models.CharField(_("kind of action"), max_length=30, choices=Kind.choices)
    type_of_action = models.CharField(_("type of action as printed"), max_length=120, blank=True)
    initiator_type = models.CharField(
        _("initiator type"), max_length=30, choices=InitiatorType.choices, blank=True
    )
    initiator = models.CharField(_("initiator"), max_length=300, blank=True)
    objectives = models.ManyToManyField(
        "objectives.Objective",
        blank=True,
        related_name="national_activities",
        verbose_name=_("objectives"),
        help_text=_("Only the objectives the source names."),
    )
    thematic_area = models.ForeignKey(
        "objectives.ThematicArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="national_activities",
        verbose_name=_("thematic area"),
    )
    description = models.TextField(_("description"))
    condensed = models.BooleanField(
        _("condensed"),
        default=False,
        help_text=_("The description leaves out part of the source's wording, shown as […]."),
    )
    date_text = models.CharField(
        _("date as given"), max_length=60, blank=True, help_text=_("e.g. “26-27 August 2019”.")
    )
    date = models.DateField(_("date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    predates_gcm = models.BooleanField(
        _("predates the GCM"),
        default=False,
        help_text=_("The source says it began before the GCM (adopted 10 December 2018)."),
    )
    source_document = models.CharField(
        _("source document"), max_length=30, choices=SourceDocument.choices
    )
    source_reference = models.CharField(
        _("source reference"),
        max_length=300,
        help_text=_("Where in the document: page, paragraph, section or annex row."),
    )
    info_source = models.CharField(_("source cited by the document"), max_length=300, blank=True)
    annex_region = models.CharField(
        _("annex region"), max_length=20, choices=AnnexRegion.choices, blank=True
    )
    annex_row = models.PositiveSmallIntegerField(_("annex row"), null=True, blank=True)
    order = models.PositiveIntegerField(_("order in the source"), default=0)
    note = models.TextField(_("transcription note"), blank=True)
    published = models.BooleanField(_("published"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source_document", "order", "pk"]
        indexes = [models.Index(fields=["source_document", "order"])]
        verbose_name = _("national implementation activity")
        verbose_name_plural = _("national implementation activities")

    def __str__(self) -> str:
        where = self.country.name if self.country_id and self.country else self.place
        return f"{where}: {self.description[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", args=[self.pk])

    @property
    def where(self) -> str:
        """The country's name, or the place as printed when no single country is linked."""
        return self.country.name if self.country_id and self.country else self.place

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if not self.country_id and not self.place.strip():
            errors["country"] = _("Choose a country, or give the place as the source prints it.")
        if self.date and self.year and self.date.year != self.year:
            errors["year"] = _("The year must be the date's year.")
        if self.date and not self.year:
            self.year = self.date.year
        if self.predates_gcm and self.date and self.date >= GCM_ENDORSED:
            errors["predates_gcm"] = _(
                "An activity dated on or after 19 December 2018 cannot predate the GCM."
            )
        if errors:
            raise ValidationError(errors)
