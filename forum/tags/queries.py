"""Reading tags: the index with counts, a tag's page (bounded queries whatever the data)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import joinedload

from ..errors import NotFound
from ..extensions import db, utcnow
from ..portable import day_of
from . import trends
from .models import QuestionTag, Tag, TagEvent, TagSynonym

PER_PAGE = 60
MAX_PAGE = 10_000
RECENT_QUESTIONS = 10
TOP_SUGGESTIONS = 10


def tag_index(page: int, starts_with: str = ""):
    """(page of tags used by a public question or a suggestion, busiest first, {tag id: suggestions
    using it} for that page: one more query)."""
    from ..suggestions.models import Suggestion, SuggestionTag

    kept = and_(SuggestionTag.suggestion_id == Suggestion.id, Suggestion.status != "duplicate")
    used = exists().where(SuggestionTag.tag_id == Tag.id, kept)
    statement = select(Tag).where(or_(Tag.question_count > 0, used))
    if starts_with:
        statement = statement.where(Tag.name.startswith(starts_with, autoescape=True))
    statement = statement.order_by(Tag.question_count.desc(), Tag.name)
    result = db.paginate(statement, page=min(max(page, 1), MAX_PAGE), per_page=PER_PAGE, error_out=False)
    counts = dict(db.session.execute(select(SuggestionTag.tag_id, func.count()).join(Suggestion, kept).where(
        SuggestionTag.tag_id.in_([t.id for t in result.items])).group_by(SuggestionTag.tag_id)).all()
                  ) if result.items else {}
    return result, counts


@dataclass
class TagPage:
    tag: Tag
    synonyms: list[str]
    questions: list
    activity: list[dict]
    events: list[TagEvent]
    suggestions: list
    now: datetime


def synonym_target(name: str) -> str | None:
    """The main tag's name when `name` is a synonym (its page redirects there)."""
    return db.session.scalar(select(Tag.name).join(TagSynonym, TagSynonym.tag_id == Tag.id)
                             .where(TagSynonym.name == name))


def tag_page(name: str, with_events: bool = False) -> TagPage:
    from ..qa.models import Question

    tag = db.session.scalar(select(Tag).where(Tag.name == name))
    if tag is None:
        raise NotFound(f"There is no tag called “{name[:40]}”")
    synonyms = list(db.session.scalars(select(TagSynonym.name).where(TagSynonym.tag_id == tag.id)
                                       .order_by(TagSynonym.name)))
    questions = list(db.session.scalars(
        select(Question).join(QuestionTag, (QuestionTag.question_id == Question.id) & (QuestionTag.tag_id == tag.id))
        .where(Question.state == "public").options(joinedload(Question.author), joinedload(Question.agency))
        .order_by(Question.created_at.desc(), Question.id.desc()).limit(RECENT_QUESTIONS)))
    events = list(db.session.scalars(select(TagEvent).where(
        (TagEvent.tag_name == tag.name) | (TagEvent.other_name == tag.name))
        .order_by(TagEvent.created_at.desc()).limit(20))) if with_events else []
    now = utcnow()
    return TagPage(tag, synonyms, questions, weekly_activity(tag.id, now.date()), events, tag_suggestions(tag.id),
                   now)


def weekly_activity(tag_id: int, today: date, weeks: int = 12) -> list[dict]:
    """Public questions with the tag per week (UTC days), the last week ending today: one query."""
    from ..qa.models import Question

    first = today - timedelta(weeks=weeks) + timedelta(days=1)
    since = datetime.combine(first, time.min, tzinfo=timezone.utc)
    until = datetime.combine(today + timedelta(days=1), time.min, tzinfo=timezone.utc)
    per_day = dict(db.session.execute(
        select(day_of(Question.created_at).label("d"), func.count()).join(
            QuestionTag, and_(QuestionTag.question_id == Question.id, QuestionTag.tag_id == tag_id))
        .where(Question.state == "public", Question.created_at >= since, Question.created_at < until)
        .group_by("d")).all())
    return [{"start": d.isoformat(), "questions": n} for d, n in trends.buckets(per_day, first, today, 7)]


def tag_suggestions(tag_id: int) -> list:
    """The tag's most supported suggestions (duplicates left out: their support moved on), one query."""
    from ..suggestions.models import Suggestion, SuggestionTag

    return list(db.session.scalars(
        select(Suggestion).join(SuggestionTag, (SuggestionTag.suggestion_id == Suggestion.id)
                                & (SuggestionTag.tag_id == tag_id))
        .where(Suggestion.status != "duplicate", Suggestion.state == "public")
        .options(joinedload(Suggestion.author), joinedload(Suggestion.agency))
        .order_by(Suggestion.support_count.desc(), Suggestion.created_at.desc(), Suggestion.id.desc())
        .limit(TOP_SUGGESTIONS)))
