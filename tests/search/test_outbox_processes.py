"""Several processes posting at once (like gunicorn workers): no lock error reaches anyone,
and every post is findable once the outbox is drained."""
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

from forum.extensions import db
from forum.search.outbox import SearchOutbox

from ..factories import make_user

PROCESSES, POSTS = 4, 6
ROOT = Path(__file__).resolve().parents[2]


def test_concurrent_writers_lose_nothing(app, test_env, client, drain):
    users = [make_user(app) for _ in range(PROCESSES)]
    titles = [[f"Concurrent question {p} {n} zebra{p}x{n}" for n in range(POSTS)] for p in range(PROCESSES)]
    workers = [subprocess.Popen([sys.executable, "-m", "tests.search._poster",
                                 json.dumps([test_env, dataclasses.asdict(u), t])],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for u, t in zip(users, titles)]
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert "LockError" not in err and "Traceback" not in err, err
    drain()  # whatever a busy lock left behind, as the next request or the indexer would
    with app.app_context():
        assert db.session.query(SearchOutbox).count() == 0
        keys = app.extensions["forum_search"].keys()
        from forum.qa.models import Question
        all_ids = {f"question:{i}" for i in db.session.scalars(db.select(Question.id))}
    assert all_ids - keys == set(), (sorted(all_ids - keys), app.extensions["forum_search"].status())
    assert len([k for k in keys if k.startswith("question:")]) == PROCESSES * POSTS
    for p, n in ((0, 0), (PROCESSES - 1, POSTS - 1)):
        assert f"Concurrent question {p} {n}" in client.get(f"/search?q=zebra{p}x{n}").get_data(as_text=True)


def test_after_response_drain_makes_a_post_findable(app, citizen_client, form):
    response = form(citizen_client, "/questions/ask", {"title": "Freshly posted question about ferries",
                                                      "body": "Which ferry goes there?", "tags": "travel", "agency": "",
                                                      "action": "post"})
    assert response.status_code == 302
    response.close()  # a server closes the response after sending it: the drain runs then
    assert "Freshly posted question" in citizen_client.get("/search?q=ferries").get_data(as_text=True)
