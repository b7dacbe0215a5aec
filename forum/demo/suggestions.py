"""Demo suggestions for `seed-demo`: every status, supports, public agency responses, a few
suggestions past their agency's threshold still awaiting a response, duplicates merged into
the idea they copy, and links to related questions.

Counters (support_count, threshold_reached_at, first_response_at) are computed from the
rows inserted, so `flask forum check` finds no drift.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import insert, select

from moderation.workflow import ROAD

from .. import content as text_content
from ..accounts.models import Agency
from ..extensions import db
from ..qa.models import Question
from ..suggestions.models import (QuestionSuggestionLink, Suggestion, SuggestionStatusChange, SuggestionSupport,
                                  SuggestionTag)
from ..tags import service as tags
from . import content

# status -> weight; "awaiting" is an open suggestion past its threshold with no response.
STATUS_WEIGHTS = {"open": 20, "awaiting": 6, "under_review": 10, "planned": 9, "in_progress": 7,
                  "implemented": 6, "declined": 6, "duplicate": 4}


def _path(status: str) -> list[str]:
    """The statuses a suggestion went through after "open" to reach `status`."""
    if status in ROAD:
        return list(ROAD[1:ROAD.index(status) + 1])
    if status == "declined":
        return ["under_review", "declined"]
    return ["duplicate"]


def _supports(rng, user_ids, author, count: int, start: datetime, now: datetime) -> dict[int, datetime]:
    """`count` supporters besides the author, each with a time between `start` and `now`."""
    others = [u for u in rng.sample(user_ids, min(len(user_ids), count + 1)) if u != author][:count]
    span = (now - start).total_seconds()
    return {u: start + timedelta(seconds=span * rng.random() ** 0.7) for u in others}


def load_suggestions(rng: random.Random, n: int, *, user_ids: list[int], moderators: dict[int, int],
                     now: datetime) -> int:
    """Insert `n` suggestions with their supports, timelines and question links. Does not commit."""
    agencies = {a.slug: a for a in db.session.scalars(select(Agency))}
    questions_by_agency: dict[int, list[int]] = {}
    for question_id, agency_id in db.session.execute(select(Question.id, Question.agency_id)
                                                     .where(Question.agency_id.is_not(None))):
        questions_by_agency.setdefault(agency_id, []).append(question_id)
    statuses, weights = zip(*STATUS_WEIGHTS.items())
    kept_by_agency: dict[int, list[Suggestion]] = {}
    supporters: dict[int, dict[int, datetime]] = {}
    for index, spec in enumerate(content.suggestions(rng, n)):
        agency = agencies[spec.agency_slug]
        status = rng.choices(statuses, weights)[0] if index >= 8 else ("awaiting" if index < 4 else "planned")
        if status == "duplicate" and not kept_by_agency.get(agency.id):
            status = "open"
        author = rng.choice(user_ids)
        created = now - timedelta(days=3 + rng.random() * 120)
        threshold = agency.support_threshold
        wanted = threshold + rng.randint(0, 8) if status == "awaiting" else (
            rng.randint(threshold // 2, threshold + 10) if status in ("planned", "in_progress", "implemented")
            else rng.randint(0, max(1, threshold - 2)))
        backing = _supports(rng, user_ids, author, wanted, created, now)
        backing[author] = created
        suggestion = Suggestion(author_id=author, agency_id=agency.id, title=spec.title,
                                slug=text_content.slugify(spec.title), body_source=spec.body,
                                body_html=text_content.render(spec.body), excerpt=text_content.excerpt(spec.body, 280),
                                tag_names=" ".join(dict.fromkeys(spec.tags)), status="open", support_count=0,
                                created_at=created, last_activity_at=created)
        db.session.add(suggestion)
        db.session.flush()
        supporters[suggestion.id] = backing
        tag_ids = tags.ids_for(list(dict.fromkeys(spec.tags)))
        db.session.execute(insert(SuggestionTag), [{"suggestion_id": suggestion.id, "tag_id": t} for t in tag_ids])
        if status not in ("open", "awaiting"):
            _respond(rng, suggestion, status, moderators[agency.id], kept_by_agency.get(agency.id, []), supporters, now)
        if status != "duplicate":
            kept_by_agency.setdefault(agency.id, []).append(suggestion)
        related = questions_by_agency.get(agency.id, [])
        if related and rng.random() < 0.4:
            db.session.execute(insert(QuestionSuggestionLink), [
                {"question_id": q, "suggestion_id": suggestion.id, "created_by_id": rng.choice(user_ids),
                 "created_at": created + timedelta(hours=1)} for q in rng.sample(related, min(len(related), rng.randint(1, 2)))])
    _store_supports(supporters, {s.id: s for s in db.session.scalars(select(Suggestion))}, agencies)
    return n


def _respond(rng, suggestion: Suggestion, status: str, moderator: int, kept: list[Suggestion],
             supporters: dict[int, dict[int, datetime]], now: datetime) -> None:
    when, old = suggestion.created_at, "open"
    for step in _path(status):
        when = min(now, when + timedelta(days=1 + rng.random() * 20))
        if step == "duplicate":
            target = rng.choice(kept)
            response = (f"Thank you: this is the same idea as “{target.title}”. We have merged the two, so every "
                        "supporter is counted there.")
            suggestion.duplicate_of_id = target.id
            for user, at in supporters[suggestion.id].items():  # merged: nobody counted twice
                supporters[target.id].setdefault(user, at)
            target.last_activity_at = max(target.last_activity_at, when)
        else:
            response = content.agency_response(rng, step)
        db.session.add(SuggestionStatusChange(suggestion_id=suggestion.id, actor_id=moderator,
                                              agency_id=suggestion.agency_id, old_status=old, new_status=step,
                                              response=response, created_at=when))
        suggestion.first_response_at = suggestion.first_response_at or when
        old = step
    suggestion.status, suggestion.updated_at, suggestion.last_activity_at = status, when, when


def _store_supports(supporters, suggestions: dict[int, Suggestion], agencies: dict[str, Agency]) -> None:
    thresholds = {a.id: a.support_threshold for a in agencies.values()}
    rows = []
    for suggestion_id, backing in supporters.items():
        s = suggestions[suggestion_id]
        times = sorted(backing.values())
        s.support_count = len(times)
        threshold = thresholds[s.agency_id]
        if len(times) >= threshold:
            s.threshold_reached_at = times[threshold - 1]
        s.last_activity_at = max(s.last_activity_at, times[-1])
        rows += [{"user_id": u, "suggestion_id": suggestion_id, "created_at": at} for u, at in backing.items()]
    db.session.execute(insert(SuggestionSupport), rows)
