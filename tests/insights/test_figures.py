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
