"""Plan pages: list, dashboard, the six step pages, measures, indicators, monitoring, print.

Views are thin: a form validates, a service writes (its DomainError becomes a form error), a
redirect follows. A reader who may not see a plan or part gets a 404; one who may see but not
change it gets a 403.
"""

from __future__ import annotations

from .measures import indicator_list, measure_detail, measure_edit, measure_list, monitoring
from .plan import plan_detail, plan_export, plan_list, plan_print, plan_settings, plan_start
from .steps import assessment_edit, step_detail

__all__ = [
    "assessment_edit",
    "indicator_list",
    "measure_detail",
    "measure_edit",
    "measure_list",
    "monitoring",
    "plan_detail",
    "plan_export",
    "plan_list",
    "plan_print",
    "plan_settings",
    "plan_start",
    "step_detail",
]
