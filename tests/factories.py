"""Plain factories for test rows. Each opens its own application context and returns a
small record of plain values, so tests never hold ORM objects across requests."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

from forum.accounts.models import Agency, User
from forum.accounts.passwords import hash_password
from forum.extensions import db

DEFAULT_PASSWORD = "correct horse battery staple"
_sequence = itertools.count(1)


@dataclass(frozen=True)
class UserRecord:
    id: int
    email: str
    password: str
    display_name: str
    role: str
    session_token: str
    agency_id: int | None


@dataclass(frozen=True)
class AgencyRecord:
    id: int
    name: str
    slug: str


@lru_cache(maxsize=8)
def _hash(password: str) -> str:
    return hash_password(password)  # scrypt is slow on purpose: hash each password once


def make_agency(app, name: str | None = None, slug: str | None = None, description: str = "") -> AgencyRecord:
    n = next(_sequence)
    with app.app_context():
        agency = Agency(name=name or f"Agency {n}", slug=slug or f"agency-{n}", description=description)
        db.session.add(agency)
        db.session.commit()
        return AgencyRecord(agency.id, agency.name, agency.slug)


def make_user(app, *, email: str | None = None, password: str = DEFAULT_PASSWORD,
              display_name: str | None = None, role: str = "citizen",
              agency: AgencyRecord | None = None) -> UserRecord:
    n = next(_sequence)
    with app.app_context():
        user = User(email=(email or f"person{n}@example.org").lower(),
                    display_name=display_name or f"Person {n}", password_hash=_hash(password),
                    role=role, agency_id=agency.id if agency else None)
        db.session.add(user)
        db.session.commit()
        return UserRecord(user.id, user.email, password, user.display_name, user.role,
                          user.session_token, user.agency_id)


def login_as(client, user: UserRecord) -> None:
    """Sign `client` in as `user` the way Flask-Login would, without a password round trip."""
    with client.session_transaction() as session:
        session["_user_id"] = f"{user.id}:{user.session_token}"
        session["_fresh"] = True


@dataclass(frozen=True)
class QuestionRecord:
    id: int
    slug: str
    author_id: int
    url: str


@dataclass(frozen=True)
class AnswerRecord:
    id: int
    question_id: int
    author_id: int


def make_question(app, author: UserRecord, *, title: str = "How long does a passport renewal take?",
                  body: str = "I sent my renewal form last month. How long should it take?",
                  tags: tuple[str, ...] = ("passports",), agency: AgencyRecord | None = None) -> QuestionRecord:
    from forum.qa import service

    with app.app_context():
        user = db.session.get(User, author.id)
        question = service.ask_question(user, title, body, list(tags), agency.slug if agency else None)
        return QuestionRecord(question.id, question.slug, author.id, f"/questions/{question.id}-{question.slug}")


def make_answer(app, question: QuestionRecord, author: UserRecord,
                body: str = "Mine took three weeks. You can track it online.") -> AnswerRecord:
    from forum.qa import service

    with app.app_context():
        answer = service.post_answer(db.session.get(User, author.id), question.id, body)
        return AnswerRecord(answer.id, question.id, author.id)


def run(app, fn, *args):
    """Call a service `fn(user, *args)`-style function inside its own application context,
    with UserRecords turned into User rows."""
    with app.app_context():
        args = [db.session.get(User, a.id) if isinstance(a, UserRecord) else a for a in args]
        return fn(*args)


def fetch(app, model, row_id: int, *columns: str):
    """Current values of `columns` of one row, read fresh from the database."""
    with app.app_context():
        row = db.session.get(model, row_id)
        return tuple(getattr(row, c) for c in columns) if len(columns) > 1 else getattr(row, columns[0])
