"""Votes, "I have this question too", accepting, "did this help": one per person, exact counts."""
import pytest

from forum.accounts.models import User
from forum.qa.models import Answer, Question

from ..factories import fetch, make_answer, make_user
from ..helpers import csrf_token, post_at_once


def act(client, url, page, **data):
    return client.post(url, data={**data, "csrf_token": csrf_token(client, page)})


def test_vote_up_change_and_withdraw(app, client_of, asker, reader, question):
    client = client_of(reader)
    url = f"/questions/{question.id}/vote"
    assert act(client, url, question.url, vote="up").status_code == 302
    assert fetch(app, Question, question.id, "score") == 1
    assert fetch(app, User, asker.id, "reputation") == 5
    act(client, url, question.url, vote="up")  # the same vote again changes nothing
    assert fetch(app, Question, question.id, "score") == 1
    act(client, url, question.url, vote="down")
    assert fetch(app, Question, question.id, "score") == -1
    assert fetch(app, User, asker.id, "reputation") == -2
    act(client, url, question.url, vote="withdraw")
    assert fetch(app, Question, question.id, "score") == 0
    assert fetch(app, User, asker.id, "reputation") == 0


def test_vote_buttons_show_your_vote(app, client_of, reader, question):
    client = client_of(reader)
    act(client, f"/questions/{question.id}/vote", question.url, vote="up")
    page = client.get(question.url).get_data(as_text=True)
    assert 'value="withdraw" class="cf-vote__button" aria-pressed="true"' in page


def test_votes_answer_json_for_scripts(app, client_of, reader, question):
    client = client_of(reader)
    response = client.post(f"/questions/{question.id}/vote", headers={"Accept": "application/json"},
                           data={"vote": "up", "csrf_token": csrf_token(client, question.url)})
    assert response.status_code == 200 and response.get_json() == {"score": 1, "my_vote": 1}


JSON = {"Accept": "application/json"}


def test_a_script_over_the_voting_limit_gets_a_json_429(app, client_of, reader, question, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_VOTING", "1 per minute")
    client = client_of(reader)
    token = csrf_token(client, question.url)
    url = f"/questions/{question.id}/vote"
    assert client.post(url, headers=JSON, data={"vote": "up", "csrf_token": token}).status_code == 200
    response = client.post(url, headers=JSON, data={"vote": "down", "csrf_token": token})
    assert response.status_code == 429 and response.is_json
    assert "You can try again in about 1 minute." in response.get_json()["error"]
    assert response.headers["Retry-After"]


def test_a_script_with_a_stale_token_gets_a_json_400(app, client_of, reader, question):
    response = client_of(reader).post(f"/questions/{question.id}/me-too", headers=JSON,
                                      data={"affected": "yes", "csrf_token": "stale"})
    assert response.status_code == 400 and response.is_json
    assert "Reload the page" in response.get_json()["error"]
    assert fetch(app, Question, question.id, "me_too_count") == 0


def test_a_script_asking_for_a_missing_post_gets_a_json_404(client_of, reader, question):
    client = client_of(reader)
    response = client.post("/answers/999999/helpful", headers=JSON,
                           data={"helpful": "yes", "csrf_token": csrf_token(client, question.url)})
    assert response.status_code == 404 and "no such answer" in response.get_json()["error"]


def test_a_script_using_the_wrong_method_gets_a_json_405(client_of, reader, question):
    response = client_of(reader).get(f"/questions/{question.id}/vote", headers=JSON)
    assert response.status_code == 405 and response.get_json()["error"]


def test_cannot_vote_on_your_own_post(app, client_of, asker, question):
    response = act(client_of(asker), f"/questions/{question.id}/vote", question.url, vote="up")
    assert response.status_code == 403
    assert "cannot vote on your own post" in response.get_data(as_text=True)
    assert fetch(app, Question, question.id, "score") == 0


def test_unknown_vote_value_is_400(client_of, reader, question):
    assert act(client_of(reader), f"/questions/{question.id}/vote", question.url, vote="sideways").status_code == 400


def test_vote_on_missing_or_deleted_post_is_404(app, client_of, asker, reader, question):
    client = client_of(reader)
    assert act(client, "/questions/999999/vote", question.url, vote="up").status_code == 404
    assert act(client, "/answers/999999/vote", question.url, vote="up").status_code == 404
    owner = client_of(asker)
    act(owner, f"/questions/{question.id}/delete", question.url)
    assert act(client, f"/questions/{question.id}/vote", "/questions", vote="up").status_code == 404


def test_visitors_voting_are_sent_to_sign_in(client, question):
    response = client.post(f"/questions/{question.id}/vote", data={"vote": "up", "csrf_token": csrf_token(client)},
                           headers={"Referer": f"http://localhost{question.url}"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert response.headers["Location"].endswith(f"next={question.url}")  # and back to the question after


def test_answer_votes_count_and_earn_reputation(app, client_of, helper, reader, question):
    answer = make_answer(app, question, helper)
    act(client_of(reader), f"/answers/{answer.id}/vote", question.url, vote="up")
    assert fetch(app, Answer, answer.id, "score") == 1
    assert fetch(app, User, helper.id, "reputation") == 10


def vote_at_once(clients, question) -> list[int]:
    """Every client votes up on `question` at the same moment; returns the statuses."""
    return post_at_once(clients, f"/questions/{question.id}/vote", question.url, {"vote": "up"})


def test_double_click_counts_once(app, client_of, reader, question):
    """Two tabs, or a double click: many identical votes at the same moment count once."""
    statuses = vote_at_once([client_of(reader) for _ in range(6)], question)
    assert statuses == [302] * 6
    assert fetch(app, Question, question.id, "score") == 1


def test_many_people_voting_at_once_are_all_counted(app, client_of, question):
    voters = [make_user(app) for _ in range(12)]
    assert vote_at_once([client_of(v) for v in voters], question) == [302] * 12
    assert fetch(app, Question, question.id, "score") == 12


def test_me_too_counts_each_person_once_and_can_be_withdrawn(app, client_of, reader, question):
    client = client_of(reader)
    url = f"/questions/{question.id}/me-too"
    act(client, url, question.url, affected="yes")
    act(client, url, question.url, affected="yes")
    assert fetch(app, Question, question.id, "me_too_count") == 1
    assert "<strong>2</strong> people have this question" in client.get(question.url).get_data(as_text=True)
    act(client, url, question.url, affected="no")
    assert fetch(app, Question, question.id, "me_too_count") == 0


def test_the_asker_is_already_counted(app, client_of, asker, question):
    response = act(client_of(asker), f"/questions/{question.id}/me-too", question.url, affected="yes")
    assert response.status_code == 403
    assert fetch(app, Question, question.id, "me_too_count") == 0


def test_only_the_asker_accepts_one_answer_at_a_time(app, client_of, asker, helper, reader, question):
    first, second = make_answer(app, question, helper), make_answer(app, question, reader, body="Call 13 22 32.")
    assert act(client_of(reader), f"/answers/{first.id}/accept", question.url, accept="yes").status_code == 403
    owner = client_of(asker)
    act(owner, f"/answers/{first.id}/accept", question.url, accept="yes")
    assert fetch(app, Question, question.id, "accepted_answer_id") == first.id
    assert fetch(app, User, helper.id, "reputation") == 15
    act(owner, f"/answers/{second.id}/accept", question.url, accept="yes")
    assert fetch(app, Question, question.id, "accepted_answer_id") == second.id
    assert (fetch(app, User, helper.id, "reputation"), fetch(app, User, reader.id, "reputation")) == (0, 15)
    act(owner, f"/answers/{second.id}/accept", question.url, accept="no")
    assert fetch(app, Question, question.id, "accepted_answer_id") is None
    assert fetch(app, User, reader.id, "reputation") == 0


def test_accepting_your_own_answer_earns_no_reputation(app, client_of, asker, helper, question):
    from forum.qa import check

    own = make_answer(app, question, asker, body="I found out myself: it took five weeks.")
    other = make_answer(app, question, helper)
    owner = client_of(asker)
    act(owner, f"/answers/{own.id}/accept", question.url, accept="yes")
    assert fetch(app, Question, question.id, "accepted_answer_id") == own.id
    assert fetch(app, User, asker.id, "reputation") == 0
    act(owner, f"/answers/{other.id}/accept", question.url, accept="yes")  # moving it on takes nothing away
    assert (fetch(app, User, asker.id, "reputation"), fetch(app, User, helper.id, "reputation")) == (0, 15)
    act(owner, f"/answers/{own.id}/accept", question.url, accept="yes")
    assert (fetch(app, User, asker.id, "reputation"), fetch(app, User, helper.id, "reputation")) == (0, 0)
    with app.app_context():
        assert check.find_drift() == []  # `forum check` applies the same rule


def test_accepted_answer_is_shown_first(app, client_of, asker, helper, reader, question):
    low = make_answer(app, question, helper, body="The LOW answer.")
    high = make_answer(app, question, reader, body="The HIGH answer.")
    act(client_of(make_user(app)), f"/answers/{high.id}/vote", question.url, vote="up")
    page = client_of(asker).get(question.url).get_data(as_text=True)
    assert page.index("The HIGH answer.") < page.index("The LOW answer.")
    act(client_of(asker), f"/answers/{low.id}/accept", question.url, accept="yes")
    page = client_of(asker).get(question.url).get_data(as_text=True)
    assert page.index("The LOW answer.") < page.index("The HIGH answer.")
    assert "Accepted by the person who asked" in page


def test_did_this_help_is_kept_per_person_and_changeable(app, client_of, asker, helper, reader, question):
    answer = make_answer(app, question, helper)
    rater = client_of(reader)
    assert act(rater, f"/answers/{answer.id}/helpful", question.url, helpful="yes").status_code == 400  # not accepted yet
    act(client_of(asker), f"/answers/{answer.id}/accept", question.url, accept="yes")
    act(rater, f"/answers/{answer.id}/helpful", question.url, helpful="yes")
    act(rater, f"/answers/{answer.id}/helpful", question.url, helpful="yes")
    assert fetch(app, Answer, answer.id, "helpful_yes", "helpful_no") == (1, 0)
    act(rater, f"/answers/{answer.id}/helpful", question.url, helpful="no")
    assert fetch(app, Answer, answer.id, "helpful_yes", "helpful_no") == (0, 1)
    act(client_of(asker), f"/answers/{answer.id}/helpful", question.url, helpful="yes")
    assert fetch(app, Answer, answer.id, "helpful_yes", "helpful_no") == (1, 1)
    assert "1 of 2 readers said this answer helped them" in rater.get(question.url).get_data(as_text=True)
    assert act(client_of(helper), f"/answers/{answer.id}/helpful", question.url, helpful="yes").status_code == 403


@pytest.mark.parametrize("fix", [False, True])
def test_forum_check_finds_and_fixes_drift(app, runner, client_of, reader, question, fix):
    act(client_of(reader), f"/questions/{question.id}/vote", question.url, vote="up")
    assert runner.invoke(args=["forum", "check"]).exit_code == 0
    from forum.extensions import db
    with app.app_context():
        db.session.get(Question, question.id).score = 7
        db.session.get(User, reader.id).reputation = 99
        db.session.commit()
    result = runner.invoke(args=["forum", "check"] + (["--fix"] if fix else []))
    assert f"question {question.id}: score is 7, should be 1" in result.output
    assert f"user_account {reader.id}: reputation is 99, should be 0" in result.output
    assert result.exit_code == (0 if fix else 1)
    assert fetch(app, Question, question.id, "score") == (1 if fix else 7)
