"""The agency's answer: status changes with a public response, the timeline, and merging duplicates."""
import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.suggestions.models import Suggestion, SuggestionStatusChange, SuggestionSupport

from ..factories import fetch, make_user
from ..helpers import csrf_token
from .conftest import make_suggestion
from .test_support import act

RESPONSE = "We will add document upload to the app in the March release."


def set_status(client, suggestion, status, response=RESPONSE, **extra):
    return client.post(f"/suggestions/{suggestion.id}/status",
                       data={"status": status, "response": response, "csrf_token": csrf_token(client, "/suggestions"),
                             **extra})


def timeline(app, suggestion_id):
    with app.app_context():
        return [(c.old_status, c.new_status, c.response) for c in db.session.scalars(
            select(SuggestionStatusChange).where(SuggestionStatusChange.suggestion_id == suggestion_id)
            .order_by(SuggestionStatusChange.id))]


def test_moderator_responds_and_everyone_sees_the_timeline(app, client, client_of, moderator, suggestion):
    staff = client_of(moderator)
    assert set_status(staff, suggestion, "under_review", "We are looking into it.").status_code == 302
    response = set_status(staff, suggestion, "planned")
    assert response.status_code == 302 and response.headers["Location"].endswith("#timeline")
    assert fetch(app, Suggestion, suggestion.id, "status") == "planned"
    assert fetch(app, Suggestion, suggestion.id, "first_response_at") is not None
    page = client.get(suggestion.url).get_data(as_text=True)
    assert page.index("Under review") < page.index("We are looking into it.") < page.index(RESPONSE)
    assert "National Tax Office ·" in page
    assert timeline(app, suggestion.id) == [("open", "under_review", "We are looking into it."),
                                            ("under_review", "planned", RESPONSE)]


@pytest.mark.parametrize("who, allowed", [
    ("citizen", False), ("author", False), ("policy", False), ("moderator of another agency", False),
    ("moderator of the agency", True), ("admin", True)])
def test_who_may_change_the_status(app, client_of, agency, other_agency, proposer, moderator, suggestion, who, allowed):
    person = {"citizen": lambda: make_user(app), "author": lambda: proposer,
              "policy": lambda: make_user(app, role="policy"),
              "moderator of another agency": lambda: make_user(app, role="moderator", agency=other_agency),
              "moderator of the agency": lambda: moderator, "admin": lambda: make_user(app, role="admin")}[who]()
    response = set_status(client_of(person), suggestion, "planned")
    assert response.status_code == (302 if allowed else 403)
    assert fetch(app, Suggestion, suggestion.id, "status") == ("planned" if allowed else "open")
    if not allowed:
        assert "Only moderators of the agency" in response.get_data(as_text=True)
        assert timeline(app, suggestion.id) == []


def test_only_staff_see_the_response_form(client_of, supporter, moderator, suggestion):
    assert "Publish response" not in client_of(supporter).get(suggestion.url).get_data(as_text=True)
    assert "Publish response" in client_of(moderator).get(suggestion.url).get_data(as_text=True)


@pytest.mark.parametrize("status, response, message", [
    ("planned", "", "Write the agency&#39;s response"),
    ("planned", "   ", "Write the agency"),
    ("planned", "x" * 5001, "5,000 characters or fewer"),
    ("open", RESPONSE, "Choose a status from the list"),
    ("finished", RESPONSE, "Choose a status from the list"),
    ("duplicate", RESPONSE, "Give the number or web address of the suggestion this one duplicates"),
])
def test_bad_status_changes_are_refused_and_change_nothing(app, client_of, moderator, suggestion,
                                                           status, response, message):
    answer = set_status(client_of(moderator), suggestion, status, response)
    assert answer.status_code == 400
    assert message in answer.get_data(as_text=True)
    assert fetch(app, Suggestion, suggestion.id, "status") == "open"
    assert timeline(app, suggestion.id) == []


def test_implemented_is_final(app, client_of, moderator, suggestion):
    staff = client_of(moderator)
    set_status(staff, suggestion, "implemented", "Done: the upload button is live.")
    assert set_status(staff, suggestion, "declined").status_code == 400
    assert fetch(app, Suggestion, suggestion.id, "status") == "implemented"


def test_merging_a_duplicate_moves_supports_without_counting_anyone_twice(app, client, client_of, agency,
                                                                         proposer, moderator):
    kept = make_suggestion(app, proposer, agency, title="Upload documents in the app")
    copy = make_suggestion(app, make_user(app), agency, title="Please let me upload forms online")
    both, only_copy = make_user(app), make_user(app)
    for person, targets in ((both, (kept, copy)), (only_copy, (copy,))):
        for target in targets:
            act(client_of(person), f"/suggestions/{target.id}/support", target.url, support="yes")
    assert fetch(app, Suggestion, kept.id, "support_count") == 2  # proposer and `both`
    assert fetch(app, Suggestion, copy.id, "support_count") == 3  # its author, `both`, `only_copy`
    response = set_status(client_of(moderator), copy, "duplicate", "Same idea as the other one.",
                          duplicate_of=f"http://localhost{kept.url}")
    assert response.status_code == 302
    assert fetch(app, Suggestion, kept.id, "support_count") == 4  # + copy's author and only_copy
    assert fetch(app, Suggestion, copy.id, "duplicate_of_id") == kept.id
    with app.app_context():
        supporters = db.session.scalars(select(SuggestionSupport.user_id).where(
            SuggestionSupport.suggestion_id == kept.id)).all()
        assert sorted(supporters) == sorted({proposer.id, both.id, only_copy.id, copy.author_id})
    # The duplicate's page sends readers to the kept suggestion, with a notice.
    redirect = client.get(copy.url)
    assert redirect.status_code in (301, 302) and redirect.headers["Location"].endswith(f"/suggestions/{kept.id}")
    page = client.get(copy.url, follow_redirects=True).get_data(as_text=True)
    assert "was merged into this suggestion" in page and "Upload documents in the app" in page
    assert "Please let me upload forms online" not in client.get("/suggestions").get_data(as_text=True)
    # forum check agrees with the counters.
    assert app.test_cli_runner().invoke(args=["forum", "check"]).exit_code == 0


def test_a_suggestion_cannot_duplicate_itself_or_make_a_cycle(app, client_of, agency, proposer, moderator):
    a = make_suggestion(app, proposer, agency, title="Upload documents in the app")
    b = make_suggestion(app, proposer, agency, title="Upload documents on the website")
    c = make_suggestion(app, proposer, agency, title="Upload documents by email please")
    staff = client_of(moderator)
    response = set_status(staff, a, "duplicate", duplicate_of=str(a.id))
    assert response.status_code == 400 and "cannot be a duplicate of itself" in response.get_data(as_text=True)
    assert set_status(staff, a, "duplicate", duplicate_of="999999").status_code == 400
    assert set_status(staff, b, "duplicate", duplicate_of=str(a.id)).status_code == 302  # b -> a
    response = set_status(staff, a, "duplicate", duplicate_of=str(b.id))  # a -> b -> a
    assert response.status_code == 400 and "cycle of duplicates" in response.get_data(as_text=True)
    response = set_status(staff, c, "duplicate", duplicate_of=str(b.id))
    assert response.status_code == 400 and "is itself a duplicate" in response.get_data(as_text=True)
    assert fetch(app, Suggestion, a.id, "status") == fetch(app, Suggestion, c.id, "status") == "open"
