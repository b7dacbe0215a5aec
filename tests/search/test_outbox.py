"""The outbox and the index under interleaved drains and edits: no update is lost, and documents
that copy another row's data (an answer carries its question's title and tags) follow it."""
import threading

from forum.extensions import db
from forum.moderation import service as moderation
from forum.qa import service
from forum.search import documents
from forum.search.outbox import SearchOutbox, drain as drain_outbox
from forum.tags import service as tags

from ..factories import make_answer, make_question, make_user, run
from .test_search_page import titles


def test_an_edit_made_while_a_drain_is_loading_is_never_lost(app, client, asker, drain, monkeypatch):
    """Drain A reads the old title; the title changes and drain B runs; then A writes what it read.
    Whatever order the drains reach the index in, the new title must win once the outbox is empty."""
    question = make_question(app, asker, title="Winter fuel allowance for renters")
    loaded, proceed = threading.Event(), threading.Event()
    real_load = documents.load

    def load_then_pause(keys):
        found = real_load(keys)
        if threading.current_thread() is not threading.main_thread():
            loaded.set()
            proceed.wait(10)
        return found

    monkeypatch.setattr(documents, "load", load_then_pause)

    def drain_a():
        with app.app_context():
            drain_outbox(app.extensions["forum_search"], wait=True)

    first = threading.Thread(target=drain_a)
    first.start()
    assert loaded.wait(10)
    run(app, service.edit_question, asker, question.id, "Heating grant for tenants", "The body stays.",
        ["passports"], None)
    drain()  # drain B, as the editing request does after its response
    proceed.set()
    first.join(20)
    assert not first.is_alive()
    drain()  # whatever a busy lock left behind
    with app.app_context():
        assert db.session.query(SearchOutbox).count() == 0
    assert titles(client, "/search?q=heating+grant") == ["Heating grant for tenants"]
    assert titles(client, "/search?q=winter+fuel") == []


def test_an_answer_shows_its_questions_new_title_after_an_edit(app, client, asker, drain):
    question = make_question(app, asker, title="Pension credit for carers", tags=("pensions",))
    make_answer(app, question, make_user(app), body="Ring the helpline with your national insurance number.")
    drain()
    run(app, service.edit_question, asker, question.id, "Housing benefit backdating", "The body stays.",
        ["pensions"], None)
    drain()
    assert titles(client, "/search?q=pension+credit&type=answer") == []
    assert titles(client, "/search?q=helpline&type=answer") == ["Answer to: Housing benefit backdating"]


def test_merging_a_tag_moves_the_answers_of_its_questions_too(app, client, asker, drain):
    question = make_question(app, asker, title="Resident permit for my street", tags=("parking",))
    make_answer(app, question, make_user(app), body="The council sends the permit sticker by post.")
    make_question(app, asker, title="Pothole reported twice", tags=("roads",))
    drain()
    run(app, tags.merge, make_user(app, role="admin"), "parking", "roads")
    drain()
    assert titles(client, "/search?q=sticker&tag=roads&type=answer") == ["Answer to: Resident permit for my street"]
    assert titles(client, "/search?q=sticker&tag=parking&type=answer") == ["Answer to: Resident permit for my street"]


def test_accepting_an_answer_reaches_the_answer_filter(app, client, asker, drain):
    question = make_question(app, asker, title="Bin collection on public holidays")
    answer = make_answer(app, question, make_user(app), body="Collections move to the next working day.")
    drain()
    run(app, service.accept_answer, asker, answer.id)
    drain()
    assert titles(client, "/search?q=collections+working+day&type=answer&accepted=yes") == [
        "Answer to: Bin collection on public holidays"]


def test_hiding_a_question_takes_its_answers_out_of_the_index_until_restored(app, agency, asker, drain):
    question = make_question(app, asker, title="Land tax on a granny flat", agency=agency)
    answer = make_answer(app, question, make_user(app), body="Only the main residence is exempt.")
    moderator = make_user(app, role="moderator", agency=agency)
    drain()
    backend = app.extensions["forum_search"]
    run(app, moderation.decide, moderator, "question", question.id, "hide", "Off topic")
    drain()
    with app.app_context():
        assert {f"question:{question.id}", f"answer:{answer.id}"} & backend.keys() == set()
    run(app, moderation.decide, moderator, "question", question.id, "restore", "")
    drain()
    with app.app_context():
        assert {f"question:{question.id}", f"answer:{answer.id}"} <= backend.keys()
