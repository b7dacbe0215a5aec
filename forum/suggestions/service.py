"""Suggestions: the use cases that write. Each commits once or raises a DomainError.

Reading (lists, the suggestion page, similar titles) lives in forum/suggestions/queries.py.
"""
from __future__ import annotations

import re

from sqlalchemy import and_, delete, exists, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import joinedload

from moderation.types import Action
from moderation.workflow import why_not_move

from .. import content
from ..accounts.models import Agency, User
from ..errors import Conflict, InvalidInput, NotFound
from ..extensions import db, utcnow
from ..moderation import audit
from ..moderation import service as moderation
from ..permissions import require
from ..qa.models import Question
from ..qa.service import check_pace, hold_or_release, personal_information, render_body
from ..sql import bump, insert_if_absent
from ..tags import service as tags
from .models import (QuestionSuggestionLink, Suggestion, SuggestionStatusChange, SuggestionSupport, SuggestionTag,
                     keep_revision)

TITLE_MIN, TITLE_MAX = 10, 150
BODY_MAX = 20_000
RESPONSE_MAX = 5_000
NOT_EDITABLE = ("The agency has answered this suggestion, so its text stays as they read it. "
                "To propose something different, suggest it separately.")


def get_suggestion(suggestion_id: int, *, with_agency: bool = False) -> Suggestion:
    suggestion = db.session.get(Suggestion, suggestion_id,
                                options=[joinedload(Suggestion.agency)] if with_agency else None)
    if suggestion is None:
        raise NotFound("There is no such suggestion")
    return suggestion


def public_suggestion(suggestion_id: int) -> Suggestion:
    """A suggestion everyone may see and take part in: not held, hidden or deleted."""
    suggestion = get_suggestion(suggestion_id)
    if suggestion.state != "public":
        raise NotFound("There is no such suggestion, or it has been removed")
    return suggestion


def _mark_threshold(suggestion_id: int) -> None:
    """Record the moment support first reaches the agency's threshold; guarded so that of
    simultaneous supporters only the first crossing is recorded."""
    threshold = select(Agency.support_threshold).where(Agency.id == Suggestion.agency_id).scalar_subquery()
    db.session.execute(update(Suggestion).where(
        Suggestion.id == suggestion_id, Suggestion.threshold_reached_at.is_(None),
        Suggestion.support_count >= threshold).values(threshold_reached_at=utcnow()))


def apply_support_threshold(agency_id: int, threshold: int) -> None:
    """After an agency's threshold changes (inside that change's transaction): suggestions now
    at or past it cross it at this moment; those now below it that were awaiting a response
    (none given yet) are awaiting no longer. Two statements whatever the number."""
    for_agency = Suggestion.agency_id == agency_id
    db.session.execute(update(Suggestion).where(
        for_agency, Suggestion.threshold_reached_at.is_(None), Suggestion.support_count >= threshold)
        .values(threshold_reached_at=utcnow()))
    db.session.execute(update(Suggestion).where(
        for_agency, Suggestion.threshold_reached_at.is_not(None), Suggestion.first_response_at.is_(None),
        Suggestion.support_count < threshold).values(threshold_reached_at=None))


# ── proposing ────────────────────────────────────────────────────────────────

def propose(author: User, title: str, body: str, tag_names: list[str], agency_slug: str | None) -> Suggestion:
    """Publish a suggestion; its author's support is counted at once."""
    require(author, Action.PROPOSE)
    title, body = _checked_text(title, body)
    agency = db.session.scalar(select(Agency).where(Agency.slug == (agency_slug or "")))
    if agency is None:
        raise InvalidInput("Choose the agency your suggestion is for", field="agency")
    tag_names = tags.canonical_names(tag_names)  # a synonym becomes its main tag
    check_pace(author)  # a suggestion is a post: it counts in a new account's first day
    found = personal_information(title, body)
    now = utcnow()
    suggestion = Suggestion(author_id=author.id, agency_id=agency.id, title=title, slug=content.slugify(title),
                            body_source=body, body_html=render_body(body), excerpt=content.excerpt(body, 280),
                            tag_names=" ".join(tag_names), status="open", support_count=1,
                            created_at=now, last_activity_at=now, state="held" if found else "public")
    db.session.add(suggestion)
    db.session.flush()
    if found:  # saved, not public: it waits in the agency's moderation queue
        moderation.hold_automatically("suggestion", suggestion.id, found)
    ids = tags.ids_for(tag_names)
    if ids:
        db.session.execute(SuggestionTag.__table__.insert(), [{"suggestion_id": suggestion.id, "tag_id": i} for i in ids])
    db.session.add(SuggestionSupport(user_id=author.id, suggestion_id=suggestion.id, created_at=now))
    db.session.flush()
    _mark_threshold(suggestion.id)  # an agency may set a threshold of 1
    db.session.commit()
    return suggestion


def _checked_text(title: str, body: str) -> tuple[str, str]:
    """The title and description as they are kept, or InvalidInput next to the field."""
    title, body = title.strip(), content.clean_text(body)
    if not TITLE_MIN <= len(title) <= TITLE_MAX:
        raise InvalidInput(f"Title must be between {TITLE_MIN} and {TITLE_MAX} characters", field="title")
    if not body.strip():
        raise InvalidInput("Describe your suggestion", field="body")
    if len(body) > BODY_MAX:
        raise InvalidInput(f"Description must be {BODY_MAX:,} characters or fewer (it has {len(body):,})", field="body")
    return title, body


def editable_suggestion(editor: User, suggestion_id: int, *, for_update: bool = False) -> Suggestion:
    """A suggestion its author may edit now; NotFound, Forbidden or Conflict otherwise. With
    `for_update` (the edit itself) it is read afresh under a row lock, so that an agency
    answering it at the same moment either waits or has answered and the edit is refused;
    without (showing the form) nothing is locked or written."""
    if for_update:
        db.session.execute(select(Suggestion.id).where(Suggestion.id == suggestion_id).with_for_update())
    s = db.session.get(Suggestion, suggestion_id, populate_existing=for_update,
                       options=[joinedload(Suggestion.agency)])
    if s is None or s.state not in ("public", "held") or (s.state == "held" and s.author_id != editor.id):
        raise NotFound("There is no such suggestion, or it has been removed")
    require(editor, Action.EDIT_POST, s, log=for_update)
    if not s.text_editable:
        raise Conflict(NOT_EDITABLE)
    return s


def edit(editor: User, suggestion_id: int, title: str, body: str, tag_names: list[str]) -> Suggestion:
    """The author changes the title, description or tags while the agency has not answered.
    Every version is kept and public; personal information now in it holds it back, and a held
    suggestion whose author has taken it out is published (as for questions)."""
    s = editable_suggestion(editor, suggestion_id, for_update=True)
    title, body = _checked_text(title, body)
    tag_names = tags.canonical_names(tag_names)  # a synonym becomes its main tag
    new_tags = " ".join(tag_names)
    if (title, body, new_tags) == (s.title, s.body_source, s.tag_names):
        return s  # nothing changed: no new version
    before, now = (s.title, s.tag_names, s.body_source), utcnow()
    if body != s.body_source:
        s.body_source, s.body_html, s.excerpt = body, render_body(body), content.excerpt(body, 280)
    if new_tags != s.tag_names:
        db.session.execute(delete(SuggestionTag).where(SuggestionTag.suggestion_id == s.id))
        ids = tags.ids_for(tag_names)
        if ids:
            db.session.execute(SuggestionTag.__table__.insert(), [{"suggestion_id": s.id, "tag_id": i} for i in ids])
    s.title, s.slug, s.tag_names = title, content.slugify(title), new_tags
    s.updated_at = s.last_activity_at = now
    keep_revision(s, editor.id, now, before)
    db.session.flush()
    hold_or_release(s, "suggestion", personal_information(title, body))
    db.session.commit()
    return s


# ── supporting ───────────────────────────────────────────────────────────────

def set_support(user: User, suggestion_id: int, supporting: bool) -> int:
    """Support (or withdraw support for) a suggestion; returns its support count. Anyone may
    withdraw, its author and on a closed suggestion too; a closed one takes no new support.

    The unique constraint decides whether this request added or removed the row, and the
    counter follows that change in SQL, so simultaneous clicks count exactly once each."""
    suggestion = public_suggestion(suggestion_id)
    require(user, Action.SUPPORT if supporting else Action.WITHDRAW_SUPPORT, suggestion)
    if supporting:
        changed = 1 if insert_if_absent(SuggestionSupport, user_id=user.id, suggestion_id=suggestion.id,
                                        created_at=utcnow()) else 0
    else:
        changed = -db.session.execute(delete(SuggestionSupport).where(
            SuggestionSupport.user_id == user.id, SuggestionSupport.suggestion_id == suggestion.id)).rowcount
    bump(Suggestion, suggestion.id, support_count=changed)
    if changed > 0:
        _mark_threshold(suggestion.id)
    db.session.commit()
    return db.session.scalar(select(Suggestion.support_count).where(Suggestion.id == suggestion.id))


# ── the agency's answer ──────────────────────────────────────────────────────

def set_status(actor: User, suggestion_id: int, new_status: str, response: str,
               duplicate_of_id: int | None = None) -> Suggestion:
    """Move a suggestion along the workflow with a public response (a step on its timeline).
    Marking a duplicate merges its supports into the kept suggestion. The response is public
    at once, so personal information in it is refused rather than held: staff fix the text."""
    suggestion = public_suggestion(suggestion_id)
    require(actor, Action.SET_SUGGESTION_STATUS, suggestion)
    problem = why_not_move(suggestion.status, new_status)
    if problem:
        raise InvalidInput(problem, field="status")
    response = content.clean_text(response).strip()
    if not response:
        raise InvalidInput("Write the agency's response: it is shown to everyone on the timeline", field="response")
    if len(response) > RESPONSE_MAX:
        raise InvalidInput(f"The response must be {RESPONSE_MAX:,} characters or fewer", field="response")
    moderation.refuse_personal_information(response, "response", "response")
    old_status, now = suggestion.status, utcnow()
    kept = _kept_suggestion(suggestion, duplicate_of_id) if new_status == "duplicate" else None
    # Guarded on the old status: of two simultaneous changes only one applies.
    done = db.session.execute(update(Suggestion).where(Suggestion.id == suggestion.id, Suggestion.status == old_status)
                              .values(status=new_status, duplicate_of_id=kept.id if kept else None,
                                      updated_at=now, last_activity_at=now))
    if not done.rowcount:
        db.session.rollback()
        raise Conflict("The status was changed at the same moment: reload the page and try again")
    db.session.execute(update(Suggestion).where(Suggestion.id == suggestion.id, Suggestion.first_response_at.is_(None))
                       .values(first_response_at=now))
    db.session.add(SuggestionStatusChange(suggestion_id=suggestion.id, actor_id=actor.id, agency_id=suggestion.agency_id,
                                          old_status=old_status, new_status=new_status, response=response,
                                          created_at=now))
    if kept is not None:
        _merge_supports(suggestion.id, kept.id)
    audit.record(actor, "suggestion_status", "suggestion", suggestion.id, reason=response,
                 details=f"{old_status} -> {new_status}" + (f" (duplicate of {kept.id})" if kept else ""))
    db.session.commit()
    return suggestion


def _kept_suggestion(duplicate: Suggestion, kept_id: int | None) -> Suggestion:
    if kept_id is None:
        raise InvalidInput("Give the number or web address of the suggestion this one duplicates", field="duplicate_of")
    if kept_id == duplicate.id:
        raise InvalidInput("A suggestion cannot be a duplicate of itself", field="duplicate_of")
    kept = db.session.get(Suggestion, kept_id)
    if kept is None or kept.state != "public":
        raise InvalidInput(f"There is no public suggestion number {kept_id}", field="duplicate_of")
    seen, step = {kept.id}, kept
    while step.duplicate_of_id is not None:  # follow the chain: it must not lead back here
        if step.duplicate_of_id == duplicate.id:
            raise InvalidInput("That would make a cycle of duplicates: suggestion "
                               f"{kept.id} is already merged into this one", field="duplicate_of")
        if step.duplicate_of_id in seen:
            break
        seen.add(step.duplicate_of_id)
        step = db.session.get(Suggestion, step.duplicate_of_id)
    if kept.status == "duplicate":
        raise InvalidInput(f"Suggestion {kept.id} is itself a duplicate of suggestion {kept.duplicate_of_id}: "
                           "choose that one", field="duplicate_of")
    return kept


def _merge_supports(duplicate_id: int, kept_id: int) -> None:
    """Copy the duplicate's supporters onto the kept suggestion, skipping anyone already there,
    and count exactly the rows added (a simultaneous support cannot be counted twice)."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    theirs = SuggestionSupport.__table__.alias("theirs")
    already = exists().where(and_(SuggestionSupport.suggestion_id == kept_id,
                                  SuggestionSupport.user_id == theirs.c.user_id))
    rows = select(theirs.c.user_id, literal(kept_id), theirs.c.created_at).where(
        theirs.c.suggestion_id == duplicate_id, ~already)
    statement = (insert(SuggestionSupport.__table__)
                 .from_select(["user_id", "suggestion_id", "created_at"], rows)
                 .on_conflict_do_nothing().returning(SuggestionSupport.id))
    moved = len(db.session.execute(statement).all())
    bump(Suggestion, kept_id, support_count=moved)
    db.session.execute(update(Suggestion).where(Suggestion.id == kept_id).values(last_activity_at=utcnow()))
    _mark_threshold(kept_id)


# ── links to questions ───────────────────────────────────────────────────────

_QUESTION_REF = re.compile(r"(?:^|/questions/)(\d{1,9})(?:$|[-/?#])")


def question_id_from(text: str) -> int | None:
    """'123', '/questions/123-slug' or a full web address of a question -> 123."""
    match = _QUESTION_REF.search((text or "").strip())
    return int(match.group(1)) if match else None


def link_question(user: User, suggestion_id: int, question_ref: str) -> bool:
    """Say that a question is related to a suggestion; False when the link already existed."""
    suggestion = public_suggestion(suggestion_id)
    require(user, Action.LINK_QUESTION, suggestion)
    question_id = question_id_from(question_ref)
    question = db.session.get(Question, question_id) if question_id else None
    if question is None or question.state != "public":
        raise InvalidInput("Give the number or web address of a published question", field="question")
    added = insert_if_absent(QuestionSuggestionLink, question_id=question.id, suggestion_id=suggestion.id,
                             created_by_id=user.id, created_at=utcnow())
    db.session.commit()
    return added


def unlink_question(user: User, suggestion_id: int, question_id: int) -> None:
    suggestion = get_suggestion(suggestion_id)
    require(user, Action.UNLINK_QUESTION, suggestion)
    removed = db.session.execute(delete(QuestionSuggestionLink).where(
        QuestionSuggestionLink.suggestion_id == suggestion.id, QuestionSuggestionLink.question_id == question_id))
    if not removed.rowcount:
        raise NotFound("That question is not linked to this suggestion")
    audit.record(user, "unlink_question", "suggestion", suggestion.id, details=f"question {question_id}")
    db.session.commit()
