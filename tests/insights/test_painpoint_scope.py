"""Pain points are groups of similar questions AND suggestions, counted over the posts the
dashboard is looking at: its period, agency and tag, and only posts that are public now."""
from datetime import date, datetime, timedelta, timezone

from forum.extensions import db
from forum.insights import painpoints
from forum.moderation.states import set_state
from forum.qa.models import Question
from forum.suggestions import service as suggestions

from ..factories import make_user, run
from ..suggestions.conftest import make_suggestion
from .conftest import ask_at

TITLES = ["Passport renewal taking more than six weeks", "My passport renewal is taking over six weeks",
          "Passport renewals taking six weeks or more?", "Six weeks and still no passport renewal",
          "Passport renewal still taking six weeks", "Is a six week passport renewal normal?"]


def _refresh(app) -> int:
    with app.app_context():
        found = painpoints.refresh()
        db.session.remove()
        return found


def _points(viewer, public: bool = False, **args) -> list[dict]:
    url = "/insights/public/export/pain-points.json" if public else "/insights/export/pain-points.json"
    response = viewer.get(url, query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["rows"]


def _hide(app, question_id: int) -> None:
    with app.app_context():
        set_state(db.session.get(Question, question_id), "hidden", ("public",))
        db.session.commit()


def test_a_similar_suggestion_joins_a_pain_point_and_its_supporters_count_once(app, policy_client, agency):
    now = datetime.now(timezone.utc)
    a, b, c, d = (make_user(app) for _ in range(4))
    for i, who in enumerate((a, b)):
        ask_at(app, who, now - timedelta(days=3 + i), title=TITLES[i], tags=("passport-renewal",), agency=agency)
    assert _refresh(app) == 0  # two citizens only
    idea = make_suggestion(app, c, agency, title="Passport renewal taking six weeks: send progress updates",
                           tags=("passport-renewal",))
    for supporter in (d, a):  # a asked too: counted once
        run(app, suggestions.set_support, supporter, idea.id, True)
    make_suggestion(app, d, agency, title="Longer opening hours at the counter", tags=("opening-hours",))
    assert _refresh(app) == 1
    (point,) = _points(policy_client)
    assert (point["citizens"], point["questions"], point["suggestions"]) == (4, 2, 1)
    assert point["label"].lower().startswith("passport renewal")
    page = policy_client.get("/insights").get_data(as_text=True)
    assert idea.url in page.split('id="pain-points"')[1]


def test_pain_points_count_only_the_posts_of_the_chosen_period(app, policy_client, agency):
    now = datetime.now(timezone.utc)
    people = [make_user(app) for _ in range(6)]
    for i, who in enumerate(people):  # three 40 days ago, three in the last week
        ask_at(app, who, now - timedelta(days=40 - i if i < 3 else 6 - i), title=TITLES[i],
               tags=("passport-renewal",), agency=agency)
    _refresh(app)
    assert [(p["citizens"], p["questions"]) for p in _points(policy_client)] == [(6, 6)]
    last_month = (date.today() - timedelta(days=29)).isoformat()
    assert [(p["citizens"], p["questions"], p["recent_citizens"])
            for p in _points(policy_client, start=last_month)] == [(3, 3, 3)]
    before = {"start": (date.today() - timedelta(days=60)).isoformat(),
              "end": (date.today() - timedelta(days=30)).isoformat()}
    assert [(p["citizens"], p["recent_citizens"]) for p in _points(policy_client, **before)] == [(3, 0)]
    week = (date.today() - timedelta(days=2)).isoformat()
    assert _points(policy_client, start=week) == []  # two citizens in those days
    page = policy_client.get("/insights", query_string={"start": last_month}).get_data(as_text=True)
    assert "posted from " + last_month in page


def test_pain_points_count_only_the_chosen_agency_and_tag(app, policy_client, agency, other_agency):
    now = datetime.now(timezone.utc)
    people = [make_user(app) for _ in range(5)]
    for i, who in enumerate(people):
        ask_at(app, who, now - timedelta(days=2 + i), title=TITLES[i], agency=agency if i < 3 else other_agency,
               tags=("passport-renewal",) if i != 1 else ("passport-renewal", "waiting-times"))
    _refresh(app)
    (everyone,) = _points(policy_client)
    assert everyone["citizens"] == 5 and everyone["agencies"] == f"{agency.name}, {other_agency.name}"
    (ours,) = _points(policy_client, agency=agency.slug)
    assert (ours["citizens"], ours["agencies"]) == (3, agency.name)
    assert _points(policy_client, agency=other_agency.slug) == []  # two of its citizens only
    assert _points(policy_client, tag="waiting-times") == []
    assert [p["citizens"] for p in _points(policy_client, tag="passport-renewal")] == [5]


def test_posts_hidden_after_the_refresh_leave_every_pain_point_page(app, client, policy_client, agency):
    now = datetime.now(timezone.utc)
    people = [make_user(app) for _ in range(4)]
    qs = [ask_at(app, who, now - timedelta(days=2 + i), title=TITLES[i], tags=("passport-renewal",), agency=agency)
          for i, who in enumerate(people)]
    _refresh(app)
    _hide(app, qs[0].id)
    for public in (False, True):
        (point,) = _points(client if public else policy_client, public=public)
        assert (point["citizens"], point["questions"]) == (3, 3)
    page = policy_client.get("/insights").get_data(as_text=True)
    assert qs[0].url not in page and qs[1].url in page
    _hide(app, qs[1].id)
    for viewer, url in ((policy_client, "/insights"), (client, "/insights/public")):
        assert "No recurring problem affects 3 or more citizens" in viewer.get(url).get_data(as_text=True)
    assert _points(policy_client) == [] and _points(client, public=True) == []


def test_a_name_written_by_one_citizen_never_reaches_a_pain_point_label(app, client, policy_client, agency):
    """The name is in three of five titles, all by one citizen: weighted like "six" and "taking",
    it would be the label's fourth word if words were chosen by weight alone."""
    now = datetime.now(timezone.utc)
    named, b, c = (make_user(app) for _ in range(3))
    posts = [(b, "Passport renewal taking six weeks"), (named, "Bartholomew passport renewal six weeks"),
             (named, "Bartholomew passport renewal taking weeks"), (named, "Bartholomew: passport renewal, six weeks again"),
             (c, "Passport renewal taking weeks")]
    for i, (who, title) in enumerate(posts):
        ask_at(app, who, now - timedelta(days=6 - i), title=title, tags=("passport-renewal",), agency=agency)
    assert _refresh(app) == 1
    (point,) = _points(client, public=True)
    assert point["label"].lower().startswith("passport renewal") and "bartholomew" not in point["label"].lower()
    for page in (client.get("/insights/public"), client.get("/insights/public/export/pain-points.csv")):
        assert "Bartholomew" not in page.get_data(as_text=True)


def test_a_hidden_suggestion_and_its_supporters_leave_pain_points(app, policy_client, agency):
    from forum.suggestions.models import Suggestion

    now = datetime.now(timezone.utc)
    a, b, c, d = (make_user(app) for _ in range(4))
    for i, who in enumerate((a, b)):
        ask_at(app, who, now - timedelta(days=3 + i), title=TITLES[i], tags=("passport-renewal",), agency=agency)
    idea = make_suggestion(app, c, agency, title="Passport renewal taking six weeks: send progress updates",
                           tags=("passport-renewal",))
    run(app, suggestions.set_support, d, idea.id, True)
    with app.app_context():
        set_state(db.session.get(Suggestion, idea.id), "hidden", ("public",))
        db.session.commit()
    _refresh(app)  # grouped without it: two citizens are too few
    assert _points(policy_client) == []
    with app.app_context():
        set_state(db.session.get(Suggestion, idea.id), "public", ("hidden",))
        db.session.commit()
    _refresh(app)
    assert [(p["citizens"], p["suggestions"]) for p in _points(policy_client)] == [(4, 1)]
    with app.app_context():  # hidden after the refresh: the pages leave it out at once
        set_state(db.session.get(Suggestion, idea.id), "hidden", ("public",))
        db.session.commit()
    assert _points(policy_client) == []
