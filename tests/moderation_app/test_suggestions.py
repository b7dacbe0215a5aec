"""Suggestions are moderated like posts: personal information holds them, flags hide them, the
agency's queue decides, and a suggestion that is not public appears nowhere public."""
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from forum.extensions import db, utcnow
from forum.insights import figures, responses
from forum.moderation import service
from forum.moderation.models import Flag
from forum.suggestions import queries as suggestion_queries
from forum.suggestions.models import Suggestion, SuggestionRevision, SuggestionStatusChange

from ..factories import fetch, make_question, make_user, run
from ..search.test_search_page import titles
from ..suggestions.conftest import make_suggestion
from .conftest import TFN, audit_actions

TITLE = "Let people upload documents in the app"


def propose(form, client, body, title=TITLE):
    return form(client, "/suggestions/new", {"title": title, "body": body, "tags": "online-services",
                                             "agency": "tax-office", "action": "post"})


def only_suggestion_id(app):
    with app.app_context():
        return db.session.scalar(select(Suggestion.id))


def flag(form, client, suggestion_id, reason="spam", text=""):
    return form(client, f"/suggestions/{suggestion_id}/flag", {"reason": reason, "text": text})


def decide(form, client, suggestion_id, decision, **extra):
    return form(client, f"/moderation/suggestion/{suggestion_id}/decide", {"decision": decision, **extra},
                page="/moderation")


def hide_by_flags(app, client_of, form, suggestion_id, people=3):
    for _ in range(people):
        flag(form, client_of(make_user(app)), suggestion_id)


@pytest.fixture
def suggestion(app, asker, agency):
    return make_suggestion(app, asker, agency, title=TITLE)


def test_a_suggestion_with_a_tax_file_number_is_held(app, client_of, client, asker, reader, agency, form, drain):
    author = client_of(asker)
    response = propose(form, author, f"I had to post my TFN {TFN} on paper: let me upload it.")
    assert response.status_code == 302
    page = author.get(response.headers["Location"]).get_data(as_text=True)
    notice = page.split("saved but not public yet")[1].split("</div>")[0]
    assert "tax file number" in notice and TFN not in notice  # the kind, never the value
    assert "Only you and the moderators can see this suggestion" in page
    suggestion_id = only_suggestion_id(app)
    assert fetch(app, Suggestion, suggestion_id, "state") == "held"
    assert audit_actions(app, "suggestion", suggestion_id) == ["auto_hold"]
    # Nobody else sees it: not the page, the list, search or similar suggestions.
    drain()
    assert client_of(reader).get(f"/suggestions/{suggestion_id}").status_code == 404
    assert client.get(f"/suggestions/{suggestion_id}").status_code == 404
    assert TITLE not in client.get("/suggestions").get_data(as_text=True)
    assert titles(client, "/search?q=upload+documents&type=suggestion") == []
    assert client.get("/suggestions/similar?title=upload+documents+app").get_json() == {"suggestions": []}


def test_the_agencys_moderator_releases_a_held_suggestion(app, client_of, client, asker, moderator, outsider, form):
    propose(form, client_of(asker), f"My TFN is {TFN}.")
    suggestion_id = only_suggestion_id(app)
    assert TITLE not in client_of(outsider).get("/moderation").get_data(as_text=True)  # another agency's
    assert decide(form, client_of(outsider), suggestion_id, "release").status_code == 403
    queue = client_of(moderator).get("/moderation").get_data(as_text=True)
    assert "Held for personal information" in queue and TITLE in queue and "tax file number" in queue
    assert TFN not in queue  # shown redacted
    assert client_of(moderator).get(f"/suggestions/{suggestion_id}").status_code in (200, 301)
    assert decide(form, client_of(moderator), suggestion_id, "release").status_code == 302
    assert fetch(app, Suggestion, suggestion_id, "state") == "public"
    assert TITLE in client.get("/suggestions").get_data(as_text=True)
    assert audit_actions(app, "suggestion", suggestion_id) == ["auto_hold", "refused:moderate_post", "release"]


def test_redact_and_release_keeps_the_original_as_a_revision(app, client_of, client, asker, moderator, form):
    propose(form, client_of(asker), f"Quote TFN {TFN} when you call.", title=f"Stop asking for TFN {TFN} on calls")
    suggestion_id = only_suggestion_id(app)
    queue = client_of(moderator).get("/moderation").get_data(as_text=True)
    assert "Stop asking for TFN [removed: tax file number] on calls" in queue and TFN not in queue
    assert decide(form, client_of(moderator), suggestion_id, "redact").status_code == 302
    state, title, slug, body, html = fetch(app, Suggestion, suggestion_id, "state", "title", "slug", "body_source",
                                           "body_html")
    assert state == "public"
    assert not any("782" in text for text in (title, slug, body, html))
    assert "[removed: tax file number]" in body
    with app.app_context():
        revisions = [(r.number, r.title, r.body_source) for r in db.session.scalars(
            select(SuggestionRevision).order_by(SuggestionRevision.number))]
    assert revisions[0] == (1, f"Stop asking for TFN {TFN} on calls", f"Quote TFN {TFN} when you call.")
    assert revisions[1] == (2, title, body)
    assert TFN not in client.get(f"/suggestions/{suggestion_id}", follow_redirects=True).get_data(as_text=True)


def test_a_suggestion_is_flagged_once_per_person(app, client_of, reader, suggestion, form):
    client = client_of(reader)
    assert flag(form, client, suggestion.id, "abusive").status_code == 302
    response = flag(form, client, suggestion.id, "off_topic")
    assert response.status_code == 409 and "already flagged" in response.get_data(as_text=True)
    with app.app_context():
        row = db.session.scalars(select(Flag)).one()
        assert (row.user_id, row.suggestion_id, row.reason) == (reader.id, suggestion.id, "abusive")


def test_the_author_cannot_flag_their_own_suggestion(client_of, asker, suggestion, form):
    assert flag(form, client_of(asker), suggestion.id).status_code == 403


def test_the_suggestion_page_offers_the_flag_link(client_of, reader, suggestion):
    assert f"/suggestions/{suggestion.id}/flag" in client_of(reader).get(suggestion.url).get_data(as_text=True)


def test_three_people_hide_a_suggestion_everywhere_until_reviewed(app, client_of, client, asker, agency, moderator,
                                                                   suggestion, form, drain):
    question = make_question(app, asker, title="Can I upload my documents instead of posting them?")
    form(client_of(make_user(app)), f"/suggestions/{suggestion.id}/links", {"question": str(question.id)},
         page=suggestion.url)
    drain()
    hide_by_flags(app, client_of, form, suggestion.id)
    assert fetch(app, Suggestion, suggestion.id, "state") == "hidden"
    assert audit_actions(app, "suggestion", suggestion.id) == ["auto_hide"]
    drain()
    assert client.get(suggestion.url).status_code == 404
    assert TITLE not in client.get("/suggestions").get_data(as_text=True)
    assert TITLE not in client.get("/tags/online-services").get_data(as_text=True)
    assert "Related suggestions" not in client.get(question.url).get_data(as_text=True)
    assert titles(client, "/search?q=upload+documents&type=suggestion") == []
    with app.app_context():
        assert suggestion_queries.similar_suggestions_in_database("upload documents app") == []
    # Nobody can support it or link to it meanwhile.
    assert form(client_of(make_user(app)), f"/suggestions/{suggestion.id}/support", {"support": "yes"},
                page="/suggestions").status_code == 404
    # The agency's moderator sees it in the queue, and can open it, and restores it.
    staff = client_of(moderator)
    queue = staff.get("/moderation").get_data(as_text=True)
    assert TITLE in queue and "3 flags" in queue and "Restore" in queue
    assert "Hidden from the public" in staff.get(suggestion.url).get_data(as_text=True)
    assert decide(form, staff, suggestion.id, "restore").status_code == 302
    assert fetch(app, Suggestion, suggestion.id, "state") == "public"
    assert TITLE in client.get("/suggestions").get_data(as_text=True)
    with app.app_context():
        assert set(db.session.scalars(select(Flag.status))) == {"dismissed"}


@pytest.mark.parametrize("decision, state", [("hide", "hidden"), ("delete", "deleted")])
def test_moderator_hides_or_deletes_a_flagged_suggestion(app, client_of, reader, moderator, suggestion, form,
                                                         decision, state):
    flag(form, client_of(reader), suggestion.id)
    assert decide(form, client_of(moderator), suggestion.id, decision, reason="advertising").status_code == 302
    assert fetch(app, Suggestion, suggestion.id, "state") == state
    assert audit_actions(app, "suggestion", suggestion.id) == [decision]
    assert client_of(reader).get(suggestion.url).status_code == 404


def test_other_agencies_do_not_see_or_decide_on_a_suggestion(app, client_of, reader, outsider, admin, suggestion,
                                                             form):
    flag(form, client_of(reader), suggestion.id)
    assert TITLE not in client_of(outsider).get("/moderation").get_data(as_text=True)
    assert TITLE in client_of(admin).get("/moderation").get_data(as_text=True)
    assert decide(form, client_of(outsider), suggestion.id, "hide").status_code == 403
    assert fetch(app, Suggestion, suggestion.id, "state") == "public"


def test_a_hidden_suggestion_leaves_the_insights_figures(app, asker, agency, moderator, suggestion):
    make_suggestion(app, asker, agency, title="Longer opening hours at the counter")
    run(app, service.decide, moderator, "suggestion", suggestion.id, "hide")
    with app.app_context():
        scope = figures.Scope(utcnow() - timedelta(days=1), utcnow() + timedelta(days=1))
        assert responses.suggestions_by_status(scope)[figures.ALL]["total"] == 1


def test_search_rechecks_a_suggestion_hidden_behind_the_index(app, client, suggestion, drain):
    drain()
    assert titles(client, "/search?q=upload+documents&type=suggestion") != []
    with app.app_context():  # a Core update: no outbox row, the index still has it
        db.session.execute(update(Suggestion.__table__).where(Suggestion.__table__.c.id == suggestion.id)
                           .values(state="hidden"))
        db.session.commit()
    assert titles(client, "/search?q=upload+documents&type=suggestion") == []
    with app.app_context():
        assert suggestion_queries.similar_suggestions("upload documents in the app") == []


def test_a_response_with_personal_information_is_refused_next_to_the_field(app, client_of, moderator, suggestion,
                                                                          form):
    response = form(client_of(moderator), f"/suggestions/{suggestion.id}/status",
                    {"status": "planned", "response": f"Call us and quote TFN {TFN}."}, page=suggestion.url)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The response seems to contain a tax file number" in page
    assert 'id="response-error"' in page and f"quote TFN {TFN}" in page  # next to the field, text kept
    assert fetch(app, Suggestion, suggestion.id, "status") == "open"
    with app.app_context():
        assert db.session.scalar(select(SuggestionStatusChange)) is None


def test_a_held_suggestion_takes_no_status_change(app, client_of, asker, moderator, form):
    propose(form, client_of(asker), f"My TFN is {TFN}.")
    suggestion_id = only_suggestion_id(app)
    response = form(client_of(moderator), f"/suggestions/{suggestion_id}/status",
                    {"status": "planned", "response": "We will."}, page="/suggestions")
    assert response.status_code == 404
    assert fetch(app, Suggestion, suggestion_id, "status") == "open"


def test_no_duplicate_of_a_hidden_suggestion(app, client_of, asker, agency, moderator, suggestion, form):
    copy = make_suggestion(app, make_user(app), agency, title="Upload forms in the app please")
    hide_by_flags(app, client_of, form, suggestion.id)
    response = form(client_of(moderator), f"/suggestions/{copy.id}/status",
                    {"status": "duplicate", "response": "Same idea.", "duplicate_of": str(suggestion.id)},
                    page=copy.url)
    assert response.status_code == 400 and "no public suggestion" in response.get_data(as_text=True)


def test_a_pain_point_does_not_name_a_hidden_suggestion(app, moderator, suggestion):
    from forum.insights import queries as insights
    from forum.insights.models import PainPoint

    run(app, service.decide, moderator, "suggestion", suggestion.id, "hide")
    with app.app_context():
        assert insights.related_suggestions([PainPoint(suggestion_ids=str(suggestion.id))]) == {}
