"""The search page: ranking basics, filters, sorting, highlighting, spelling, pagination."""
import re
from datetime import datetime, timezone

from sqlalchemy import update

from forum.extensions import db
from forum.qa import service
from forum.qa.models import Question

from ..factories import make_agency, make_answer, make_question, make_user, run


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r'<h2 class="govuk-heading-s[^"]*"><a[^>]*>(.*?)</a></h2>', html)]


def test_title_match_ranks_above_body_match_and_stemming_finds_other_forms(app, client, asker, drain):
    make_question(app, asker, title="Where do I send the renewal form?", body="Asking about running costs of a licence.")
    make_question(app, asker, title="Running a small business: which licence?", body="I want to start trading.")
    drain()
    assert titles(client, "/search?q=run") == ["Running a small business: which licence?", "Where do I send the renewal form?"]


def test_answers_are_found_and_link_to_their_question(app, client, asker, drain):
    q = make_question(app, asker, title="How long does a passport renewal take?")
    a = make_answer(app, q, make_user(app), body="Mine took three weeks, track it on the website.")
    drain()
    html = client.get("/search?q=track+website&type=answer").get_data(as_text=True)
    assert f'href="/answers/{a.id}"' in html
    # The answer's lasting address leads to the page of the thread that shows it.
    response = client.get(f"/answers/{a.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{q.url}#answer-{a.id}")


def test_a_question_ranks_above_its_own_answers_for_a_title_match(app, client, asker, drain):
    question = make_question(app, asker, title="Pension credit for carers", body="How do I claim it?")
    for n in range(6):
        make_answer(app, question, make_user(app), body=f"Tip {n}: ring the pension credit helpline early.")
    make_answer(app, question, make_user(app), body="The form asks for your bank details.")
    drain()
    found = titles(client, "/search?q=pension+credit")
    assert found[0] == "Pension credit for carers"
    assert found[1:] == ["Answer to: Pension credit for carers"] * 6
    # Answers are still found by their own words, under their question's title.
    assert titles(client, "/search?q=bank+details") == ["Answer to: Pension credit for carers"]


def test_filters_by_agency_tag_accepted_and_date(app, client, asker, drain):
    tax = make_agency(app, name="Tax Office", slug="tax-office")
    make_question(app, asker, title="Refund delayed after changing bank details", tags=("refunds",), agency=tax)
    other = make_question(app, asker, title="Refund for a cancelled passport appointment", tags=("passports",))
    answer = make_answer(app, other, make_user(app))
    run(app, service.accept_answer, asker, answer.id)
    with app.app_context():
        db.session.execute(update(Question).where(Question.id == other.id)
                           .values(created_at=datetime(2025, 1, 10, tzinfo=timezone.utc)))
        db.session.commit()
    drain()
    assert titles(client, "/search?q=refund&type=question&agency=tax-office") == ["Refund delayed after changing bank details"]
    assert titles(client, "/search?q=refund&type=question&tag=passports") == ["Refund for a cancelled passport appointment"]
    assert titles(client, "/search?q=refund&type=question&accepted=yes") == ["Refund for a cancelled passport appointment"]
    assert titles(client, "/search?q=refund&type=question&from=2026-01-01") == ["Refund delayed after changing bank details"]
    assert titles(client, "/search?q=refund&type=question&to=2025-12-31") == ["Refund for a cancelled passport appointment"]
    # Neither has an official answer (see test_moderation_search.py for one that has).
    assert titles(client, "/search?q=refund&official=yes") == []


def test_bad_date_is_reported_next_to_its_field(client):
    html = client.get("/search?q=refund&from=31/02/2026").get_data(as_text=True)
    assert "Enter a date like 2026-03-31" in html


def test_sort_by_votes_and_newest(app, client, asker, drain):
    old = make_question(app, asker, title="Parking permit for a visitor, how?")
    make_question(app, asker, title="Parking permit renewal online fails")
    run(app, service.vote_question, make_user(app), old.id, 1)
    drain()
    assert titles(client, "/search?q=parking&sort=votes")[0] == "Parking permit for a visitor, how?"
    assert titles(client, "/search?q=parking&sort=newest")[0] == "Parking permit renewal online fails"


def test_highlights_are_escaped(app, client, asker, drain):
    make_question(app, asker, title="Script <b>bold</b> question about pensions",
                  body="<script>alert('x')</script> pensions <img src=x onerror=alert(1)>")
    drain()
    html = client.get("/search?q=pensions").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    assert "<mark>pensions</mark>" in html
    assert "&lt;/script&gt;" in html


def test_did_you_mean_for_a_misspelling(app, client, asker, drain):
    make_question(app, asker, title="Passport renewal is taking longer than expected")
    drain()
    html = client.get("/search?q=pasport").get_data(as_text=True)
    assert "Did you mean" in html and ">passport</a>" in html


def test_pagination(app, client, asker, drain):
    for n in range(23):
        make_question(app, asker, title=f"Question number {n} about childcare subsidy")
    drain()
    first = titles(client, "/search?q=childcare")
    second = titles(client, "/search?q=childcare&page=2")
    assert len(first) == 20 and len(second) == 3 and not set(first) & set(second)
    assert "page 1 of 2" in client.get("/search?q=childcare").get_data(as_text=True)


def test_search_box_in_the_header(client):
    assert 'role="search"' in client.get("/").get_data(as_text=True)


def test_phrases_and_field_queries(app, client, asker, drain):
    make_question(app, asker, title="Passport renewal for a child", tags=("passports",))
    make_question(app, asker, title="Renewal of a child passport photo rules", body="passport renewal photo")
    make_question(app, asker, title="Renewal of my passport is slow", body="No news for weeks.")
    drain()
    assert sorted(titles(client, '/search?q="passport+renewal"&type=question')) == [
        "Passport renewal for a child", "Renewal of a child passport photo rules"]
    assert titles(client, "/search?q=title:photo") == ["Renewal of a child passport photo rules"]


def test_search_page_reads_with_a_bounded_number_of_queries(app, client, asker, drain, count_queries):
    def count_for(url):
        with count_queries() as counted:
            assert client.get(url).status_code == 200
        return counted[0]

    make_question(app, asker, title="Council rates discount for pensioners")
    drain()
    one = count_for("/search?q=council")
    for n in range(12):
        q = make_question(app, asker, title=f"Council rates question {n}")
        make_answer(app, q, asker, body="The council answers rates questions by phone.")
    drain()
    assert count_for("/search?q=council") == one


def test_did_you_mean_never_offers_a_word_only_hidden_or_deleted_posts_have(app, client, asker, drain):
    make_question(app, asker, title="Passport renewal is taking longer than expected")
    hidden = make_question(app, asker, title="Quokka sanctuary grants")
    deleted = make_question(app, asker, title="Wombat crossing signs")
    make_question(app, asker, title="Grants for community gardens")
    drain()
    with app.app_context():  # stale: the index still holds it
        db.session.execute(update(Question.__table__).where(Question.__table__.c.id == hidden.id).values(state="hidden"))
        db.session.commit()
    run(app, service.delete_question, asker, deleted.id)
    drain()  # removed from the index, but its words linger until segments merge
    # "quoka grants": the corrected words match only the hidden post, though "grants" alone matches another.
    for misspelt, word in (("quoka", "quokka"), ("wombatt", "wombat"), ("quoka grants", "quokka")):
        html = client.get("/search", query_string={"q": misspelt}).get_data(as_text=True)
        assert "Did you mean" not in html and f">{word}</a>" not in html, misspelt
    assert "Did you mean" in client.get("/search?q=pasport").get_data(as_text=True)


def test_a_type_filter_counts_only_posts_of_that_type(app, client, asker, drain, monkeypatch):
    """With more documents than a page's look-ahead (a small one here), the count of a filtered
    search is still that of the posts the filter keeps."""
    from forum.search import whoosh

    monkeypatch.setattr(whoosh, "CHECK_LIMIT", 5)
    for n in range(6):
        question = make_question(app, asker, title=f"Childcare subsidy question {n}")
        for m in range(3):
            make_answer(app, question, make_user(app), body=f"Childcare subsidy answer {m}.")
    drain()
    html = client.get("/search?q=childcare+subsidy&type=question").get_data(as_text=True)
    assert "6 results" in html and 'rel="next"' not in html
    assert len(titles(client, "/search?q=childcare+subsidy&type=question")) == 6
    assert "24 results" in client.get("/search?q=childcare+subsidy").get_data(as_text=True)
