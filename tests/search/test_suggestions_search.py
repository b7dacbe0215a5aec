"""Suggestions in the index: the type and status filters, updates through the outbox, re-checks
against the database, and "similar suggestions" from the index with a database fallback."""
import shutil

from sqlalchemy import delete

from forum.extensions import db
from forum.suggestions import queries as suggestion_queries
from forum.suggestions import service as suggestions
from forum.suggestions.models import Suggestion

from ..factories import make_question, make_user, run
from ..suggestions.conftest import make_suggestion
from .test_search_page import titles

S = "Suggestion: "  # what a screen reader hears before a suggestion's title


def test_type_filter_finds_suggestions_and_links_to_them(app, client, asker, agency, drain):
    s = make_suggestion(app, asker, agency, title="Let people renew a passport online")
    make_question(app, asker, title="How do I renew a passport?")
    drain()
    assert titles(client, "/search?q=renew+passport&type=suggestion") == [S + "Let people renew a passport online"]
    assert titles(client, "/search?q=renew+passport&type=question") == ["How do I renew a passport?"]
    assert sorted(titles(client, "/search?q=renew+passport")) == ["How do I renew a passport?",
                                                                 S + "Let people renew a passport online"]
    page = client.get("/search?q=renew+passport&type=suggestion").get_data(as_text=True)
    assert f'href="{s.url}"' in page
    assert "Suggestion · Open · National Tax Office" in page and "1 supporter" in page


def test_status_filter_follows_the_agencys_status_changes(app, client, asker, agency, drain):
    s = make_suggestion(app, asker, agency, title="Longer counter opening hours on Saturdays")
    moderator = make_user(app, role="moderator", agency=agency)
    drain()
    assert titles(client, "/search?q=counter+hours&status=open") == [S + "Longer counter opening hours on Saturdays"]
    run(app, suggestions.set_status, moderator, s.id, "planned", "We will open until 4pm from June.")
    drain()
    assert titles(client, "/search?q=counter+hours&status=open") == []
    assert titles(client, "/search?q=counter+hours&type=suggestion&status=planned") == [
        S + "Longer counter opening hours on Saturdays"]
    # Question statuses and suggestion statuses do not mix; an unknown status is ignored.
    assert titles(client, "/search?q=counter+hours&status=unanswered") == []
    assert titles(client, "/search?q=counter+hours&status=nonsense") == [S + "Longer counter opening hours on Saturdays"]


def test_support_reorders_by_votes(app, client, asker, agency, drain):
    first = make_suggestion(app, asker, agency, title="Parking permits renewed online")
    make_suggestion(app, make_user(app), agency, title="Parking permits sent by email")
    drain()
    assert titles(client, "/search?q=parking+permits&sort=votes&type=suggestion")[0] == S + "Parking permits sent by email"
    run(app, suggestions.set_support, make_user(app), first.id, True)
    drain()
    assert titles(client, "/search?q=parking+permits&sort=votes&type=suggestion") == [
        S + "Parking permits renewed online", S + "Parking permits sent by email"]


def test_a_suggestion_gone_from_the_database_is_never_shown_from_a_stale_index(app, client, asker, agency, drain):
    s = make_suggestion(app, asker, agency, title="Braille versions of tax letters")
    drain()
    with app.app_context():  # a Core delete: no outbox row, the index still has it
        db.session.execute(delete(Suggestion.__table__).where(Suggestion.__table__.c.id == s.id))
        db.session.commit()
    assert titles(client, "/search?q=braille&type=suggestion") == []
    with app.app_context():
        assert suggestion_queries.similar_suggestions("Braille tax letters") == []


def test_similar_suggestions_come_from_the_index_and_leave_duplicates_out(app, asker, agency, drain):
    kept = make_suggestion(app, asker, agency, title="Renewals of driving licences online")
    duplicate = make_suggestion(app, make_user(app), agency, title="Renew driving licence on the website")
    moderator = make_user(app, role="moderator", agency=agency)
    run(app, suggestions.set_status, moderator, duplicate.id, "duplicate", "Same idea.", kept.id)
    make_suggestion(app, asker, agency, title="Quieter waiting rooms")
    with app.app_context():
        assert suggestion_queries.similar_suggestions("renewing my licence") == []  # not indexed yet
    drain()
    with app.app_context():
        # Stemming: "renewing" and "licence" find "Renewals of driving licences online".
        assert [x.id for x in suggestion_queries.similar_suggestions("renewing my licence")] == [kept.id]


def test_similar_suggestions_fall_back_to_the_database_without_an_index(app, asker, agency, client):
    kept = make_suggestion(app, asker, agency, title="Upload documents online instead of posting them")
    make_suggestion(app, asker, agency, title="Longer opening hours at the counter")
    shutil.rmtree(app.config["FORUM_SEARCH_DIR"])  # not drained either: only the database knows them
    with app.app_context():
        assert [x.id for x in suggestion_queries.similar_suggestions("upload documents")] == [kept.id]
    data = client.get("/suggestions/similar?title=upload+documents").get_json()
    assert [x["id"] for x in data["suggestions"]] == [kept.id]
    # Search itself says it is limited, and searches suggestions' titles and text in the database.
    page = client.get("/search?q=documents+instead&type=suggestion").get_data(as_text=True)
    assert "temporarily limited" in page
    assert titles(client, "/search?q=documents+instead&type=suggestion") == [S + "Upload documents online instead of posting them"]
    assert titles(client, "/search?q=documents&type=suggestion&status=planned") == []
    assert titles(client, "/search?q=documents&type=suggestion&status=open&agency=tax-office") == [
        S + "Upload documents online instead of posting them"]
    assert titles(client, "/search?q=documents&type=suggestion&official=yes") == []


def test_a_hidden_suggestion_is_neither_shown_nor_counted_from_a_stale_index(app, client, asker, agency, drain):
    make_suggestion(app, asker, agency, title="Braille versions of tax letters")
    hidden = make_suggestion(app, asker, agency, title="Braille versions of rates notices")
    drain()
    with app.app_context():  # a Core update: no outbox row, the index still has it as public
        db.session.execute(Suggestion.__table__.update().where(Suggestion.__table__.c.id == hidden.id)
                           .values(state="hidden"))
        db.session.commit()
    html = client.get("/search?q=braille").get_data(as_text=True)
    assert titles(client, "/search?q=braille") == [S + "Braille versions of tax letters"]
    assert "1 result" in html and "2 results" not in html
