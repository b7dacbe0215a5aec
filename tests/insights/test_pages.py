"""The insights pages: who may see them, bad input, exports, trends and pain points in the page."""
from datetime import date, timedelta

import pytest

from forum.extensions import db
from forum.insights import painpoints
from forum.qa import service

from ..factories import make_user, run
from .conftest import ask_at

PAGES = ["/insights", "/insights/export/agencies.csv", "/insights/export/volume.json"]


@pytest.mark.parametrize("role, status", [(None, 302), ("citizen", 403), ("moderator", 403),
                                          ("policy", 200), ("admin", 200)])
@pytest.mark.parametrize("url", PAGES)
def test_only_policy_and_admin_see_the_dashboard(app, client, client_of, agency, role, status, url):
    viewer = client if role is None else client_of(make_user(app, role=role, agency=agency if role == "moderator" else None))
    response = viewer.get(url)
    assert response.status_code == status
    if status == 302:
        assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("url", ["/insights/public", "/insights/public/export/agencies.csv",
                                 "/insights/public/export/pain-points.json"])
def test_the_public_page_is_open_to_everyone(client, url):
    assert client.get(url).status_code == 200


def test_the_public_page_shows_the_same_figures_without_links_to_people_or_posts(crafted, app, client):
    page = client.get("/insights/public").get_data(as_text=True)
    assert "National Tax Office" in page and "3 h" in page and "75%" in page
    assert "Asha Asker" not in page and "/users/" not in page


def test_the_dashboard_shows_charts_with_tables_and_exports(crafted, policy_client):
    page = policy_client.get("/insights").get_data(as_text=True)
    assert page.count('role="img"') >= 1 and "<svg" in page
    assert "Median time to first answer" in page and "3 h" in page and "2 h 30 min" in page
    for table in ("volume", "agencies", "trending-tags", "pain-points"):
        assert f"/insights/export/{table}.csv" in page and f"/insights/export/{table}.json" in page


def test_csv_export_is_a_download_with_a_header_row(crafted, policy_client):
    response = policy_client.get("/insights/export/agencies.csv?agency=tax-office")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == ("agency,questions,median_first_answer,unanswered_7_days,satisfaction,"
                        "median_official_answer,share_with_official_answer,median_agency_response")
    assert lines[1] == "National Tax Office,4,10800.0,0.5,0.75,,0.0,"


def test_csv_cells_cannot_become_spreadsheet_formulas(app, policy_client):
    from forum.insights.views import _cell
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell(3) == 3


TODAY = date.today()


@pytest.mark.parametrize("args, message", [
    ({"end": (TODAY + timedelta(days=3)).isoformat()}, "cannot end in the future"),
    ({"start": "2026-05-10", "end": "2026-05-01"}, "on or after the first day"),
    ({"start": "2026-02-30"}, "must be a real date"),
    ({"start": "yesterday"}, "must be a real date"),
    ({"start": "2019-01-01", "end": "2026-01-01"}, "at most 3 years"),
    ({"start": "0001-01-01", "end": "0001-01-05"}, "The first day must be 2000-01-01 or later"),
    ({"start": "1999-12-31", "end": "2000-01-05"}, "The first day must be 2000-01-01 or later"),
    ({"agency": "ministry-of-magic"}, "Choose an agency from the list"),
    ({"tag": "no-such-tag"}, "There is no tag called"),
])
def test_bad_periods_and_filters_get_a_clear_400_with_the_form_kept(policy_client, client, args, message):
    for viewer, url in ((policy_client, "/insights"), (client, "/insights/public")):
        response = viewer.get(url, query_string=args)
        page = response.get_data(as_text=True)
        assert response.status_code == 400
        assert "There is a problem" in page and message in page
        for value in args.values():
            assert f'value="{value}"' in page or f'value="{value}" selected' in page or "ministry" in value
    response = policy_client.get("/insights/export/volume.json", query_string=args)
    assert response.status_code == 400 and message in response.get_json()["error"]
    assert policy_client.get("/insights/export/volume.csv", query_string=args).status_code == 400


ODD_VALUES = ["0001-01-01", "9999-12-31", "99999-01-01", "2026-13-01", "\x00", "a" * 5_000, "-1",
              "99999999999999999999", "%", "ß", "Ⅻ", "\u200b", " ", "2026-01-01T00:00"]


@pytest.mark.parametrize("names", [("start",), ("end",), ("start", "end"), ("agency",), ("tag",), ("page",),
                                   ("format",)])
def test_odd_query_values_never_cause_a_server_error(crafted, policy_client, names):
    for value in ODD_VALUES:
        for url in ("/insights", "/insights/public", "/insights/export/pain-points.csv",
                    "/insights/public/export/volume.json", "/insights/public/export/agencies.csv"):
            response = policy_client.get(url, query_string=dict.fromkeys(names, value))
            assert response.status_code in (200, 400), (url, names, value, response.status_code)


@pytest.mark.parametrize("url", ["/insights/export/nothing.csv", "/insights/export/volume.xlsx",
                                 "/insights/public/export/volume.pdf"])
def test_unknown_exports_are_404(policy_client, url):
    assert policy_client.get(url).status_code == 404


def test_trending_order_on_a_known_dataset(app, policy_client, agency):
    """busy: 2 a week for 8 weeks, then 12 this week (z = (12-3)/sqrt(3) = 5.2, floored
    expectation); quiet: none before, 5 this week (z = 1.15); tiny: 3 this week (below the minimum);
    steady: 4 a week throughout (not rising)."""
    from datetime import datetime, timezone
    now = datetime.now(timezone.utc)
    people = [make_user(app) for _ in range(3)]
    plan = {"busy": (16, 12), "quiet": (0, 5), "tiny": (0, 3), "steady": (32, 4)}
    n = 0
    for tag, (baseline, recent) in plan.items():
        for i in range(baseline):
            ask_at(app, people[n % 3], now - timedelta(days=8, hours=i * 3), tags=(tag,), agency=agency,
                   title=f"Baseline question {tag} {i}")
            n += 1
        for i in range(recent):
            ask_at(app, people[n % 3], now - timedelta(hours=1 + i * 5), tags=(tag,), agency=agency,
                   title=f"Recent question {tag} {i}")
            n += 1
    trending = policy_client.get("/insights/export/trending-tags.json").get_json()["rows"]
    assert [t["name"] for t in trending] == ["busy", "quiet"]
    assert trending[0]["explanation"] == "up 500% on the 8-week average, 12 questions"
    assert trending[1]["explanation"] == "new: 5 questions, none in the 8 weeks before"
    agencies = policy_client.get("/insights/export/trending-agencies.json").get_json()["rows"]
    assert [a["name"] for a in agencies] == [agency.name]


def test_trending_tags_count_the_public_questions_of_the_chosen_agency(app, policy_client, agency, other_agency):
    from datetime import datetime, timezone

    from forum.moderation.states import set_state
    from forum.qa.models import Question
    now = datetime.now(timezone.utc)
    people = [make_user(app) for _ in range(3)]
    asked = [ask_at(app, people[i % 3], now - timedelta(hours=1 + i), tags=("queues",), title=f"Queue question {i}",
                    agency=agency if i < 6 else other_agency) for i in range(12)]
    with app.app_context():  # hidden: its tag leaves every count
        set_state(db.session.get(Question, asked[0].id), "hidden", ("public",))
        db.session.commit()

    def explained(**args):
        rows = policy_client.get("/insights/export/trending-tags.json", query_string=args).get_json()["rows"]
        return [(t["name"], t["explanation"]) for t in rows]
    assert explained() == [("queues", "new: 11 questions, none in the 8 weeks before")]
    assert explained(agency=agency.slug) == [("queues", "new: 5 questions, none in the 8 weeks before")]
    assert explained(agency=other_agency.slug, tag="queues") == [
        ("queues", "new: 6 questions, none in the 8 weeks before")]


def test_pain_points_group_near_duplicates_and_count_each_citizen_once(app, policy_client, agency, other_agency):
    from datetime import datetime, timezone
    now = datetime.now(timezone.utc)
    a, b, c, d, e = (make_user(app) for _ in range(5))
    titles = ["Passport renewal taking more than six weeks", "My passport renewal is taking over six weeks",
              "Passport renewals taking six weeks or more?", "Six weeks and still no passport renewal"]
    askers = [a, b, a, c]
    qs = [ask_at(app, who, now - timedelta(days=3 + i), title=t, tags=("passport-renewal",),
                 agency=agency if i < 3 else other_agency) for i, (t, who) in enumerate(zip(titles, askers))]
    run(app, service.set_me_too, d, qs[0].id, True)
    run(app, service.set_me_too, b, qs[0].id, True)  # already counted as an asker
    # Two similar questions by two people: a group, but fewer than 3 citizens.
    ask_at(app, d, now - timedelta(days=2), title="Missed bin collection on Tuesday morning", tags=("bins",))
    ask_at(app, e, now - timedelta(days=2), title="Bin collection missed on Tuesday again", tags=("bins",))
    ask_at(app, e, now - timedelta(days=2), title="How do I pay council rates in instalments", tags=("rates",))
    with app.app_context():
        assert painpoints.refresh() == 1
        db.session.remove()
    points = policy_client.get("/insights/export/pain-points.json").get_json()["rows"]
    assert len(points) == 1
    point = points[0]
    assert point["label"].lower().startswith("passport renewal")
    assert (point["citizens"], point["questions"], point["accepted_answer"]) == (4, 4, "no")
    assert point["agencies"] == f"{agency.name}, {other_agency.name}"
    page = policy_client.get("/insights").get_data(as_text=True)
    for q in qs:
        assert q.url in page
    # With an agency chosen, only its posts count: a, b (and d, "me too") on its three questions.
    (ours,) = policy_client.get("/insights/export/pain-points.json?agency=" + agency.slug).get_json()["rows"]
    assert (ours["citizens"], ours["questions"], ours["agencies"]) == (3, 3, agency.name)
    only_other = policy_client.get("/insights/export/pain-points.json?agency=" + other_agency.slug).get_json()
    assert only_other["rows"] == []  # one citizen's question there
    assert "/questions/" not in policy_client.get("/insights/public").get_data(as_text=True).split("pain-points")[1]


def test_refresh_command_shows_progress_and_respects_staleness(app, runner, agency):
    result = runner.invoke(args=["forum", "insights", "refresh"])
    assert result.exit_code == 0 and "0 pain points" in result.output
    result = runner.invoke(args=["forum", "insights", "refresh", "--if-stale"])
    assert "fresh: nothing to do" in result.output
    result = runner.invoke(args=["forum", "insights", "refresh", "--quiet"])
    assert result.exit_code == 0 and result.output == ""


def test_dashboard_queries_do_not_grow_with_the_data(app, policy_client, agency):
    from sqlalchemy import event
    from datetime import datetime, timezone

    def count(url):
        counted = [0]
        with app.app_context():
            engine = db.engine
        listener = lambda *args: counted.__setitem__(0, counted[0] + 1)  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            assert policy_client.get(url).status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return counted[0]

    person = make_user(app)
    ask_at(app, person, datetime.now(timezone.utc) - timedelta(days=1), agency=agency)
    small = count("/insights")
    for i in range(6):
        ask_at(app, person, datetime.now(timezone.utc) - timedelta(days=i + 2), agency=agency, tags=(f"t{i}",))
    assert count("/insights") == small


def test_pain_points_are_counted_on_a_connection_of_their_own_on_postgresql(app, policy_client, agency):
    """The dashboard's two halves (pain points, the other figures) run at once on PostgreSQL; on
    SQLite, one after the other on one connection."""
    from sqlalchemy import event
    with app.app_context():
        engine, dialect = db.engine, db.engine.dialect.name
    connections = set()
    listener = lambda conn, *args: connections.add(id(conn.connection.dbapi_connection))  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        assert policy_client.get("/insights").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert len(connections) == (2 if dialect == "postgresql" else 1)


def test_the_refresh_time_is_shown_once_in_utc(app, policy_client, client):
    with app.app_context():
        painpoints.refresh()
        finished = painpoints.last_run().finished_at
        db.session.remove()
    for page in (policy_client.get("/insights").get_data(as_text=True), client.get("/insights/public").get_data(as_text=True)):
        assert f"{finished:%Y-%m-%d %H:%M} UTC" in page and "+00:00" not in page
