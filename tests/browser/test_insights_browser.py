"""A policy user reads the dashboard in Chromium, changes the period and downloads a CSV;
axe-core on the insights and tag pages; tag suggestions appear while asking."""
from datetime import date, datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from ..factories import make_agency, make_answer, make_user
from ..insights.conftest import ask_at, make_official, suggest_at
from .test_qa_browser import sign_in

pytestmark = pytest.mark.browser


def _some_questions(app):
    agency = make_agency(app, name="Passport Office", slug="passport-office")
    person = make_user(app)
    now = datetime.now(timezone.utc)
    for days in (1, 2, 40):
        ask_at(app, person, now - timedelta(days=days), agency=agency, tags=("passports",),
               title=f"Passport renewal question from {days} days ago")
    # Official answers and suggestions, so their charts and tables are on the pages axe reads.
    question = ask_at(app, person, now - timedelta(days=3), agency=agency, tags=("passports",),
                      title="Passport renewal question with an official answer")
    answer = make_answer(app, question, make_user(app))
    make_official(app, answer.id, agency, now - timedelta(days=2))
    suggest_at(app, person, agency, now - timedelta(days=5), "planned", timedelta(hours=30), tags=("passports",))
    suggest_at(app, person, agency, now - timedelta(days=4), "open", None, tags=("passports",))
    return agency


def test_policy_user_changes_the_period_and_downloads_a_csv(app, browser, base_url, tmp_path):
    _some_questions(app)
    policy = make_user(app, role="policy", display_name="Priya Policy")
    page = sign_in(browser, base_url, policy, True)
    page.goto("/insights")
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
    table = page.locator("table[data-table=agencies]")
    expect(table.get_by_role("row", name="Passport Office")).to_contain_text("4")
    official = page.locator("table[data-table=official-answers]")
    expect(official.get_by_role("row", name="Passport Office")).to_contain_text("25%")
    expect(page.locator("table[data-table=suggestion-statuses]").get_by_role("row", name="Planned")).to_contain_text("1")

    start = (date.today() - timedelta(days=7)).isoformat()
    page.get_by_label("From", exact=True).fill(start)
    page.get_by_role("button", name="Show figures").click()
    expect(page.get_by_role("status")).to_contain_text(f"from {start}")
    expect(table.get_by_role("row", name="Passport Office")).to_contain_text("3")

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV (agencies)").click()
    download = info.value
    assert download.suggested_filename.startswith("insights-agencies-")
    saved = tmp_path / "agencies.csv"
    download.save_as(saved)
    lines = saved.read_text().splitlines()
    assert lines[0].startswith("agency,questions")
    assert lines[1].startswith("Passport Office,3,")

    # A reversed period comes back with a clear message and the form as typed.
    page.get_by_label("To", exact=True).fill((date.today() - timedelta(days=10)).isoformat())
    page.get_by_role("button", name="Show figures").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("on or after the first day")
    expect(page.get_by_label("From", exact=True)).to_have_value(start)
    page.context.close()


def test_citizens_are_refused_the_dashboard(app, browser, base_url):
    page = sign_in(browser, base_url, make_user(app), True)
    response = page.goto("/insights")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_contain_text("permission")
    page.context.close()


@pytest.mark.parametrize("path", ["/insights", "/insights/public", "/insights?start=2999-01-01", "/tags",
                                  "/tags/passports", "/tags/passports/edit"])
def test_insights_and_tag_pages_have_no_serious_accessibility_violations(app, axe_check, browser, base_url, path):
    agency = _some_questions(app)
    # A pain point: three citizens ask much the same, so its chart and table are on the page too.
    now = datetime.now(timezone.utc)
    for i, title in enumerate(("Passport renewal taking more than six weeks", "My passport renewal is taking six weeks",
                               "Passport renewals taking six weeks or more?")):
        ask_at(app, make_user(app), now - timedelta(days=3 + i), agency=agency, tags=("passports",), title=title)
    from forum.extensions import db
    from forum.insights import painpoints
    with app.app_context():
        assert painpoints.refresh() >= 1
        db.session.remove()
    storage = None
    if path.startswith("/insights") and path != "/insights/public" or path.endswith("/edit"):
        page = sign_in(browser, base_url, make_user(app, role="admin"), True)
        storage = page.context.storage_state()
        page.context.close()

    def pain_points_shown(page):
        expect(page.get_by_role("table", name="Pain points")).to_contain_text("Passport Office; official answer")

    axe_check(path, prepare=pain_points_shown if path in ("/insights", "/insights/public") else None,
              storage_state=storage)


@pytest.mark.parametrize("path, title", [("/questions/ask", "Your question"), ("/suggestions/new", "Your suggestion")])
def test_tags_are_suggested_while_asking_or_proposing(app, browser, base_url, path, title):
    _some_questions(app)
    from forum.tags import suggest
    suggest.forget()
    page = sign_in(browser, base_url, make_user(app), True)
    page.goto(path)
    page.get_by_label(title).fill("How long is a passport renewal taking?")
    suggestion = page.get_by_role("group", name="Suggested topics").get_by_role("button", name="passports")
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(page.get_by_label("Tags")).to_have_value("passports")
    page.context.close()
    suggest.forget()
