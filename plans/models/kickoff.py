"""Step 1 (kick-off): the stakeholder map and the institutional set-up."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel

from .plan import Plan


class Stakeholder(TimeStampedModel):
    """An organisation or government entity mapped with Tool 1 and Action 1-2 attributes."""

    class Engagement(models.TextChoices):
        CONSULTATIONS = "consultations", _("Consultations")
        MEETINGS = "meetings", _("Meetings")
        PARTNERSHIP = "partnership", _("Partnership")
        JOINT_PLANS = "joint_plans", _("Joint plans, statements and communications")
        LISTENING = "listening", _("Listening sessions")
        DIALOGUES = "dialogues", _("Dialogues")
        ADVISORY_BOARD = "advisory_board", _("Advisory board")
        WORKING_GROUP = "working_group", _("Seat in working groups and committees")
        NOT_YET = "not_yet", _("Not yet engaged")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="stakeholders")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation or government entity"),
    )
    name = models.CharField(
        _("name"),
        max_length=255,
        blank=True,
        help_text=_("For a group that is not a registered organisation, e.g. “migrant women”."),
    )
    category = models.ForeignKey(
        "objectives.StakeholderCategory",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Tool 1 category"),
    )
    government_level = models.ForeignKey(
        "objectives.GovernmentLevel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("level of government"),
    )
    is_government_entity = models.BooleanField(_("government entity"), default=False)
    role_and_interest = models.TextField(_("role and interest"), blank=True)
    conflicts_of_interest = models.TextField(_("potential conflicts of interest"), blank=True)
    engagement = models.CharField(
        _("how they are engaged"),
        max_length=20,
        choices=Engagement.choices,
        default=Engagement.NOT_YET,
    )
    engagement_notes = models.TextField(_("engagement notes"), blank=True)
    under_represented_groups = models.ManyToManyField(
        "objectives.Constituency",
        blank=True,
        related_name="+",
        verbose_name=_("under-represented groups represented"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "category__order", "name"]
        constraints = [
            models.CheckConstraint(
                name="stakeholder_has_org_or_name",
                condition=Q(organisation__isnull=False) | ~Q(name=""),
            )
        ]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self) -> str:
        return str(self.organisation) if self.organisation_id else self.name


class CoordinationBody(TimeStampedModel):
    """The institutional set-up (Step 1, Action 3): an existing body or a new one."""

    class SetUp(models.TextChoices):
        EXISTING = "existing", _("Existing body assigned")
        NEW = "new", _("New dedicated body")

    class BodyRole(models.TextChoices):
        LEAD = "lead", _("Leads implementation")
        CONSULTATIVE = "consultative", _("Consultative")
        OVERSIGHT = "oversight", _("Oversees implementation")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        TWICE_A_YEAR = "twice_a_year", _("Twice a year")
        YEARLY = "yearly", _("Yearly")
        AD_HOC = "ad_hoc", _("As needed")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="bodies")
    name = models.CharField(_("name"), max_length=255)
    set_up = models.CharField(_("set-up"), max_length=10, choices=SetUp.choices)
    body_role = models.CharField(
        _("role"), max_length=12, choices=BodyRole.choices, default=BodyRole.LEAD
    )
    lead_entity = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lead entity"),
    )
    members = models.ManyToManyField(
        "accounts.Organisation", blank=True, related_name="+", verbose_name=_("members")
    )
    other_members = models.TextField(
        _("other members"), blank=True, help_text=_("Members that are not organisations.")
    )
    terms_of_reference = models.TextField(_("terms of reference"), blank=True)
    terms_of_reference_url = models.URLField(_("terms of reference (link)"), blank=True)
    meeting_frequency = models.CharField(
        _("meeting frequency"), max_length=12, choices=Frequency.choices, blank=True
    )
    established_on = models.DateField(_("established on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "name"]
        verbose_name = _("coordination body")
        verbose_name_plural = _("coordination bodies")

    def __str__(self) -> str:
        return self.name


class Meeting(TimeStampedModel):
    """A meeting of a coordination body with its decisions."""

    body = models.ForeignKey(CoordinationBody, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "-date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.body} {self.date}"
