"""Flags: once per person per post; enough distinct people hide the post until reviewed."""
import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.moderation.models import Flag
from forum.qa import check
from forum.qa.models import Answer, Question

from ..factories import fetch, make_user
from .conftest import audit_actions


def flag(form, client, kind, post_id, reason="spam", text=""):
    return form(client, f"/{kind}s/{post_id}/flag", {"reason": reason, "text": text})


def test_a_signed_in_person_flags_a_post(app, client_of, reader, question, form):
    response = flag(form, client_of(reader), "question", question.id, "abusive")
    assert response.status_code == 302
    with app.app_context():
        row = db.session.scalar(select(Flag))
        assert (row.user_id, row.question_id, row.reason, row.status) == (reader.id, question.id, "abusive", "open")


def test_flagging_twice_is_refused(app, client_of, reader, question, form):
    client = client_of(reader)
    flag(form, client, "question", question.id)
    response = flag(form, client, "question", question.id, "off_topic")
    assert response.status_code == 409
    assert "already flagged" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Flag)) == 1


def test_three_people_hide_an_answer_until_reviewed(app, client_of, client, question, answer, moderator, form):
    for _ in range(3):
        flag(form, client_of(make_user(app)), "answer", answer.id)
    assert fetch(app, Answer, answer.id, "state") == "hidden"
    assert "Mine took three weeks" not in client.get(question.url).get_data(as_text=True)
    assert fetch(app, Question, question.id, "answer_count") == 0
    assert audit_actions(app, "answer", answer.id) == ["auto_hide"]
    queue = client_of(moderator).get("/moderation").get_data(as_text=True)
    assert "3 flags" in queue and "Restore" in queue
    # The moderator disagrees: the flags are dismissed and the answer is back.
    response = form(client_of(moderator), f"/moderation/answer/{answer.id}/decide", {"decision": "dismiss"},
                    page="/moderation")
    assert response.status_code == 302
    assert fetch(app, Answer, answer.id, "state") == "public"
    assert fetch(app, Question, question.id, "answer_count") == 1
    with app.app_context():
        assert set(db.session.scalars(select(Flag.status))) == {"dismissed"}
        assert check.find_drift() == []


def test_a_hidden_question_leaves_lists(app, client_of, client, question, form):
    for _ in range(3):
        flag(form, client_of(make_user(app)), "question", question.id)
    assert client.get(question.url).status_code == 404
    assert "passport renewal" not in client.get("/questions").get_data(as_text=True)
    with app.app_context():
        assert check.find_drift() == []


@pytest.mark.parametrize("reason, text, message", [
    ("", "", "Choose why you are flagging this post"),
    ("nonsense", "", "Not a valid choice"),
    ("other", "", "Say what is wrong with this post"),
    ("spam", "x" * 501, "500 characters or fewer"),
])
def test_bad_flags_come_back_with_the_error(app, client_of, reader, question, form, reason, text, message):
    response = flag(form, client_of(reader), "question", question.id, reason, text)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Flag)) is None


def test_nobody_flags_their_own_post(client_of, asker, question, form):
    assert flag(form, client_of(asker), "question", question.id).status_code == 403


def test_flagging_a_missing_post_is_404(client_of, reader, form, question):
    assert client_of(reader).get("/answers/99999/flag").status_code == 404
    assert client_of(reader).get("/posts/1/flag").status_code == 404


def test_visitors_are_sent_to_sign_in(client, question):
    response = client.get(f"/questions/{question.id}/flag")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("decision, state, status", [("hide", "hidden", "actioned"), ("delete", "deleted", "actioned")])
def test_moderator_hides_or_deletes_a_flagged_post(app, client_of, reader, moderator, question, answer, form,
                                                    decision, state, status):
    flag(form, client_of(reader), "answer", answer.id)
    response = form(client_of(moderator), f"/moderation/answer/{answer.id}/decide",
                    {"decision": decision, "reason": "advertising"}, page="/moderation")
    assert response.status_code == 302
    assert fetch(app, Answer, answer.id, "state") == state
    assert fetch(app, Question, question.id, "answer_count") == 0
    with app.app_context():
        assert db.session.scalar(select(Flag.status)) == status
        assert check.find_drift() == []
    assert audit_actions(app, "answer", answer.id) == [decision]


def test_hidden_post_restored(app, client_of, moderator, question, answer, form):
    for decision in ("hide", "restore"):
        assert form(client_of(moderator), f"/moderation/answer/{answer.id}/decide", {"decision": decision},
                    page="/moderation").status_code == 302
    assert fetch(app, Answer, answer.id, "state") == "public"
    assert fetch(app, Question, question.id, "answer_count") == 1


def test_dismissing_flags_someone_else_just_dismissed(app, client_of, reader, moderator, admin, answer, form):
    flag(form, client_of(reader), "answer", answer.id)
    form(client_of(admin), f"/moderation/answer/{answer.id}/decide", {"decision": "dismiss"}, page="/moderation")
    response = form(client_of(moderator), f"/moderation/answer/{answer.id}/decide", {"decision": "dismiss"},
                    page="/moderation")
    assert response.status_code == 409 and "Another moderator has just handled" in response.get_data(as_text=True)


def test_unknown_decision_is_400(client_of, moderator, answer, form):
    response = form(client_of(moderator), f"/moderation/answer/{answer.id}/decide", {"decision": "explode"},
                    page="/moderation")
    assert response.status_code == 400


@pytest.mark.parametrize("who", ["citizen", "outsider"])
@pytest.mark.parametrize("decision", ["dismiss", "hide", "restore", "delete", "release", "redact"])
def test_citizens_and_other_agencies_cannot_decide(app, client_of, reader, outsider, answer, form, who, decision):
    person = reader if who == "citizen" else outsider
    response = form(client_of(person), f"/moderation/answer/{answer.id}/decide", {"decision": decision},
                    page="/questions")
    assert response.status_code == 403
    assert fetch(app, Answer, answer.id, "state") == "public"
    assert audit_actions(app, "answer", answer.id) == ["refused:moderate_post"]


def test_a_suspended_person_cannot_flag(app, client_of, reader, moderator, question, form):
    from forum.moderation import service
    from ..factories import run
    run(app, service.suspend_user, moderator, reader.id, 1, "abuse")
    response = flag(form, client_of(reader), "question", question.id)
    assert response.status_code == 403 and "suspended" in response.get_data(as_text=True)


def test_keeping_an_automatically_hidden_post_hidden(app, client_of, moderator, question, answer, form):
    for _ in range(3):
        flag(form, client_of(make_user(app)), "answer", answer.id)
    client = client_of(moderator)
    assert form(client, f"/moderation/answer/{answer.id}/decide", {"decision": "hide"}, page="/moderation").status_code == 302
    assert fetch(app, Answer, answer.id, "state") == "hidden"
    with app.app_context():
        assert set(db.session.scalars(select(Flag.status))) == {"actioned"}
    assert form(client, f"/moderation/answer/{answer.id}/decide", {"decision": "hide"},
                page="/moderation").status_code == 409
    assert "Nothing waits for a moderator" in client.get("/moderation").get_data(as_text=True)


def test_simultaneous_flags_still_hide_the_post(app, client_of, answer):
    from concurrent.futures import ThreadPoolExecutor

    from ..helpers import csrf_token
    clients = [client_of(make_user(app)) for _ in range(4)]
    tokens = [csrf_token(c, f"/answers/{answer.id}/flag") for c in clients]
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(lambda ct: ct[0].post(f"/answers/{answer.id}/flag", data={
            "reason": "spam", "csrf_token": ct[1]}).status_code, zip(clients, tokens)))
    assert statuses.count(302) >= 3  # the fourth may find the post already hidden (404)
    assert fetch(app, Answer, answer.id, "state") == "hidden"
    with app.app_context():
        assert check.find_drift() == []


def queue_form(client, kind, post_id) -> dict:
    """What the queue's form for the post sends besides the decision: the state and the flags
    the moderator saw, and the page's CSRF token (as a browser would, from the loaded page)."""
    import re

    page = client.get("/moderation").get_data(as_text=True)
    match = re.search(rf'<form method="post" action="/moderation/{kind}/{post_id}/decide".*?</form>', page, re.S)
    assert match, f"no form for {kind} {post_id} in the queue"
    fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', match.group(0)))
    assert "seen" in fields
    return fields


def decide_from(client, fields, kind, post_id, decision):
    return client.post(f"/moderation/{kind}/{post_id}/decide", data={**fields, "decision": decision})


@pytest.fixture
def colleague(app, agency):
    return make_user(app, role="moderator", agency=agency, display_name="Cal Colleague")


@pytest.mark.parametrize("flags, first, second, state", [
    (3, "hide", "restore", "hidden"),  # A keeps it hidden; B's restore would overrule A
    (3, "restore", "hide", "public"),  # A restores it; B's "keep hidden" no longer applies
    (1, "dismiss", "hide", "public"),  # A dismisses the flags; B hides on flags already judged
    (1, "delete", "dismiss", "deleted"),  # A deletes it: B is told, not shown "no such post"
    (3, "delete", "restore", "deleted"),
])
def test_a_decision_from_a_stale_queue_is_already_handled(app, client_of, moderator, colleague, answer, form,
                                                          flags, first, second, state):
    for _ in range(flags):
        flag(form, client_of(make_user(app)), "answer", answer.id)
    a, b = client_of(moderator), client_of(colleague)
    seen_by_a, seen_by_b = queue_form(a, "answer", answer.id), queue_form(b, "answer", answer.id)
    assert decide_from(a, seen_by_a, "answer", answer.id, first).status_code == 302
    response = decide_from(b, seen_by_b, "answer", answer.id, second)
    assert response.status_code == 409 and "Another moderator has just handled" in response.get_data(as_text=True)
    assert fetch(app, Answer, answer.id, "state") == state
    assert audit_actions(app, "answer", answer.id)[-1] == first


def test_flags_that_arrived_after_the_queue_was_loaded_are_shown_first(app, client_of, moderator, answer, form):
    flag(form, client_of(make_user(app)), "answer", answer.id)
    client = client_of(moderator)
    seen = queue_form(client, "answer", answer.id)
    flag(form, client_of(make_user(app)), "answer", answer.id, "abusive")
    response = decide_from(client, seen, "answer", answer.id, "dismiss")
    assert response.status_code == 409 and "new flags" in response.get_data(as_text=True)
    assert decide_from(client, queue_form(client, "answer", answer.id), "answer", answer.id,
                       "dismiss").status_code == 302
    with app.app_context():
        assert set(db.session.scalars(select(Flag.status))) == {"dismissed"}


def test_a_bad_seen_flag_is_400(client_of, moderator, reader, answer, form):
    flag(form, client_of(reader), "answer", answer.id)
    client = client_of(moderator)
    seen = queue_form(client, "answer", answer.id)
    for bad in ("abc", "99999999999999999999", "-1"):
        assert decide_from(client, {**seen, "last_flag": bad}, "answer", answer.id, "dismiss").status_code == 400


def hidden_list(client) -> str:
    response = client.get("/moderation?show=hidden")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_hidden_post_is_restored_from_the_hidden_list(app, client_of, client, reader, moderator, question, answer,
                                                        form):
    flag(form, client_of(reader), "answer", answer.id)
    staff = client_of(moderator)
    assert decide_from(staff, queue_form(staff, "answer", answer.id), "answer", answer.id, "hide").status_code == 302
    assert "Nothing waits for a moderator" in staff.get("/moderation").get_data(as_text=True)
    listing = hidden_list(staff)
    assert "Mine took three weeks" in listing and "Restore" in listing
    import re
    fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', listing.split(
        f'action="/moderation/answer/{answer.id}/decide"')[1].split("</form>")[0]))
    assert staff.post(f"/moderation/answer/{answer.id}/decide", data={**fields, "decision": "restore"}).status_code == 302
    assert fetch(app, Answer, answer.id, "state") == "public"
    assert "Mine took three weeks" in client.get(question.url).get_data(as_text=True)
    assert "Mine took three weeks" not in hidden_list(staff)


def test_the_hidden_list_keeps_to_the_moderators_agency(app, client_of, asker, moderator, outsider, admin, agency,
                                                        other_agency):
    from forum.moderation import service
    from ..factories import make_question, run

    mine = make_question(app, asker, title="A hidden tax office question", agency=agency)
    theirs = make_question(app, asker, title="A hidden passport office question", agency=other_agency)
    for q in (mine, theirs):
        run(app, service.decide, admin, "question", q.id, "hide")
    seen = hidden_list(client_of(moderator))
    assert "A hidden tax office question" in seen and "A hidden passport office question" not in seen
    assert "A hidden passport office question" in hidden_list(client_of(outsider))
    everything = hidden_list(client_of(admin))
    assert "A hidden tax office question" in everything and "A hidden passport office question" in everything
    assert client_of(make_user(app)).get("/moderation?show=hidden").status_code == 403


def test_the_hidden_list_reads_with_a_fixed_number_of_queries(app, client_of, asker, agency, admin, count_queries):
    from forum.moderation import service
    from ..factories import make_answer, make_question, run
    from ..suggestions.conftest import make_suggestion

    def listing_queries():
        client = client_of(admin)
        client.get("/moderation?show=hidden")
        with count_queries() as counted:
            hidden_list(client)
        return counted[0]

    few = listing_queries()
    for n in range(3):
        q = make_question(app, asker, title=f"Hidden question number {n}", agency=agency)
        a = make_answer(app, q, make_user(app))
        s = make_suggestion(app, make_user(app), agency, title=f"Hidden suggestion number {n}")
        for kind, post_id in (("answer", a.id), ("question", q.id), ("suggestion", s.id)):
            run(app, service.decide, admin, kind, post_id, "hide")
    assert listing_queries() == few


def test_staff_open_a_hidden_question_with_a_notice(app, client_of, client, reader, moderator, outsider, admin,
                                                    question, answer):
    from forum.moderation import service
    from ..factories import run

    run(app, service.decide, moderator, "answer", answer.id, "hide")
    run(app, service.decide, moderator, "question", question.id, "hide")
    for person in (moderator, admin):
        response = client_of(person).get(question.url)
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and "Hidden from the public" in page
        assert "Mine took three weeks" in page  # the hidden answer too, marked as such
    for visitor in (client, client_of(reader), client_of(outsider)):
        assert visitor.get(question.url).status_code == 404


def test_a_question_restored_after_its_tag_was_merged_comes_back_under_the_main_tag(app, client_of, moderator, asker,
                                                                                     agency, form):
    from forum.tags import service as tags
    from forum.tags.models import Tag

    from ..factories import make_question, run

    hidden = make_question(app, asker, agency=agency, tags=("parking",))
    make_question(app, asker, agency=agency, tags=("roads",))
    staff = client_of(moderator)
    assert form(staff, f"/moderation/question/{hidden.id}/decide", {"decision": "hide"},
                page="/moderation").status_code == 302
    run(app, tags.merge, make_user(app, role="admin"), "parking", "roads")
    assert form(staff, f"/moderation/question/{hidden.id}/decide", {"decision": "restore"},
                page="/moderation?show=hidden").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Question.tag_names).where(Question.id == hidden.id)) == "roads"
        assert db.session.scalars(select(Tag.name).order_by(Tag.name)).all() == ["roads"]  # "parking" not made anew
        assert db.session.scalar(select(Tag.question_count).where(Tag.name == "roads")) == 2
        assert check.find_drift() == []
