"""Insights at scale on PostgreSQL: the dashboard for all agencies over 90 days, and `insights refresh`.

    python -m bench.insights [--questions 200000] [--votes 1000000] [--suggestions N] [--database URL] [--keep]

Builds its own database (default: postgresql+psycopg://postgres@127.0.0.1:5432/insights_bench,
dropped and recreated from the migrations) and fills it with SQL generate_series:
  - questions over 120 days drawn from SPECS generated demo questions (forum.demo.content: a few
    thousand distinct titles across some sixty topics), each row varied further by a place and a
    time ("... (Northgate, since March)"), so titles are as varied as citizens' are and the
    pain-point grouping cannot shortcut identical titles;
  - a recent surge: a quarter of one topic's questions (SURGE_TOPIC) fall in the last 7 days;
  - one answer for 85% of questions, acceptances, "did this help", "me too", the given number of
    question votes, and official answers for about a third of answered agency questions;
  - suggestions (default one per 20 questions) from the demo suggestions, varied the same way,
    with statuses, agency responses, 0 to 40 supporters each and links to questions of their tag.
It ends with VACUUM ANALYZE, as autovacuum would after a bulk load (statistics, and the visibility
map the index-only scans need). Then it times:
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
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402 - after the path, like the forum imports below

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/insights_bench"
USERS = 5_000
SPECS = 20_000  # generated demo questions the rows draw from
SUGGESTION_SPECS = 2_000
SURGE_TOPIC = "verification-code-not-arriving"
PLACES = ["Northgate", "Riverside", "Hillcrest", "Eastwood", "Bayview", "Millbrook", "Southport", "Oakridge",
          "Westfield", "Lakeside", "Greenvale", "Kingston", "Ashford", "Brookside", "Fairview", "Glenroy",
          "Harbourside", "Ironbark", "Juniper Flats", "Kelso", "Linden", "Marlow", "Newhaven", "Orchard Hill",
          "Parkdale", "Queenscliff", "Redbank", "Stonebridge", "Thornbury", "Valley View"]
WHEN = ["since March", "since last month", "for three weeks", "again this week", "after I moved",
        "for my mother", "for our family", "on the second try", "before my trip", "after the update",
        "for a month now", "at the counter", "online and by phone", "as a student", "as a pensioner",
        "since the new year", "with a new baby", "as a new resident", "after a change of name", "for a friend"]
STATUSES = [("open", 50), ("under_review", 15), ("planned", 10), ("in_progress", 5), ("implemented", 5),
            ("declined", 15)]


def _recreate(url: str) -> None:
    from sqlalchemy.engine import make_url
    parts = make_url(url)
    args = ["-h", parts.host or "127.0.0.1", "-p", str(parts.port or 5432), "-U", parts.username or "postgres"]
    subprocess.run(["dropdb", "--if-exists", *args, parts.database], check=True)
    subprocess.run(["createdb", *args, parts.database], check=True)


def _variation_tables(x) -> None:
    x(text("CREATE TEMP TABLE place (k int PRIMARY KEY, name text)"))
    x(text("INSERT INTO place VALUES (:k, :name)"), [{"k": k, "name": n} for k, n in enumerate(PLACES)])
    x(text("CREATE TEMP TABLE phrase (k int PRIMARY KEY, words text)"))
    x(text("INSERT INTO phrase VALUES (:k, :words)"), [{"k": k, "words": w} for k, w in enumerate(WHEN)])
    statuses = [name for name, weight in STATUSES for _ in range(weight)]
    x(text("CREATE TEMP TABLE status_pick (k int PRIMARY KEY, status text)"))
    x(text("INSERT INTO status_pick VALUES (:k, :status)"), [{"k": k, "status": v} for k, v in enumerate(statuses)])


def _seconds(end: str) -> str:
    """Whole seconds from the question q's creation to `end`, each cut to the second (forum/portable.py)."""
    return f"CAST(EXTRACT(EPOCH FROM (date_trunc('second', {end}) - date_trunc('second', q.created_at))) AS INTEGER)"


# A row's title: its spec's title with a place and a time, cut to the column's 150 characters.
VARIED = ("left(s.title, 150 - length(p.name) - length(w.words) - 5) || ' (' || p.name || ', ' || w.words || ')'")


def _fill(db, n: int, votes: int, suggestions: int) -> None:
    from forum.demo import content

    rng = random.Random(2026)
    specs = list(content.questions(rng, min(n, SPECS)))
    ideas = list(content.suggestions(rng, SUGGESTION_SPECS))
    x = db.session.execute
    x(text("INSERT INTO agency (slug, name, description, created_at) VALUES (:slug, :name, '', now())"),
      [{"slug": a.slug, "name": a.name} for a in content.AGENCIES])
    x(text("INSERT INTO user_account (email, display_name, password_hash, role, session_token, created_at, reputation) "
           "SELECT 'bench' || g || '@example.org', 'Bench ' || g, 'x', CASE WHEN g = 1 THEN 'policy' ELSE 'citizen' END, "
           "md5(g::text), now(), 0 FROM generate_series(1, :users) g"), {"users": USERS})
    tags = sorted({t for s in specs for t in s.tags} | {t for s in ideas for t in s.tags})
    x(text("INSERT INTO tag (name, description, question_count, created_at) "
           "SELECT unnest(CAST(:tags AS text[])), '', 0, now()"), {"tags": tags})
    _variation_tables(x)
    x(text("CREATE TEMP TABLE spec (k int PRIMARY KEY, title text, agency text, tags text[], topic text)"))
    x(text("INSERT INTO spec VALUES (:k, :title, :agency, :tags, :topic)"),
      [{"k": k, "title": s.title, "agency": s.agency_slug, "tags": list(dict.fromkeys(s.tags)), "topic": s.topic}
       for k, s in enumerate(specs)])
    # Questions over 120 days, except a quarter of SURGE_TOPIC's, which fall in the last 7 days.
    x(text(f"""
        INSERT INTO question (author_id, agency_id, title, slug, body_source, body_html, excerpt, state, score,
                              answer_count, me_too_count, tag_names, created_at, last_activity_at)
        SELECT 2 + (CAST(g AS bigint) * 7919) % (:users - 1), a.id, {VARIED}, 'q', 'Details.', '<p>Details.</p>',
               'Details.', 'public', 0, 0, 0, array_to_string(s.tags, ' '), t.at, t.at
        FROM generate_series(1, :n) g
        JOIN spec s ON s.k = (CAST(g AS bigint) * 31) % :specs
        JOIN place p ON p.k = (CAST(g AS bigint) * 13) % :places
        JOIN phrase w ON w.k = (CAST(g AS bigint) * 17) % :phrases
        LEFT JOIN agency a ON a.slug = s.agency
        CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE 'UTC') - CASE WHEN s.topic = :surge AND g % 4 = 0
            THEN (CAST(g AS bigint) * 104729) % (7 * 86400) ELSE (CAST(g AS bigint) * 104729) % (120 * 86400) END
            * interval '1 second' AS at) t
        ORDER BY g
    """), {"n": n, "users": USERS, "specs": len(specs), "places": len(PLACES), "phrases": len(WHEN),
           "surge": SURGE_TOPIC})
    x(text("""INSERT INTO question_tag (question_id, tag_id, question_created_at)
              SELECT DISTINCT q.id, tag.id, q.created_at FROM question q
              JOIN tag ON tag.name = ANY(string_to_array(q.tag_names, ' '))"""))
    x(text("""INSERT INTO answer (question_id, author_id, body_source, body_html, state, score, helpful_yes, helpful_no,
                                  created_at)
              SELECT q.id, 2 + (q.id * 13) % (:users - 1), 'An answer.', '<p>An answer.</p>', 'public', 0, 0, 0,
                     LEAST(q.created_at + ((q.id * 7) % (6 * 86400) + 600) * interval '1 second', now() AT TIME ZONE 'UTC')
              FROM question q WHERE q.id % 20 NOT IN (0, 1, 2)"""), {"users": USERS})
    x(text("UPDATE question SET answer_count = 1 WHERE id % 20 NOT IN (0, 1, 2)"))
    x(text("UPDATE question q SET accepted_answer_id = a.id FROM answer a WHERE a.question_id = q.id AND q.id % 2 = 0"))
    # Official answers: a third of answered agency questions, some hours to a few days after the answer.
    x(text("""UPDATE answer a SET official_agency_id = q.agency_id, official_by_id = 1,
                     official_at = LEAST(a.created_at + ((a.id * 29) % (96 * 3600) + 1800) * interval '1 second',
                                         now() AT TIME ZONE 'UTC')
              FROM question q WHERE q.id = a.question_id AND q.agency_id IS NOT NULL AND q.id % 3 = 1"""))
    # Each question's waits, as forum/qa/outcome.py keeps them: seconds to the first public answer and
    # to the first official one, each time cut to the second.
    x(text(f"""UPDATE question q SET first_answer_seconds = w.first, official_answer_seconds = w.official
              FROM (SELECT a.question_id, min({_seconds('a.created_at')}) AS first,
                           min({_seconds('a.official_at')}) FILTER (WHERE a.official_agency_id IS NOT NULL) AS official
                    FROM answer a JOIN question q ON q.id = a.question_id WHERE a.state = 'public'
                    GROUP BY a.question_id) w
              WHERE w.question_id = q.id"""))
    x(text("""INSERT INTO helpful_vote (user_id, answer_id, helpful, created_at)
              SELECT 2 + (a.id * 17 + r) % (:users - 1), a.id, (a.id + r) % 5 <> 0, a.created_at
              FROM answer a JOIN question q ON q.accepted_answer_id = a.id CROSS JOIN generate_series(0, 1) r
              ON CONFLICT DO NOTHING"""), {"users": USERS})
    x(text("UPDATE answer a SET helpful_yes = c.yes, helpful_no = c.no FROM (SELECT answer_id, "
           "count(*) FILTER (WHERE helpful) yes, count(*) FILTER (WHERE NOT helpful) no FROM helpful_vote GROUP BY 1) c "
           "WHERE c.answer_id = a.id"))
    x(text("UPDATE question q SET accepted_helpful_yes = a.helpful_yes, accepted_helpful_no = a.helpful_no "
           "FROM answer a WHERE a.id = q.accepted_answer_id AND a.state = 'public'"))
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
    _fill_suggestions(x, ideas, suggestions)
    db.session.commit()
    _vacuum(db)


def _vacuum(db) -> None:
    """VACUUM ANALYZE, as autovacuum does after a bulk load: planner statistics, and the visibility
    map that lets the insights queries read their covering index without visiting the rows."""
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))


def _fill_suggestions(x, ideas, n: int) -> None:
    """Suggestions with statuses and responses, supporters (the author and up to 40 more), tags,
    and for one in three a link to two questions that share its first tag."""
    x(text("CREATE TEMP TABLE idea (k int PRIMARY KEY, title text, body text, agency text, tags text[])"))
    x(text("INSERT INTO idea VALUES (:k, :title, :body, :agency, :tags)"),
      [{"k": k, "title": s.title, "body": s.body, "agency": s.agency_slug, "tags": list(dict.fromkeys(s.tags))}
       for k, s in enumerate(ideas)])
    x(text(f"""
        INSERT INTO suggestion (author_id, agency_id, title, slug, body_source, body_html, excerpt, tag_names, status,
                                support_count, created_at, last_activity_at, first_response_at)
        SELECT 2 + (CAST(g AS bigint) * 6151) % (:users - 1), a.id, {VARIED}, 's', s.body, '<p>' || s.body || '</p>',
               left(s.body, 280), array_to_string(s.tags, ' '), st.status, 0, t.at, t.at,
               CASE WHEN st.status <> 'open' THEN LEAST(t.at + ((CAST(g AS bigint) * 7207) % (20 * 86400) + 3600)
                    * interval '1 second', now() AT TIME ZONE 'UTC') END
        FROM generate_series(1, :n) g
        JOIN (SELECT k, title, body, agency, tags FROM idea) s ON s.k = (CAST(g AS bigint) * 37) % :ideas
        JOIN place p ON p.k = (CAST(g AS bigint) * 11) % :places
        JOIN phrase w ON w.k = (CAST(g AS bigint) * 7) % :phrases
        JOIN status_pick st ON st.k = (CAST(g AS bigint) * 53) % 100
        JOIN agency a ON a.slug = s.agency
        CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE 'UTC') - ((CAST(g AS bigint) * 86969) % (120 * 86400))
            * interval '1 second' AS at) t
        ORDER BY g
    """), {"n": n, "users": USERS, "ideas": len(ideas), "places": len(PLACES), "phrases": len(WHEN)})
    x(text("""INSERT INTO suggestion_tag (suggestion_id, tag_id)
              SELECT DISTINCT s.id, tag.id FROM suggestion s JOIN tag ON tag.name = ANY(string_to_array(s.tag_names, ' '))"""))
    x(text("""INSERT INTO suggestion_support (user_id, suggestion_id, created_at)
              SELECT s.author_id, s.id, s.created_at FROM suggestion s"""))
    x(text("""INSERT INTO suggestion_support (user_id, suggestion_id, created_at)
              SELECT 2 + (s.id * 389 + r * 9127) % (:users - 1), s.id,
                     LEAST(s.created_at + (r * 3 + 1) * interval '1 hour', now() AT TIME ZONE 'UTC')
              FROM suggestion s CROSS JOIN LATERAL generate_series(1, (s.id * 7) % 41) r
              ON CONFLICT DO NOTHING"""), {"users": USERS})
    x(text("UPDATE suggestion s SET support_count = c.n FROM (SELECT suggestion_id, count(*) n FROM suggestion_support "
           "GROUP BY 1) c WHERE c.suggestion_id = s.id"))
    x(text("""INSERT INTO question_suggestion_link (question_id, suggestion_id, created_by_id, created_at)
              SELECT q.question_id, s.id, s.author_id, s.created_at FROM suggestion s
              CROSS JOIN LATERAL (SELECT qt.question_id FROM question_tag qt JOIN tag ON tag.id = qt.tag_id
                                  WHERE tag.name = split_part(s.tag_names, ' ', 1)
                                  ORDER BY qt.question_id OFFSET s.id % 50 LIMIT 2) q
              WHERE s.id % 3 = 0 ON CONFLICT DO NOTHING"""))


def _describe(db) -> str:
    """What the database holds, so the figures below can be judged."""
    one = lambda sql: db.session.scalar(text(sql))  # noqa: E731
    surge = db.session.execute(text(
        "SELECT count(*) FILTER (WHERE created_at >= (now() AT TIME ZONE 'UTC') - interval '7 days'), count(*) "
        "FROM question WHERE tag_names LIKE '%verification-codes%'")).one()
    return "\n".join([
        f"PostgreSQL: {one('SELECT count(*) FROM question'):,} questions "
        f"({one('SELECT count(DISTINCT title) FROM question'):,} distinct titles), "
        f"{one('SELECT count(*) FROM question_vote'):,} question votes, {one('SELECT count(*) FROM answer'):,} answers "
        f"({one('SELECT count(*) FROM answer WHERE official_at IS NOT NULL'):,} official), "
        f"{one('SELECT count(*) FROM me_too'):,} \"me too\"",
        f"  {one('SELECT count(*) FROM suggestion'):,} suggestions "
        f"({one('SELECT count(DISTINCT title) FROM suggestion'):,} distinct titles), "
        f"{one('SELECT count(*) FROM suggestion_support'):,} supports, "
        f"{one('SELECT count(*) FROM question_suggestion_link'):,} question links",
        f"  surge: {surge[0]:,} of {surge[1]:,} questions tagged verification-codes in the last 7 days"])


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
    parser.add_argument("--suggestions", type=int, help="suggestions to add (default: one per 20 questions)")
    parser.add_argument("--database", default=os.environ.get("FORUM_BENCH_INSIGHTS_URL", DEFAULT_URL))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="Reuse the database as it is (no rebuild).")
    args = parser.parse_args()

    from flask_migrate import upgrade
    from sqlalchemy import select

    from forum import create_app
    from forum.extensions import db
    from forum.insights import painpoints

    env = {"FORUM_ENV": "testing", "FORUM_SECRET_KEY": "bench-secret-key-not-for-production",
           "FORUM_DATABASE_URL": args.database, "FORUM_INSTANCE_PATH": tempfile.mkdtemp(prefix="forum-bench-insights-"),
           **({"FORUM_REDIS_URL": os.environ["FORUM_REDIS_URL"]} if os.environ.get("FORUM_REDIS_URL") else {})}
    app = create_app(env)
    with app.app_context():
        if not args.keep:
            _recreate(args.database)
            upgrade()
            began = time.perf_counter()
            _fill(db, args.questions, args.votes, args.suggestions or max(args.questions // 20, 1))
            print(f"built in {time.perf_counter() - began:.1f} s")
        print(_describe(db))
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
    app.config["FORUM_INSIGHTS_CACHE_SECONDS"] = 0
    data = client.get("/insights/export/pain-points.json").get_json()["rows"]
    trending = client.get("/insights/export/trending-tags.json").get_json()["rows"]
    print("top pain points (90 days): " + "; ".join(
        f"{p['label']} ({p['citizens']} citizens, {p['questions']} questions, {p['suggestions']} suggestions)"
        for p in data[:3]))
    print("top trending tags: " + "; ".join(f"{t['name']} ({t['explanation']})" for t in trending[:3]))
    with app.app_context():
        db.engine.dispose()


if __name__ == "__main__":
    main()
