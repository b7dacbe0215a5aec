"""Search in Chromium: a freshly posted question is found from the header's search box, and
similar questions appear while a new one is typed; axe-core on the search page."""
import time

import pytest
from playwright.sync_api import expect

from forum.search import drain_now

from ..factories import make_question, make_user
from .test_qa_browser import sign_in

pytestmark = pytest.mark.browser


def wait_until_indexed(app, seconds: float = 5.0) -> None:
    """Wait for the outbox to empty: its rows go only once the index has committed them. The
    server drains after its response only if the index lock is free at that moment; rows it
    had to leave wait, by design, for the next drain (the next write, or the indexer in
    production): after `seconds`, this test drains as that next one would."""
    from forum.search.outbox import pending

    deadline = time.monotonic() + seconds
    while True:
        with app.app_context():
            waiting = pending()
        if not waiting:
            return
        if time.monotonic() > deadline:
            applied = drain_now(app)
            with app.app_context():
                assert applied and not pending(), f"{waiting} outbox rows left after the server's drain and ours"
            return
        time.sleep(0.05)


def test_finds_a_freshly_posted_question(app, browser, base_url):
    asker = make_user(app, display_name="Asha Asker")
    page = sign_in(browser, base_url, asker, javascript=True)
    page.goto("/questions/ask")
    page.get_by_label("Your question").fill("Can I pay the harbour mooring fee in instalments?")
    page.get_by_label("Details").fill("The fee is due next month and it is large.")
    page.get_by_label("Tags").fill("fees")
    page.get_by_role("button", name="Post your question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Can I pay the harbour mooring fee in instalments?")
    wait_until_indexed(app)  # the server's own drain, after its response: findable within moments

    page.get_by_role("searchbox", name="Search questions and answers").fill("mooring instalment")
    page.get_by_role("search", name="Site search").get_by_role("button", name="Search").click()
    result = page.locator(".cf-search-result").first
    expect(result.get_by_role("link")).to_have_text("Can I pay the harbour mooring fee in instalments?")
    expect(result.locator("mark").first).to_have_text("mooring")


def test_sees_similar_questions_while_typing(app, browser, base_url):
    make_question(app, make_user(app), title="How do I renew a fishing licence online?", tags=("licences",))
    drain_now(app)
    page = sign_in(browser, base_url, make_user(app), javascript=True)
    page.goto("/questions/ask")
    page.get_by_label("Your question").press_sequentially("renew my fishing licence", delay=20)
    similar = page.locator(".cf-similar")
    expect(similar.get_by_role("heading")).to_have_text("Similar questions already asked")
    expect(similar.get_by_role("link")).to_have_text("How do I renew a fishing licence online?")


def test_without_javascript_the_preview_lists_similar_questions(app, browser, base_url):
    make_question(app, make_user(app), title="How do I renew a fishing licence online?", tags=("licences",))
    drain_now(app)
    page = sign_in(browser, base_url, make_user(app), javascript=False)
    page.goto("/questions/ask")
    page.get_by_label("Your question").fill("Renewing a fishing licence")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".cf-similar").get_by_role("link")).to_have_text("How do I renew a fishing licence online?")


def test_search_page_is_accessible(app, axe_check):
    make_question(app, make_user(app), title="Where do I report a broken street light?", tags=("streets",))
    drain_now(app)
    axe_check("/search?q=street+light&from=not-a-date")
    axe_check("/search")
