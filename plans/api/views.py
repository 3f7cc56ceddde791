"""Plans API: reads scoped by publication and role; one write view per command.

Reads of a plan's part return 404 when the reader may not see that part. Writes call the same
services as the pages; their typed errors (403, 404, 409) are rendered by the API handler.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Organisation, Role
from accounts.permissions import roles_of
from core.api.permissions import PublicReadOnly
from core.errors import DomainError
from countries.models import Country
from objectives.models import ChecklistItem, ObjectiveAction

from .. import selectors, services
from ..models import (
    BudgetLine,
    ChecklistProgress,
    Indicator,
    IndicatorValue,
    Measure,
    Plan,
    ProgressUpdate,
)
from ..permissions import can_edit_plan, can_view_part
from . import serializers as s


class PlanScopedMixin(APIView):
    """Finds the plan from the URL's country code, for a reader allowed to see ``part``."""

    part = "publish_plan"

    def get_plan(self) -> Plan:
        if not hasattr(self, "_plan"):
            plan = selectors.plan_for_country(self.request.user, str(self.kwargs["alpha3"]))
            if not can_view_part(self.request.user, plan, self.part):
                raise Http404
            self._plan = plan
        return self._plan

    def is_editor(self) -> bool:
        return can_edit_plan(self.request.user, self.get_plan())


class WriteView(APIView):
    """A command: signed-in users only; the service decides who may do what."""

    permission_classes = [IsAuthenticated]


# --- reads --------------------------------------------------------------------------------


class PlanListView(generics.ListAPIView):
    """Plans: every published plan, and all plans of the countries where you are an official.

    POST starts your country's plan (national coordinators).
    """

    permission_classes = [PublicReadOnly]
    serializer_class = s.PlanListSerializer

    def get_queryset(self):
        return selectors.plan_list(self.request.user)

    def get_serializer_context(self) -> dict[str, Any]:
        roles = roles_of(self.request.user)
        return {
            **super().get_serializer_context(),
            "editable_country_ids": roles.country_ids(
                Role.GOVERNMENT_FOCAL_POINT, Role.NATIONAL_COORDINATOR
            ),
        }


class PlanStartView(WriteView):
    """Start your country's plan (national coordinator)."""

    @extend_schema(request=s.PlanStartInputSerializer, responses={201: s.PlanListSerializer})
    def post(self, request: Request) -> Response:
        data = s.PlanStartInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        country = Country.objects.filter(alpha3=values.pop("country").upper()).first()
        if country is None:
            raise DomainError(_("Unknown country."), field="country")
        plan = services.start_plan(actor=request.user, country=country, **values)
        plan = selectors.plan_list(request.user).get(pk=plan.pk)
        return Response(
            s.PlanListSerializer(plan, context={"editable_country_ids": {country.pk}}).data,
            status=status.HTTP_201_CREATED,
        )


class PlanDetailView(PlanScopedMixin):
    """A plan with its axes, step progress and the 360° coverage of the 23 objectives."""

    permission_classes = [PublicReadOnly]

    @extend_schema(responses=s.PlanDetailSerializer)
    def get(self, request: Request, **_kwargs: Any) -> Response:
        plan = self.get_plan()
        dashboard = selectors.dashboard(plan, request.user)
        plan = Plan.objects.select_related("country").prefetch_related("axes").get(pk=plan.pk)
        plan.checklist_achieved = plan.checklist_total = plan.checklist_na = 0  # type: ignore[attr-defined]
        return Response(s.PlanDetailSerializer(plan, context={"dashboard": dashboard}).data)


class MeasureListView(PlanScopedMixin, generics.ListAPIView):
    """The plan's measures (public when the coordinator publishes them)."""

    permission_classes = [PublicReadOnly]
    serializer_class = s.MeasureListSerializer
    part = "publish_measures"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no plan in the URL
            return Measure.objects.none()
        return selectors.measures_for(self.get_plan())


class MeasureDetailView(PlanScopedMixin):
    """One measure with its Tool 8 fields, budget lines, indicators and approved updates."""

    permission_classes = [PublicReadOnly]
    part = "publish_measures"

    @extend_schema(responses=s.MeasureDetailSerializer)
    def get(self, request: Request, **kwargs: Any) -> Response:
        plan = self.get_plan()
        measure = selectors.measure_detail(plan, kwargs["number"])
        context = {
            "editor": self.is_editor(),
            "show_budget": can_view_part(request.user, plan, "publish_budget"),
        }
        return Response(s.MeasureDetailSerializer(measure, context=context).data)


class BudgetLineListView(PlanScopedMixin, generics.ListAPIView):
    """All budget lines of the plan."""

    permission_classes = [PublicReadOnly]
    serializer_class = s.BudgetLineSerializer
    part = "publish_budget"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return BudgetLine.objects.none()
        return (
            BudgetLine.objects.filter(measure__plan=self.get_plan())
            .select_related("measure")
            .order_by("measure__number", "fiscal_year", "pk")
        )


class BudgetSummaryView(PlanScopedMixin):
    """Totals and funding gap by primary objective and currency, and plan-wide totals."""

    permission_classes = [PublicReadOnly]
    part = "publish_budget"

    @extend_schema(responses=s.BudgetSummarySerializer)
    def get(self, _request: Request, **_kwargs: Any) -> Response:
        plan = self.get_plan()

        def as_text(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [
                {k: str(v) if isinstance(v, Decimal) else v for k, v in r.items()} for r in rows
            ]

        return Response(
            {
                "by_objective": as_text(selectors.budget_by_objective(plan)),
                "totals": as_text(selectors.budget_totals(plan)),
            }
        )


class IndicatorListView(PlanScopedMixin, generics.ListAPIView):
    """Indicators with their values (the public sees validated values only)."""

    permission_classes = [PublicReadOnly]
    serializer_class = s.IndicatorSerializer
    part = "publish_indicators"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Indicator.objects.none()
        return selectors.indicators_for(self.get_plan(), validated_only=not self.is_editor())


class ChecklistView(PlanScopedMixin, generics.ListAPIView):
    """The 47 checklist items with the plan's progress on each."""

    permission_classes = [PublicReadOnly]
    serializer_class = s.ChecklistProgressSerializer
    part = "publish_process"
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ChecklistItem.objects.none()
        plan = self.get_plan()
        return (
            ChecklistItem.objects.select_related("step")
            .prefetch_related(
                Prefetch(
                    "progress",
                    queryset=ChecklistProgress.objects.filter(plan=plan)
                    .select_related("responsible_entity")
                    .prefetch_related("evidence"),
                    to_attr="plan_progress",
                )
            )
            .order_by("step__number", "order")
        )


class UpdateListView(PlanScopedMixin, generics.ListAPIView):
    """Progress updates: approved ones for the public, all for the country's officials."""

    permission_classes = [PublicReadOnly]
    serializer_class = s.ProgressUpdateSerializer
    part = "publish_measures"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ProgressUpdate.objects.none()
        qs = ProgressUpdate.objects.filter(measure__plan=self.get_plan()).select_related(
            "measure", "entity"
        )
        if not self.is_editor():
            qs = qs.filter(state=ProgressUpdate.State.APPROVED)
        state = self.request.query_params.get("state")
        if state:
            qs = qs.filter(state=state)
        return qs.order_by("-created_at")


# --- writes -------------------------------------------------------------------------------


def _measure_kwargs(plan: Plan, data: dict[str, Any]) -> dict[str, Any]:
    """Turn API references (axis number, action "2(a)") into what the service takes."""
    data = dict(data)
    data.pop("version", None)
    if "axis" in data:
        number = data.pop("axis")
        axis = plan.axes.filter(number=number).first() if number else None
        if number and axis is None:
            raise DomainError(_("This plan has no such axis."), field="axis")
        data["axis"] = axis
    if "actions" in data:
        refs = data.pop("actions")
        actions = []
        for ref in refs:
            number, letter = ref.rstrip(")").split("(")
            action = ObjectiveAction.objects.filter(
                objective__number=int(number), letter=letter
            ).first()
            if action is None:
                raise DomainError(
                    _("There is no GCM action %(ref)s.") % {"ref": ref}, field="actions"
                )
            actions.append(action)
        data["actions"] = actions
    return data


class MeasureCreateView(PlanScopedMixin, WriteView):
    """Add a measure to the plan (the country's officials)."""

    @extend_schema(request=s.MeasureInputSerializer, responses={201: s.MeasureDetailSerializer})
    def post(self, request: Request, **_kwargs: Any) -> Response:
        plan = self.get_plan()
        data = s.MeasureInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        measure = services.create_measure(
            actor=request.user,
            plan=plan,
            **_measure_kwargs(plan, data.validated_data),
        )
        measure = selectors.measure_detail(plan, measure.number)
        return Response(
            s.MeasureDetailSerializer(measure, context={"editor": True, "show_budget": True}).data,
            status=status.HTTP_201_CREATED,
        )


class MeasureUpdateView(PlanScopedMixin, WriteView):
    """Change a measure; send the ``version`` you read. A stale version gets 409."""

    @extend_schema(request=s.MeasureInputSerializer, responses=s.MeasureDetailSerializer)
    def patch(self, request: Request, **kwargs: Any) -> Response:
        plan = self.get_plan()
        measure = get_object_or_404(Measure, plan=plan, number=kwargs["number"])
        data = s.MeasureInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if "version" not in data.validated_data:
            raise DomainError(
                _("Send the version of the measure you are changing."), field="version"
            )
        measure = services.update_measure(
            actor=request.user,
            measure=measure,
            expected_version=data.validated_data["version"],
            **_measure_kwargs(plan, data.validated_data),
        )
        measure = selectors.measure_detail(plan, measure.number)
        return Response(
            s.MeasureDetailSerializer(measure, context={"editor": True, "show_budget": True}).data
        )


class BudgetLineCreateView(PlanScopedMixin, WriteView):
    """Add a budget line to a measure."""

    @extend_schema(request=s.BudgetLineInputSerializer, responses={201: s.BudgetLineSerializer})
    def post(self, request: Request, **kwargs: Any) -> Response:
        measure = get_object_or_404(Measure, plan=self.get_plan(), number=kwargs["number"])
        data = s.BudgetLineInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        line = services.save_budget_line(actor=request.user, measure=measure, **data.validated_data)
        return Response(s.BudgetLineSerializer(line).data, status=status.HTTP_201_CREATED)


class ChecklistUpdateView(PlanScopedMixin, WriteView):
    """Record progress on a checklist item of the given step."""

    @extend_schema(request=s.ChecklistInputSerializer, responses=s.ChecklistProgressSerializer)
    def post(self, request: Request, **kwargs: Any) -> Response:
        plan = self.get_plan()
        data = s.ChecklistInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        step = values.pop("step")
        if "responsible_entity" in values:
            entity_id = values.pop("responsible_entity")
            values["responsible_entity"] = (
                Organisation.objects.filter(pk=entity_id).first() if entity_id else None
            )
            if entity_id and values["responsible_entity"] is None:
                raise DomainError(_("Unknown entity."), field="responsible_entity")
        services.update_checklist_item(
            actor=request.user,
            plan=plan,
            step_number=step,
            item_id=kwargs["item"],
            **values,
        )
        row = ChecklistView(request=request, kwargs=self.kwargs)
        row._plan = plan
        obj = row.get_queryset().get(pk=kwargs["item"])
        return Response(s.ChecklistProgressSerializer(obj).data)


class AssessmentView(PlanScopedMixin, WriteView):
    """Assess an objective with the Tool 4 rubric (scores 1 to 5)."""

    @extend_schema(request=s.AssessmentInputSerializer, responses=s.AssessmentResultSerializer)
    def post(self, request: Request, **_kwargs: Any) -> Response:
        from ..models.assessment import RUBRIC_FIELDS

        data = s.AssessmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        row = services.assess_objective(
            actor=request.user,
            plan=self.get_plan(),
            objective_number=v["objective"],
            scores={f: v[f] for f in RUBRIC_FIELDS},
            notes=v.get("notes", ""),
            selected=v.get("selected", False),
        )
        return Response(
            {"objective": row.objective.number, "selected": row.selected, "total": row.total_score}
        )


class PublicationView(PlanScopedMixin, WriteView):
    """Choose which parts of the plan are public (national coordinator)."""

    @extend_schema(request=s.PublicationInputSerializer, responses=s.PublicationSerializer)
    def post(self, request: Request, **_kwargs: Any) -> Response:
        data = s.PublicationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan = services.set_publication(
            actor=request.user,
            plan=self.get_plan(),
            parts=dict(data.validated_data),
        )
        from ..models.plan import PUBLICATION_PARTS

        return Response({part: getattr(plan, part) for part in PUBLICATION_PARTS})


class ProgressUpdateCreateView(PlanScopedMixin, WriteView):
    """Report progress on a measure (focal points of its responsible or involved entities)."""

    @extend_schema(
        request=s.ProgressUpdateInputSerializer, responses={201: s.ProgressUpdateSerializer}
    )
    def post(self, request: Request, **kwargs: Any) -> Response:
        measure = get_object_or_404(Measure, plan=self.get_plan(), number=kwargs["number"])
        data = s.ProgressUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        update = services.submit_progress_update(
            actor=request.user,
            measure=measure,
            **data.validated_data,
        )
        return Response(s.ProgressUpdateSerializer(update).data, status=status.HTTP_201_CREATED)


def _update_for(request: Request, alpha3: str, pk: int) -> ProgressUpdate:
    """The update if the user may see it (as in the list: approved ones, unless an editor)."""
    plan = selectors.plan_for_country(request.user, alpha3)
    editor = can_edit_plan(request.user, plan)
    if not editor and not can_view_part(request.user, plan, "publish_measures"):
        raise Http404
    updates = ProgressUpdate.objects.select_related("measure__plan__country", "entity").filter(
        measure__plan=plan
    )
    if not editor:
        updates = updates.filter(state=ProgressUpdate.State.APPROVED)
    return get_object_or_404(updates, pk=pk)


class ProgressUpdateApproveView(WriteView):
    """Approve an update: the measure takes its status (coordinator; not your own update)."""

    @extend_schema(request=None, responses=s.ProgressUpdateSerializer)
    def post(self, request: Request, **kwargs: Any) -> Response:
        update = services.approve_progress_update(
            actor=request.user,
            update=_update_for(request, kwargs["alpha3"], kwargs["pk"]),
        )
        return Response(s.ProgressUpdateSerializer(update).data)


class ProgressUpdateReturnView(WriteView):
    """Return an update to its author with a reason (coordinator)."""

    @extend_schema(request=s.ReturnInputSerializer, responses=s.ProgressUpdateSerializer)
    def post(self, request: Request, **kwargs: Any) -> Response:
        data = s.ReturnInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        update = services.return_progress_update(
            actor=request.user,
            update=_update_for(request, kwargs["alpha3"], kwargs["pk"]),
            reason=data.validated_data["reason"],
        )
        return Response(s.ProgressUpdateSerializer(update).data)


class IndicatorValueCreateView(PlanScopedMixin, WriteView):
    """Enter a value of an indicator for a period (a draft until validated)."""

    @extend_schema(
        request=s.IndicatorValueInputSerializer, responses={201: s.IndicatorValueSerializer}
    )
    def post(self, request: Request, **kwargs: Any) -> Response:
        indicator = get_object_or_404(Indicator, plan=self.get_plan(), code=kwargs["code"])
        data = s.IndicatorValueInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        value = services.record_indicator_value(
            actor=request.user,
            indicator=indicator,
            **data.validated_data,
        )
        return Response(s.IndicatorValueSerializer(value).data, status=status.HTTP_201_CREATED)


class IndicatorValueValidateView(PlanScopedMixin, WriteView):
    """Validate a value (national coordinator); validated values are published."""

    part = "publish_indicators"

    @extend_schema(request=None, responses=s.IndicatorValueSerializer)
    def post(self, request: Request, **kwargs: Any) -> Response:
        values = IndicatorValue.objects.select_related("indicator__plan").filter(
            indicator__plan=self.get_plan()
        )
        if not self.is_editor():  # the public sees validated values only
            values = values.filter(status=IndicatorValue.Status.VALIDATED)
        value = get_object_or_404(values, pk=kwargs["pk"])
        value = services.validate_indicator_value(actor=request.user, value=value)
        return Response(s.IndicatorValueSerializer(value).data)
