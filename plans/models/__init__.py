"""Models of national implementation plans, split by part of the plan."""

from .assessment import Consultation, ObjectiveAssessment
from .indicators import Indicator, IndicatorValue
from .kickoff import CoordinationBody, Meeting, Stakeholder
from .measures import BudgetLine, Measure, MeasureObjective, MeasurePrinciple, ProgressUpdate
from .plan import (
    ChecklistEvidence,
    ChecklistProgress,
    ChecklistStatus,
    GuidingQuestionAnswer,
    Plan,
    PlanAxis,
    PlanRevision,
    StepStatus,
)

__all__ = [
    "BudgetLine",
    "ChecklistEvidence",
    "ChecklistProgress",
    "ChecklistStatus",
    "Consultation",
    "CoordinationBody",
    "GuidingQuestionAnswer",
    "Indicator",
    "IndicatorValue",
    "Measure",
    "MeasureObjective",
    "MeasurePrinciple",
    "Meeting",
    "ObjectiveAssessment",
    "Plan",
    "PlanAxis",
    "PlanRevision",
    "ProgressUpdate",
    "Stakeholder",
    "StepStatus",
]
