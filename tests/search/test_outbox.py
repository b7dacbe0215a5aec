"""The outbox and the index under interleaved drains and edits: no update is lost, and documents
that copy another row's data (an answer carries its question's title and tags) follow it."""
import threading

from forum.extensions import db
from forum.qa import service
from forum.search import documents
from forum.search.outbox import SearchOutbox, drain as drain_outbox

from ..factories import make_question, run
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
