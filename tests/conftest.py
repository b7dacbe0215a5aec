"""Fixtures: the application on a real database (SQLite by default, PostgreSQL when
FORUM_TEST_DATABASE_URL is set), a clean database for every test, and clients per role.

Tests never hold an application context across requests (Flask would share `g`, and so
the signed-in user, between them): database work in a test goes through `app.app_context()`
or the helpers in tests/factories.py.
"""
from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from forum import create_app
from forum.extensions import db, limiter

from .factories import login_as, make_agency, make_user

pytest_plugins = ["tests.helpers"]


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("FORUM_TEST_DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'forum-test.sqlite3'}"


@pytest.fixture(scope="session")
def test_env(database_url, tmp_path_factory) -> dict[str, str]:
    return {
        "FORUM_ENV": "testing",
        "FORUM_SECRET_KEY": "test-secret-key-not-for-production",
        "FORUM_DATABASE_URL": database_url,
        "FORUM_INSTANCE_PATH": str(tmp_path_factory.mktemp("instance")),
        # Test people are all new accounts that post freely; tests of the first-day limit lower it.
        "FORUM_NEW_ACCOUNT_POSTS": "100000",
        "FORUM_SEARCH_DIR": str(tmp_path_factory.mktemp("search")),
    }


def _reset_schema(app) -> None:
    """Drop whatever a previous run left, then build the schema from the migrations."""
    from flask_migrate import upgrade

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
        else:
            db.drop_all()
            with db.engine.begin() as connection:
                connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()
        db.engine.dispose()


@pytest.fixture(scope="session")
def _session_app(test_env):
    app = create_app(test_env)
    _reset_schema(app)
    _empty_search_index(app)
    yield app
    with app.app_context():
        db.engine.dispose()


def _empty_search_index(app) -> None:
    app.extensions["forum_search"].clear()


def _empty_tables(app) -> None:
    with app.app_context():
        tables = [t.name for t in reversed(db.metadata.sorted_tables)]
        with db.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                quoted = ", ".join(f'"{name}"' for name in tables)
                connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
            else:
                for name in tables:
                    connection.execute(text(f'DELETE FROM "{name}"'))


@pytest.fixture
def app(_session_app):
    """The application with an empty database and fresh rate-limit counters."""
    yield _session_app
    _empty_tables(_session_app)
    _empty_search_index(_session_app)
    with _session_app.app_context():
        limiter.reset()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def drain(app):
    """`drain()` applies the search outbox to the index, as happens after each request."""
    from forum.search import drain_now

    return lambda: drain_now(app)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def agency(app):
    return make_agency(app, name="National Tax Office", slug="tax-office")


@pytest.fixture
def other_agency(app):
    return make_agency(app, name="Passport Office", slug="passport-office")


@pytest.fixture
def client_of(app):
    """`client_of(user)`: a test client signed in as `user` (a UserRecord), kept as `client.user`."""
    def make(user):
        client = app.test_client()
        login_as(client, user)
        client.user = user
        return client
    return make


@pytest.fixture
def citizen_client(app, client_of):
    return client_of(make_user(app, role="citizen"))


@pytest.fixture
def moderator_client(app, client_of, agency):
    return client_of(make_user(app, role="moderator", agency=agency))


@pytest.fixture
def policy_client(app, client_of):
    return client_of(make_user(app, role="policy"))


@pytest.fixture
def admin_client(app, client_of):
    return client_of(make_user(app, role="admin"))
