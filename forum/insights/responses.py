"""Figures on how agencies respond: official answers to questions and responses to suggestions.

Registered with @figure, so they join the per-agency table, its exports and the public page.
Each is one SQL query; medians use the same window-function method as figures._service_rows
(ROW_NUMBER and COUNT per group, the average of the one or two middle rows), so SQLite and
PostgreSQL agree to the second."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, case, exists, func, literal_column, null, select, union_all
from sqlalchemy.orm import aliased

from moderation.workflow import SUGGESTION_STATUSES

from ..qa.models import Answer, Question
from ..extensions import db
from ..suggestions.models import Suggestion, SuggestionTag
from ..tags import trends
from .figures import ALL, Scope, figure
from ..portable import seconds_between


def medians(values) -> dict:
    """{agency id or ALL: median} of a selectable with columns (agency_id, value, counts_in_all).

    Every row counts for its agency; rows with counts_in_all = 1 also count for ALL (so one
    question answered by two agencies is one wait in the overall median, not two)."""
    v = values.subquery("vals")
    per_agency = select(v.c.agency_id, v.c.value, literal_column("0").label("is_all"))
    overall = select(null().label("agency_id"), v.c.value, literal_column("1").label("is_all")).where(
        v.c.counts_in_all == 1)
    rows = union_all(per_agency, overall).subquery("both")
    group = (rows.c.is_all, rows.c.agency_id)
    ranked = select(rows, func.row_number().over(partition_by=group, order_by=rows.c.value).label("rn"),
                    func.count().over(partition_by=group).label("n")).subquery("ranked")
    r = ranked.c
    middle = case((r.rn.in_([(r.n + 1) // 2, (r.n + 2) // 2]), r.value))
    statement = select(r.is_all, r.agency_id, func.avg(middle)).group_by(r.is_all, r.agency_id)
    return {ALL if int(is_all) else agency_id: float(median)
            for is_all, agency_id, median in db.session.execute(statement) if median is not None}


def _official(answer=Answer):
    return and_(answer.state == "public", answer.official_agency_id.is_not(None), answer.official_at.is_not(None))


@figure("median_official_answer", "Median time to official answer", "duration")
def median_official_answer(scope: Scope, now: datetime) -> dict:
    """Per answering agency: question to that agency's official answer. Overall: question to its
    first official answer, whichever agency gave it."""
    wait = seconds_between(Question.created_at, Answer.official_at)
    first = aliased(Answer)
    earliest = ~exists().where(first.question_id == Answer.question_id, _official(first),
                               (first.official_at < Answer.official_at)
                               | ((first.official_at == Answer.official_at) & (first.id < Answer.id)))
    values = (select(Answer.official_agency_id.label("agency_id"), wait.label("value"),
                     case((earliest, 1), else_=0).label("counts_in_all"))
              .join(Question, Question.id == Answer.question_id).where(_official(), *scope.where()))
    return medians(values)


@figure("share_with_official_answer", "Questions with an official answer", "share")
def share_with_official_answer(scope: Scope, now: datetime) -> dict:
    """Per agency asked (the question's agency): share of its questions with an official answer."""
    answered = case((exists().where(Answer.question_id == Question.id, _official()), 1), else_=0)
    statement = (select(Question.agency_id, func.count(), func.sum(answered)).where(*scope.where())
                 .group_by(Question.agency_id))
    out, total, with_official = {}, 0, 0
    for agency_id, count, yes in db.session.execute(statement):
        out[agency_id] = trends.share(int(yes or 0), int(count))
        total, with_official = total + int(count), with_official + int(yes or 0)
    if total:
        out[ALL] = trends.share(with_official, total)
    return out


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
                    seconds_between(Suggestion.created_at, Suggestion.first_response_at).label("value"),
                    literal_column("1").label("counts_in_all")).where(
        Suggestion.first_response_at.is_not(None), *suggestion_where(scope))
    return medians(values)


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
