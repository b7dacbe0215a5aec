"""The audit log: every staff action is listed with filters, and nothing can change an entry."""
import ast
from pathlib import Path

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.moderation import service
from forum.moderation.models import AuditEntry

from ..factories import run

FORUM = Path(__file__).resolve().parents[2] / "forum"


def test_the_log_lists_actions_with_who_what_and_why(app, client_of, moderator, question, answer):
    run(app, service.decide, moderator, "answer", answer.id, "hide", "selling things")
    page = client_of(moderator).get("/moderation/log").get_data(as_text=True)
    assert "Tess Taxoffice" in page and "hide" in page and "selling things" in page and f"answer {answer.id}" in page


def test_the_log_filters(app, client_of, moderator, admin, question, answer):
    run(app, service.set_locked, moderator, question.id, True, "heated")
    run(app, service.decide, moderator, "answer", answer.id, "hide", "selling things")
    client = client_of(admin)
    by_action = client.get("/moderation/log?action=lock").get_data(as_text=True)
    assert "heated" in by_action and "selling things" not in by_action
    by_target = client.get("/moderation/log?target=answer").get_data(as_text=True)
    assert "selling things" in by_target and "heated" not in by_target
    assert client.get(f"/moderation/log?actor={moderator.id}").status_code == 200
    # Nonsense filters are ignored rather than failing.
    assert client.get("/moderation/log?action=%00drop&target=x&actor=abc&page=-4").status_code in (200, 400)


def test_refused_attempts_are_listed(app, client_of, reader, admin, answer, form):
    form(client_of(reader), f"/moderation/answer/{answer.id}/decide", {"decision": "hide"}, page="/questions")
    page = client_of(admin).get("/moderation/log?action=refused").get_data(as_text=True)
    assert "refused: moderate post" in page


def test_no_route_can_change_the_log(app):
    """Only GET reaches the log; every other moderation route acts on posts or people."""
    for rule in app.url_map.iter_rules():
        if "log" in rule.rule and rule.endpoint.startswith("moderation."):
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule


def test_no_code_updates_or_deletes_audit_entries():
    """Read every module of the application: AuditEntry appears only in inserts and selects."""
    offenders = []
    for path in FORUM.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "update", "delete") and any(isinstance(a, ast.Name) and a.id == "AuditEntry" for a in node.args):
                offenders.append(f"{path}:{node.lineno}")
    assert offenders == []


def test_the_orm_refuses_to_change_or_delete_an_entry(app, moderator, question):
    run(app, service.set_locked, moderator, question.id, True, "heated")
    with app.app_context():
        entry = db.session.scalar(select(AuditEntry))
        entry.reason = "nothing happened"
        with pytest.raises(RuntimeError, match="append-only"):
            db.session.commit()
        db.session.rollback()
        db.session.delete(db.session.scalar(select(AuditEntry)))
        with pytest.raises(RuntimeError, match="append-only"):
            db.session.commit()
        db.session.rollback()
        assert db.session.scalar(select(AuditEntry.reason)) == "heated"
