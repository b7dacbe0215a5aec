"""Fast, consistent bulk loading of generated questions, answers and their votes.

Used by `seed-demo` (hundreds of questions) and by the benchmark (tens of thousands).
Rows go in with Core inserts in batches; every denormalised counter is computed from
the rows inserted, so `flask forum check` finds no drift afterwards.
"""
from __future__ import annotations

import itertools
import random
from collections import Counter
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import func, insert, select, text, update

from .. import content as text_content
from ..accounts.models import User
from ..extensions import db
from ..qa import outcome
from ..qa.models import Answer, AnswerVote, HelpfulVote, MeToo, Question, QuestionVote, Revision
from ..qa.service import ACCEPTED_POINTS, POINTS
from ..tags.models import QuestionTag, Tag
from . import content

BATCH = 2_000


@lru_cache(maxsize=50_000)
def _render(source: str) -> str:
    return text_content.render(source)


class _Batches:
    """Collects rows per table and inserts them BATCH at a time, parents first."""

    ORDER = (Question, Answer, QuestionTag, Revision, QuestionVote, AnswerVote, MeToo, HelpfulVote)

    def __init__(self):
        self.rows = {model: [] for model in self.ORDER}

    def add(self, model, row: dict) -> None:
        self.rows[model].append(row)
        if len(self.rows[Question]) >= BATCH:
            self.flush()

    def flush(self) -> None:
        for model in self.ORDER:
            if self.rows[model]:
                db.session.execute(insert(model), self.rows[model])
                self.rows[model] = []


def _next_id(model) -> int:
    return (db.session.scalar(select(func.max(model.id))) or 0) + 1


def load_questions(rng: random.Random, n: int, *, user_ids: list[int], agency_ids: dict[str, int],
                   now: datetime, days: int = 120, answers_mean: float = 2.5,
                   answers_exact: int | None = None, topic: str | None = None) -> list[int]:
    """Insert `n` generated questions with answers, votes, "me too", acceptances and
    "did this help" ratings. Returns the new question ids. Does not commit.
    With `topic`, only generated questions on that topic are kept (a burst, for trends)."""
    question_id, answer_id, revision_id = _next_id(Question), _next_id(Answer), _next_id(Revision)
    vote_ids = {m: _next_id(m) for m in (QuestionVote, AnswerVote, MeToo, HelpfulVote)}
    tag_ids: dict[str, int] = dict(db.session.execute(select(Tag.name, Tag.id)).all())
    tag_counts: Counter[str] = Counter()
    reputation: Counter[int] = Counter()
    batches = _Batches()
    created_ids: list[int] = []
    acceptances: list[dict] = []  # set after the answers exist: question and answer point at each other

    def row_id(model) -> int:
        vote_ids[model] += 1
        return vote_ids[model] - 1

    specs = content.questions(rng, n) if topic is None else itertools.islice(
        (s for s in content.questions(rng, n * 1_000) if s.topic == topic), n)
    for spec in specs:
        asker = rng.choice(user_ids)
        asked_at = now - timedelta(days=rng.random() * days)
        k = answers_exact if answers_exact is not None else (
            0 if rng.random() < 0.15 else min(12, int(rng.expovariate(1 / answers_mean)) + 1))
        answer_specs = content.answers(rng, spec, k) if k else []
        others = [u for u in rng.sample(user_ids, min(len(user_ids), k + 20)) if u != asker]
        answers, last_activity = [], asked_at
        for index, answer_spec in enumerate(answer_specs):
            author = others[index % len(others)]
            answered_at = asked_at + timedelta(minutes=30 + rng.random() * 60 * 24 * 5 * (index + 1))
            answered_at = min(answered_at, now)
            last_activity = max(last_activity, answered_at)
            voters = rng.sample(others, min(len(others), rng.randint(0, 6 if answer_spec.helpful else 2)))
            votes = [(v, 1 if answer_spec.helpful or rng.random() < 0.5 else -1) for v in voters if v != author]
            answers.append((answer_id, author, answered_at, answer_spec, votes))
            answer_id += 1
        accepted = None
        helpful_answers = [a for a in answers if a[3].helpful]
        if helpful_answers and rng.random() < 0.6:
            accepted = max(helpful_answers, key=lambda a: sum(v for _, v in a[4]))
        q_voters = [u for u in rng.sample(user_ids, min(len(user_ids), rng.randint(0, 8))) if u != asker]
        q_votes = [(v, 1 if rng.random() < 0.85 else -1) for v in q_voters]
        me_too = [u for u in rng.sample(user_ids, min(len(user_ids), int(rng.expovariate(1 / 3)))) if u != asker]
        tag_names = list(dict.fromkeys(spec.tags))

        batches.add(Question, dict(
            id=question_id, author_id=asker, agency_id=agency_ids.get(spec.agency_slug) if spec.agency_slug else None,
            title=spec.title, slug=text_content.slugify(spec.title), body_source=spec.body,
            body_html=_render(spec.body), excerpt=text_content.excerpt(spec.body, 280), state="public",
            score=sum(v for _, v in q_votes), answer_count=len(answers), me_too_count=len(me_too),
            accepted_answer_id=None, tag_names=" ".join(tag_names), created_at=asked_at, updated_at=None,
            last_activity_at=last_activity))
        batches.add(Revision, dict(id=revision_id, question_id=question_id, answer_id=None, number=1,
                                   editor_id=asker, title=spec.title, tag_names=" ".join(tag_names),
                                   body_source=spec.body, created_at=asked_at))
        revision_id += 1
        for name in tag_names:
            if name not in tag_ids:
                tag_ids[name] = db.session.execute(insert(Tag).values(
                    name=name, description="", question_count=0, created_at=now).returning(Tag.id)).scalar_one()
            tag_counts[name] += 1
            batches.add(QuestionTag, dict(question_id=question_id, tag_id=tag_ids[name], question_created_at=asked_at))
        for voter, value in q_votes:
            batches.add(QuestionVote, dict(id=row_id(QuestionVote), user_id=voter, question_id=question_id,
                                           value=value, created_at=asked_at))
            reputation[asker] += POINTS[("question", value)]
        for user in me_too:
            batches.add(MeToo, dict(id=row_id(MeToo), user_id=user, question_id=question_id, created_at=asked_at))
        for a_id, author, answered_at, answer_spec, votes in answers:
            yes = no = 0
            if accepted and accepted[0] == a_id:
                reputation[author] += ACCEPTED_POINTS
                for rater in rng.sample(others, min(len(others), rng.randint(1, 5))):
                    if rater == author:
                        continue
                    verdict = rng.random() < 0.8
                    yes, no = yes + verdict, no + (not verdict)
                    batches.add(HelpfulVote, dict(id=row_id(HelpfulVote), user_id=rater, answer_id=a_id,
                                                  helpful=verdict, created_at=answered_at))
            batches.add(Answer, dict(id=a_id, question_id=question_id, author_id=author, body_source=answer_spec.body,
                                     body_html=_render(answer_spec.body), state="public",
                                     score=sum(v for _, v in votes), helpful_yes=yes, helpful_no=no,
                                     created_at=answered_at, updated_at=None))
            batches.add(Revision, dict(id=revision_id, question_id=None, answer_id=a_id, number=1, editor_id=author,
                                       title=None, tag_names=None, body_source=answer_spec.body, created_at=answered_at))
            revision_id += 1
            for voter, value in votes:
                batches.add(AnswerVote, dict(id=row_id(AnswerVote), user_id=voter, answer_id=a_id, value=value,
                                             created_at=answered_at))
                reputation[author] += POINTS[("answer", value)]
        if accepted:
            acceptances.append({"id": question_id, "accepted_answer_id": accepted[0]})
        created_ids.append(question_id)
        question_id += 1
    batches.flush()
    if acceptances:
        db.session.execute(update(Question), acceptances)  # bulk UPDATE by primary key
    if created_ids:  # what each question's answers came to, from the rows just inserted (forum/qa/outcome.py)
        db.session.execute(update(Question).where(Question.id >= created_ids[0]).values(**outcome.expected()))
    for name, count in tag_counts.items():
        db.session.execute(Tag.__table__.update().where(Tag.id == tag_ids[name])
                           .values(question_count=Tag.question_count + count))
    for user_id, points in reputation.items():
        db.session.execute(User.__table__.update().where(User.id == user_id)
                           .values(reputation=User.reputation + points))
    _fix_sequences()
    return created_ids


def _fix_sequences() -> None:
    """Explicit ids bypass PostgreSQL's sequences: move them past the rows just inserted."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for model in (Question, Answer, Revision, QuestionVote, AnswerVote, MeToo, HelpfulVote, Tag):
        table = model.__tablename__
        db.session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                f"COALESCE((SELECT MAX(id) FROM {table}), 1))"))
