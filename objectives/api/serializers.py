"""Output serializers of the reference framework."""

from rest_framework import serializers

from objectives.models import (
    ChecklistItem,
    GuidingPrinciple,
    GuidingQuestion,
    Objective,
    ObjectiveAction,
    ObjectiveSDGLink,
    ProcessStep,
    SDGGoal,
    SDGTarget,
    StepAction,
    ThematicArea,
    Tool,
    ToolItem,
)


class ObjectiveActionSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    paragraph_reference = serializers.CharField(read_only=True)

    class Meta:
        model = ObjectiveAction
        fields = ["letter", "reference", "paragraph_reference", "text", "source"]


class ObjectiveListSerializer(serializers.ModelSerializer):
    thematic_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    review_groupings = serializers.SerializerMethodField()

    class Meta:
        model = Objective
        fields = [
            "number",
            "title",
            "short_label",
            "paragraph",
            "thematic_areas",
            "review_groupings",
        ]

    def get_review_groupings(self, obj: Objective) -> list[str]:
        return [f"{g.cycle}: {g.code}" for g in obj.review_groupings.all()]


class ObjectiveSDGLinkSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="target.code")
    text = serializers.CharField(source="target.text")
    goal = serializers.IntegerField(source="target.goal.number")

    class Meta:
        model = ObjectiveSDGLink
        fields = ["code", "goal", "text", "source"]


class ObjectiveDetailSerializer(ObjectiveListSerializer):
    actions = ObjectiveActionSerializer(many=True, read_only=True)
    sdg_targets = ObjectiveSDGLinkSerializer(
        source="objectivesdglink_set", many=True, read_only=True
    )

    class Meta(ObjectiveListSerializer.Meta):
        fields = [
            *ObjectiveListSerializer.Meta.fields,
            "description",
            "description_source",
            "actions",
            "sdg_targets",
        ]


class GuidingPrincipleSerializer(serializers.ModelSerializer):
    paragraph_reference = serializers.CharField(read_only=True)

    class Meta:
        model = GuidingPrinciple
        fields = [
            "letter",
            "order",
            "name",
            "paragraph_reference",
            "definition",
            "source",
            "has_approach_guidance",
        ]


class ThematicAreaSerializer(serializers.ModelSerializer):
    objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta:
        model = ThematicArea
        fields = ["number", "code", "name", "objectives"]


class SDGGoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = SDGGoal
        fields = ["number", "title"]


class SDGTargetSerializer(serializers.ModelSerializer):
    goal = SDGGoalSerializer(read_only=True)
    objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta:
        model = SDGTarget
        fields = ["code", "goal", "text", "objectives"]


class StepActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = StepAction
        fields = ["number", "name", "description"]


class GuidingQuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = GuidingQuestion
        fields = ["id", "order", "text"]


class ChecklistItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChecklistItem
        fields = ["id", "order", "text", "is_ongoing"]


class ToolItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ToolItem
        fields = ["order", "section", "text"]


class ToolSerializer(serializers.ModelSerializer):
    items = ToolItemSerializer(many=True, read_only=True)

    class Meta:
        model = Tool
        fields = ["number", "name", "kind", "items"]


class ProcessStepSerializer(serializers.ModelSerializer):
    actions = StepActionSerializer(many=True, read_only=True)
    guiding_questions = GuidingQuestionSerializer(many=True, read_only=True)
    checklist_items = ChecklistItemSerializer(many=True, read_only=True)
    tools = ToolSerializer(many=True, read_only=True)

    class Meta:
        model = ProcessStep
        fields = [
            "number",
            "name",
            "purpose",
            "actions",
            "guiding_questions",
            "checklist_items",
            "tools",
        ]
