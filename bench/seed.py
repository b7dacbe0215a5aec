"""The bench database: an SQLite file under bench/results/, seeded once and reused while big enough.

Questions and answers come from `forum.demo.bulk.load_questions`, as for the demo data, in
chunks committed one at a time; one extra question has exactly 30 answers for the
question page. Seeding 20,000 questions takes a minute or two (Markdown rendering).
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

from flask import url_for
from flask_migrate import upgrade
from sqlalchemy import func, insert, select

from forum import create_app
from forum.accounts.models import Agency, User, new_session_token
from forum.accounts.passwords import hash_password
from forum.demo.bulk import load_questions
from forum.demo.content import AGENCIES
from forum.extensions import db, utcnow
from forum.qa.models import Answer, Question

RESULTS = Path(__file__).resolve().parent / "results"
DATABASE = RESULTS / "bench.sqlite3"
INSTANCE = RESULTS / "instance"
ANSWERS_PER_QUESTION = 5  # the database needs at least this many answers per question asked for
ANSWERS_MEAN = 7.0  # load_questions' parameter: ~15% unanswered and a cap of 12 give ~5.2 per question
PAGE_ANSWERS = 30
USERS = 500
CHUNK = 2_000
TOP_UPS = 10  # bound on extra chunks when the random draw falls short
SEED = 2026


@dataclass(frozen=True)
class Dataset:
    questions: int
    answers: int
    page_question_id: int  # the question with exactly PAGE_ANSWERS answers
    page_path: str  # its canonical address (the one that does not redirect)
    reused: bool
    seconds: float


def forum_env(secret_key: str, *, page_cache: bool = True) -> dict[str, str]:
    """The FORUM_* settings both the in-process app and gunicorn use. Without `page_cache`,
    visitors' pages are rendered on every request (FORUM_PAGE_CACHE_SECONDS=0)."""
    env = {"FORUM_ENV": "production", "FORUM_SECRET_KEY": secret_key,
           "FORUM_DATABASE_URL": f"sqlite:///{DATABASE}", "FORUM_INSTANCE_PATH": str(INSTANCE)}
    return env if page_cache else {**env, "FORUM_PAGE_CACHE_SECONDS": "0"}


def _counts() -> tuple[int, int, int | None]:
    questions = db.session.scalar(select(func.count()).select_from(Question))
    answers = db.session.scalar(select(func.count()).select_from(Answer))
    page = db.session.scalar(select(Question.id).where(Question.answer_count == PAGE_ANSWERS,
                                                       Question.state == "public").order_by(Question.id.desc()))
    return questions, answers, page


def _big_enough(questions: int, answers: int, page: int | None, wanted: int) -> bool:
    return questions >= wanted and answers >= wanted * ANSWERS_PER_QUESTION and page is not None


def _people() -> tuple[list[int], dict[str, int]]:
    """USERS citizens sharing one password hash, and the demo agencies."""
    now, password_hash = utcnow(), hash_password("bench-password-not-for-use")
    db.session.execute(insert(Agency), [dict(slug=a.slug, name=a.name, description=a.description, created_at=now)
                                        for a in AGENCIES])
    db.session.execute(insert(User), [dict(email=f"bench{n}@example.org", display_name=f"Bench citizen {n}",
                                           password_hash=password_hash, role="citizen",
                                           session_token=new_session_token(), created_at=now, reputation=0)
                                      for n in range(1, USERS + 1)])
    db.session.commit()
    return (list(db.session.scalars(select(User.id).order_by(User.id))),
            dict(db.session.execute(select(Agency.slug, Agency.id)).all()))


def _fill(wanted: int, say) -> None:
    """Seed an empty, migrated database: `wanted` questions (more if answers fall short of
    ANSWERS_PER_QUESTION each), then one question with exactly PAGE_ANSWERS answers."""
    rng, now, started = random.Random(SEED), utcnow(), time.monotonic()
    user_ids, agency_ids = _people()

    def chunk(n: int, **kwargs) -> list[int]:
        ids = load_questions(rng, n, user_ids=user_ids, agency_ids=agency_ids, now=now, **kwargs)
        db.session.commit()
        return ids

    for done in range(0, wanted, CHUNK):
        chunk(min(CHUNK, wanted - done), answers_mean=ANSWERS_MEAN)
        questions, answers, _ = _counts()
        say(f"  seeded {questions:,} questions, {answers:,} answers ({time.monotonic() - started:.0f} s)")
    for _ in range(TOP_UPS):
        questions, answers, _ = _counts()
        if answers >= wanted * ANSWERS_PER_QUESTION:
            break
        chunk(CHUNK // 4, answers_mean=ANSWERS_MEAN)
        say(f"  topped up to {questions:,} questions ({time.monotonic() - started:.0f} s)")
    chunk(1, answers_exact=PAGE_ANSWERS)


def _remove_database() -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)


def ensure_database(secret_key: str, *, questions: int, reseed: bool = False, say=print) -> Dataset:
    """Reuse the bench database if it is big enough (and migrated), otherwise build it anew."""
    started = time.monotonic()
    RESULTS.mkdir(parents=True, exist_ok=True)
    if reseed:
        _remove_database()
    reused = DATABASE.exists()
    if reused:
        app = create_app(forum_env(secret_key))
        with app.app_context():
            upgrade()
            reused = _big_enough(*_counts(), questions)
            db.engine.dispose()
        if not reused:
            say(f"The bench database is smaller than asked for ({questions:,} questions): seeding it anew.")
            _remove_database()
    app = create_app(forum_env(secret_key))
    with app.app_context():
        if not reused:
            say(f"Seeding {DATABASE.relative_to(RESULTS.parent.parent)} with {questions:,} questions "
                f"and at least {questions * ANSWERS_PER_QUESTION:,} answers...")
            upgrade()
            _fill(questions, say)
        total_questions, total_answers, page_id = _counts()
        if not _big_enough(total_questions, total_answers, page_id, questions):
            raise RuntimeError(f"seeding fell short: {total_questions:,} questions, {total_answers:,} answers")
        slug = db.session.scalar(select(Question.slug).where(Question.id == page_id))
        with app.test_request_context():
            page_path = url_for("qa.question", question_id=page_id, slug=slug)
        db.engine.dispose()
    seconds = time.monotonic() - started
    if reused:
        say(f"Reused the bench database: {total_questions:,} questions, {total_answers:,} answers.")
    else:
        say(f"Seeded {total_questions:,} questions and {total_answers:,} answers in {seconds:.0f} s.")
    return Dataset(total_questions, total_answers, page_id, page_path, reused, seconds)
