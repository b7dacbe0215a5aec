"""Questions and answers: the use cases that write. Each commits once or raises a DomainError.

Reading (lists, the question page) lives in forum/qa/queries.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from sqlalchemy import delete, select, update

from moderation import pii
from moderation.types import Action

from .. import content
from ..accounts.models import Agency, User
from ..errors import Conflict, InvalidInput, NotFound, TooManyPosts
from ..extensions import db, utcnow
from ..moderation import audit
from ..moderation import service as moderation
from ..moderation.states import set_state
from ..permissions import require as _require
from ..sql import bump, insert_if_absent
from ..suggestions.models import Suggestion
from ..tags import service as tags
from . import outcome
from .models import (Answer, AnswerVote, HelpfulVote, MeToo, Question, QuestionVote, Revision, answer_deletable,
                     question_deletable)

TITLE_MIN, TITLE_MAX = 10, 150
BODY_MAX = content.MAX_SOURCE

# Reputation: what a vote or an acceptance is worth to the post's author.
POINTS = {("question", 1): 5, ("answer", 1): 10, ("question", -1): -2, ("answer", -1): -2}
ACCEPTED_POINTS = 15


def _check_text(title: str | None, body: str) -> None:
    if title is not None and not TITLE_MIN <= len(title) <= TITLE_MAX:
        raise InvalidInput(f"Title must be between {TITLE_MIN} and {TITLE_MAX} characters", field="title")
    if not body.strip():
        raise InvalidInput("Write the details", field="body")
    if len(body) > BODY_MAX:
        raise InvalidInput(f"Text must be {BODY_MAX:,} characters or fewer (it has {len(body):,})", field="body")


def render_body(body: str) -> str:
    """The safe HTML of a body, or InvalidInput next to the field when it is too costly to show."""
    try:
        return content.render(body)
    except content.TooComplex as error:
        raise InvalidInput(str(error), field="body") from None


def _agency(slug: str | None) -> Agency | None:
    if not slug:
        return None
    agency = db.session.scalar(select(Agency).where(Agency.slug == slug))
    if agency is None:
        raise InvalidInput("Choose an agency from the list", field="agency")
    return agency


def public_question(question_id: int) -> Question:
    question = db.session.get(Question, question_id)
    if question is None or question.state != "public":
        raise NotFound("There is no such question, or it has been removed")
    return question


def public_answer(answer_id: int) -> Answer:
    answer = db.session.get(Answer, answer_id)
    if answer is None or answer.state != "public":
        raise NotFound("There is no such answer, or it has been removed")
    question = db.session.get(Question, answer.question_id)
    if question is None or question.state != "public":
        raise NotFound("There is no such answer, or it has been removed")
    return answer


def own_post(model, post_id: int, user: User):
    """A post its author may edit: public, or held back for personal information."""
    post = db.session.get(model, post_id)
    if post is None or post.state not in ("public", "held") or (post.state == "held" and post.author_id != user.id):
        raise NotFound("There is no such post, or it has been removed")
    if model is Answer:
        public_question(post.question_id)
    return post


def personal_information(*texts: str | None) -> list[str]:
    """The kinds of personal information in the texts (never the values themselves)."""
    return pii.kinds([finding for text in texts if text for finding in pii.scan(text)])


def hold_or_release(post, kind: str, found: list[str]) -> None:
    """After an edit: hold a post that now shows personal information; publish a held post
    whose author has removed it (the detector is the same one that held it)."""
    if found and set_state(post, "held", ("public",)):
        moderation.hold_automatically(kind, post.id, found)
    elif not found and set_state(post, "public", ("held",)):
        audit.record(None, "auto_release", kind, post.id, reason="The author removed the personal information")


def check_pace(author: User) -> None:
    """New accounts may post only a few times in their first day (FORUM_NEW_ACCOUNT_POSTS):
    questions, answers and suggestions together."""
    limit = current_app.config.get("FORUM_NEW_ACCOUNT_POSTS", 5)
    since = utcnow() - timedelta(days=1)
    if author.role != "citizen" or author.created_at < since:
        return
    posted = sum(db.session.scalar(select(db.func.count()).select_from(model).where(
        model.author_id == author.id, model.created_at >= since)) for model in (Question, Answer, Suggestion))
    if posted >= limit:
        raise TooManyPosts(f"New accounts can post {limit} times in their first day. "
                           "You can post again once your account is a day old.")


# ── writing ──────────────────────────────────────────────────────────────────

def ask_question(author: User, title: str, body: str, tag_names: list[str], agency_slug: str | None) -> Question:
    _require(author, Action.ASK)
    title, body = title.strip(), content.clean_text(body)
    _check_text(title, body)
    agency = _agency(agency_slug)
    tag_names = tags.canonical_names(tag_names)  # a synonym becomes its main tag
    check_pace(author)
    found = personal_information(title, body)
    now = utcnow()
    question = Question(author_id=author.id, agency_id=agency.id if agency else None, title=title,
                        slug=content.slugify(title), body_source=body, body_html=render_body(body),
                        excerpt=content.excerpt(body, 280), tag_names=" ".join(tag_names),
                        created_at=now, last_activity_at=now, state="held" if found else "public")
    db.session.add(question)
    db.session.flush()
    if found:
        moderation.hold_automatically("question", question.id, found)
    else:  # tag counts count public questions: a held one joins them when released
        tags.attach(question.id, tag_names)
    db.session.add(Revision(question_id=question.id, number=1, editor_id=author.id, title=title,
                            tag_names=question.tag_names, body_source=body, created_at=now))
    db.session.commit()
    return question


def post_answer(author: User, question_id: int, body: str) -> Answer:
    _require(author, Action.ANSWER)
    question = public_question(question_id)
    if question.locked_at is not None:
        raise Conflict("This question is locked by a moderator and takes no new answers")
    body = content.clean_text(body)
    _check_text(None, body)
    check_pace(author)
    found = personal_information(body)
    now = utcnow()
    answer = Answer(question_id=question.id, author_id=author.id, body_source=body,
                    body_html=render_body(body), created_at=now, state="held" if found else "public")
    db.session.add(answer)
    db.session.flush()
    db.session.add(Revision(answer_id=answer.id, number=1, editor_id=author.id, body_source=body, created_at=now))
    if found:  # answer_count counts public answers only
        moderation.hold_automatically("answer", answer.id, found)
    else:
        db.session.execute(update(Question).where(Question.id == question.id).values(
            answer_count=Question.answer_count + 1, last_activity_at=now))
        outcome.refresh(question.id)
    db.session.commit()
    return answer


def _next_revision(**post) -> int:
    column = Revision.question_id if "question_id" in post else Revision.answer_id
    latest = db.session.scalar(select(db.func.max(Revision.number)).where(column == next(iter(post.values()))))
    return (latest or 0) + 1


def edit_question(editor: User, question_id: int, title: str, body: str, tag_names: list[str],
                  agency_slug: str | None) -> Question:
    question = own_post(Question, question_id, editor)
    _require(editor, Action.EDIT_POST, question)
    title, body = title.strip(), content.clean_text(body)
    _check_text(title, body)
    agency = _agency(agency_slug)
    tag_names = tags.canonical_names(tag_names)  # a synonym becomes its main tag
    new_tags = " ".join(tag_names)
    if (title, body, new_tags, agency.id if agency else None) == (
            question.title, question.body_source, question.tag_names, question.agency_id):
        return question  # nothing changed: no new revision
    body_html = render_body(body) if body != question.body_source else question.body_html  # before any change
    now = utcnow()
    if question.state == "public":  # a held question is not in the tag counts yet
        tags.replace(question.id, question.tag_list, tag_names)
    question.title, question.slug, question.tag_names = title, content.slugify(title), new_tags
    question.agency_id = agency.id if agency else None
    if body != question.body_source:
        question.body_source, question.body_html = body, body_html
        question.excerpt = content.excerpt(body, 280)
    question.updated_at = question.last_activity_at = now
    db.session.add(Revision(question_id=question.id, number=_next_revision(question_id=question.id),
                            editor_id=editor.id, title=title, tag_names=new_tags, body_source=body, created_at=now))
    db.session.flush()
    hold_or_release(question, "question", personal_information(title, body))
    db.session.commit()
    return question


def edit_answer(editor: User, answer_id: int, body: str) -> Answer:
    answer = own_post(Answer, answer_id, editor)
    _require(editor, Action.EDIT_POST, answer)
    body = content.clean_text(body)
    _check_text(None, body)
    if body == answer.body_source:
        return answer
    now = utcnow()
    answer.body_source, answer.body_html, answer.updated_at = body, render_body(body), now
    moderation.withdraw_official_after_edit(answer)
    db.session.add(Revision(answer_id=answer.id, number=_next_revision(answer_id=answer.id),
                            editor_id=editor.id, body_source=body, created_at=now))
    db.session.flush()
    hold_or_release(answer, "answer", personal_information(body))
    db.session.execute(update(Question).where(Question.id == answer.question_id).values(last_activity_at=now))
    outcome.refresh(answer.question_id)  # a withdrawn official mark, or an answer now held
    db.session.commit()
    return answer


def delete_question(user: User, question_id: int) -> None:
    """Soft delete by the author, allowed while nobody else has taken part."""
    question = public_question(question_id)
    _require(user, Action.DELETE_POST, question)
    # The rule is the UPDATE's guard: an answer, vote or "me too" arriving meanwhile, or a
    # second delete at once, makes it match nothing, so counts are never touched twice.
    done = db.session.execute(update(Question).where(Question.id == question.id, question_deletable())
                              .values(state="deleted").execution_options(synchronize_session=False))
    if not done.rowcount:
        db.session.rollback()
        raise Conflict("This question has answers, votes or people who have it too, so it can no longer "
                       "be deleted. You can edit it instead.")
    tags.detach(question.id, question.tag_list)
    db.session.commit()


def delete_answer(user: User, answer_id: int) -> None:
    answer = public_answer(answer_id)
    _require(user, Action.DELETE_POST, answer)
    done = db.session.execute(update(Answer).where(Answer.id == answer.id, answer_deletable())
                              .values(state="deleted").execution_options(synchronize_session=False))
    if not done.rowcount:
        db.session.rollback()
        raise Conflict("This answer has votes or was accepted, so it can no longer be deleted. You can edit it instead.")
    bump(Question, answer.question_id, answer_count=-1)
    outcome.refresh(answer.question_id)
    db.session.commit()


# ── votes, "me too", acceptance, "did this help" ─────────────────────────────

@dataclass(frozen=True)
class VoteResult:
    score: int
    my_vote: int  # -1, 0 or 1


def _vote(user: User, post, vote_model, post_column: str, kind: str, value: int) -> VoteResult:
    """Cast (1 or -1) or withdraw (0) `user`'s vote on `post`, keeping score and reputation exact.

    Each branch changes the vote row with one guarded statement, so that of two
    simultaneous requests only one can change it, and the counters follow that change."""
    _require(user, Action.VOTE, post)
    if value not in (-1, 0, 1):
        raise InvalidInput("A vote is up, down or withdrawn")
    where = (vote_model.user_id == user.id, getattr(vote_model, post_column) == post.id)
    old = 0
    if value == 0:
        removed = db.session.execute(delete(vote_model).where(*where).returning(vote_model.value)).scalar()
        old = removed or 0
    elif not insert_if_absent(vote_model, user_id=user.id, value=value, created_at=utcnow(),
                              **{post_column: post.id}):
        flipped = db.session.execute(update(vote_model).where(*where, vote_model.value != value)
                                     .values(value=value).returning(vote_model.id)).scalar()
        old = -value if flipped else value
    if old != value:
        model = type(post)
        bump(model, post.id, score=value - old)
        bump(User, post.author_id, reputation=POINTS.get((kind, value), 0) - POINTS.get((kind, old), 0))
    db.session.commit()
    return VoteResult(score=db.session.scalar(select(type(post).score).where(type(post).id == post.id)),
                      my_vote=value)


def vote_question(user: User, question_id: int, value: int) -> VoteResult:
    return _vote(user, public_question(question_id), QuestionVote, "question_id", "question", value)


def vote_answer(user: User, answer_id: int, value: int) -> VoteResult:
    return _vote(user, public_answer(answer_id), AnswerVote, "answer_id", "answer", value)


def set_me_too(user: User, question_id: int, affected: bool) -> int:
    """Say (or take back) "I have this question too"; returns the number of people affected."""
    question = public_question(question_id)
    _require(user, Action.ME_TOO, question)
    if affected:
        changed = 1 if insert_if_absent(MeToo, user_id=user.id, question_id=question.id, created_at=utcnow()) else 0
    else:
        result = db.session.execute(delete(MeToo).where(MeToo.user_id == user.id, MeToo.question_id == question.id))
        changed = -result.rowcount
    bump(Question, question.id, me_too_count=changed)
    db.session.commit()
    return db.session.scalar(select(Question.me_too_count).where(Question.id == question.id)) + 1


def accept_answer(user: User, answer_id: int, accept: bool = True) -> None:
    """The asker accepts one answer (replacing any earlier choice), or withdraws acceptance."""
    answer = public_answer(answer_id)
    question = db.session.get(Question, answer.question_id)
    _require(user, Action.ACCEPT_ANSWER, question)
    previous = question.accepted_answer_id
    new = answer.id if accept else (None if previous == answer.id else previous)
    if new == previous:
        return
    # Guarded on the previous value: of two simultaneous changes only one applies.
    done = db.session.execute(update(Question).where(Question.id == question.id,
                                                     Question.accepted_answer_id.is_(None) if previous is None
                                                     else Question.accepted_answer_id == previous)
                              .values(accepted_answer_id=new, last_activity_at=utcnow()))
    if not done.rowcount:
        db.session.rollback()
        raise Conflict("The accepted answer was changed at the same moment: reload the page and try again")
    for answer_id_, points in ((previous, -ACCEPTED_POINTS), (new, ACCEPTED_POINTS)):
        if answer_id_ is not None:
            author_id = db.session.scalar(select(Answer.author_id).where(Answer.id == answer_id_))
            if author_id != question.author_id:  # accepting your own answer earns nothing
                bump(User, author_id, reputation=points)
    outcome.refresh(question.id)
    db.session.commit()


def rate_helpful(user: User, answer_id: int, helpful: bool) -> tuple[int, int]:
    """"Did this answer help you?" on the accepted answer; returns (yes, no) counts."""
    answer = public_answer(answer_id)
    question = db.session.get(Question, answer.question_id)
    if question.accepted_answer_id != answer.id:
        raise InvalidInput("Only the accepted answer can be rated")
    _require(user, Action.RATE_HELPFUL, answer)
    where = (HelpfulVote.user_id == user.id, HelpfulVote.answer_id == answer.id)
    if insert_if_absent(HelpfulVote, user_id=user.id, answer_id=answer.id, helpful=helpful, created_at=utcnow()):
        bump(Answer, answer.id, helpful_yes=int(helpful), helpful_no=int(not helpful))
    elif db.session.execute(update(HelpfulVote).where(*where, HelpfulVote.helpful != helpful)
                            .values(helpful=helpful)).rowcount:
        sign = 1 if helpful else -1
        bump(Answer, answer.id, helpful_yes=sign, helpful_no=-sign)
    outcome.refresh(question.id)
    db.session.commit()
    return tuple(db.session.execute(select(Answer.helpful_yes, Answer.helpful_no).where(Answer.id == answer.id)).one())
