"""Referral, locking, closing as a duplicate, suspension, and the queue's scope."""
import pytest
from datetime import timedelta

from forum.extensions import utcnow
from forum.accounts.models import User
from forum.qa.models import Question

from ..factories import fetch, make_answer, make_question, make_user
from .conftest import audit_actions


def test_referral_shows_on_the_page_and_in_the_other_agencys_queue(app, client_of, client, moderator, outsider,
                                                                   question, other_agency, form):
    response = form(client_of(moderator), f"/moderation/questions/{question.id}/refer",
                    {"agency": other_agency.slug, "note": "Passports handle name changes."})
    assert response.status_code == 302
    page = client.get(question.url).get_data(as_text=True)
    assert "Referred to" in page and "Passport Office" in page and "Passports handle name changes." in page
    queue = client_of(outsider).get("/moderation").get_data(as_text=True)
    assert "Referred to your agency" in queue and "How long does a passport renewal take?" in queue
    assert audit_actions(app, "question", question.id) == ["refer"]


@pytest.mark.parametrize("data, message, status", [
    ({"agency": "", "note": "x"}, "Choose the agency", 400),
    ({"agency": "nowhere", "note": "x"}, "Not a valid choice", 400),
    ({"agency": "passport-office", "note": ""}, "Write a note", 400),
    ({"agency": "passport-office", "note": "x" * 501}, "500 characters or fewer", 400),
])
def test_bad_referrals_come_back_with_the_error(app, client_of, moderator, question, other_agency, form,
                                                data, message, status):
    response = form(client_of(moderator), f"/moderation/questions/{question.id}/refer", data)
    assert response.status_code == status and message in response.get_data(as_text=True)
    assert fetch(app, Question, question.id, "referred_agency_id") is None


def test_a_referral_note_with_personal_information_is_refused(app, client_of, moderator, question, other_agency,
                                                             form):
    response = form(client_of(moderator), f"/moderation/questions/{question.id}/refer",
                    {"agency": other_agency.slug, "note": "The asker's mobile is 0412 345 678."})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "The note seems to contain a phone number" in page
    assert "0412 345 678" in page  # the form comes back filled in
    assert fetch(app, Question, question.id, "referred_agency_id") is None


def test_citizens_and_other_agencies_cannot_refer(app, client_of, reader, outsider, question, other_agency, form):
    for person in (reader, outsider):
        response = form(client_of(person), f"/moderation/questions/{question.id}/refer",
                        {"agency": other_agency.slug, "note": "x"}, page=question.url)
        assert response.status_code == 403
    assert fetch(app, Question, question.id, "referred_agency_id") is None
    assert audit_actions(app) == ["refused:refer_question"] * 2


def test_a_locked_question_takes_no_answers(app, client_of, moderator, helper, question, form):
    response = form(client_of(moderator), f"/moderation/questions/{question.id}/lock", {"lock": "yes"},
                    page=question.url)
    assert response.status_code == 302
    page = client_of(helper).get(question.url).get_data(as_text=True)
    assert "takes no new answers" in page and "Post your answer" not in page
    response = form(client_of(helper), f"/questions/{question.id}/answers", {"body": "late"}, page=question.url)
    assert response.status_code == 409
    assert form(client_of(moderator), f"/moderation/questions/{question.id}/lock", {"lock": "yes"},
                page=question.url).status_code == 409  # already handled
    form(client_of(moderator), f"/moderation/questions/{question.id}/lock", {"lock": "no"}, page=question.url)
    assert fetch(app, Question, question.id, "locked_at") is None
    assert audit_actions(app, "question", question.id) == ["lock", "unlock"]


def test_close_as_duplicate_points_to_the_original(app, client_of, client, moderator, asker, agency, question, form):
    original = make_question(app, asker, title="Passport renewal times this winter", agency=agency)
    response = form(client_of(moderator), f"/moderation/questions/{question.id}/duplicate",
                    {"original": f"/questions/{original.id}-{original.slug}"})
    assert response.status_code == 302
    page = client.get(question.url).get_data(as_text=True)
    assert "closed as a duplicate of" in page and "Passport renewal times this winter" in page
    assert fetch(app, Question, question.id, "duplicate_of_id") == original.id


@pytest.mark.parametrize("original, message", [("abc", "Enter a question number"), ("", "Enter the number"),
                                               ("999999", "no public question"), ("self", "itself")])
def test_bad_duplicates(app, client_of, moderator, question, form, original, message):
    value = str(question.id) if original == "self" else original
    response = form(client_of(moderator), f"/moderation/questions/{question.id}/duplicate", {"original": value})
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert fetch(app, Question, question.id, "duplicate_of_id") is None


def test_a_suspended_citizen_reads_but_does_not_post(app, client_of, moderator, reader, question, form):
    response = form(client_of(moderator), f"/moderation/users/{reader.id}/suspend", {"days": "7", "reason": "abuse"})
    assert response.status_code == 302
    until = fetch(app, User, reader.id, "suspended_until")
    assert until > utcnow() + timedelta(days=6)
    client = client_of(reader)
    assert client.get(question.url).status_code == 200
    response = form(client, f"/questions/{question.id}/answers", {"body": "hello"}, page=question.url)
    assert response.status_code == 403 and "suspended" in response.get_data(as_text=True)
    assert audit_actions(app, "user", reader.id) == ["suspend"]


@pytest.mark.parametrize("data, message", [({"days": "2", "reason": "x"}, "Not a valid choice"),
                                           ({"days": "7", "reason": ""}, "Give a reason")])
def test_bad_suspensions(app, client_of, moderator, reader, form, data, message):
    response = form(client_of(moderator), f"/moderation/users/{reader.id}/suspend", data)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert fetch(app, User, reader.id, "suspended_until") is None


def test_moderators_cannot_suspend_staff_nor_citizens_suspend_anyone(app, client_of, moderator, outsider, reader,
                                                                     helper, form):
    assert client_of(moderator).get(f"/moderation/users/{outsider.id}/suspend").status_code == 403
    response = form(client_of(reader), f"/moderation/users/{helper.id}/suspend", {"days": "7", "reason": "x"},
                    page="/questions")
    assert response.status_code == 403
    assert fetch(app, User, helper.id, "suspended_until") is None
    assert client_of(moderator).get("/moderation/users/999999/suspend").status_code == 404


def test_the_queue_is_for_staff(client, client_of, reader, moderator, admin):
    assert client_of(reader).get("/moderation").status_code == 403
    assert client_of(reader).get("/moderation/log").status_code == 403
    assert client.get("/moderation").status_code == 302
    assert client_of(moderator).get("/moderation").status_code == 200
    assert client_of(admin).get("/moderation").status_code == 200


def test_each_agency_sees_its_own_flags_and_admins_see_all(app, client_of, asker, agency, other_agency, moderator,
                                                           outsider, admin, form):
    mine = make_question(app, asker, title="About my tax office question", agency=agency)
    theirs = make_question(app, asker, title="About my passport office question", agency=other_agency)
    nobodys = make_question(app, asker, title="About no agency in particular")
    flagger = client_of(make_user(app))
    for q in (mine, theirs, nobodys):
        form(flagger, f"/questions/{q.id}/flag", {"reason": "spam"})
    seen = client_of(moderator).get("/moderation").get_data(as_text=True)
    assert "About my tax office question" in seen and "About no agency" in seen
    assert "About my passport office question" not in seen
    everything = client_of(admin).get("/moderation").get_data(as_text=True)
    assert all(t in everything for t in ("tax office", "passport office", "no agency"))


def test_the_queue_reads_with_a_fixed_number_of_queries(app, client_of, asker, agency, admin, count_queries, form):
    def queue_queries():
        client = client_of(admin)
        client.get("/moderation")
        with count_queries() as counted:
            assert client.get("/moderation").status_code == 200
        return counted[0]

    flagger = client_of(make_user(app))
    question = make_question(app, asker, agency=agency)
    form(flagger, f"/questions/{question.id}/flag", {"reason": "spam"})
    few = queue_queries()
    for n in range(4):
        q = make_question(app, asker, title=f"Another question number {n}", agency=agency)
        a = make_answer(app, q, make_user(app))
        form(flagger, f"/questions/{q.id}/flag", {"reason": "spam"})
        form(flagger, f"/answers/{a.id}/flag", {"reason": "abusive"})
    assert queue_queries() == few


def close(form, client, question, original):
    return form(client, f"/moderation/questions/{question.id}/duplicate", {"original": str(original.id)})


@pytest.fixture
def three(app, asker, agency):
    return [make_question(app, asker, title=f"Passport renewal question {n}", agency=agency) for n in "ABC"]


def test_closing_onto_a_duplicate_points_to_its_original(app, client_of, moderator, three, form):
    a, b, c = three
    staff = client_of(moderator)
    assert close(form, staff, a, b).status_code == 302
    response = close(form, staff, c, a)
    assert response.status_code == 400
    assert f"Question {a.id} is itself closed as a duplicate of question {b.id}" in response.get_data(as_text=True)
    assert fetch(app, Question, c.id, "duplicate_of_id") is None
    assert close(form, staff, c, b).status_code == 302


def test_duplicates_never_form_a_cycle(app, client_of, moderator, three, form):
    a, b, c = three
    staff = client_of(moderator)
    assert close(form, staff, a, b).status_code == 302
    response = close(form, staff, b, a)
    assert response.status_code == 400 and "already closed as a duplicate of this one" in response.get_data(as_text=True)
    # Closing B onto C takes B's own duplicate along: A now points straight at C.
    assert close(form, staff, b, c).status_code == 302
    assert fetch(app, Question, a.id, "duplicate_of_id") == c.id
    response = close(form, staff, c, a)
    assert response.status_code == 400 and "already closed as a duplicate of this one" in response.get_data(as_text=True)
    assert fetch(app, Question, c.id, "duplicate_of_id") is None
    assert "its 1 duplicate now points there too" in client_of(moderator).get(
        f"/moderation/log?action=close_duplicate").get_data(as_text=True)


def test_two_moderators_closing_two_questions_onto_each_other_at_once(app, client_of, moderator, admin, three):
    from concurrent.futures import ThreadPoolExecutor

    from ..helpers import csrf_token

    a, b, _ = three
    clients = [client_of(moderator), client_of(admin)]
    pairs = [(a, b), (b, a)]
    tokens = [csrf_token(c, f"/moderation/questions/{q.id}/duplicate") for c, (q, _) in zip(clients, pairs)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = list(pool.map(lambda i: clients[i].post(
            f"/moderation/questions/{pairs[i][0].id}/duplicate",
            data={"original": str(pairs[i][1].id), "csrf_token": tokens[i]}).status_code, range(2)))
    assert sorted(statuses) in ([302, 400], [302, 409])
    duplicates = [fetch(app, Question, q.id, "duplicate_of_id") for q in (a, b)]
    assert duplicates.count(None) == 1


def test_a_suspended_moderator_cannot_edit_or_merge_tags(app, client_of, moderator, admin, question, form):
    from forum.moderation import service
    from ..factories import run

    run(app, service.suspend_user, admin, moderator.id, 1, "under review")
    client = client_of(moderator)
    response = client.get("/tags/passports/edit")
    assert response.status_code == 403 and "suspended" in response.get_data(as_text=True)
    response = form(client, "/tags/passports/synonyms", {"synonym": "passport"}, page="/tags/passports")
    assert response.status_code == 403
