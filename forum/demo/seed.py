"""`flask forum seed-demo`: fictional agencies, people of every role, and a few hundred
questions with answers and votes, so that a first run looks alive.

Refuses to touch a database that already has content. Every demo account shares one
password, printed when the data is loaded.
"""
from __future__ import annotations

import random

from sqlalchemy import func, select

from moderation.types import Role

from ..accounts.models import Agency, User
from ..accounts.passwords import hash_password
from ..extensions import db, utcnow
from . import bulk, content
from .suggestions import load_suggestions
from .moderation import add_moderation

DEMO_PASSWORD = "civic-forum-demo"
DEMO_CITIZENS = 60
DEMO_QUESTIONS = 320
DEMO_SUGGESTIONS = 72
# A recent burst on one topic, so the insights pages show a trend and a growing pain point.
DEMO_BURST_TOPIC, DEMO_BURST_QUESTIONS, DEMO_BURST_DAYS = "verification-code-not-arriving", 24, 6


class DatabaseNotEmpty(Exception):
    pass


def _has_content() -> bool:
    return bool(db.session.scalar(select(func.count()).select_from(User))
                or db.session.scalar(select(func.count()).select_from(Agency)))


def seed_demo(seed: int = 2026) -> list[tuple[str, str, str]]:
    """Load the demo data in one transaction; return (role, email, password) of the logins to show."""
    if _has_content():
        raise DatabaseNotEmpty("The database already has content: seed-demo only fills an empty database.")
    rng = random.Random(seed)
    password_hash = hash_password(DEMO_PASSWORD)

    # Demo thresholds are lower than the default 50, so that with sixty citizens some
    # suggestions cross them and wait visibly for a response.
    agencies = [Agency(slug=a.slug, name=a.name, description=a.description, support_threshold=(12, 15, 20)[i % 3])
                for i, a in enumerate(content.AGENCIES)]
    db.session.add_all(agencies)

    def person(email: str, name: str, role: Role, agency: Agency | None = None) -> User:
        user = User(email=email, display_name=name, password_hash=password_hash, role=role.value, agency=agency)
        db.session.add(user)
        return user

    logins = [
        person("admin@example.org", "Ada Admin", Role.ADMIN),
        person("policy@example.org", "Priya Policy", Role.POLICY),
        person("citizen@example.org", "Chris Citizen", Role.CITIZEN),
    ]
    for agency in agencies:
        logins.append(person(f"moderator.{agency.slug}@example.org", f"{agency.name} team",
                             Role.MODERATOR, agency))
    taken = {user.email for user in logins}
    for name, local_part in content.people(rng, DEMO_CITIZENS):
        email = f"{local_part}@example.org"
        if email not in taken:
            taken.add(email)
            person(email, name, Role.CITIZEN)
    db.session.flush()
    users = db.session.scalars(select(User)).all()
    bulk.load_questions(rng, DEMO_QUESTIONS, user_ids=[u.id for u in users],
                        agency_ids={a.slug: a.id for a in agencies}, now=utcnow())
    bulk.load_questions(rng, DEMO_BURST_QUESTIONS, user_ids=[u.id for u in users],
                        agency_ids={a.slug: a.id for a in agencies}, now=utcnow(), days=DEMO_BURST_DAYS,
                        topic=DEMO_BURST_TOPIC)
    load_suggestions(rng, DEMO_SUGGESTIONS, user_ids=[u.id for u in users if u.role == Role.CITIZEN],
                     moderators={u.agency_id: u.id for u in users if u.role == Role.MODERATOR}, now=utcnow())
    db.session.commit()
    add_moderation(rng)  # through the moderation services, which commit (and log) as staff would
    _index_for_search()
    from ..insights import painpoints  # derived data, computed from what was just committed

    painpoints.refresh()
    return [(user.role, user.email, DEMO_PASSWORD) for user in logins]


def _index_for_search() -> None:
    """Bulk rows bypass the search outbox: build the index from the database once loaded."""
    from flask import current_app

    from ..search.documents import count_all, iter_all

    current_app.extensions["forum_search"].rebuild(iter_all(), count_all())
