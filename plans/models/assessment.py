"""Step 2 (needs assessment): consultations and the Tool 4 assessment of every objective."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel

from .plan import Plan

# The five Tool 4 principles, scored 1 (low) to 5 (high) for each objective.
RUBRIC_FIELDS = ("applicability", "linkages", "impact", "future_relevance", "constraints")


def _score(label: object, help_text: object) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,  # type: ignore[arg-type]
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=help_text,  # type: ignore[arg-type]
    )


class Consultation(TimeStampedModel):
    """A multi-level, multi-stakeholder consultation, e.g. the validation workshop."""

    class Purpose(models.TextChoices):
        NEEDS_ASSESSMENT = "needs_assessment", _("Needs assessment")
        VALIDATION_WORKSHOP = "validation_workshop", _("Validation workshop")
        BRAINSTORM = "brainstorm", _("Brainstorm on interventions")
        PLAN_REVIEW = "plan_review", _("Review of the action plan")
        RESOURCE_MOBILISATION = "resource_mobilisation", _("Bilateral resource mobilisation")
        MONITORING = "monitoring", _("Monitoring and evaluation")
        OTHER = "other", _("Other")

    class Focus(models.TextChoices):
        OBJECTIVES = "objectives", _("GCM objectives")
        THEMATIC = "thematic", _("Thematic")
        COMBINED = "combined", _("Combined")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        WRITTEN = "written", _("Written feedback")
        SURVEY = "survey", _("Survey")
        MIXED = "mixed", _("Mixed")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="consultations")
    step = models.ForeignKey(
        "objectives.ProcessStep", on_delete=models.PROTECT, related_name="+", verbose_name=_("step")
    )
    title = models.CharField(_("title"), max_length=255)
    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices)
    date = models.DateField(_("date"))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    focus = models.CharField(_("focus"), max_length=12, choices=Focus.choices, blank=True)
    objectives = models.ManyToManyField(
        "objectives.Objective", blank=True, related_name="+", verbose_name=_("objectives discussed")
    )
    criteria_met = models.ManyToManyField(
        "objectives.ToolItem",
        blank=True,
        related_name="+",
        verbose_name=_("Tool 2 criteria met"),
    )
    participants = models.ManyToManyField(
        "accounts.Organisation", blank=True, related_name="+", verbose_name=_("participants")
    )
    participant_count = models.PositiveIntegerField(_("number of participants"), default=0)
    participants_notes = models.TextField(
        _("who took part"), blank=True, help_text=_("Groups represented; no personal data.")
    )
    synthesis = models.TextField(_("synthesis"), blank=True)
    shared_back = models.BooleanField(_("synthesis shared with participants"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-date"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return f"{self.title} ({self.date})"


class ObjectiveAssessment(TimeStampedModel):
    """The Tool 4 assessment of one GCM objective; every one of the 23 is assessed."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assessments")
    objective = models.ForeignKey(
        "objectives.Objective", on_delete=models.PROTECT, related_name="+"
    )
    applicability = _score(
        _("applicability"), _("Relevance to national and sub-national contexts.")
    )
    linkages = _score(
        _("linkages"), _("Links to CCAs, UNSDCFs, the 2030 Agenda and national reporting.")
    )
    impact = _score(_("impact"), _("Positive impact against difficulty; synergies, trade-offs."))
    future_relevance = _score(_("future relevance"), _("Relevance in 5 to 10 year scenarios."))
    constraints = _score(
        _("constraint recognition"), _("Realistic ability given challenges (5 = few constraints).")
    )
    notes = models.TextField(_("notes"), blank=True)
    selected = models.BooleanField(_("selected for immediate action"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "objective__number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "objective"], name="unique_plan_assessment")
        ]
        verbose_name = _("objective assessment")
        verbose_name_plural = _("objective assessments")

    def __str__(self) -> str:
        return f"{self.plan} - {self.objective}"

    @property
    def total_score(self) -> int:
        return sum(getattr(self, f) for f in RUBRIC_FIELDS)
