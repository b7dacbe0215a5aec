"""`python -m bench`: seed or reuse the database, count queries, serve, drive, report.

Targets run one at a time (two cores: wrk and gunicorn would otherwise compete), each
server started, measured with wrk and stopped before the next. wrk sends no cookie, so to
the forum every request is a visitor's: the forum runs with the visitors' page cache off,
and the figures (and the ratio) are those of rendering the page. `--with-page-cache` also
measures the two pages served from that cache, as production serves visitors.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from forum import create_app

from .load import WRK_MISSING, measure, wrk_command
from .seed import PAGE_ANSWERS, RESULTS, ensure_database, forum_env
from .serve import WORKERS, gunicorn
from .sqlcount import queries_per_page

TARGET_RATIO = 0.35
GTHREADS = 4  # threads per worker with --worker-class gthread


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=20_000, help="questions to seed (default 20,000; "
                        "answers: at least 5 per question)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per target (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--worker-class", choices=("sync", "gthread"), default="sync",
                        help=f"gunicorn workers ({WORKERS} of them; gthread with {GTHREADS} threads each)")
    parser.add_argument("--with-page-cache", dest="page_cache", action="store_true",
                        help="also measure the two forum pages served from visitors' short page cache, as "
                        "production serves visitors who are not signed in (the ratio stays the fresh one)")
    parser.add_argument("--reseed", action="store_true", help="build the database anew even if it is big enough")
    args = parser.parse_args(argv)
    for name in ("questions", "duration", "connections", "threads"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.connections < args.threads:
        parser.error("--connections must be at least --threads (wrk needs a connection per thread)")
    return args


NAME_WIDTH = 26
QUESTION_PAGE = f"question ({PAGE_ANSWERS} ans)"


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    queries: int | None  # SQL statements of one fresh render (None: the floor, or served from the cache)
    cached: bool = False  # served with visitors' page cache on


def plan(page_cache: bool, counts: dict[str, int], page_path: str) -> list[Target]:
    """What is measured: the floor and the two pages read from the database on every request; with
    `page_cache`, the same two pages served from visitors' page cache as well."""
    pages = [Target("/questions", "/questions", counts["/questions"]),
             Target(QUESTION_PAGE, page_path, counts[page_path])]
    cached = [Target(f"{page.name}, cached", page.path, None, cached=True) for page in pages] if page_cache else []
    return [Target("floor", "/", None), *pages, *cached]


def _row(name: str, result, queries, ratio: float) -> str:
    return (f"{name:<{NAME_WIDTH}}{result.requests_per_sec:>8.1f}{result.p50_ms:>9.2f}{result.p99_ms:>9.2f}"
            f"{'-' if queries is None else queries:>10}{ratio:>8.2f}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit(WRK_MISSING)
    started = time.monotonic()
    secret_key = secrets.token_hex(32)
    data = ensure_database(secret_key, questions=args.questions, reseed=args.reseed)

    # Counted on a fresh render: served from the page cache, every page would count 0.
    counts = queries_per_page(create_app(forum_env(secret_key, page_cache=False)), ["/questions", data.page_path])

    load = dict(seconds=args.duration, connections=args.connections, threads=args.threads)
    server = dict(worker_class=args.worker_class, threads=GTHREADS if args.worker_class == "gthread" else 1)
    print(f"Driving each target for {args.duration} s (after a 2 s warm-up): "
          f"{' '.join(wrk_command('URL', **load))}; gunicorn {WORKERS} {args.worker_class} workers; "
          "pages read from the database on every request" + ("; then served from visitors' page cache" if args.page_cache else ""))
    load_average, cores = os.getloadavg()[0], os.cpu_count() or 1
    if load_average > cores:
        print(f"Warning: the load average is {load_average:.1f} on {cores} cores: other work competes "
              "with the servers, so these figures will be low and noisy.")
    targets = plan(args.page_cache, counts, data.page_path)
    results, failures = {}, []
    with gunicorn("bench.floor:app", env=os.environ, log=RESULTS / "gunicorn-floor.log", **server) as base:
        results["floor"] = measure(base + "/", **load)
    for cached in sorted({t.cached for t in targets if t.name != "floor"}):
        forum = {**{k: v for k, v in os.environ.items() if not k.startswith("FORUM_")},
                 **forum_env(secret_key, page_cache=cached)}
        with gunicorn("wsgi:app", env=forum, log=RESULTS / "gunicorn-forum.log", ready_path="/questions",
                      **server) as base:
            for target in targets:
                if target.name != "floor" and target.cached == cached:
                    results[target.name] = measure(base + target.path, **load)
    for name, (result, report) in results.items():
        if result.problem:
            failures.append(f"{name}: {result.problem}\n{report}")

    floor = results["floor"][0].requests_per_sec
    print()
    print(f"{'target':<{NAME_WIDTH}}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'queries':>10}{'ratio':>8}")
    rows = []
    for target in targets:
        result = results[target.name][0]
        ratio = result.requests_per_sec / floor if floor else 0.0
        print(_row(target.name, result, target.queries, ratio))
        rows.append({"target": target.name, "path": target.path, "queries": target.queries,
                     "page_cache": target.cached, "ratio": round(ratio, 3), **result.as_dict()})
    question_ratio = next(row["ratio"] for row in rows if row["target"] == QUESTION_PAGE)
    print("(queries: SQL statements of one fresh render, counted in-process"
          + ("; cached: served from visitors' page cache, no query)" if args.page_cache else ")"))
    print()
    print(f"question page / floor ratio (fresh): {question_ratio:.2f} (target >= {TARGET_RATIO})")
    seconds = time.monotonic() - started
    print(f"({data.questions:,} questions, {data.answers:,} answers; database "
          f"{'reused' if data.reused else f'seeded in {data.seconds:.0f} s'}; whole run {seconds:.0f} s)")

    (RESULTS / "latest.json").write_text(json.dumps({
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "database": {"questions": data.questions, "answers": data.answers, "question_id": data.page_question_id,
                     "reused": data.reused, "seed_seconds": round(data.seconds, 1)},
        "load": {"tool": "wrk", **load, "warm_up_seconds": 2},
        "server": {"workers": WORKERS, **server, "page_cache_also_measured": args.page_cache},
        "machine": {"cores": cores, "load_average_before": round(load_average, 2)},
        "targets": rows,
        "question_ratio": question_ratio,
        "target_ratio": TARGET_RATIO,
        "failures": failures,
    }, indent=2) + "\n")
    if failures:
        print("\nFAILED: responses were not all 2xx/3xx, so these figures are not valid:", file=sys.stderr)
        for failure in failures:
            print(failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
