"""With FORUM_REDIS_URL, separate processes (gunicorn's workers) share rate limits and visitors'
page cache through a real Redis.

Runs when FORUM_TEST_REDIS_URL names a Redis database (.ci/run sets redis://127.0.0.1:6379/15);
that database is emptied before and after each test. Each "worker" is a separate Python process
building the application from the environment, as gunicorn's workers do.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..factories import make_question, make_user

ROOT = Path(__file__).resolve().parents[2]

# One worker: build the app from the environment, run the requests given as JSON, print the statuses
# and bodies. A POST first reads its form page for the CSRF token, as a browser would.
WORKER = """
import json, sys
from forum import create_app
from tests.helpers import TOKEN_RE

client = create_app().test_client()
out = []
for method, path, data in json.loads(sys.argv[1]):
    if method == "POST":
        page = client.get(path).get_data(as_text=True)
        token = TOKEN_RE.search(page).group(1)
        response = client.post(path, data={**data, "csrf_token": token})
    else:
        response = client.get(path)
    out.append([response.status_code, response.get_data(as_text=True)])
print(json.dumps(out))
"""


@pytest.fixture
def redis_url():
    url = os.environ.get("FORUM_TEST_REDIS_URL", "").strip()
    if not url:
        pytest.skip("set FORUM_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/15) to test against Redis")
    import redis

    connection = redis.Redis.from_url(url)
    connection.flushdb()
    yield url
    connection.flushdb()


def worker(test_env: dict, redis_url: str, requests: list, **settings) -> list:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FORUM_")}, **test_env,
           "FORUM_REDIS_URL": redis_url, **settings}
    done = subprocess.run([sys.executable, "-c", WORKER, json.dumps(requests)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_failed_sign_ins_count_across_workers(app, test_env, redis_url):
    user = make_user(app)
    wrong = ["POST", "/login", {"email": user.email, "password": "not the password"}]
    first = worker(test_env, redis_url, [wrong] * 6)
    second = worker(test_env, redis_url, [wrong] * 4 + [["POST", "/login", {"email": user.email,
                                                                              "password": user.password}]])
    assert [status for status, _ in first + second[:4]] == [401] * 10
    status, body = second[4]
    assert status == 429 and "Too many attempts" in body  # the ten failures were counted together


def test_visitors_page_cache_is_shared_across_workers(app, test_env, redis_url):
    make_question(app, make_user(app), title="How long does a passport renewal take?")
    settings = {"FORUM_PAGE_CACHE_SECONDS": "60"}
    (status, first), = worker(test_env, redis_url, [["GET", "/questions", {}]], **settings)
    assert status == 200 and "How long does a passport renewal take?" in first
    make_question(app, make_user(app), title="Where do I renew a driver licence online?")
    (_, cached), = worker(test_env, redis_url, [["GET", "/questions", {}]], **settings)
    assert cached == first  # the other worker served the page the first one rendered
    (_, fresh), = worker(test_env, redis_url, [["GET", "/questions", {}]])  # FORUM_ENV=testing: no page cache
    assert "Where do I renew a driver licence online?" in fresh
