"""Insights at scale on PostgreSQL: the dashboard for all agencies over 90 days, and `insights refresh`.

    python -m bench.insights [--questions 200000] [--votes 1000000] [--database URL] [--keep]

Builds its own database (default: postgresql+psycopg://postgres@127.0.0.1:5432/insights_bench,
dropped and recreated from the migrations), fills it with SQL generate_series (questions spread
over 120 days with demo titles and tags, one answer for 85% of them, acceptances, "me too",
"did this help", and the given number of question votes), then times:
  - the dashboard page (GET /insights as a policy user) with the cache off: cold figures;
  - the same with the cache on (FORUM_INSIGHTS_CACHE_SECONDS=60; Redis when FORUM_REDIS_URL is set);
  - `insights refresh` (pain points).
Target: dashboard under 500 ms."""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/insights_bench"
USERS = 5_000
SPECS = 600  # distinct demo titles the questions cycle through


def _recreate(url: str) -> None:
    from sqlalchemy.engine import make_url
    parts = make_url(url)
    args = ["-h", parts.host or "127.0.0.1", "-p", str(parts.port or 5432), "-U", parts.username or "postgres"]
    subprocess.run(["dropdb", "--if-exists", *args, parts.database], check=True)
    subprocess.run(["createdb", *args, parts.database], check=True)


def _fill(db, n: int, votes: int) -> None:
    from sqlalchemy import text

    from forum.demo import content

    rng = random.Random(2026)
    specs = list(content.questions(rng, SPECS))
    x = db.session.execute
    x(text("INSERT INTO agency (slug, name, description, created_at) VALUES (:slug, :name, '', now())"),
      [{"slug": a.slug, "name": a.name} for a in content.AGENCIES])
    x(text("INSERT INTO user_account (email, display_name, password_hash, role, session_token, created_at, reputation) "
           "SELECT 'bench' || g || '@example.org', 'Bench ' || g, 'x', CASE WHEN g = 1 THEN 'policy' ELSE 'citizen' END, "
           "md5(g::text), now(), 0 FROM generate_series(1, :users) g"), {"users": USERS})
    tags = sorted({t for s in specs for t in s.tags})
    x(text("INSERT INTO tag (name, description, question_count, created_at) "
           "SELECT unnest(CAST(:tags AS text[])), '', 0, now()"), {"tags": tags})
    x(text("CREATE TEMP TABLE spec (k int PRIMARY KEY, title text, agency text, tags text[])"))
    x(text("INSERT INTO spec VALUES (:k, :title, :agency, :tags)"),
      [{"k": k, "title": s.title, "agency": s.agency_slug, "tags": list(dict.fromkeys(s.tags))} for k, s in enumerate(specs)])
    # Questions over 120 days; a quarter of one topic in the last week, so something trends.
    x(text("""
        INSERT INTO question (author_id, agency_id, title, slug, body_source, body_html, excerpt, state, score,
                              answer_count, me_too_count, tag_names, created_at, last_activity_at)
        SELECT 2 + (CAST(g AS bigint) * 7919) % (:users - 1), a.id, s.title, 'q', 'Details.', '<p>Details.</p>', 'Details.', 'public', 0,
               0, 0, array_to_string(s.tags, ' '), t.at, t.at
        FROM generate_series(1, :n) g
        JOIN spec s ON s.k = (g * 31) % :specs
        LEFT JOIN agency a ON a.slug = s.agency
        CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE 'UTC') - ((CAST(g AS bigint) * 104729) % (120 * 86400)) * interval '1 second' AS at) t
    """), {"n": n, "users": USERS, "specs": SPECS})
    x(text("""INSERT INTO question_tag (question_id, tag_id)
              SELECT DISTINCT q.id, tag.id FROM question q JOIN spec s ON s.k = (q.id * 31) % :specs
              JOIN tag ON tag.name = ANY(s.tags)"""), {"specs": SPECS})
    x(text("""INSERT INTO answer (question_id, author_id, body_source, body_html, state, score, helpful_yes, helpful_no,
                                  created_at)
              SELECT q.id, 2 + (q.id * 13) % (:users - 1), 'An answer.', '<p>An answer.</p>', 'public', 0, 0, 0,
                     LEAST(q.created_at + ((q.id * 7) % (6 * 86400) + 600) * interval '1 second', now() AT TIME ZONE 'UTC')
              FROM question q WHERE q.id % 20 NOT IN (0, 1, 2)"""), {"users": USERS})
    x(text("UPDATE question SET answer_count = 1 WHERE id % 20 NOT IN (0, 1, 2)"))
    x(text("UPDATE question q SET accepted_answer_id = a.id FROM answer a WHERE a.question_id = q.id AND q.id % 2 = 0"))
    x(text("""INSERT INTO helpful_vote (user_id, answer_id, helpful, created_at)
              SELECT 2 + (a.id * 17 + r) % (:users - 1), a.id, (a.id + r) % 5 <> 0, a.created_at
              FROM answer a JOIN question q ON q.accepted_answer_id = a.id CROSS JOIN generate_series(0, 1) r
              ON CONFLICT DO NOTHING"""), {"users": USERS})
    x(text("""INSERT INTO me_too (user_id, question_id, created_at)
              SELECT 2 + (q.id * 11 + r * 101) % (:users - 1), q.id, q.created_at
              FROM question q CROSS JOIN generate_series(0, 1) r WHERE q.id % 3 = 0 ON CONFLICT DO NOTHING"""),
      {"users": USERS})
    x(text("UPDATE question q SET me_too_count = c.n FROM (SELECT question_id, count(*) n FROM me_too GROUP BY 1) c "
           "WHERE c.question_id = q.id"))
    x(text("""INSERT INTO question_vote (user_id, question_id, value, created_at)
              SELECT 2 + (g / :n) % (:users - 1), 1 + g % :n, CASE WHEN g % 7 = 0 THEN -1 ELSE 1 END, now()
              FROM generate_series(0, :votes - 1) g ON CONFLICT DO NOTHING"""), {"n": n, "votes": votes, "users": USERS})
    x(text("UPDATE tag SET question_count = c.n FROM (SELECT tag_id, count(*) n FROM question_tag GROUP BY 1) c "
           "WHERE c.tag_id = tag.id"))
    db.session.commit()
    x(text("ANALYZE"))


def _time(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        out.append((time.perf_counter() - began) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=200_000)
    parser.add_argument("--votes", type=int, default=1_000_000)
    parser.add_argument("--database", default=os.environ.get("FORUM_BENCH_INSIGHTS_URL", DEFAULT_URL))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="Reuse the database as it is (no rebuild).")
    args = parser.parse_args()

    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from forum import create_app
    from forum.extensions import db
    from forum.insights import painpoints
    from forum.qa.models import Question, QuestionVote

    env = {"FORUM_ENV": "testing", "FORUM_SECRET_KEY": "bench-secret-key-not-for-production",
           "FORUM_DATABASE_URL": args.database, "FORUM_INSTANCE_PATH": "/tmp/forum-bench-insights",
           **({"FORUM_REDIS_URL": os.environ["FORUM_REDIS_URL"]} if os.environ.get("FORUM_REDIS_URL") else {})}
    app = create_app(env)
    with app.app_context():
        if not args.keep:
            _recreate(args.database)
            upgrade()
            began = time.perf_counter()
            _fill(db, args.questions, args.votes)
            print(f"built in {time.perf_counter() - began:.1f} s")
        questions = db.session.scalar(select(func.count()).select_from(Question))
        votes = db.session.scalar(select(func.count()).select_from(QuestionVote))
        print(f"PostgreSQL: {questions:,} questions, {votes:,} question votes")
        policy = db.session.scalar(select(db.metadata.tables["user_account"].c.session_token).where(
            db.metadata.tables["user_account"].c.id == 1))

        began = time.perf_counter()
        found = painpoints.refresh()
        print(f"insights refresh: {time.perf_counter() - began:.2f} s ({found} pain points)")
        db.session.remove()

    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = f"1:{policy}"

    def page():
        response = client.get("/insights")
        assert response.status_code == 200, response.status_code

    app.config["FORUM_INSIGHTS_CACHE_SECONDS"] = 0
    cold = _time(page, args.repeat)
    app.config["FORUM_INSIGHTS_CACHE_SECONDS"] = 60
    page()
    warm = _time(page, args.repeat * 4)
    where = "Redis" if env.get("FORUM_REDIS_URL") else "in-process"
    print(f"dashboard, all agencies, 90 days, no cache: median {statistics.median(cold):.0f} ms "
          f"(min {min(cold):.0f}, max {max(cold):.0f}, {args.repeat} runs)")
    print(f"dashboard, cached ({where}, 60 s): median {statistics.median(warm):.1f} ms, max {max(warm):.1f} ms")
    print("target: under 500 ms")
    with app.app_context():
        db.engine.dispose()


if __name__ == "__main__":
    main()
