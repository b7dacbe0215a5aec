"""Tag pages, moderators' synonyms, descriptions and merges, and suggestions while asking."""
import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.qa.check import find_drift
from forum.qa.models import Question
from forum.tags import service as tags
from forum.tags.models import Tag, TagEvent

from ..factories import make_agency, make_question, make_user


@pytest.fixture
def asker(app):
    return make_user(app, display_name="Asha Asker")


def tag_names(app, question_id):
    with app.app_context():
        q = db.session.get(Question, question_id)
        return q.tag_names, sorted(t.name for t in db.session.scalars(
            select(Tag).join(Tag.__table__.metadata.tables["question_tag"]).where(
                Tag.__table__.metadata.tables["question_tag"].c.question_id == question_id)))


def test_index_lists_tags_with_counts_and_survives_odd_pages(app, client, asker):
    make_question(app, asker, tags=("passports", "waiting-times"))
    make_question(app, asker, title="Where is my passport now, please?", tags=("passports",))
    page = client.get("/tags").get_data(as_text=True)
    assert page.index("passports") < page.index("waiting-times")
    assert ">2<" in page
    assert client.get("/tags?page=99999999999").status_code == 200
    assert client.get("/tags?q=pass").get_data(as_text=True).count('href="/tags/') == 1
    assert client.get("/tags?q=%25").status_code == 200


def test_a_tag_page_shows_description_questions_and_weekly_activity(app, client, asker):
    q = make_question(app, asker, tags=("passports",))
    page = client.get("/tags/passports").get_data(as_text=True)
    assert "No description yet." in page and q.url in page
    assert 'role="img"' in page and "Questions per week" in page
    assert client.get("/tags/no-such-tag").status_code == 404


@pytest.mark.parametrize("role, status", [("citizen", 403), ("policy", 403), ("moderator", 200), ("admin", 200)])
def test_only_moderators_and_admins_edit_tags(app, client_of, agency, asker, role, status, form):
    make_question(app, asker, tags=("passports",))
    editor = client_of(make_user(app, role=role, agency=agency if role == "moderator" else None))
    assert editor.get("/tags/passports/edit").status_code == status
    response = form(editor, "/tags/passports/description", {"description": "Passports and renewals"},
                    page="/tags/passports/edit" if status == 200 else "/questions/ask")
    assert response.status_code == (302 if status == 200 else 403)


def test_descriptions_are_saved_and_logged(app, client_of, agency, asker, form):
    make_question(app, asker, tags=("passports",))
    moderator = client_of(make_user(app, role="moderator", agency=agency))
    form(moderator, "/tags/passports/description", {"description": "New passports and renewals."},
         page="/tags/passports/edit")
    assert "New passports and renewals." in moderator.get("/tags/passports").get_data(as_text=True)
    too_long = form(moderator, "/tags/passports/description", {"description": "x" * 2001}, page="/tags/passports/edit")
    assert too_long.status_code == 400 and "at most 2,000 characters" in too_long.get_data(as_text=True)


def test_a_synonym_becomes_its_main_tag_on_every_new_post(app, client_of, agency, asker, form):
    make_question(app, asker, tags=("passports",))
    admin = client_of(make_user(app, role="admin"))
    response = form(admin, "/tags/passports/synonyms", {"synonym": "Passport "}, page="/tags/passports/edit")
    assert response.status_code == 302
    q = make_question(app, asker, title="Lost my passport overseas, what now?", tags=("passport", "travel"))
    assert tag_names(app, q.id) == ("passports travel", ["passports", "travel"])
    q2 = make_question(app, asker, title="Passport and passports both typed here", tags=("passport", "passports"))
    assert tag_names(app, q2.id)[0] == "passports"
    with app.app_context():
        assert tags.canonical("passport") == "passports" and tags.canonical("other") == "other"
    assert admin.get("/tags/passport").headers["Location"].endswith("/tags/passports")
    with app.app_context():
        assert not find_drift()


@pytest.mark.parametrize("synonym, status, message", [
    ("passports", 400, "cannot be a synonym of itself"),
    ("bad tag!", 400, "is not a valid tag"),
    ("travel", 409, "is a tag in use: merge it"),
    ("", 400, "Enter the synonym"),
])
def test_bad_synonyms_are_refused_next_to_the_field(app, client_of, asker, form, synonym, status, message):
    make_question(app, asker, tags=("passports", "travel"))
    admin = client_of(make_user(app, role="admin"))
    response = form(admin, "/tags/passports/synonyms", {"synonym": synonym}, page="/tags/passports/edit")
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert message in page and f'value="{synonym}"' in page


def test_merging_moves_questions_keeps_counts_exact_and_is_logged(app, client_of, asker, form):
    both = make_question(app, asker, title="Both tags on this one, passports", tags=("passport-renewal", "passports"))
    only = make_question(app, asker, title="Only the old tag on this question", tags=("passport-renewal", "travel"))
    make_question(app, asker, title="Only the new tag on this question", tags=("passports",))
    admin = client_of(make_user(app, role="admin"))
    response = form(admin, "/tags/passport-renewal/merge", {"into": "passports"}, page="/tags/passport-renewal/edit")
    assert response.status_code == 302
    assert tag_names(app, both.id) == ("passports", ["passports"])
    assert tag_names(app, only.id) == ("passports travel", ["passports", "travel"])
    with app.app_context():
        assert db.session.scalar(select(Tag.question_count).where(Tag.name == "passports")) == 3
        assert db.session.scalar(select(Tag).where(Tag.name == "passport-renewal")) is None
        event = db.session.scalar(select(TagEvent).where(TagEvent.kind == "merge"))
        assert (event.tag_name, event.other_name, event.detail) == ("passports", "passport-renewal", "2 questions moved")
        assert not find_drift()
    assert admin.get("/tags/passport-renewal").status_code == 301
    later = make_question(app, asker, title="Typed the old tag after the merge", tags=("passport-renewal",))
    assert tag_names(app, later.id)[0] == "passports"
    assert "passport-renewal" in admin.get("/tags/passports/edit").get_data(as_text=True)


@pytest.mark.parametrize("into, status, message", [
    ("passports", 400, "Choose another tag"), ("nowhere", 400, "There is no tag called"), ("", 400, "Enter the tag"),
])
def test_bad_merges_are_refused(app, client_of, asker, form, into, status, message):
    make_question(app, asker, tags=("passports",))
    admin = client_of(make_user(app, role="admin"))
    response = form(admin, "/tags/passports/merge", {"into": into}, page="/tags/passports/edit")
    assert response.status_code == status and message in response.get_data(as_text=True)


def test_edit_actions_on_unknown_tags_are_404(app, client_of, form, asker):
    make_question(app, asker, tags=("passports",))
    admin = client_of(make_user(app, role="admin"))
    assert admin.get("/tags/nothing/edit").status_code == 404
    assert form(admin, "/tags/nothing/synonyms", {"synonym": "x"}, page="/tags/passports/edit").status_code == 404


def test_suggestions_come_from_existing_questions(app, client, asker):
    from forum.tags import suggest
    suggest.forget()
    for i in range(3):
        make_question(app, asker, title=f"Passport renewal taking six weeks, case {i}", tags=("passport-renewal",))
        make_question(app, asker, title=f"Missed bin collection this week, case {i}", tags=("bins",))
    suggest.forget()
    got = client.get("/tags/suggest", query_string={"title": "How long does a passport renewal take?"}).get_json()
    assert got["tags"][0] == "passport-renewal" and "bins" not in got["tags"]
    got = client.get("/tags/suggest", query_string={"title": "passport renewal", "tags": "passport-renewal"}).get_json()
    assert "passport-renewal" not in got["tags"]
    assert client.get("/tags/suggest").get_json() == {"tags": []}
    assert client.get("/tags/suggest", query_string={"title": "x" * 10_000, "tags": "!!,??"}).status_code == 200
    suggest.forget()


@pytest.mark.parametrize("url", ["/questions/ask", "/suggestions/new"])
def test_the_ask_and_propose_forms_have_the_suggestion_hook_hidden_until_scripts_fill_it(app, client_of, agency, url):
    page = client_of(make_user(app)).get(url).get_data(as_text=True)
    assert 'data-tag-suggestions' in page and 'data-url="/tags/suggest"' in page
    hook = page[page.index("data-tag-suggestions"):]
    assert hook[:hook.index(">")].rstrip().endswith("hidden")  # without scripts nothing shows
    assert page.index('id="tags"') < page.index("data-tag-suggestions")


def test_a_tag_page_lists_the_tags_suggestions_most_supported_first(app, client, asker, agency):
    from forum.suggestions import service as suggestions
    from ..factories import run
    from ..suggestions.conftest import make_suggestion
    make_question(app, asker, tags=("passports",))
    quiet = make_suggestion(app, asker, agency, title="Print passport forms in large type", tags=("passports",))
    popular = make_suggestion(app, asker, agency, title="Renew passports fully online", tags=("passports",))
    other = make_suggestion(app, asker, agency, title="Longer opening hours at the counter", tags=("opening-hours",))
    for _ in range(2):
        run(app, suggestions.set_support, make_user(app), popular.id, True)
    page = client.get("/tags/passports").get_data(as_text=True)
    assert popular.url in page and quiet.url in page and other.url not in page
    assert page.index(popular.url) < page.index(quiet.url)
    assert "<strong>3</strong> supports" in page and "/suggestions?tag=passports" in page
    assert other.url in client.get("/tags/opening-hours").get_data(as_text=True)
    make_question(app, asker, title="How long are the waiting times now?", tags=("waiting-times",))
    assert "No suggestions use this tag." in client.get("/tags/waiting-times").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/tags/passports", "/tags"])
def test_tag_pages_read_their_suggestions_in_a_bounded_number_of_queries(app, client, asker, agency, count_queries,
                                                                         url):
    from ..suggestions.conftest import make_suggestion
    make_question(app, asker, tags=("passports",))

    def count() -> int:
        with count_queries() as counted:
            assert client.get(url).status_code == 200
        return counted[0]

    make_suggestion(app, asker, agency, title="Renew passports fully online", tags=("passports",))
    few = count()
    for i in range(5):
        make_suggestion(app, make_user(app), make_agency(app), title=f"Passport idea number {i}",
                        tags=(f"idea-{i}", "passports"))
    assert count() == few


def _suggestion_tags(app, suggestion_id):
    from forum.suggestions.models import Suggestion, SuggestionTag
    with app.app_context():
        names = db.session.scalar(select(Suggestion.tag_names).where(Suggestion.id == suggestion_id))
        linked = sorted(db.session.scalars(select(Tag.name).join(SuggestionTag, SuggestionTag.tag_id == Tag.id)
                                           .where(SuggestionTag.suggestion_id == suggestion_id)))
        return names, linked


def _outbox_suggestions(app):
    from forum.search.outbox import SearchOutbox
    with app.app_context():
        return set(db.session.scalars(select(SearchOutbox.target_id).where(SearchOutbox.kind == "suggestion")))


def test_merging_moves_suggestions_to_the_main_tag_and_reindexes_them(app, client, asker, agency):
    from ..factories import run
    from ..suggestions.conftest import make_suggestion
    make_question(app, asker, tags=("passports",))
    both = make_suggestion(app, asker, agency, title="Renew passports fully online", tags=("passport-renewal", "passports"))
    old = make_suggestion(app, asker, agency, title="Remind people before a passport expires",
                          tags=("travel", "passport-renewal"))
    admin = make_user(app, role="admin")
    with app.app_context():
        from forum.search.outbox import SearchOutbox
        db.session.execute(SearchOutbox.__table__.delete())
        db.session.commit()
    run(app, tags.merge, admin, "passport-renewal", "passports")
    assert _suggestion_tags(app, both.id) == ("passports", ["passports"])
    assert _suggestion_tags(app, old.id) == ("travel passports", ["passports", "travel"])
    assert {both.id, old.id} <= _outbox_suggestions(app)
    with app.app_context():
        event = db.session.scalar(select(TagEvent).where(TagEvent.kind == "merge"))
        assert event.detail == "0 questions moved, 2 suggestions"
    page = client.get("/tags/passports").get_data(as_text=True)
    assert both.url in page and old.url in page


def test_an_unused_tag_made_a_synonym_keeps_its_suggestions(app, client, asker, agency):
    from ..factories import run
    from ..suggestions.conftest import make_suggestion
    make_question(app, asker, tags=("passports",))
    only = make_suggestion(app, asker, agency, title="Print passport forms in large type", tags=("passport", "forms"))
    both = make_suggestion(app, asker, agency, title="Renew passports fully online", tags=("passports", "passport"))
    run(app, tags.add_synonym, make_user(app, role="admin"), "passports", "passport")
    assert _suggestion_tags(app, only.id) == ("passports forms", ["forms", "passports"])
    assert _suggestion_tags(app, both.id) == ("passports", ["passports"])
    assert {only.id, both.id} <= _outbox_suggestions(app)
    assert only.url in client.get("/tags/passports").get_data(as_text=True)


def test_a_synonym_becomes_its_main_tag_on_a_new_suggestion(app, asker, agency):
    from ..factories import run
    from ..suggestions.conftest import make_suggestion
    make_question(app, asker, tags=("passports",))
    run(app, tags.add_synonym, make_user(app, role="admin"), "passports", "passport")
    s = make_suggestion(app, asker, agency, title="Renew passports fully online", tags=("passport", "forms", "passports"))
    assert _suggestion_tags(app, s.id) == ("passports forms", ["forms", "passports"])
    with app.app_context():
        assert db.session.scalar(select(Tag).where(Tag.name == "passport")) is None


def test_the_weekly_chart_ends_with_the_current_week_including_today(app, client, asker):
    from datetime import timedelta

    from forum.extensions import utcnow
    from forum.tags import queries

    from ..insights.conftest import ask_at
    now = utcnow()
    today = now.date()
    ask_at(app, asker, now, tags=("passports",), title="Asked just now about passports")
    ask_at(app, asker, now - timedelta(days=83), tags=("passports",), title="Asked 83 days ago about passports")
    ask_at(app, asker, now - timedelta(days=84), tags=("passports",), title="Asked 84 days ago about passports")
    with app.app_context():
        activity = queries.tag_page("passports").activity
    assert len(activity) == 12
    assert activity[-1] == {"start": (today - timedelta(days=6)).isoformat(), "questions": 1}
    assert activity[0] == {"start": (today - timedelta(days=83)).isoformat(), "questions": 1}
    assert sum(week["questions"] for week in activity) == 2
    page = client.get("/tags/passports").get_data(as_text=True)
    assert f"<td class=\"govuk-table__cell\">{(today - timedelta(days=6)).isoformat()}</td>" in page


def test_the_index_lists_tags_used_only_by_suggestions_with_both_counts(app, client, asker, agency):
    from ..suggestions.conftest import make_suggestion
    make_question(app, asker, tags=("passports",))
    make_suggestion(app, asker, agency, title="Renew passports fully online", tags=("passports", "online-services"))
    page = client.get("/tags").get_data(as_text=True)
    assert 'href="/tags/online-services"' in page and "2 tags" in page
    row = page[page.index('href="/tags/online-services"'):]
    row = row[:row.index("</tr>")]
    assert row.count('govuk-table__cell--numeric">0<') == 1 and row.count('govuk-table__cell--numeric">1<') == 1
    assert "Suggestions" in page


def test_tags_import_nothing_from_the_insights_above_them():
    from pathlib import Path

    from ..moderation.test_pure_imports import imported_names
    package = Path(__file__).resolve().parents[2] / "forum" / "tags"
    upward = [(path.name, line, name) for path in sorted(package.glob("*.py"))
              for line, name in imported_names(path.read_text()) if "insights" in name]
    assert upward == []
