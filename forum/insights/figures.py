"""The dashboard's numbers, each computed in SQL (identical on SQLite and PostgreSQL).

Per-agency service figures live in FIGURES: those on questions are counted together by
`_service_rows`; the others are one function each, taking the scope and returning
{agency_id or ALL: value}, registered with @figure (forum/insights/responses.py)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import aliased

from ..accounts.models import Agency
from ..extensions import db
from ..qa.models import STATES, Question
from ..tags import trends
from ..tags.models import QuestionTag, Tag
from ..portable import calendar_day, day_of
from . import medians
from .medians import ALL  # the key of the all-agencies row

UNANSWERED_AFTER = timedelta(days=7)
NOT_PUBLIC = tuple(s for s in STATES if s != "public")


@dataclass(frozen=True)
class Scope:
    """Questions asked in [start, end), optionally of one agency and one tag."""

    start: datetime
    end: datetime
    agency_id: int | None = None
    tag_id: int | None = None

    def where(self, question=Question) -> list:
        clauses = [question.state == "public", question.created_at >= self.start, question.created_at < self.end]
        if self.agency_id is not None:
            clauses.append(question.agency_id == self.agency_id)
        if self.tag_id is not None:
            tagged = aliased(QuestionTag)  # an alias: the trending query joins question_tag itself
            clauses.append(exists().where(tagged.question_id == question.id, tagged.tag_id == self.tag_id)
                           .correlate_except(tagged))
        return clauses


# ── per-agency figures ───────────────────────────────────────────────────────
# The figures on questions come from ONE query over their own columns (`_service_rows`): each
# question keeps its waits for a first answer and a first official answer and its accepted
# answer's "did this help" counts (forum/qa/outcome.py), so no answer is read. Every agency and the
# total, medians included, come from one grouped pass (forum/insights/medians.py).
# Figures that need other tables register a function with @figure: (scope, now) -> {key: value};
# figures counted by `_service_rows` itself are only listed (`listed`), to keep the columns' order.

FIGURES: list[tuple[str, str, str]] = [  # (key, label, kind: 'count', 'share' 0..1 or 'duration' seconds)
    ("questions", "Questions asked", "count"),
    ("median_first_answer", "Median time to first answer", "duration"),
    ("unanswered_7_days", "Unanswered after 7 days", "share"),
    ("satisfaction", "Satisfaction (“this helped” on accepted answers)", "share"),
]
EXTRA: dict[str, Callable] = {}


def figure(key: str, label: str, kind: str):
    def register(fn):
        FIGURES.append((key, label, kind))
        EXTRA[key] = fn
        return fn
    return register


def listed(key: str, label: str, kind: str) -> None:
    """A column of the table whose value `_service_rows` counts."""
    FIGURES.append((key, label, kind))


def _count_if(condition):
    return case((condition, 1), else_=0)


def _service_rows(scope: Scope, now: datetime) -> dict:
    wait = Question.first_answer_seconds
    old_enough = Question.created_at <= now - UNANSWERED_AFTER
    late = and_(old_enough, or_(wait.is_(None), wait > int(UNANSWERED_AFTER.total_seconds())))
    asked = (select(Question.agency_id, wait.label("wait"), _count_if(late).label("late"),
                    _count_if(old_enough).label("old"), Question.accepted_helpful_yes.label("yes"),
                    (Question.accepted_helpful_yes + Question.accepted_helpful_no).label("rated"),
                    _count_if(Question.official_answer_seconds.is_not(None)).label("official"))
             .where(*scope.where()).subquery("asked"))
    out: dict = {}
    for key, g in medians.grouped(asked, "wait", ("late", "old", "yes", "rated", "official")).items():
        out[key] = {
            "questions": g["n"], "median_first_answer": g["median"],
            "unanswered_7_days": trends.share(g["late"], g["old"]),
            "satisfaction": trends.share(g["yes"], g["rated"]),
            "share_with_official_answer": trends.share(g["official"], g["n"])}
    return out


NO_QUESTIONS = {"questions": 0, "median_first_answer": None, "unanswered_7_days": None, "satisfaction": None,
                "share_with_official_answer": None}


def agency_table(scope: Scope, now: datetime) -> list[dict]:
    """One row per agency with questions in scope (then 'No agency' and 'All agencies')."""
    names = dict(db.session.execute(select(Agency.id, Agency.name)).all())
    base = _service_rows(scope, now)
    extra = {key: fn(scope, now) for key, fn in EXTRA.items()}
    # An agency with suggestions or official answers but no questions in scope still gets a row.
    present = set(base).union(*extra.values())
    return [{"agency": agency_name(k, names), **base.get(k, NO_QUESTIONS),
             **{key: values.get(k) for key, values in extra.items()}} for k in ordered_keys(present, names)]


def ordered_keys(keys, names: dict) -> list:
    """Agencies by name, then 'No agency' (None), then 'All agencies' (ALL)."""
    return sorted((k for k in keys if k != ALL), key=lambda k: (k is None, names.get(k, ""))) + (
        [ALL] if ALL in keys else [])


def agency_name(key, names: dict) -> str:
    return "All agencies" if key == ALL else names.get(key, "No agency") if key is not None else "No agency"


# ── volume and trends ────────────────────────────────────────────────────────

def is_weekly(scope: Scope) -> bool:
    return (scope.end - scope.start).days > 63


def volume(scope: Scope) -> list[dict]:
    """Questions per day (per week for periods over 9 weeks), every bucket present, zeros included."""
    day = calendar_day(Question.created_at)
    counts = dict(db.session.execute(select(day_of(day), func.count()).where(*scope.where()).group_by(day)).all())
    first, last = scope.start.date(), (scope.end - timedelta(microseconds=1)).date()
    return [{"start": d.isoformat(), "questions": n}
            for d, n in trends.buckets(counts, first, last, 7 if is_weekly(scope) else 1)]


def _windows(scope: Scope) -> tuple[datetime, datetime]:
    """(recent_from, baseline_from): the 7 days before scope.end, and the 8 weeks before those."""
    recent_from = scope.end - timedelta(days=trends.RECENT_DAYS)
    return recent_from, recent_from - timedelta(weeks=trends.BASELINE_WEEKS)


def _counts(rows) -> dict:
    return {name: (int(r), int(total) - int(r)) for name, r, total in rows}


def trending_tags(scope: Scope, limit: int = 10) -> list[dict]:
    """Counted from question_tag alone, by its copy of each question's creation time: only public
    questions have tag rows (forum/moderation/states.py), and the anti-join keeps it so if one
    ever did not; the questions themselves are joined only to filter by agency or tag."""
    recent_from, baseline_from = _windows(scope)
    qt = QuestionTag
    gone = aliased(Question)
    away = select(gone.id).where(gone.id == qt.question_id, gone.state.in_(NOT_PUBLIC))
    counted = select(qt.tag_id, func.sum(case((qt.question_created_at >= recent_from, 1), else_=0)).label("recent"),
                     func.count().label("total")).where(
        qt.question_created_at >= baseline_from, qt.question_created_at < scope.end, ~away.exists())
    if scope.agency_id is not None or scope.tag_id is not None:
        windowed = Scope(baseline_from, scope.end, scope.agency_id, scope.tag_id)
        counted = counted.join(Question, Question.id == qt.question_id).where(*windowed.where())
    counted = counted.group_by(qt.tag_id).subquery("counted")
    rows = db.session.execute(select(Tag.name, counted.c.recent, counted.c.total)
                              .join(counted, counted.c.tag_id == Tag.id))
    return [_trend_row(t) for t in trends.trending(_counts(rows), limit=limit)]


def trending_agencies(scope: Scope, limit: int = 10) -> list[dict]:
    recent_from, baseline_from = _windows(scope)
    windowed = Scope(baseline_from, scope.end, scope.agency_id, scope.tag_id)
    counted = (select(Question.agency_id, func.sum(case((Question.created_at >= recent_from, 1), else_=0)).label("recent"),
                      func.count().label("total")).where(*windowed.where(), Question.agency_id.is_not(None))
               .group_by(Question.agency_id).subquery("counted"))
    rows = db.session.execute(select(Agency.name, counted.c.recent, counted.c.total)
                              .join(counted, counted.c.agency_id == Agency.id))
    return [_trend_row(t) for t in trends.trending(_counts(rows), limit=limit)]


def _trend_row(t: trends.Trend) -> dict:
    return {"name": t.name, "recent": t.recent, "baseline_weekly": round(t.expected, 2),
            "score": round(t.score, 2), "explanation": t.in_words()}

