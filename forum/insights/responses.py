"""Figures on how agencies respond: official answers to questions and responses to suggestions.

Registered with @figure, so they join the per-agency table, its exports and the public page.
Each is one SQL query; medians come from forum/insights/medians.py, like figures._service_rows,
so SQLite and PostgreSQL agree to the second."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, func, select

from moderation.workflow import SUGGESTION_STATUSES

from ..extensions import db
from ..qa import outcome
from ..qa.models import Answer, Question
from ..suggestions.models import Suggestion, SuggestionTag
from ..tags import trends
from ..portable import seconds_between
from . import medians
from .figures import ALL, Scope, figure, listed


def _medians(rows, overall=None) -> dict:
    """{agency id or ALL: median of rows' `value`} (forum/insights/medians.py), where there is one."""
    return {key: g["median"] for key, g in medians.grouped(rows, "value", overall=overall).items()
            if g["median"] is not None}


@figure("median_official_answer", "Median time to official answer", "duration")
def median_official_answer(scope: Scope, now: datetime) -> dict:
    """Per answering agency: question to that agency's official answer. Overall: question to its
    first official answer, whichever agency gave it (kept on the question: forum/qa/outcome.py), so
    a question answered by two agencies is one wait in the overall median, not two."""
    per_agency = (select(Answer.official_agency_id.label("agency_id"),
                         seconds_between(Question.created_at, Answer.official_at).label("value"))
                  .join(Question, Question.id == Answer.question_id).where(outcome.is_official(), *scope.where()))
    overall = select(Question.official_answer_seconds.label("value")).where(
        Question.official_answer_seconds.is_not(None), *scope.where())
    return _medians(per_agency.subquery("official"), overall.subquery("first_official"))


# Per agency asked (the question's agency): counted with the other question figures.
listed("share_with_official_answer", "Questions with an official answer", "share")


def suggestion_where(scope: Scope) -> list:
    """Suggestions made in the period (of the chosen agency, with the chosen tag)."""
    clauses = [Suggestion.state == "public", Suggestion.created_at >= scope.start, Suggestion.created_at < scope.end]
    if scope.agency_id is not None:
        clauses.append(Suggestion.agency_id == scope.agency_id)
    if scope.tag_id is not None:
        clauses.append(exists().where(SuggestionTag.suggestion_id == Suggestion.id,
                                      SuggestionTag.tag_id == scope.tag_id))
    return clauses


@figure("median_agency_response", "Median time to agency response (suggestions)", "duration")
def median_agency_response(scope: Scope, now: datetime) -> dict:
    values = select(Suggestion.agency_id.label("agency_id"),
                    seconds_between(Suggestion.created_at, Suggestion.first_response_at).label("value")).where(
        Suggestion.first_response_at.is_not(None), *suggestion_where(scope))
    return _medians(values.subquery("responded"))


def suggestions_by_status(scope: Scope) -> dict:
    """{agency id or ALL: {status: count, ..., "total": n}}, every status present (zeros included)."""
    statement = (select(Suggestion.agency_id, Suggestion.status, func.count())
                 .where(*suggestion_where(scope)).group_by(Suggestion.agency_id, Suggestion.status))
    out: dict = {}
    for agency_id, status, count in db.session.execute(statement):
        for key in (agency_id, ALL):
            counts = out.setdefault(key, {**{s: 0 for s in SUGGESTION_STATUSES}, "total": 0})
            counts[status] += int(count)
            counts["total"] += int(count)
    return out
