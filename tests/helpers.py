"""Helpers for tests: posting forms the way a browser does (with the page's CSRF token), and counting SQL statements."""
from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from forum.extensions import db

from .factories import make_user

TOKEN_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token(client, page: str = "/register") -> str:
    """The CSRF token a browser would hold after loading `page`."""
    response = client.get(page)
    match = TOKEN_RE.search(response.get_data(as_text=True))
    assert match, f"no CSRF token on {page} (status {response.status_code})"
    return match.group(1)


def post_form(client, url: str, data: dict | None = None, page: str | None = None, **kwargs):
    """POST `data` to `url` with the CSRF token from `page` (by default the form's own page)."""
    token = csrf_token(client, page or url)
    return client.post(url, data={**(data or {}), "csrf_token": token}, **kwargs)


@pytest.fixture
def form():
    """`form(client, url, data)` posts a form with a valid CSRF token."""
    return post_form


def post_at_once(clients, url: str, page: str, data: dict) -> list[int]:
    """Every client posts `data` to `url` at the same moment (threads), each with the CSRF
    token it got from `page`; returns the statuses in client order."""
    from concurrent.futures import ThreadPoolExecutor

    tokens = [csrf_token(c, page) for c in clients]
    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        return list(pool.map(lambda ct: ct[0].post(url, data={**data, "csrf_token": ct[1]}).status_code,
                             zip(clients, tokens)))


@pytest.fixture
def count_queries(app):
    """`with count_queries() as counted: ...` then `counted[0]` is the number of SQL statements."""
    @contextmanager
    def counting():
        counted = [0]

        def count(*args):
            counted[0] += 1

        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", count)
        try:
            yield counted
        finally:
            event.remove(engine, "before_cursor_execute", count)
    return counting


# People who take part, shared by the domain test packages.
@pytest.fixture
def asker(app):
    return make_user(app, display_name="Asha Asker")


@pytest.fixture
def helper(app):
    return make_user(app, display_name="Hamid Helper")


@pytest.fixture
def reader(app):
    return make_user(app, display_name="Rosa Reader")
