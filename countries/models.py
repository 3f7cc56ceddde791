"""Countries and the regions they belong to."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class M49Region(models.Model):
    """A region of the UN M49 standard (Africa, Americas, Asia, Europe, Oceania)."""

    code = models.CharField(_("M49 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=120)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("M49 region")
        verbose_name_plural = _("M49 regions")

    def __str__(self) -> str:
        return self.name


class M49SubRegion(models.Model):
    code = models.CharField(_("M49 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=120)
    region = models.ForeignKey(M49Region, on_delete=models.PROTECT, related_name="subregions")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("M49 sub-region")
        verbose_name_plural = _("M49 sub-regions")

    def __str__(self) -> str:
        return self.name


class ReviewRegion(models.Model):
    """A UN regional economic commission area, in which regional GCM reviews are held."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("review region")
        verbose_name_plural = _("review regions")

    def __str__(self) -> str:
        return self.code


class Country(models.Model):
    """A UN Member State or observer State."""

    class UNStatus(models.TextChoices):
        MEMBER = "member", _("Member State")
        OBSERVER = "observer", _("Observer State")

    alpha2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True)
    alpha3 = models.CharField(_("ISO alpha-3"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO numeric / M49"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)
    official_name = models.CharField(_("official name"), max_length=255, blank=True)
    un_status = models.CharField(_("UN status"), max_length=10, choices=UNStatus.choices)
    m49_region = models.ForeignKey(
        M49Region, on_delete=models.PROTECT, related_name="countries", verbose_name=_("region")
    )
    m49_subregion = models.ForeignKey(
        M49SubRegion,
        on_delete=models.PROTECT,
        related_name="countries",
        verbose_name=_("sub-region"),
    )
    review_regions = models.ManyToManyField(
        ReviewRegion,
        through="CommissionMembership",
        related_name="countries",
        verbose_name=_("review regions"),
        help_text=_("Every commission the country is a member of, regional or not."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("countries:country-detail", args=[self.alpha3])


class CommissionMembership(models.Model):
    """A country's membership of a UN regional commission, with where the fact comes from.

    Non-regional members (e.g. France in ESCAP and ECLAC) take part in that commission's work,
    including its regional GCM review, but regional mappings count regional members only.
    """

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="commission_memberships"
    )
    review_region = models.ForeignKey(
        ReviewRegion,
        on_delete=models.CASCADE,
        related_name="country_memberships",
        db_column="reviewregion_id",
        verbose_name=_("review region"),
    )
    is_regional = models.BooleanField(
        _("regional member"),
        default=True,
        help_text=_("Unticked for a non-regional member (a State outside the region)."),
    )
    as_of = models.DateField(_("as of"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        db_table = "countries_country_review_regions"
        ordering = ["review_region__code", "-is_regional", "country__name"]
        verbose_name = _("commission membership")
        verbose_name_plural = _("commission memberships")

    def __str__(self) -> str:
        return f"{self.country} – {self.review_region}"


class CountryDesignation(models.Model):
    """A designation that holds from a date, e.g. GCM champion country as of October 2020."""

    class Kind(models.TextChoices):
        CHAMPION = "champion", _("GCM champion country")

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="designations")
    designation = models.CharField(_("designation"), max_length=30, choices=Kind.choices)
    as_of = models.DateField(_("as of"))
    source = models.CharField(_("source"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country__name", "as_of"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "designation", "as_of"], name="unique_country_designation"
            )
        ]
        verbose_name = _("country designation")
        verbose_name_plural = _("country designations")

    def __str__(self) -> str:
        return f"{self.country} – {self.get_designation_display()} ({self.as_of:%Y-%m-%d})"
