"""Official-answer and suggestion figures on the crafted dataset (tests/insights/conftest.py,
fixture `responded`), read through the exports a policy team downloads."""
import pytest

from .test_figures import rows

HOUR, DAY = 3600, 86400
STATUSES = {"open": 0, "under_review": 0, "planned": 0, "in_progress": 0, "implemented": 0, "declined": 0,
            "duplicate": 0}


def test_median_time_to_official_answer_per_agency_and_overall(responded, policy_client):
    table = rows(policy_client, "official-answers")
    assert table == {
        "National Tax Office": {"agency": "National Tax Office", "questions": 4, "share_with_official_answer": 0.75,
                                "median_official_answer": 7 * HOUR},
        "Passport Office": {"agency": "Passport Office", "questions": 3,
                            "share_with_official_answer": pytest.approx(2 / 3), "median_official_answer": 2.5 * HOUR},
        "All agencies": {"agency": "All agencies", "questions": 7, "share_with_official_answer": pytest.approx(5 / 7),
                         "median_official_answer": 4 * HOUR},
    }


def test_official_figures_are_in_the_agency_table_too(responded, policy_client):
    table = rows(policy_client, "agencies")
    assert table["National Tax Office"]["median_official_answer"] == 7 * HOUR
    assert table["All agencies"]["share_with_official_answer"] == pytest.approx(5 / 7)
    assert table["All agencies"]["median_agency_response"] == DAY
    assert table["National Tax Office"]["median_first_answer"] == 3 * HOUR  # unchanged by later answers


def test_the_agency_filter_narrows_official_figures(responded, policy_client):
    table = rows(policy_client, "official-answers", agency="passport-office")
    # Only Passport questions: b1 (Passport after 4 h, Tax after 8 h) and b3 (Passport after 1 h).
    assert table["All agencies"]["median_official_answer"] == 2.5 * HOUR
    assert table["National Tax Office"]["median_official_answer"] == 8 * HOUR
    assert table["All agencies"]["share_with_official_answer"] == pytest.approx(2 / 3)


def test_suggestions_by_status_per_agency_and_overall(responded, policy_client):
    table = rows(policy_client, "suggestions")
    assert list(table) == ["National Tax Office", "Passport Office", "All agencies"]
    assert table["National Tax Office"] == {"agency": "National Tax Office", **STATUSES, "open": 1,
                                            "under_review": 1, "planned": 1, "declined": 1, "total": 4}
    assert table["Passport Office"] == {"agency": "Passport Office", **STATUSES, "open": 1, "implemented": 1,
                                        "total": 2}
    assert table["All agencies"] == {"agency": "All agencies", **STATUSES, "open": 2, "under_review": 1,
                                     "planned": 1, "declined": 1, "implemented": 1, "total": 6}
    statuses = policy_client.get("/insights/export/suggestion-statuses.json").get_json()["rows"]
    assert statuses[0] == {"status": "Open", "suggestions": 2}
    assert sum(s["suggestions"] for s in statuses) == 6


def test_median_time_to_agency_response(responded, policy_client):
    table = rows(policy_client, "agency-responses")
    assert table == {"National Tax Office": {"agency": "National Tax Office", "median_agency_response": 2 * DAY},
                     "Passport Office": {"agency": "Passport Office", "median_agency_response": 4 * HOUR},
                     "All agencies": {"agency": "All agencies", "median_agency_response": DAY}}


def test_suggestion_figures_follow_the_period_agency_and_tag(responded, policy_client):
    from datetime import timedelta
    start = (responded.now - timedelta(days=120)).date().isoformat()
    wide = rows(policy_client, "suggestions", start=start)
    assert wide["Passport Office"]["duplicate"] == 1 and wide["All agencies"]["total"] == 7
    assert rows(policy_client, "agency-responses", start=start)["Passport Office"]["median_agency_response"] == 3 * HOUR
    assert rows(policy_client, "suggestions", agency="tax-office")["All agencies"]["total"] == 4
    assert rows(policy_client, "suggestions", tag="passports")["All agencies"]["total"] == 2
    recent = (responded.now - timedelta(days=3)).date().isoformat()
    assert rows(policy_client, "agency-responses", start=recent)["All agencies"]["median_agency_response"] == 5 * HOUR


def test_an_agency_with_suggestions_but_no_questions_gets_a_row(app, policy_client, agency):
    from datetime import datetime, timedelta, timezone

    from ..factories import make_user
    from .conftest import suggest_at
    suggest_at(app, make_user(app), agency, datetime.now(timezone.utc) - timedelta(days=1), "open", timedelta(hours=2))
    table = rows(policy_client, "agencies")
    assert table[agency.name]["questions"] == 0 and table[agency.name]["median_agency_response"] == 2 * HOUR
    assert table[agency.name]["median_first_answer"] is None


def test_the_pages_show_charts_and_tables_of_the_new_figures(responded, policy_client, client):
    for viewer, url, prefix in ((policy_client, "/insights", "/insights/export/"),
                                (client, "/insights/public", "/insights/public/export/")):
        page = viewer.get(url).get_data(as_text=True)
        for chart in ("official-chart", "suggestions-chart", "response-chart"):
            assert f'id="{chart}"' in page
        for table in ("official-answers", "suggestions", "suggestion-statuses", "agency-responses"):
            assert f'data-table="{table}"' in page
            assert f"{prefix}{table}.csv" in page and f"{prefix}{table}.json" in page
        assert "7 h" in page and "2 h 30 min" in page and "71%" in page and "24 h" in page


def test_csv_export_of_suggestions(responded, client):
    lines = client.get("/insights/public/export/suggestions.csv").get_data(as_text=True).splitlines()
    assert lines[0] == "agency,open,under_review,planned,in_progress,implemented,declined,duplicate,total"
    assert lines[-1] == "All agencies,2,1,1,0,1,1,0,6"
