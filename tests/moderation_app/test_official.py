"""Official answers: given by the agency's moderators, pinned on top with a badge, withdrawn on edit."""
import pytest
from sqlalchemy import select

from forum.errors import Conflict
from forum.extensions import db
from forum.moderation import service
from forum.qa import service as qa
from forum.qa.models import Answer, Question

from ..factories import fetch, make_answer, make_question, make_user, run
from .conftest import audit_actions


def mark(client, answer_id, value="yes"):
    from ..helpers import csrf_token
    return client.post(f"/moderation/answers/{answer_id}/official",
                       data={"official": value, "csrf_token": csrf_token(client, "/questions")})


def test_moderator_marks_an_answer_and_it_is_pinned_above_all_others(app, client_of, client, moderator, question,
                                                                        answer, reader, helper):
    popular = make_answer(app, question, reader, body="Everyone says six weeks.")
    run(app, qa.vote_answer, reader, answer.id, 1)
    run(app, qa.vote_answer, moderator, popular.id, 1)
    run(app, qa.vote_answer, helper, popular.id, 1)
    response = mark(client_of(moderator), answer.id)
    assert response.status_code == 302 and f"#answer-{answer.id}" in response.headers["Location"]
    page = client.get(question.url).get_data(as_text=True)
    assert "Official answer from National Tax Office" in page
    assert "Marked by Tess Taxoffice" in page
    assert page.index(f'id="answer-{answer.id}"') < page.index(f'id="answer-{popular.id}"')
    official = fetch(app, Answer, answer.id, "official_agency_id", "official_by_id")
    assert official == (moderator.agency_id, moderator.id)
    assert audit_actions(app, "answer", answer.id) == ["mark_official"]


def test_one_official_answer_per_agency_per_question(app, client_of, moderator, question, answer, reader):
    second = make_answer(app, question, reader, body="Another view.")
    mark(client_of(moderator), answer.id)
    response = mark(client_of(moderator), second.id)
    assert response.status_code == 409
    assert "already has an official answer" in response.get_data(as_text=True)
    assert fetch(app, Answer, second.id, "official_agency_id") is None


def test_marking_twice_says_already_handled(app, client_of, moderator, answer):
    mark(client_of(moderator), answer.id)
    response = mark(client_of(moderator), answer.id)
    assert response.status_code == 409 and "already official" in response.get_data(as_text=True)


@pytest.mark.parametrize("who", ["citizen", "outsider", "admin", "author"])
def test_only_the_agencys_moderator_marks(app, client_of, who, answer, reader, outsider, admin, helper):
    person = {"citizen": reader, "outsider": outsider, "admin": admin, "author": helper}[who]
    response = mark(client_of(person), answer.id)
    assert response.status_code == 403
    assert fetch(app, Answer, answer.id, "official_agency_id") is None
    assert audit_actions(app, "answer", answer.id) == ["refused:mark_official"]


def test_a_question_about_no_agency_is_assigned_the_moderators(app, client_of, moderator, asker, helper):
    question = make_question(app, asker)
    answer = make_answer(app, question, helper)
    assert mark(client_of(moderator), answer.id).status_code == 302
    assert fetch(app, Question, question.id, "agency_id") == moderator.agency_id
    assert audit_actions(app, "question", question.id) == ["assign_agency"]


def test_editing_an_official_answer_withdraws_the_mark(app, client_of, client, moderator, question, answer, helper, form):
    mark(client_of(moderator), answer.id)
    response = form(client_of(helper), f"/answers/{answer.id}/edit", {"body": "Actually it takes ten weeks."})
    assert response.status_code == 302
    assert fetch(app, Answer, answer.id, "official_agency_id", "official_by_id", "official_at") == (None, None, None)
    assert "Official answer from" not in client.get(question.url).get_data(as_text=True)
    assert audit_actions(app, "answer", answer.id) == ["mark_official", "official_withdrawn"]
    assert mark(client_of(moderator), answer.id).status_code == 302  # confirmed again


def test_unmarking_is_logged(app, client_of, moderator, answer):
    mark(client_of(moderator), answer.id)
    assert mark(client_of(moderator), answer.id, "no").status_code == 302
    assert fetch(app, Answer, answer.id, "official_agency_id") is None
    assert audit_actions(app, "answer", answer.id) == ["mark_official", "unmark_official"]
    assert mark(client_of(moderator), answer.id, "no").status_code == 409


def test_no_official_answer_on_a_locked_question(app, moderator, question, answer):
    run(app, service.set_locked, moderator, question.id, True, "heated")
    with pytest.raises(Conflict, match="locked"):
        run(app, service.mark_official, moderator, answer.id)


def test_no_official_answer_on_a_deleted_answer_or_question(app, client_of, moderator, asker, agency, helper):
    question = make_question(app, asker, agency=agency)
    answer = make_answer(app, question, helper)
    run(app, service.decide, moderator, "answer", answer.id, "delete", "spam")
    assert mark(client_of(moderator), answer.id).status_code == 404
    other = make_answer(app, question, asker)
    run(app, service.decide, moderator, "question", question.id, "hide", "off topic")
    assert mark(client_of(moderator), other.id).status_code == 409


def test_bad_choice_is_400_and_unknown_answer_404(client_of, moderator, answer):
    assert mark(client_of(moderator), answer.id, "maybe").status_code == 400
    assert mark(client_of(moderator), 999999).status_code == 404


def test_the_unique_constraint_holds_even_without_the_check(app, moderator, question, answer, reader):
    second = make_answer(app, question, reader)
    run(app, service.mark_official, moderator, answer.id)
    with app.app_context():
        db.session.get(Answer, second.id).official_agency_id = moderator.agency_id
        with pytest.raises(Exception):
            db.session.commit()
        db.session.rollback()
        assert db.session.scalar(select(db.func.count()).select_from(Answer).where(
            Answer.official_agency_id.is_not(None))) == 1


@pytest.fixture
def dialect(app):
    with app.app_context():
        return db.engine.dialect.name


@pytest.fixture
def colleague(app, agency):
    """A second moderator of the same agency."""
    return make_user(app, role="moderator", agency=agency, display_name="Cal Colleague")


def _slow_clock(monkeypatch, seconds=0.4):
    """Widen the moment between the service's checks and its write, where a colleague's
    simultaneous mark would slip in."""
    import time

    from forum.extensions import utcnow

    def slow():
        time.sleep(seconds)
        return utcnow()
    monkeypatch.setattr(service, "utcnow", slow)


def test_two_moderators_marking_at_once_give_one_official_answer(app, client_of, moderator, colleague, question,
                                                                 answer, reader, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    from ..helpers import csrf_token

    second = make_answer(app, question, reader, body="Another view.")
    clients = [client_of(moderator), client_of(colleague)]
    tokens = [csrf_token(c, "/questions") for c in clients]
    _slow_clock(monkeypatch)

    def post(i):
        response = clients[i].post(f"/moderation/answers/{(answer.id, second.id)[i]}/official",
                                   data={"official": "yes", "csrf_token": tokens[i]})
        return response.status_code, response.get_data(as_text=True)

    with ThreadPoolExecutor(max_workers=2) as pool:  # each request has its own session
        results = list(pool.map(post, range(2)))
    assert sorted(status for status, _ in results) == [302, 409]
    refused = next(page for status, page in results if status == 409)
    assert "already has an official answer from National Tax Office" in refused
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Answer).where(
            Answer.official_agency_id.is_not(None))) == 1


def test_a_colleagues_mark_committed_between_check_and_write_is_a_409(app, client_of, moderator, colleague,
                                                                     question, answer, reader, monkeypatch, dialect):
    """Deterministic on SQLite (writes serialise, no row lock): the colleague's mark lands just
    after this request's checks; the database's constraint refuses the second, and the
    moderator is told, not shown an error page. (On PostgreSQL the question's row lock makes
    the colleague wait instead: the test above covers it.)"""
    if dialect != "sqlite":
        pytest.skip("the row lock would make the colleague wait for this request")
    second = make_answer(app, question, reader, body="Another view.")
    from forum.extensions import utcnow

    def colleague_first():
        monkeypatch.undo()
        run(app, service.mark_official, colleague, answer.id)
        return utcnow()
    monkeypatch.setattr(service, "utcnow", colleague_first)
    response = mark(client_of(moderator), second.id)
    assert response.status_code == 409
    assert "already has an official answer from National Tax Office" in response.get_data(as_text=True)
    assert fetch(app, Answer, answer.id, "official_by_id") == colleague.id
    assert fetch(app, Answer, second.id, "official_agency_id") is None


def test_an_admin_removes_a_wrong_official_mark_and_it_is_logged(app, client_of, client, moderator, admin, question,
                                                                 answer):
    mark(client_of(moderator), answer.id)
    staff = client_of(admin)
    assert "Remove the official mark" in staff.get(question.url).get_data(as_text=True)
    assert mark(staff, answer.id, "no").status_code == 302
    assert fetch(app, Answer, answer.id, "official_agency_id") is None
    assert "Official answer from" not in client.get(question.url).get_data(as_text=True)
    assert audit_actions(app, "answer", answer.id) == ["mark_official", "unmark_official"]
    with app.app_context():
        from forum.moderation.models import AuditEntry
        entry = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry.actor_id == admin.id and "National Tax Office" in entry.details
    assert mark(staff, answer.id, "no").status_code == 409


def test_a_locked_question_keeps_the_unmark_button(app, client_of, moderator, question, answer):
    mark(client_of(moderator), answer.id)
    run(app, service.set_locked, moderator, question.id, True, "heated")
    staff = client_of(moderator)
    page = staff.get(question.url).get_data(as_text=True)
    assert "Remove the official mark" in page and "Mark as official answer" not in page
    assert mark(staff, answer.id, "no").status_code == 302
    assert fetch(app, Answer, answer.id, "official_agency_id") is None


def test_another_agencys_mark_on_the_answer_is_named(app, client_of, moderator, outsider, question, answer,
                                                     other_agency):
    run(app, service.refer_question, moderator, question.id, other_agency.slug, "Passports handle this part.")
    mark(client_of(moderator), answer.id)
    theirs = client_of(outsider)
    assert "Remove the official mark" not in theirs.get(question.url).get_data(as_text=True)
    response = mark(theirs, answer.id)
    assert response.status_code == 409
    assert "already the official answer from National Tax Office" in response.get_data(as_text=True)
    response = mark(theirs, answer.id, "no")
    assert response.status_code == 403 and "National Tax Office" in response.get_data(as_text=True)
    assert fetch(app, Answer, answer.id, "official_agency_id") == moderator.agency_id
