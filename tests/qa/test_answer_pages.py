"""A long thread is read a page of answers at a time; every link to an answer finds its page."""
import random
import re
from datetime import datetime, timezone

import pytest
from sqlalchemy import select, update

from forum.demo.bulk import load_questions
from forum.extensions import db
from forum.moderation import service as moderation
from forum.qa.models import Answer, Question
from forum.qa.question_page import ANSWERS_PER_PAGE

from ..factories import make_user, run

TOTAL = 2 * ANSWERS_PER_PAGE + 5  # three pages: 30, 30 and 5


@pytest.fixture
def thread(app):
    """A question with TOTAL public answers of varied scores, some equal; its address and its
    answers' ids in the order the page shows them (by score, then oldest first)."""
    authors = [make_user(app).id for _ in range(12)]
    with app.app_context():
        question_id, = load_questions(random.Random(7), 1, user_ids=authors, agency_ids={},
                                      now=datetime.now(timezone.utc), answers_exact=TOTAL)
        for n, answer_id in enumerate(db.session.scalars(select(Answer.id).where(Answer.question_id == question_id))):
            db.session.execute(update(Answer).where(Answer.id == answer_id).values(score=n % 7))
        db.session.execute(update(Question).where(Question.id == question_id).values(accepted_answer_id=None))
        db.session.commit()
        q = db.session.get(Question, question_id)
        order = list(db.session.scalars(select(Answer.id).where(Answer.question_id == question_id)
                                        .order_by(Answer.score.desc(), Answer.created_at, Answer.id)))
        return f"/questions/{q.id}-{q.slug}", q.id, order


def shown(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<article class="cf-post cf-answer[^"]*" id="answer-(\d+)"', html)]


def test_answers_come_a_page_at_a_time_in_one_order(client, thread):
    url, _, order = thread
    pages = [client.get(url if n == 1 else f"{url}?page={n}") for n in (1, 2, 3)]
    assert [p.status_code for p in pages] == [200, 200, 200]
    html = [p.get_data(as_text=True) for p in pages]
    assert [len(shown(h)) for h in html] == [ANSWERS_PER_PAGE, ANSWERS_PER_PAGE, 5]
    assert shown(html[0]) + shown(html[1]) + shown(html[2]) == order  # none twice, none missed
    for n, h in enumerate(html, start=1):
        assert f"{TOTAL} answers</h2>" in h and f"Showing page {n} of 3" in h
        assert 'class="govuk-pagination"' in h
    assert f'href="{url}?page=2" rel="next"' in html[0]
    assert f'href="{url}?page=1" rel="prev"' in html[1] or f'href="{url}" rel="prev"' in html[1]


def test_a_short_thread_has_no_pages(client, question):
    html = client.get(question.url).get_data(as_text=True)
    assert "govuk-pagination" not in html and "Showing page" not in html


@pytest.mark.parametrize("page, status", [("0", 200), ("-3", 200), ("abc", 200), ("4", 404), ("10001", 404),
                                          ("99999999999999999999", 404)])
def test_odd_page_numbers_are_the_first_page_or_a_clear_404(client, thread, page, status):
    url, _, order = thread
    response = client.get(f"{url}?page={page}")
    assert response.status_code == status
    if status == 200:
        assert shown(response.get_data(as_text=True)) == order[:ANSWERS_PER_PAGE]
    else:
        assert "no page" in response.get_data(as_text=True)


def test_an_old_address_keeps_its_page(client, thread):
    url, question_id, _ = thread
    response = client.get(f"/questions/{question_id}-old-title?page=2")
    assert response.status_code == 301 and response.headers["Location"].endswith(f"{url}?page=2")


def test_an_answers_lasting_address_leads_to_its_page(client, thread):
    url, _, order = thread
    for index in (0, ANSWERS_PER_PAGE - 1, ANSWERS_PER_PAGE, TOTAL - 1):
        answer_id = order[index]
        response = client.get(f"/answers/{answer_id}")
        page = index // ANSWERS_PER_PAGE + 1
        expected = f"{url}#answer-{answer_id}" if page == 1 else f"{url}?page={page}#answer-{answer_id}"
        assert response.status_code == 302 and response.headers["Location"].endswith(expected)
        assert answer_id in shown(client.get(response.headers["Location"].split("#")[0]).get_data(as_text=True))
    assert client.get("/answers/999999").status_code == 404
    assert client.get("/answers/99999999999").status_code == 404


def test_voting_without_javascript_comes_back_to_the_answers_page(app, client_of, form, thread):
    url, _, order = thread
    last = order[-1]
    voter = client_of(make_user(app))
    response = form(voter, f"/answers/{last}/vote", {"vote": "up"}, page=url)
    assert response.status_code == 302
    # Its vote moves it up among the answers scored 1, onto page 2: the redirect follows it.
    location = response.headers["Location"]
    assert location.endswith(f"{url}?page=2#answer-{last}")
    assert last in shown(voter.get(location.split("#")[0]).get_data(as_text=True))


def test_a_refused_answer_comes_back_filled_in_on_the_page_it_was_written_on(app, client_of, form, thread):
    url, question_id, order = thread
    writer = client_of(make_user(app))
    page_two = writer.get(f"{url}?page=2").get_data(as_text=True)
    action = f"/questions/{question_id}/answers?page=2"
    assert f'action="{action}"' in page_two
    too_long = "A very long answer. " * 1_001  # over the 20,000 characters an answer may have
    response = form(writer, action, {"body": too_long}, page=f"{url}?page=2")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "characters or fewer" in html and too_long.strip() in html
    assert shown(html) == order[ANSWERS_PER_PAGE:2 * ANSWERS_PER_PAGE]
    # A page that no longer exists: the answer as typed comes back on the first page.
    response = form(writer, f"/questions/{question_id}/answers?page=9", {"body": too_long}, page=url)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and too_long.strip() in html
    assert shown(html) == order[:ANSWERS_PER_PAGE]


def test_hidden_answers_and_their_addresses_are_for_moderators_only(app, client, client_of, thread):
    url, question_id, order = thread
    moderator = make_user(app, role="admin")
    hidden = order[-1]
    run(app, moderation.decide, moderator, "answer", hidden, "hide")
    assert client.get(f"/answers/{hidden}").status_code == 404
    html = client.get(f"{url}?page=3").get_data(as_text=True)
    assert f"{TOTAL - 1} answers</h2>" in html and hidden not in shown(html)
    staff = client_of(moderator)
    response = staff.get(f"/answers/{hidden}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"?page=3#answer-{hidden}")
    assert hidden in shown(staff.get(f"{url}?page=3").get_data(as_text=True))


def test_the_address_of_an_answer_under_a_hidden_question_does_not_leak_it(app, client, thread):
    url, question_id, order = thread
    run(app, moderation.decide, make_user(app, role="admin"), "question", question_id, "hide")
    response = client.get(f"/answers/{order[0]}")
    assert response.status_code == 404 and url not in response.get_data(as_text=True)
