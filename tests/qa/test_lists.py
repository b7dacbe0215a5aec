"""Question lists (sorts, filters, pages) and the bounded number of queries on every page."""
import random
from datetime import datetime, timezone

import pytest

from forum.demo.bulk import load_questions
from forum.extensions import db

from ..factories import make_agency, make_answer, make_question, make_user, run
from ..helpers import csrf_token


def titles(page: str, *wanted: str) -> list[str]:
    return sorted(wanted, key=page.index)


def test_sorts_and_filters(app, client_of, asker, helper, reader):
    agency = make_agency(app, name="Passport Office", slug="passport-office")
    old = make_question(app, asker, title="Old question about renewals", tags=("renewals",))
    popular = make_question(app, asker, title="Popular question about payments", tags=("payments",), agency=agency)
    make_question(app, asker, title="Fresh question with no answer", tags=("payments",))
    make_answer(app, old, helper)
    voter = client_of(reader)
    voter.post(f"/questions/{popular.id}/vote", data={"vote": "up", "csrf_token": csrf_token(voter, popular.url)})
    voter.post(f"/questions/{popular.id}/me-too", data={"affected": "yes", "csrf_token": csrf_token(voter, popular.url)})
    client = app.test_client()

    def listed(query: str) -> str:
        response = client.get(f"/questions?{query}")
        assert response.status_code == 200
        return response.get_data(as_text=True)

    page = listed("sort=newest")
    assert titles(page, "Old question", "Popular question", "Fresh question") == ["Fresh question", "Popular question", "Old question"]
    page = listed("sort=active")
    assert page.index("Old question") < page.index("Fresh question")  # answered after the others were asked
    page = listed("sort=votes")
    assert page.index("Popular question") < page.index("Old question")
    page = listed("sort=affected")
    assert page.index("Popular question") < page.index("Fresh question")
    page = listed("sort=unanswered")
    assert "Old question" not in page and "Fresh question" in page
    page = listed("tag=payments")
    assert "Old question" not in page and "Popular question" in page and "Fresh question" in page
    page = listed("agency=passport-office")
    assert "Popular question" in page and "Fresh question" not in page
    page = listed("answered=yes")
    assert "Old question" in page and "Fresh question" not in page
    agency_page = client.get("/agencies/passport-office").get_data(as_text=True)
    assert "Popular question" in agency_page and "Fresh question" not in agency_page
    profile = client.get(f"/users/{asker.id}").get_data(as_text=True)
    assert "Questions (3)" in profile


def test_filters_combine_on_an_agency_page(app, client, asker, helper):
    agency = make_agency(app, name="Passport Office", slug="passport-office")
    answered = make_question(app, asker, title="Answered passport question on fees", tags=("fees",), agency=agency)
    make_question(app, asker, title="Unanswered passport question on fees", tags=("fees",), agency=agency)
    make_question(app, asker, title="Unanswered passport question on forms", tags=("forms",), agency=agency)
    make_question(app, asker, title="Unanswered question on fees elsewhere", tags=("fees",))
    make_answer(app, answered, helper)

    def listed(query: str) -> str:
        response = client.get(f"/agencies/passport-office?{query}")
        assert response.status_code == 200
        return response.get_data(as_text=True)

    page = listed("tag=fees")
    assert "Answered passport question" in page and "Unanswered passport question on fees" in page
    assert "on forms" not in page and "elsewhere" not in page and "2 questions</p>" in page
    page = listed("tag=fees&answered=no&sort=votes")
    assert "Unanswered passport question on fees" in page and "Answered passport" not in page
    assert "1 question</p>" in page
    assert "Answered passport question" in listed("answered=yes") and "on forms" not in listed("answered=yes")


@pytest.mark.parametrize("query", ["page=999999", "page=-3", "page=abc", "sort=evil", "answered=maybe",
                                   "agency=nope", "page=" + "9" * 40, "tag=%E2%9C%93"])
def test_odd_list_parameters_never_fail(client, question, query):
    assert client.get(f"/questions?{query}").status_code == 200


def _seed(app, n_questions: int, answers: int | None = None):
    # Fresh authors only: a page viewer among them would be found in the identity map and
    # save a query, which would make the counts compare unlike with unlike.
    authors = [make_user(app).id for _ in range(20)]
    with app.app_context():
        ids = load_questions(random.Random(n_questions), n_questions, user_ids=authors,
                             agency_ids={}, now=datetime.now(timezone.utc), answers_exact=answers)
        db.session.commit()
        return ids


def _queries_for(client, count_queries, url: str) -> int:
    client.get(url)  # warm: the first request may load extra things once per process
    with count_queries() as counted:
        assert client.get(url).status_code == 200
    return counted[0]


@pytest.mark.parametrize("signed_in", [False, True])
def test_question_page_queries_do_not_grow_with_answers(app, client_of, count_queries, signed_in):
    small, = _seed(app, 1, answers=5)
    large, = _seed(app, 1, answers=60)
    with app.app_context():
        from forum.qa.models import Question
        urls = [f"/questions/{q}-{db.session.get(Question, q).slug}" for q in (small, large)]
    client = client_of(make_user(app)) if signed_in else app.test_client()
    counts = [_queries_for(client, count_queries, url) for url in urls]
    assert counts[0] == counts[1]
    assert counts[1] <= 10


def test_list_pages_query_counts_do_not_grow_with_the_data(app, client_of, count_queries):
    client = client_of(make_user(app))
    _seed(app, 5)
    urls = ["/questions", "/questions?sort=votes&tag=payments", "/", "/agencies"]
    small = [_queries_for(client, count_queries, url) for url in urls]
    _seed(app, 60)
    large = [_queries_for(client, count_queries, url) for url in urls]
    assert small == large
    assert max(large) <= 8


def _author_of(app, n_questions: int, answers: int):
    """One of two people who asked `n_questions` between them and answered each other's."""
    author, other = make_user(app).id, make_user(app).id
    with app.app_context():
        load_questions(random.Random(n_questions), n_questions, user_ids=[author, other], agency_ids={},
                       now=datetime.now(timezone.utc), answers_exact=answers)
        db.session.commit()
    return author


@pytest.mark.parametrize("path", ["", "/questions", "/answers", "/questions?page=2", "/answers?page=2"])
def test_profile_queries_do_not_grow_with_what_people_wrote(app, client_of, count_queries, path):
    small, large = _author_of(app, 4, answers=2), _author_of(app, 60, answers=2)
    client = client_of(make_user(app))
    counts = [_queries_for(client, count_queries, f"/users/{user}{path}") for user in (small, large)]
    assert counts[0] == counts[1]
    assert counts[1] <= 8


def test_profiles_page_through_every_question_and_answer(app, client, asker, helper):
    questions = [make_question(app, asker, title=f"Question number {n:02} about renewals") for n in range(25)]
    for question in questions[:12]:
        make_answer(app, question, helper, body=f"Answer to question {question.id}.")
    profile = client.get(f"/users/{asker.id}").get_data(as_text=True)
    assert "Questions (25)" in profile and "Question number 24" in profile and "Question number 14" not in profile
    assert f'href="/users/{asker.id}/questions"' in profile
    second = client.get(f"/users/{asker.id}/questions?page=2").get_data(as_text=True)
    assert "Question number 04" in second and "Question number 24" not in second
    assert "Question number 00" in client.get(f"/users/{asker.id}/questions?page=2").get_data(as_text=True)
    answers = client.get(f"/users/{helper.id}").get_data(as_text=True)
    assert "Answers (12)" in answers and f'href="/users/{helper.id}/answers"' in answers
    all_answers = client.get(f"/users/{helper.id}/answers").get_data(as_text=True)
    assert all(f"Question number {n:02} about renewals" in all_answers for n in range(12))


def test_visitors_may_get_a_cached_question_page_but_signed_in_people_never(app, client_of, asker, helper):
    from forum.extensions import cache

    question = make_question(app, asker)
    app.config["FORUM_PAGE_CACHE_SECONDS"] = 30
    try:
        visitor = app.test_client()
        first = visitor.get(question.url).get_data(as_text=True)
        assert "0 answers" in first
        make_answer(app, question, helper, body="A brand new answer.")
        # Visitors may see the page as it was for up to FORUM_PAGE_CACHE_SECONDS...
        assert visitor.get(question.url).get_data(as_text=True) == first
        # ...while people who take part always see it as it is now.
        assert "A brand new answer." in client_of(helper).get(question.url).get_data(as_text=True)
        assert "A brand new answer." in visitor.get(question.url + "?fresh=1").get_data(as_text=True)
        with app.test_request_context():
            cached = cache.get(f"page:{question.url}")
        cached = cached.decode() if isinstance(cached, bytes) else cached  # bytes when memoised, as it was sent
        assert cached == first and "csrf_token" not in cached
    finally:
        app.config["FORUM_PAGE_CACHE_SECONDS"] = 0
        with app.app_context():
            cache.clear()



def _link_suggestions(app, question, author, how_many: int) -> None:
    from forum.suggestions import service as suggestions

    agency = make_agency(app)
    for n in range(how_many):
        suggestion_id = run(app, lambda user, title: suggestions.propose(user, title, "Please.", [], agency.slug).id,
                            author, f"Suggestion number {n} about renewals")
        run(app, suggestions.link_question, author, suggestion_id, str(question.id))


@pytest.mark.parametrize("signed_in, statements", [(False, 2), (True, 3)])
def test_question_page_reads_question_and_answers_in_two_statements(app, client_of, count_queries, asker, helper,
                                                                    signed_in, statements):
    """The question (with its linked suggestions and the viewer's marks) in one statement, its
    answers (with the viewer's votes) in another; for a signed-in viewer, their own row too."""
    plain, linked = make_question(app, asker), make_question(app, asker, title="A question with suggestions linked")
    for question in (plain, linked):
        for n in range(3):
            make_answer(app, question, helper, body=f"Answer number {n} with enough words.")
    _link_suggestions(app, linked, helper, 3)
    client = client_of(make_user(app)) if signed_in else app.test_client()
    assert [_queries_for(client, count_queries, q.url) for q in (plain, linked)] == [statements, statements]
    page = client.get(linked.url).get_data(as_text=True)
    assert "Related suggestions" in page
    assert [page.index(f"Suggestion number {n}") for n in range(3)] == sorted(page.index(f"Suggestion number {n}")
                                                                              for n in range(3))
