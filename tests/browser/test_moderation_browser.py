"""Moderation journeys in Chromium: an official answer on top, a tax file number held until
released, a post flagged by three people hidden; axe-core on the moderation pages."""
import pytest
from playwright.sync_api import expect

from ..factories import make_agency, make_answer, make_question, make_user, run
from .test_qa_browser import sign_in

pytestmark = pytest.mark.browser
TFN = "123 456 782"


@pytest.fixture
def tax_office(app):
    return make_agency(app, name="National Tax Office", slug="tax-office")


def test_moderator_marks_an_official_answer_and_a_citizen_sees_it_on_top(app, browser, base_url, tax_office):
    asker = make_user(app, display_name="Asha Asker")
    moderator = make_user(app, role="moderator", agency=tax_office, display_name="Tess Taxoffice")
    question = make_question(app, asker, title="When will my tax refund arrive?", agency=tax_office)
    make_answer(app, question, make_user(app), body="Usually two weeks, in my experience.")
    official = make_answer(app, question, make_user(app), body="Refunds are paid within 14 business days.")

    page = sign_in(browser, base_url, moderator, True)
    page.goto(question.url)
    page.locator(f"#answer-{official.id}").get_by_role("button", name="Mark as official answer from National Tax Office").click()
    expect(page.get_by_text("This is now the official answer from National Tax Office.")).to_be_visible()

    citizen = sign_in(browser, base_url, asker, False)
    citizen.goto(question.url)
    first = citizen.locator("article.cf-answer").first
    expect(first).to_have_attribute("id", f"answer-{official.id}")
    expect(first.get_by_text("Official answer from National Tax Office")).to_be_visible()
    expect(first.get_by_text("Marked by Tess Taxoffice")).to_be_visible()


def test_a_tax_file_number_is_held_until_released(app, browser, base_url, tax_office):
    author = make_user(app, display_name="Asha Asker")
    other = make_user(app, display_name="Rosa Reader")
    moderator = make_user(app, role="moderator", agency=tax_office, display_name="Tess Taxoffice")

    page = sign_in(browser, base_url, author, True)
    page.goto("/questions/ask")
    page.get_by_label("Your question").fill("Why was my tax return rejected this year?")
    page.get_by_label("Details").fill(f"My tax file number is {TFN} and the return bounced.")
    page.get_by_label("Tags").fill("tax-returns")
    page.get_by_role("button", name="Post your question").click()
    expect(page.get_by_text("saved but not public yet")).to_be_visible()
    expect(page.get_by_text("tax file number", exact=False).first).to_be_visible()
    url = page.url

    reader = sign_in(browser, base_url, other, True)
    assert reader.goto(url).status == 404
    reader.goto("/questions")
    expect(reader.get_by_text("Why was my tax return rejected this year?")).to_have_count(0)

    staff = sign_in(browser, base_url, moderator, True)
    staff.goto("/moderation")
    expect(staff.get_by_text(TFN)).to_have_count(0)  # the queue shows it redacted
    staff.get_by_role("button", name="Redact and release").click()
    expect(staff.get_by_text("The post is redacted and published.")).to_be_visible()

    reader.goto(url)
    expect(reader.get_by_role("heading", level=1)).to_have_text("Why was my tax return rejected this year?")
    expect(reader.get_by_text(TFN)).to_have_count(0)


def test_a_post_flagged_by_three_people_disappears(app, browser, base_url, tax_office):
    question = make_question(app, make_user(app), title="Where do I send my paper return?", agency=tax_office)
    spam = make_answer(app, question, make_user(app), body="Buy cheap watches at example.com")
    for n in range(3):
        page = sign_in(browser, base_url, make_user(app, display_name=f"Flagger {n}"), n % 2 == 0)
        page.goto(question.url)
        page.locator(f"#answer-{spam.id}").get_by_role("link", name="Flag").click()
        page.get_by_label("Why should a moderator look at this post?").select_option("spam")
        page.get_by_role("button", name="Flag for a moderator").click()
        expect(page.get_by_text("Thank you: a moderator will look at this answer.")).to_be_visible()
        page.context.close()
    visitor = browser.new_context(base_url=base_url).new_page()
    visitor.goto(question.url)
    expect(visitor.get_by_text("Buy cheap watches")).to_have_count(0)
    expect(visitor.get_by_role("heading", name="0 answers")).to_be_visible()


def test_a_suggestion_with_a_tax_file_number_is_held_until_released(app, browser, base_url, tax_office):
    author = make_user(app, display_name="Pia Proposer")
    moderator = make_user(app, role="moderator", agency=tax_office, display_name="Tess Taxoffice")
    title = "Stop asking for paper copies of tax letters"

    page = sign_in(browser, base_url, author, False)
    page.goto("/suggestions/new")
    page.get_by_label("Your suggestion").fill(title)
    page.get_by_label("Description").fill(f"I had to post my TFN {TFN} on paper. Let me upload it.")
    page.get_by_label("Tags").fill("online-services")
    page.get_by_label("Agency").select_option(label="National Tax Office")
    page.get_by_role("button", name="Publish your suggestion").click()
    expect(page.get_by_text("saved but not public yet")).to_be_visible()
    url = page.url

    visitor = browser.new_context(base_url=base_url).new_page()
    assert visitor.goto(url).status == 404
    visitor.goto("/suggestions")
    expect(visitor.get_by_text(title)).to_have_count(0)

    staff = sign_in(browser, base_url, moderator, True)
    staff.goto("/moderation")
    expect(staff.get_by_text(TFN)).to_have_count(0)  # shown redacted
    staff.locator(".cf-queue__item", has_text=title).get_by_role("button", name="Redact and release").click()
    expect(staff.get_by_text("The post is redacted and published.")).to_be_visible()

    visitor.goto(url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    expect(visitor.get_by_text(TFN)).to_have_count(0)


@pytest.mark.parametrize("path", ["/moderation", "/moderation?show=hidden", "/moderation/log", "official", "flag",
                                  "hidden question"])
def test_moderation_pages_have_no_serious_accessibility_violations(app, axe_check, browser, base_url, tax_office, path):
    from forum.moderation import service
    from ..suggestions.conftest import make_suggestion
    asker = make_user(app)
    moderator = make_user(app, role="moderator", agency=tax_office, display_name="Tess Taxoffice")
    question = make_question(app, asker, agency=tax_office)
    answer = make_answer(app, question, make_user(app))
    run(app, service.mark_official, moderator, answer.id)
    held = make_question(app, asker, title="A held question with a number", body=f"TFN {TFN}", agency=tax_office)
    other = make_answer(app, question, make_user(app), body="An answer someone flagged.")
    run(app, service.flag_post, asker, "answer", other.id, "abusive", "rude")
    run(app, service.set_locked, moderator, held.id, True, "testing")
    suggestion = make_suggestion(app, make_user(app), tax_office, title="A flagged suggestion")
    run(app, service.flag_post, asker, "suggestion", suggestion.id, "spam")
    hidden = make_question(app, asker, title="A hidden question", agency=tax_office)
    run(app, service.decide, moderator, "question", hidden.id, "hide")
    page = sign_in(browser, base_url, asker if path == "flag" else moderator, True)
    storage = page.context.storage_state()
    page.context.close()
    target = {"official": question.url, "flag": f"/answers/{answer.id}/flag", "hidden question": hidden.url}.get(path, path)
    axe_check(target, storage_state=storage)
