"""A question keeps how long it waited for its first public answer and its first official answer,
and its accepted answer's "did this help" counts (forum/qa/outcome.py): every write that can move
them keeps them right, and `flask forum check` finds and fixes any drift."""
from datetime import timedelta

from sqlalchemy import update

from forum.extensions import db, utcnow
from forum.moderation import service as moderation
from forum.qa import check
from forum.qa import service as qa
from forum.qa.models import Question

from ..factories import fetch, make_answer, run
from ..insights.conftest import answer_at, ask_at
from .conftest import TFN

HOUR = 3600


def whole_second_now():
    """Now, to the second: waits are kept in whole seconds, each end cut to the second, so times
    set an exact number of hours apart from it give exact waits (two calls to utcnow() may
    straddle a second)."""
    return utcnow().replace(microsecond=0)


def waits(app, question) -> tuple:
    return fetch(app, Question, question.id, "first_answer_seconds", "official_answer_seconds")


def ratings(app, question) -> tuple:
    return fetch(app, Question, question.id, "accepted_helpful_yes", "accepted_helpful_no")


def no_drift(app) -> bool:
    with app.app_context():
        return check.find_drift() == []


def test_the_first_public_answer_sets_the_wait_and_later_answers_keep_it(app, asker, helper, reader, agency):
    now = whole_second_now()
    question = ask_at(app, asker, now - timedelta(hours=10), agency=agency)
    assert waits(app, question) == (None, None)
    answer_at(app, question, helper, now - timedelta(hours=9))
    make_answer(app, question, reader)  # now, nine hours later
    assert waits(app, question) == (HOUR, None)
    assert no_drift(app)


def test_hiding_restoring_and_deleting_an_answer_move_the_first_answer_wait(app, asker, helper, reader,
                                                                              moderator, agency):
    now = whole_second_now()
    question = ask_at(app, asker, now - timedelta(hours=10), agency=agency)
    first = answer_at(app, question, helper, now - timedelta(hours=9))
    answer_at(app, question, reader, now - timedelta(hours=7))
    run(app, moderation.decide, moderator, "answer", first.id, "hide")
    assert waits(app, question) == (3 * HOUR, None)
    run(app, moderation.decide, moderator, "answer", first.id, "restore")
    assert waits(app, question) == (HOUR, None)
    run(app, qa.delete_answer, helper, first.id)
    assert waits(app, question) == (3 * HOUR, None)
    assert no_drift(app)


def test_a_held_answer_starts_no_wait_until_a_moderator_releases_it(app, asker, helper, moderator, agency):
    now = whole_second_now()
    question = ask_at(app, asker, now - timedelta(hours=2), agency=agency)
    held = make_answer(app, question, helper, body=f"Quote your TFN {TFN} on the phone.")
    assert waits(app, question) == (None, None)
    assert no_drift(app)
    run(app, moderation.decide, moderator, "answer", held.id, "release")
    first, _ = waits(app, question)
    assert 2 * HOUR - 5 <= first <= 2 * HOUR + 5
    assert no_drift(app)


def test_marking_and_unmarking_an_official_answer_set_and_clear_the_official_wait(app, asker, helper, moderator,
                                                                                   agency):
    now = whole_second_now()
    question = ask_at(app, asker, now - timedelta(hours=5), agency=agency)
    answer = answer_at(app, question, helper, now - timedelta(hours=4))
    run(app, moderation.mark_official, moderator, answer.id)
    first, official = waits(app, question)
    assert first == HOUR and 5 * HOUR - 5 <= official <= 5 * HOUR + 5
    assert no_drift(app)
    run(app, moderation.unmark_official, moderator, answer.id)
    assert waits(app, question) == (HOUR, None)
    assert no_drift(app)


def test_editing_an_official_answer_withdraws_its_official_wait(app, asker, helper, moderator, agency):
    now = whole_second_now()
    question = ask_at(app, asker, now - timedelta(hours=5), agency=agency)
    answer = answer_at(app, question, helper, now - timedelta(hours=4))
    run(app, moderation.mark_official, moderator, answer.id)
    run(app, qa.edit_answer, helper, answer.id, "Mine took three weeks; the tracker said so too.")
    assert waits(app, question) == (HOUR, None)
    assert no_drift(app)


def test_the_accepted_answers_ratings_follow_acceptance_rating_and_moderation(app, asker, helper, reader,
                                                                             moderator, agency):
    from ..factories import make_user
    now = whole_second_now()
    question = ask_at(app, asker, now - timedelta(hours=5), agency=agency)
    first, second = make_answer(app, question, helper), make_answer(app, question, reader)
    run(app, qa.accept_answer, asker, first.id)
    raters = [make_user(app) for _ in range(3)]
    for rater, verdict in zip(raters, (True, True, False)):
        run(app, qa.rate_helpful, rater, first.id, verdict)
    assert ratings(app, question) == (2, 1)
    run(app, qa.rate_helpful, raters[2], first.id, True)  # changed their mind
    assert ratings(app, question) == (3, 0)
    run(app, moderation.decide, moderator, "answer", first.id, "hide")
    assert ratings(app, question) == (0, 0)  # a hidden answer's ratings count for nothing
    run(app, moderation.decide, moderator, "answer", first.id, "restore")
    assert ratings(app, question) == (3, 0)
    run(app, qa.accept_answer, asker, second.id)
    assert ratings(app, question) == (0, 0)
    assert no_drift(app)


def test_forum_check_reports_drifted_waits_and_fix_corrects_them(app, runner, asker, helper, agency):
    now = whole_second_now()
    question = ask_at(app, asker, now - timedelta(hours=5), agency=agency)
    answer_at(app, question, helper, now - timedelta(hours=4))
    with app.app_context():
        db.session.execute(update(Question).where(Question.id == question.id).values(
            first_answer_seconds=None, official_answer_seconds=60))
        db.session.commit()
    result = runner.invoke(args=["forum", "check"])
    assert result.exit_code != 0
    assert f"question {question.id}: first_answer_seconds is empty, should be {HOUR}" in result.output
    assert f"question {question.id}: official_answer_seconds is 60, should be empty" in result.output
    assert "Fixed 2 rows" in runner.invoke(args=["forum", "check", "--fix"]).output
    assert waits(app, question) == (HOUR, None)
    assert no_drift(app)
