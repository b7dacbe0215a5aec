"""The suggestion journey in Chromium, with JavaScript on and off: a citizen proposes ->
others support -> the agency's threshold is reached -> a moderator responds "planned" ->
the citizen sees the timeline. And axe-core on the suggestion pages."""
import pytest
from playwright.sync_api import expect

from forum.accounts.models import Agency
from forum.extensions import db

from ..factories import make_agency, make_question, make_user
from ..suggestions.conftest import make_suggestion
from .test_qa_browser import sign_in

pytestmark = pytest.mark.browser
TITLE = "Let people upload documents in the app instead of posting them"


def set_threshold(app, agency, value: int) -> None:
    with app.app_context():
        db.session.get(Agency, agency.id).support_threshold = value
        db.session.commit()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_propose_support_threshold_response_timeline(app, browser, base_url, javascript, drain):
    agency = make_agency(app, name="National Tax Office", slug="tax-office")
    set_threshold(app, agency, 3)
    earlier = make_suggestion(app, make_user(app), agency, title="Upload documents online with a form")
    drain()  # similar suggestions come from the search index, as after the request that proposed it
    citizen = make_user(app, display_name="Pia Proposer")
    backers = [make_user(app, display_name=f"Backer {n}") for n in (1, 2)]
    moderator = make_user(app, role="moderator", agency=agency, display_name="Tax Office team")

    # The citizen starts proposing; similar suggestions are offered.
    page = sign_in(browser, base_url, citizen, javascript)
    page.get_by_role("link", name="Suggestions", exact=True).click()
    page.get_by_role("button", name="Suggest an improvement").click()
    page.get_by_label("Your suggestion").fill(TITLE)
    if javascript:  # offered while typing
        expect(page.locator(".cf-similar")).to_contain_text("Upload documents online with a form")
    page.get_by_label("Description").fill("Posting paper takes **weeks**.")
    page.get_by_label("Tags").fill("online services, forms")
    page.get_by_label("Agency").select_option(label="National Tax Office")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".cf-preview strong")).to_have_text("weeks")
    expect(page.locator(".cf-similar")).to_contain_text("Upload documents online with a form")
    page.get_by_role("button", name="Publish your suggestion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("[data-supports]")).to_have_text("1")
    url = page.url

    # Two others support it: the threshold of 3 is reached.
    for backer in backers:
        other = sign_in(browser, base_url, backer, javascript)
        other.goto(url)
        other.get_by_role("button", name="Support this suggestion").click()
        expect(other.get_by_text("Your support is counted.")).to_be_visible()
        other.context.close()
    page.goto(url)
    expect(page.locator("[data-supports]")).to_have_text("3")
    expect(page.get_by_text("Awaiting agency response")).to_be_visible()

    # The agency's moderator sees it waiting, and responds "planned".
    staff = sign_in(browser, base_url, moderator, javascript)
    staff.goto("/suggestions")
    staff.get_by_role("link", name="1 suggestion awaiting your agency’s response").click()
    staff.get_by_role("link", name=TITLE).click()
    staff.get_by_label("New status").select_option(label="Planned")
    staff.get_by_label("Public response").fill("We will add document upload to the app in March.")
    staff.get_by_role("button", name="Publish response").click()
    expect(staff.get_by_text("The status is now “Planned”")).to_be_visible()
    staff.context.close()

    # The citizen sees the timeline.
    page.goto(url)
    timeline = page.locator("#timeline")
    expect(timeline.get_by_role("heading", name="Planned")).to_be_visible()
    expect(timeline).to_contain_text("National Tax Office")
    expect(timeline).to_contain_text("We will add document upload to the app in March.")
    expect(page.get_by_text("Awaiting agency response")).to_have_count(0)
    assert earlier.id
    page.context.close()


@pytest.mark.parametrize("path", ["/suggestions", "suggestion", "staff suggestion", "/suggestions/new", "preview",
                                  "/suggestions?awaiting=yes", "question", "edit", "history"])
def test_suggestion_pages_have_no_serious_accessibility_violations(app, axe_check, browser, base_url, path):
    agency = make_agency(app, name="National Tax Office", slug="tax-office")
    set_threshold(app, agency, 1)
    author = make_user(app)
    s = make_suggestion(app, author, agency, body="Some **details**\n\n- one\n- two")
    question = make_question(app, make_user(app), agency=agency)
    from forum.suggestions import service
    from ..factories import run
    run(app, service.link_question, author, s.id, str(question.id))
    if path == "history":
        run(app, service.edit, author, s.id, "Let people upload scanned documents in the app",
            "Some **details**\n\n- one\n- two\n- three", ["online-services", "uploads"])
    person = make_user(app, role="moderator", agency=agency) if path == "staff suggestion" else author
    storage = None
    if path in ("staff suggestion", "/suggestions/new", "preview", "edit"):
        page = sign_in(browser, base_url, person, True)
        storage = page.context.storage_state()
        page.context.close()

    def preview(page):
        page.get_by_label("Your suggestion").fill("Let people upload documents in the app")
        page.get_by_role("button", name="Preview").click()  # with errors: the other fields are empty

    target = {"suggestion": s.url, "staff suggestion": s.url, "preview": "/suggestions/new",
              "question": question.url, "edit": f"/suggestions/{s.id}/edit",
              "history": f"/suggestions/{s.id}/revisions"}.get(path, path)
    axe_check(target, prepare=preview if path == "preview" else None, storage_state=storage)
