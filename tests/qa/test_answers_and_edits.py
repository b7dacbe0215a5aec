"""Answering, editing with a kept history, and deleting your own posts."""
from sqlalchemy import select

from forum.extensions import db
from forum.qa.models import Answer, Question, Revision

from ..factories import fetch, make_answer, make_question, make_user, run
from ..helpers import csrf_token


def test_answer_is_published_and_counted(app, client_of, helper, question, form):
    client = client_of(helper)
    response = form(client, f"/questions/{question.id}/answers", {"body": "Track it *online*."}, page=question.url)
    assert response.status_code == 302 and "#answer-" in response.headers["Location"]
    page = client.get(question.url).get_data(as_text=True)
    assert "<em>online</em>" in page and "1 answer" in page
    assert fetch(app, Question, question.id, "answer_count") == 1


def test_empty_answer_comes_back_with_the_error(app, client_of, helper, question, form):
    response = form(client_of(helper), f"/questions/{question.id}/answers", {"body": "   "}, page=question.url)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Write your answer" in page and 'href="#body"' in page


def test_overlong_answer_keeps_the_text(app, client_of, helper, question, form):
    text = "word " * 4_001
    response = form(client_of(helper), f"/questions/{question.id}/answers", {"body": text}, page=question.url)
    assert response.status_code == 400
    assert "20,000 characters or fewer" in response.get_data(as_text=True)
    assert text.strip() in response.get_data(as_text=True)


def test_an_answer_too_costly_to_show_keeps_the_text(app, client_of, helper, question, form):
    body = "- step\n" * 2_600
    response = form(client_of(helper), f"/questions/{question.id}/answers", {"body": body}, page=question.url)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "too many separate parts" in page and 'href="#body"' in page and "- step\n- step" in page
    assert fetch(app, Question, question.id, "answer_count") == 0


def test_an_edit_too_costly_to_show_changes_nothing(app, client_of, asker, question, form):
    response = form(client_of(asker), f"/questions/{question.id}/edit", {
        "title": "A new title for the passport question", "body": "[a](b) " * 2_600, "tags": "passports",
        "agency": ""})
    assert response.status_code == 400 and "too many separate parts" in response.get_data(as_text=True)
    assert fetch(app, Question, question.id, "title") == "How long does a passport renewal take?"


def test_an_answer_over_the_posting_limit_comes_back_filled_in(app, client_of, helper, question, form, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_RATE_POSTING", "1 per minute")
    client = client_of(helper)
    assert form(client, f"/questions/{question.id}/answers", {"body": "First."}, page=question.url).status_code == 302
    response = form(client, f"/questions/{question.id}/answers", {"body": "My careful second answer."},
                    page=question.url)
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "There is a problem" in page and "You can try again in about 1 minute" in page
    assert "My careful second answer.</textarea>" in page
    assert fetch(app, Question, question.id, "answer_count") == 1


def test_an_answer_over_the_first_day_limit_comes_back_filled_in(app, client_of, helper, question, form,
                                                                monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_NEW_ACCOUNT_POSTS", 1)
    client = client_of(helper)
    form(client, f"/questions/{question.id}/answers", {"body": "First."}, page=question.url)
    response = form(client, f"/questions/{question.id}/answers", {"body": "Typed with care."}, page=question.url)
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "There is a problem" in page and "first day" in page and "Typed with care.</textarea>" in page


def test_an_answer_to_a_question_locked_meanwhile_is_kept_for_its_writer(app, client_of, helper, question, form):
    from forum.extensions import utcnow

    client = client_of(helper)
    token_page = question.url
    with app.app_context():
        db.session.get(Question, question.id).locked_at = utcnow()
        db.session.commit()
    response = form(client, f"/questions/{question.id}/answers", {"body": "Written before the lock."}, page=token_page)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "There is a problem" in page and "locked by a moderator" in page
    assert "Written before the lock.</textarea>" in page
    assert fetch(app, Question, question.id, "answer_count") == 0


def test_answering_a_missing_question_is_404(client_of, helper, form, question):
    response = form(client_of(helper), "/questions/999999/answers", {"body": "hello"}, page=question.url)
    assert response.status_code == 404


def test_editing_keeps_every_revision_with_its_differences(app, client_of, asker, question, form):
    client = client_of(asker)
    response = form(client, f"/questions/{question.id}/edit", {
        "title": "How long does a passport renewal take in winter?", "body": "I sent my form.\nStill waiting.",
        "tags": "passports, waiting-times", "agency": ""})
    assert response.status_code == 302
    with app.app_context():
        numbers = db.session.scalars(select(Revision.number).where(Revision.question_id == question.id)).all()
        assert numbers == [1, 2]
    history = client.get(f"/questions/{question.id}/revisions").get_data(as_text=True)
    assert "Version 2" in history and "Version 1 (original)" in history
    assert "<ins>" in history and "Still waiting." in history
    assert "How long does a passport renewal take in winter?" in history


def test_history_escapes_what_people_typed(app, client_of, asker, question, form):
    form(client_of(asker), f"/questions/{question.id}/edit", {
        "title": "How long does a passport renewal take?", "body": "<script>alert(1)</script>",
        "tags": "passports", "agency": ""})
    history = client_of(asker).get(f"/questions/{question.id}/revisions").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in history and "&lt;script&gt;" in history


def test_saving_without_changes_adds_no_revision(app, client_of, asker, question, form):
    form(client_of(asker), f"/questions/{question.id}/edit", {
        "title": "How long does a passport renewal take?",
        "body": "I sent my renewal form last month. How long should it take?", "tags": "passports", "agency": ""})
    with app.app_context():
        assert len(db.session.scalars(select(Revision).where(Revision.question_id == question.id)).all()) == 1


def test_only_the_author_edits(app, client_of, helper, question, form):
    client = client_of(helper)
    assert client.get(f"/questions/{question.id}/edit").status_code == 403
    response = form(client, f"/questions/{question.id}/edit",
                    {"title": "Hijacked title here", "body": "x", "tags": "x", "agency": ""}, page=question.url)
    assert response.status_code == 403
    assert fetch(app, Question, question.id, "title") == "How long does a passport renewal take?"


def test_answer_edit_and_its_history(app, client_of, helper, question, form):
    answer = make_answer(app, question, helper)
    client = client_of(helper)
    response = form(client, f"/answers/{answer.id}/edit", {"body": "Mine took four weeks."})
    assert response.status_code == 302
    assert fetch(app, Answer, answer.id, "body_source") == "Mine took four weeks."
    page = client.get(question.url).get_data(as_text=True)
    assert "Mine took four weeks." in page and f"/answers/{answer.id}/revisions" in page
    assert "Version 2" in client.get(f"/answers/{answer.id}/revisions").get_data(as_text=True)


def test_delete_own_question_while_nobody_took_part(app, client_of, asker, question):
    from ..helpers import csrf_token
    client = client_of(asker)
    response = client.post(f"/questions/{question.id}/delete", data={"csrf_token": csrf_token(client, question.url)})
    assert response.status_code == 302
    assert fetch(app, Question, question.id, "state") == "deleted"  # soft: kept for audit
    assert client.get(question.url).status_code == 404


def test_question_with_an_answer_cannot_be_deleted(app, client_of, asker, helper, question):
    from ..helpers import csrf_token
    make_answer(app, question, helper)
    client = client_of(asker)
    response = client.post(f"/questions/{question.id}/delete", data={"csrf_token": csrf_token(client, question.url)})
    assert response.status_code == 409
    assert "can no longer be deleted" in response.get_data(as_text=True)
    assert fetch(app, Question, question.id, "state") == "public"


def test_delete_own_answer_updates_the_count(app, client_of, helper, question):
    from ..helpers import csrf_token
    answer = make_answer(app, question, helper)
    client = client_of(helper)
    response = client.post(f"/answers/{answer.id}/delete", data={"csrf_token": csrf_token(client, question.url)})
    assert response.status_code == 302
    assert fetch(app, Question, question.id, "answer_count") == 0
    assert "Mine took three weeks" not in client.get(question.url).get_data(as_text=True)


def _votes_that_cancel_out(app, url):
    from forum.qa import service

    up, down = make_user(app), make_user(app)
    kind, post_id = url
    vote = service.vote_question if kind == "question" else service.vote_answer
    run(app, vote, up, post_id, 1)
    run(app, vote, down, post_id, -1)


def test_delete_is_offered_only_while_the_question_can_be_deleted(app, client_of, asker, question):
    client = client_of(asker)
    delete = f'action="/questions/{question.id}/delete"'
    assert delete in client.get(question.url).get_data(as_text=True)
    _votes_that_cancel_out(app, ("question", question.id))  # score 0, but people took part
    assert fetch(app, Question, question.id, "score") == 0
    assert delete not in client.get(question.url).get_data(as_text=True)
    response = client.post(f"/questions/{question.id}/delete", data={"csrf_token": csrf_token(client, question.url)})
    assert response.status_code == 409 and fetch(app, Question, question.id, "state") == "public"


def test_delete_is_offered_only_while_the_answer_can_be_deleted(app, client_of, helper, question):
    answer = make_answer(app, question, helper)
    client = client_of(helper)
    delete = f'action="/answers/{answer.id}/delete"'
    assert delete in client.get(question.url).get_data(as_text=True)
    _votes_that_cancel_out(app, ("answer", answer.id))
    assert delete not in client.get(question.url).get_data(as_text=True)
    response = client.post(f"/answers/{answer.id}/delete", data={"csrf_token": csrf_token(client, question.url)})
    assert response.status_code == 409 and fetch(app, Question, question.id, "answer_count") == 1


def test_someone_else_cannot_delete(app, client_of, reader, question):
    from ..helpers import csrf_token
    client = client_of(reader)
    response = client.post(f"/questions/{question.id}/delete", data={"csrf_token": csrf_token(client, question.url)})
    assert response.status_code == 403


def test_old_or_missing_slug_redirects_to_the_canonical_address(client, question):
    response = client.get(f"/questions/{question.id}-old-title")
    assert response.status_code == 301 and response.headers["Location"].endswith(question.url)
    assert client.get(f"/questions/{question.id}").status_code == 301
    assert client.get("/questions/424242-nothing").status_code == 404


def _edit_body(app, asker, question, bodies):
    from forum.qa import service

    for body in bodies:
        run(app, service.edit_question, asker, question.id, "How long does a passport renewal take?", body,
            ["passports"], None)


def test_history_is_paged_newest_first(app, client, asker, question):
    _edit_body(app, asker, question, [f"Still waiting, day {n}." for n in range(2, 9)])  # versions 2 to 8
    first = client.get(f"/questions/{question.id}/revisions").get_data(as_text=True)
    assert [f"Version {n}" in first for n in (8, 4, 3)] == [True, True, False]
    assert "(original)" not in first and "Still waiting, day 3." in first  # version 4 compared with 3
    assert f'href="/questions/{question.id}/revisions?page=2"' in first
    second = client.get(f"/questions/{question.id}/revisions?page=2").get_data(as_text=True)
    assert "Version 3" in second and "Version 1 (original)" in second and "Version 4" not in second


def test_history_queries_do_not_grow_with_the_versions(app, client, asker, helper, count_queries):
    short, long = make_question(app, asker), make_question(app, helper)
    _edit_body(app, asker, short, ["One edit."])
    _edit_body(app, helper, long, [f"Edit number {n}." for n in range(20)])
    counts = []
    for q in (short, long):
        client.get(f"/questions/{q.id}/revisions")
        with count_queries() as counted:
            assert client.get(f"/questions/{q.id}/revisions").status_code == 200
        counts.append(counted[0])
    assert counts[0] == counts[1]


def test_versions_too_different_to_compare_are_both_shown_in_full(app, client, asker, question):
    old = "\n".join(f"old line {i}" for i in range(1_500))
    new = "\n".join(f"new line {i}" for i in range(1_500))
    _edit_body(app, asker, question, [old, new])
    page = client.get(f"/questions/{question.id}/revisions").get_data(as_text=True)
    assert "differ in too many places to compare line by line" in page
    assert "Version 2 in full" in page and "Version 3 in full" in page
    assert "old line 1499" in page and "new line 1499" in page
