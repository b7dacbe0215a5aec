"""sql.page_reads: the question page's statements run on the driver's cursor give exactly the
rows SQLAlchemy's own execution gives (values and their types), on SQLite and PostgreSQL."""
from datetime import datetime

import pytest
from sqlalchemy import event, update

from forum.accounts.models import User
from forum.extensions import db, utcnow
from forum.qa import question_page as qp
from forum.qa import service
from forum.qa.models import Answer, AnswerVote, HelpfulVote, Question
from forum.sql import page_reads

from ..factories import make_agency, make_answer, make_question, make_user, run


@pytest.fixture
def thread(app, asker, helper):
    """A question with every kind of value the page reads: an agency, a referral, the original
    it duplicates, a lock, an edit; answers official, accepted, voted on, rated, hidden."""
    agency, referred = make_agency(app, name="Tax Office"), make_agency(app, name="Benefits Office")
    original = make_question(app, asker, title="The first question about refunds by cheque")
    question = make_question(app, asker, title="Why was my refund sent by cheque?", agency=agency)
    answers = [make_answer(app, question, helper, body=f"Answer {n}: the bank details were out of date.")
               for n in range(3)]
    staff = make_user(app, role="moderator", agency=agency, display_name="Officer Olu")
    now = utcnow()
    with app.app_context():
        db.session.execute(update(Question).where(Question.id == question.id).values(
            referred_agency_id=referred.id, duplicate_of_id=original.id, locked_at=now, updated_at=now,
            referral_note="Benefits handle this."))
        db.session.execute(update(Answer).where(Answer.id == answers[0].id).values(
            official_agency_id=agency.id, official_by_id=staff.id, official_at=now, updated_at=now))
        db.session.execute(update(Answer).where(Answer.id == answers[2].id).values(state="hidden"))
        db.session.add(AnswerVote(user_id=asker.id, answer_id=answers[1].id, value=1))
        db.session.commit()
    run(app, service.accept_answer, asker, answers[1].id, True)
    with app.app_context():
        db.session.add(HelpfulVote(user_id=asker.id, answer_id=answers[1].id, helpful=True))
        db.session.commit()
    return question, staff


def _statements(question_id: int, viewer_id: int | None, accepted_id: int | None):
    params = {"question_id": question_id, "viewer_id": viewer_id}
    answers = {**params, "accepted_id": accepted_id, "offset": 0}
    yield qp._question_statement(viewer_id is not None), params
    for kind in (qp.VISITOR, qp.PARTICIPANT, qp.MODERATOR):
        yield qp._answers_statement(kind), answers


def test_rows_and_their_types_are_those_sqlalchemy_gives(app, thread, asker):
    question, _ = thread
    with app.app_context():
        accepted = db.session.get(Question, question.id).accepted_answer_id
    for viewer in (None, asker.id):
        for statement, params in _statements(question.id, viewer, accepted):
            with app.app_context():
                expected = [tuple(row) for row in db.session.execute(statement, params)]
            with app.app_context():
                with page_reads() as read:
                    rows = read(statement, params)
            assert rows == expected and rows
            assert [[type(value) for value in row] for row in rows] == [[type(value) for value in row]
                                                                        for row in expected]
    # The values that need converting were there to convert: aware datetimes, real booleans.
    with app.app_context(), page_reads() as read:
        row = read(qp._question_statement(True), {"question_id": question.id, "viewer_id": asker.id})[0]
    assert any(isinstance(value, datetime) and value.tzinfo is not None for value in row)
    assert any(value is True for value in row) and any(value is False for value in row)


def test_a_visitor_reads_without_an_orm_session_and_each_statement_is_seen(app, thread):
    question, _ = thread
    seen = []
    with app.app_context():
        engine = db.engine
    listener = lambda conn, cursor, statement, params, context, many: seen.append(statement)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        with app.app_context():
            with page_reads() as read:
                read(qp._question_statement(False), {"question_id": question.id, "viewer_id": None})
            assert not db.session.registry.has()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert len(seen) == 1 and seen[0].lstrip().upper().startswith("SELECT")


def test_a_request_using_the_session_reads_what_it_has_not_yet_flushed(app, thread, helper):
    question, _ = thread
    with app.app_context():
        db.session.get(User, helper.id).display_name = "Hamid, renamed in this request"
        with page_reads() as read:
            rows = read(qp._answers_statement(qp.VISITOR), {"question_id": question.id, "viewer_id": None,
                                                             "accepted_id": None, "offset": 0})
        assert {row[qp._A_AUTHOR + 1] for row in rows} == {"Hamid, renamed in this request"}
        db.session.rollback()
