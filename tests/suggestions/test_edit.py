"""Authors edit their own suggestions until the agency answers: every version kept and public,
personal information held back or, once taken out, published."""
import pytest
from sqlalchemy import select

from forum.errors import Conflict
from forum.extensions import db
from forum.suggestions import service
from forum.suggestions.models import Suggestion, SuggestionRevision, SuggestionTag
from forum.tags.models import Tag

from ..factories import fetch, run
from ..moderation_app.conftest import TFN, audit_actions
from ..search.test_search_page import titles

NEW = {"title": "Let people upload scanned documents in the app",
       "body": "Posting paper copies takes **weeks**. Scans would do.", "tags": "online-services, uploads"}


def edit(form, client, suggestion_id, data=None, page="/suggestions/new"):
    return form(client, f"/suggestions/{suggestion_id}/edit", {**NEW, **(data or {})}, page=page)


def versions(app, suggestion_id):
    with app.app_context():
        return [(r.number, r.editor_id, r.title, r.tag_names, r.body_source) for r in db.session.scalars(
            select(SuggestionRevision).where(SuggestionRevision.suggestion_id == suggestion_id)
            .order_by(SuggestionRevision.number))]


def test_the_author_edits_title_description_and_tags(app, client_of, client, proposer, suggestion, form, drain):
    author = client_of(proposer)
    page = author.get(suggestion.url).get_data(as_text=True)
    assert f'href="/suggestions/{suggestion.id}/edit"' in page
    filled = author.get(f"/suggestions/{suggestion.id}/edit").get_data(as_text=True)
    assert 'value="Let people upload documents in the app"' in filled and "Posting paper copies" in filled
    assert 'name="agency"' not in filled  # it stays with the agency it was proposed to
    response = edit(form, author, suggestion.id, page=None)
    assert response.status_code == 302
    title, slug, tags, html, state = fetch(app, Suggestion, suggestion.id, "title", "slug", "tag_names", "body_html",
                                           "state")
    assert (title, tags, state) == (NEW["title"], "online-services uploads", "public")
    assert slug == "let-people-upload-scanned-documents-in-the-app" and "<strong>weeks</strong>" in html
    assert response.headers["Location"].endswith(f"/suggestions/{suggestion.id}-{slug}")
    with app.app_context():
        tagged = db.session.scalars(select(Tag.name).join(SuggestionTag, SuggestionTag.tag_id == Tag.id)
                                    .where(SuggestionTag.suggestion_id == suggestion.id).order_by(Tag.name)).all()
    assert tagged == ["online-services", "uploads"]
    # The original is version 1, by its author; the edit version 2.
    assert versions(app, suggestion.id) == [
        (1, proposer.id, "Let people upload documents in the app", "online-services",
         "Posting paper copies takes weeks. An upload button would fix it."),
        (2, proposer.id, NEW["title"], "online-services uploads", NEW["body"])]
    # Readers see that it changed, and what changed.
    page = client.get(f"/suggestions/{suggestion.id}-{slug}").get_data(as_text=True)
    assert f'href="/suggestions/{suggestion.id}/revisions">edited</a>' in page
    history = client.get(f"/suggestions/{suggestion.id}/revisions").get_data(as_text=True)
    assert "History of this suggestion" in history
    assert "Title changed from “Let people upload documents in the app”" in history
    assert "Tags changed from “online-services” to “online-services uploads”" in history
    assert "<ins" in history and "<del" in history
    # Search follows the new title.
    drain()
    assert titles(client, "/search?q=scanned&type=suggestion") == [f"Suggestion: {NEW['title']}"]


def test_saving_without_a_change_writes_no_version(app, client_of, proposer, suggestion, form):
    same = {"title": "Let people upload documents in the app",
            "body": "Posting paper copies takes weeks. An upload button would fix it.", "tags": "online-services"}
    assert edit(form, client_of(proposer), suggestion.id, same).status_code == 302
    assert versions(app, suggestion.id) == []
    assert 'revisions">edited' not in client_of(proposer).get(suggestion.url).get_data(as_text=True)


def test_only_the_author_may_edit(app, client_of, supporter, moderator, suggestion, form):
    for other in (supporter, moderator):
        response = edit(form, client_of(other), suggestion.id)
        assert response.status_code == 403 and "Only the author can edit" in response.get_data(as_text=True)
        assert client_of(other).get(f"/suggestions/{suggestion.id}/edit").status_code == 403
        assert f"/suggestions/{suggestion.id}/edit" not in client_of(other).get(suggestion.url).get_data(as_text=True)
    assert fetch(app, Suggestion, suggestion.id, "title") == "Let people upload documents in the app"
    assert versions(app, suggestion.id) == []


def test_visitors_are_sent_to_sign_in_and_missing_suggestions_are_404(client, client_of, proposer, form):
    response = client.get("/suggestions/1/edit")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert client_of(proposer).get("/suggestions/999999/edit").status_code == 404
    assert client_of(proposer).get("/suggestions/99999999999/edit").status_code == 404
    assert client_of(proposer).get("/suggestions/999999/revisions").status_code == 404


def test_once_the_agency_answers_the_text_stays(app, client_of, proposer, moderator, suggestion, form):
    run(app, service.set_status, moderator, suggestion.id, "under_review", "We are looking at this.")
    author = client_of(proposer)
    assert f"/suggestions/{suggestion.id}/edit" not in author.get(suggestion.url).get_data(as_text=True)
    response = edit(form, author, suggestion.id)
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "text stays as they read it" in page
    assert f'value="{NEW["title"]}"' in page and "Scans would do." in page  # what was typed is not lost
    assert author.get(f"/suggestions/{suggestion.id}/edit").status_code == 409
    assert fetch(app, Suggestion, suggestion.id, "title") == "Let people upload documents in the app"


def test_bad_input_comes_back_filled_in(app, client_of, proposer, suggestion, form):
    author = client_of(proposer)
    response = edit(form, author, suggestion.id, {"title": "Too short", "body": "Kept words"}, page=None)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "must be between 10 and 150 characters" in page and 'value="Too short"' in page and "Kept words" in page
    for bad in ({"tags": "a, b, c, d, e, f"}, {"tags": "bad/tag!"}, {"body": "x" * 20_001}, {"body": "  "}):
        assert edit(form, author, suggestion.id, bad).status_code == 400, bad
    assert fetch(app, Suggestion, suggestion.id, "title") == "Let people upload documents in the app"
    assert versions(app, suggestion.id) == []


def test_a_synonym_becomes_its_main_tag(app, client_of, proposer, suggestion, form):
    from forum.tags.models import TagSynonym

    with app.app_context():
        main = Tag(name="uploads")
        db.session.add(main)
        db.session.flush()
        db.session.add(TagSynonym(name="file-upload", tag_id=main.id))
        db.session.commit()
    assert edit(form, client_of(proposer), suggestion.id, {"tags": "file-upload"}).status_code == 302
    assert fetch(app, Suggestion, suggestion.id, "tag_names") == "uploads"


def test_personal_information_added_by_an_edit_holds_it(app, client_of, client, proposer, suggestion, form):
    author = client_of(proposer)
    response = edit(form, author, suggestion.id, {"body": f"My TFN {TFN} was on the form."})
    assert response.status_code == 302
    assert fetch(app, Suggestion, suggestion.id, "state") == "held"
    assert audit_actions(app, "suggestion", suggestion.id) == ["auto_hold"]
    assert client.get(suggestion.url).status_code == 404
    assert client.get(f"/suggestions/{suggestion.id}/revisions").status_code == 404
    page = author.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    notice = page.split("saved but not public yet")[1].split("</div>")[0]
    assert "tax file number" in notice and TFN not in notice


def test_a_held_suggestion_is_published_once_its_author_takes_the_number_out(app, client_of, client, agency,
                                                                              proposer, form):
    author = client_of(proposer)
    form(author, "/suggestions/new", {"title": "Let people upload documents in the app", "tags": "online-services",
                                      "body": f"I had to post my TFN {TFN} on paper.", "agency": agency.slug,
                                      "action": "post"})
    with app.app_context():
        suggestion_id = db.session.scalar(select(Suggestion.id))
    page = author.get(f"/suggestions/{suggestion_id}", follow_redirects=True).get_data(as_text=True)
    assert f'href="/suggestions/{suggestion_id}/edit">Edit it</a> to remove that' in page
    assert edit(form, author, suggestion_id, {"body": "I had to post my number on paper."}, page=None).status_code == 302
    assert fetch(app, Suggestion, suggestion_id, "state") == "public"
    assert audit_actions(app, "suggestion", suggestion_id) == ["auto_hold", "auto_release"]
    page = author.get(f"/suggestions/{suggestion_id}", follow_redirects=True).get_data(as_text=True)
    assert "Your suggestion is published" in page
    # The public history keeps the first version, with the number taken out of what it shows.
    history = client.get(f"/suggestions/{suggestion_id}/revisions").get_data(as_text=True)
    assert "Version 1 (original)" in history and TFN not in history
    assert "[removed: tax file number]" in history


def test_a_suspended_author_cannot_edit(app, client_of, proposer, moderator, suggestion, form):
    from datetime import timedelta

    from forum.moderation import service as moderation

    run(app, moderation.suspend_user, moderator, proposer.id, 3, "Spam")
    response = edit(form, client_of(proposer), suggestion.id, page=None)
    assert response.status_code == 403
    assert fetch(app, Suggestion, suggestion.id, "title") == "Let people upload documents in the app"


def test_the_service_refuses_an_edit_once_the_agency_has_answered(app, proposer, moderator, suggestion):
    """The response first, then the edit (a page opened before the response, saved after it):
    the service reads the suggestion afresh, under a row lock, and refuses."""
    run(app, service.set_status, moderator, suggestion.id, "planned", "We will build this.")
    with pytest.raises(Conflict):
        run(app, service.edit, proposer, suggestion.id, NEW["title"], NEW["body"], ["uploads"])
    assert fetch(app, Suggestion, suggestion.id, "title") == "Let people upload documents in the app"
