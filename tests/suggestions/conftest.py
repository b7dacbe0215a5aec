"""Fixtures for the suggestion tests: an agency with its moderator, a citizen's suggestion."""
from dataclasses import dataclass

import pytest

from forum.accounts.models import User
from forum.extensions import db

from ..factories import make_user


@dataclass(frozen=True)
class SuggestionRecord:
    id: int
    slug: str
    author_id: int
    url: str


def make_suggestion(app, author, agency, *, title: str = "Let people upload documents in the app",
                    body: str = "Posting paper copies takes weeks. An upload button would fix it.",
                    tags: tuple[str, ...] = ("online-services",)) -> SuggestionRecord:
    from forum.suggestions import service

    with app.app_context():
        s = service.propose(db.session.get(User, author.id), title, body, list(tags), agency.slug)
        return SuggestionRecord(s.id, s.slug, author.id, f"/suggestions/{s.id}-{s.slug}")


@pytest.fixture
def proposer(app):
    return make_user(app, display_name="Pia Proposer")


@pytest.fixture
def supporter(app):
    return make_user(app, display_name="Sam Supporter")


@pytest.fixture
def moderator(app, agency):
    return make_user(app, role="moderator", agency=agency, display_name="Tax Office team")


@pytest.fixture
def suggestion(app, proposer, agency):
    return make_suggestion(app, proposer, agency)
