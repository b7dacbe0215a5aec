"""A question page a visitor asks for again is served from the HTML rendered before while its rows
are unchanged (web.render_memoized): the same bytes as a fresh render, never stale, and never
for people who are signed in or have a message waiting."""
from contextlib import contextmanager

import pytest
from flask import template_rendered
from sqlalchemy import update

from forum.accounts.models import Agency, User
from forum.extensions import db
from forum.qa import service
from forum.qa.models import Answer, Question
from forum.web import RenderMemo

from ..factories import make_agency, make_answer, make_question, run


@contextmanager
def renders(app):
    """The names of the templates rendered meanwhile."""
    names = []

    def record(sender, template, context, **extra):
        names.append(template.name)

    template_rendered.connect(record, app)
    try:
        yield names
    finally:
        template_rendered.disconnect(record, app)


@pytest.fixture
def memo(app):
    app.extensions.pop("forum_render_memo", None)
    yield
    app.extensions.pop("forum_render_memo", None)


def _fresh(app, client, url: str) -> str:
    """The page rendered with the memo turned off."""
    budget = app.config["FORUM_RENDER_MEMO_BYTES"]
    app.config["FORUM_RENDER_MEMO_BYTES"] = 0
    try:
        return client.get(url).get_data(as_text=True)
    finally:
        app.config["FORUM_RENDER_MEMO_BYTES"] = budget


def _execute(app, statement) -> None:
    with app.app_context():
        db.session.execute(statement)
        db.session.commit()


def test_a_visitor_gets_the_same_page_without_rendering_it_again(app, client, memo, asker, helper):
    question = make_question(app, asker)
    make_answer(app, question, helper)
    first = client.get(question.url).get_data(as_text=True)
    with renders(app) as rendered:
        again = client.get(question.url)
    assert again.status_code == 200 and again.get_data(as_text=True) == first
    assert "qa/question.html" not in rendered
    assert first == _fresh(app, client, question.url)
    # Another address (a page number, a query string) is another page.
    with renders(app) as rendered:
        client.get(question.url + "?page=1")
    assert "qa/question.html" in rendered


@pytest.mark.parametrize("change", ["new answer", "vote", "edit", "hidden", "author renamed", "agency renamed",
                                    "accepted"])
def test_whatever_changes_on_the_page_shows_at_once(app, client, memo, asker, helper, change):
    agency = make_agency(app, name="National Tax Office", slug="tax-office")
    question = make_question(app, asker, agency=agency)
    answer = make_answer(app, question, helper, body="Mine took three weeks.")
    client.get(question.url)
    client.get(question.url)  # served from the memo
    if change == "new answer":
        make_answer(app, question, asker, body="It came the next day.")
    elif change == "vote":
        _execute(app, update(Answer).where(Answer.id == answer.id).values(score=7))
    elif change == "edit":
        run(app, service.edit_answer, helper, answer.id, "Mine took four weeks, in the end.")
    elif change == "hidden":
        _execute(app, update(Answer).where(Answer.id == answer.id).values(state="hidden"))
    elif change == "author renamed":
        _execute(app, update(User).where(User.id == helper.id).values(display_name="Hamid H."))
    elif change == "agency renamed":
        _execute(app, update(Agency).where(Agency.id == agency.id).values(name="Tax Office of the Nation"))
    elif change == "accepted":
        run(app, service.accept_answer, asker, answer.id, True)
    with renders(app) as rendered:
        now = client.get(question.url).get_data(as_text=True)
    assert "qa/question.html" in rendered
    assert len(app.extensions["forum_render_memo"]._pages) == 1  # the new page replaced the old one
    assert now == _fresh(app, client, question.url)
    expected = {"new answer": "It came the next day.", "vote": "</span>7</span>", "edit": "four weeks",
                "author renamed": "Hamid H.", "agency renamed": "Tax Office of the Nation",
                "accepted": "Accepted by the person who asked"}
    if change == "hidden":
        assert "Mine took three weeks." not in now
    else:
        assert expected[change] in now


def test_people_signed_in_and_messages_waiting_always_get_a_fresh_render(app, client_of, memo, asker, helper):
    question = make_question(app, asker)
    make_answer(app, question, helper)
    signed_in = client_of(helper)
    for client in (signed_in, signed_in):
        with renders(app) as rendered:
            html = client.get(question.url).get_data(as_text=True)
        assert "qa/question.html" in rendered and "csrf_token" in html
    assert not app.extensions.get("forum_render_memo") or not app.extensions["forum_render_memo"]._pages
    visitor = app.test_client()
    visitor.get(question.url)
    with visitor.session_transaction() as session:
        session["_flashes"] = [("success", "Your flag was sent.")]
    with renders(app) as rendered:
        html = visitor.get(question.url).get_data(as_text=True)
    assert "qa/question.html" in rendered and "Your flag was sent." in html


def test_the_memo_keeps_within_its_budget_and_can_be_turned_off(app, client, memo, asker):
    urls = [make_question(app, asker, title=f"Question number {n} about passports").url for n in range(3)]
    cost = RenderMemo.cost(client.get(urls[0]).get_data())
    app.extensions.pop("forum_render_memo")
    budget = app.config["FORUM_RENDER_MEMO_BYTES"]
    try:
        app.config["FORUM_RENDER_MEMO_BYTES"] = 2 * cost + 1_000  # room for two of the three pages
        for url in urls:
            client.get(url)
        kept = app.extensions["forum_render_memo"]
        assert len(kept._pages) == 2 and kept._size <= kept.budget
        with renders(app) as rendered:
            client.get(urls[0])  # the least recently used, dropped
            client.get(urls[2])
        assert rendered == ["qa/question.html"]
        app.config["FORUM_RENDER_MEMO_BYTES"] = 0
        with renders(app) as rendered:
            client.get(urls[2])
        assert rendered == ["qa/question.html"]
    finally:
        app.config["FORUM_RENDER_MEMO_BYTES"] = budget


def test_the_question_list_is_memoised_and_shows_changes_at_once(app, client, memo, asker):
    first = make_question(app, asker, title="How do I renew a passport from overseas?")
    client.get("/questions")
    with renders(app) as rendered:
        html = client.get("/questions").get_data(as_text=True)
    assert "qa/list.html" not in rendered and html == _fresh(app, client, "/questions")
    make_question(app, asker, title="Which form changes the address on a licence?")
    _execute(app, update(Question).where(Question.id == first.id).values(score=4))
    with renders(app) as rendered:
        html = client.get("/questions").get_data(as_text=True)
    assert "qa/list.html" in rendered and "Which form changes the address" in html and "<strong>4</strong> votes" in html
    assert html == _fresh(app, client, "/questions")
