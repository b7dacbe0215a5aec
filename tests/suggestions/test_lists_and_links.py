"""Lists (sorts, filters, bounded queries) and links between questions and suggestions."""
from datetime import timedelta

import pytest
from sqlalchemy import update

from forum.extensions import db, utcnow
from forum.suggestions.models import QuestionSuggestionLink, Suggestion, SuggestionSupport

from ..factories import make_question, make_user
from ..helpers import csrf_token
from .conftest import make_suggestion
from .test_status import set_status
from .test_support import act


def titles(page: str, *candidates: str) -> list[str]:
    """The candidates present on the page, in the order they appear."""
    return sorted((c for c in candidates if c in page), key=page.index)


def test_sorts_and_filters(app, client, client_of, agency, other_agency, proposer, moderator):
    popular = make_suggestion(app, proposer, agency, title="Popular idea about tax refunds", tags=("refunds",))
    make_suggestion(app, proposer, other_agency, title="Fresh idea about passport photos", tags=("photos",))
    old = make_suggestion(app, proposer, agency, title="Old idea about paper forms", tags=("forms",))
    for person in [make_user(app) for _ in range(3)]:
        act(client_of(person), f"/suggestions/{popular.id}/support", popular.url, support="yes")
    act(client_of(make_user(app)), f"/suggestions/{old.id}/support", old.url, support="yes")
    with app.app_context():  # old's supports all happened long ago: not trending
        db.session.execute(update(SuggestionSupport).where(SuggestionSupport.suggestion_id == old.id)
                           .values(created_at=utcnow() - timedelta(days=30)))
        db.session.execute(update(Suggestion).where(Suggestion.id == old.id)
                           .values(created_at=utcnow() - timedelta(days=30), last_activity_at=utcnow() - timedelta(days=30)))
        db.session.commit()
    names = ("Popular idea", "Fresh idea", "Old idea")
    assert titles(client.get("/suggestions").get_data(as_text=True), *names) == ["Popular idea", "Old idea", "Fresh idea"]
    assert titles(client.get("/suggestions?sort=trending").get_data(as_text=True), *names) == ["Popular idea", "Fresh idea", "Old idea"]
    assert titles(client.get("/suggestions?sort=newest").get_data(as_text=True), *names)[-1] == "Old idea"
    assert titles(client.get("/suggestions?agency=passport-office").get_data(as_text=True), *names) == ["Fresh idea"]
    assert titles(client.get("/suggestions?tag=Forms").get_data(as_text=True), *names) == ["Old idea"]
    set_status(client_of(moderator), popular, "planned", "We will do it.")
    assert titles(client.get("/suggestions?sort=updated").get_data(as_text=True), *names)[0] == "Popular idea"
    assert titles(client.get("/suggestions?status=planned").get_data(as_text=True), *names) == ["Popular idea"]
    # Unknown values fall back instead of failing.
    for query in ("sort=sideways", "status=maybe", "page=-3", "page=abc", "tag=%21%21", "agency=nowhere"):
        assert client.get(f"/suggestions?{query}").status_code == 200, query


def test_list_queries_are_bounded(app, client, agency, proposer, count_queries):
    make_suggestion(app, proposer, agency)
    with count_queries() as few:
        assert client.get("/suggestions?sort=trending").status_code == 200
    for n in range(15):
        make_suggestion(app, make_user(app), agency, title=f"Another improvement number {n}")
    with count_queries() as many:
        assert client.get("/suggestions?sort=trending").status_code == 200
    assert many[0] == few[0]


def test_suggestion_page_queries_are_bounded(app, client_of, agency, proposer, moderator, count_queries):
    s = make_suggestion(app, proposer, agency)
    reader = client_of(make_user(app))
    with count_queries() as few:
        assert reader.get(s.url).status_code == 200
    staff = client_of(moderator)
    set_status(staff, s, "under_review", "Looking.")
    set_status(staff, s, "planned", "Planned.")
    for n in range(5):
        q = make_question(app, make_user(app), title=f"Question number {n} about uploads")
        act(reader, f"/suggestions/{s.id}/links", s.url, question=str(q.id))
    with count_queries() as many:
        assert reader.get(s.url).status_code == 200
    assert many[0] == few[0]


def test_anyone_signed_in_links_a_question_and_both_pages_show_it(app, client, client_of, agency, proposer,
                                                                    supporter, suggestion):
    question = make_question(app, make_user(app), title="Can I upload my documents instead of posting them?")
    linker = client_of(supporter)
    response = act(linker, f"/suggestions/{suggestion.id}/links", suggestion.url,
                   question=f"http://localhost{question.url}")
    assert response.status_code == 302
    act(linker, f"/suggestions/{suggestion.id}/links", suggestion.url, question=str(question.id))  # twice: one link
    with app.app_context():
        assert db.session.query(QuestionSuggestionLink).count() == 1
    assert "Can I upload my documents" in client.get(suggestion.url).get_data(as_text=True)
    page = client.get(question.url).get_data(as_text=True)
    assert "Related suggestions" in page and "Let people upload documents in the app" in page


@pytest.mark.parametrize("ref", ["", "not a question", "999999", "/questions/abc"])
def test_linking_needs_a_real_question(app, client_of, supporter, suggestion, ref):
    response = act(client_of(supporter), f"/suggestions/{suggestion.id}/links", suggestion.url, question=ref)
    assert response.status_code == 400
    assert "question" in response.get_data(as_text=True)


def test_only_agency_moderators_and_admins_remove_links(app, client_of, agency, other_agency, supporter,
                                                         moderator, suggestion):
    question = make_question(app, make_user(app))
    act(client_of(supporter), f"/suggestions/{suggestion.id}/links", suggestion.url, question=str(question.id))
    url = f"/suggestions/{suggestion.id}/links/{question.id}/delete"
    for person in (supporter, make_user(app, role="moderator", agency=other_agency)):
        client = client_of(person)
        response = client.post(url, data={"csrf_token": csrf_token(client, suggestion.url)})
        assert response.status_code == 403 and "Only moderators" in response.get_data(as_text=True)
    staff = client_of(moderator)
    assert "Remove link" in staff.get(suggestion.url).get_data(as_text=True)
    assert staff.post(url, data={"csrf_token": csrf_token(staff, suggestion.url)}).status_code == 302
    with app.app_context():
        assert db.session.query(QuestionSuggestionLink).count() == 0
    assert staff.post(url, data={"csrf_token": csrf_token(staff, suggestion.url)}).status_code == 404


def test_huge_numbers_are_not_found_rather_than_errors(client_of, supporter, moderator, suggestion):
    client = client_of(supporter)
    assert client.get("/suggestions/99999999999").status_code == 404
    response = act(client, f"/suggestions/{suggestion.id}/links", suggestion.url, question="99999999999")
    assert response.status_code == 400
    response = set_status(client_of(moderator), suggestion, "duplicate", duplicate_of="99999999999")
    assert response.status_code == 400
