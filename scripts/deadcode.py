"""Dead code check (``make check``): vulture over the apps, configured in pyproject.toml.

Reports unused functions, classes, methods, properties, imports, unreachable code and unused
local variables and arguments. Class-level variables and instance attributes are not reported:
Django, DRF and the templates read model, form and filter fields and view options by name,
which vulture cannot follow (it would report hundreds of them). Names that Django, DRF or
Celery call by name are ignored by pattern in pyproject.toml or listed, each with its reason, in
``vulture_whitelist.py``; names the templates use count as used.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from vulture import Vulture
from vulture.config import make_config

# Vulture's kinds of finding that stay out of the report (see the docstring).
NOT_REPORTED = {"attribute"}
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_TAG = re.compile(r"\{[{%](.*?)[}%]\}", re.S)
_NAME = re.compile(r"[A-Za-z_]\w*")


def template_names() -> set[str]:
    """Every name inside ``{{ }}`` and ``{% %}`` of the templates: templates use them."""
    names: set[str] = set()
    for path in TEMPLATES.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".txt"}:
            for tag in _TAG.findall(path.read_text(encoding="utf-8")):
                names.update(_NAME.findall(tag))
    return names


def main() -> int:
    config = make_config(sys.argv[1:])
    vulture = Vulture(
        ignore_names=config["ignore_names"], ignore_decorators=config["ignore_decorators"]
    )
    vulture.scavenge(config["paths"], exclude=config["exclude"])
    vulture.used_names.update(template_names())
    found = [
        item
        for item in vulture.get_unused_code(min_confidence=config["min_confidence"])
        if item.typ not in NOT_REPORTED and not (item.typ == "variable" and item.confidence < 100)
    ]
    for item in found:
        print(item.get_report())
    if found:
        print(f"{len(found)} unused names: remove them, or whitelist them with the reason.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
