"""Personal information: a post with a finding is saved but held, shown to its author and
moderators only, and published when released, redacted, or edited clean."""
from sqlalchemy import select

from forum.extensions import db
from forum.qa import check
from forum.qa.models import Answer, Question, Revision
from forum.tags.models import Tag

from ..factories import fetch
from .conftest import TFN, audit_actions


def ask(form, client, body, title="Why was my tax return rejected?"):
    return form(client, "/questions/ask", {"title": title, "body": body, "tags": "tax-returns", "agency": ""})


def only_question_id(app):
    with app.app_context():
        return db.session.scalar(select(Question.id))


def test_a_question_with_a_tax_file_number_is_held(app, client_of, client, asker, reader, form):
    author = client_of(asker)
    response = ask(form, author, f"My TFN is {TFN} and the return was rejected.")
    assert response.status_code == 302
    notice = author.get(response.headers["Location"]).get_data(as_text=True)
    assert "saved but not public yet" in notice and "tax file number" in notice
    assert TFN not in notice.split("saved but not public yet")[1].split("</div>")[0]  # the value is not echoed
    question_id = only_question_id(app)
    assert fetch(app, Question, question_id, "state") == "held"
    assert "Only you and the moderators can see this question" in author.get(response.headers["Location"]).get_data(as_text=True)
    # Nobody else sees it, in the page or in lists and counts.
    assert client_of(reader).get(f"/questions/{question_id}").status_code == 404
    assert client.get(f"/questions/{question_id}").status_code == 404
    assert "tax return rejected" not in client.get("/questions").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Tag.question_count).where(Tag.name == "tax-returns")) in (None, 0)
    assert audit_actions(app, "question", question_id) == ["auto_hold"]


def test_moderators_see_the_held_post_and_release_it(app, client_of, client, asker, moderator, form):
    ask(form, client_of(asker), f"My TFN is {TFN}.")
    question_id = only_question_id(app)
    queue = client_of(moderator).get("/moderation").get_data(as_text=True)
    assert "Held for personal information" in queue and "tax file number" in queue
    assert TFN not in queue  # shown redacted
    response = form(client_of(moderator), f"/moderation/question/{question_id}/decide",
                    {"decision": "release"}, page="/moderation")
    assert response.status_code == 302
    assert client.get(f"/questions/{question_id}").status_code in (200, 301)
    with app.app_context():
        assert db.session.scalar(select(Tag.question_count).where(Tag.name == "tax-returns")) == 1
        assert check.find_drift() == []
    assert audit_actions(app, "question", question_id) == ["auto_hold", "release"]


def test_redact_and_release_keeps_the_original_in_history(app, client_of, asker, helper, moderator, question, form):
    author = client_of(helper)
    response = form(author, f"/questions/{question.id}/answers", {"body": f"Quote your TFN {TFN} on the phone."},
                    page=question.url)
    assert "saved but not public yet" in author.get(response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        answer_id = db.session.scalar(select(Answer.id))
    assert fetch(app, Question, question.id, "answer_count") == 0
    assert form(client_of(moderator), f"/moderation/answer/{answer_id}/decide", {"decision": "redact"},
                page="/moderation").status_code == 302
    state, body = fetch(app, Answer, answer_id, "state", "body_source")
    assert state == "public" and TFN not in body
    assert fetch(app, Question, question.id, "answer_count") == 1
    with app.app_context():
        assert check.find_drift() == []


def test_a_held_answer_is_visible_to_its_author_only(app, client_of, helper, reader, question, form):
    form(client_of(helper), f"/questions/{question.id}/answers", {"body": f"My number is {TFN}."}, page=question.url)
    assert TFN in client_of(helper).get(question.url).get_data(as_text=True)
    page = client_of(reader).get(question.url).get_data(as_text=True)
    assert TFN not in page and "0 answers" in page


def test_editing_the_information_out_publishes_the_post(app, client_of, asker, form):
    author = client_of(asker)
    ask(form, author, f"My TFN is {TFN}.")
    question_id = only_question_id(app)
    response = form(author, f"/questions/{question_id}/edit", {
        "title": "Why was my tax return rejected?", "body": "My tax return was rejected.", "tags": "tax-returns",
        "agency": ""})
    assert response.status_code == 302
    assert fetch(app, Question, question_id, "state") == "public"
    assert audit_actions(app, "question", question_id) == ["auto_hold", "auto_release"]
    with app.app_context():
        assert check.find_drift() == []


def test_editing_information_in_holds_a_public_answer(app, client_of, helper, question, answer, form):
    form(client_of(helper), f"/answers/{answer.id}/edit", {"body": f"Call me on 0412 345 678, TFN {TFN}."})
    assert fetch(app, Answer, answer.id, "state") == "held"
    assert fetch(app, Question, question.id, "answer_count") == 0
    with app.app_context():
        assert check.find_drift() == []


def test_releasing_twice_says_already_handled(app, client_of, asker, moderator, admin, form):
    ask(form, client_of(asker), f"My TFN is {TFN}.")
    question_id = only_question_id(app)
    form(client_of(moderator), f"/moderation/question/{question_id}/decide", {"decision": "release"}, page="/moderation")
    response = form(client_of(admin), f"/moderation/question/{question_id}/decide", {"decision": "release"},
                    page="/moderation")
    assert response.status_code == 409 and "Another moderator has just handled" in response.get_data(as_text=True)


def test_concurrent_releases_publish_once(app, client_of, asker, moderator, admin, form):
    from concurrent.futures import ThreadPoolExecutor
    ask(form, client_of(asker), f"My TFN is {TFN}.")
    question_id = only_question_id(app)
    clients = [client_of(moderator), client_of(admin), client_of(moderator), client_of(admin)]
    from ..helpers import csrf_token
    tokens = [csrf_token(c, "/moderation") for c in clients]
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(lambda ct: ct[0].post(f"/moderation/question/{question_id}/decide",
                                                       data={"decision": "release", "csrf_token": ct[1]}).status_code,
                                 zip(clients, tokens)))
    assert sorted(statuses) == [302, 409, 409, 409]
    with app.app_context():
        assert db.session.scalar(select(Tag.question_count).where(Tag.name == "tax-returns")) == 1
        assert check.find_drift() == []


def test_other_agencies_moderator_cannot_release(app, client_of, asker, helper, outsider, question, form):
    form(client_of(helper), f"/questions/{question.id}/answers", {"body": f"TFN {TFN}"}, page=question.url)
    with app.app_context():
        answer_id = db.session.scalar(select(Answer.id))
    assert "Held for personal information" not in client_of(outsider).get("/moderation").get_data(as_text=True)
    response = form(client_of(outsider), f"/moderation/answer/{answer_id}/decide", {"decision": "release"},
                    page="/moderation")
    assert response.status_code == 403
    assert fetch(app, Answer, answer_id, "state") == "held"
    assert audit_actions(app, "answer", answer_id) == ["auto_hold", "refused:moderate_post"]


def test_the_public_history_never_shows_the_information_that_held_a_post(app, client_of, client, asker, moderator,
                                                                         form):
    ask(form, client_of(asker), f"My TFN is {TFN}, why was my return rejected?",
        title=f"Is {TFN} the right number for my return?")
    question_id = only_question_id(app)
    form(client_of(moderator), f"/moderation/question/{question_id}/decide", {"decision": "redact"}, page="/moderation")
    history = client.get(f"/questions/{question_id}/revisions").get_data(as_text=True)
    assert "Version 1 (original)" in history and TFN not in history and "[removed: tax file number]" in history
    with app.app_context():  # the original stays in the database, for the record
        assert TFN in db.session.scalar(select(Revision.body_source).where(Revision.number == 1))


def test_editing_the_information_out_leaves_none_in_the_public_history(app, client_of, client, asker, form):
    author = client_of(asker)
    ask(form, author, f"My TFN is {TFN}.")
    question_id = only_question_id(app)
    form(author, f"/questions/{question_id}/edit", {"title": "Why was my tax return rejected?",
                                                   "body": "My tax return was rejected.", "tags": "tax-returns",
                                                   "agency": ""})
    history = client.get(f"/questions/{question_id}/revisions").get_data(as_text=True)
    assert "Version 2" in history and TFN not in history
