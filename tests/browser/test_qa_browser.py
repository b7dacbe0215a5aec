"""The citizen's core journey in Chromium, with JavaScript on and off:
ask -> preview -> post -> another person answers -> votes -> the asker accepts -> a reader says it helped."""
import re

import pytest
from playwright.sync_api import expect

from ..factories import DEFAULT_PASSWORD, make_agency, make_answer, make_question, make_user

pytestmark = pytest.mark.browser


def sign_in(browser, base_url, user, javascript: bool):
    context = browser.new_context(base_url=base_url, java_script_enabled=javascript)
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"You are signed in as {user.display_name}")).to_be_visible()
    return page


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_ask_answer_vote_accept_and_rate(app, browser, base_url, javascript):
    make_agency(app, name="Passport Office", slug="passport-office")
    asker = make_user(app, display_name="Asha Asker")
    helper = make_user(app, display_name="Hamid Helper")
    reader = make_user(app, display_name="Rosa Reader")

    # The asker writes a question, previews it, then posts it.
    page = sign_in(browser, base_url, asker, javascript)
    page.get_by_role("link", name="Questions", exact=True).click()
    page.get_by_role("button", name="Ask a question").click()
    page.get_by_label("Your question").fill("How long does a passport renewal take right now?")
    page.get_by_label("Details").fill("I posted my form **three weeks** ago.\n\n- paid the fee\n- sent photos")
    page.get_by_label("Tags").fill("Passports, waiting times")
    page.get_by_label("Agency (optional)").select_option(label="Passport Office")
    page.get_by_role("button", name="Preview").click()
    preview = page.locator(".cf-preview")
    expect(preview.locator("strong")).to_have_text("three weeks")
    expect(page.get_by_label("Your question")).to_have_value("How long does a passport renewal take right now?")
    page.get_by_role("button", name="Post your question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How long does a passport renewal take right now?")
    question_url = page.url
    expect(page.get_by_role("link", name="waiting-times")).to_be_visible()

    # Someone else answers.
    helper_page = sign_in(browser, base_url, helper, javascript)
    helper_page.goto(question_url)
    helper_page.get_by_label("Your answer").fill("Mine took **four weeks**. Track it online.")
    helper_page.get_by_role("button", name="Post your answer").click()
    expect(helper_page.get_by_text("Your answer is published.")).to_be_visible()
    answer = helper_page.locator("article.cf-answer").first
    expect(answer.locator("strong", has_text="four weeks")).to_be_visible()
    # ...and votes the question up.
    helper_page.locator("#question").get_by_role("button", name="Useful question").click()
    expect(helper_page.locator("#question [data-score]")).to_contain_text("1")
    expect(helper_page.locator("#question").get_by_role("button", name=re.compile("Useful question"))).to_have_attribute("aria-pressed", "true")

    # A reader votes the answer up and has the question too.
    reader_page = sign_in(browser, base_url, reader, javascript)
    reader_page.goto(question_url)
    reader_page.locator("article.cf-answer").first.get_by_role("button", name="Useful answer").click()
    expect(reader_page.locator("article.cf-answer [data-score]").first).to_contain_text("1")
    reader_page.get_by_role("button", name="I have this question too").click()
    expect(reader_page.locator("[data-affected]")).to_contain_text("2 people have this question")

    # The asker accepts the answer.
    page.goto(question_url)
    page.get_by_role("button", name="Accept this answer").click()
    expect(page.get_by_text("Accepted by the person who asked")).to_be_visible()

    # The reader says it helped.
    reader_page.goto(question_url)
    helpful = reader_page.locator("[data-helpful]")
    helpful.get_by_role("button", name="Yes").click()
    expect(reader_page.locator("[data-helpful]")).to_contain_text("1 of 1 reader said this answer helped them")
    expect(reader_page.locator("[data-helpful]").get_by_role("button", name="Yes")).to_have_attribute("aria-pressed", "true")
    for p in (page, helper_page, reader_page):
        p.context.close()


def test_a_refused_action_is_said_on_the_page_without_leaving_it(app, browser, base_url, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_VOTING", "1 per minute")
    asker, reader = make_user(app), make_user(app)
    question = make_question(app, asker)
    page = sign_in(browser, base_url, reader, True)
    page.goto(question.url)
    post = page.locator("#question")
    post.get_by_role("button", name="Useful question").click()
    expect(post.locator("[data-score]")).to_contain_text("1")
    # Over the limit: the server says 429 in JSON, and the page says so where the vote is.
    post.get_by_role("button", name="Not useful").click()
    expect(post.get_by_role("status").filter(has_text="try again in about 1 minute")).to_be_visible()
    expect(post.locator("[data-score]")).to_contain_text("1")
    assert page.url.endswith(question.url)
    # A stale security token (a page left open too long) is explained the same way.
    page.locator("form[action$='/me-too'] input[name=csrf_token]").evaluate("input => input.value = 'stale'")
    page.get_by_role("button", name="I have this question too").click()
    expect(page.get_by_role("status").filter(has_text="Reload the page and try again")).to_be_visible()
    expect(page.locator("[data-affected]")).to_contain_text("1 person has this question")
    assert page.url.endswith(question.url)
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_times_are_shown_in_the_readers_zone_and_in_utc_without_javascript(app, browser, base_url, javascript):
    from zoneinfo import ZoneInfo

    from forum.extensions import db
    from forum.qa.models import Revision

    question = make_question(app, make_user(app))
    with app.app_context():
        created = db.session.scalars(db.select(Revision.created_at).where(Revision.question_id == question.id)).one()
    context = browser.new_context(base_url=base_url, java_script_enabled=javascript, timezone_id="Australia/Sydney")
    page = context.new_page()
    page.goto(f"/questions/{question.id}/revisions")
    shown = page.locator(".cf-byline time").first
    if javascript:
        sydney = created.astimezone(ZoneInfo("Australia/Sydney"))
        expect(shown).to_have_text(f"{sydney.day} {sydney:%B %Y, %H:%M} {sydney.tzname()}")
        expect(shown).to_have_attribute("title", f"{created.day} {created:%B %Y, %H:%M} UTC")
    else:
        expect(shown).to_have_text(f"{created.day} {created:%B %Y, %H:%M} UTC")
    context.close()


def test_pressing_a_vote_with_the_keyboard(app, browser, base_url):
    asker, reader = make_user(app), make_user(app)
    question = make_question(app, asker)
    page = sign_in(browser, base_url, reader, True)
    page.goto(question.url)
    vote = page.locator("#question").get_by_role("button", name="Useful question")
    vote.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#question [data-score]")).to_contain_text("1")
    page.context.close()


@pytest.mark.parametrize("path", ["/questions", "question", "/questions/ask", "/", "/users/1", "/agencies/passport-office",
                                  "revisions", "long thread, page 2"])
def test_qa_pages_have_no_serious_accessibility_violations(app, axe_check, browser, base_url, path):
    agency = make_agency(app, name="Passport Office", slug="passport-office")
    asker = make_user(app)
    helper = make_user(app)
    question = make_question(app, asker, agency=agency, body="Some **details**\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    make_answer(app, question, helper)
    from forum.qa import service
    from ..factories import run
    run(app, service.edit_question, asker, question.id, "How long does a passport renewal take now?",
        "Edited details", ["passports"], None)
    storage = None
    if path == "/questions/ask":  # the ask page needs a signed-in person
        page = sign_in(browser, base_url, asker, True)
        storage = page.context.storage_state()
        page.context.close()
    if path == "long thread, page 2":
        from forum.qa.question_page import ANSWERS_PER_PAGE
        for _ in range(ANSWERS_PER_PAGE):
            make_answer(app, question, helper)
    target = {"question": question.url, "revisions": f"/questions/{question.id}/revisions",
              "long thread, page 2": f"{question.url}?page=2"}.get(path, path)
    axe_check(target, storage_state=storage)
