"""`make bench`: how fast the forum serves its busiest pages, against a bare Flask "floor".

    python -m bench [--questions N] [--duration SECONDS] [--connections C] [--threads T]
                    [--worker-class sync|gthread] [--with-page-cache] [--reseed]

Seeds (or reuses) an SQLite database of N questions and about 5 N answers under
bench/results/, serves it with gunicorn beside a bare Flask app that renders a small
template (the floor), drives each in turn over 127.0.0.1 with wrk, and prints requests
per second, p50 and p99 latency, SQL queries per page and each page's ratio to the floor.
wrk sends no cookie, so the forum is served with visitors' page cache off and every request
reads the database (the question page's HTML is reused while the rows it reads are unchanged,
as for every visitor: forum/web.py render_memoized); --with-page-cache also measures the two
pages served from that cache, which skips the reads. Queries are counted on a fresh render.
The figures also go to bench/results/latest.json. The target: a question page with 30
answers at 0.35 or more of the floor.

Modules of `make bench`: seed (the database), floor (the bare app), serve (gunicorn), load
(wrk and its output), sqlcount (queries per page, in-process). The others here are benches
of their own, each run by itself: pii_rates, search, insights, tag_suggestions.
"""
