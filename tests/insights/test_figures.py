"""Every figure of the dashboard on the crafted dataset (tests/insights/conftest.py), read
through the JSON export a policy team would download."""
from datetime import timedelta

import pytest

HOUR = 3600
NO_OFFICIAL = {"median_official_answer": None, "share_with_official_answer": 0.0, "median_agency_response": None}


def rows(client, table: str, **args):
    response = client.get(f"/insights/export/{table}.json", query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)
    return {row.get("agency", row.get("start")): row for row in response.get_json()["rows"]}


def test_service_figures_per_agency_and_overall(crafted, policy_client):
    table = rows(policy_client, "agencies")
    assert list(table) == ["National Tax Office", "Passport Office", "All agencies"]
    assert table["National Tax Office"] == {"agency": "National Tax Office", "questions": 4,
                                            "median_first_answer": 3 * HOUR, "unanswered_7_days": 0.5,
                                            "satisfaction": 0.75, **NO_OFFICIAL}
    assert table["Passport Office"] == {"agency": "Passport Office", "questions": 3,
                                        "median_first_answer": 2 * HOUR, "unanswered_7_days": 0.0,
                                        "satisfaction": 0.5, **NO_OFFICIAL}
    assert table["All agencies"] == {"agency": "All agencies", "questions": 7,
                                     "median_first_answer": 2.5 * HOUR, "unanswered_7_days": pytest.approx(1 / 3),
                                     "satisfaction": pytest.approx(4 / 6), **NO_OFFICIAL}


def test_the_agency_filter_and_the_period_narrow_every_figure(crafted, policy_client):
    table = rows(policy_client, "agencies", agency="passport-office")
    assert table["All agencies"]["questions"] == 3
    assert table["All agencies"]["median_first_answer"] == 2 * HOUR
    start = (crafted.now - timedelta(days=120)).date().isoformat()
    table = rows(policy_client, "agencies", start=start, agency="tax-office")
    assert table["National Tax Office"]["questions"] == 5
    assert table["National Tax Office"]["median_first_answer"] == 2 * HOUR  # waits 5 min, 1 h, 3 h, 240 h
    recent = (crafted.now - timedelta(days=3)).date().isoformat()
    assert list(rows(policy_client, "agencies", start=recent)) == ["Passport Office", "All agencies"]


def test_the_tag_filter(crafted, policy_client):
    assert rows(policy_client, "agencies", tag="passports")["All agencies"]["questions"] == 7
    assert rows(policy_client, "agencies", tag="PASSPORTS ")["All agencies"]["questions"] == 7


def test_volume_counts_every_day_including_empty_ones(crafted, policy_client):
    start = (crafted.now - timedelta(days=30)).date()
    volume = rows(policy_client, "volume", start=start.isoformat())
    assert len(volume) == 31 and sum(r["questions"] for r in volume.values()) == 7
    assert volume[start.isoformat()]["questions"] == 2
    assert volume[(crafted.now - timedelta(days=20)).date().isoformat()]["questions"] == 4
    weekly = rows(policy_client, "volume")  # 90 days: weeks
    assert len(weekly) == 13 and sum(r["questions"] for r in weekly.values()) == 7


def test_an_empty_period_has_no_rows_and_no_errors(app, policy_client):
    assert rows(policy_client, "agencies") == {}
    assert sum(r["questions"] for r in rows(policy_client, "volume").values()) == 0


def test_durations_are_whole_seconds_between_times_cut_to_the_second(app, policy_client, agency):
    """Questions at 0.1 s and 10.2 s, first answers 7200.8 s and 7200.7 s later (rounding would say
    7201 s each); an official answer 3600.5 s after the first. Cut to the second, the waits are
    7200 s and 3600 s, on SQLite (julianday, a float) and PostgreSQL (EXTRACT EPOCH) alike."""
    from forum.extensions import db, utcnow
    from forum.qa.models import Question

    from ..factories import make_user
    from .conftest import answer_at, ask_at, make_official
    t0 = utcnow().replace(microsecond=0) - timedelta(days=3)
    asker, helper = make_user(app), make_user(app)
    one = ask_at(app, asker, t0 + timedelta(microseconds=100_000), agency=agency, title="Asked at a tenth of a second")
    two = ask_at(app, asker, t0 + timedelta(seconds=10, microseconds=200_000), agency=agency,
                 title="Asked at two tenths of a second")
    first = answer_at(app, one, helper, t0 + timedelta(hours=2, microseconds=900_000))
    answer_at(app, two, helper, t0 + timedelta(hours=2, seconds=10, microseconds=900_000))
    make_official(app, first.id, agency, t0 + timedelta(hours=1, microseconds=600_000))
    with app.app_context():
        assert db.session.get(Question, one.id).created_at.microsecond == 100_000  # stored as given
    row = rows(policy_client, "agencies")[agency.name]
    assert row["median_first_answer"] == 7200
    assert row["median_official_answer"] == 3600
