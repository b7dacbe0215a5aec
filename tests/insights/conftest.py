"""A crafted dataset where every dashboard figure is known in advance (see CRAFTED below)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from forum.extensions import db
from forum.qa import outcome, service
from forum.qa.models import Answer, Question
from forum.tags.models import QuestionTag

from ..factories import make_agency, make_answer, make_question, make_user, run

HOUR = 3600


def at(app, model, row_id: int, when: datetime) -> None:
    """Move a row's creation time (tests build history that happened days ago), and recompute
    the question's waits as the services would have, had it happened then."""
    with app.app_context():
        db.session.execute(update(model).where(model.id == row_id).values(created_at=when))
        if model is Question:  # its tags keep a copy
            db.session.execute(update(QuestionTag).where(QuestionTag.question_id == row_id)
                               .values(question_created_at=when))
        if model in (Question, Answer):
            outcome.refresh(row_id if model is Question else db.session.get(Answer, row_id).question_id)
        db.session.commit()


def ask_at(app, author, when: datetime, *, agency=None, title=None, tags=("passports",)):
    q = make_question(app, author, agency=agency, tags=tags,
                      title=title or f"Question asked by {author.display_name} at {when:%Y-%m-%d %H:%M}")
    at(app, Question, q.id, when)
    return q


def answer_at(app, question, author, when: datetime):
    a = make_answer(app, question, author)
    at(app, Answer, a.id, when)
    return a


@dataclass
class Crafted:
    tax: object
    passport: object
    asker: object
    now: datetime
    questions: dict
    answers: dict


@pytest.fixture
def crafted(app):
    """Tax Office: 4 questions 20 days ago, first answers after 1 h, 3 h (a deleted answer
    after 1 min does not count), 10 days, never -> median 3 h; unanswered after 7 days 2 of 4;
    accepted answer rated 3 yes, 1 no -> 75%.
    Passport Office: 2 questions 30 days ago answered after 2 h and 4 h, 1 question 2 days ago
    answered after 1 h -> median 2 h; unanswered after 7 days 0 of 2 (the young one is not
    counted); accepted answer rated 1 yes, 1 no -> 50%.
    All agencies: waits 1, 1, 2, 3, 4, 240 h -> median (2 h + 3 h) / 2 = 2.5 h; unanswered 2 of 6;
    satisfaction 4 of 6. A Tax Office question 100 days ago is outside the default 90 days."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    tax = make_agency(app, name="National Tax Office", slug="tax-office")
    passport = make_agency(app, name="Passport Office", slug="passport-office")
    asker, helper = make_user(app, display_name="Asha Asker"), make_user(app, display_name="Hamid Helper")
    raters = [make_user(app, display_name=f"Rater {i}") for i in range(4)]

    t0 = now - timedelta(days=20)
    a1 = ask_at(app, asker, t0, agency=tax)
    first = answer_at(app, a1, helper, t0 + timedelta(hours=1))
    answer_at(app, a1, helper, t0 + timedelta(hours=5))
    a2 = ask_at(app, asker, t0 + timedelta(minutes=1), agency=tax)
    gone = answer_at(app, a2, helper, t0 + timedelta(minutes=2))
    run(app, service.delete_answer, helper, gone.id)
    a2_answer = answer_at(app, a2, helper, t0 + timedelta(minutes=1, hours=3))
    a3 = ask_at(app, asker, t0 + timedelta(minutes=2), agency=tax)
    a3_answer = answer_at(app, a3, helper, t0 + timedelta(minutes=2, days=10))
    a4 = ask_at(app, asker, t0 + timedelta(minutes=3), agency=tax)
    run(app, service.accept_answer, asker, first.id)
    for rater, verdict in zip(raters, (True, True, True, False)):
        run(app, service.rate_helpful, rater, first.id, verdict)

    t1 = now - timedelta(days=30)
    b1 = ask_at(app, asker, t1, agency=passport)
    b1_answer = answer_at(app, b1, helper, t1 + timedelta(hours=2))
    b2 = ask_at(app, asker, t1 + timedelta(minutes=1), agency=passport)
    answer_at(app, b2, helper, t1 + timedelta(minutes=1, hours=4))
    b3 = ask_at(app, asker, now - timedelta(days=2), agency=passport)
    b3_answer = answer_at(app, b3, helper, now - timedelta(days=2) + timedelta(hours=1))
    run(app, service.accept_answer, asker, b1_answer.id)
    for rater, verdict in zip(raters, (True, False)):
        run(app, service.rate_helpful, rater, b1_answer.id, verdict)

    old = ask_at(app, asker, now - timedelta(days=100), agency=tax)
    answer_at(app, old, helper, now - timedelta(days=100) + timedelta(minutes=5))
    questions = {"a1": a1, "a2": a2, "a3": a3, "a4": a4, "b1": b1, "b2": b2, "b3": b3, "old": old}
    answers = {"a1": first, "a2": a2_answer, "a2_deleted": gone, "a3": a3_answer, "b1": b1_answer, "b3": b3_answer}
    return Crafted(tax, passport, asker, now, questions, answers)


def make_official(app, answer_id: int, agency, when: datetime) -> None:
    with app.app_context():
        db.session.execute(update(Answer).where(Answer.id == answer_id).values(
            official_agency_id=agency.id, official_at=when))
        outcome.refresh(db.session.get(Answer, answer_id).question_id)
        db.session.commit()


def suggest_at(app, author, agency, when: datetime, status: str, responded_after: timedelta | None,
               tags=()) -> int:
    from forum.suggestions.models import Suggestion, SuggestionTag
    from forum.tags.models import Tag
    with app.app_context():
        s = Suggestion(author_id=author.id, agency_id=agency.id, title=f"Suggestion {status} {when:%d %H:%M}",
                       slug="suggestion", body_source="Body", body_html="<p>Body</p>", status=status,
                       created_at=when, last_activity_at=when,
                       first_response_at=None if responded_after is None else when + responded_after)
        db.session.add(s)
        db.session.flush()
        for name in tags:
            tag_id = db.session.scalar(select(Tag.id).where(Tag.name == name))
            db.session.add(SuggestionTag(suggestion_id=s.id, tag_id=tag_id))
        db.session.commit()
        return s.id


@pytest.fixture
def responded(app, crafted):
    """The crafted dataset plus official answers and suggestions.

    Official answers (wait from the question): Tax Office on a1 after 2 h, a2 after 6 h, a3 after
    240 h, b1 (a Passport question) after 8 h; Passport Office on b1 after 4 h and b3 after 1 h;
    a deleted answer on a2 marked official by Passport after 2 min does not count.
    -> Tax 2, 6, 8, 240 h: median 7 h; Passport 4 h, 1 h: median 2.5 h; overall, first official
    answer per question 2, 6, 240, 4 (b1: Passport before Tax), 1 h: median 4 h.
    Share with an official answer: Tax 3 of 4, Passport 2 of 3, all 5 of 7.
    Suggestions (status, agency response after): Tax open (none), under review 2 days, declined
    4 days, planned 1 day -> median 2 days; Passport implemented 3 h, open 5 h -> median 4 h;
    all 3 h, 5 h, 1 day, 2 days, 4 days -> median 1 day. A Passport suggestion 100 days ago
    (duplicate, answered in 1 h) is outside the period. Passport's two carry the tag "passports"."""
    c, now = crafted, crafted.now
    q, a = c.questions, c.answers
    t0, t1 = now - timedelta(days=20), now - timedelta(days=30)
    make_official(app, a["a1"].id, c.tax, t0 + timedelta(hours=2))
    make_official(app, a["a2"].id, c.tax, t0 + timedelta(minutes=1, hours=6))
    make_official(app, a["a2_deleted"].id, c.passport, t0 + timedelta(minutes=3))
    make_official(app, a["a3"].id, c.tax, t0 + timedelta(minutes=2, hours=240))
    make_official(app, a["b1"].id, c.passport, t1 + timedelta(hours=4))
    helper = make_user(app, display_name="Tara Taxofficer")
    b1_tax = answer_at(app, q["b1"], helper, t1 + timedelta(hours=5))
    make_official(app, b1_tax.id, c.tax, t1 + timedelta(hours=8))
    make_official(app, a["b3"].id, c.passport, now - timedelta(days=2) + timedelta(hours=1))

    day = timedelta(days=1)
    suggest_at(app, c.asker, c.tax, now - 10 * day, "open", None)
    suggest_at(app, c.asker, c.tax, now - 10 * day, "under_review", 2 * day)
    suggest_at(app, c.asker, c.tax, now - 20 * day, "declined", 4 * day)
    suggest_at(app, c.asker, c.tax, now - 5 * day, "planned", day)
    suggest_at(app, c.asker, c.passport, now - 30 * day, "implemented", timedelta(hours=3), tags=("passports",))
    suggest_at(app, c.asker, c.passport, now - day, "open", timedelta(hours=5), tags=("passports",))
    suggest_at(app, c.asker, c.passport, now - 100 * day, "duplicate", timedelta(hours=1))
    return crafted
