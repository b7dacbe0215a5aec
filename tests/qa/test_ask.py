"""Asking a question: validation, preview, tags, and nothing lost on a mistake."""
import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.qa.models import Question, Revision
from forum.tags.models import Tag

from ..factories import make_agency

GOOD = {"title": "How long does a passport renewal take?", "body": "I applied **last month**.",
        "tags": "Passports, Waiting Times", "agency": "", "action": "post"}


def questions_in(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Question))


def test_visitors_are_asked_to_sign_in_first(client):
    response = client.get("/questions/ask")
    assert response.status_code == 302 and "/login?next=/questions/ask" in response.headers["Location"]


def test_ask_publishes_with_rendered_markdown_and_normalised_tags(app, client_of, asker, form):
    agency = make_agency(app, name="Passport Office", slug="passport-office")
    client = client_of(asker)
    response = form(client, "/questions/ask", {**GOOD, "agency": agency.slug})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>last month</strong>" in page
    assert "passports" in page and "waiting-times" in page and "Passport Office" in page
    with app.app_context():
        question = db.session.scalar(select(Question))
        assert question.tag_names == "passports waiting-times"
        assert question.slug == "how-long-does-a-passport-renewal-take"
        assert db.session.scalar(select(func.count()).select_from(Revision)) == 1
        assert {t.name: t.question_count for t in db.session.scalars(select(Tag))} == {
            "passports": 1, "waiting-times": 1}


def test_preview_renders_without_saving_and_keeps_the_form(app, client_of, asker, form):
    response = form(client_of(asker), "/questions/ask", {**GOOD, "body": "- one\n- two", "action": "preview"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<li>one</li>" in page and 'value="How long does a passport renewal take?"' in page
    assert questions_in(app) == 0


def test_preview_never_executes_markup(app, client_of, asker, form):
    response = form(client_of(asker), "/questions/ask",
                    {**GOOD, "body": "<script>alert(1)</script> [x](javascript:alert(1))", "action": "preview"})
    page = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and 'href="javascript:' not in page


def test_preview_of_a_body_over_the_limit_is_not_rendered(app, client_of, asker, form):
    response = form(client_of(asker), "/questions/ask", {**GOOD, "body": "*a* " * 5_001, "action": "preview"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "20,000 characters or fewer" in page and 'id="preview-heading"' not in page
    assert "<em>a</em>" not in page


TABLE_OF_SHORT_ROWS = "a|b|c|d\n-|-|-|-\n" + "x\n" * 1_000


def test_preview_of_a_table_too_large_to_show_explains_the_limit(app, client_of, asker, form):
    response = form(client_of(asker), "/questions/ask", {**GOOD, "body": TABLE_OF_SHORT_ROWS, "action": "preview"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "at most 1,000 cells" in page and 'id="body-error"' in page
    assert 'id="preview-heading"' not in page and "a|b|c|d" in page  # the text is kept, not shown rendered


def test_a_question_too_costly_to_show_comes_back_filled_in(app, client_of, asker, form):
    response = form(client_of(asker), "/questions/ask", {**GOOD, "body": TABLE_OF_SHORT_ROWS})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "at most 1,000 cells" in page and f'value="{GOOD["title"]}"' in page
    assert questions_in(app) == 0


def test_a_question_over_the_posting_limit_comes_back_filled_in(app, client_of, asker, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_POSTING", "1 per minute")
    client = client_of(asker)
    assert form(client, "/questions/ask", GOOD).status_code == 302
    response = form(client, "/questions/ask", {**GOOD, "title": "A second question typed with care"})
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "You can try again in about 1 minute" in page and 'value="A second question typed with care"' in page
    assert questions_in(app) == 1


def test_previews_do_not_use_up_the_posting_limit(app, client_of, asker, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_POSTING", "2 per minute")
    client = client_of(asker)
    assert [form(client, "/questions/ask", {**GOOD, "action": "preview"}).status_code for _ in range(4)] == [200] * 4
    assert form(client, "/questions/ask", GOOD).status_code == 302


def test_previews_have_a_limit_of_their_own(app, client_of, asker, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_PREVIEW", "2 per minute")
    client = client_of(asker)
    responses = [form(client, "/questions/ask", {**GOOD, "action": "preview"}) for _ in range(3)]
    assert [r.status_code for r in responses] == [200, 200, 429]
    refused = responses[-1].get_data(as_text=True)
    assert "You have previewed as often" in refused and f'value="{GOOD["title"]}"' in refused
    assert form(client, "/questions/ask", GOOD).status_code == 302


@pytest.mark.parametrize("change, message", [
    ({"title": ""}, "Enter your question"),
    ({"title": "Too short"}, "between 10 and 150 characters"),
    ({"title": "x" * 151}, "between 10 and 150 characters"),
    ({"body": ""}, "Enter the details"),
    ({"body": "x" * 20_001}, "20,000 characters or fewer"),
    ({"tags": ""}, "Add at least one tag"),
    ({"tags": "a, b, c, d, e, f"}, "at most 5 tags"),
    ({"tags": "payments, tax$return"}, "not a valid tag"),
    ({"tags": "x" * 31}, "too long"),
    ({"agency": "no-such-agency"}, "Choose an agency from the list, or “Not sure / none”"),
    ({"body": "Hello\x00there"}, "cannot be stored"),
])
def test_bad_questions_come_back_filled_in_with_the_error(app, client_of, asker, form, change, message):
    data = {**GOOD, **change}
    response = form(client_of(asker), "/questions/ask", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert "There is a problem" in page
    if change.get("title", GOOD["title"]) == GOOD["title"]:
        assert f'value="{GOOD["title"]}"' in page  # what was typed is kept
    assert questions_in(app) == 0


def test_every_error_of_a_field_is_announced_with_it(app, client_of, asker, form):
    response = form(client_of(asker), "/questions/ask", {**GOOD, "body": "\x07" + "x" * 20_000})
    page = response.get_data(as_text=True)
    assert 'id="body-error"' in page and 'id="body-error-2"' in page
    assert 'aria-describedby="body-hint body-error body-error-2"' in page


def test_body_far_over_the_request_limit_is_413_with_a_message(app, client_of, asker, form):
    response = form(client_of(asker), "/questions/ask", {**GOOD, "body": "x" * 700_000})
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)
    assert questions_in(app) == 0


def test_a_question_sent_without_the_agency_field_is_about_no_agency(app, client_of, asker, form):
    data = {key: value for key, value in GOOD.items() if key != "agency"}
    assert form(client_of(asker), "/questions/ask", data).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Question.agency_id)) is None


def test_a_20000_character_body_in_any_script_fits(app, client_of, asker, form):
    response = form(client_of(asker), "/questions/ask", {**GOOD, "body": "税" * 20_000})
    assert response.status_code == 302


def test_missing_csrf_token_keeps_the_question(app, client_of, asker):
    client = client_of(asker)
    response = client.post("/questions/ask", data=GOOD)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "could not be sent securely" in page and 'value="How long does a passport renewal take?"' in page
    assert questions_in(app) == 0


def test_suspended_people_cannot_ask(app, client_of, asker, form):
    from datetime import datetime, timedelta, timezone

    from forum.accounts.models import User
    with app.app_context():
        db.session.get(User, asker.id).suspended_until = datetime.now(timezone.utc) + timedelta(days=2)
        db.session.commit()
    response = client_of(asker).get("/questions/ask")
    assert response.status_code == 403 and "suspended" in response.get_data(as_text=True)
