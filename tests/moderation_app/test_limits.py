"""Limits against abuse: new accounts post a few times on their first day; posting, voting
and flagging are rate limited with the 429 page."""
from ..factories import make_question, make_user


def test_a_new_account_posts_a_few_times_on_its_first_day(app, client_of, question, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_NEW_ACCOUNT_POSTS", 2)
    client = client_of(make_user(app))
    for n in range(2):
        assert form(client, f"/questions/{question.id}/answers", {"body": f"Answer {n}"},
                    page=question.url).status_code == 302
    response = form(client, "/questions/ask", {"title": "One more question today", "body": "Please?",
                                               "tags": "x", "agency": ""})
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "New accounts can post 2 times in their first day" in page and "Please?" in page  # the text is kept


def test_staff_are_not_held_to_the_first_day_limit(app, client_of, moderator, question, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_NEW_ACCOUNT_POSTS", 1)
    client = client_of(moderator)
    for n in range(2):
        assert form(client, f"/questions/{question.id}/answers", {"body": f"Staff answer {n}"},
                    page=question.url).status_code == 302


def test_flagging_is_rate_limited(app, client_of, asker, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_FLAGGING", "2 per minute")
    client = client_of(make_user(app))
    questions = [make_question(app, asker, title=f"Question number {n} here") for n in range(3)]
    statuses = [form(client, f"/questions/{q.id}/flag", {"reason": "spam"}).status_code for q in questions]
    assert statuses == [302, 302, 429]


def test_voting_is_rate_limited_with_the_429_page(app, client_of, asker, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_VOTING", "1 per minute")
    question = make_question(app, asker)
    client = client_of(make_user(app))
    assert form(client, f"/questions/{question.id}/vote", {"vote": "up"}, page=question.url).status_code == 302
    response = form(client, f"/questions/{question.id}/vote", {"vote": "down"}, page=question.url)
    assert response.status_code == 429 and "Too many attempts" in response.get_data(as_text=True)


def test_posting_is_rate_limited(app, client_of, question, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_POSTING", "1 per minute")
    client = client_of(make_user(app))
    assert form(client, f"/questions/{question.id}/answers", {"body": "one"}, page=question.url).status_code == 302
    assert form(client, f"/questions/{question.id}/answers", {"body": "two"}, page=question.url).status_code == 429


SUGGESTION = {"title": "Let people upload documents in the app", "body": "Posting paper takes weeks.",
              "tags": "online-services", "agency": "tax-office", "action": "post"}


def test_suggestions_count_in_a_new_accounts_first_day(app, client_of, agency, question, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_NEW_ACCOUNT_POSTS", 2)
    client = client_of(make_user(app))
    assert form(client, f"/questions/{question.id}/answers", {"body": "An answer"}, page=question.url).status_code == 302
    assert form(client, "/suggestions/new", SUGGESTION).status_code == 302
    response = form(client, "/suggestions/new", {**SUGGESTION, "body": "One more idea, please keep me."})
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "New accounts can post 2 times in their first day" in page and "One more idea, please keep me." in page
    response = form(client, "/questions/ask", {"title": "And a question as well today", "body": "Please?",
                                               "tags": "x", "agency": ""})
    assert response.status_code == 429


def test_proposing_is_rate_limited(app, client_of, agency, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_POSTING", "1 per minute")
    client = client_of(make_user(app))
    assert form(client, "/suggestions/new", SUGGESTION).status_code == 302
    response = form(client, "/suggestions/new", {**SUGGESTION, "title": "Another idea for the tax office"})
    assert response.status_code == 429 and "Too many attempts" in response.get_data(as_text=True)


def test_supporting_and_linking_are_rate_limited(app, client_of, asker, agency, form, monkeypatch):
    from ..suggestions.conftest import make_suggestion

    monkeypatch.setitem(app.config, "FORUM_RATE_VOTING", "2 per minute")
    suggestion = make_suggestion(app, asker, agency)
    question = make_question(app, asker)
    client = client_of(make_user(app))
    support = f"/suggestions/{suggestion.id}/support"
    assert form(client, support, {"support": "yes"}, page=suggestion.url).status_code == 302
    assert form(client, support, {"support": "no"}, page=suggestion.url).status_code == 302
    assert form(client, support, {"support": "yes"}, page=suggestion.url).status_code == 429
    linker = client_of(make_user(app))
    links = f"/suggestions/{suggestion.id}/links"
    assert form(linker, links, {"question": str(question.id)}, page=suggestion.url).status_code == 302
    assert form(linker, links, {"question": str(question.id)}, page=suggestion.url).status_code == 302
    assert form(linker, links, {"question": str(question.id)}, page=suggestion.url).status_code == 429
