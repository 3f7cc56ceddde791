"""Admin for the reference framework: every table is editable, with history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models as m


class ObjectiveActionInline(admin.TabularInline):
    model = m.ObjectiveAction
    extra = 0


class ObjectiveSDGLinkInline(admin.TabularInline):
    model = m.ObjectiveSDGLink
    extra = 0


@admin.register(m.Objective)
class ObjectiveAdmin(SimpleHistoryAdmin):
    list_display = ["number", "short_label", "title", "paragraph"]
    search_fields = ["title", "short_label"]
    inlines = [ObjectiveActionInline, ObjectiveSDGLinkInline]


@admin.register(m.GuidingPrinciple)
class GuidingPrincipleAdmin(SimpleHistoryAdmin):
    list_display = ["order", "letter", "name", "has_approach_guidance"]


@admin.register(m.ThematicArea)
class ThematicAreaAdmin(SimpleHistoryAdmin):
    list_display = ["number", "code", "name"]
    filter_horizontal = ["objectives"]


@admin.register(m.ReviewGrouping)
class ReviewGroupingAdmin(SimpleHistoryAdmin):
    list_display = ["cycle", "code", "name"]
    list_filter = ["cycle"]
    filter_horizontal = ["objectives"]


@admin.register(m.SDGGoal)
class SDGGoalAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title"]


@admin.register(m.SDGTarget)
class SDGTargetAdmin(SimpleHistoryAdmin):
    list_display = ["code", "goal"]
    search_fields = ["code", "text"]
    inlines = [ObjectiveSDGLinkInline]


class StepActionInline(admin.TabularInline):
    model = m.StepAction
    extra = 0


class GuidingQuestionInline(admin.TabularInline):
    model = m.GuidingQuestion
    extra = 0


class ChecklistItemInline(admin.TabularInline):
    model = m.ChecklistItem
    extra = 0


@admin.register(m.ProcessStep)
class ProcessStepAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name"]
    inlines = [StepActionInline, GuidingQuestionInline, ChecklistItemInline]


class ToolItemInline(admin.TabularInline):
    model = m.ToolItem
    extra = 0


@admin.register(m.Tool)
class ToolAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "step", "kind"]
    inlines = [ToolItemInline]


@admin.register(m.OrganisationType, m.GovernmentLevel, m.Constituency, m.ActivityType)
class ReferenceTermAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "order"]
    search_fields = ["code", "name"]


@admin.register(m.StakeholderCategory)
class StakeholderCategoryAdmin(ReferenceTermAdmin):
    list_display = ["order", "code", "name", "is_governmental"]


@admin.register(m.DisaggregationDimension)
class DisaggregationDimensionAdmin(ReferenceTermAdmin):
    list_display = ["order", "code", "name", "is_core"]
