"""Helpers every template uses: dates, <time> elements and fast_url (url_for for long loops)."""
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import url_for
from markupsafe import Markup

from forum.web import fast_url


def test_dates_read_day_month_year_in_english(app):
    date = app.jinja_env.filters["date"]
    assert date(datetime(2026, 12, 1, 9, 5, tzinfo=timezone.utc)) == "1 December 2026"
    assert date(datetime(2026, 12, 1, 9, 5, tzinfo=timezone.utc), True) == "1 December 2026, 09:05 UTC"
    assert [date(datetime(2025, month, 28, tzinfo=timezone.utc)).split()[1] for month in (1, 5, 9)] == [
        "January", "May", "September"]
    assert date(None) == ""


def test_time_elements_carry_the_utc_instant_and_show_the_date(app):
    when = datetime(2026, 3, 7, 23, 59, 30, tzinfo=timezone.utc)
    tag = app.jinja_env.filters["time_tag"](when)
    assert isinstance(tag, Markup)
    assert tag == '<time datetime="2026-03-07T23:59:30+00:00">7 March 2026</time>'
    assert app.jinja_env.filters["time_tag"](when, True).endswith(">7 March 2026, 23:59 UTC</time>")


def _same_address(built: str, expected: str) -> bool:
    """Equal paths and equal query values (url_for writes a space as +, fast_url as %20)."""
    a, b = urlsplit(built), urlsplit(expected)
    return a.path == b.path and parse_qs(a.query) == parse_qs(b.query)


@pytest.mark.parametrize("endpoint, values", [
    ("qa.question", {"question_id": 12, "slug": "how-long-does-it-take"}),
    ("accounts.profile", {"user_id": 3}),
    ("qa.questions", {"tag": "tax returns & {fines}"}),
    ("pages.agency", {"slug": "passport-office"}),
    # a converter that takes only some values: any(question,answer)
    ("moderation.flag", {"kind": "answer", "post_id": 5}),
    ("moderation.flag", {"kind": "question", "post_id": 7}),
    ("qa.questions", {}),
])
def test_fast_url_builds_the_addresses_url_for_builds(app, endpoint, values):
    for script_root in ("", "/forum"):
        with app.test_request_context("/", base_url=f"http://localhost{script_root}/"):
            for _ in range(2):  # the first call builds the pattern, the second uses it
                assert _same_address(fast_url(endpoint, **values), url_for(endpoint, **values))
