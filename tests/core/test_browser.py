"""A visitor and a user in a real browser (Debian's chromium driven by Playwright)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_browses_objectives_and_countries_by_keyboard(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Objectives").click()
    page.get_by_role(
        "link", name="Use migration detention only as a measure of last resort"
    ).click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Objective 13")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Countries").click()
    page.get_by_label("Review region").select_option("ESCWA")
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("link", name="Morocco").click()
    assert "Economic and Social Commission for Western Asia" in page.content()


def test_user_logs_in_and_creates_an_api_token(page, make_user):
    make_user("analyst", email="analyst@example.test", password="browser-Pass-123")
    page.goto("/account/login/")
    page.get_by_label("E-mail address").fill("analyst@example.test")
    page.get_by_label("Password").fill("browser-Pass-123")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My account").wait_for()
    page.get_by_label("Token name").fill("Browser token")
    page.get_by_role("button", name="Create token").click()
    key = page.locator("#new-token").inner_text().strip()
    assert len(key) > 30
    page.get_by_role("button", name="Revoke token Browser token").click()
    assert page.get_by_text("Token revoked.").is_visible()
