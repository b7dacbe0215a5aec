"""The audit log: every staff action is listed with filters, and nothing can change an entry."""
import ast
from pathlib import Path

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.moderation import service
from forum.moderation.models import AuditEntry

from ..factories import run
from .conftest import audit_actions

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


@pytest.mark.parametrize("query", ["actor=99999999999999999999", "actor=-1", "actor=%D9%A1", "page=99999999999999999999",
                                   "actor=2147483648&page=0"])
def test_odd_log_filters_are_ignored_not_errors(client_of, admin, query):
    assert client_of(admin).get(f"/moderation/log?{query}").status_code == 200


def test_every_logged_action_and_target_can_be_filtered(app, client_of, admin, moderator, agency, question, answer,
                                                        form):
    from forum.accounts import service as accounts
    from forum.accounts.models import Agency
    from forum.suggestions import service as suggestions
    from forum.tags import service as tags

    from ..suggestions.conftest import make_suggestion
    from ..factories import make_user

    suggestion = make_suggestion(app, make_user(app), agency)
    run(app, suggestions.link_question, admin, suggestion.id, str(question.id))
    run(app, suggestions.unlink_question, moderator, suggestion.id, question.id)
    run(app, suggestions.set_status, moderator, suggestion.id, "planned", "We will do it in June.")
    run(app, lambda a: accounts.add_agency(a, "Roads Office", "roads-office"), admin)
    with app.app_context():
        run(app, lambda a: accounts.update_agency(a, db.session.get(Agency, agency.id), agency.name, "Taxes."), admin)
    run(app, tags.describe, moderator, "passports", "About passports.")
    client = client_of(admin)
    page = client.get("/moderation/log").get_data(as_text=True)
    for action, target in (("unlink_question", "suggestion"), ("suggestion_status", "suggestion"),
                           ("add_agency", "agency"), ("update_agency", "agency"), ("tag_describe", "tag")):
        assert f'<option value="{action}"' in page and f'<option value="{target}"' in page
        listed = client.get(f"/moderation/log?action={action}").get_data(as_text=True)
        assert "1 entry" in listed, action
        assert "1 entry" in client.get(f"/moderation/log?action={action}&target={target}").get_data(as_text=True)
    assert "2 entries" in client.get("/moderation/log?target=suggestion").get_data(as_text=True)


def test_only_known_actions_are_logged(app):
    from forum.moderation import audit

    with app.app_context():
        with pytest.raises(ValueError, match="not a logged action"):
            audit.record(None, "made_up", "question", 1)
        with pytest.raises(ValueError, match="not a logged action"):
            audit.record(None, "hide", "planet", 1)
        with pytest.raises(ValueError, match="not a logged action"):
            audit.record(None, "vote", "question", 1)  # an action is logged only when refused
        db.session.rollback()


def test_every_action_the_code_logs_is_known():
    """Read every call of audit.record with a literal action: each names a known one."""
    from forum.moderation.audit import ACTIONS

    unknown = []
    for path in FORUM.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "record" and len(node.args) > 1
                    and isinstance(node.args[1], ast.Constant) and node.args[1].value not in ACTIONS):
                unknown.append(f"{path}:{node.lineno} {node.args[1].value}")
    assert unknown == []


@pytest.mark.parametrize("who", ["citizen", "outsider"])
def test_refused_form_pages_answer_403_and_write_nothing(app, client_of, asker, reader, outsider, moderator,
                                                        question, who):
    client = client_of(reader if who == "citizen" else outsider)
    for page in (f"/moderation/questions/{question.id}/refer", f"/moderation/questions/{question.id}/duplicate",
                 f"/moderation/users/{moderator.id}/suspend"):
        assert client.get(page).status_code == 403, page
    assert client_of(asker).get(f"/questions/{question.id}/flag").status_code == 403  # one's own post
    assert audit_actions(app) == []


def test_refused_posts_are_logged_through_the_views_check_too(app, client_of, asker, reader, agency, question, form):
    from ..suggestions.conftest import make_suggestion

    assert form(client_of(asker), f"/questions/{question.id}/flag", {"reason": "spam"},
                page=question.url).status_code == 403
    suggestion = make_suggestion(app, asker, agency)
    response = form(client_of(reader), f"/suggestions/{suggestion.id}/status",
                    {"status": "planned", "response": "Yes."}, page=suggestion.url)
    assert response.status_code == 403
    assert audit_actions(app, "question", question.id) == ["refused:flag_post"]
    assert audit_actions(app, "suggestion", suggestion.id) == ["refused:set_suggestion_status"]


def test_refused_taking_part_is_not_staff_work_and_not_logged(app, client_of, asker, question, form):
    assert form(client_of(asker), f"/questions/{question.id}/vote", {"vote": "up"}, page=question.url).status_code == 403
    assert audit_actions(app) == []
