"""The `flask forum` commands."""
import re
from pathlib import Path

from sqlalchemy import func, select

from forum.accounts.models import Agency, User
from forum.extensions import db


def test_agency_add_and_create_moderator(app, runner):
    result = runner.invoke(args=["forum", "agency", "add", "--name", "Passport Office", "--slug", "passport-office"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["forum", "create-user", "--email", "Mod@Example.org", "--password",
                                 "long enough passphrase", "--name", "Mod", "--role", "moderator",
                                 "--agency", "passport-office"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User))
        assert (user.email, user.role, user.agency.slug) == ("mod@example.org", "moderator", "passport-office")


def test_cli_errors_are_one_clear_line(app, runner):
    result = runner.invoke(args=["forum", "create-user", "--email", "a@example.org", "--password", "short",
                                 "--name", "A"])
    assert result.exit_code != 0 and "at least 10 characters" in result.output
    result = runner.invoke(args=["forum", "create-user", "--email", "a@example.org", "--password",
                                 "long enough passphrase", "--name", "A", "--role", "moderator"])
    assert result.exit_code != 0 and "must belong to an agency" in result.output
    result = runner.invoke(args=["forum", "agency", "add", "--name", "X", "--slug", "Not A Slug"])
    assert result.exit_code != 0 and "lower-case" in result.output
    assert "Traceback" not in result.output


def test_seed_demo_fills_an_empty_database_once(app, runner):
    result = runner.invoke(args=["forum", "seed-demo"])
    assert result.exit_code == 0, result.output
    assert "admin@example.org" in result.output and "civic-forum-demo" in result.output
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    demo_logins = readme.split("### Demo logins", 1)[1].split("\n## ", 1)[0]
    emails = re.findall(r"`([a-z.-]+@example\.org)`", demo_logins)
    assert len(emails) >= 4 and [e for e in emails if e not in result.output] == []  # README's logins exist
    with app.app_context():
        roles = set(db.session.scalars(select(User.role)))
        assert roles == {"citizen", "moderator", "policy", "admin"}
        assert db.session.scalar(select(func.count()).select_from(Agency)) >= 5
    again = runner.invoke(args=["forum", "seed-demo"])
    assert again.exit_code != 0 and "already has content" in again.output
    assert runner.invoke(args=["forum", "seed-demo", "--if-empty"]).exit_code == 0
