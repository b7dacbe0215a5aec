"""How `make bench` reads wrk's --latency report."""
import pytest

from bench.load import parse_wrk, wrk_command

# wrk 4.1.0 (Debian) against the floor app on gunicorn: `wrk -t2 -c8 -d3s --latency URL`.
CLEAN = """\
Running 3s test @ http://127.0.0.1:45851/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.53ms    7.72ms 113.29ms   92.88%
    Req/Sec     1.40k   726.79     2.09k    68.33%
  Latency Distribution
     50%    1.97ms
     75%    3.40ms
     90%    9.18ms
     99%   40.22ms
  8385 requests in 3.06s, 3.79MB read
Requests/sec:   2736.60
Transfer/sec:      1.24MB
"""

# The same against a missing page, with socket errors and other time units.
FAILING = """\
Running 10s test @ http://127.0.0.1:45851/nope
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.33us  480.33us  1.02s    94.70%
    Req/Sec     1.78k   408.18     1.93k    95.24%
  Latency Distribution
     50%  640.00us
     75%    2.15ms
     90%    2.34ms
     99%    1.20s
  3713 requests in 1.00m, 1.30MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 3713
Requests/sec:     61.88
Transfer/sec:     22.18KB
"""


def test_reads_throughput_and_latency_percentiles():
    result = parse_wrk(CLEAN)
    assert result.requests == 8385
    assert result.seconds == pytest.approx(3.06)
    assert result.requests_per_sec == pytest.approx(2736.60)
    assert result.p50_ms == pytest.approx(1.97)
    assert result.p99_ms == pytest.approx(40.22)
    assert result.non_2xx == result.socket_errors == 0
    assert result.problem is None


def test_converts_microseconds_seconds_and_minutes_to_milliseconds():
    result = parse_wrk(FAILING)
    assert result.p50_ms == pytest.approx(0.64)
    assert result.p99_ms == pytest.approx(1200.0)
    assert result.seconds == pytest.approx(60.0)


def test_reports_error_responses_and_socket_errors_as_a_problem():
    result = parse_wrk(FAILING)
    assert result.non_2xx == 3713
    assert result.socket_errors == 5
    assert result.problem == "3713 non-2xx/3xx responses, 5 socket errors"


def test_refuses_output_without_the_latency_distribution():
    without = CLEAN.replace("     50%    1.97ms\n", "")
    with pytest.raises(ValueError, match="50% latency"):
        parse_wrk(without)


def test_refuses_output_that_is_not_a_wrk_report():
    with pytest.raises(ValueError, match="request total"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_command_is_bounded_and_asks_for_the_latency_distribution():
    assert wrk_command("http://127.0.0.1:8000/", seconds=10, connections=8, threads=2) == [
        "wrk", "-t2", "-c8", "-d10s", "--latency", "http://127.0.0.1:8000/"]


COUNTS = {"/questions": 4, "/questions/7-a-question": 6}


def test_the_benchmark_measures_rendered_pages_by_default():
    from bench.__main__ import parse_args, plan

    targets = plan(parse_args([]).page_cache, COUNTS, "/questions/7-a-question")
    assert [(t.name, t.cached) for t in targets] == [("floor", False), ("/questions", False),
                                                      ("question (30 ans)", False)]


def test_the_cached_figures_are_extra_rows_and_the_ratio_row_stays_rendered():
    from bench.__main__ import QUESTION_PAGE, parse_args, plan

    targets = plan(parse_args(["--with-page-cache"]).page_cache, COUNTS, "/questions/7-a-question")
    assert [t.name for t in targets if t.cached] == ["/questions, cached", "question (30 ans), cached"]
    ratio_row, = [t for t in targets if t.name == QUESTION_PAGE]
    assert not ratio_row.cached and ratio_row.queries == 6
