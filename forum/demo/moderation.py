"""Demo moderation so that a first run shows the feature alive: official answers from some
agencies, a question held for a tax file number, a flagged answer and a referral.

Runs after the bulk content is committed, through the same services staff would use, so
the audit log tells the same story. Deterministic for a given seed.
"""
from __future__ import annotations

import random

from sqlalchemy import select

from ..accounts.models import Agency, User
from ..extensions import db, utcnow
from ..moderation import service as moderation
from ..qa.models import Answer, Question, Revision
from .. import content as text_content

HELD_TITLE = "My tax return was rejected: is my number wrong?"
HELD_BODY = "I lodged online and it was rejected. My tax file number is 123 456 782. Did I type it wrong?"


def add_moderation(rng: random.Random) -> None:
    agencies = list(db.session.scalars(select(Agency).order_by(Agency.id)))
    moderators = {u.agency_id: u for u in db.session.scalars(
        select(User).where(User.role == "moderator").order_by(User.id))}
    citizens = list(db.session.scalars(select(User).where(User.role == "citizen").order_by(User.id)))
    for agency in agencies:
        answers = list(db.session.scalars(
            select(Answer).join(Question, Question.id == Answer.question_id)
            .where(Question.agency_id == agency.id, Answer.state == "public")
            .order_by(Answer.score.desc(), Answer.id).limit(20)))
        # The two best answers on two different questions: one official answer per question.
        chosen = {answer.question_id: answer for answer in reversed(answers)}
        for answer in sorted(chosen.values(), key=lambda a: (-a.score, a.id))[:2]:
            moderation.mark_official(moderators[agency.id], answer.id)
    _held_question(rng.choice(citizens), agencies[0])
    flagged = db.session.scalar(select(Answer).where(Answer.state == "public", Answer.official_agency_id.is_(None))
                                .order_by(Answer.score, Answer.id).limit(1))
    for flagger in [c for c in citizens if c.id != flagged.author_id][:2]:
        moderation.flag_post(flagger, "answer", flagged.id, "off_topic", "Not about this question")
    if len(agencies) > 1:
        question = db.session.scalar(select(Question).where(Question.agency_id == agencies[0].id)
                                     .order_by(Question.id.desc()).limit(1))
        moderation.refer_question(moderators[agencies[0].id], question.id, agencies[1].slug,
                                  f"{agencies[1].name} handles this part of the process.")


def _held_question(author: User, agency: Agency) -> None:
    """As ask_question would store it, without the new-account limit (demo people post a lot)."""
    now = utcnow()
    question = Question(author_id=author.id, agency_id=agency.id, title=HELD_TITLE, slug=text_content.slugify(HELD_TITLE),
                        body_source=HELD_BODY, body_html=text_content.render(HELD_BODY),
                        excerpt=text_content.excerpt(HELD_BODY, 280), tag_names="tax-returns", state="held",
                        created_at=now, last_activity_at=now)
    db.session.add(question)
    db.session.flush()
    db.session.add(Revision(question_id=question.id, number=1, editor_id=author.id, title=HELD_TITLE,
                            tag_names="tax-returns", body_source=HELD_BODY, created_at=now))
    moderation.hold_automatically("question", question.id, ["tax file number"])
    db.session.commit()
