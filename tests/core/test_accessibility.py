"""Public and account pages have no serious or critical axe-core violations (WCAG 2 A/AA)."""

import pytest

from tests.accessibility import AXE, axe_violations

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/objectives/",
    "/objectives/13/",
    "/principles/",
    "/process/",
    "/countries/",
    "/countries/?region=999",
    "/countries/PRT/",
    "/account/login/",
    "/account/password-reset/",
    "/no-such-page/",
]


def test_axe_core_is_installed():
    assert AXE.exists(), "run `make install` (npm installs axe-core)"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_have_no_serious_accessibility_violations(page):
    found = {}
    for url in PUBLIC_PAGES:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    assert found == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_account_page_has_no_serious_accessibility_violations(page, make_user):
    make_user("analyst", email="a11y@example.test", password="a11y-Pass-123")
    page.goto("/account/login/")
    page.get_by_label("E-mail address").fill("a11y@example.test")
    page.get_by_label("Password").fill("a11y-Pass-123")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My account").wait_for()
    assert axe_violations(page) == []
