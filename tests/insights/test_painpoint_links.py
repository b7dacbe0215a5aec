"""Pain points count supporters of linked suggestions among the citizens affected (each person
once), list the related suggestions, and say whether an official answer exists."""
from datetime import datetime, timedelta, timezone

from forum.extensions import db
from forum.insights import painpoints
from forum.suggestions import service as suggestions

from ..factories import make_answer, make_user, run
from ..suggestions.conftest import make_suggestion
from .conftest import ask_at, make_official

TITLES = ["Passport renewal taking more than six weeks", "My passport renewal is taking over six weeks",
          "Passport renewals taking six weeks or more?"]


def _refresh(app) -> None:
    with app.app_context():
        painpoints.refresh()
        db.session.remove()


def test_supporters_of_linked_suggestions_are_citizens_affected_once_each(app, policy_client, agency):
    now = datetime.now(timezone.utc)
    a, b, c, d, e = (make_user(app) for _ in range(5))
    qs = [ask_at(app, who, now - timedelta(days=3 + i), title=t, tags=("passport-renewal",), agency=agency)
          for i, (t, who) in enumerate(zip(TITLES, (a, b, a)))]
    _refresh(app)
    assert policy_client.get("/insights/export/pain-points.json").get_json()["rows"] == []  # 2 citizens only

    busy = make_suggestion(app, c, agency, title="Send a text when a passport renewal is posted")
    quiet = make_suggestion(app, d, agency, title="Publish passport renewal waiting times")
    unrelated = make_suggestion(app, d, agency, title="Longer opening hours at the counter")
    for suggestion, question in ((busy, qs[0]), (busy, qs[1]), (quiet, qs[2])):
        run(app, suggestions.link_question, c, suggestion.id, str(question.id))
    for supporter in (d, e, b):  # b already asked: counted once
        run(app, suggestions.set_support, supporter, busy.id, True)
    run(app, suggestions.set_support, a, unrelated.id, True)  # not linked: not affected
    _refresh(app)
    (point,) = policy_client.get("/insights/export/pain-points.json").get_json()["rows"]
    # a, b asked; c, d, e support (an author supports their own suggestion); b and d count once each.
    assert (point["citizens"], point["questions"]) == (5, 3)
    assert (point["official_answer"], point["accepted_answer"], point["related_suggestions"]) == ("no", "no", 2)
    page = policy_client.get("/insights").get_data(as_text=True)
    assert page.index(busy.url) < page.index(quiet.url)  # most linked first
    assert unrelated.url not in page and "official answer: no" in page

    answer = make_answer(app, qs[2], make_user(app))
    make_official(app, answer.id, agency, now)
    _refresh(app)
    (point,) = policy_client.get("/insights/export/pain-points.json").get_json()["rows"]
    assert (point["official_answer"], point["accepted_answer"]) == ("yes", "no")
    public = policy_client.get("/insights/public").get_data(as_text=True)
    assert "official answer: yes" in public and "2 related suggestions" in public and busy.url not in public


def test_related_suggestions_are_read_in_a_bounded_number_of_queries(app, policy_client, agency, count_queries):
    now = datetime.now(timezone.utc)
    people = [make_user(app) for _ in range(4)]
    qs = [ask_at(app, who, now - timedelta(days=3 + i), title=t, tags=("passport-renewal",), agency=agency)
          for i, (t, who) in enumerate(zip(TITLES, people))]

    def count() -> int:
        _refresh(app)
        with count_queries() as counted:
            assert policy_client.get("/insights").status_code == 200
        return counted[0]

    first = make_suggestion(app, people[3], agency, title="Publish passport renewal waiting times")
    run(app, suggestions.link_question, people[3], first.id, str(qs[0].id))
    few = count()
    for i in range(4):
        s = make_suggestion(app, people[3], agency, title=f"Passport idea number {i} for renewals")
        run(app, suggestions.link_question, people[3], s.id, str(qs[i % 3].id))
    assert count() == few


def test_supporters_of_a_linked_suggestion_hidden_after_the_refresh_no_longer_count(app, policy_client, agency):
    from forum.moderation.states import set_state
    from forum.suggestions.models import Suggestion

    now = datetime.now(timezone.utc)
    a, b, c, d = (make_user(app) for _ in range(4))
    qs = [ask_at(app, who, now - timedelta(days=3 + i), title=t, tags=("passport-renewal",), agency=agency)
          for i, (t, who) in enumerate(zip(TITLES, (a, b, a)))]
    linked = make_suggestion(app, c, agency, title="Send a text when a passport renewal is posted")
    run(app, suggestions.link_question, c, linked.id, str(qs[0].id))
    run(app, suggestions.set_support, d, linked.id, True)
    _refresh(app)
    (point,) = policy_client.get("/insights/export/pain-points.json").get_json()["rows"]
    assert point["citizens"] == 4  # a and b asked; c and d support the linked suggestion
    with app.app_context():
        set_state(db.session.get(Suggestion, linked.id), "hidden", ("public",))
        db.session.commit()
    assert policy_client.get("/insights/export/pain-points.json").get_json()["rows"] == []  # 2 citizens only
