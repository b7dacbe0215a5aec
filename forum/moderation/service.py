"""Moderation use cases: flags, the queue's decisions, official answers, referral, locking,
duplicates and suspension. Posts are questions, answers and suggestions. Each commits once or raises a DomainError; every staff action
and every automatic hide or hold is written to the audit log in the same transaction, and
every refused attempt is logged too.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from moderation import pii
from moderation.types import FLAG_REASONS, Action

from .. import content
from ..accounts.models import Agency, User
from ..errors import Conflict, InvalidInput, NotFound
from ..extensions import db, utcnow
from ..permissions import require
from ..qa import outcome
from ..qa.models import Answer, Question, Revision
from ..sql import insert_if_absent
from ..suggestions.models import Suggestion, keep_revision
from . import audit
from .models import REASON_MAX, Flag
from .states import set_state

ALREADY_HANDLED = "Another moderator has just handled this post: reload the queue to see what they did."
NEW_FLAGS = "This post has new flags since you loaded the queue: reload it to see them before you decide."
KINDS = {"question": Question, "answer": Answer, "suggestion": Suggestion}
DECISIONS = ("dismiss", "hide", "restore", "delete", "release", "redact")
SUSPENSION_DAYS = (1, 3, 7, 30, 365)


@dataclass(frozen=True)
class Target:
    """A post and what the rules look at to decide who moderates it: the question it belongs
    to (itself, for a question); a suggestion is its own concern."""

    kind: str
    post: Question | Answer | Suggestion
    concern: Question | Suggestion


def load(kind: str, post_id: int, *, include_deleted: bool = False) -> Target:
    model = KINDS.get(kind)
    post = db.session.get(model, post_id) if model else None
    if post is None or (post.state == "deleted" and not include_deleted):
        raise NotFound("There is no such post, or it has been deleted")
    concern = db.session.get(Question, post.question_id) if kind == "answer" else post
    return Target(kind, post, concern)


def _require(actor: User, action: Action, target: Target) -> None:
    """The rules look at the post's question (or the suggestion); the log names the post."""
    require(actor, action, target.concern, on=(target.kind, target.post.id))


def _reason(reason: str | None, required: bool = True) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise InvalidInput("Give a reason: it is kept in the moderation log", field="reason")
    if len(reason) > REASON_MAX:
        raise InvalidInput(f"The reason must be {REASON_MAX} characters or fewer", field="reason")
    return reason


def _flag_column(kind: str):
    return {"question": Flag.question_id, "answer": Flag.answer_id, "suggestion": Flag.suggestion_id}[kind]


def _lock(target: Target) -> None:
    """Take the post's row for this transaction and read it afresh, so that what is checked next
    (its state, its open flags) cannot change before the transaction ends: simultaneous flags
    and decisions on one post then happen one after another (a row lock on PostgreSQL, the
    write lock on SQLite)."""
    model = KINDS[target.kind]
    db.session.execute(update(model).where(model.id == target.post.id).values(state=model.state))
    db.session.refresh(target.post)


def _last_open_flag(target: Target) -> int:
    return db.session.scalar(select(func.max(Flag.id)).where(
        _flag_column(target.kind) == target.post.id, Flag.status == "open")) or 0


def _close_flags(moderator: User, target: Target, status: str) -> int:
    return db.session.execute(update(Flag).where(_flag_column(target.kind) == target.post.id, Flag.status == "open")
                              .values(status=status, handled_by_id=moderator.id, handled_at=utcnow())).rowcount


# ── flags ────────────────────────────────────────────────────────────────────

def flag_post(user: User, kind: str, post_id: int, reason: str, text: str = "") -> bool:
    """Flag a public post once; returns True when this flag hid it (the threshold was reached)."""
    target = load(kind, post_id)
    if target.post.state != "public" or target.concern.state != "public":
        raise NotFound("There is no such post, or it has been removed")
    require(user, Action.FLAG_POST, target.post, on=(kind, post_id))
    if reason not in FLAG_REASONS:
        raise InvalidInput("Choose why you are flagging this post", field="reason")
    text = (text or "").strip()
    if reason == "other" and not text:
        raise InvalidInput("Say what is wrong with this post", field="text")
    if len(text) > REASON_MAX:
        raise InvalidInput(f"Keep it to {REASON_MAX} characters or fewer", field="text")
    column = _flag_column(kind).key
    # Simultaneous flags are counted one after another: the one that reaches the threshold sees the others.
    _lock(target)
    if not insert_if_absent(Flag, user_id=user.id, reason=reason, text=text, status="open",
                            created_at=utcnow(), **{column: post_id}):
        db.session.rollback()
        raise Conflict("You have already flagged this post. A moderator will look at it.")
    open_flags = db.session.scalar(select(func.count()).select_from(Flag).where(
        _flag_column(kind) == post_id, Flag.status == "open"))
    hidden = open_flags >= current_app.config.get("FORUM_FLAGS_TO_HIDE", 3) and set_state(
        target.post, "hidden", ("public",))
    if hidden:
        audit.record(None, "auto_hide", kind, post_id, reason=f"{open_flags} people flagged it")
    db.session.commit()
    return bool(hidden)


# ── the queue's decisions ────────────────────────────────────────────────────

def decide(moderator: User, kind: str, post_id: int, decision: str, reason: str = "",
           seen_state: str | None = None, seen_flag: int | None = None) -> str:
    """Apply a queue decision to a post; returns a sentence saying what happened.

    `seen_state` and `seen_flag` (the newest open flag, 0 for none) are what the moderator's
    queue showed: when the post has moved on since (a colleague decided, new flags came in),
    the decision is refused rather than applied to something they did not see."""
    if decision not in DECISIONS:
        raise InvalidInput("Choose an action from the list")
    target = load(kind, post_id, include_deleted=True)
    _require(moderator, Action.MODERATE_POST, target)
    reason = _reason(reason, required=False)  # buttons in the queue: a reason helps, but is optional
    post = target.post
    _lock(target)
    moved_on = _moved_on(target, seen_state, seen_flag)
    if moved_on:
        db.session.rollback()
        raise Conflict(moved_on)
    if decision == "dismiss":
        changed = _close_flags(moderator, target, "dismissed")
        set_state(post, "public", ("hidden",))  # undo an automatic hide: the flags were wrong
        said = "The flags are dismissed and the post is public."
    elif decision == "hide":
        # Also "keep hidden" for a post the flags hid: then closing the flags is the change.
        changed = set_state(post, "hidden", ("public", "held"))
        changed = _close_flags(moderator, target, "actioned") > 0 or changed
        said = "The post is hidden."
    elif decision == "restore":
        changed = set_state(post, "public", ("hidden",))
        _close_flags(moderator, target, "dismissed")
        said = "The post is public again."
    elif decision == "delete":
        changed = set_state(post, "deleted", ("public", "held", "hidden"))
        _close_flags(moderator, target, "actioned")
        said = "The post is deleted. It stays in the database for the record."
    else:
        changed = _release(moderator, target, redact=decision == "redact")
        said = "The post is redacted and published." if decision == "redact" else "The post is published."
    if not changed:
        db.session.rollback()
        raise Conflict(ALREADY_HANDLED)
    audit.record(moderator, decision, kind, post_id, reason=reason)
    db.session.commit()
    return said


def _moved_on(target: Target, seen_state: str | None, seen_flag: int | None) -> str | None:
    """Why the post is no longer what the moderator saw (None when it still is)."""
    if target.post.state == "deleted" or seen_state is not None and target.post.state != seen_state:
        return ALREADY_HANDLED
    if seen_flag is not None:
        last = _last_open_flag(target)
        if last != seen_flag:
            return NEW_FLAGS if last > seen_flag else ALREADY_HANDLED
    return None


def _release(moderator: User, target: Target, redact: bool) -> bool:
    post = target.post
    if post.state != "held":
        return False
    if redact:
        (_redact_suggestion if target.kind == "suggestion" else _redact_post)(moderator, target)
        db.session.flush()
    return set_state(post, "public", ("held",))


def _redact_text(post, titled: bool) -> str:
    body = pii.redact(post.body_source)
    post.body_source, post.body_html = body, content.render(body)
    if titled:  # the address carries the title too; a marker is longer than a number, so cut to fit
        post.title = pii.redact(post.title)[:type(post).title.type.length]
        post.slug, post.excerpt = content.slugify(post.title), content.excerpt(body, 280)
    return body


def _redact_post(moderator: User, target: Target) -> None:
    """A question or answer: the redacted text is a new revision; the original stays in the history."""
    post, is_question = target.post, target.kind == "question"
    body = _redact_text(post, titled=is_question)
    column = Revision.question_id if is_question else Revision.answer_id
    number = (db.session.scalar(select(func.max(Revision.number)).where(column == post.id)) or 0) + 1
    db.session.add(Revision(number=number, editor_id=moderator.id, body_source=body, created_at=utcnow(),
                            title=post.title if is_question else None,
                            tag_names=post.tag_names if is_question else None,
                            **{column.key: post.id}))


def _redact_suggestion(moderator: User, target: Target) -> None:
    """A suggestion keeps no history until its text first changes: then the original becomes
    version 1 (by its author) and the redacted text the next one."""
    s = target.post
    before = (s.title, s.tag_names, s.body_source)
    _redact_text(s, titled=True)
    keep_revision(s, moderator.id, utcnow(), before)


def set_locked(moderator: User, question_id: int, locked: bool, reason: str = "") -> None:
    target = load("question", question_id)
    _require(moderator, Action.MODERATE_POST, target)
    reason = _reason(reason, required=False)
    condition = Question.locked_at.is_(None) if locked else Question.locked_at.is_not(None)
    done = db.session.execute(update(Question).where(Question.id == question_id, condition)
                              .values(locked_at=utcnow() if locked else None))
    if not done.rowcount:
        db.session.rollback()
        raise Conflict(ALREADY_HANDLED)
    audit.record(moderator, "lock" if locked else "unlock", "question", question_id, reason=reason)
    db.session.commit()


def close_as_duplicate(moderator: User, question_id: int, original_id: int, reason: str = "") -> None:
    """Close a question as a duplicate of an original that is not a duplicate itself, taking the
    question's own duplicates along: every duplicate points straight at an original, so no
    chain (and no cycle) of duplicates can form."""
    target = load("question", question_id)
    _require(moderator, Action.MODERATE_POST, target)
    reason = _reason(reason, required=False)
    # Both rows, in id order: two moderators closing each question onto the other take turns.
    db.session.execute(select(Question.id).where(Question.id.in_((question_id, original_id)))
                       .order_by(Question.id).with_for_update())
    original = db.session.get(Question, original_id, populate_existing=True)
    if original is None or original.state != "public":
        raise InvalidInput("There is no public question with that number", field="original")
    if original.id == question_id:
        raise InvalidInput("A question cannot be a duplicate of itself", field="original")
    if original.duplicate_of_id == question_id:
        raise InvalidInput(f"Question {original.id} is already closed as a duplicate of this one", field="original")
    if original.duplicate_of_id is not None:
        raise InvalidInput(f"Question {original.id} is itself closed as a duplicate of question "
                           f"{original.duplicate_of_id}: close this one as a duplicate of that original instead",
                           field="original")
    # Checked again in the statement itself, which SQLite runs holding its write lock.
    original_row = aliased(Question)
    still_original = ~exists().where(original_row.id == original.id, original_row.duplicate_of_id.is_not(None))
    done = db.session.execute(update(Question).where(Question.id == question_id, Question.duplicate_of_id.is_(None),
                                                     still_original)
                              .values(duplicate_of_id=original.id, locked_at=utcnow()))
    if not done.rowcount:
        db.session.rollback()
        raise Conflict(ALREADY_HANDLED)
    moved = db.session.execute(update(Question).where(Question.duplicate_of_id == question_id)
                               .values(duplicate_of_id=original.id)).rowcount
    details = f"duplicate of question {original.id}"
    if moved:
        details += f"; its {moved} duplicate{' now points' if moved == 1 else 's now point'} there too"
    audit.record(moderator, "close_duplicate", "question", question_id, reason=reason, details=details)
    db.session.commit()


# ── official answers and referral ────────────────────────────────────────────

def mark_official(moderator: User, answer_id: int) -> None:
    """Mark an answer as the official answer of the moderator's agency. A question that
    concerns no agency is first assigned the moderator's."""
    target = load("answer", answer_id)
    _require(moderator, Action.MARK_OFFICIAL, target)
    question, answer = target.concern, target.post
    taken_message = f"This question already has an official answer from {moderator.agency.name}: un-mark it first"
    # Two moderators of one agency marking two answers at once: the question's row lock makes
    # the second wait for the first and then see its mark (PostgreSQL; SQLite writes one at a
    # time, and the unique constraint below is the last word either way).
    db.session.execute(select(Question.id).where(Question.id == question.id).with_for_update())
    if question.state != "public" or answer.state != "public":
        raise Conflict("Only a public answer to a public question can be made official")
    if question.locked_at is not None:
        raise Conflict("This question is locked: unlock it before giving an official answer")
    if answer.official_agency_id == moderator.agency_id:
        raise Conflict("This answer is already official: " + ALREADY_HANDLED)
    if answer.official_agency_id is not None:  # an answer carries one agency's mark
        theirs = db.session.get(Agency, answer.official_agency_id)
        raise Conflict(f"This answer is already the official answer from {theirs.name}: give "
                       f"{moderator.agency.name}'s official answer on another answer")
    taken = db.session.scalar(select(Answer.id).where(Answer.question_id == question.id,
                                                      Answer.official_agency_id == moderator.agency_id))
    if taken is not None:
        raise Conflict(taken_message)
    if question.agency_id is None:
        question.agency_id = moderator.agency_id
        audit.record(moderator, "assign_agency", "question", question.id,
                     details=f"agency {moderator.agency_id}, to give an official answer")
    try:
        done = db.session.execute(update(Answer).where(Answer.id == answer.id, Answer.official_agency_id.is_(None))
                                  .values(official_agency_id=moderator.agency_id, official_by_id=moderator.id,
                                          official_at=utcnow()))
    except IntegrityError:  # a colleague's mark on another answer was committed meanwhile
        db.session.rollback()
        raise Conflict(taken_message) from None
    if not done.rowcount:
        db.session.rollback()
        raise Conflict(ALREADY_HANDLED)
    outcome.refresh(question.id)
    audit.record(moderator, "mark_official", "answer", answer.id, details=f"agency {moderator.agency_id}")
    db.session.commit()


def unmark_official(actor: User, answer_id: int, reason: str = "") -> None:
    """Remove an official mark: a moderator of the agency that gave it, or an admin."""
    target = load("answer", answer_id, include_deleted=True)
    answer = target.post
    if answer.official_agency_id is None:
        raise Conflict("This answer is not an official answer (any more): " + ALREADY_HANDLED)
    agency = db.session.get(Agency, answer.official_agency_id)
    require(actor, Action.UNMARK_OFFICIAL, answer, on=("answer", answer_id),
            message=f"This is the official answer from {agency.name}: only its moderators, or an administrator, "
                    "can remove the mark.")
    reason = _reason(reason, required=False)
    done = db.session.execute(update(Answer).where(Answer.id == answer_id, Answer.official_agency_id == agency.id)
                              .values(official_agency_id=None, official_by_id=None, official_at=None))
    if not done.rowcount:
        db.session.rollback()
        raise Conflict("This answer is not an official answer (any more): " + ALREADY_HANDLED)
    outcome.refresh(answer.question_id)
    audit.record(actor, "unmark_official", "answer", answer_id, reason=reason, details=f"{agency.name}")
    db.session.commit()


def withdraw_official_after_edit(answer: Answer) -> None:
    """Called inside an edit's transaction: an official answer never changes silently."""
    if answer.official_agency_id is None:
        return
    audit.record(None, "official_withdrawn", "answer", answer.id,
                 reason="The text changed after it was marked official; a moderator must confirm it again",
                 details=f"agency {answer.official_agency_id}")
    answer.official_agency_id = answer.official_by_id = answer.official_at = None


def refer_question(moderator: User, question_id: int, agency_slug: str, note: str) -> Agency:
    target = load("question", question_id)
    _require(moderator, Action.REFER_QUESTION, target)
    agency = db.session.scalar(select(Agency).where(Agency.slug == (agency_slug or "")))
    if agency is None:
        raise InvalidInput("Choose an agency from the list", field="agency")
    question = target.concern
    if agency.id in (question.agency_id, question.referred_agency_id):
        raise InvalidInput("This question is already with that agency", field="agency")
    note = _reason(note)
    refuse_personal_information(note, "note", "note")  # it is shown on the question page
    question.referred_agency_id, question.referral_note = agency.id, note
    audit.record(moderator, "refer", "question", question_id, reason=note, details=f"to {agency.name}")
    db.session.commit()
    return agency


# ── people ───────────────────────────────────────────────────────────────────

def suspend_user(actor: User, user_id: int, days: int, reason: str) -> None:
    person = db.session.get(User, user_id)
    if person is None:
        raise NotFound("There is no such person")
    require(actor, Action.SUSPEND_USER, person)
    if days not in SUSPENSION_DAYS:
        raise InvalidInput("Choose a period from the list", field="days")
    reason = _reason(reason)
    person.suspended_until = utcnow() + timedelta(days=days)
    audit.record(actor, "suspend", "user", person.id, reason=reason, details=f"{days} days")
    db.session.commit()


def refuse_personal_information(text: str, field: str, what: str) -> None:
    """Staff words published at once (a suggestion's response, a referral note) are refused,
    not held, when they contain personal information: the staff member fixes the text."""
    found = pii.kinds(pii.scan(text))
    if found:
        raise InvalidInput(f"The {what} seems to contain {pii.in_words(found)}. It is published at once, "
                           "so remove that and send it again", field=field)


def hold_automatically(kind: str, post_id: int, found: list[str]) -> None:
    """Log an automatic hold (called inside the posting transaction)."""
    audit.record(None, "auto_hold", kind, post_id, reason="Personal information: " + ", ".join(found))
