"""Reference data of the GCM framework, loaded from fixtures/reference by load_reference_data."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

OBJECTIVE_COUNT = 23


class Objective(models.Model):
    """One of the 23 GCM objectives; objective n is GCM paragraph n + 16."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(OBJECTIVE_COUNT)],
    )
    title = models.CharField(_("title"), max_length=255)
    short_label = models.CharField(_("short label"), max_length=80)
    paragraph = models.PositiveSmallIntegerField(_("GCM paragraph"))
    description = models.TextField(_("description"), blank=True)
    description_source = models.CharField(
        _("source of the description"), max_length=255, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return f"{self.number}. {self.short_label}"

    def get_absolute_url(self) -> str:
        return reverse("objectives:objective-detail", args=[self.number])


class ObjectiveAction(models.Model):
    """A lettered action of an objective, e.g. 13(h): objective 13, action h, paragraph 29."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    letter = models.CharField(
        _("letter"), max_length=2, validators=[RegexValidator(r"^[a-z]{1,2}$")]
    )
    text = models.TextField(_("text"), blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["objective__number", "letter"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "letter"], name="unique_action_letter")
        ]
        verbose_name = _("objective action")
        verbose_name_plural = _("objective actions")

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        """The citation form, e.g. "13(h)"."""
        return f"{self.objective.number}({self.letter})"

    @property
    def paragraph_reference(self) -> str:
        """The GCM paragraph form, e.g. "29(h)"."""
        return f"{self.objective.paragraph}({self.letter})"

    @property
    def is_resolution_wording(self) -> bool:
        """Whether the text is cited from A/RES/73/195 itself (else its source names the draft)."""
        return self.source.startswith("A/RES/73/195")


class GuidingPrinciple(models.Model):
    """One of the 10 guiding principles, lettered as in GCM paragraph 15."""

    letter = models.CharField(_("para 15 letter"), max_length=1, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    definition = models.TextField(_("definition"), blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    has_approach_guidance = models.BooleanField(_("has approach guidance"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")

    def __str__(self) -> str:
        return self.name

    @property
    def paragraph_reference(self) -> str:
        return f"15({self.letter})"


class ThematicArea(models.Model):
    """A Migration MPTF / UN Network thematic area; the objective mapping is editable data."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=255)
    objectives = models.ManyToManyField(
        Objective, related_name="thematic_areas", blank=True, verbose_name=_("objectives")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")

    def __str__(self) -> str:
        return f"{self.code}: {self.name}"


class ReviewGrouping(models.Model):
    """A grouping of objectives used by one review cycle, e.g. an IMRF 2022 round table."""

    cycle = models.CharField(_("review cycle"), max_length=60)
    code = models.CharField(_("code"), max_length=20)
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=255)
    objectives = models.ManyToManyField(
        Objective, related_name="review_groupings", blank=True, verbose_name=_("objectives")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "code"], name="unique_grouping_per_cycle")
        ]
        verbose_name = _("review grouping")
        verbose_name_plural = _("review groupings")

    def __str__(self) -> str:
        return f"{self.cycle}: {self.name}"


class SDGGoal(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")

    def __str__(self) -> str:
        return f"SDG {self.number}: {self.title}"


class SDGTarget(models.Model):
    goal = models.ForeignKey(SDGGoal, on_delete=models.PROTECT, related_name="targets")
    code = models.CharField(_("code"), max_length=10, unique=True)
    text = models.TextField(_("text"))
    objectives = models.ManyToManyField(
        Objective,
        through="ObjectiveSDGLink",
        related_name="sdg_targets",
        blank=True,
        verbose_name=_("objectives"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["goal__number", "code"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return f"SDG {self.code}"


class ObjectiveSDGLink(models.Model):
    """A link between an objective and an SDG target, with where the link comes from."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE)
    target = models.ForeignKey(SDGTarget, on_delete=models.CASCADE)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["objective", "target"], name="unique_objective_sdg")
        ]
        verbose_name = _("objective–SDG link")
        verbose_name_plural = _("objective–SDG links")

    def __str__(self) -> str:
        return f"{self.objective.number} ↔ {self.target.code}"


class ProcessStep(models.Model):
    """A step of the six-step implementation process (seed 003, Section III)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    purpose = models.TextField(_("purpose"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class StepAction(models.Model):
    step = models.ForeignKey(ProcessStep, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["step__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["step", "number"], name="unique_step_action")
        ]
        verbose_name = _("step action")
        verbose_name_plural = _("step actions")

    def __str__(self) -> str:
        return f"{self.step.number}.{self.number} {self.name}"


class GuidingQuestion(models.Model):
    step = models.ForeignKey(
        ProcessStep, on_delete=models.CASCADE, related_name="guiding_questions"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["step__number", "order"]
        constraints = [
            models.UniqueConstraint(fields=["step", "order"], name="unique_step_question")
        ]
        verbose_name = _("guiding question")
        verbose_name_plural = _("guiding questions")

    def __str__(self) -> str:
        return f"{self.step.number}.{self.order} {self.text[:60]}"


class ChecklistItem(models.Model):
    """An end-of-step checklist item, verbatim; some are ongoing rather than done once."""

    step = models.ForeignKey(ProcessStep, on_delete=models.CASCADE, related_name="checklist_items")
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("text"))
    is_ongoing = models.BooleanField(_("ongoing"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["step__number", "order"]
        constraints = [
            models.UniqueConstraint(fields=["step", "order"], name="unique_step_checklist")
        ]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return f"{self.step.number}.{self.order} {self.text[:60]}"


class Tool(models.Model):
    """One of the guide's 11 numbered tools."""

    class Kind(models.TextChoices):
        LIST = "list", _("List")
        CRITERIA = "criteria", _("Criteria")
        QUESTIONNAIRE = "questionnaire", _("Questionnaire")
        RUBRIC = "rubric", _("Rubric")
        PRINCIPLES = "principles", _("Principles")
        TEMPLATE = "template", _("Template")
        CHECKLIST = "checklist", _("Checklist")

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=255)
    step = models.ForeignKey(ProcessStep, on_delete=models.PROTECT, related_name="tools")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("tool")
        verbose_name_plural = _("tools")

    def __str__(self) -> str:
        return f"Tool {self.number}: {self.name}"


class ToolItem(models.Model):
    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("order"))
    section = models.CharField(_("section"), max_length=255, blank=True)
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["tool__number", "order"]
        constraints = [models.UniqueConstraint(fields=["tool", "order"], name="unique_tool_item")]
        verbose_name = _("tool item")
        verbose_name_plural = _("tool items")

    def __str__(self) -> str:
        return f"Tool {self.tool.number}.{self.order}"


class ReferenceTerm(models.Model):
    """A term of a controlled vocabulary: a stable code and a display name."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class StakeholderCategory(ReferenceTerm):
    """The 16 categories of Tool 1 (List of potential stakeholders)."""

    is_governmental = models.BooleanField(_("governmental"), default=False)
    history = HistoricalRecords()

    class Meta(ReferenceTerm.Meta):
        verbose_name = _("stakeholder category")
        verbose_name_plural = _("stakeholder categories")


class OrganisationType(ReferenceTerm):
    history = HistoricalRecords()

    class Meta(ReferenceTerm.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")


class GovernmentLevel(ReferenceTerm):
    history = HistoricalRecords()

    class Meta(ReferenceTerm.Meta):
        verbose_name = _("government level")
        verbose_name_plural = _("government levels")


class Constituency(ReferenceTerm):
    history = HistoricalRecords()

    class Meta(ReferenceTerm.Meta):
        verbose_name = _("constituency")
        verbose_name_plural = _("constituencies")


class ActivityType(ReferenceTerm):
    history = HistoricalRecords()

    class Meta(ReferenceTerm.Meta):
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")


class DisaggregationDimension(ReferenceTerm):
    is_core = models.BooleanField(_("core dimension"), default=False)
    history = HistoricalRecords()

    class Meta(ReferenceTerm.Meta):
        verbose_name = _("disaggregation dimension")
        verbose_name_plural = _("disaggregation dimensions")
