"""A person registers, signs out, signs in again, in Chromium; axe-core checks the pages."""
import re

import pytest
from playwright.sync_api import expect

from ..factories import make_agency

pytestmark = pytest.mark.browser


def test_register_sign_out_and_sign_in(page, csp_errors):
    page.goto("/")
    page.get_by_role("link", name="Create an account").first.click()
    page.get_by_label("Display name").fill("Robin Browser")
    page.get_by_label("Email address").fill("robin@example.org")
    page.get_by_label("Password", exact=True).fill("lighthouse-pebble-orchard")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Welcome to Civic Forum, Robin Browser")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()

    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email address").fill("ROBIN@example.org")
    page.get_by_label("Password", exact=True).fill("lighthouse-pebble-orchard")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("You are signed in as Robin Browser")).to_be_visible()
    assert csp_errors == []


def test_failed_registration_shows_the_error_summary_and_keeps_the_form(page):
    page.goto("/register")
    page.get_by_label("Display name").fill("Robin Browser")
    page.get_by_label("Email address").fill("not-an-email")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_role("button", name="Create account").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK's script moves focus to the summary
    expect(page.get_by_label("Display name")).to_have_value("Robin Browser")
    expect(page.get_by_label("Email address")).to_have_value("not-an-email")
    expect(page.get_by_label("Password", exact=True)).to_have_value("")
    summary.get_by_role("link", name=re.compile("email address")).click()
    expect(page.get_by_label("Email address")).to_be_focused()


def test_register_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/register")
    page.get_by_label("Display name").fill("No Script")
    page.get_by_label("Email address").fill("noscript@example.org")
    page.get_by_label("Password", exact=True).fill("lighthouse-pebble-orchard")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Welcome to Civic Forum, No Script")).to_be_visible()
    context.close()


def test_keyboard_user_reaches_main_content_with_the_skip_link(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/register", "/login", "/agencies", "/no-such-page"])
def test_pages_have_no_serious_accessibility_violations(app, axe_check, path):
    make_agency(app, name="Passport Office", slug="passport-office", description="Passports.")
    axe_check(path)


def test_failed_form_has_no_serious_accessibility_violations(axe_check):
    # The error state of a form is where accessibility most often breaks.
    def submit_empty(page):
        page.get_by_role("button", name="Create account").click()
        expect(page.locator(".govuk-error-summary")).to_be_visible()

    axe_check("/register", prepare=submit_empty)
