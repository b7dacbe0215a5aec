"""Reading tags: the index with counts, a tag's page (bounded queries whatever the data)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..errors import NotFound
from ..extensions import db, utcnow
from .models import QuestionTag, Tag, TagEvent, TagSynonym

PER_PAGE = 60
MAX_PAGE = 10_000
RECENT_QUESTIONS = 10
TOP_SUGGESTIONS = 10


def tag_index(page: int, starts_with: str = ""):
    statement = select(Tag).where(Tag.question_count > 0)
    if starts_with:
        statement = statement.where(Tag.name.startswith(starts_with, autoescape=True))
    statement = statement.order_by(Tag.question_count.desc(), Tag.name)
    return db.paginate(statement, page=min(max(page, 1), MAX_PAGE), per_page=PER_PAGE, error_out=False)


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
    from ..insights.figures import tag_weekly_activity  # the same weekly arithmetic as the dashboard
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
    return TagPage(tag, synonyms, questions, tag_weekly_activity(tag.id, now), events, tag_suggestions(tag.id), now)


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
