"""The service layer owns its rules: field lists, signatures, one error vocabulary."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


# --- forms and serializers take their fields from the services --------------------------------


def test_initiative_input_serializer_fields_are_the_services_list() -> None:
    from initiatives.api.serializers import InitiativeCreateSerializer, InitiativeInputSerializer
    from initiatives.services import ALL_FIELDS, SUBMITTER_FIELDS

    assert set(SUBMITTER_FIELDS) <= ALL_FIELDS
    assert list(InitiativeInputSerializer().fields) == list(SUBMITTER_FIELDS)
    assert list(InitiativeCreateSerializer().fields) == ["organisation", *SUBMITTER_FIELDS]


def test_initiative_step_forms_only_hand_the_services_fields() -> None:
    from initiatives.forms import StepForm
    from initiatives.services import SUBMITTER_FIELDS
    from initiatives.views import STEP_FORMS

    for form_class in STEP_FORMS.values():
        assert issubclass(form_class, StepForm)
        extra = set(form_class.base_fields) - set(SUBMITTER_FIELDS)
        # Fields outside the services' list are read by the view, never passed on as data.
        assert extra <= {"primary_objective", "action_letters", "evidence_title", "evidence_file"}


def test_budget_line_form_and_serializer_use_the_services_fields() -> None:
    from plans.api.serializers import BudgetLineInputSerializer
    from plans.forms import BudgetLineForm
    from plans.services.measures import BUDGET_LINE_FIELDS

    assert tuple(BudgetLineInputSerializer().fields) == BUDGET_LINE_FIELDS
    assert set(BudgetLineForm.base_fields) == set(BUDGET_LINE_FIELDS)


def test_measure_serializer_accepts_exactly_what_the_service_applies() -> None:
    from plans.api.serializers import MeasureInputSerializer
    from plans.services.measures import MEASURE_FIELDS, MEASURE_LINKS

    assert set(MeasureInputSerializer().fields) == {*MEASURE_FIELDS, *MEASURE_LINKS, "version"}


def test_measure_form_holds_the_services_fields_and_links_only() -> None:
    from plans.forms import MeasureForm
    from plans.services.measures import MEASURE_FIELDS, MEASURE_LINKS

    declared = set(MeasureForm.base_fields)
    assert set(MEASURE_FIELDS) <= declared
    assert declared <= {*MEASURE_FIELDS, *MEASURE_LINKS, "version"}


def test_pledge_form_and_serializer_use_the_services_fields() -> None:
    from reviews.api.serializers import PledgeChangeSerializer, PledgeInputSerializer
    from reviews.forms import PledgeForm
    from reviews.services.pledges import M2M_FIELDS, SCALAR_FIELDS

    terms = {*SCALAR_FIELDS, *M2M_FIELDS, "matches"}
    assert set(PledgeInputSerializer().fields) == terms | {"country", "organisation"}
    assert set(PledgeChangeSerializer().fields) == terms
    assert set(PledgeForm.base_fields) == terms | {"entity"}


def test_cycle_form_and_serializer_use_the_services_fields() -> None:
    from reviews.api.serializers import CycleInputSerializer
    from reviews.forms import CycleForm
    from reviews.services.cycles import EDITABLE_CYCLE_FIELDS

    assert tuple(CycleForm.base_fields) == EDITABLE_CYCLE_FIELDS
    assert tuple(CycleInputSerializer().fields) == EDITABLE_CYCLE_FIELDS


def test_submission_form_and_serializers_use_the_services_text_fields() -> None:
    from reviews.api.serializers import SubmissionInputSerializer, SubmissionUpdateSerializer
    from reviews.forms import SubmissionForm
    from reviews.services.submissions import TEXT_FIELDS

    assert set(SubmissionUpdateSerializer().fields) == {*TEXT_FIELDS, "objectives"}
    assert set(SubmissionInputSerializer().fields) == {
        *TEXT_FIELDS,
        "objectives",
        "cycle",
        "country",
        "organisation",
    }
    assert set(TEXT_FIELDS) <= set(SubmissionForm.base_fields)


def test_activity_form_and_serializer_use_the_services_fields() -> None:
    from activities.api.serializers import ActivityInputSerializer
    from activities.forms import ActivityForm
    from activities.services import ACTIVITY_FIELDS, RELATION_FIELDS

    terms = {*ACTIVITY_FIELDS, *RELATION_FIELDS, "key"}
    assert set(ActivityInputSerializer().fields) == terms
    assert set(ActivityForm.base_fields) == terms


# --- one signature style ----------------------------------------------------------------------

# Writes with no acting user: registration (the actor does not exist yet), system tasks and
# loaders.
NO_ACTOR = {
    "register_user",
    "register_and_request_membership",
    "send_transition_email",
    "load_review_cycles",
    "mark_report_failed",
    "regenerate_bulk_exports",
    "run_report_job",
}


def _service_functions() -> list[tuple[str, object]]:
    import accounts.services
    import activities.services
    import initiatives.services
    import plans.services
    import reports.services
    import reviews.services

    found: list[tuple[str, object]] = []
    modules = (
        accounts.services,
        initiatives.services,
        plans.services,
        reports.services,
        reviews.services,
        activities.services,
    )
    for module in modules:
        for name in getattr(module, "__all__", dir(module)):
            fn = getattr(module, name)
            if (
                inspect.isfunction(fn)
                and not name.startswith("_")
                and fn.__module__.startswith(module.__name__)
            ):
                found.append((f"{module.__name__}.{name}", fn))
    return found


def _is_command(fn: object) -> bool:
    """A write: it runs in its own transaction, or it acts for someone."""
    return hasattr(fn, "__wrapped__") or "actor" in inspect.signature(fn).parameters  # type: ignore[arg-type]


def test_every_service_command_takes_keyword_only_arguments_and_an_actor() -> None:
    commands = [(q, fn) for q, fn in _service_functions() if _is_command(fn)]
    assert len(commands) > 40
    for qualified, fn in commands:
        params = inspect.signature(fn).parameters  # type: ignore[arg-type]
        positional = [
            p.name
            for p in params.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        assert positional == [], f"{qualified} takes positional arguments {positional}"
        if qualified.rsplit(".", 1)[1] not in NO_ACTOR:
            assert "actor" in params, f"{qualified} has no actor"


# --- one error vocabulary ---------------------------------------------------------------------


def test_no_code_outside_the_two_mappers_turns_an_error_code_into_a_status() -> None:
    """Views raise nothing themselves from a DomainError's code; the mappers read the class."""
    pattern = re.compile(
        r"\bexc(?:eption)?\.code\s*(?:==|!=|in\b)|code\s*==\s*\"permission_denied\""
    )
    mappers = {ROOT / "core" / "api" / "errors.py", ROOT / "core" / "pages.py"}
    offenders = [
        str(path.relative_to(ROOT))
        for app in ("accounts", "core", "initiatives", "plans", "reports", "reviews", "activities")
        for path in (ROOT / app).rglob("*.py")
        if path not in mappers and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_services_raise_typed_errors_not_bare_codes() -> None:
    """A refusal is a ForbiddenError, a missing record a NotFoundError, a clash a ConflictError."""
    typed = {"permission_denied", "not_found", "conflict"}
    offenders = []
    for app in ("accounts", "initiatives", "plans", "reports", "reviews", "activities"):
        for path in (ROOT / app).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", None) == "DomainError"
                    and any(
                        k.arg == "code"
                        and isinstance(k.value, ast.Constant)
                        and k.value.value in typed
                        for k in node.keywords
                    )
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
