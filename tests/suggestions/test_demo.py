"""seed-demo shows suggestions alive: every status, responses, some awaiting a response, links."""
from sqlalchemy import func, select

from forum.extensions import db
from forum.suggestions.models import QuestionSuggestionLink, Suggestion, SuggestionStatusChange


def test_seed_demo_adds_consistent_suggestions(app, runner, client):
    assert runner.invoke(args=["forum", "seed-demo"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Suggestion)) >= 60
        statuses = set(db.session.scalars(select(Suggestion.status)))
        assert statuses == {"open", "under_review", "planned", "in_progress", "implemented", "declined", "duplicate"}
        assert len(set(db.session.scalars(select(Suggestion.agency_id)))) >= 5
        awaiting = db.session.scalar(select(func.count()).select_from(Suggestion).where(
            Suggestion.threshold_reached_at.is_not(None), Suggestion.first_response_at.is_(None)))
        assert awaiting >= 3
        assert db.session.scalar(select(func.count()).select_from(SuggestionStatusChange)) >= 40
        assert db.session.scalar(select(func.count()).select_from(QuestionSuggestionLink)) >= 10
    check = runner.invoke(args=["forum", "check"])
    assert check.exit_code == 0, check.output
    assert "Awaiting agency response" in client.get("/suggestions?awaiting=yes").get_data(as_text=True)
    assert client.get("/suggestions?sort=trending").status_code == 200
