"""Supporting: one per citizen, withdrawable, exact under concurrent clicks, and the threshold."""
from forum.accounts.models import Agency
from forum.extensions import db
from forum.suggestions.models import Suggestion

from ..factories import fetch, make_user
from ..helpers import csrf_token, post_at_once
from .conftest import make_suggestion


def act(client, url, page, **data):
    return client.post(url, data={**data, "csrf_token": csrf_token(client, page)})


def set_threshold(app, agency, value: int) -> None:
    with app.app_context():
        db.session.get(Agency, agency.id).support_threshold = value
        db.session.commit()


def test_support_counts_once_and_can_be_withdrawn(app, client_of, supporter, suggestion):
    client = client_of(supporter)
    url = f"/suggestions/{suggestion.id}/support"
    assert act(client, url, suggestion.url, support="yes").status_code == 302
    act(client, url, suggestion.url, support="yes")  # supporting twice changes nothing
    assert fetch(app, Suggestion, suggestion.id, "support_count") == 2
    page = client.get(suggestion.url).get_data(as_text=True)
    assert "<strong data-supports>2</strong> people support" in page and "Withdraw my support" in page
    act(client, url, suggestion.url, support="no")
    act(client, url, suggestion.url, support="no")
    assert fetch(app, Suggestion, suggestion.id, "support_count") == 1


def test_the_author_may_withdraw_their_support_and_give_it_again(app, client_of, proposer, suggestion):
    author = client_of(proposer)
    page = author.get(suggestion.url).get_data(as_text=True)
    assert "You proposed this, so your support is counted." in page and "Withdraw my support" in page
    assert act(author, f"/suggestions/{suggestion.id}/support", suggestion.url, support="no").status_code == 302
    assert fetch(app, Suggestion, suggestion.id, "support_count") == 0
    assert "Support this suggestion" in author.get(suggestion.url).get_data(as_text=True)
    assert act(author, f"/suggestions/{suggestion.id}/support", suggestion.url, support="yes").status_code == 302
    assert fetch(app, Suggestion, suggestion.id, "support_count") == 1


def test_unknown_choice_is_400_and_unknown_suggestion_404(client_of, supporter, suggestion):
    client = client_of(supporter)
    assert act(client, f"/suggestions/{suggestion.id}/support", suggestion.url, support="maybe").status_code == 400
    assert act(client, "/suggestions/999999/support", suggestion.url, support="yes").status_code == 404


def test_closed_suggestions_cannot_be_supported(app, client_of, supporter, moderator, suggestion):
    act(client_of(moderator), f"/suggestions/{suggestion.id}/status", suggestion.url,
        status="declined", response="We cannot do this because the law requires paper.")
    client = client_of(supporter)
    response = act(client, f"/suggestions/{suggestion.id}/support", suggestion.url, support="yes")
    assert response.status_code == 403 and "closed" in response.get_data(as_text=True)
    assert fetch(app, Suggestion, suggestion.id, "support_count") == 1
    assert "This suggestion is closed" in client.get(suggestion.url).get_data(as_text=True)


def test_support_is_withdrawn_from_a_closed_suggestion_too(app, client_of, supporter, moderator, suggestion):
    client = client_of(supporter)
    act(client, f"/suggestions/{suggestion.id}/support", suggestion.url, support="yes")
    act(client_of(moderator), f"/suggestions/{suggestion.id}/status", suggestion.url,
        status="declined", response="We cannot do this because the law requires paper.")
    assert "Withdraw my support" in client.get(suggestion.url).get_data(as_text=True)
    assert act(client, f"/suggestions/{suggestion.id}/support", suggestion.url, support="no").status_code == 302
    assert fetch(app, Suggestion, suggestion.id, "support_count") == 1
    page = client.get(suggestion.url).get_data(as_text=True)
    assert "This suggestion is closed" in page and "Support this suggestion" not in page


def support_at_once(clients, suggestion) -> list[int]:
    return post_at_once(clients, f"/suggestions/{suggestion.id}/support", suggestion.url, {"support": "yes"})


def test_twenty_concurrent_supports_from_twenty_people_count_exactly_twenty(app, client_of, proposer, agency):
    suggestion = make_suggestion(app, proposer, agency)
    people = [make_user(app) for _ in range(20)]
    assert support_at_once([client_of(p) for p in people], suggestion) == [302] * 20
    assert fetch(app, Suggestion, suggestion.id, "support_count") == 21  # the twenty and the author


def test_double_clicks_count_once(app, client_of, supporter, suggestion):
    assert support_at_once([client_of(supporter) for _ in range(6)], suggestion) == [302] * 6
    assert fetch(app, Suggestion, suggestion.id, "support_count") == 2


def test_reaching_the_threshold_shows_awaiting_agency_response(app, client_of, client, agency, proposer,
                                                                  moderator):
    set_threshold(app, agency, 3)
    suggestion = make_suggestion(app, proposer, agency)
    for person in (make_user(app), make_user(app)):
        act(client_of(person), f"/suggestions/{suggestion.id}/support", suggestion.url, support="yes")
    assert fetch(app, Suggestion, suggestion.id, "threshold_reached_at") is not None
    page = client.get(suggestion.url).get_data(as_text=True)
    assert "Awaiting agency response" in page and "since support reached 3" in page
    listing = client_of(moderator).get("/suggestions").get_data(as_text=True)
    assert "1 suggestion awaiting your agency’s response" in listing
    awaiting = client.get("/suggestions?awaiting=yes&agency=tax-office").get_data(as_text=True)
    assert "Let people upload documents in the app" in awaiting
    # The agency answers: no longer awaiting.
    act(client_of(moderator), f"/suggestions/{suggestion.id}/status", suggestion.url,
        status="under_review", response="We are looking at this with the app team.")
    assert "Awaiting agency response" not in client.get(suggestion.url).get_data(as_text=True)
    assert "Let people upload" not in client.get("/suggestions?awaiting=yes").get_data(as_text=True)


def test_threshold_crossing_is_kept_when_support_drops(app, client_of, agency, proposer, supporter):
    set_threshold(app, agency, 2)
    suggestion = make_suggestion(app, proposer, agency)
    client = client_of(supporter)
    act(client, f"/suggestions/{suggestion.id}/support", suggestion.url, support="yes")
    crossed = fetch(app, Suggestion, suggestion.id, "threshold_reached_at")
    act(client, f"/suggestions/{suggestion.id}/support", suggestion.url, support="no")
    act(client, f"/suggestions/{suggestion.id}/support", suggestion.url, support="yes")
    assert fetch(app, Suggestion, suggestion.id, "threshold_reached_at") == crossed


def test_admin_sets_the_agency_threshold(app, admin_client, agency, form):
    url = f"/admin/agencies/{agency.slug}"
    assert 'value="50"' in admin_client.get(url).get_data(as_text=True)
    response = form(admin_client, url, {"name": agency.name, "description": "", "support_threshold": "120"})
    assert response.status_code == 302
    assert fetch(app, Agency, agency.id, "support_threshold") == 120
    for bad in ("0", "-5", "lots", "", "10000001"):
        response = form(admin_client, url, {"name": agency.name, "description": "", "support_threshold": bad})
        assert response.status_code == 400, bad
        assert "support threshold" in response.get_data(as_text=True)
    assert fetch(app, Agency, agency.id, "support_threshold") == 120


def test_forum_check_finds_and_fixes_support_drift(app, runner, suggestion):
    with app.app_context():
        db.session.get(Suggestion, suggestion.id).support_count = 9
        db.session.commit()
    result = runner.invoke(args=["forum", "check", "--fix"])
    assert f"suggestion {suggestion.id}: support_count is 9, should be 1" in result.output
    assert fetch(app, Suggestion, suggestion.id, "support_count") == 1


def set_threshold_as_admin(app, client_of, form, agency, value: int):
    admin = client_of(make_user(app, role="admin"))
    response = form(admin, f"/admin/agencies/{agency.slug}",
                    {"name": agency.name, "description": "", "support_threshold": str(value)})
    assert response.status_code == 302


def supported_by(app, client_of, suggestion, people: int) -> None:
    for person in [make_user(app) for _ in range(people)]:
        act(client_of(person), f"/suggestions/{suggestion.id}/support", suggestion.url, support="yes")


def test_lowering_the_threshold_marks_suggestions_already_past_it(app, client, client_of, agency, proposer,
                                                                  moderator, form):
    from forum.extensions import utcnow

    past = make_suggestion(app, proposer, agency, title="Three people support this idea")
    below = make_suggestion(app, proposer, agency, title="Only two people support this")
    answered = make_suggestion(app, proposer, agency, title="The agency has answered this one")
    supported_by(app, client_of, past, 2)
    supported_by(app, client_of, below, 1)
    supported_by(app, client_of, answered, 2)
    act(client_of(moderator), f"/suggestions/{answered.id}/status", answered.url,
        status="under_review", response="We are looking at it.")
    before = utcnow()
    set_threshold_as_admin(app, client_of, form, agency, 3)
    assert fetch(app, Suggestion, past.id, "threshold_reached_at") >= before
    assert fetch(app, Suggestion, below.id, "threshold_reached_at") is None
    awaiting = client.get("/suggestions?awaiting=yes").get_data(as_text=True)
    assert "Three people support this idea" in awaiting
    assert "Only two people" not in awaiting and "The agency has answered" not in awaiting


def test_raising_the_threshold_unmarks_those_below_it_that_have_no_response(app, client, client_of, agency,
                                                                           proposer, moderator, form):
    set_threshold(app, agency, 2)
    waiting = make_suggestion(app, proposer, agency, title="Waiting for the agency to answer")
    answered = make_suggestion(app, proposer, agency, title="Answered by the agency already")
    supported_by(app, client_of, waiting, 1)
    supported_by(app, client_of, answered, 1)
    act(client_of(moderator), f"/suggestions/{answered.id}/status", answered.url,
        status="under_review", response="We are looking at it.")
    crossed = fetch(app, Suggestion, answered.id, "threshold_reached_at")
    set_threshold_as_admin(app, client_of, form, agency, 10)
    assert fetch(app, Suggestion, waiting.id, "threshold_reached_at") is None
    assert "Waiting for the agency" not in client.get("/suggestions?awaiting=yes").get_data(as_text=True)
    assert fetch(app, Suggestion, answered.id, "threshold_reached_at") == crossed  # its history stays
