"""Automated accessibility checks with axe-core (installed by npm) in the real browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Any, *, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """Run axe-core on the current page; return the violations of the given impacts, readable."""
    # Evaluated through the DevTools protocol: the page's Content-Security-Policy (no inline
    # scripts) would block add_script_tag, and the browser tests keep that policy on.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


DEMO_PASSWORD = "demo-gcm-2026"


def log_in(page: Any, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the login page and wait for the account page."""
    page.goto("/account/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My account").wait_for()


def log_out(page: Any) -> None:
    page.get_by_role("button", name="Log out").click()


def sweep(page: Any, urls: list[str], found: dict[str, Any], label: str = "") -> None:
    """Visit each URL (expecting a 200) and record its violations in ``found``."""
    for url in urls:
        response = page.goto(url)
        key = f"{label}{url}"
        if response is None or response.status != 200:
            found[key] = f"HTTP {response.status if response else '?'}"
            continue
        violations = axe_violations(page)
        if violations:
            found[key] = violations


def sweep_form_errors(
    page: Any, url: str, button: str, found: dict[str, Any], label: str = ""
) -> None:
    """Submit the form at ``url`` empty and record the violations of the page with its errors."""
    page.goto(url)
    page.get_by_role("button", name=button, exact=True).click()
    page.get_by_role("alert").first.wait_for()
    violations = axe_violations(page)
    if violations:
        found[f"{label}{url} (errors)"] = violations
