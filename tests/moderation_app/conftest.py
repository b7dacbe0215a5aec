"""Fixtures for moderation: an agency's moderator, another agency's, citizens and posts."""
import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.moderation.models import AuditEntry

from ..factories import make_answer, make_question, make_user

TFN = "123 456 782"  # a valid tax file number (its check digits add up)


@pytest.fixture
def moderator(app, agency):
    return make_user(app, role="moderator", agency=agency, display_name="Tess Taxoffice")


@pytest.fixture
def outsider(app, other_agency):
    """A moderator of another agency."""
    return make_user(app, role="moderator", agency=other_agency, display_name="Pat Passports")


@pytest.fixture
def admin(app):
    return make_user(app, role="admin", display_name="Ada Admin")


@pytest.fixture
def question(app, asker, agency):
    return make_question(app, asker, agency=agency)


@pytest.fixture
def answer(app, question, helper):
    return make_answer(app, question, helper)


def audit_actions(app, target_type=None, target_id=None) -> list[str]:
    with app.app_context():
        statement = select(AuditEntry.action).order_by(AuditEntry.id)
        if target_type:
            statement = statement.where(AuditEntry.target_type == target_type, AuditEntry.target_id == target_id)
        return list(db.session.scalars(statement))
