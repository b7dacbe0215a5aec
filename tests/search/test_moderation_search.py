"""Search after moderation and tags: official answers, synonyms, and held or hidden posts."""
from forum.moderation import service as moderation
from forum.qa.models import Question
from forum.tags import service as tags

from ..factories import fetch, make_answer, make_question, make_user, run
from ..suggestions.conftest import make_suggestion
from .test_search_page import titles

TFN = "123 456 782"  # a valid tax file number: the personal-information check holds the post


def test_official_filter_finds_a_question_only_while_it_has_an_official_answer(app, client, client_of, asker,
                                                                               agency, drain, form):
    question = make_question(app, asker, title="Refund delayed after changing bank details", agency=agency)
    make_question(app, asker, title="Refund for a cancelled appointment")
    answer = make_answer(app, question, make_user(app), body="Refunds take ten working days.")
    moderator = make_user(app, role="moderator", agency=agency)
    drain()
    assert titles(client, "/search?q=refund&official=yes") == []
    # A moderator marks it through the page: the button's request enqueues the question.
    response = form(client_of(moderator), f"/moderation/answers/{answer.id}/official", {"official": "yes"},
                    page=question.url)
    assert response.status_code == 302
    drain()
    assert titles(client, "/search?q=refund&type=question&official=yes") == ["Refund delayed after changing bank details"]
    assert titles(client, "/search?q=refund+ten+days&type=answer&official=yes") == [
        "Answer to: Refund delayed after changing bank details"]
    run(app, moderation.unmark_official, moderator, answer.id, "Out of date")
    drain()
    assert titles(client, "/search?q=refund&official=yes") == []
    assert sorted(titles(client, "/search?q=refund&type=question")) == ["Refund delayed after changing bank details",
                                                                        "Refund for a cancelled appointment"]


def test_official_filter_in_the_database_fallback(app, client, asker, agency):
    import shutil

    question = make_question(app, asker, title="Refund delayed after changing bank details", agency=agency)
    make_question(app, asker, title="Refund for a cancelled appointment")
    answer = make_answer(app, question, make_user(app))
    run(app, moderation.mark_official, make_user(app, role="moderator", agency=agency), answer.id)
    shutil.rmtree(app.config["FORUM_SEARCH_DIR"])
    page = client.get("/search?q=refund&official=yes").get_data(as_text=True)
    assert "temporarily limited" in page
    assert titles(client, "/search?q=refund&official=yes") == ["Refund delayed after changing bank details"]


def test_a_synonym_in_the_tag_filter_finds_its_main_tags_posts(app, client, asker, agency, drain):
    make_question(app, asker, title="Refund delayed after my tax return", tags=("tax-returns",))
    make_question(app, asker, title="Refund of a passport fee", tags=("passports",))
    # A tag only suggestions use becomes a synonym: their documents are refreshed too.
    make_suggestion(app, asker, agency, title="Refund tax faster", tags=("lodgement",))
    moderator = make_user(app, role="moderator", agency=agency)
    drain()
    run(app, tags.add_synonym, moderator, "tax-returns", "tax-return")
    run(app, tags.add_synonym, moderator, "tax-returns", "lodgement")
    drain()
    assert titles(client, "/search?q=refund&tag=tax-return&type=question") == ["Refund delayed after my tax return"]
    assert titles(client, "/search?q=refund&tag=lodgement&type=suggestion") == ["Suggestion: Refund tax faster"]
    assert titles(client, "/search?q=refund&tag=tax-returns&type=suggestion") == ["Suggestion: Refund tax faster"]


def test_merged_tags_are_found_under_the_tag_they_were_merged_into(app, client, asker, drain):
    make_question(app, asker, title="Refund delayed after my tax return", tags=("tax-return",))
    make_question(app, asker, title="Refund still missing", tags=("tax-returns",))
    drain()
    run(app, tags.merge, make_user(app, role="admin"), "tax-return", "tax-returns")
    drain()
    expected = ["Refund delayed after my tax return", "Refund still missing"]
    assert sorted(titles(client, "/search?q=refund&tag=tax-returns")) == expected
    assert sorted(titles(client, "/search?q=refund&tag=tax-return")) == expected


def test_held_and_flag_hidden_questions_are_never_found(app, client, client_of, asker, drain, form):
    held = make_question(app, asker, title="Why was my refund rejected?", body=f"My TFN is {TFN} and it was rejected.")
    flagged = make_question(app, asker, title="Refund scam: buy cheap refunds here")
    make_question(app, asker, title="Refund for a cancelled appointment")
    drain()
    for _ in range(3):
        response = form(client_of(make_user(app)), f"/questions/{flagged.id}/flag", {"reason": "spam", "text": ""},
                        page=flagged.url)
        assert response.status_code == 302
    drain()
    assert (fetch(app, Question, held.id, "state"), fetch(app, Question, flagged.id, "state")) == ("held", "hidden")
    for url in ("/search?q=refund", "/search?q=refund+rejected", "/search?q=scam", "/search?q=refund&type=question"):
        found = titles(client, url)
        assert "Why was my refund rejected?" not in found and "Refund scam: buy cheap refunds here" not in found
    assert titles(client, "/search?q=refund") == ["Refund for a cancelled appointment"]
    assert titles(client, "/search?q=123+456+782") == []
    assert "My TFN is" not in client.get("/search?q=123+456+782").get_data(as_text=True)
    data = client.get("/search/similar?q=refund+rejected").get_json()
    assert [r["title"] for r in data["results"]] == ["Refund for a cancelled appointment"]
