"""Proposing a suggestion: the form, its preview with similar suggestions, and bad input."""
from datetime import timedelta

from sqlalchemy import select

from forum.accounts.models import User
from forum.extensions import db, utcnow
from forum.suggestions.models import Suggestion, SuggestionSupport

from ..factories import make_user
from .conftest import make_suggestion

GOOD = {"title": "Let people upload documents in the app", "body": "Posting paper takes **weeks**.",
        "tags": "Online services, forms", "agency": "tax-office", "action": "post"}


def test_citizen_proposes_and_supports_it_at_once(app, agency, citizen_client, form):
    response = form(citizen_client, "/suggestions/new", GOOD)
    assert response.status_code == 302
    page = citizen_client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "Let people upload documents in the app" in page and "<strong>weeks</strong>" in page
    assert "<strong data-supports>1</strong> person supports" in page
    assert "You proposed this, so your support is counted." in page
    with app.app_context():
        s = db.session.scalars(select(Suggestion)).one()
        assert (s.status, s.support_count, s.tag_names, s.agency_id) == ("open", 1, "online-services forms", agency.id)
        assert db.session.scalars(select(SuggestionSupport.user_id)).all() == [citizen_client.user.id]


def test_visitors_are_sent_to_sign_in(client):
    response = client.get("/suggestions/new")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_preview_lists_similar_suggestions_without_javascript(app, agency, proposer, citizen_client, form, drain):
    make_suggestion(app, proposer, agency, title="Upload documents online instead of posting them")
    drain()
    response = form(citizen_client, "/suggestions/new", {**GOOD, "action": "preview"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Similar suggestions you could support instead" in page
    assert "Upload documents online instead of posting them" in page
    assert 'value="Let people upload documents in the app"' in page  # the form comes back filled in
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Suggestion)) == 1


def test_similar_endpoint_answers_json(app, agency, proposer, client, drain):
    kept = make_suggestion(app, proposer, agency, title="Upload documents online instead of posting them")
    make_suggestion(app, proposer, agency, title="Longer opening hours at the counter on Saturdays")
    drain()
    data = client.get("/suggestions/similar?title=uploading+documents+by+app").get_json()
    assert [s["id"] for s in data["suggestions"]] == [kept.id]
    assert data["suggestions"][0]["url"] == kept.url
    assert client.get("/suggestions/similar?title=the+and+of").get_json() == {"suggestions": []}
    assert client.get("/suggestions/similar").get_json() == {"suggestions": []}


def test_agency_is_required(agency, citizen_client, form):
    response = form(citizen_client, "/suggestions/new", {**GOOD, "agency": ""})
    assert response.status_code == 400
    assert "Choose the agency your suggestion is for" in response.get_data(as_text=True)
    response = form(citizen_client, "/suggestions/new", {**GOOD, "agency": "no-such-agency"})
    assert response.status_code == 400


def test_bad_input_comes_back_with_messages(agency, citizen_client, form):
    cases = [({"title": "Short"}, "between 10 and 150 characters"),
             ({"title": "x" * 151}, "between 10 and 150 characters"),
             ({"body": ""}, "Describe your suggestion"),
             ({"body": "x" * 20_001}, "20,000 characters or fewer"),
             ({"tags": "bad tag!"}, "is not a valid tag"),
             ({"tags": ""}, "Add at least one tag"),
             ({"title": "Nul \x00 in the title here"}, "control character")]
    for change, message in cases:
        response = form(citizen_client, "/suggestions/new", {**GOOD, **change})
        assert response.status_code == 400, change
        assert message in response.get_data(as_text=True), change


def test_suspended_people_cannot_propose(app, agency, client_of, form):
    person = make_user(app)
    with app.app_context():
        db.session.get(User, person.id).suspended_until = utcnow() + timedelta(days=1)
        db.session.commit()
    response = client_of(person).get("/suggestions/new")
    assert response.status_code == 403 and "suspended" in response.get_data(as_text=True)


def test_unknown_suggestion_is_404_and_slug_is_corrected(client, suggestion):
    assert client.get("/suggestions/999999").status_code == 404
    response = client.get(f"/suggestions/{suggestion.id}-wrong")
    assert response.status_code == 301 and response.headers["Location"].endswith(suggestion.url)


TABLE_OF_SHORT_ROWS = "a|b|c|d\n-|-|-|-\n" + "x\n" * 1_000  # 4,000 cells: over the limit of what is shown


def test_preview_of_a_description_too_costly_to_show_explains_the_limit(agency, citizen_client, form):
    response = form(citizen_client, "/suggestions/new", {**GOOD, "body": TABLE_OF_SHORT_ROWS, "action": "preview"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "at most 1,000 cells" in page and 'id="body-error"' in page
    assert f'value="{GOOD["title"]}"' in page and "a|b|c|d" in page  # kept, not shown rendered


def test_a_suggestion_too_costly_to_show_comes_back_filled_in(app, agency, citizen_client, form):
    response = form(citizen_client, "/suggestions/new", {**GOOD, "body": TABLE_OF_SHORT_ROWS})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "at most 1,000 cells" in page and 'id="body-error"' in page and f'value="{GOOD["title"]}"' in page
    with app.app_context():
        assert db.session.scalars(select(Suggestion)).all() == []
